"""Reading a file: bytes to a Grid of cells (content kind, encoding, delimiter, CSV and XLSX).

What a file may be
    CSV (UTF-8 with or without BOM, UTF-16 as Excel saves "Unicode text", UTF-32, Windows-1258), separated
    by comma, semicolon or tab; or XLSX (the sheet named, else the active sheet if visible, else the first
    visible one). The content decides the format: a file whose content is not what its extension says is
    refused, never guessed. An XLSX too large to read (cells, unzipped size) is refused before it is parsed.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path

from ascc import i18n
from ascc.ingest.constants import (
    EXTENSIONS,
    MAX_CELLS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MAX_XLSX_PART_BYTES,
    MAX_ZIP_RATIO,
    TEXT_EXTENSIONS,
    XLSX_EXTENSIONS,
    ZIP_RATIO_MIN_BYTES,
)
from ascc.ingest.model import Grid, Problem, Rejected
from ascc.ingest.text import _text, key


def content_kind(data: bytes) -> str:
    """What the bytes are: xlsx, zip, xls (old binary Excel), pdf, html, text or binary."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "xlsx" if "xl/workbook.xml" in zf.namelist() else "zip"
        except zipfile.BadZipFile:
            return "binary"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    if data[:5] == b"%PDF-":
        return "pdf"
    return _text_kind(data[:4096])


def _text_kind(head: bytes) -> str:
    """html, text or binary, from the first bytes of a file that is neither a zip, an xls nor a PDF."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        sample = head.decode("utf-32", errors="replace")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sample = head.decode("utf-16", errors="replace")
    elif b"\x00" in head:
        if _wide_without_bom(head):
            sample = head.decode(_wide_without_bom(head), errors="replace")
        else:
            return "binary"
    else:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls > max(2, len(head) // 100):
            return "binary"
        sample = head.decode("utf-8", errors="replace")
    lowered = sample.lstrip("\ufeff \r\n\t").lower()
    if lowered.startswith(("<!doctype html", "<html", "<table", "<?xml", "<head", "<body", "<meta")):
        return "html"
    return "text"


def _wide_without_bom(head: bytes) -> str | None:
    """utf-32-le/-be or utf-16-le/-be for text without a BOM in one of them, judged by its zero bytes."""
    # Text of the Basic Multilingual Plane (Vietnamese included) in UTF-32 has zeros in the two high bytes
    # of every character; ASCII text in UTF-16 has a zero byte in every other position.
    quads = [head[i::4] for i in range(4)]
    if quads[3] and all(q.count(0) > 0.9 * len(q) for q in quads[2:]) and quads[0].count(0) < 0.1 * len(quads[0]):
        return "utf-32-le"
    if quads[3] and all(q.count(0) > 0.9 * len(q) for q in quads[:2]) and quads[3].count(0) < 0.1 * len(quads[3]):
        return "utf-32-be"
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding found: UTF-8, UTF-16 or UTF-32 (BOM or not), else Windows-1258."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[3:].decode("utf-8"), "UTF-8 BOM"
        # The UTF-32 little-endian BOM begins with the UTF-16 one: test it first.
        if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            return data.decode("utf-32"), "UTF-32"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "UTF-16"
        no_bom = _wide_without_bom(data[:4096]) if b"\x00" in data[:4096] else None
        if no_bom:
            return data.decode(no_bom), no_bom[:6].upper()
    except UnicodeDecodeError as exc:
        raise Rejected(Problem("bad_encoding", "error", params={"detail": str(exc)[:80]})) from exc
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1258 writes tone marks as combining characters: compose them.
        return unicodedata.normalize("NFC", data.decode("cp1258")), "Windows-1258"
    except UnicodeDecodeError as exc:
        raise Rejected(Problem("bad_encoding", "error", params={"detail": str(exc)[:80]})) from exc


def sniff_delimiter(text: str) -> str:
    """The separator that splits most lines into the same number (> 1) of cells: tab, ;, , or |."""
    # A line too long to be a row (a cell over the csv module's limit) says nothing about the separator.
    lines = [line for line in text.splitlines()[:60] if line.strip() and len(line) < csv.field_size_limit()]
    best, best_score = ",", -1
    for delim in ("\t", ";", ",", "|"):
        counts = [len(next(csv.reader([line], delimiter=delim))) for line in lines]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        modal = max(set(multi), key=multi.count)
        score = multi.count(modal)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv_grid(data: bytes) -> Grid:
    """Parse delimited text into a grid of strings (None for empty cells)."""
    text, encoding = decode_text(data)
    text = text.lstrip("\ufeff")
    delimiter = sniff_delimiter(text)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for i, record in enumerate(reader):
            if i >= MAX_ROWS:
                raise Rejected(Problem("too_many_rows", "error", params={"limit": MAX_ROWS}))
            _check_quotes(record, delimiter, len(rows), max((len(r) for r in rows[:20]), default=0))
            rows.append([_text(v) or None for v in record])
    except csv.Error as exc:  # a cell over the csv module's size limit (an unclosed quote in a huge file)
        raise Rejected(Problem("cell_too_long", "error", row=reader.line_num,
                               params={"limit": csv.field_size_limit()})) from exc
    return Grid(rows=rows, kind="csv", encoding=encoding, delimiter=delimiter)


def _check_quotes(record: list[str], delimiter: str, index: int, width: int) -> None:
    # An unclosed quote makes the csv module read the following lines into one cell: a cell whose later
    # lines split into a whole row of cells (as many as the file's rows so far) is rows swallowed, not a
    # multi-line note (a note's comma or two do not make a row).
    need = max(3, width)
    for col, cell in enumerate(record):
        lines = cell.split("\n")
        if len(lines) > 1 and any(line.count(delimiter) + 1 >= need for line in lines[1:]):
            raise Rejected(Problem("unclosed_quote", "error", row=index + 1, col=col,
                                   params={"lines": len(lines) - 1}))


def read_xlsx_grid(data: bytes, sheet: str | None) -> Grid:
    """Read one sheet's stored values (formulas are kept as formulas, never evaluated)."""
    import openpyxl

    check_xlsx_size(data)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise Rejected(Problem("corrupt_xlsx", "error", params={"detail": type(exc).__name__})) from exc
    try:
        ws, hidden = _worksheet(wb, sheet)
        grid = Grid(rows=[], kind="xlsx", sheet=ws.title)
        if hidden:
            names = tuple(f"“{h}”" for h in hidden)
            grid.notes.append(Problem("hidden_sheets_skipped", "warning", params={"sheet": ws.title, "hidden": names}))
        _check_dimension(ws)
        # The stored dimension can be wrong (some tools write "A1"): read the cells that are there, and count
        # them, since a wrong dimension also lets through a sheet too large to read.
        ws.reset_dimensions()
        cells = 0
        try:
            for r, row in enumerate(ws.iter_rows()):
                if r >= MAX_ROWS:
                    raise Rejected(Problem("too_many_rows", "error", params={"limit": MAX_ROWS}))
                cells += len(row)
                if cells > MAX_CELLS:
                    raise Rejected(Problem("too_many_cells_read", "error", row=r + 1,
                                           params={"sheet": ws.title, "limit": float(MAX_CELLS), "decimals": 0}))
                grid.rows.append([_cell_value(grid, r, c, cell) for c, cell in enumerate(row)])
        except (ValueError, TypeError, KeyError) as exc:  # a cell openpyxl cannot read (<v>NaN</v>, ...)
            raise Rejected(Problem("corrupt_xlsx", "error", row=len(grid.rows) + 1,
                                   params={"detail": type(exc).__name__})) from exc
        return grid
    finally:
        wb.close()


def check_xlsx_size(data: bytes) -> None:
    """Refuse a workbook too large to read, from its zip directory alone (nothing is unzipped or parsed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise Rejected(Problem("corrupt_xlsx", "error", params={"detail": type(exc).__name__})) from exc
    mb = 2.0**20
    for part in parts:
        if part.file_size > MAX_XLSX_PART_BYTES:
            raise Rejected(Problem("xlsx_part_too_large", "error", params={
                "part": part.filename, "size": part.file_size / mb, "limit": MAX_XLSX_PART_BYTES / mb, "decimals": 0}))
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > ZIP_RATIO_MIN_BYTES and ratio > MAX_ZIP_RATIO:
            raise Rejected(Problem("zip_ratio", "error", params={
                "part": part.filename, "ratio": ratio, "limit": float(MAX_ZIP_RATIO), "size": part.file_size / mb,
                "packed": part.compress_size / 1024, "decimals": 0}))
    total = sum(part.file_size for part in parts)
    if total > MAX_UNZIPPED_BYTES:
        raise Rejected(Problem("xlsx_unzipped_too_large", "error", params={
            "size": total / mb, "limit": MAX_UNZIPPED_BYTES / mb, "decimals": 0}))


def _check_dimension(ws) -> None:
    # The cells the sheet says it spans (<dimension ref="A1:Z100000"/>), before any of them is read.
    if None in (ws.min_row, ws.max_row, ws.min_column, ws.max_column):
        return
    cells = (ws.max_row - ws.min_row + 1) * (ws.max_column - ws.min_column + 1)
    if cells > MAX_CELLS:
        raise Rejected(Problem("too_many_cells", "error", params={
            "sheet": ws.title, "ref": ws.calculate_dimension(), "cells": float(cells), "limit": float(MAX_CELLS),
            "decimals": 0}))


def _worksheet(wb, sheet: str | None):
    """(The sheet to read, the names of the hidden sheets skipped).

    The sheet of that name (exactly, else by key()); without a name, the sheet the workbook opens on if it
    is visible, else the first visible sheet: a hidden sheet (workings, an old copy) is never read unasked.
    """
    if sheet:
        names = wb.sheetnames
        match = [n for n in names if n == sheet] or [n for n in names if key(n) == key(sheet)]
        if not match:
            raise Rejected(Problem("unknown_sheet", "error", params={"sheet": sheet, "sheets": tuple(names)}))
        return wb[match[0]], ()
    if not wb.worksheets:  # only chart sheets
        raise Rejected(Problem("corrupt_xlsx", "error", params={"detail": "no worksheet"}))
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    if not visible:  # Excel keeps one sheet visible; another tool may not
        return wb.worksheets[0], ()
    active = wb.active
    chosen = active if any(ws is active for ws in visible) else visible[0]
    return chosen, tuple(ws.title for ws in wb.worksheets if ws.sheet_state != "visible")


def _cell_value(grid: Grid, r: int, c: int, cell):
    """A cell's stored value; formulas (kept as text) and numbers formatted as % are noted in the grid."""
    v = cell.value
    if getattr(cell, "data_type", None) == "f" or not isinstance(
        v, str | int | float | bool | dt.datetime | dt.date | type(None)
    ):
        grid.formulas.add((r, c))
        return str(v)
    if isinstance(v, str):
        return _text(v) or None
    if isinstance(v, int | float) and not isinstance(v, bool) and "%" in (getattr(cell, "number_format", "") or ""):
        grid.percent_cells.add((r, c))
    return v


def read_grid(data: bytes, file_name: str, sheet: str | None = None) -> Grid:
    """The grid of a file, after checking that its content is what its name says."""
    ext = Path(file_name).suffix.lower()
    # Size first: the command line hands over an over-large file as a stand-in of zero bytes.
    if len(data) > MAX_FILE_BYTES:
        raise Rejected(Problem("too_large", "error", params={"limit": MAX_FILE_BYTES // 2**20}))
    if not data or not data.strip(b" \r\n\t\x00\xef\xbb\xbf\xff\xfe"):
        raise Rejected(Problem("empty_file", "error"))
    if ext not in EXTENSIONS:
        raise Rejected(Problem("unsupported_type", "error", params={"ext": ext or "?"}))
    kind = content_kind(data)
    expected = "text" if ext in TEXT_EXTENSIONS else "xlsx" if ext in XLSX_EXTENSIONS else "xls"
    if kind == "xls" and expected == "xls":
        raise Rejected(Problem("old_excel", "error"))
    if kind != expected:
        raise Rejected(Problem("format_mismatch", "error", params={"ext": ext, "actual": i18n.both(f"ingest.kind.{kind}")}))
    return read_csv_grid(data) if kind == "text" else read_xlsx_grid(data, sheet)

