"""Layout detection: a long table or a wide yearbook table, its header rows, years and labels.

Layouts
    long   a header row naming at least the area and value columns (vi/en aliases, see HEADERS), with
           indicator and year columns or --indicator/--year; optional numerator, denominator, weight,
           status, source, breakdown.
    wide   a statistical-yearbook table for one indicator (--indicator): areas as rows, years as columns
           ("2023", "Sơ bộ 2023", "Sơ bộ  Prel.  2023", "Prel. 2023"; preliminary/estimated go into
           ``status``), title rows above, notes below, national and regional subtotal rows. A table may
           have several items a year (total + quintiles), named in a row below the years or in the year's
           own cell as PX-Web writes them ("2010 Total", "Prel. 2025 Total"): --item chooses one (case,
           spacing and diacritics ignored; a unique prefix is enough), else the total item ("Tổng số",
           "Chung", "Bình quân chung", "Total", "General average"); the report says which.
"""

from __future__ import annotations

import re

from ascc import i18n
from ascc.i18n import t
from ascc.ingest.constants import HEADER_SCAN_ROWS, HEADERS, TOTAL_COLUMNS
from ascc.ingest.model import Grid, Layout, Options, Problem, Rejected, Report
from ascc.ingest.text import _text, column_letter, key

_PREFIX = r"(?:so bo|prel|preliminary|provisional|uoc tinh|uoc|est|estimated|nam|year)"
_SUFFIX = r"(?:so bo|prel|preliminary|provisional|uoc tinh|est|estimated|p|e)"
# On key(): status words, the year, then status words or an item (text with a letter: "2010 total").
_YEAR_HEADER_RE = re.compile(
    rf"^(?:{_PREFIX}\s+)*(?P<year>(?:19|20)\d{{2}})(?P<rest>(?:\s+{_SUFFIX})*|\s+.*[a-z].*)$"
)
_YEAR_IN_TEXT_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


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
    parsed = parse_year_item_header(cell)
    return parsed[:2] if parsed and parsed[2] is None else None


def parse_year_item_header(cell) -> tuple[int, str, str | None] | None:
    """(year, status, item) of a column header: 2023, "Prel. 2023" (item None) or "Prel. 2025 Total"; else None."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int | float):
        return (int(cell), "final", None) if float(cell).is_integer() and 1900 <= cell <= 2100 else None
    k = key(cell)
    m = _YEAR_HEADER_RE.match(k)
    if not m:
        return None
    rest = m.group("rest")
    item = None
    if re.fullmatch(rf"(?:\s+{_SUFFIX})*", rest) is None:
        # The item as the file writes it (spacing tidied): what follows the year in the cell.
        text = _text(cell)
        item = " ".join(text[_YEAR_IN_TEXT_RE.search(text).end():].split()).strip(" -–:") or None
        rest = ""
    words = k[: m.start("year")] + rest
    status = "final"
    if re.search(r"\b(so bo|prel|preliminary|provisional|p)\b", words):
        status = "preliminary"
    elif re.search(r"\b(uoc tinh|uoc|est|estimated|e)\b", words):
        status = "estimated"
    return int(m.group("year")), status, item


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
    raise Rejected(Problem("no_header", "error", params={"rows": HEADER_SCAN_ROWS}))


def _year_columns(row: list) -> dict[int, tuple[int, str, str | None]]:
    """Column -> (year, status, item) of a header row of years; empty when the row is not one."""
    years = {c: parse_year_item_header(v) for c, v in enumerate(row) if c > 0}
    years = {c: y for c, y in years.items() if y}
    # A data row of a long table also holds a year; a header row has no other number beside its years.
    others = [v for c, v in enumerate(row) if c > 0 and c not in years and v is not None]
    if any(isinstance(v, int | float) for v in others):
        return {}
    return years


def _wide_layout(grid: Grid, r: int, years: dict[int, tuple[int, str, str | None]], options: Options,
                 report: Report) -> Layout:
    # Row r holds the years; the items of a year (total, quintiles) are in its cells ("2010 Total") or
    # in the row below.
    first = min(years)
    label_col = _label_column(grid, first, r + 1)
    in_cells = {c: item for c, (_, _, item) in years.items() if item}
    labels, header_row = (in_cells, r) if in_cells else _column_labels(grid, r, first, label_col)
    assigned = _assign_years({c: (year, status) for c, (year, status, _) in years.items()}, labels)
    layout = Layout("wide", header_row, label_col=label_col, title=_title(grid, r))
    chosen = _choose_columns(_year_groups(assigned, options, r), labels, options, header_row, report)
    for year, col in sorted(chosen.items()):
        year_col, _, status = assigned[col]
        year_text = _text(grid.cell(r, year_col)) or str(year)
        shown = year_text if in_cells or col not in labels else f"{labels[col]}, {year_text}"
        layout.value_cols.append((col, year, status, shown))
        layout.headers[col] = shown
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


def match_item(wanted: str, items: dict[int, str]) -> list[int]:
    """The columns whose item is ``wanted`` (case, spacing, punctuation and diacritics ignored), else those
    whose item starts with it."""
    k = key(wanted)
    exact = [c for c, item in items.items() if key(item) == k]
    return exact or [c for c, item in items.items() if k and key(item).startswith(k)]


def _choose_columns(groups: dict[int, list[int]], labels: dict[int, str], options: Options, header_row: int,
                    report: Report) -> dict[int, int]:
    """Year -> the one column to import: the item of --item, else the only column or the total item."""
    items = tuple(dict.fromkeys(labels[c] for cols in groups.values() for c in cols if c in labels))
    where = {"row": header_row + 1}
    if options.item and not labels:
        report.add("item_ignored", "warning", params={"item": options.item})
    chosen = {}
    for year, group in groups.items():
        named = {c: labels[c] for c in group if c in labels}
        if options.item and labels:
            hits = match_item(options.item, named)
            if not hits:
                raise Rejected(Problem("unknown_item", "error", **where,
                                       params={"item": options.item, "year": year, "items": items}))
            if len(hits) > 1:
                matched = tuple(named[c] for c in hits)
                raise Rejected(Problem("ambiguous_item", "error", **where,
                                       params={"item": options.item, "year": year, "items": matched}))
            chosen[year] = hits[0]
        elif len(group) == 1:
            chosen[year] = group[0]
        else:
            totals = [c for c in group if key(named.get(c, "")) in TOTAL_COLUMNS]
            if len(totals) != 1:
                shown = items or tuple(column_letter(c) for c in group)
                raise Rejected(Problem("item_required", "error", **where, params={"year": year, "items": shown}))
            chosen[year] = totals[0]
    used = tuple(dict.fromkeys(labels[c] for c in chosen.values() if c in labels))
    if used and len(items) > 1:
        others = tuple(i for i in items if i not in used)
        report.add("item_used", "info", **where, params={"item": used, "others": others or ("–",)})
    return chosen
