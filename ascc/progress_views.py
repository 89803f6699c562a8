"""Tables derived from assessments for the status pages: heatmap matrix, counts, who is behind; the
ministry merger in words (the Ministries page and the report). The pages and the deck slides
(ascc.slides: headlines, pillars, ministries) read the same tables from here."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ascc import i18n, progress
from ascc.i18n import t

# The Ministries page (and its deck slide) reads the lead ministries of this day: after the March 2025
# merger; its "before" switch reads MINISTRIES_BEFORE.
MINISTRIES_AS_OF = dt.date(2025, 7, 1)
MINISTRIES_BEFORE = dt.date(2024, 12, 31)


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
    behind = assessed[assessed["status"].isin(progress.BEHIND)].copy()
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


def is_behind(status: pd.Series) -> pd.Series:
    """True where a status is behind schedule (progress.BEHIND)."""
    return status.isin(progress.BEHIND)


def ministry_ranking(assessed: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Lead ministries ranked worst first by the share of their indicators behind schedule.

    ``assessed``: one row per indicator with ministry_code and status (an indicator without figures as
    "insufficient"); ``order``: the ministries' own order (ties keep it). One row per ministry in
    ``order`` that leads at least one indicator: ministry_code, rank, n (indicators), behind,
    share_behind (behind / n) and one count column per status (progress.STATUSES, "insufficient" among them).

    NOTE: the share is of all the ministry's indicators, so an indicator without figures is not counted as
    behind (nor as on schedule); it is reported beside, as ``insufficient``. Ties: more indicators behind,
    then more deteriorating, then the given order.
    """
    counts = pd.crosstab(assessed["ministry_code"], assessed["status"]).reindex(columns=list(progress.STATUSES), fill_value=0)
    counts = counts.reindex([c for c in order if c in counts.index]).astype(int)
    out = counts.assign(n=counts.sum(axis=1), behind=counts[list(progress.BEHIND)].sum(axis=1))
    out["share_behind"] = out["behind"] / out["n"]
    out["_order"] = range(len(out))
    out = out.sort_values(["share_behind", "behind", "deteriorating", "_order"], ascending=[False, False, False, True],
                          kind="stable")  # fmt: skip
    out = out.drop(columns="_order").rename_axis("ministry_code").reset_index()
    out.insert(1, "rank", range(1, len(out) + 1))
    return out[["ministry_code", "rank", "n", "behind", "share_behind", *progress.STATUSES]]


def pillar_counts(summary: pd.DataFrame, assessed: pd.DataFrame) -> pd.DataFrame:
    """How many indicators of each pillar are in each status (columns category = pillar code, status, n).

    ``summary``: every indicator of the catalogue (indicator_code, pillar_code); ``assessed``: the
    assessments of one area. Every indicator is counted; one without an assessment as "insufficient".
    """
    merged = summary[["indicator_code", "pillar_code"]].merge(assessed, on="indicator_code", how="left")
    merged["status"] = merged["status"].fillna("insufficient")
    counts = merged.groupby(["pillar_code", "status"]).size().rename("n").reset_index()
    return counts.rename(columns={"pillar_code": "category"})


def ministry_assessed(leads: pd.DataFrame, indicators: pd.DataFrame, nation: pd.DataFrame) -> pd.DataFrame:
    """Every lead indicator with its national assessment, in the ministries' indicator order.

    ``leads``: ministry_leads rows; ``indicators``: indicator_code, unit, decimals; ``nation``: national
    assessments (with_path_distance). An indicator without figures stays listed, as "insufficient",
    rather than vanishing from its ministry. The label of an indicator is its name.
    """
    out = (leads[["ministry_code", "indicator_code", "indicator_name"]].merge(indicators, on="indicator_code", how="left")
           .merge(nation, on="indicator_code", how="left").rename(columns={"indicator_name": "label"}))  # fmt: skip
    out["status"] = out["status"].fillna("insufficient")
    return out


def counts_text(r, lang: str) -> str:
    """ "3 of 5 behind · 1 insufficient data" (the insufficient part only when there is any)."""
    text = t("ministries.rank_counts", lang, behind=int(r.behind), n=int(r.n))
    if r.insufficient:
        text += " · " + t("ministries.rank_insufficient", lang, n=int(r.insufficient))
    return text


def share_text(share: float, lang: str) -> str:
    """A share behind as "67 %" / "67%"."""
    return i18n.fmt_value(share * 100, "%", lang, 0)


def ministry_categories(ranking: pd.DataFrame, abbrs: dict[str, str], lang: str) -> list[tuple[str, str]]:
    """(ministry code, "1. Bộ NN&MT · 2/3 chỉ tiêu chậm tiến độ (67 %)") top to bottom, worst first."""
    return [(r.ministry_code, f"{r.rank}. {abbrs[r.ministry_code]} · {counts_text(r, lang)} ({share_text(r.share_behind, lang)})")
            for r in ranking.itertuples()]  # fmt: skip


def ministry_stack_counts(ranking: pd.DataFrame) -> pd.DataFrame:
    """The ranking as charts.status_stack wants it: category, status, n."""
    long = ranking[["ministry_code", *progress.STATUSES]].melt(id_vars="ministry_code", var_name="status", value_name="n")
    return long[long["n"] > 0].rename(columns={"ministry_code": "category"}).reset_index(drop=True)


def headline_cards(summary: pd.DataFrame, statuses) -> pd.DataFrame:
    """The Overview's headline cards as rows: what each card reads from national_summary, with the
    national status against the expected path (``statuses``: status.status_of("nation", ...)).

    Columns: indicator_code, short_name, name, value, year, change, base_year, progress (a status or
    None), unit, decimals, higher_is_better, latest_status, target_year, source. One row per headline
    indicator in the catalogue's order.
    """
    h = summary[summary["headline"]]
    return pd.DataFrame({
        "indicator_code": h["indicator_code"].to_numpy(),
        "short_name": h["short_name"].astype(str).to_numpy(),
        "name": h["name"].astype(str).to_numpy(),
        "value": pd.to_numeric(h["latest_value"], errors="coerce").astype(float).to_numpy(),
        "year": h["latest_year"].astype("Int64").to_numpy(),
        "change": pd.to_numeric(h["change"], errors="coerce").astype(float).to_numpy(),
        "base_year": h["base_year"].astype("Int64").to_numpy(),
        "progress": [statuses.get((c, "VN")) for c in h["indicator_code"]],
        "unit": h["unit"].fillna("").astype(str).to_numpy(),
        "decimals": h["decimals"].astype(int).to_numpy(),
        "higher_is_better": h["higher_is_better"].astype(bool).to_numpy(),
        "latest_status": h["latest_status"].to_numpy(),
        "source": h["latest_source"].where(h["latest_source"].notna(), h["source"]).to_numpy(),
    })  # fmt: skip


def with_path_distance(assessed: pd.DataFrame) -> pd.DataFrame:
    """The assessments with the value expected by now on the straight path from base to target, and the
    distance to it in the indicator's unit.

    ``path_value`` = base_value + expected_share x (target_level - base_value): the level a steady advance
    from the base would have reached by the latest year (the engine's "expected progress by now").
    ``shortfall`` = (expected_share - achieved_share) x |target_level - base_value|: how far the latest
    value is behind that path, positive when behind (below it when higher is better, above it when lower
    is better), negative when ahead. Both NaN where the engine gives no expected or achieved share (no
    target, or the base already met it).
    """
    span = assessed["target_level"].astype(float) - assessed["base_value"].astype(float)
    expected = assessed["expected_share"].astype(float)
    achieved = assessed["achieved_share"].astype(float)
    path = assessed["base_value"].astype(float) + expected * span
    return assessed.assign(
        path_value=path.where(achieved.notna()),
        shortfall=(expected - achieved) * span.abs(),
    )


def merger_lines(mergers: pd.DataFrame, lang: str) -> str:
    """The March 2025 merger as a markdown list, each dated the day the successor took over (the day after
    the old ministry's last, ``valid_to``), written out in the language."""
    return "\n".join(
        i18n.t("ministries.merger_line", lang, name=m.name, successor=m.successor_name,
               date=i18n.fmt_date(m.valid_to + dt.timedelta(days=1), lang))
        for m in mergers.itertuples()
    )
