"""Text keys for comparing labels, Excel column letters and formula-like cells."""

from __future__ import annotations

import re
import unicodedata

_PREFIXES = (("thanh", "pho"), ("tinh",), ("tp",), ("t", "p"))
_SUFFIXES = (("province",), ("city",), ("region",))
_FORMULA_RE = re.compile(r"^[=+\-@\t\r]")


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


def neutral(value: str | None) -> str | None:
    """A text taken from outside the cells (a title line, a file name) made safe to store and export: one that a
    spreadsheet would run as a formula gets a leading apostrophe, as Excel writes such text."""
    return "'" + value if is_formula_like(value) else value


def is_formula_like(value) -> bool:
    """A text cell a spreadsheet would run as a formula (=, +, -, @ followed by something not a number)."""
    if not isinstance(value, str):
        return False
    text = value.strip() if value[:1] not in ("\t", "\r") else value
    if len(text) <= 1 or not _FORMULA_RE.match(text):
        return False
    rest = text[1:].strip().replace(" ", "")
    return not re.fullmatch(r"[\d.,]+%?", rest) or text[0] in "=@\t\r"
