"""Import of result files: reading CSV/XLSX, long and yearbook-wide layouts, validation, area matching.

What a file may be
    CSV (UTF-8 with or without BOM, UTF-16 as Excel saves "Unicode text", Windows-1258), separated by
    comma, semicolon or tab; or XLSX (the first sheet, or one named). The content decides the format:
    a file whose content is not what its extension says is refused, never guessed.

Layouts
    long   a header row naming at least the area and value columns (vi/en aliases, see HEADERS), with
           indicator and year columns or --indicator/--year; optional numerator, denominator, weight,
           status, source, breakdown.
    wide   a statistical-yearbook table for one indicator (--indicator): areas as rows, years as columns
           ("2023", "Sơ bộ 2023", "Sơ bộ  Prel.  2023", "Prel. 2023"; preliminary/estimated go into
           ``status``), title rows above, notes below, national and regional subtotal rows. With several
           value columns per year (total + quintiles) the total column ("Tổng số", "Chung", "Bình quân
           chung", "Total") is used, and the report says which.

Decimal marks (one rule for the whole file)
    Unambiguous cells decide: "3.4" or "1,234.5" mean a decimal point, "3,37" or "1.234,5" a decimal
    comma. If only one kind occurs, the file uses it and the other mark is a thousands separator. If
    both occur, the majority wins and every cell of the minority is an error. A cell such as "4,962"
    or "1.234" (one group of three digits) is ambiguous: read by the file's rule, or an error when the
    file has no unambiguous cell. Numbers stored as numbers in Excel need no rule.

Area matching
    By area id, GSO code, Vietnamese name with or without diacritics and prefixes (Tỉnh, Thành phố,
    TP.), tone-mark variants, English name, known aliases; then vietnamadminunits for spelling
    variants (reported as a warning). The boundary set follows the year: the 63 former provinces up to
    2024, the 34 new ones from 2025. Nation and region rows are subtotals: they are imported as
    published values (``VN``, ``R-<code>``; the dashboard shows a published aggregate as it is) and
    compared with the aggregate of the imported provinces (a warning when they differ).

Nothing here writes to the dataset except ``run_import`` through ascc.batches (all or nothing).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import getpass
import hashlib
import io
import math
import os
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from ascc import batches, dataset, db, i18n, rules, schema, settings, versions
from ascc.i18n import t

MAX_FILE_BYTES = 20 * 1024 * 1024  # as server.maxUploadSize in .streamlit/config.toml
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an XLSX is a zip: refuse zip bombs
MAX_ROWS = 100_000
YEAR_MIN, YEAR_MAX = 2000, 2035
HEADER_SCAN_ROWS = 30
APPROX_TOLERANCE = 0.02  # relative, for subtotals compared with a population-weighted mean

TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
EXTENSIONS = (*TEXT_EXTENSIONS, *XLSX_EXTENSIONS, ".xls")

FIELDS = ("indicator", "area", "year", "value", "numerator", "denominator", "weight", "status", "source",
          "breakdown")
NUMBER_FIELDS = ("value", "numerator", "denominator", "weight")

# Header aliases (compared after key(): lower case, no diacritics, punctuation as spaces). A header cell
# "Giá trị / value" matches through either part.
HEADERS: dict[str, set[str]] = {
    "indicator": {"indicator", "indicator code", "code", "ma chi tieu", "chi tieu", "ma", "ma so", "ma chi so"},
    "area": {"area", "area id", "area name", "province", "province city", "tinh", "tinh thanh", "tinh thanh pho",
             "dia phuong", "dia ban", "ten tinh", "ten tinh thanh pho", "ten dia phuong", "don vi hanh chinh"},
    "year": {"year", "nam", "nam so lieu", "ky so lieu"},
    "value": {"value", "gia tri", "so lieu", "gia tri chi tieu"},
    "numerator": {"numerator", "tu so"},
    "denominator": {"denominator", "mau so"},
    "weight": {"weight", "trong so", "quyen so"},
    "status": {"status", "trang thai", "tinh trang", "tinh trang so lieu"},
    "source": {"source", "nguon", "nguon so lieu"},
    "breakdown": {"breakdown", "phan to", "nhom dan cu"},
}
TOTAL_COLUMNS = {"tong so", "tong", "chung", "binh quan chung", "total", "all", "overall", "toan bo", "ca nuoc"}
STATUS_ALIASES = {
    "final": "final", "chinh thuc": "final", "official": "final",
    "preliminary": "preliminary", "prel": "preliminary", "so bo": "preliminary", "provisional": "preliminary",
    "estimated": "estimated", "estimate": "estimated", "est": "estimated", "uoc tinh": "estimated",
    "uoc": "estimated",
}
MISSING_MARKERS = {"", "-", "–", "—", "..", "...", "…", "x", "n/a", "na", "nan", "null", "none"}
NOTE_PREFIXES = ("ghi chu", "chu thich", "nguon", "source", "note", "notes", "luu y")
NATION_KEYS = {"ca nuoc", "toan quoc", "tong so", "tong cong", "viet nam", "vietnam", "whole country",
               "entire country", "national", "nation", "total", "vn", "country"}
REGION_ALIASES = {
    "RRD": {"red river delta", "dbsh", "dong bang song hong"},
    "NMM": {"northern midlands and mountain areas", "northern midlands and mountainous areas",
            "trung du va mien nui phia bac", "tdmnpb"},
    "NCC": {"north central and central coastal areas", "north central area and south central coastal area",
            "north central and central coast", "bac trung bo va duyen hai mien trung"},
    "CH": {"central highlands", "tay nguyen"},
    "SE": {"south east", "southeast", "dong nam bo"},
    "MRD": {"mekong river delta", "mekong delta", "dong bang song cuu long", "dbscl"},
}
# Names the tables do not hold: (boundary set, key) -> GSO code. Thừa Thiên Huế became Thành phố Huế
# on 1 January 2025; yearbooks before that print the old name.
AREA_ALIASES = {
    ("63", "thua thien hue"): "46", ("34", "thua thien hue"): "46",
    ("63", "hcm"): "79", ("34", "hcm"): "79", ("63", "tphcm"): "79", ("34", "tphcm"): "79",
    ("63", "sai gon"): "79", ("34", "sai gon"): "79",
}
_PREFIXES = (("thanh", "pho"), ("tinh",), ("tp",), ("t", "p"))
_SUFFIXES = (("province",), ("city",), ("region",))
_FORMULA_RE = re.compile(r"^[=+\-@\t\r]")
_YEAR_HEADER_RE = re.compile(
    r"^(?:(?:so bo|prel|preliminary|provisional|uoc tinh|uoc|est|estimated|nam|year)\s+)*"
    r"(?P<year>(?:19|20)\d{2})"
    r"(?:\s+(?:so bo|prel|preliminary|provisional|uoc tinh|est|estimated|p|e))*$"
)


# --- text keys ---------------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """Lower case without diacritics ("Đắk Lắk" -> "dak lak"); tone-mark placement no longer matters."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", str(text)).lower().replace("đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def key(text) -> str:
    """A comparison key: folded, punctuation as spaces, whitespace collapsed."""
    folded = ascii_fold(str(text).replace("\u00a0", " "))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


def area_key(text) -> str:
    """key() without administrative prefixes and suffixes ("TP. Hồ Chí Minh" -> "ho chi minh")."""
    words = key(text).split()
    changed = True
    while changed and words:
        changed = False
        for prefix in _PREFIXES:
            if len(words) > len(prefix) and tuple(words[: len(prefix)]) == prefix:
                words, changed = words[len(prefix) :], True
        for suffix in _SUFFIXES:
            if len(words) > len(suffix) and tuple(words[-len(suffix) :]) == suffix:
                words, changed = words[: -len(suffix)], True
    return " ".join(words)


def column_letter(col: int) -> str:
    """Excel's letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip()


def is_formula_like(value) -> bool:
    """A text cell a spreadsheet would run as a formula (=, +, -, @ followed by something not a number)."""
    if not isinstance(value, str):
        return False
    text = value.strip() if value[:1] not in ("\t", "\r") else value
    if len(text) <= 1 or not _FORMULA_RE.match(text):
        return False
    rest = text[1:].strip().replace(" ", "")
    return not re.fullmatch(r"[\d.,]+%?", rest) or text[0] in "=@\t\r"


# --- problems and the report -----------------------------------------------------------------------------


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
    "corrupt_xlsx", "unknown_sheet", "too_many_rows", "no_header", "missing_column", "duplicate_column",
    "indicator_required", "ambiguous_columns", "year_not_in_table", "no_data_rows", "demo_dataset",
    "locked", "nothing_new", "nothing_to_import", "unknown_indicator_option",
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
    return t("ingest.outcome.rejected", lang)


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


# --- reading -------------------------------------------------------------------------------------------


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

    def cell(self, r: int, c: int):
        row = self.rows[r]
        return row[c] if c < len(row) else None


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
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sample = head.decode("utf-16", errors="replace")
    elif b"\x00" in head:
        if _utf16_without_bom(head):
            sample = head.decode(_utf16_without_bom(head), errors="replace")
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


def _utf16_without_bom(head: bytes) -> str | None:
    # ASCII text in UTF-16 has a zero byte in every other position.
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding found: UTF-8 (BOM or not), UTF-16 (BOM or not), else Windows-1258."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[3:].decode("utf-8"), "UTF-8 BOM"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "UTF-16"
        no_bom = _utf16_without_bom(data[:4096]) if b"\x00" in data[:4096] else None
        if no_bom:
            return data.decode(no_bom), "UTF-16"
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
    lines = [line for line in text.splitlines()[:60] if line.strip()]
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
    for i, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
        if i >= MAX_ROWS:
            raise Rejected(Problem("too_many_rows", "error", params={"limit": MAX_ROWS}))
        rows.append([_text(v) or None for v in record])
    return Grid(rows=rows, kind="csv", encoding=encoding, delimiter=delimiter)


def read_xlsx_grid(data: bytes, sheet: str | None) -> Grid:
    """Read one sheet's stored values (formulas are kept as formulas, never evaluated)."""
    import openpyxl

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if sum(i.file_size for i in zf.infolist()) > MAX_UNZIPPED_BYTES:
            raise Rejected(Problem("too_large", "error", params={"limit": MAX_UNZIPPED_BYTES // 2**20}))
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise Rejected(Problem("corrupt_xlsx", "error", params={"detail": type(exc).__name__})) from exc
    try:
        names = wb.sheetnames
        if sheet:
            match = [n for n in names if n == sheet] or [n for n in names if key(n) == key(sheet)]
            if not match:
                raise Rejected(Problem("unknown_sheet", "error", params={"sheet": sheet, "sheets": tuple(names)}))
            ws = wb[match[0]]
        else:
            ws = wb.worksheets[0]
        grid = Grid(rows=[], kind="xlsx", sheet=ws.title)
        # The stored dimension can be wrong (some tools write "A1"): read the cells that are there.
        ws.reset_dimensions()
        for r, row in enumerate(ws.iter_rows()):
            if r >= MAX_ROWS:
                raise Rejected(Problem("too_many_rows", "error", params={"limit": MAX_ROWS}))
            values = []
            for c, cell in enumerate(row):
                v = cell.value
                if getattr(cell, "data_type", None) == "f" or not isinstance(
                    v, str | int | float | bool | dt.datetime | dt.date | type(None)
                ):
                    grid.formulas.add((r, c))
                    v = str(v)
                elif isinstance(v, str):
                    v = _text(v) or None
                elif isinstance(v, int | float) and not isinstance(v, bool) and "%" in (
                    getattr(cell, "number_format", "") or ""
                ):
                    grid.percent_cells.add((r, c))
                values.append(v)
            grid.rows.append(values)
        return grid
    finally:
        wb.close()


def read_grid(data: bytes, file_name: str, sheet: str | None = None) -> Grid:
    """The grid of a file, after checking that its content is what its name says."""
    ext = Path(file_name).suffix.lower()
    if not data or not data.strip(b" \r\n\t\x00\xef\xbb\xbf\xff\xfe"):
        raise Rejected(Problem("empty_file", "error"))
    if len(data) > MAX_FILE_BYTES:
        raise Rejected(Problem("too_large", "error", params={"limit": MAX_FILE_BYTES // 2**20}))
    if ext not in EXTENSIONS:
        raise Rejected(Problem("unsupported_type", "error", params={"ext": ext or "?"}))
    kind = content_kind(data)
    expected = "text" if ext in TEXT_EXTENSIONS else "xlsx" if ext in XLSX_EXTENSIONS else "xls"
    if kind == "xls" and expected == "xls":
        raise Rejected(Problem("old_excel", "error"))
    if kind != expected:
        raise Rejected(Problem("format_mismatch", "error", params={"ext": ext, "actual": _KIND_NAMES[kind]}))
    return read_csv_grid(data) if kind == "text" else read_xlsx_grid(data, sheet)


_KIND_NAMES = {
    "xlsx": {"vi": "sổ tính Excel (.xlsx)", "en": "an Excel workbook (.xlsx)"},
    "zip": {"vi": "tệp nén ZIP", "en": "a ZIP archive"},
    "xls": {"vi": "sổ tính Excel cũ (.xls)", "en": "an old Excel workbook (.xls)"},
    "pdf": {"vi": "tài liệu PDF", "en": "a PDF document"},
    "html": {"vi": "trang web (HTML)", "en": "a web page (HTML)"},
    "text": {"vi": "văn bản CSV", "en": "CSV text"},
    "binary": {"vi": "tệp nhị phân, không phải bảng", "en": "a binary file, not a table"},
}


# --- reference data and area matching ----------------------------------------------------------------------


@dataclass
class AreaMatch:
    """The outcome of matching one area label in one year."""

    kind: str  # province | nation | region | other_set | ambiguous | unknown
    area_id: str | None = None
    fuzzy: bool = False  # matched through a spelling variant: reported as a warning
    candidates: tuple[str, ...] = ()  # names (ambiguous) or a suggestion (unknown)
    successor: str | None = None  # other_set: the new province a former one became part of


class AreaMatcher:
    """Match area labels as they appear in files to area ids of the right boundary set."""

    def __init__(self, areas: pd.DataFrame):
        # Plain dicts: looking rows up in an Arrow-backed frame, cell by cell, is slow.
        self.areas: dict[str, dict] = {
            r["area_id"]: {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in areas.astype(object).to_dict("records")
        }
        self.index: dict[str, dict[str, set[str]]] = {"63": {}, "34": {}}
        self.nation: set[str] = set(NATION_KEYS)
        self.regions: dict[str, str] = {}
        for a in areas.astype(object).itertuples():
            names = [a.name_vi, a.short_vi, a.name_en, a.short_en, a.name_ascii]
            if a.level == "nation":
                self.nation |= {area_key(n) for n in names if n}
            elif a.level == "region":
                for k in {area_key(n) for n in names if n} | {key(a.code)} | REGION_ALIASES.get(a.code, set()):
                    self.regions[k] = a.area_id
            elif a.level == "province" and a.boundary_set in self.index:
                idx = self.index[a.boundary_set]
                keys = {area_key(n) for n in names if n}
                keys |= {k.replace(" ", "") for k in keys}
                keys |= {a.code, str(int(a.code))} if str(a.code).isdigit() else {a.code}
                for k in keys:
                    idx.setdefault(k, set()).add(a.area_id)
        for (bset, alias), code in AREA_ALIASES.items():
            self.index[bset].setdefault(alias, set()).add(f"P{bset}-{code}")
        self._cache: dict[tuple[str, str], AreaMatch] = {}

    @staticmethod
    def boundary_set(year: int) -> str:
        """The provinces a year is reported on: the 63 up to 2024, the 34 from 2025."""
        return "34" if year >= settings.NEW_BOUNDARY_FIRST_YEAR else "63"

    def name(self, area_id: str, lang: str = "vi") -> str:
        if area_id not in self.areas:
            return area_id
        row = self.areas[area_id]
        return row["short_en"] if lang == "en" else row["short_vi"]

    def subtotal(self, label) -> str | None:
        """VN or R-<code> when the label names the nation or a region, else None."""
        k = area_key(label)
        if k in self.nation:
            return "VN"
        # "Vùng Đồng bằng sông Hồng": the word "region" before a region's name.
        return self.regions.get(k) or self.regions.get(k.removeprefix("vung "))

    def match(self, label, year: int) -> AreaMatch:
        bset = self.boundary_set(year)
        text = _text(label)
        cached = self._cache.get((text, bset))
        if cached is None:
            cached = self._cache[(text, bset)] = self._match(text, bset)
        return cached

    def _match(self, text: str, bset: str) -> AreaMatch:
        upper = text.upper()
        if upper in self.areas:
            row = self.areas[upper]
            if row["level"] == "nation":
                return AreaMatch("nation", "VN")
            if row["level"] == "region":
                return AreaMatch("region", upper)
            if row["boundary_set"] == bset:
                return AreaMatch("province", upper)
            return AreaMatch("other_set", upper, successor=row["successor_id"])
        sub = self.subtotal(text)
        if sub:
            return AreaMatch("nation" if sub == "VN" else "region", sub)
        k = area_key(text)
        for candidate in (k, k.replace(" ", "")):
            hits = self.index[bset].get(candidate, set())
            if len(hits) == 1:
                return AreaMatch("province", next(iter(hits)))
        other = "63" if bset == "34" else "34"
        hits = self.index[other].get(k, set())
        if len(hits) == 1:
            area_id = next(iter(hits))
            return AreaMatch("other_set", area_id, successor=self.areas[area_id]["successor_id"])
        # Part of a name ("Vũng Tàu", "Bình"): one province is a match to report, several are ambiguous.
        if len(k) >= 3 and not k.isdigit():
            partial = sorted({a for key_, ids in self.index[bset].items() if f" {k} " in f" {key_} " for a in ids})
            if len(partial) > 1:
                return AreaMatch("ambiguous", candidates=tuple(self.name(a) for a in partial))
            if len(partial) == 1 and len(k) >= 4:
                return AreaMatch("province", partial[0], fuzzy=True)
        found = self._library_match(text, k, bset)
        if found is not None:
            return found
        close = difflib.get_close_matches(k, [x for x in self.index[bset] if not x.isdigit()], n=1, cutoff=0.6)
        suggestion = tuple(self.name(next(iter(self.index[bset][c]))) for c in close)
        return AreaMatch("unknown", candidates=suggestion)

    def _library_match(self, text: str, k: str, bset: str) -> AreaMatch | None:
        # vietnamadminunits standardises spelling variants; it also maps a former province to its
        # successor in FROM_2025 mode, which would silently put one province's figure on another:
        # such a result is refused unless the legacy parse names the same province.
        try:
            from vietnamadminunits import parse_address

            found = parse_address(text, mode="FROM_2025" if bset == "34" else "LEGACY", level=1)
            legacy = parse_address(text, mode="LEGACY", level=1) if bset == "34" else found
        except Exception:  # the library raises on some odd inputs; then it has nothing to offer
            return None
        if not found.province_code:
            return None
        area_id = f"P{bset}-{found.province_code}"
        if area_id not in self.areas:
            return None
        if bset == "34" and legacy.province_code and key(legacy.short_province) != key(found.short_province):
            former = f"P63-{legacy.province_code}"
            if former in self.areas:
                return AreaMatch("other_set", former, successor=self.areas[former]["successor_id"])
            return None
        ratio = difflib.SequenceMatcher(None, k, area_key(found.short_province)).ratio()
        if ratio < 0.75:
            return None
        return AreaMatch("province", area_id, fuzzy=True)


@dataclass
class Reference:
    """The dataset's indicators and areas, as the importer needs them."""

    indicators: pd.DataFrame  # indexed by indicator_code
    areas: pd.DataFrame
    matcher: AreaMatcher

    @cached_property
    def _indicator_keys(self) -> dict[str, str]:
        keys = {}
        for r in self.indicators.astype(object).itertuples(index=False):
            for name in (r.indicator_code, r.name_vi, r.name_en, r.short_vi, r.short_en):
                keys.setdefault(key(name), r.indicator_code)
        return keys

    def indicator_code(self, text) -> str | None:
        """An indicator code from a code or a name, case and diacritics ignored."""
        raw = _text(text)
        if raw.upper() in self.indicators.index:
            return raw.upper()
        return self._indicator_keys.get(key(raw))


_references: dict[tuple[str, str], Reference] = {}


def load_reference() -> Reference:
    """Indicators and areas of the dataset in force, through the query runner (kept per data version)."""
    info = db.dataset_info()
    cache_key = (str(info.data_dir), info.version)
    ref = _references.get(cache_key)
    if ref is None:
        indicators = db.run_query("ingest_indicators").set_index("indicator_code", drop=False)
        areas = db.run_query("ingest_areas")
        ref = Reference(indicators, areas, AreaMatcher(areas))
        _references.clear()  # one dataset version at a time: the cache stays small
        _references[cache_key] = ref
    return ref


# --- layouts ------------------------------------------------------------------------------------------------


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
    return _find_wide(grid, options, report, scan)


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
        years = {c: parse_year_header(v) for c, v in enumerate(grid.rows[r]) if c > 0}
        years = {c: y for c, y in years.items() if y}
        if not years:
            continue
        # A data row of a long table also holds a year; a header row has no other number beside its years.
        others = [v for c, v in enumerate(grid.rows[r]) if c > 0 and c not in years and v is not None]
        if any(isinstance(v, int | float) for v in others):
            continue
        if not options.indicator:
            raise Rejected(Problem("indicator_required", "error", row=r + 1))
        first = min(years)
        label_col = _label_column(grid, first, r + 1)
        header_row, labels = r, {}
        if r + 1 < len(grid.rows):
            row = grid.rows[r + 1]
            texts = {c: _text(v) for c, v in enumerate(row) if c >= first and isinstance(v, str) and _text(v)}
            numbers = [v for c, v in enumerate(row) if c >= first and isinstance(v, int | float)]
            if texts and not numbers and not _text(grid.cell(r + 1, label_col)):
                labels, header_row = texts, r + 1
        # Each value column takes the year above it, or that of the nearest year to its left (merged cells).
        current, assigned = None, {}
        for c in sorted(set(years) | set(labels)):
            if c in years:
                current = (c, *years[c])
            if current is not None:
                assigned[c] = current  # (column of the year header, year, status)
        groups: dict[int, list[int]] = {}
        for c, (_, year, _) in assigned.items():
            groups.setdefault(year, []).append(c)
        if options.year is not None:
            if options.year not in groups:
                raise Rejected(Problem("year_not_in_table", "error", row=r + 1,
                                       params={"year": options.year, "years": tuple(sorted(groups))}))
            groups = {options.year: groups[options.year]}
        layout = Layout("wide", header_row, label_col=label_col, title=_title(grid, r))
        for year, group in sorted(groups.items()):
            chosen = group[0]
            if len(group) > 1:
                totals = [c for c in group if key(labels.get(c, "")) in TOTAL_COLUMNS]
                if len(totals) != 1:
                    shown = tuple(labels.get(c, column_letter(c)) for c in group)
                    raise Rejected(Problem("ambiguous_columns", "error", row=header_row + 1,
                                           params={"year": year, "columns": shown}))
                chosen = totals[0]
                skipped = tuple(labels.get(c, column_letter(c)) for c in group if c != chosen)
                report.add("other_columns_skipped", "info", row=header_row + 1, col=chosen,
                           header=labels.get(chosen), params={"columns": skipped, "year": year})
            year_col, _, status = assigned[chosen]
            year_text = _text(grid.cell(r, year_col)) or str(year)
            shown = f"{labels[chosen]}, {year_text}" if chosen in labels else year_text
            layout.value_cols.append((chosen, year, status, shown))
            layout.headers[chosen] = shown
        layout.headers[label_col] = _text(grid.cell(r, label_col)) or None
        return layout
    raise Rejected(Problem("no_header", "error"))


# --- candidate rows --------------------------------------------------------------------------------------


@dataclass
class Candidate:
    """One value to import as read from the file, before validation."""

    row: int  # Excel row (1-based)
    cells: dict[str, tuple[int | None, object]]  # field -> (column or None, raw value)


def _is_note(label) -> bool:
    text = _text(label)
    k = key(text)
    return text.startswith(("*", "(*)", "Ghi chú", "Note")) or any(
        k == p or k.startswith(p + " ") for p in NOTE_PREFIXES
    )


def extract(grid: Grid, layout: Layout, options: Options, report: Report, ref: Reference) -> list[Candidate]:
    """The candidate values of the table body; blank rows, notes and sub-headings are skipped."""
    if layout.kind == "long":
        value_cols = [layout.columns[f] for f in NUMBER_FIELDS if f in layout.columns]
        label_col = layout.columns["area"]
        header_cells = [c for c, v in enumerate(grid.rows[layout.header_row]) if v is not None]
        width = max(header_cells) + 1
    else:
        value_cols = [c for c, *_ in layout.value_cols]
        label_col = layout.label_col
        width = None
    body = range(layout.header_row + 1, len(grid.rows))
    filled = [r for r in body if any(grid.cell(r, c) is not None for c in value_cols)]
    last = filled[-1] if filled else layout.header_row
    notes_below = sum(1 for r in range(last + 1, len(grid.rows)) if any(v is not None for v in grid.rows[r]))
    if notes_below:
        report.add("notes_skipped", "info", row=last + 2, params={"n": notes_below})
    out: list[Candidate] = []
    for r in range(layout.header_row + 1, last + 1):
        row = grid.rows[r]
        if all(v is None for v in row):
            continue
        label = grid.cell(r, label_col)
        no_values = all(grid.cell(r, c) is None for c in value_cols)
        if no_values and (label is None or _is_note(label)):
            continue
        if width is not None and any(v is not None for v in row[width:]):
            # More cells than the header: typically a decimal comma in a comma-separated file.
            report.add("extra_cells", "error", row=r + 1, col=width)
            continue
        if layout.kind == "long":
            cells = {f: (c, grid.cell(r, c)) for f, c in layout.columns.items()}
            if options.indicator and "indicator" not in cells:
                cells["indicator"] = (None, options.indicator)
            if options.year and "year" not in cells:
                cells["year"] = (None, options.year)
            out.append(Candidate(r + 1, cells))
            continue
        if no_values and ref.matcher.match(label, layout.value_cols[0][1]).kind in ("unknown", "ambiguous"):
            # A sub-heading inside the table ("Trong đó:", "Chia theo vùng"): not data.
            report.add("ignored_row", "warning", row=r + 1, col=label_col, header=layout.headers.get(label_col),
                       params={"text": _text(label)[:60]})
            continue
        for c, year, status, _ in layout.value_cols:
            out.append(Candidate(r + 1, {
                "indicator": (None, options.indicator),
                "area": (label_col, label),
                "year": (None, year),
                "value": (c, grid.cell(r, c)),
                "status": (None, status),
                "source": (None, layout.title or report.file_name),
            }))
    return out


# --- numbers --------------------------------------------------------------------------------------------------

_INT = re.compile(r"^\d+$")
_POINT_GROUPED = re.compile(r"^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
_COMMA_GROUPED = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
_POINT_DEC = re.compile(r"^\d+\.\d+$")
_COMMA_DEC = re.compile(r"^\d+,\d+$")


def number_shape(text: str) -> str | None:
    """int, point, comma (unambiguous decimal marks), ambiguous ("4,962"), or None (not a number)."""
    if _INT.match(text):
        return "int"
    one_group = re.fullmatch(r"[1-9]\d{0,2}[.,]\d{3}", text)
    if one_group:
        return "ambiguous"
    if _POINT_GROUPED.match(text):
        return "point"
    if _COMMA_GROUPED.match(text):
        return "comma"
    if _POINT_DEC.match(text):
        return "point"
    if _COMMA_DEC.match(text):
        return "comma"
    return None


def _strip_number(raw: str) -> tuple[str, bool, bool]:
    """(digits and marks, negative?, percent sign?) of a text cell."""
    text = raw.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    negative = text.startswith(("-", "−"))
    if negative or text.startswith("+"):
        text = text[1:]
    return text, negative, percent


@dataclass
class Number:
    """A parsed number cell."""

    value: float | None  # None: missing
    percent: bool = False  # a % sign, or an Excel cell formatted as %
    decimals: int = 0  # decimals written (for the consistency tolerance)
    error: str | None = None  # a reason code
    params: dict = field(default_factory=dict)


class Numbers:
    """Parses number cells by the file's decimal-mark rule (see the module docstring)."""

    def __init__(self, texts: list[str]):
        shapes = [number_shape(_strip_number(x)[0]) for x in texts]
        point, comma = shapes.count("point"), shapes.count("comma")
        if point or comma:
            self.mark = "point" if point >= comma else "comma"
        else:
            self.mark = "none"

    def parse(self, raw, *, percent_cell: bool = False) -> Number:
        if raw is None or (isinstance(raw, str) and raw.strip() in MISSING_MARKERS | {"N/A", "NA", "X"}):
            return Number(None)
        if isinstance(raw, (bool, dt.date | dt.datetime)):
            return Number(None, error="non_numeric", params={"text": str(raw)})
        if isinstance(raw, int | float):
            if isinstance(raw, float) and not math.isfinite(raw):
                return Number(None, error="non_numeric", params={"text": str(raw)})
            value = float(raw) * (100 if percent_cell else 1)
            written = repr(float(raw)).split(".")[1] if "." in repr(float(raw)) else ""
            return Number(value, percent=percent_cell, decimals=min(len(written.rstrip("0")), 6))
        text, negative, percent = _strip_number(str(raw))
        if is_formula_like(str(raw)):
            return Number(None, error="formula", params={"text": str(raw)[:40]})
        shape = number_shape(text)
        if shape is None:
            return Number(None, error="non_numeric", params={"text": str(raw)[:40]})
        mark = self.mark
        if shape in ("point", "comma") and mark in ("point", "comma") and shape != mark:
            return Number(None, error="decimal_mark_mixed", params={"text": str(raw), "mark": {
                "vi": "dấu chấm" if mark == "point" else "dấu phẩy", "en": "points" if mark == "point" else "commas"}})
        if shape == "ambiguous" and mark == "none":
            return Number(None, error="ambiguous_number", params={"text": str(raw)})
        text = text.replace(".", "").replace(",", ".") if mark == "comma" else text.replace(",", "")
        decimals = len(text.split(".")[1]) if "." in text else 0
        value = float(text)
        return Number(-value if negative else value, percent=percent, decimals=decimals)


# --- validation -----------------------------------------------------------------------------------------------

_BREAKDOWN_TOTAL = {"", "total", "tong", "tong so", "chung", "toan bo", "all"}


def _status(raw) -> str | None:
    k = key(raw) if raw is not None else ""
    if not k:
        return "final"
    return STATUS_ALIASES.get(k)


def _breakdown(raw) -> str | None:
    text = _text(raw).lower()
    if key(text) in _BREAKDOWN_TOTAL:
        return "total"
    m = re.fullmatch(r"\s*([a-z]+)\s*:\s*([a-z_]+)\s*", text)
    if m and m.group(1) in schema.BREAKDOWN_DIMENSIONS:
        return f"{m.group(1)}:{m.group(2)}"
    return None


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


def validate(candidates: list[Candidate], layout: Layout, grid: Grid, report: Report, ref: Reference) -> pd.DataFrame:
    """Check every candidate; return the valid rows (RESULTS columns + year + src_row)."""
    texts = [c.cells[f][1] for c in candidates for f in NUMBER_FIELDS
             if f in c.cells and isinstance(c.cells[f][1], str)]
    numbers = Numbers(texts)
    report.format["decimal"] = numbers.mark
    headers = layout.headers
    rows, seen = [], {}

    def err(code, cand, fld, severity="error", **params):
        col = cand.cells.get(fld, (None, None))[0] if fld else None
        report.add(code, severity, row=cand.row, col=col, header=headers.get(col) if col is not None else None,
                   params=params)

    for cand in candidates:
        bad = False
        # formula-like text anywhere we would store or match it
        for fld in ("indicator", "area", "source", "status", "breakdown"):
            col, raw = cand.cells.get(fld, (None, None))
            if col is not None and ((grid.kind == "xlsx" and (cand.row - 1, col) in grid.formulas)
                                    or is_formula_like(raw)):
                err("formula", cand, fld, text=str(raw)[:40])
                bad = True
        for fld in NUMBER_FIELDS:
            col, raw = cand.cells.get(fld, (None, None))
            if col is not None and grid.kind == "xlsx" and (cand.row - 1, col) in grid.formulas:
                err("formula", cand, fld, text=str(raw)[:40])
                bad = True
        if bad:
            continue
        # indicator
        code_raw = cand.cells.get("indicator", (None, None))[1]
        code = ref.indicator_code(code_raw) if _text(code_raw) else None
        if code is None:
            close = difflib.get_close_matches(_text(code_raw).upper(), list(ref.indicators.index), n=1)
            err("unknown_indicator", cand, "indicator", text=_text(code_raw) or "–", suggestion=close[0] if close else "–")
            continue
        ind = ref.indicators.loc[code]
        # year
        year, year_status = _year(cand.cells["year"][1])
        if year is None:
            err("bad_year", cand, "year", text=_text(cand.cells["year"][1]) or "–")
            continue
        if not YEAR_MIN <= year <= YEAR_MAX:
            err("year_out_of_range", cand, "year", year=year, low=YEAR_MIN, high=YEAR_MAX)
            continue
        # area
        label = cand.cells["area"][1]
        if not _text(label):
            err("missing_area", cand, "area")
            continue
        m = ref.matcher.match(label, year)
        if m.kind == "unknown":
            err("unknown_area", cand, "area", text=_text(label), year=year,
                suggestion=m.candidates[0] if m.candidates else "–")
            continue
        if m.kind == "ambiguous":
            err("ambiguous_area", cand, "area", text=_text(label), candidates=m.candidates[:8])
            continue
        if m.kind == "other_set":
            successor = ref.matcher.name(m.successor) if m.successor else "–"
            err("area_other_boundary_set", cand, "area", text=_text(label), year=year,
                boundary=ref.matcher.boundary_set(year), successor=successor)
            continue
        if m.fuzzy:
            err("area_fuzzy", cand, "area", severity="warning", text=_text(label), name=ref.matcher.name(m.area_id))
        # numbers
        parsed = {}
        for fld in NUMBER_FIELDS:
            if fld not in cand.cells:
                parsed[fld] = Number(None)
                continue
            col, raw = cand.cells[fld]
            n = numbers.parse(raw, percent_cell=grid.kind == "xlsx" and col is not None and (cand.row - 1, col) in grid.percent_cells)
            if n.error:
                err(n.error, cand, fld, **n.params)
                bad = True
            parsed[fld] = n
        if bad:
            continue
        value, num, den, weight = (parsed[f].value for f in NUMBER_FIELDS)
        is_pct_unit = str(ind["unit_en"]).startswith("%")
        if (parsed["value"].percent) and not is_pct_unit:
            err("percent_not_allowed", cand, "value", unit=_unit(ind))
            continue
        if any(parsed[f].percent for f in ("numerator", "denominator", "weight")):
            err("percent_not_allowed", cand, next(f for f in ("numerator", "denominator", "weight") if parsed[f].percent),
                unit=_unit(ind))
            continue
        status = _status(cand.cells.get("status", (None, None))[1])
        if status is None:
            err("bad_status", cand, "status", text=_text(cand.cells["status"][1]))
            continue
        if year_status and not _text(cand.cells.get("status", (None, None))[1]):
            status = year_status
        breakdown = _breakdown(cand.cells.get("breakdown", (None, ""))[1])
        if breakdown is None:
            err("bad_breakdown", cand, "breakdown", text=_text(cand.cells["breakdown"][1]))
            continue
        # ratio parts
        aggregation = ind["aggregation"]
        if (num is not None or den is not None) and aggregation != "ratio":
            err("parts_ignored", cand, "numerator" if num is not None else "denominator", severity="warning")
            num = den = None
        if weight is not None and aggregation != "weighted_mean":
            err("weight_ignored", cand, "weight", severity="warning")
            weight = None
        if den is not None and den <= 0:
            err("bad_denominator", cand, "denominator", value=den)
            continue
        if num is not None and num < 0:
            err("negative_numerator", cand, "numerator", value=num, decimals=0)
            continue
        if num is not None and den is not None and num > den:
            err("numerator_above_denominator", cand, "numerator", numerator=num, denominator=den, decimals=0)
            continue
        if weight is not None and weight <= 0:
            err("bad_weight", cand, "weight", value=weight)
            continue
        if value is None and num is not None and den is not None:
            value = num / den * float(ind["scale"])
            err("value_computed", cand, "value", severity="info", value=value, decimals=ind_decimals(ind))
        if value is None:
            err("missing_value", cand, "value", severity="warning", text=_text(cand.cells.get("value", (None, ""))[1]))
            continue
        if num is not None and den is not None:
            expected = num / den * float(ind["scale"])
            tolerance = 0.5 * 10 ** -parsed["value"].decimals + 1e-9 * abs(value) if parsed["value"].value is not None else 1e-9
            if abs(value - expected) > tolerance:
                err("value_inconsistent", cand, "value", value=value, expected=expected, decimals=max(parsed["value"].decimals, 2))
                continue
        low, high = _range(ind)
        if value < low or value > high:
            err("out_of_range", cand, "value", value=value, low=low, high=high, decimals=max(parsed["value"].decimals, ind_decimals(ind)))
            continue
        if parsed["value"].percent and grid.kind == "xlsx" and (cand.row - 1, cand.cells["value"][0]) in grid.percent_cells:
            err("percent_cell_scaled", cand, "value", severity="info", value=value, decimals=ind_decimals(ind))
        source = _text(cand.cells.get("source", (None, None))[1]) or (layout.title or report.file_name)
        k = (code, m.area_id, year, breakdown)
        if k in seen:
            err("duplicate", cand, "area", first=seen[k], text=_text(label), year=year)
            continue
        seen[k] = cand.row
        if m.kind in ("nation", "region"):
            err(f"{m.kind}_row", cand, "area", severity="info", text=_text(label), year=year)
        rows.append({"indicator_code": code, "area_id": m.area_id, "breakdown": breakdown, "value": value,
                     "numerator": num, "denominator": den, "weight": weight, "status": status,
                     "source": source[:200], "batch_id": "", "year": year, "src_row": cand.row})
    frame = pd.DataFrame(rows, columns=[*schema.RESULTS.names, "year", "src_row"])
    for c in ("value", "numerator", "denominator", "weight"):
        frame[c] = frame[c].astype("float64")
    compare_subtotals(frame, report, ref)
    return frame


def ind_decimals(ind) -> int:
    return int(ind["decimals"]) if ind["decimals"] is not None and not pd.isna(ind["decimals"]) else 2


def _unit(ind) -> dict:
    return {"vi": ind["unit_vi"] or "–", "en": ind["unit_en"] or "–"}


def _range(ind) -> tuple[float, float]:
    low = ind["min_value"] if pd.notna(ind["min_value"]) else -math.inf
    high = ind["max_value"] if pd.notna(ind["max_value"]) else math.inf
    if str(ind["unit_en"]).startswith("%"):
        low, high = max(low, 0.0), min(high, 100.0)
    if ind["aggregation"] in ("ratio", "sum"):
        low = max(low, 0.0)
    return float(low), float(high)


# --- subtotals -----------------------------------------------------------------------------------------------


def compare_subtotals(rows: pd.DataFrame, report: Report, ref: Reference) -> None:
    """Compare the nation row and region rows with the aggregate of the imported provinces; warn when they differ."""
    published = rows[(rows["area_id"] == "VN") | rows["area_id"].str.startswith("R-")]
    items = [
        {"row": int(r.src_row), "col": None, "area_id": r.area_id, "indicator_code": r.indicator_code,
         "year": int(r.year), "breakdown": r.breakdown, "value": float(r.value), "numerator": r.numerator,
         "denominator": r.denominator}
        for r in published.itertuples()
    ]
    if not items:
        return
    provinces = rows.merge(ref.areas[["area_id", "boundary_set", "region_code", "population", "level"]], on="area_id")
    provinces = provinces[provinces["level"] == "province"]
    for item in items:
        ind = ref.indicators.loc[item["indicator_code"]]
        bset = AreaMatcher.boundary_set(item["year"])
        members = ref.areas[(ref.areas["level"] == "province") & (ref.areas["boundary_set"] == bset)]
        if item["area_id"] != "VN":
            members = members[members["region_code"] == item["area_id"].removeprefix("R-")]
        got = provinces[(provinces["indicator_code"] == item["indicator_code"]) & (provinces["year"] == item["year"])
                        & (provinces["breakdown"] == item["breakdown"]) & provinces["area_id"].isin(members["area_id"])]
        name = ref.matcher.name(item["area_id"], "vi")
        where = {"row": item["row"], "col": item.get("col")}
        if got.empty:
            continue
        missing = len(members) - len(got)
        if missing:
            report.add("subtotal_not_compared", "info", **where, params={"name": name, "n": missing})
            continue
        aggregation, scale = ind["aggregation"], float(ind["scale"])
        decimals = ind_decimals(ind)
        exact_tol = 0.5 * 10**-decimals + 1e-9
        # The rule itself (ascc.rules, the same as the views' macros) when the rows carry what it needs;
        # otherwise a population-weighted mean, compared with a tolerance.
        rows_weight = got["weight"] if aggregation == "weighted_mean" else None
        exact = rules.aggregate(aggregation, got["value"].tolist(), got["numerator"].tolist(),
                                got["denominator"].tolist(), None if rows_weight is None else rows_weight.tolist(), scale)
        if exact is not None:
            computed, tol = exact, exact_tol
            method = {"ratio": "ratio", "sum": "sum", "mean": "mean", "weighted_mean": "weighted"}[aggregation]
        elif got["population"].notna().all() and got["population"].sum() > 0:
            computed = rules.aggregate("weighted_mean", got["value"].tolist(), weights=got["population"].tolist())
            method, tol = "population", max(APPROX_TOLERANCE * abs(item["value"]), exact_tol)
        else:
            computed, method, tol = got["value"].mean(), "plain", max(APPROX_TOLERANCE * abs(item["value"]), exact_tol)
        params = {"name": name, "given": float(item["value"]), "computed": float(computed), "n": len(got),
                  "method": {"vi": t(f"ingest.method.{method}", "vi"), "en": t(f"ingest.method.{method}", "en")},
                  "decimals": decimals + (1 if method in ("population", "plain") else 0)}
        if abs(computed - item["value"]) > tol:
            report.add("subtotal_mismatch", "warning", **where, params=params)
        else:
            report.add("subtotal_ok", "info", **where, params=params)


# --- preview ------------------------------------------------------------------------------------------------


def preview(rows: pd.DataFrame, ref: Reference, lang: str = "vi") -> Preview:
    """Counts of new, changed and unchanged values against what the dashboard shows now."""
    current = db.run_query("ingest_current_values", codes=sorted(rows["indicator_code"].unique()),
                           years=sorted(int(y) for y in rows["year"].unique()))
    keys = ["indicator_code", "area_id", "year", "breakdown"]
    cur = current.assign(year=current["year"].astype("int64"))
    merged = rows.assign(year=rows["year"].astype("int64")).merge(
        cur, on=keys, how="left", suffixes=("", "_old"), indicator=True
    )
    is_new = merged["_merge"] == "left_only"

    def differs(a, b):
        both_nan = a.isna() & b.isna()
        close = (a - b).abs() <= 1e-9 * a.abs().clip(lower=1)
        return ~(both_nan | close.fillna(False))

    changed = ~is_new & (
        differs(merged["value"], merged["value_old"])
        | differs(merged["numerator"], merged["numerator_old"])
        | differs(merged["denominator"], merged["denominator_old"])
        | differs(merged["weight"], merged["weight_old"])
        | (merged["status"] != merged["status_old"])
    )
    changes = merged[changed]
    table = pd.DataFrame(
        {
            "indicator_code": changes["indicator_code"],
            "area_id": changes["area_id"],
            "area": [ref.matcher.name(a, lang) for a in changes["area_id"]],
            "year": changes["year"].astype("int64"),
            "breakdown": changes["breakdown"],
            "old_value": changes["value_old"].astype("float64"),
            "new_value": changes["value"].astype("float64"),
            "old_status": changes["status_old"],
            "new_status": changes["status"],
            "old_batch": changes["batch_id_old"],
        }
    ).reset_index(drop=True)
    return Preview(int(is_new.sum()), int(changed.sum()), int((~is_new & ~changed).sum()), table)


# --- the whole import ----------------------------------------------------------------------------------------


def check(data: bytes, file_name: str, options: Options, ref: Reference | None = None) -> Report:
    """Read and validate a file (writes nothing): the report with its valid rows."""
    report = Report(file_name=Path(file_name).name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                    options=options)
    if options.indicator is not None:
        ref = ref or load_reference()
        code = ref.indicator_code(options.indicator)
        if code is None:
            report.add("unknown_indicator_option", params={"text": options.indicator})
            return report
        options = Options(code, options.year, options.sheet, options.dry_run, options.valid_only)
        report.options = options
    try:
        grid = read_grid(data, file_name, options.sheet)
        report.format = {"kind": grid.kind, "encoding": grid.encoding, "delimiter": grid.delimiter, "sheet": grid.sheet}
        ref = ref or load_reference()
        layout = find_layout(grid, options, report)
    except Rejected as exc:
        report.problems.append(exc.problem)
        return report
    report.layout = layout.kind
    report.indicator = options.indicator
    if layout.kind == "wide":
        report.columns_used = [f"{column_letter(c)} ({label})" for c, _, _, label in layout.value_cols]
    candidates = extract(grid, layout, options, report, ref)
    report.n_candidates = len(candidates)
    if not candidates:
        report.add("no_data_rows")
        return report
    report.rows = validate(candidates, layout, grid, report, ref)
    if report.rows.empty and not report.errors:
        report.add("no_data_rows")
    return report


def run_import(data: bytes, file_name: str, options: Options, *, who: str, lock_timeout: float | None = None,
               lang: str = "vi") -> Report:
    """Check a file and, unless it is refused or a dry run, commit its rows as one batch (all or nothing)."""
    data_dir = settings.data_dir()
    if dataset.read_manifest(data_dir).get("kind") == "demo":
        report = Report(Path(file_name).name, hashlib.sha256(data).hexdigest(), len(data), options)
        report.add("demo_dataset", params={"folder": str(data_dir)})
        report.outcome = "refused"
        return report
    ref = load_reference()
    report = check(data, file_name, options, ref)
    if report.n_valid:
        report.preview = preview(report.rows, ref, lang)
        if report.preview.new + report.preview.changed == 0 and not any(p.code in _FATAL for p in report.errors):
            report.add("nothing_new", params={"n": report.preview.unchanged})
    if not report.can_commit:
        report.outcome = "rejected"
        return report
    if options.dry_run:
        report.outcome = "checked"
        return report
    try:
        with batches.lock(data_dir, lock_timeout):
            # Recompare under the lock: another import may have committed since the check.
            report.preview = preview(report.rows, ref, lang)
            if report.preview.new + report.preview.changed == 0:
                report.add("nothing_new", params={"n": report.preview.unchanged})
                report.outcome = "rejected"
                return report
            note = "; ".join(report.columns_used)
            report.batch_id = batches.commit(
                data_dir, report.rows.drop(columns=["src_row"]), file_name=report.file_name, sha256=report.sha256,
                who=who, note=note,
            )
    except batches.BatchError as exc:
        report.add(exc.code, params=exc.params)
        report.outcome = "refused"
        return report
    report.outcome = "committed"
    return report


# --- the template -----------------------------------------------------------------------------------------------


def template_xlsx() -> bytes:
    """An XLSX template: a data sheet, instructions (vi and en), indicator codes and both sets of area names."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    ref = load_reference()
    wb = openpyxl.Workbook()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F3")
    data = wb.active
    data.title = "Dữ liệu - Data"
    heads = [t(f"ingest.template.col_{f}", "vi") + " / " + f for f in
             ("indicator", "area", "year", "value", "numerator", "denominator", "status", "source")]
    data.append(heads)
    for c, _ in enumerate(heads, start=1):
        data.cell(row=1, column=c).font = bold
        data.cell(row=1, column=c).fill = fill
        data.column_dimensions[column_letter(c - 1)].width = 22
    data.freeze_panes = "A2"
    n_ind = len(ref.indicators)
    dv = DataValidation(type="list", formula1=f"='Chỉ tiêu - Indicators'!$A$2:$A${n_ind + 1}", allow_blank=True)
    status = DataValidation(type="list", formula1='"final,preliminary,estimated"', allow_blank=True)
    data.add_data_validation(dv)
    data.add_data_validation(status)
    dv.add("A2:A5000")
    status.add("G2:G5000")

    guide = wb.create_sheet("Hướng dẫn - Instructions")
    guide.column_dimensions["A"].width = 110
    for lang in ("vi", "en"):
        for line in t("ingest.template.instructions", lang).split("\n"):
            guide.append([line])
            guide.cell(row=guide.max_row, column=1).alignment = Alignment(wrap_text=True)
            if line and not line.startswith(("-", " ")) and guide.max_row > 0 and line.endswith(":"):
                guide.cell(row=guide.max_row, column=1).font = bold
        guide.append([""])
    guide.cell(row=1, column=1).font = Font(bold=True, size=13)

    ind = wb.create_sheet("Chỉ tiêu - Indicators")
    ind.append(["indicator_code", "Tên chỉ tiêu", "Indicator", "Đơn vị", "Unit", "min", "max", "aggregation"])
    for r in ref.indicators.itertuples():
        ind.append([r.indicator_code, r.name_vi, r.name_en, r.unit_vi, r.unit_en,
                    None if pd.isna(r.min_value) else r.min_value, None if pd.isna(r.max_value) else r.max_value,
                    r.aggregation])
    for bset, title in (("63", "Tỉnh 63 - Provinces to 2024"), ("34", "Tỉnh 34 - Provinces from 2025")):
        sheet = wb.create_sheet(title)
        sheet.append(["area_id", "Mã GSO / GSO code", "Tên / Name (vi)", "Name (en)", "Vùng / Region"])
        for a in ref.areas[(ref.areas["level"] == "province") & (ref.areas["boundary_set"] == bset)].itertuples():
            sheet.append([a.area_id, a.code, a.short_vi, a.short_en, a.region_code])
    other = wb.create_sheet("Cả nước, vùng - Nation, regions")
    other.append(["area_id", "Tên / Name (vi)", "Name (en)"])
    for a in ref.areas[ref.areas["level"].isin(["nation", "region"])].itertuples():
        other.append([a.area_id, a.short_vi, a.short_en])
    for sheet in wb.worksheets[2:]:
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = fill
        for col in "ABCDEFGH":
            sheet.column_dimensions[col].width = 24
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- command line (registered in ascc/cli.py) -------------------------------------------------------------


def _use_data_dir(args) -> Path:
    # The query runner reads the dataset folder from the environment: point it at --data-dir.
    folder = (getattr(args, "data_dir", None) or settings.data_dir()).resolve()
    os.environ[settings.DATA_DIR_ENV] = str(folder)
    return folder


def _who(args) -> str:
    return args.who or f"cli:{getpass.getuser()}"


def cli_init_dataset(args) -> int:
    """python -m ascc init-dataset DIR [--from DIR]"""
    try:
        batches.init_dataset(args.dir, source=args.source)
    except batches.BatchError as exc:
        print(t(f"ingest.reason.{exc.code}", args.lang, **exc.params), file=sys.stderr)
        return 2
    print(t("cli.init.done", args.lang, folder=args.dir.resolve()))
    return 0


def cli_import(args) -> int:
    """python -m ascc import FILE ...: exit 0 only when the batch committed (or, in a dry run, would)."""
    _use_data_dir(args)
    path = Path(args.file)
    if not path.is_file():
        print(t("cli.no_file", args.lang, path=path), file=sys.stderr)
        return 2
    # A file over the limit is not read: its size alone decides.
    data = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else b"\0" * (MAX_FILE_BYTES + 1)
    options = Options(args.indicator, args.year, args.sheet, args.dry_run, args.valid_only)
    report = run_import(data, path.name, options, who=_who(args), lang=args.lang)
    print(report.to_text(args.lang))
    if report.outcome == "committed":
        db.connection()  # compute the new version's aggregates now, so the dashboard's next visitor does not wait
    if report.outcome in ("committed", "checked"):
        return 0
    return 2 if report.outcome == "refused" else 1


def cli_batches(args) -> int:
    """python -m ascc batches: the batch log, newest first."""
    folder = _use_data_dir(args)
    df = db.run_query("batch_list")
    if df.empty:
        print(t("cli.batches.none", args.lang, folder=folder))
        return 0
    cols = {"batch_id": "data.col.batch", "status": "data.col.status", "committed_at": "data.col.when",
            "who": "data.col.who", "file_name": "data.col.file", "rows": "data.col.rows",
            "indicators": "data.col.indicators", "years": "data.col.years"}
    shown = df[list(cols)].assign(status=[t(f"data.batch.{s}", args.lang) for s in df["status"]])
    print(shown.rename(columns={k: t(v, args.lang) for k, v in cols.items()}).to_string(index=False))
    return 0


def cli_rollback(args) -> int:
    """python -m ascc rollback BATCH: withdraw a batch (a new log entry; nothing is deleted)."""
    folder = _use_data_dir(args)
    table = versions.table_of(batches.read_log(folder), args.batch)  # a batch of the catalogue or of targets?
    try:
        batches.withdraw(folder, args.batch, who=_who(args), note=args.note)
    except batches.BatchError as exc:
        print(t(f"ingest.reason.{exc.code}", args.lang, **{"folder": folder, **exc.params}), file=sys.stderr)
        return 1
    db.connection()  # the aggregates of the version without the batch, computed now (see cli_import)
    print(t(f"cli.rollback.done_{table}" if table else "cli.rollback.done", args.lang, batch=args.batch))
    return 0
