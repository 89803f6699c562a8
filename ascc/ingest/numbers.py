"""Number cells: their shapes and the decimal-mark rule of a file.

Decimal marks (one rule for the whole file)
    Unambiguous cells decide: "3.4" or "1,234.5" mean a decimal point, "3,37" or "1.234,5" a decimal
    comma. If only one kind occurs, the file uses it and the other mark is a thousands separator. If
    both occur, the majority wins and every cell of the minority is an error. A cell such as "4,962"
    or "1.234" (one group of three digits) is ambiguous: read by the file's rule, or an error when the
    file has no unambiguous cell. Numbers stored as numbers in Excel need no rule.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from ascc import i18n
from ascc.ingest.constants import MISSING_MARKERS
from ascc.ingest.text import is_formula_like

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


def is_missing(raw) -> bool:
    """Whether a cell says "no figure": empty, or a marker such as "..", "-" or "n/a"."""
    return raw is None or (isinstance(raw, str) and raw.strip() in MISSING_MARKERS | {"N/A", "NA", "X"})


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
        """A cell as a number: a missing marker is None, a cell that is not a number carries an error."""
        if is_missing(raw):
            return Number(None)
        if isinstance(raw, (bool, dt.date | dt.datetime)):
            return Number(None, error="non_numeric", params={"text": str(raw)})
        if isinstance(raw, int | float):
            return _stored_number(raw, percent_cell)
        return self._text_number(str(raw))

    def _text_number(self, raw: str) -> Number:
        text, negative, percent = _strip_number(raw)
        if is_formula_like(raw):
            return Number(None, error="formula", params={"text": raw[:40]})
        shape = number_shape(text)
        if shape is None:
            return Number(None, error="non_numeric", params={"text": raw[:40]})
        mark = self.mark
        if shape in ("point", "comma") and mark in ("point", "comma") and shape != mark:
            return Number(None, error="decimal_mark_mixed", params={"text": raw, "mark": i18n.both(f"ingest.decimal_mark.{mark}")})
        if shape == "ambiguous" and mark == "none":
            return Number(None, error="ambiguous_number", params={"text": raw})
        text = text.replace(".", "").replace(",", ".") if mark == "comma" else text.replace(",", "")
        decimals = len(text.split(".")[1]) if "." in text else 0
        value = float(text)
        return Number(-value if negative else value, percent=percent, decimals=decimals)


def _stored_number(raw: int | float, percent_cell: bool) -> Number:
    """A number stored as a number (Excel); a cell formatted as % holds the fraction (0.5 shows 50 %)."""
    if isinstance(raw, float) and not math.isfinite(raw):
        return Number(None, error="non_numeric", params={"text": str(raw)})
    value = float(raw) * (100 if percent_cell else 1)
    written = repr(float(raw)).split(".")[1] if "." in repr(float(raw)) else ""
    return Number(value, percent=percent_cell, decimals=min(len(written.rstrip("0")), 6))
