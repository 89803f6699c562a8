"""Layout detection: a long table or a wide yearbook table, its header rows, years and labels.

Layouts
    long   a header row naming at least the area and value columns (vi/en aliases, see HEADERS), with
           indicator and year columns or --indicator/--year; optional numerator, denominator, weight,
           status, source, breakdown.
    wide   a statistical-yearbook table for one indicator (--indicator): areas as rows, years as columns
           ("2023", "Sơ bộ 2023", "Sơ bộ  Prel.  2023", "Prel. 2023"; preliminary/estimated go into
           ``status``), title rows above, notes below, national and regional subtotal rows. With several
           value columns per year (total + quintiles) the total column ("Tổng số", "Chung", "Bình quân
           chung", "Total") is used, and the report says which.
"""

from __future__ import annotations

import re

from ascc import i18n
from ascc.i18n import t
from ascc.ingest.constants import HEADER_SCAN_ROWS, HEADERS, TOTAL_COLUMNS
from ascc.ingest.model import Grid, Layout, Options, Problem, Rejected, Report
from ascc.ingest.text import _text, column_letter, key

_YEAR_HEADER_RE = re.compile(
    r"^(?:(?:so bo|prel|preliminary|provisional|uoc tinh|uoc|est|estimated|nam|year)\s+)*"
    r"(?P<year>(?:19|20)\d{2})"
    r"(?:\s+(?:so bo|prel|preliminary|provisional|uoc tinh|est|estimated|p|e))*$"
)


def _header_field(cell) -> str | None:
    text = _text(cell)
    if not text:
        return None
    for part in [text, *re.split(r"[/|\n]", text)]:
        k = key(part)
        for name, aliases in HEADERS.items():
            if k in aliases:
                return name
    return None


def parse_year_header(cell) -> tuple[int, str] | None:
    """(year, status) of a column header such as 2023, "Sơ bộ 2023" or "Prel. 2023", else None."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int | float):
        return (int(cell), "final") if float(cell).is_integer() and 1900 <= cell <= 2100 else None
    k = key(cell)
    m = _YEAR_HEADER_RE.match(k)
    if not m:
        return None
    status = "final"
    if re.search(r"\b(so bo|prel|preliminary|provisional|p)\b", k):
        status = "preliminary"
    elif re.search(r"\b(uoc tinh|uoc|est|estimated|e)\b", k):
        status = "estimated"
    return int(m.group("year")), status


def _title(grid: Grid, before: int) -> str | None:
    for r in range(before):
        texts = [_text(v) for v in grid.rows[r] if isinstance(v, str) and _text(v)]
        if texts:
            return texts[0][:200]
    return None


def _column_name(name: str) -> dict:
    return {lang: f"{t(f'ingest.template.col_{name}', lang)} / {name}" for lang in i18n.LANGS}


def find_layout(grid: Grid, options: Options, report: Report) -> Layout:
    """Detect a long table (a header row with known names) or a wide yearbook table (year columns)."""
    scan = min(len(grid.rows), HEADER_SCAN_ROWS)
    for r in range(scan):
        fields: dict[str, list[int]] = {}
        for c, cell in enumerate(grid.rows[r]):
            name = _header_field(cell)
            if name:
                fields.setdefault(name, []).append(c)
        if "area" in fields and ("value" in fields or {"numerator", "denominator"} <= set(fields)):
            return _long_layout(grid, r, fields, options, report)
    return _find_wide(grid, options, report, scan)


def _long_layout(grid: Grid, r: int, fields: dict[str, list[int]], options: Options, report: Report) -> Layout:
    # Row r names the fields: each once, with the indicator and the year unless the options give them.
    dupes = [name for name, cols in fields.items() if len(cols) > 1]
    if dupes:
        raise Rejected(Problem("duplicate_column", "error", row=r + 1, params={"columns": tuple(dupes)}))
    layout = Layout("long", r, {name: cols[0] for name, cols in fields.items()})
    layout.headers = {c: _text(v) for c, v in enumerate(grid.rows[r]) if _text(v)}
    if "indicator" not in layout.columns and not options.indicator:
        raise Rejected(Problem("missing_column", "error", row=r + 1, params={"column": _column_name("indicator")}))
    if "year" not in layout.columns and not options.year:
        raise Rejected(Problem("missing_column", "error", row=r + 1, params={"column": _column_name("year")}))
    for c, text in layout.headers.items():
        if c not in layout.columns.values():
            report.add("ignored_column", "warning", row=r + 1, col=c, header=text)
    layout.title = _title(grid, r)
    return layout


def _label_column(grid: Grid, first_value_col: int, start: int) -> int:
    # The area names: the column left of the values holding the most text (an "STT" column of row
    # numbers before it is skipped).
    best, best_count = 0, -1
    for c in range(first_value_col):
        count = sum(1 for r in range(start, len(grid.rows)) if isinstance(grid.cell(r, c), str))
        if count > best_count:
            best, best_count = c, count
    return best


def _find_wide(grid: Grid, options: Options, report: Report, scan: int) -> Layout:
    for r in range(scan):
        years = _year_columns(grid.rows[r])
        if years:
            if not options.indicator:
                raise Rejected(Problem("indicator_required", "error", row=r + 1))
            return _wide_layout(grid, r, years, options, report)
    raise Rejected(Problem("no_header", "error"))


def _year_columns(row: list) -> dict[int, tuple[int, str]]:
    """Column -> (year, status) of a header row of years; empty when the row is not one."""
    years = {c: parse_year_header(v) for c, v in enumerate(row) if c > 0}
    years = {c: y for c, y in years.items() if y}
    # A data row of a long table also holds a year; a header row has no other number beside its years.
    others = [v for c, v in enumerate(row) if c > 0 and c not in years and v is not None]
    if any(isinstance(v, int | float) for v in others):
        return {}
    return years


def _wide_layout(grid: Grid, r: int, years: dict[int, tuple[int, str]], options: Options, report: Report) -> Layout:
    # Row r holds the years; the row below may name several value columns per year (total, quintiles).
    first = min(years)
    label_col = _label_column(grid, first, r + 1)
    labels, header_row = _column_labels(grid, r, first, label_col)
    assigned = _assign_years(years, labels)
    layout = Layout("wide", header_row, label_col=label_col, title=_title(grid, r))
    for year, group in sorted(_year_groups(assigned, options, r).items()):
        chosen = _value_column(year, group, labels, header_row, report)
        year_col, _, status = assigned[chosen]
        year_text = _text(grid.cell(r, year_col)) or str(year)
        shown = f"{labels[chosen]}, {year_text}" if chosen in labels else year_text
        layout.value_cols.append((chosen, year, status, shown))
        layout.headers[chosen] = shown
    layout.headers[label_col] = _text(grid.cell(r, label_col)) or None
    return layout


def _column_labels(grid: Grid, r: int, first: int, label_col: int) -> tuple[dict[int, str], int]:
    """(column -> label, last header row): the row below the years when it names the value columns."""
    if r + 1 < len(grid.rows):
        row = grid.rows[r + 1]
        texts = {c: _text(v) for c, v in enumerate(row) if c >= first and isinstance(v, str) and _text(v)}
        numbers = [v for c, v in enumerate(row) if c >= first and isinstance(v, int | float)]
        if texts and not numbers and not _text(grid.cell(r + 1, label_col)):
            return texts, r + 1
    return {}, r


def _assign_years(years: dict[int, tuple[int, str]], labels: dict[int, str]) -> dict[int, tuple[int, int, str]]:
    """Column -> (column of the year header, year, status) for every value column."""
    # Each value column takes the year above it, or that of the nearest year to its left (merged cells).
    current, assigned = None, {}
    for c in sorted(set(years) | set(labels)):
        if c in years:
            current = (c, *years[c])
        if current is not None:
            assigned[c] = current
    return assigned


def _year_groups(assigned: dict[int, tuple[int, int, str]], options: Options, r: int) -> dict[int, list[int]]:
    """Year -> its value columns (only the year of --year when given)."""
    groups: dict[int, list[int]] = {}
    for c, (_, year, _) in assigned.items():
        groups.setdefault(year, []).append(c)
    if options.year is None:
        return groups
    if options.year not in groups:
        raise Rejected(Problem("year_not_in_table", "error", row=r + 1,
                               params={"year": options.year, "years": tuple(sorted(groups))}))
    return {options.year: groups[options.year]}


def _value_column(year: int, group: list[int], labels: dict[int, str], header_row: int, report: Report) -> int:
    """The one column of a year to import: the only one, or the total among several (the others are named)."""
    if len(group) == 1:
        return group[0]
    totals = [c for c in group if key(labels.get(c, "")) in TOTAL_COLUMNS]
    if len(totals) != 1:
        shown = tuple(labels.get(c, column_letter(c)) for c in group)
        raise Rejected(Problem("ambiguous_columns", "error", row=header_row + 1,
                               params={"year": year, "columns": shown}))
    chosen = totals[0]
    skipped = tuple(labels.get(c, column_letter(c)) for c in group if c != chosen)
    report.add("other_columns_skipped", "info", row=header_row + 1, col=chosen,
               header=labels.get(chosen), params={"columns": skipped, "year": year})
    return chosen
