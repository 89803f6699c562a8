"""Tables derived from assessments for the status pages: heatmap matrix, counts, who is behind."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ascc import progress


def share_matrix(series: pd.DataFrame, assessed: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Indicator x year share of the way from the engine's base value to the target.

    Uses the same base (after the latest series break) and target level as the status (``target_level``:
    the nearer bound of a range, or the level an annual-change target's pace reaches in the target
    year), so the colours and the status agree. Years before the segment start and indicators without a
    target are NaN.
    """
    a = assessed.set_index("indicator_code")
    rows = {}
    for code, s in series.groupby("indicator_code"):
        if code not in a.index:
            continue
        r = a.loc[code]
        goal = r["target_level"]
        if pd.isna(goal) or pd.isna(r["base_value"]) or goal == r["base_value"]:
            continue
        # A target on the wrong side of the base (already met at the start) has no "way to cover".
        wrong_side = goal < r["base_value"] if r["higher_is_better"] else goal > r["base_value"]
        if wrong_side:
            continue
        s = s[s["year"] >= (r["base_year"] if pd.notna(r["base_year"]) else 0)]
        rows[labels.get(code, code)] = pd.Series(
            ((s["value"] - r["base_value"]) / (goal - r["base_value"])).to_numpy(), index=s["year"].to_numpy()
        )
    matrix = pd.DataFrame(rows).T
    if not len(matrix):
        return matrix
    order = [labels[c] for c in labels if labels[c] in matrix.index]  # the indicators' own order
    return matrix.reindex(index=order + [i for i in matrix.index if i not in order], columns=sorted(matrix.columns))


def needing_acceleration(assessed: pd.DataFrame) -> pd.DataFrame:
    """Indicators that are behind (acceleration needed, limited progress, deterioration), worst first."""
    behind = assessed[assessed["status"].isin(["accelerate", "limited", "deteriorating"])].copy()
    behind["_rank"] = behind["status"].map(lambda s: progress.status_rank(s, worst_first=True))
    behind["_gap"] = behind["progress_gap"].fillna(np.inf)
    return behind.sort_values(["_rank", "_gap"]).drop(columns=["_rank", "_gap"])


def furthest_behind(assessed: pd.DataFrame, code: str, n: int = 3) -> pd.DataFrame:
    """The n areas furthest behind on one indicator: worst status first, then the largest shortfall."""
    return furthest_behind_each(assessed[assessed["indicator_code"] == code], n)


def furthest_behind_each(assessed: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """furthest_behind for every indicator at once (one sort): up to n rows per indicator, worst first."""
    d = assessed[assessed["status"] != "insufficient"]
    ranks = {s: progress.status_rank(s, worst_first=True) for s in d["status"].unique()}
    d = d.assign(_rank=d["status"].map(ranks), _gap=d["progress_gap"].fillna(np.inf), _ratio=d["ratio"].fillna(np.inf))
    # A stable sort: ties keep the frame's order, as they did per indicator.
    d = d.sort_values(["indicator_code", "_rank", "_gap", "_ratio"], kind="stable")
    return d.groupby("indicator_code", sort=False).head(n).drop(columns=["_rank", "_gap", "_ratio"])
