"""Validation of candidate values: a chain of small rules, each adding its problems.

Each rule takes the file's Context and one Row, adds its problems to the report, fills in the fields it
normalises (indicator code, year, area, numbers, status, breakdown) and says whether the row goes on;
``validate`` runs RULES in order on every candidate and keeps the rows that pass them all. The first
rule that refuses a row stops it, so one bad cell does not bring a cascade of problems.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from ascc import schema
from ascc.i18n import MESSAGES, t
from ascc.ingest.areas import AreaMatch
from ascc.ingest.constants import NUMBER_FIELDS, STATUS_ALIASES, YEAR_MAX, YEAR_MIN
from ascc.ingest.layout import parse_year_header
from ascc.ingest.model import Candidate, Grid, Layout, Report
from ascc.ingest.numbers import Number, Numbers, is_missing
from ascc.ingest.plausibility import refuse_fraction_shares
from ascc.ingest.reference import Reference, _range, _unit, ind_decimals
from ascc.ingest.subtotals import compare_subtotals
from ascc.ingest.text import _text, is_formula_like, key

_BREAKDOWN_TOTAL = {"", "total", "tong", "tong so", "chung", "toan bo", "all"}


def _status(raw) -> str | None:
    k = key(raw) if raw is not None else ""
    if not k:
        return "final"
    return STATUS_ALIASES.get(k)


def _breakdown(raw) -> str | None:
    """total, or one of schema.BREAKDOWNS as the file writes it (spaces and case aside); else None."""
    text = _text(raw).lower()
    if key(text) in _BREAKDOWN_TOTAL:
        return "total"
    m = re.fullmatch(r"\s*([a-z]+)\s*:\s*([a-z_]+)\s*", text)
    found = f"{m.group(1)}:{m.group(2)}" if m else None
    return found if found in schema.BREAKDOWNS else None


def _breakdown_suggestion(raw) -> str:
    """The breakdown a label names in words ("sex:nam", "Nữ", "urban"): its group's label in vi or en, or "–"."""
    words = key(_text(raw).split(":")[-1])
    hits = [b for b in schema.BREAKDOWNS[1:] if words in {key(b.split(":")[1]),
                                                          *(key(t) for t in MESSAGES[f"breakdown.{b}"].values())}]
    return hits[0] if len(hits) == 1 else "–"


def _other_digits(raw) -> str | None:
    """A text cell written with digits other than 0-9 (Arabic-Indic ٢٠٢٢, full-width ２０２２) as it reads in
    0-9, else None: such a cell is refused, never read silently (its separators may mean something else)."""
    if not isinstance(raw, str) or not any(ch.isdecimal() and not ch.isascii() for ch in raw):
        return None
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in unicodedata.normalize("NFKC", raw))


def _year(raw) -> tuple[int | None, str | None]:
    """(year, status from a header-like cell) or (None, None)."""
    if isinstance(raw, bool) or raw is None:
        return None, None
    if isinstance(raw, int | float):
        return (int(raw), None) if float(raw).is_integer() else (None, None)
    text = _text(raw)
    if re.fullmatch(r"\d{4}(\.0)?", text):
        return int(float(text)), None
    parsed = parse_year_header(text)
    if parsed:
        return parsed[0], parsed[1]
    return None, None


# --- what the rules share ---------------------------------------------------------------------------------


@dataclass
class Row:
    """One candidate as the rules normalise it: each rule fills in the fields it checks."""

    cand: Candidate
    code: str | None = None  # the indicator code
    ind: pd.Series | None = None  # the indicator's row of the reference
    year: int | None = None
    year_status: str | None = None  # from a header-like year cell ("Sơ bộ 2023")
    match: AreaMatch | None = None
    parsed: dict[str, Number] = field(default_factory=dict)  # number field -> the parsed cell
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    weight: float | None = None
    status: str | None = None
    breakdown: str | None = None

    def col(self, fld: str) -> int | None:
        """The column a field was read from (None: not in the file, or given as an option)."""
        return self.cand.cells.get(fld, (None, None))[0]

    def raw(self, fld: str, default=None):
        """The field's value as the file (or an option) gives it."""
        return self.cand.cells.get(fld, (None, default))[1]


@dataclass
class Context:
    """What the rules share for one file: the report, the cells, the decimal-mark rule, the keys seen."""

    report: Report
    grid: Grid
    layout: Layout
    ref: Reference
    numbers: Numbers
    year_sets: dict[int, str] = field(default_factory=dict)  # year -> its boundary set (AreaMatcher.year_sets)
    seen: dict[tuple, int] = field(default_factory=dict)  # (indicator, area, year, breakdown) -> first row
    refused_years: set[int] = field(default_factory=set)  # years whose labels fit neither set (see _year_sets)

    def err(self, code: str, row: Row, fld: str | None, severity: str = "error", **params) -> None:
        """Add a problem at the cell of a field of the row."""
        col = row.col(fld) if fld else None
        self.report.add(code, severity, row=row.cand.row, col=col,
                        header=self.layout.headers.get(col) if col is not None else None, params=params)

    def formula_cell(self, row: Row, col: int | None) -> bool:
        """Whether the cell holds an XLSX formula (stored as its text, never evaluated)."""
        return col is not None and self.grid.kind == "xlsx" and (row.cand.row - 1, col) in self.grid.formulas

    def percent_cell(self, row: Row, col: int | None) -> bool:
        """Whether the cell is an XLSX number formatted as %."""
        return self.grid.kind == "xlsx" and col is not None and (row.cand.row - 1, col) in self.grid.percent_cells


# --- the rules, in order: each adds its problems and says whether the row goes on ----------------------------

# Text cells stored or matched; a year "=2022" is a formula too, not the year 2022.
_TEXT_FIELDS = ("indicator", "area", "year", "source", "status", "breakdown")


def _formula(ctx: Context, row: Row, fld: str, *, text: bool) -> bool:
    col = row.col(fld)
    return col is not None and (ctx.formula_cell(row, col) or (text and is_formula_like(row.raw(fld))))


def no_formulas(ctx: Context, row: Row) -> bool:
    """Formula-like text where it would be stored or matched, and XLSX formulas in number cells."""
    bad = [f for f in _TEXT_FIELDS if _formula(ctx, row, f, text=True)]
    bad += [f for f in NUMBER_FIELDS if _formula(ctx, row, f, text=False)]
    for fld in bad:
        ctx.err("formula", row, fld, text=str(row.raw(fld))[:40])
    return not bad


def latin_digits(ctx: Context, row: Row) -> bool:
    """A year or number written with the digits 0-9: other digits are refused with how they would read."""
    bad = [(f, r) for f in ("year", *NUMBER_FIELDS) if (r := _other_digits(row.raw(f))) is not None]
    for fld, reading in bad:
        ctx.err("other_digits", row, fld, text=str(row.raw(fld))[:40], reading=reading[:40])
    return not bad


def known_indicator(ctx: Context, row: Row) -> bool:
    """The indicator code, from a code or a name; an unknown one is reported with the closest code."""
    raw = row.raw("indicator")
    row.code = ctx.ref.indicator_code(raw) if _text(raw) else None
    if row.code is None:
        close = difflib.get_close_matches(_text(raw).upper(), list(ctx.ref.indicators.index), n=1)
        ctx.err("unknown_indicator", row, "indicator", text=_text(raw) or "–", suggestion=close[0] if close else "–")
        return False
    row.ind = ctx.ref.indicators.loc[row.code]
    return True


def year_in_range(ctx: Context, row: Row) -> bool:
    """A year between YEAR_MIN and YEAR_MAX; a header-like cell ("Sơ bộ 2023") also gives a status."""
    raw = row.cand.cells["year"][1]
    row.year, row.year_status = _year(raw)
    if row.year is None:
        ctx.err("bad_year", row, "year", text=_text(raw) or "–")
        return False
    if not YEAR_MIN <= row.year <= YEAR_MAX:
        ctx.err("year_out_of_range", row, "year", year=row.year, low=YEAR_MIN, high=YEAR_MAX)
        return False
    return True


def year_on_one_set(ctx: Context, row: Row) -> bool:
    """A year whose area labels fit neither boundary set is refused whole: reported once, with its rows."""
    return row.year not in ctx.refused_years


def area_given(ctx: Context, row: Row) -> bool:
    """An area label is there."""
    if not _text(row.cand.cells["area"][1]):
        ctx.err("missing_area", row, "area")
        return False
    return True


def known_area(ctx: Context, row: Row) -> bool:
    """An area of the year's boundary set (or the nation, a region); a spelling variant is a warning."""
    label, matcher = row.cand.cells["area"][1], ctx.ref.matcher
    bset = ctx.year_sets.get(row.year) or matcher.boundary_set(row.year)
    m = row.match = matcher.match(label, row.year, bset)
    if m.kind == "dissolved":
        # A province dissolved before the 63 has no area in the dataset: its empty cells are skipped (a wide
        # table's row of ".." is noted once, by candidates.extract), a figure from before it merged is left
        # out with a warning (old tables print Hà Tây's 2005-2007), a later one is an error.
        successor = {lang: matcher.name(m.successor, lang) for lang in ("vi", "en")}
        if not all(is_missing(row.raw(f)) for f in NUMBER_FIELDS):
            before = row.year < m.year
            ctx.err("dissolved_area_before" if before else "dissolved_area", row, "value" if before else "area",
                    severity="warning" if before else "error", text=_text(label), year=m.year, successor=successor,
                    value_year=row.year)
        elif ctx.layout.kind == "long":
            ctx.err("dissolved_area_empty", row, "area", severity="info", text=_text(label), year=m.year,
                    successor=successor)
        return False
    if m.kind == "unknown":
        ctx.err("unknown_area", row, "area", text=_text(label), year=row.year,
                suggestion=m.candidates[0] if m.candidates else "–")
        return False
    if m.kind == "ambiguous":
        ctx.err("ambiguous_area", row, "area", text=_text(label), candidates=m.candidates[:8])
        return False
    if m.kind == "other_set":
        successor = matcher.name(m.successor) if m.successor else "–"
        ctx.err("area_other_boundary_set", row, "area", text=_text(label), year=row.year, boundary=bset,
                successor=successor)
        return False
    if m.fuzzy:
        ctx.err("area_fuzzy", row, "area", severity="warning", text=_text(label), name=matcher.name(m.area_id))
    return True


def readable_numbers(ctx: Context, row: Row) -> bool:
    """Value, numerator, denominator and weight read by the file's decimal-mark rule; each unreadable one is an error."""
    for fld in NUMBER_FIELDS:
        if fld not in row.cand.cells:
            row.parsed[fld] = Number(None)
            continue
        col, raw = row.cand.cells[fld]
        n = row.parsed[fld] = ctx.numbers.parse(raw, percent_cell=ctx.percent_cell(row, col))
        if n.error:
            ctx.err(n.error, row, fld, **n.params)
    row.value, row.numerator, row.denominator, row.weight = (row.parsed[f].value for f in NUMBER_FIELDS)
    return not any(n.error for n in row.parsed.values())


def percent_allowed(ctx: Context, row: Row) -> bool:
    """A percentage only as the value of an indicator measured in %."""
    if row.parsed["value"].percent and not str(row.ind["unit_en"]).startswith("%"):
        ctx.err("percent_not_allowed", row, "value", unit=_unit(row.ind))
        return False
    parts = [f for f in ("numerator", "denominator", "weight") if row.parsed[f].percent]
    if parts:
        ctx.err("percent_not_allowed", row, parts[0], unit=_unit(row.ind))
        return False
    return True


def known_status(ctx: Context, row: Row) -> bool:
    """final (also when empty), preliminary or estimated; an empty cell takes the year header's status."""
    raw = row.raw("status")
    row.status = _status(raw)
    if row.status is None:
        ctx.err("bad_status", row, "status", text=_text(raw))
        return False
    if row.year_status and not _text(raw):
        row.status = row.year_status
    return True


def known_breakdown(ctx: Context, row: Row) -> bool:
    """total (also when empty) or dimension:group of a known dimension."""
    raw = row.raw("breakdown", "")
    row.breakdown = _breakdown(raw)
    if row.breakdown is None:
        ctx.err("bad_breakdown", row, "breakdown", text=_text(raw), choices=", ".join(schema.BREAKDOWNS),
                suggestion=_breakdown_suggestion(raw))
        return False
    return True


def parts_for_rule(ctx: Context, row: Row) -> bool:
    """Numerator and denominator serve a ratio, a weight a weighted mean: for other rules they are dropped."""
    aggregation = row.ind["aggregation"]
    if (row.numerator is not None or row.denominator is not None) and aggregation != "ratio":
        ctx.err("parts_ignored", row, "numerator" if row.numerator is not None else "denominator", severity="warning")
        row.numerator = row.denominator = None
    if row.weight is not None and aggregation != "weighted_mean":
        ctx.err("weight_ignored", row, "weight", severity="warning")
        row.weight = None
    return True


def parts_valid(ctx: Context, row: Row) -> bool:
    """A positive denominator and weight, a numerator from 0 up to the denominator."""
    num, den, weight = row.numerator, row.denominator, row.weight
    if den is not None and den <= 0:
        ctx.err("bad_denominator", row, "denominator", value=den)
    elif num is not None and num < 0:
        ctx.err("negative_numerator", row, "numerator", value=num, decimals=0)
    elif num is not None and den is not None and num > den:
        ctx.err("numerator_above_denominator", row, "numerator", numerator=num, denominator=den, decimals=0)
    elif weight is not None and weight <= 0:
        ctx.err("bad_weight", row, "weight", value=weight)
    else:
        return True
    return False


def value_present(ctx: Context, row: Row) -> bool:
    """A value, or numerator / denominator × scale when only the parts are given."""
    num, den = row.numerator, row.denominator
    if row.value is None and num is not None and den is not None:
        row.value = num / den * float(row.ind["scale"])
        ctx.err("value_computed", row, "value", severity="info", value=row.value, decimals=ind_decimals(row.ind))
    if row.value is None:
        ctx.err("missing_value", row, "value", severity="warning", text=_text(row.raw("value", "")))
        return False
    return True


def value_consistent(ctx: Context, row: Row) -> bool:
    """A value given with its parts agrees with numerator / denominator × scale to the decimals written."""
    if row.numerator is None or row.denominator is None:
        return True
    given, value = row.parsed["value"], row.value
    expected = row.numerator / row.denominator * float(row.ind["scale"])
    tolerance = 0.5 * 10 ** -given.decimals + 1e-9 * abs(value) if given.value is not None else 1e-9
    if abs(value - expected) > tolerance:
        ctx.err("value_inconsistent", row, "value", value=value, expected=expected, decimals=max(given.decimals, 2))
        return False
    return True


def value_in_range(ctx: Context, row: Row) -> bool:
    """A value within the indicator's range (0-100 for a percentage, not negative for a ratio or a sum)."""
    low, high = _range(row.ind)
    if row.value < low or row.value > high:
        ctx.err("out_of_range", row, "value", value=row.value, low=low, high=high,
                decimals=max(row.parsed["value"].decimals, ind_decimals(row.ind)))
        return False
    return True


def value_within_limit(ctx: Context, row: Row) -> bool:
    """A value beyond the indicator's natural limit (coverage above 100 %) is kept as published, with a warning."""
    limit = row.ind["limit_value"]
    if limit is None or pd.isna(limit):
        return True
    above = bool(row.ind["higher_is_better"])
    if (row.value > limit) if above else (row.value < limit):
        shown = int(limit) if float(limit).is_integer() else float(limit)  # "100", not "100.0"
        ctx.err("above_limit" if above else "below_limit", row, "value", severity="warning", value=row.value,
                limit=shown, decimals=max(row.parsed["value"].decimals, ind_decimals(row.ind)))
    return True


def note_percent_cell(ctx: Context, row: Row) -> bool:
    """An Excel cell formatted as % is read as the percentage it shows: say so."""
    if row.parsed["value"].percent and ctx.percent_cell(row, row.cand.cells["value"][0]):
        ctx.err("percent_cell_scaled", row, "value", severity="info", value=row.value, decimals=ind_decimals(row.ind))
    return True


def first_of_its_key(ctx: Context, row: Row) -> bool:
    """One value per indicator, area, year and breakdown: a repeat names the first row."""
    k = (row.code, row.match.area_id, row.year, row.breakdown)
    if k in ctx.seen:
        ctx.err("duplicate", row, "area", first=ctx.seen[k], text=_text(row.cand.cells["area"][1]), year=row.year)
        return False
    ctx.seen[k] = row.cand.row
    return True


def note_subtotal(ctx: Context, row: Row) -> bool:
    """A nation or region row is imported as a published value: say so."""
    if row.match.kind in ("nation", "region"):
        ctx.err(f"{row.match.kind}_row", row, "area", severity="info", text=_text(row.cand.cells["area"][1]),
                year=row.year)
    return True


RULES: tuple[Callable[[Context, Row], bool], ...] = (
    no_formulas, latin_digits, known_indicator, year_in_range, year_on_one_set, area_given, known_area, readable_numbers, percent_allowed,
    known_status, known_breakdown, parts_for_rule, parts_valid, value_present, value_consistent, value_in_range,
    value_within_limit, note_percent_cell, first_of_its_key, note_subtotal,
)


# --- the whole check ---------------------------------------------------------------------------------------


def _record(ctx: Context, row: Row) -> dict:
    source = _text(row.raw("source")) or (ctx.layout.title or ctx.report.file_name)
    return {"indicator_code": row.code, "area_id": row.match.area_id, "breakdown": row.breakdown, "value": row.value,
            "numerator": row.numerator, "denominator": row.denominator, "weight": row.weight, "status": row.status,
            "source": source[:200], "batch_id": "", "year": row.year, "src_row": row.cand.row}


def validate(candidates: list[Candidate], layout: Layout, grid: Grid, report: Report, ref: Reference) -> pd.DataFrame:
    """Check every candidate; return the valid rows (RESULTS columns + year + src_row)."""
    texts = [c.cells[f][1] for c in candidates for f in NUMBER_FIELDS
             if f in c.cells and isinstance(c.cells[f][1], str) and _other_digits(c.cells[f][1]) is None]
    numbers = Numbers(texts)
    report.format["decimal"] = numbers.mark
    year_sets, refused_years = _year_sets(candidates, ref, report, layout)
    ctx = Context(report, grid, layout, ref, numbers, year_sets=year_sets, refused_years=refused_years)
    records, cells = [], []  # cells: the value's column, header and % sign, for the plausibility of the whole
    for cand in candidates:
        row = Row(cand)
        if all(rule(ctx, row) for rule in RULES):
            records.append(_record(ctx, row))
            col = row.col("value")
            cells.append((col, layout.headers.get(col) if col is not None else None, row.parsed["value"].percent))
    frame = pd.DataFrame(records, columns=[*schema.RESULTS.names, "year", "src_row"])
    for c in ("value", "numerator", "denominator", "weight"):
        frame[c] = frame[c].astype("float64")
    frame = refuse_fraction_shares(frame, cells, report, ref)
    compare_subtotals(frame, report, ref, ctx.year_sets)
    return frame


def _year_sets(candidates: list[Candidate], ref: Reference, report: Report, layout: Layout) -> tuple[dict[int, str], set[int]]:
    """The boundary set of each year from its area labels, and the years that fit neither set (each reported
    once, with its rows); a year kept on the 63 former provinces is noted."""
    labels: dict[int, dict[str, int]] = {}  # year -> label -> its first row
    rows: dict[int, list[Candidate]] = {}
    for cand in candidates:
        year, _ = _year(cand.cells["year"][1])
        if year is None or _other_digits(cand.cells["year"][1]) is not None:
            continue
        rows.setdefault(year, []).append(cand)
        label = _text(cand.cells.get("area", (None, None))[1])
        if label:
            labels.setdefault(year, {}).setdefault(label, cand.row)
    matcher = ref.matcher
    sets = matcher.year_sets({y: set(found) for y, found in labels.items()})
    for year in sorted(sets):
        if sets[year] != matcher.boundary_set(year):
            report.add("year_on_former_provinces", "info", params={"year": year})
    refused = set()
    for year, found in sorted(labels.items()):
        doubt = matcher.year_doubt(year, found)
        if doubt is None:
            continue
        refused.add(year)
        col = rows[year][0].cells["area"][0]
        where = {"row": rows[year][0].row, "col": col, "header": layout.headers.get(col) if col is not None else None}
        params = {"year": year, "rows": _row_ranges(c.row for c in rows[year])}
        if doubt == "both_sets":
            for bset in ("63", "34"):
                named = [(label, r) for label, r in found.items() if matcher.label_set(label, year) == bset]
                params["former" if bset == "63" else "new"] = {lang: ", ".join(
                    f"“{label}” ({t('ingest.where.row', lang, row=r).lower()})" for label, r in named[:3])
                    + (", …" if len(named) > 3 else "") for lang in ("vi", "en")}
            report.add("year_both_boundary_sets", **where, params=params)
        else:
            report.add("new_provinces_before_merger", **where, params={**params, **_merged_example(matcher, year, found)})
    return sets, refused


def _merged_example(matcher, year: int, labels) -> dict:
    """A new province of the labels that is more than the former one of its name, and what else it took in."""
    for label in labels:
        m63, m34 = matcher.match(label, year, "63"), matcher.match(label, year, "34")
        if m34.kind != "province":
            continue
        # "Tuyên Quang" (or P34-08) is the new Tuyên Quang: what it took in beyond the former Tuyên Quang
        others = [a for a in matcher.merged_into(m34.area_id)
                  if a != m63.area_id and matcher.name(a) != matcher.name(m34.area_id)]
        if others:
            new = {m.area_id for x in labels if (m := matcher.match(x, year, "34")).kind == "province"}
            return {"n": len(new),
                    "name": {lang: matcher.name(m34.area_id, lang) for lang in ("vi", "en")},
                    "others": {lang: ", ".join(matcher.name(a, lang) for a in others) for lang in ("vi", "en")}}
    return {"n": len(labels), "name": "–", "others": "–"}


def _row_ranges(rows) -> str:
    """Row numbers as ranges ("5–38, 41"); after ten ranges, "…"."""
    ranges: list[list[int]] = []
    for r in sorted(set(rows)):
        if ranges and r == ranges[-1][1] + 1:
            ranges[-1][1] = r
        else:
            ranges.append([r, r])
    shown = [f"{a}–{b}" if b > a else str(a) for a, b in ranges[:10]]
    return ", ".join(shown) + (", …" if len(ranges) > 10 else "")
