"""The shared view state (language, boundary set, region, provinces, year) and its URL form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ascc import i18n

BOUNDARY_SETS = ("34", "63")
DEFAULT_BOUNDARY = "34"
# URL query-parameter names; anything else in the URL is ignored.
PARAMS = ("lang", "boundary", "region", "prov", "year")


@dataclass(frozen=True)
class ViewState:
    """What every page is filtered by. ``year`` None means the latest year with data."""

    lang: str = i18n.DEFAULT_LANG
    boundary: str = DEFAULT_BOUNDARY
    region: str | None = None
    provinces: tuple[str, ...] = field(default_factory=tuple)
    year: int | None = None


@dataclass(frozen=True)
class Choices:
    """The valid values the URL is checked against (from the dataset)."""

    regions: frozenset[str]
    provinces: Mapping[str, frozenset[str]]  # boundary set -> area ids
    years: tuple[int, ...]


def _first(value) -> str | None:
    # Streamlit gives a str; tests and other callers may give a list for repeated keys.
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if value is None:
        return None
    return str(value).strip()


def url_int(text: object) -> int | None:
    """A whole number written in ASCII digits (an URL's year or slide), else None: str.isdigit() also
    accepts "²", "①" or Arabic-Indic digits, which int() then refuses or reads as another number."""
    text = str(text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def from_params(params: Mapping[str, object], choices: Choices) -> ViewState:
    """Parse URL query parameters; unknown or malformed values fall back to defaults, never raise."""
    lang = i18n.norm_lang(_first(params.get("lang")))
    boundary = _first(params.get("boundary"))
    boundary = boundary if boundary in BOUNDARY_SETS else DEFAULT_BOUNDARY
    region = _first(params.get("region"))
    region = region.upper() if region else None
    region = region if region in choices.regions else None
    raw = _first(params.get("prov")) or ""
    valid = choices.provinces.get(boundary, frozenset())
    provinces = tuple(dict.fromkeys(p.strip().upper() for p in raw.split(",") if p.strip().upper() in valid))
    year_text = _first(params.get("year"))
    year = url_int(year_text)
    year = year if year in choices.years else None
    return ViewState(lang=lang, boundary=boundary, region=region, provinces=provinces, year=year)


def to_params(state: ViewState) -> dict[str, str]:
    """The URL query parameters of a state; defaults are left out so links stay short."""
    out: dict[str, str] = {}
    if state.lang != i18n.DEFAULT_LANG:
        out["lang"] = state.lang
    if state.boundary != DEFAULT_BOUNDARY:
        out["boundary"] = state.boundary
    if state.region:
        out["region"] = state.region
    if state.provinces:
        out["prov"] = ",".join(state.provinces)
    if state.year is not None:
        out["year"] = str(state.year)
    return out


def keep_valid_provinces(
    provinces: Iterable[str], boundary: str, choices: Choices, lineage: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """Provinces valid in a boundary set, following the lineage across a switch of set.

    A former province becomes the new province it joined; a new province becomes all its former
    provinces. ``lineage`` maps former id -> new id.
    """
    valid = choices.provinces.get(boundary, frozenset())
    lineage = lineage or {}
    out = []
    for p in provinces:
        if p in valid:
            out.append(p)
        elif lineage.get(p) in valid:
            out.append(lineage[p])
        else:
            out += sorted(f for f, s in lineage.items() if s == p and f in valid)
    return tuple(dict.fromkeys(out))


def with_year(state: ViewState, year: int | None) -> ViewState:
    """A copy of the state with another year."""
    return replace(state, year=year)
