"""Candidate values: the body of a table as read, before validation."""

from __future__ import annotations

from ascc.ingest.constants import NOTE_PREFIXES, NUMBER_FIELDS
from ascc.ingest.model import Candidate, Grid, Layout, Options, Report
from ascc.ingest.numbers import is_missing
from ascc.ingest.reference import Reference
from ascc.ingest.text import _text, key, neutral


def _is_note(label) -> bool:
    text = _text(label)
    k = key(text)
    return text.startswith(("*", "(*)", "Ghi chú", "Note")) or any(
        k == p or k.startswith(p + " ") for p in NOTE_PREFIXES
    )


def extract(grid: Grid, layout: Layout, options: Options, report: Report, ref: Reference) -> list[Candidate]:
    """The candidate values of the table body; blank rows, notes and sub-headings are skipped."""
    value_cols, label_col, width = _body_columns(grid, layout)
    last = _last_data_row(grid, layout, value_cols, report)
    out: list[Candidate] = []
    for r in range(layout.header_row + 1, last + 1):
        row = grid.rows[r]
        label = grid.cell(r, label_col)
        no_values = all(grid.cell(r, c) is None for c in value_cols)
        if all(v is None for v in row) or (no_values and (label is None or _is_note(label))):
            continue
        if width is not None and any(v is not None for v in row[width:]):
            # More cells than the header: in a CSV typically a decimal comma in a comma-separated file, in a
            # workbook a column without a header or a note beside the table.
            report.add("extra_cells_xlsx" if grid.kind == "xlsx" else "extra_cells", "error", row=r + 1, col=width)
        elif layout.kind == "long":
            out.append(_long_candidate(grid, layout, options, r))
        elif no_values and ref.matcher.match(label, layout.value_cols[0][1]).kind in ("unknown", "ambiguous"):
            # A sub-heading inside the table ("Trong đó:", "Chia theo vùng"): not data.
            report.add("ignored_row", "warning", row=r + 1, col=label_col, header=layout.headers.get(label_col),
                       params={"text": _text(label)[:60]})
        elif all(is_missing(grid.cell(r, c)) for c in value_cols) and _skip_empty_row(grid, layout, report, ref, r):
            continue
        else:
            out += _wide_candidates(grid, layout, options, report, r)
    return out


def _skip_empty_row(grid: Grid, layout: Layout, report: Report, ref: Reference, r: int) -> bool:
    """Whether a row of ".." names no area (Hà Tây, dissolved in 2008): then it is skipped, with a note."""
    label_col = layout.label_col
    label = grid.cell(r, label_col)
    m = ref.matcher.match(label, layout.value_cols[0][1])
    where = {"row": r + 1, "col": label_col, "header": layout.headers.get(label_col)}
    if m.kind == "dissolved":
        successor = {lang: ref.matcher.name(m.successor, lang) for lang in ("vi", "en")}
        report.add("dissolved_area_empty", "info", **where,
                   params={"text": _text(label)[:60], "successor": successor, "year": m.year})
        return True
    if m.kind in ("unknown", "ambiguous"):
        report.add("unknown_area_empty", "info", **where, params={"text": _text(label)[:60]})
        return True
    return False


def _body_columns(grid: Grid, layout: Layout) -> tuple[list[int], int, int | None]:
    """(value columns, area label column, width of a long table's header: cells beyond it are errors)."""
    if layout.kind == "long":
        value_cols = [layout.columns[f] for f in NUMBER_FIELDS if f in layout.columns]
        header_cells = [c for c, v in enumerate(grid.rows[layout.header_row]) if v is not None]
        return value_cols, layout.columns["area"], max(header_cells) + 1
    return [c for c, *_ in layout.value_cols], layout.label_col, None


def _last_data_row(grid: Grid, layout: Layout, value_cols: list[int], report: Report) -> int:
    """The index of the last row with a value; what is below it are notes (counted in the report)."""
    body = range(layout.header_row + 1, len(grid.rows))
    filled = [r for r in body if any(grid.cell(r, c) is not None for c in value_cols)]
    last = filled[-1] if filled else layout.header_row
    notes_below = sum(1 for r in range(last + 1, len(grid.rows)) if any(v is not None for v in grid.rows[r]))
    if notes_below:
        report.add("notes_skipped", "info", row=last + 2, params={"n": notes_below})
    return last


def _long_candidate(grid: Grid, layout: Layout, options: Options, r: int) -> Candidate:
    """Row r of a long table; the indicator and the year come from the options when it has no such column."""
    cells = {f: (c, grid.cell(r, c)) for f, c in layout.columns.items()}
    if options.indicator and "indicator" not in cells:
        cells["indicator"] = (None, options.indicator)
    if options.year and "year" not in cells:
        cells["year"] = (None, options.year)
    return Candidate(r + 1, cells)


def _wide_candidates(grid: Grid, layout: Layout, options: Options, report: Report, r: int) -> list[Candidate]:
    """Row r of a yearbook table: one candidate per year column."""
    label_col = layout.label_col
    return [
        Candidate(r + 1, {
            "indicator": (None, options.indicator),
            "area": (label_col, grid.cell(r, label_col)),
            "year": (None, year),
            "value": (c, grid.cell(r, c)),
            "status": (None, status),
            "source": (None, neutral(layout.title) or neutral(report.file_name)),
        })
        for c, year, status, _ in layout.value_cols
    ]
