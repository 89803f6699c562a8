"""Shared types of an import: problems, options, the report, grids, layouts and candidate values."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from ascc import i18n
from ascc.i18n import t
from ascc.ingest.text import column_letter


@dataclass
class Problem:
    """One finding about the file: a reason code (message ``ingest.reason.<code>``), where, and values."""

    code: str
    severity: str  # error (blocks the import), warning (shown, does not block), info (explains)
    row: int | None = None  # 1-based, as Excel shows it
    col: int | None = None  # 0-based; shown as a letter
    header: str | None = None  # the column's header as the file has it
    params: dict = field(default_factory=dict)

    def where(self, lang: str) -> str:
        """Where the problem is, as the user sees it in Excel ("Dòng 5, cột C (Giá trị)")."""
        if self.row is None and self.col is None:
            return ""
        if self.col is None:
            return t("ingest.where.row", lang, row=self.row)
        header = f" ({self.header})" if self.header else ""
        if self.row is None:
            return t("ingest.where.col", lang, col=column_letter(self.col), header=header)
        return t("ingest.where.cell", lang, row=self.row, col=column_letter(self.col), header=header)

    def message(self, lang: str) -> str:
        """The plain reason in a language (numbers in its convention)."""
        decimals = self.params.get("decimals", 2)
        shown = {}
        for k, v in self.params.items():
            if isinstance(v, float) and math.isinf(v):
                shown[k] = "∞" if v > 0 else "−∞"
            elif isinstance(v, float):
                shown[k] = i18n.fmt_number(v, lang, decimals)
            elif isinstance(v, tuple | list):
                shown[k] = ", ".join(str(x) for x in v)
            elif isinstance(v, dict) and set(v) == {"vi", "en"}:
                shown[k] = v[i18n.norm_lang(lang)]
            else:
                shown[k] = v
        return t(f"ingest.reason.{self.code}", lang, **shown)

    def line(self, lang: str) -> str:
        """Where and why on one line."""
        where = self.where(lang)
        return f"{where}: {self.message(lang)}" if where else self.message(lang)


@dataclass
class Preview:
    """How the valid rows compare with the values now visible."""

    new: int
    changed: int
    unchanged: int
    changes: pd.DataFrame  # indicator_code, area_id, area, year, breakdown, old/new value and status


@dataclass(frozen=True)
class Options:
    """What the user chose for one import."""

    indicator: str | None = None
    year: int | None = None
    sheet: str | None = None
    dry_run: bool = False
    valid_only: bool = False
    item: str | None = None  # of a table with several items a year ("Total", "Average population")


@dataclass
class Report:
    """Everything the user is told about one file, and the rows that would be imported."""

    file_name: str
    sha256: str
    size: int
    options: Options = field(default_factory=Options)
    format: dict = field(default_factory=dict)  # kind, encoding, delimiter, sheet, decimal
    layout: str | None = None  # long | wide
    indicator: str | None = None
    columns_used: list[str] = field(default_factory=list)
    n_candidates: int = 0  # data rows (or cells of a wide table) read
    rows: pd.DataFrame | None = None  # valid rows: RESULTS columns + year + src_row
    problems: list[Problem] = field(default_factory=list)
    preview: Preview | None = None
    outcome: str = "rejected"  # rejected | refused | checked | committed
    batch_id: str | None = None

    def add(self, code: str, severity: str = "error", **kwargs) -> Problem:
        p = Problem(code, severity, **kwargs)
        self.problems.append(p)
        return p

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def infos(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "info"]

    @property
    def n_valid(self) -> int:
        return 0 if self.rows is None else len(self.rows)

    @property
    def can_commit(self) -> bool:
        """Whether a commit would go ahead with the chosen options (errors block unless valid-only)."""
        if self.outcome == "refused" or self.n_valid == 0:
            return False
        if any(p.severity == "error" and p.code in _FATAL for p in self.problems):
            return False
        if self.errors and not self.options.valid_only:
            return False
        return self.preview is None or self.preview.new + self.preview.changed > 0

    def problem_table(self, lang: str) -> pd.DataFrame:
        """Problems as a table: severity, row, column, header, reason (for the page and tests)."""
        order = {"error": 0, "warning": 1, "info": 2}
        problems = sorted(self.problems, key=lambda p: (order[p.severity], p.row or 0, p.col or 0))
        return pd.DataFrame(
            {
                "severity": [t(f"ingest.severity.{p.severity}", lang) for p in problems],
                "row": pd.array([p.row for p in problems], dtype="Int64"),
                "column": [column_letter(p.col) if p.col is not None else "" for p in problems],
                "header": [p.header or "" for p in problems],
                "reason": [p.message(lang) for p in problems],
                "code": [p.code for p in problems],
            }
        )

    def to_text(self, lang: str, limit: int = 200) -> str:
        """The report as plain text (the command line prints it)."""
        out = [t("ingest.report.file", lang, name=self.file_name, sha=self.sha256[:12], size=self.size)]
        if self.format:
            out.append(t("ingest.report.format", lang, fmt=describe_format(self.format, lang)))
        if self.layout:
            out.append(t(f"ingest.report.layout_{self.layout}", lang, indicator=self.indicator or "–"))
        for used in self.columns_used:
            out.append(t("ingest.report.column_used", lang, column=used))
        out.append(t("ingest.report.counts", lang, read=self.n_candidates, valid=self.n_valid,
                     errors=len(self.errors), warnings=len(self.warnings)))
        for title, items in (("errors", self.errors), ("warnings", self.warnings), ("notes", self.infos)):
            if items:
                out.append("")
                out.append(t(f"ingest.report.{title}", lang, n=len(items)))
                out += [f"  - {p.line(lang)}" for p in items[:limit]]
                if len(items) > limit:
                    out.append("  " + t("ingest.report.more", lang, n=len(items) - limit))
        if self.preview is not None:
            pv = self.preview
            out.append("")
            out.append(t("ingest.report.preview", lang, new=pv.new, changed=pv.changed, unchanged=pv.unchanged))
            for r in pv.changes.head(limit).itertuples():
                out.append(f"  - {r.indicator_code} · {r.area} · {r.year} · {r.breakdown}: "
                           f"{_fmt(r.old_value, lang)} → {_fmt(r.new_value, lang)}"
                           + (f" ({r.old_status} → {r.new_status})" if r.old_status != r.new_status else ""))
        out.append("")
        out.append(outcome_text(self, lang))
        return "\n".join(out)


# Problems that make the whole file unusable, whatever the options.
_FATAL = {
    "empty_file", "too_large", "format_mismatch", "unsupported_type", "old_excel", "bad_encoding",
    "corrupt_xlsx", "unknown_sheet", "too_many_rows", "unclosed_quote", "cell_too_long", "no_header", "missing_column", "duplicate_column",
    "xlsx_unzipped_too_large", "xlsx_part_too_large", "zip_ratio", "too_many_cells", "too_many_cells_read",
    "indicator_required", "item_required", "unknown_item", "ambiguous_item", "year_not_in_table", "no_data_rows",
    "demo_dataset", "bundled_dataset", "locked", "nothing_new", "nothing_to_import", "unknown_indicator_option",
}


def _fmt(value, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return i18n.fmt_number(value, lang, 4).rstrip("0").rstrip(",.") or "0"


def outcome_text(report: Report, lang: str) -> str:
    """The last line of a report: what happened to the dataset."""
    if report.outcome == "committed":
        return t("ingest.outcome.committed", lang, batch=report.batch_id, n=report.n_valid)
    if report.outcome == "checked":
        return t("ingest.outcome.would_commit", lang, n=report.n_valid)
    # "--valid-only" is advice only when some rows are valid.
    return t("ingest.outcome.rejected" if report.n_valid else "ingest.outcome.rejected_none_valid", lang)


def describe_format(fmt: dict, lang: str) -> str:
    """"CSV, UTF-8, separator ';', decimal comma" or "Excel, sheet 'V14.31'"."""
    parts = []
    if fmt.get("kind") == "xlsx":
        parts.append(t("ingest.format.xlsx", lang, sheet=fmt.get("sheet", "")))
    else:
        sep = {"\t": "tab", ",": ",", ";": ";", "|": "|"}.get(fmt.get("delimiter", ","), fmt.get("delimiter"))
        parts.append(t("ingest.format.csv", lang, encoding=fmt.get("encoding", ""), sep=sep))
    if fmt.get("decimal") in ("point", "comma"):
        parts.append(t(f"ingest.format.decimal_{fmt['decimal']}", lang))
    return ", ".join(parts)


class Rejected(Exception):
    """The file cannot be read at all; carries the problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem


@dataclass
class Grid:
    """The cells of a sheet or CSV as the user sees them: rows[i][j] is Excel row i+1, column j."""

    rows: list[list[object]]
    kind: str  # csv | xlsx
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row index, col) of XLSX formulas
    percent_cells: set[tuple[int, int]] = field(default_factory=set)  # XLSX cells formatted as %
    notes: list[Problem] = field(default_factory=list)  # what reading decided that the user should know

    def cell(self, r: int, c: int):
        row = self.rows[r]
        return row[c] if c < len(row) else None


@dataclass
class Layout:
    """Where the data sits in the grid."""

    kind: str  # long | wide
    header_row: int  # index of the (last) header row
    columns: dict[str, int] = field(default_factory=dict)  # long: field -> column
    label_col: int = 0  # wide: the column of area names
    value_cols: list[tuple[int, int, str, str]] = field(default_factory=list)  # wide: (col, year, status, label)
    headers: dict[int, str] = field(default_factory=dict)  # column -> header text for messages
    title: str | None = None


@dataclass
class Candidate:
    """One value to import as read from the file, before validation."""

    row: int  # Excel row (1-based)
    cells: dict[str, tuple[int | None, object]]  # field -> (column or None, raw value)
