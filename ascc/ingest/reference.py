"""The dataset's indicators and areas as the importer needs them, and indicator properties."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ascc import db
from ascc.ingest.areas import AreaMatcher
from ascc.ingest.text import _text, key


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


def ind_decimals(ind) -> int:
    """The decimals an indicator is shown with (2 when the catalogue gives none)."""
    return int(ind["decimals"]) if ind["decimals"] is not None and not pd.isna(ind["decimals"]) else 2


def _unit(ind) -> dict:
    """The indicator's unit in both languages, for a message."""
    return {"vi": ind["unit_vi"] or "–", "en": ind["unit_en"] or "–"}


def _range(ind) -> tuple[float, float]:
    """The values an indicator may take: its plausible min and max as the catalogue gives them (a coverage
    rate published above 100 % may be plausible: see ``limit_value``), else 0-100 for a %; from 0 for a ratio
    or a sum."""
    percent = str(ind["unit_en"]).startswith("%")
    low = ind["min_value"] if pd.notna(ind["min_value"]) else (0.0 if percent else -math.inf)
    high = ind["max_value"] if pd.notna(ind["max_value"]) else (100.0 if percent else math.inf)
    if ind["aggregation"] in ("ratio", "sum"):
        low = max(low, 0.0)
    return float(low), float(high)
