"""Import and export of the indicator catalogue and of targets (CSV/XLSX files), each import one batch.

Files
    One table per file, read as result files are (ingest.read_grid: CSV in UTF-8, UTF-16 or
    Windows-1258 with any separator, or XLSX, its first sheet or --sheet; the same decimal-mark rule).
    A header row (within the first 30 rows) names the columns by the names below; a header such as
    "Mã chỉ tiêu / indicator_code" matches through either part. One row per indicator or per target.
    ``export`` writes the table in force in that form (CSV or XLSX by the file's extension), so an
    exported file re-imports unchanged.

Targets: ``python -m ascc targets import FILE``
    indicator_code, area_id (default VN), year, target_value, target_upper (the other bound of a range,
    e.g. 93-95 %), target_type (``level`` or ``annual_change``, default level), illustrative (default
    false), source_vi, source_en. Every target cites its source: one language is enough (it fills the
    other). An illustrative target is refused (imports go into official datasets only). A range is
    stored with target_value the bound nearer the base (schema.TARGETS). A file **replaces all targets
    of the indicators it names**.

Indicator catalogue: ``python -m ascc indicators import FILE``
    The columns of schema.INDICATORS; only indicator_code is always required. A row with a new code
    adds an indicator (then the names, units, decimals, direction, pillar, ministry, aggregation and
    weight_kind are required, and the scale for a ratio); a row with an existing code replaces that
    indicator, and columns the file leaves out keep their current values. Series breaks go in one cell,
    one break a line (or separated by ";"): ``YEAR: reason in Vietnamese | reason in English``.

Every import is checked whole (row/column messages in the user's language, as for results), then
committed under the dataset lock as one batch of the log with note ``targets`` or ``indicators``, and
withdrawn with ``python -m ascc rollback BATCH`` (storage: ascc.versions).
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from ascc import batches, db, i18n, ingest, progress, schema, settings, versions
from ascc.i18n import t
from ascc.ingest import Problem, Rejected, _text, key

TABLES = ("indicators", "targets")  # reference weights: ascc.weights
TEXT_COLUMNS = ("name_vi", "name_en", "short_vi", "short_en", "unit_vi", "unit_en", "pillar_code", "ministry_code",
                "sdg_target", "aggregation", "weight_kind", "definition_vi", "definition_en", "source_vi", "source_en")
INT_COLUMNS = ("decimals", "base_year", "target_year", "sort_order")
FLOAT_COLUMNS = ("scale", "limit_value", "min_value", "max_value")
BOOL_COLUMNS = ("higher_is_better", "headline")
# What a new indicator must state (a ratio also its scale).
NEW_INDICATOR_REQUIRED = ("name_vi", "name_en", "unit_vi", "unit_en", "decimals", "higher_is_better", "pillar_code",
                          "ministry_code", "aggregation", "weight_kind")
# Pairs that are given in both languages or not at all.
BILINGUAL = (("name_vi", "name_en"), ("short_vi", "short_en"), ("unit_vi", "unit_en"),
             ("definition_vi", "definition_en"), ("source_vi", "source_en"))
# Changes to an indicator that figures already imported were not delivered under.
DEFINING = ("aggregation", "scale", "unit_vi", "unit_en", "higher_is_better")
TARGET_REQUIRED = ("indicator_code", "year", "target_value")
TARGET_TYPE_ALIASES = {
    "level": "level", "muc": "level", "muc tieu": "level", "gia tri": "level",
    "annual change": "annual_change", "annual_change": "annual_change", "thay doi hang nam": "annual_change",
    "muc thay doi hang nam": "annual_change", "change": "annual_change",
}
TRUE = {"true", "1", "yes", "y", "x", "co", "dung", "t"}
FALSE = {"false", "0", "no", "n", "khong", "sai", "f"}
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
_BREAK_RE = re.compile(r"^\s*(\d{4})\s*:\s*(.*?)\s*\|\s*(.*?)\s*$", re.S)
_BREAK_SPLIT_RE = re.compile(r"\n|;\s*(?=\d{4}\s*:)")
# Header aliases besides the column names themselves (compared after ingest.key()).
ALIASES = {
    "indicator_code": {"indicator", "code", "ma chi tieu", "ma"},
    "area_id": {"area", "ma dia ban", "dia ban"},
    "year": {"nam", "target year", "nam muc tieu"},
    "target_value": {"target", "value", "muc tieu", "gia tri muc tieu", "gia tri"},
    "target_upper": {"upper", "upper bound", "can tren"},
    "target_type": {"type", "loai muc tieu", "loai"},
    "source_vi": {"nguon", "trich dan", "can cu"},
    "source_en": {"source", "citation"},
}


def columns(table: str) -> tuple[str, ...]:
    """The columns of a table's import file, in the order ``export`` writes them."""
    return tuple(schema.TABLES[table][1].names)


# --- the report -------------------------------------------------------------------------------------------------


@dataclass
class Report(ingest.Report):
    """What the user is told about a catalogue or targets file, and the rows a commit would write."""

    table: str = "indicators"
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, key, changed columns)

    @property
    def can_commit(self) -> bool:
        return (self.outcome != "refused" and self.n_valid > 0 and not self.errors
                and self.new + self.changed + self.removed > 0)

    def outcome_text(self, lang: str) -> str:
        if self.outcome == "committed":
            return t(f"catalogue.outcome.committed_{self.table}", lang, batch=self.batch_id, n=self.n_valid)
        if self.outcome == "checked":
            return t(f"catalogue.outcome.would_commit_{self.table}", lang, n=self.n_valid)
        return t("catalogue.outcome.rejected", lang)

    def to_text(self, lang: str, limit: int = 200) -> str:
        out = [t("ingest.report.file", lang, name=self.file_name, sha=self.sha256[:12], size=self.size)]
        if self.format:
            out.append(t("ingest.report.format", lang, fmt=ingest.describe_format(self.format, lang)))
        out.append(t("catalogue.report.counts", lang, read=self.n_candidates, valid=self.n_valid,
                     errors=len(self.errors), warnings=len(self.warnings)))
        for title, items in (("errors", self.errors), ("warnings", self.warnings), ("notes", self.infos)):
            if items:
                out += ["", t(f"ingest.report.{title}", lang, n=len(items))]
                out += [f"  - {p.line(lang)}" for p in items[:limit]]
                if len(items) > limit:
                    out.append("  " + t("ingest.report.more", lang, n=len(items) - limit))
        if self.n_valid and not self.errors:
            out += ["", t(f"catalogue.report.preview_{self.table}", lang, new=self.new, changed=self.changed,
                          unchanged=self.unchanged, removed=self.removed)]
            out += [f"  - {change_text(c, lang)}" for c in self.changes[:limit]]
        out += ["", self.outcome_text(lang)]
        return "\n".join(out)


def change_text(change: tuple[str, str, str], lang: str) -> str:
    """One line of the preview: "GOV_INDEX: new", "POV_MD: changed (aggregation, scale)"."""
    kind, what, fields = change
    return t(f"catalogue.change.{kind}", lang, item=what, fields=fields)


# --- reading the file ------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One data row of the file: Excel row number and column name -> (column index, raw cell)."""

    row: int
    cells: dict[str, tuple[int, object]]


@dataclass
class Sheet:
    """The rows of a file and what is needed to point at a cell."""

    grid: ingest.Grid
    rows: list[Row]
    headers: dict[int, str]  # column index -> header as written
    present: set[str]  # the columns the file has


def _column_of(cell, names: tuple[str, ...], aliases: dict[str, set[str]] = ALIASES) -> str | None:
    text = _text(cell)
    if not text:
        return None
    for part in [text, *re.split(r"[/|\n]", text)]:
        k = key(part)
        for name in names:
            if k == key(name) or k in aliases.get(name, ()):
                return name
    return None


def read_sheet(data: bytes, file_name: str, table: str, sheet: str | None, report: Report, *,
               names: tuple[str, ...] | None = None, anchor: str = "indicator_code", required: tuple[str, ...] = (),
               aliases: dict[str, set[str]] = ALIASES) -> Sheet:
    """Find the header row (the first naming ``anchor``) and the data rows below it (raises ingest.Rejected
    when the file is unusable). ``names``, ``required`` and ``aliases`` default to the table's."""
    grid = ingest.read_grid(data, file_name, sheet)
    report.format = {"kind": grid.kind, "encoding": grid.encoding, "delimiter": grid.delimiter, "sheet": grid.sheet}
    report.problems += grid.notes
    names = names or columns(table)
    required = required or (TARGET_REQUIRED if table == "targets" else ())
    for r in range(min(len(grid.rows), ingest.HEADER_SCAN_ROWS)):
        found: dict[str, list[int]] = {}
        for c, cell in enumerate(grid.rows[r]):
            name = _column_of(cell, names, aliases)
            if name:
                found.setdefault(name, []).append(c)
        if anchor not in found:
            continue
        dupes = tuple(n for n, cols in found.items() if len(cols) > 1)
        if dupes:
            raise Rejected(Problem("duplicate_column", "error", row=r + 1, params={"columns": dupes}))
        headers = {c: _text(v) for c, v in enumerate(grid.rows[r]) if _text(v)}
        used = {cols[0] for cols in found.values()}
        for c, text in headers.items():
            if c not in used:
                report.add("ignored_column", "warning", row=r + 1, col=c, header=text)
        for name in required:
            if name not in found:
                raise Rejected(Problem("catalogue_missing_column", "error", row=r + 1, params={"column": name}))
        rows = []
        for i in range(r + 1, len(grid.rows)):
            if all(v is None or _text(v) == "" for v in grid.rows[i]):
                continue
            rows.append(Row(i + 1, {n: (cols[0], grid.cell(i, cols[0])) for n, cols in found.items()}))
        return Sheet(grid, rows, headers, set(found))
    raise Rejected(Problem("catalogue_no_header", "error", params={"column": anchor}))


class Checker:
    """Cell parsing with row and column in every message (shared by both tables)."""

    def __init__(self, sheet: Sheet, report: Report, number_columns: tuple[str, ...]):
        self.sheet, self.report = sheet, report
        texts = [raw for row in sheet.rows for name in number_columns
                 for _, raw in [row.cells.get(name, (None, None))] if isinstance(raw, str)]
        self.numbers = ingest.Numbers(texts)
        report.format["decimal"] = self.numbers.mark
        self.bad = False  # whether the current row has an error

    def start(self) -> None:
        self.bad = False

    def add(self, reason: str, row: Row, name: str | None, severity: str = "error", **params) -> None:
        """Report a problem of a row, at the column ``name`` when the file has it."""
        col = row.cells[name][0] if name in row.cells else None
        header = self.sheet.headers.get(col) if col is not None else None
        self.report.add(reason, severity, row=row.row, col=col, header=header, params=params)
        if severity == "error":
            self.bad = True

    def raw(self, row: Row, name: str):
        return row.cells.get(name, (None, None))[1]

    def formula(self, row: Row, name: str) -> bool:
        col, raw = row.cells.get(name, (None, None))
        if col is None:
            return False
        if (self.sheet.grid.kind == "xlsx" and (row.row - 1, col) in self.sheet.grid.formulas) or ingest.is_formula_like(raw):
            self.add("formula", row, name, text=str(raw)[:40])
            return True
        return False

    def text(self, row: Row, name: str) -> str | None:
        if self.formula(row, name):
            return None
        return _text(self.raw(row, name)) or None

    def number(self, row: Row, name: str, *, unit: dict | None = None) -> float | None:
        """A number; a % sign only where ``unit`` (the indicator's, vi/en) is a percentage."""
        if self.formula(row, name):
            return None
        col, raw = row.cells.get(name, (None, None))
        percent_cell = self.sheet.grid.kind == "xlsx" and col is not None and (row.row - 1, col) in self.sheet.grid.percent_cells
        n = self.numbers.parse(raw, percent_cell=percent_cell)
        if n.error:
            self.add(n.error, row, name, **n.params)
            return None
        if n.percent and not (unit and str(unit["en"]).startswith("%")):
            if unit:
                self.add("percent_not_allowed", row, name, unit=unit)
            else:
                self.add("percent_not_here", row, name)
            return None
        return n.value

    def integer(self, row: Row, name: str) -> int | None:
        raw = self.raw(row, name)
        if raw is None or _text(raw) == "":
            return None
        value = self.number(row, name)
        if value is None:
            return None
        if not float(value).is_integer():
            self.add("bad_integer", row, name, text=_text(raw))
            return None
        return int(value)

    def boolean(self, row: Row, name: str) -> bool | None:
        raw = self.raw(row, name)
        if isinstance(raw, bool):
            return raw
        k = key(raw) if raw is not None else ""
        if not k:
            return None
        if k in TRUE:
            return True
        if k in FALSE:
            return False
        self.add("bad_bool", row, name, text=_text(raw))
        return None


def _py(value):
    """A table cell as plain Python: None for NaN, Python numbers, lists of dicts for series breaks."""
    if value is None:
        return None
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple):
        return [{k: _py(v) for k, v in item.items()} if isinstance(item, dict) else _py(item) for item in value]
    return value


def _plain(value):
    """A cell value in a form that compares equal when it means the same (for new/changed/unchanged)."""
    value = _py(value)
    if isinstance(value, list):
        return tuple(tuple(sorted(item.items())) if isinstance(item, dict) else item for item in value)
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _py(v) for k, v in r.items()} for r in frame.astype(object).to_dict("records")]


def _diff(old: dict, new: dict) -> list[str]:
    return [c for c in new if _plain(old.get(c)) != _plain(new[c])]


def tally(report: Report, old: dict, given: dict, diff=_diff) -> None:
    """Count each given row (by key) as new, changed (naming the fields) or unchanged against the old rows."""
    for k, r in given.items():
        label = k if isinstance(k, str) else " · ".join(str(x) for x in k)
        if k not in old:
            report.new += 1
            report.changes.append(("new", label, ""))
        elif fields := diff(old[k], r):
            report.changed += 1
            report.changes.append(("changed", label, ", ".join(fields)))
        else:
            report.unchanged += 1


# --- the indicator catalogue -------------------------------------------------------------------------------------


def parse_breaks(text: str | None) -> list[dict] | None:
    """Series breaks from a cell ("2018: lý do | reason", one a line or ;-separated); None when malformed."""
    if not text:
        return []
    out = []
    for part in _BREAK_SPLIT_RE.split(text):
        if not part.strip():
            continue
        m = _BREAK_RE.match(part)
        if not m or not m.group(2) or not m.group(3):
            return None
        out.append({"year": int(m.group(1)), "reason_vi": m.group(2), "reason_en": m.group(3)})
    return sorted(out, key=lambda b: b["year"])


def breaks_cell(breaks) -> str:
    """The cell text of an indicator's series breaks (parse_breaks reads it back)."""
    items = [] if breaks is None else list(breaks)
    return "\n".join(f"{int(b['year'])}: {b['reason_vi']} | {b['reason_en']}" for b in items)


@dataclass
class Lookups:
    """What a check compares a file with: the tables in force."""

    indicators: pd.DataFrame
    targets: pd.DataFrame
    pillars: set[str]
    ministries: dict[str, dict]
    areas: dict[str, dict]
    successors: dict[str, str]  # former province -> the new province it became part of

    @classmethod
    def load(cls, data_dir: Path) -> Lookups:
        def table(name, cols):
            path = Path(data_dir) / schema.TABLES[name][0]
            return pq.read_table(path, columns=cols).to_pandas() if path.exists() else pd.DataFrame(columns=cols)

        ministries = table("ministries", ["ministry_code", "valid_to", "successor_code"])
        areas = table("areas", ["area_id", "level", "boundary_set"])
        lineage = table("lineage", ["former_id", "successor_id"])
        return cls(
            indicators=versions.current(data_dir, "indicators"),
            targets=versions.current(data_dir, "targets"),
            pillars=set(table("pillars", ["pillar_code"])["pillar_code"]),
            ministries={r["ministry_code"]: r for r in ministries.astype(object).to_dict("records")},
            areas={r["area_id"]: r for r in areas[areas["level"] != "commune"].astype(object).to_dict("records")},
            successors=dict(zip(lineage["former_id"], lineage["successor_id"], strict=True)),
        )


def _defaults(order: int) -> dict:
    return {
        "short_vi": None, "short_en": None, "sdg_target": None, "scale": 1.0, "limit_value": None, "min_value": None,
        "max_value": None, "base_year": settings.PLAN_BASE_YEAR, "target_year": settings.PLAN_TARGET_YEAR,
        "headline": False, "sort_order": order, "definition_vi": None, "definition_en": None, "source_vi": None,
        "source_en": None, "series_breaks": [],
    }


def check_indicators(sheet: Sheet, report: Report, lookups: Lookups) -> pd.DataFrame:
    """Validate catalogue rows; return the full rows of the indicators the file adds or replaces."""
    ck = Checker(sheet, report, (*INT_COLUMNS, *FLOAT_COLUMNS))
    current = {r["indicator_code"]: r for r in _records(lookups.indicators)}
    next_order = max((int(r["sort_order"]) for r in current.values() if r["sort_order"] is not None), default=0) + 1
    seen: dict[str, int] = {}
    out: list[dict] = []
    for row in sheet.rows:
        ck.start()
        code = (ck.text(row, "indicator_code") or "").upper()
        if ck.bad:
            continue
        if not _CODE_RE.match(code):
            ck.add("bad_code", row, "indicator_code", text=code or "–")
            continue
        if code in seen:
            ck.add("duplicate_code", row, "indicator_code", text=code, first=seen[code])
            continue
        seen[code] = row.row
        old = current.get(code)
        rec = dict(old) if old else {"indicator_code": code, **_defaults(next_order)}
        for name in [n for n in columns("indicators")[1:] if n in sheet.present]:
            if name in TEXT_COLUMNS:
                value = ck.text(row, name)
            elif name in INT_COLUMNS:
                value = ck.integer(row, name)
            elif name in FLOAT_COLUMNS:
                value = ck.number(row, name)
            elif name in BOOL_COLUMNS:
                value = ck.boolean(row, name)
            else:  # series_breaks
                text = ck.text(row, name)
                value = parse_breaks(text)
                if value is None:
                    ck.add("bad_series_break", row, name, text=(text or "")[:80])
                    continue
            rec[name] = value
        if ck.bad:
            continue
        missing = [n for n in NEW_INDICATOR_REQUIRED if rec.get(n) is None]
        if not old and rec.get("aggregation") == "ratio" and _text(ck.raw(row, "scale")) == "":
            missing.append("scale")  # 100 for a percentage, 1000 for per mille...: never guessed
        for name in missing:
            ck.add("missing_cell", row, name, column=name)
        if ck.bad:
            continue
        _check_indicator(ck, row, rec, lookups)
        if ck.bad:
            continue
        rec["short_vi"] = rec["short_vi"] or rec["name_vi"]
        rec["short_en"] = rec["short_en"] or rec["name_en"]
        if old:
            changed = [c for c in DEFINING if _plain(old.get(c)) != _plain(rec[c])]
            if changed:
                ck.add("definition_changed", row, None, "warning", code=code, fields=tuple(changed))
        else:
            next_order = max(next_order, int(rec["sort_order"])) + 1
        out.append({"src_row": row.row, **rec})
    report.n_candidates = len(sheet.rows)
    return pd.DataFrame(out, columns=["src_row", *columns("indicators")])


def _check_indicator(ck: Checker, row: Row, rec: dict, lookups: Lookups) -> None:
    def at(name):  # the cell to point at, when the file has the column
        return name if name in row.cells else None

    for vi, en in BILINGUAL:
        if bool(rec.get(vi)) != bool(rec.get(en)):
            have, lacking = (vi, en) if rec.get(vi) else (en, vi)
            ck.add("one_language", row, at(lacking) or at(have), have=have, missing=lacking)
    if rec["aggregation"] not in schema.AGGREGATIONS:
        ck.add("bad_choice", row, at("aggregation"), text=rec["aggregation"], choices=schema.AGGREGATIONS)
    if rec["weight_kind"] not in schema.WEIGHT_KINDS:
        ck.add("bad_choice", row, at("weight_kind"), text=rec["weight_kind"], choices=schema.WEIGHT_KINDS)
    elif rec["aggregation"] in ("sum", "mean") and rec["weight_kind"] != "none":
        ck.add("weight_kind_unused", row, at("weight_kind"), "warning", aggregation=rec["aggregation"])
    if rec["pillar_code"] not in lookups.pillars:
        ck.add("unknown_pillar", row, at("pillar_code"), text=rec["pillar_code"], choices=tuple(sorted(lookups.pillars)))
    ministry = lookups.ministries.get(rec["ministry_code"])
    if ministry is None:
        close = difflib.get_close_matches(str(rec["ministry_code"]).upper(), list(lookups.ministries), n=1)
        ck.add("unknown_ministry", row, at("ministry_code"), text=rec["ministry_code"], suggestion=close[0] if close else "–")
    elif ministry.get("valid_to") is not None and not pd.isna(ministry["valid_to"]):
        ck.add("ministry_merged", row, at("ministry_code"), "warning", code=rec["ministry_code"],
               successor=ministry.get("successor_code") or "–")
    if rec["decimals"] is not None and not 0 <= rec["decimals"] <= 6:
        ck.add("bad_decimals", row, at("decimals"), value=rec["decimals"])
    scale = rec.get("scale")
    if scale is None or scale <= 0:
        ck.add("bad_scale", row, at("scale"), value="–" if scale is None else ingest._fmt(scale, "en"))
    elif rec["aggregation"] != "ratio" and scale != 1:
        ck.add("scale_ignored", row, at("scale"), "warning", aggregation=rec["aggregation"])
    low, high = rec.get("min_value"), rec.get("max_value")
    if low is not None and high is not None and low > high:
        ck.add("min_above_max", row, at("max_value"), low=float(low), high=float(high))
    for name in ("base_year", "target_year"):
        year = rec.get(name)
        if year is None or not ingest.YEAR_MIN <= year <= ingest.YEAR_MAX:
            ck.add("year_out_of_range", row, at(name), year=year if year is not None else "–",
                   low=ingest.YEAR_MIN, high=ingest.YEAR_MAX)
    if not ck.bad and rec["base_year"] >= rec["target_year"]:
        ck.add("years_order", row, at("target_year"), base=rec["base_year"], target=rec["target_year"])
    years = [b["year"] for b in rec.get("series_breaks") or []]
    for year in sorted({y for y in years if years.count(y) > 1}):
        ck.add("series_break_twice", row, at("series_breaks"), year=year)


# --- targets --------------------------------------------------------------------------------------------------------


def check_targets(sheet: Sheet, report: Report, lookups: Lookups) -> pd.DataFrame:
    """Validate target rows; return them (TARGETS columns + src_row)."""
    ck = Checker(sheet, report, ("year", "target_value", "target_upper"))
    indicators = {r["indicator_code"]: r for r in _records(lookups.indicators)}
    matcher_set = ingest.AreaMatcher.boundary_set
    seen: dict[tuple, int] = {}
    out: list[dict] = []
    for row in sheet.rows:
        ck.start()
        raw_code = ck.text(row, "indicator_code") or ""
        if ck.bad:
            continue
        ind = indicators.get(raw_code.upper())
        if ind is None:
            close = difflib.get_close_matches(raw_code.upper(), list(indicators), n=1)
            ck.add("unknown_indicator", row, "indicator_code", text=raw_code or "–", suggestion=close[0] if close else "–")
            continue
        code = ind["indicator_code"]
        year, _ = ingest._year(ck.raw(row, "year"))
        if year is None:
            ck.add("bad_year", row, "year", text=_text(ck.raw(row, "year")) or "–")
            continue
        if not ingest.YEAR_MIN <= year <= ingest.YEAR_MAX:
            ck.add("year_out_of_range", row, "year", year=year, low=ingest.YEAR_MIN, high=ingest.YEAR_MAX)
            continue
        if ind["base_year"] is not None and year <= ind["base_year"]:
            ck.add("target_before_base", row, "year", year=year, base=int(ind["base_year"]), code=code)
            continue
        area_id = (ck.text(row, "area_id") or "VN").upper()
        area = lookups.areas.get(area_id)
        if area is None:
            close = difflib.get_close_matches(area_id, list(lookups.areas), n=1)
            ck.add("unknown_area_id", row, "area_id", text=area_id, suggestion=close[0] if close else "–")
            continue
        if area["level"] == "province" and area["boundary_set"] != matcher_set(year):
            bset = matcher_set(year)
            ck.add("target_area_period", row, "area_id", text=area_id, year=year, boundary=bset,
                   hint=lookups.successors.get(area_id) or f"P{bset}-…")
            continue
        kind_raw = ck.text(row, "target_type")
        kind = TARGET_TYPE_ALIASES.get(key(kind_raw)) if kind_raw else "level"
        if kind is None:
            ck.add("bad_choice", row, "target_type", text=kind_raw, choices=schema.TARGET_TYPES)
            continue
        unit = {"vi": ind["unit_vi"] or "–", "en": ind["unit_en"] or "–"}
        value = ck.number(row, "target_value", unit=unit)
        upper = ck.number(row, "target_upper", unit=unit)
        illustrative = ck.boolean(row, "illustrative")
        source_vi, source_en = ck.text(row, "source_vi"), ck.text(row, "source_en")
        if ck.bad:
            continue
        if value is None:
            ck.add("missing_cell", row, "target_value", column="target_value")
            continue
        if illustrative:
            ck.add("illustrative_target", row, "illustrative")
        if not source_vi and not source_en:
            ck.add("no_citation", row, "source_vi" if "source_vi" in row.cells else "source_en")
        elif not source_vi or not source_en:
            filled, given = ("source_vi", "source_en") if not source_vi else ("source_en", "source_vi")
            ck.add("citation_filled", row, given, "info", filled=filled, given=given)
            source_vi, source_en = source_vi or source_en, source_en or source_vi
        if upper is not None and upper == value:
            upper = None
        if upper is not None:
            # The bound nearer the base first (schema.TARGETS), as the progress engine reads a range.
            near = progress.nearer_bound(value, upper, higher_is_better=bool(ind["higher_is_better"]), target_type=kind)
            value, upper = near, (upper if near == value else value)
        decimals = int(ind["decimals"] or 0)
        if kind == "level":
            low, high = ingest._range(ind)
            for name, v in (("target_value", value), ("target_upper", upper)):
                if v is not None and not low <= v <= high:
                    ck.add("out_of_range", row, name, value=float(v), low=low, high=high, decimals=decimals)
        else:
            bounds = [v for v in (value, upper) if v is not None]
            rising = bool(ind["higher_is_better"])
            if any((v <= 0) if rising else (v >= 0) for v in bounds):
                ck.add("change_sign", row, "target_value", "warning", value=float(value), decimals=decimals,
                       direction={lang: t(f"catalogue.direction.{'up' if rising else 'down'}", lang) for lang in i18n.LANGS})
        k = (code, area_id, year, kind)
        if k in seen:
            ck.add("duplicate_target", row, "indicator_code", first=seen[k], code=code, area=area_id, year=year)
            continue
        seen[k] = row.row
        if ck.bad:
            continue
        out.append({"src_row": row.row, "indicator_code": code, "area_id": area_id, "year": year,
                    "target_value": float(value), "target_upper": None if upper is None else float(upper),
                    "target_type": kind, "illustrative": False, "source_vi": source_vi, "source_en": source_en})
    report.n_candidates = len(sheet.rows)
    return pd.DataFrame(out, columns=["src_row", *columns("targets")])


# --- comparing with the table in force, checking, importing ------------------------------------------------------


def _target_key(r: dict) -> tuple:
    return (r["indicator_code"], r["area_id"], int(r["year"]), r["target_type"])


def compare(report: Report, rows: pd.DataFrame, lookups: Lookups) -> None:
    """Count new, changed, unchanged (and, for targets, removed) rows against the table in force."""
    new_rows = _records(rows.drop(columns=["src_row"]))
    if report.table == "indicators":
        old = {r["indicator_code"]: r for r in _records(lookups.indicators)}
        tally(report, old, {r["indicator_code"]: r for r in new_rows})
        return
    scope = {r["indicator_code"] for r in new_rows}
    old = {_target_key(r): r for r in _records(lookups.targets) if r["indicator_code"] in scope}
    given = {_target_key(r): r for r in new_rows}
    tally(report, old, given)
    for k in sorted(set(old) - set(given)):
        report.removed += 1
        report.changes.append(("removed", " · ".join(str(x) for x in k), ""))


def check(table: str, data: bytes, file_name: str, data_dir: Path, sheet: str | None = None) -> Report:
    """Read and validate a file against the dataset's tables in force (writes nothing)."""
    report = Report(file_name=Path(file_name).name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                    table=table)
    lookups = Lookups.load(data_dir)
    try:
        parsed = read_sheet(data, file_name, table, sheet, report)
    except Rejected as exc:
        report.problems.append(exc.problem)
        return report
    if not parsed.rows:
        report.add("no_data_rows")
        return report
    rows = (check_indicators if table == "indicators" else check_targets)(parsed, report, lookups)
    report.rows = rows
    if not report.errors and not rows.empty:
        compare(report, rows, lookups)
        if report.new + report.changed + report.removed == 0:
            report.add("nothing_changed", params={"n": report.unchanged})
    return report


def run_import(table: str, data: bytes, file_name: str, *, who: str, dry_run: bool = False, sheet: str | None = None,
               lock_timeout: float | None = None) -> Report:
    """Check a file and, unless it has errors or this is a dry run, commit it as one batch (all or nothing)."""
    data_dir = settings.data_dir()
    refused = ingest.refusal(data_dir)  # the demo, or a bundled dataset rebuilt from its sources
    if refused:
        report = Report(Path(file_name).name, hashlib.sha256(data).hexdigest(), len(data), table=table)
        report.add(refused, params={"folder": str(data_dir)})
        report.outcome = "refused"
        return report
    if dry_run:
        report = check(table, data, file_name, data_dir, sheet)
        report.outcome = "checked" if report.can_commit else "rejected"
        return report
    try:
        with batches.lock(data_dir, lock_timeout):
            # Checked under the lock, against the tables as they are now.
            report = check(table, data, file_name, data_dir, sheet)
            if not report.can_commit:
                report.outcome = "rejected"
                return report
            rows = report.rows.drop(columns=["src_row"])
            years = ",".join(str(y) for y in sorted(set(rows["year"]))) if table == "targets" else ""
            report.batch_id = versions.commit(data_dir, table, rows, file_name=report.file_name,
                                              sha256=report.sha256, who=who, years=years)
    except batches.BatchError as exc:
        report = Report(Path(file_name).name, hashlib.sha256(data).hexdigest(), len(data), table=table)
        report.add(exc.code, params=exc.params)
        report.outcome = "refused"
        return report
    report.outcome = "committed"
    return report


# --- export ----------------------------------------------------------------------------------------------------------


def _cell(name: str, value):
    """A value as export writes it: numbers and booleans as such, breaks as text, nothing as empty."""
    value = _py(value)
    if name == "series_breaks":
        return breaks_cell(value)
    if isinstance(value, float) and value.is_integer() and name not in FLOAT_COLUMNS + ("target_value", "target_upper"):
        return int(value)
    return value


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        return text if "e" not in text else f"{value:.15f}".rstrip("0")
    return str(value)


def export(table: str, path: Path, data_dir: Path) -> int:
    """Write the table in force to a CSV or XLSX file (by extension); return the number of rows."""
    frame = versions.current(data_dir, table)
    names = columns(table)
    rows = [[_cell(n, r[n]) for n in names] for r in frame.astype(object).to_dict("records")]
    return write_rows(path, table, names, rows)


def write_rows(path: Path, table: str, names: tuple[str, ...], rows: list[list]) -> int:
    """Write a table's rows as CSV/TSV (UTF-8 with BOM) or XLSX, by the file's extension; return the count."""
    suffix = Path(path).suffix.lower()
    if suffix in ingest.XLSX_EXTENSIONS:
        Path(path).write_bytes(_xlsx(table, names, rows))
    elif suffix in ingest.TEXT_EXTENSIONS:
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t" if suffix == ".tsv" else ",", lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([[_csv_text(v) for v in r] for r in rows])
        Path(path).write_bytes(out.getvalue().encode("utf-8-sig"))  # the BOM makes Excel read UTF-8
    else:
        raise Rejected(Problem("unsupported_type", "error", params={"ext": suffix or "?"}))
    return len(rows)


def _xlsx(table: str, names: tuple[str, ...], rows: list[list]) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = t(f"catalogue.sheet.{table}", "vi")
    ws.append(list(names))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F3")
    for r in rows:
        ws.append(r)
    for c, _ in enumerate(names):
        ws.column_dimensions[ingest.column_letter(c)].width = 18
    ws.freeze_panes = "B2"
    guide = wb.create_sheet("Hướng dẫn - Instructions")
    guide.column_dimensions["A"].width = 120
    for lang in i18n.LANGS:
        for line in t(f"catalogue.instructions.{table}", lang).split("\n"):
            guide.append([line])
            guide.cell(row=guide.max_row, column=1).alignment = Alignment(wrap_text=True)
        guide.append([""])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- command line (registered in ascc/cli.py) ------------------------------------------------------------------------


def cli_command(table: str) -> Callable:
    """``python -m ascc targets|indicators import|export FILE``."""

    def run(args) -> int:
        folder = ingest._use_data_dir(args)
        path = Path(args.file)
        if args.action == "export":
            try:
                n = export(table, path, folder)
            except Rejected as exc:
                print(exc.problem.message(args.lang), file=sys.stderr)
                return 2
            print(t(f"catalogue.exported_{table}", args.lang, n=n, path=path.resolve()))
            return 0
        if not path.is_file():
            print(t("cli.no_file", args.lang, path=path), file=sys.stderr)
            return 2
        data = path.read_bytes() if path.stat().st_size <= ingest.MAX_FILE_BYTES else b"\0" * (ingest.MAX_FILE_BYTES + 1)
        report = run_import(table, data, path.name, who=ingest._who(args), dry_run=args.dry_run, sheet=args.sheet)
        print(report.to_text(args.lang))
        if report.outcome == "committed":
            db.connection()  # the new version's aggregates, computed now (as after an import of results)
        if report.outcome in ("committed", "checked"):
            return 0
        return 2 if report.outcome == "refused" else 1

    return run
