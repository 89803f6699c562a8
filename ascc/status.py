"""Progress status of every indicator x area, from the dataset through the one progress engine.

Pages, exports and scripts ask here, so a status shown anywhere is the engine's output for the same
inputs: the national series as reported, regional aggregates and provinces of the chosen boundary
set (with history rebuilt on the 34 provinces).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
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


# What an assessment frame is computed from: a change to any of these is a new frame (ascc.db.computed_once).
_ENGINE = (
    Path(progress.__file__),
    Path(__file__),
    *(db.query_path(q) for q in ("progress_meta", "progress_series", "area_targets")),
)


@lookups.per_version
def _assessments(level: str, boundary: str, breakdown: str, as_of: int | None) -> pd.DataFrame:
    # The province frames take a few hundred milliseconds each: computed once per dataset version for
    # every server process (replicas behind the balancer), then remembered in this one.
    name = f"assessments-{level}-{boundary}-{breakdown}-{as_of}"
    return db.computed_once(name, _ENGINE, lambda: _compute(level, boundary, breakdown, as_of))


def _compute(level: str, boundary: str, breakdown: str, as_of: int | None) -> pd.DataFrame:
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


def precompute(boundaries: tuple[str, ...] = ("34", "63")) -> int:
    """Compute every level's assessments of the dataset in force, as of each year and of all years, for
    the total population (what the pages ask for first), so no visitor waits for them. Returns how many
    frames there are."""
    years = [int(y) for y in db.run_query("years_available")["year"]]
    n = 0
    for boundary in boundaries:
        for level in LEVELS:
            for as_of in (None, *years):
                _assessments(level, boundary, "total", as_of)
                n += 1
    return n


def counts_by_pillar(frame: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """How many indicators are in each status, per pillar (columns pillar_code, status, n)."""
    merged = frame.merge(indicators[["indicator_code", "pillar_code"]], on="indicator_code")
    out = merged.groupby(["pillar_code", "status"]).size().rename("n").reset_index()
    return out
