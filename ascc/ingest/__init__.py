"""Import of result files: reading CSV/XLSX, long and yearbook-wide layouts, validation, area matching.

One module per stage, in the order a file goes through them:

    reading       bytes -> Grid: content kind, encoding, delimiter, CSV and XLSX cells (what a file may be)
    layout        long or wide yearbook table: header rows, year columns, title, area label column
    candidates    the table body -> Candidate values, blank rows, notes and sub-headings skipped
    numbers       number cells and the file's decimal-mark rule
    areas         area labels -> area ids of the year's boundary set (aliases, vietnamadminunits)
    validation    a chain of small rules, each adding its problems; the valid rows
    subtotals     published nation and region rows compared with the provinces; the preview
    pipeline      check (writes nothing) and run_import (commits one batch through ascc.batches)
    template      the XLSX template users fill in
    cli           the import commands of ``python -m ascc``
and, shared by them: model (Problem, Report, Options, Grid, Layout, Candidate, Rejected), reference
(the dataset's indicators and areas), constants (limits, field names, vi/en aliases) and text (keys).

Each stage's module says what it accepts. Callers use the names re-exported here (``ingest.check``,
``ingest.read_grid``, ``ingest.Report``, ...), never the modules.

Nothing here writes to the dataset except ``run_import`` through ascc.batches (all or nothing).
"""

from __future__ import annotations

from ascc.ingest.areas import TRANSITION_YEARS, AreaMatch, AreaMatcher
from ascc.ingest.candidates import extract
from ascc.ingest.cli import _use_data_dir, _who, cli_batches, cli_import, cli_init_dataset, cli_rollback
from ascc.ingest.constants import (
    APPROX_TOLERANCE,
    AREA_ALIASES,
    EXTENSIONS,
    FIELDS,
    HEADER_SCAN_ROWS,
    HEADERS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    MISSING_MARKERS,
    NATION_KEYS,
    NOTE_PREFIXES,
    NUMBER_FIELDS,
    REGION_ALIASES,
    STATUS_ALIASES,
    TEXT_EXTENSIONS,
    TOTAL_COLUMNS,
    XLSX_EXTENSIONS,
    YEAR_MAX,
    YEAR_MIN,
)
from ascc.ingest.layout import find_layout, match_item, parse_year_header, parse_year_item_header
from ascc.ingest.model import (
    _FATAL,
    Candidate,
    Grid,
    Layout,
    Options,
    Preview,
    Problem,
    Rejected,
    Report,
    _fmt,
    describe_format,
    outcome_text,
)
from ascc.ingest.numbers import Number, Numbers, is_missing, number_shape
from ascc.ingest.pipeline import check, refusal, run_import
from ascc.ingest.reading import (
    content_kind,
    decode_text,
    read_csv_grid,
    read_grid,
    read_xlsx_grid,
    sniff_delimiter,
)
from ascc.ingest.reference import Reference, _range, ind_decimals, load_reference
from ascc.ingest.subtotals import compare_subtotals, preview
from ascc.ingest.template import template_xlsx
from ascc.ingest.text import _text, area_key, ascii_fold, column_letter, is_formula_like, key
from ascc.ingest.validation import _year, validate

__all__ = [
    "APPROX_TOLERANCE", "AREA_ALIASES", "EXTENSIONS", "FIELDS", "HEADERS", "HEADER_SCAN_ROWS", "MAX_FILE_BYTES",
    "MAX_ROWS", "MAX_UNZIPPED_BYTES", "MISSING_MARKERS", "NATION_KEYS", "NOTE_PREFIXES", "NUMBER_FIELDS",
    "REGION_ALIASES", "STATUS_ALIASES", "TEXT_EXTENSIONS", "TOTAL_COLUMNS", "TRANSITION_YEARS", "XLSX_EXTENSIONS",
    "YEAR_MAX", "YEAR_MIN",
    "AreaMatch", "AreaMatcher", "Candidate", "Grid", "Layout", "Number", "Numbers", "Options", "Preview",
    "Problem", "Reference", "Rejected", "Report",
    "area_key", "ascii_fold", "check", "cli_batches", "cli_import", "cli_init_dataset", "cli_rollback",
    "column_letter", "compare_subtotals", "content_kind", "decode_text", "describe_format", "extract",
    "find_layout", "ind_decimals", "is_formula_like", "is_missing", "key", "load_reference", "match_item",
    "number_shape", "outcome_text", "parse_year_header", "parse_year_item_header", "preview", "read_csv_grid",
    "read_grid", "read_xlsx_grid", "refusal", "run_import", "sniff_delimiter", "template_xlsx", "validate",
    # private helpers that ascc.catalogue and the command line share with the importer
    "_FATAL", "_fmt", "_range", "_text", "_use_data_dir", "_who", "_year",
]
