"""Progress status of every indicator x area, from the dataset through the one progress engine.

Pages, exports and scripts ask here, so a status shown anywhere is the engine's output for the same
inputs: the national series as reported, regional aggregates and provinces of the chosen boundary
set (with history rebuilt on the 34 provinces).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd

from ascc import db, lookups, progress

LEVELS = ("nation", "region", "province")


def assessments(level: str, boundary: str = "34", breakdown: str = "total", as_of: int | None = None) -> pd.DataFrame:
    """One row per indicator x area of a level: status, growth figures, expected progress.

    ``as_of``: assess with the values up to that year only (the view's year); None = all years.
    Columns: progress.FRAME_COLUMNS. Computed once per (level, boundary, breakdown, as_of, data version).
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    return _assessments(level, boundary, breakdown, as_of).copy(deep=False)


@lookups.per_version
def _assessments(level: str, boundary: str, breakdown: str, as_of: int | None) -> pd.DataFrame:
    meta = db.run_query("progress_meta")
    series = db.run_query("progress_series", level=level, boundary=boundary, breakdown=breakdown)
    if as_of is not None:
        series = series[series["year"] <= as_of]
    own_targets = db.run_query("area_targets")
    return progress.assess_frame(series, indicator_meta=meta, targets=own_targets)


@lookups.per_version
def status_of(level: str, boundary: str = "34", as_of: int | None = None) -> Mapping[tuple[str, str], str]:
    """(indicator_code, area_id) -> status, for quick look-ups on pages (read-only, shared)."""
    df = assessments(level, boundary, as_of=as_of)
    pairs = zip(df["indicator_code"].tolist(), df["area_id"].tolist(), strict=True)
    return MappingProxyType(dict(zip(pairs, df["status"].tolist(), strict=True)))


def counts_by_pillar(frame: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """How many indicators are in each status, per pillar (columns pillar_code, status, n)."""
    merged = frame.merge(indicators[["indicator_code", "pillar_code"]], on="indicator_code")
    out = merged.groupby(["pillar_code", "status"]).size().rename("n").reset_index()
    return out
