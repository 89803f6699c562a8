"""Tables of the Lead ministries page: the ranking of ministries, and each ministry's indicators with the
provinces furthest behind (values and distance to the expected path in the indicator's unit)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ascc import i18n, progress, progress_views
from ascc.i18n import t
from ascc.rows import each_row
from ui import status_ui

# The ranking's words live in ascc.progress_views, where the deck's ministry slide reads them too.
counts_text = progress_views.counts_text
share_text = progress_views.share_text
chart_categories = progress_views.ministry_categories
stack_counts = progress_views.ministry_stack_counts


def ranking_table(ranking: pd.DataFrame, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """On screen: rank, ministry, "3 of 5 behind · 1 insufficient data", share behind."""
    return pd.DataFrame({
        t("ministries.col.rank", lang): ranking["rank"].to_numpy(),
        t("ministries.col.ministry", lang): [names[c] for c in ranking["ministry_code"]],
        t("ministries.col.behind", lang): [counts_text(r, lang) for r in each_row(ranking)],
        t("ministries.col.share_behind", lang): [share_text(s, lang) for s in ranking["share_behind"]],
    })  # fmt: skip


def ranking_download(ranking: pd.DataFrame, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """The ranking as a file: numbers as numbers, one column per status (headed by its word)."""
    out = pd.DataFrame({
        t("ministries.col.rank", lang): ranking["rank"].to_numpy(),
        t("ministries.dl.ministry_code", lang): ranking["ministry_code"].to_numpy(),
        t("ministries.col.ministry", lang): [names[c] for c in ranking["ministry_code"]],
        t("ministries.col.n", lang): ranking["n"].to_numpy(),
        t("ministries.col.n_behind", lang): ranking["behind"].to_numpy(),
        t("ministries.col.share_behind", lang): (ranking["share_behind"] * 100).round(1).to_numpy(),
    })  # fmt: skip
    for s in progress.STATUSES:
        out[t("status." + s, lang)] = ranking[s].to_numpy()
    return out


def _distance(shortfall: float, unit: str, decimals: int, lang: str) -> str:
    """ "13,80 điểm % behind" / "2 persons ahead"; "" without a path."""
    if pd.isna(shortfall):
        return ""
    amount = i18n.fmt_value(abs(shortfall), i18n.change_unit(unit, lang), lang, decimals)
    return t("ministries.behind_by" if shortfall > 0 else "ministries.ahead_by", lang, amount=amount)


def _province_text(r, names: Mapping[str, str], unit: str, decimals: int, lang: str) -> str:
    """ "Tuyên Quang: 18,00 % (■ chậm 13,80 điểm %)", or the status word where there is no path."""
    icon = progress.STATUS_STYLE[r.status]["icon"]
    distance = _distance(r.shortfall, unit, decimals, lang)
    note = f"{icon} {distance}" if distance else status_ui.label(r.status, lang)
    return f"{names.get(r.area_id, r.area_id)}: {i18n.fmt_value(r.latest_value, unit, lang, decimals)} ({note})"


def indicator_table(rows: pd.DataFrame, worst: pd.DataFrame, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """One row per indicator of a ministry: national status, latest value, distance to the path, and the
    provinces furthest behind with their values.

    ``rows``: the national assessments of the ministry's indicators with label, unit, decimals and
    shortfall (progress_views.with_path_distance); ``worst``: the provinces furthest behind (rows of
    the same frame for provinces, only statuses behind schedule).
    """
    by_indicator = {code: g for code, g in worst.groupby("indicator_code", sort=False)}
    latest, gaps, provinces = [], [], []
    for r in each_row(rows):
        unit, dec = r.unit or "", int(r.decimals) if pd.notna(r.decimals) else 1
        if pd.notna(r.latest_value):
            latest.append(f"{i18n.fmt_value(r.latest_value, unit, lang, dec)} ({t('ministries.year', lang, year=int(r.latest_year))})")
        else:
            latest.append("–")
        gaps.append(_distance(r.shortfall, unit, dec, lang) or "–")
        mine = by_indicator.get(r.indicator_code)
        provinces.append("; ".join(_province_text(p, names, unit, dec, lang) for p in each_row(mine))
                         if mine is not None else "–")  # fmt: skip
    return pd.DataFrame({
        t("col.indicator", lang): rows["label"].to_numpy(),
        t("col.progress", lang) + " (" + t("chart.nation", lang) + ")": [status_ui.label(s, lang) for s in rows["status"]],
        t("ministries.col.latest", lang): latest,
        t("ministries.col.path_gap", lang): gaps,
        t("ministries.col.provinces", lang): provinces,
    })  # fmt: skip


def ministry_download(rows: pd.DataFrame, worst: pd.DataFrame, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """A ministry's table as a file: one row per indicator x area (Viet Nam, then the provinces furthest
    behind), numbers as numbers with the unit beside."""
    areas = pd.concat([rows.assign(_nation=0), worst.merge(rows[["indicator_code", "label", "unit"]], on="indicator_code")
                       .assign(_nation=1)], ignore_index=True)  # fmt: skip
    order = {c: i for i, c in enumerate(rows["indicator_code"])}
    areas = areas.assign(_order=areas["indicator_code"].map(order)).sort_values(["_order", "_nation"], kind="stable")
    return pd.DataFrame({
        t("ministries.dl.indicator_code", lang): areas["indicator_code"].to_numpy(),
        t("col.indicator", lang): areas["label"].to_numpy(),
        t("ministries.dl.area", lang): [names.get(a, a) if isinstance(a, str) else t("chart.nation", lang)
                                        for a in areas["area_id"]],
        t("col.progress", lang): [t("status." + s, lang) for s in areas["status"]],
        t("ministries.dl.latest_year", lang): areas["latest_year"].astype("Int64").to_numpy(),
        t("ministries.dl.latest_value", lang): areas["latest_value"].to_numpy(),
        t("download.col.unit", lang): areas["unit"].to_numpy(),
        t("ministries.dl.path_value", lang): areas["path_value"].to_numpy(),
        t("ministries.dl.shortfall", lang): areas["shortfall"].to_numpy(),
        t("ministries.dl.achieved_share", lang): areas["achieved_share"].to_numpy(),
        t("ministries.dl.expected_share", lang): areas["expected_share"].to_numpy(),
    })  # fmt: skip
