"""The communes of a province (the "Xã, phường" tab of the Province profile): map, distribution, ranking, list."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ascc import communes, db, figcache, i18n, targets
from ascc.i18n import t
from ascc.state import ViewState
from ui import present, shell

TOP_N_CHOICES = (5, 10, 15, 20, 30)


def boundary_of(area_id: str) -> str:
    """The boundary set of a province id: its communes are those of the same set."""
    return "34" if area_id.startswith("P34-") else "63"


def _year(ind, view: ViewState, boundary: str, lang: str) -> int:
    """The year to show: the sidebar's when the indicator has commune figures then, else the latest one."""
    years = sorted(int(y) for y in ind["years"])
    if view.year is None or view.year in years:
        default = view.year or years[-1]
    else:
        default = max([y for y in years if y <= view.year] or years)
        new_only = boundary == "63" and view.year >= 2025
        st.info(t("commune.year_new_only" if new_only else "commune.year_missing", lang, year=view.year, shown=default))
    options = years[::-1]
    # Keyed by the sidebar year, so a new sidebar year resets the choice made here.
    year = st.selectbox(t("commune.year", lang), options, index=options.index(shell.page_param("c_year", options, default)),
                        key=f"commune_year_{view.year}")
    shell.keep_in_url("c_year", year, default)
    return year


def _summary(df: pd.DataFrame, ind, lang: str) -> None:
    unit, dec = ind["unit"], int(ind["decimals"])
    valued = df["value"].dropna()
    province = communes.aggregate(df, ind["aggregation"], float(ind["scale"]))
    # Numbers only (a long unit such as "% of households" would be cut off); the unit is said once above.
    f = lambda v: communes.fmt_many([v], "", lang, dec)[0]  # noqa: E731
    if unit:
        st.caption(t("commune.unit", lang, unit=unit))
    cols = st.columns(4)
    cols[0].metric(t("commune.metric_province", lang, n=len(valued)), f(province))
    cols[1].metric(t("commune.metric_reported", lang), f"{len(valued)}/{len(df)}")
    cols[2].metric(t("commune.metric_median", lang), f(valued.median()))
    cols[3].metric(t("commune.metric_range", lang), f"{f(valued.min())} – {f(valued.max())}")


def _level_target(ind) -> float | None:
    """The level communes are measured against: the national target, the nearer bound of a range; None
    without a target or for an annual-change target (a pace, not a level)."""
    target = targets.of_row(ind)
    return None if target is None or target.is_pace else target.bound(bool(ind["higher_is_better"]))


def _threshold(df: pd.DataFrame, ind, lang: str) -> float:
    """The threshold the user picks (the national target by default, else the median commune)."""
    target = _level_target(ind)
    default = target if target is not None else float(df["value"].median())
    dec = int(ind["decimals"])
    return st.number_input(
        t("commune.threshold", lang), value=round(default, dec), step=10.0 ** -dec if dec else 1.0,
        format=f"%.{dec}f", help=t("commune.threshold_help", lang), key=f"commune_threshold_{ind.name}",
    )  # fmt: skip


def _behind_table(df: pd.DataFrame, ind, n: int, lang: str) -> pd.DataFrame:
    unit, dec = ind["unit"], int(ind["decimals"])
    target = _level_target(ind)
    rows = communes.furthest_behind(df, n, target, bool(ind["higher_is_better"]))
    change_unit = i18n.change_unit(unit, lang)
    out = {
        t("commune.col_rank", lang): [f"{int(r)}/{int(m)}" for r, m in zip(rows["rank"], rows["n_ranked"], strict=True)],
        t("commune.col_commune", lang): rows["full_name"],
        t("commune.col_value", lang): communes.fmt_many(rows["value"], unit, lang, dec)
        + rows["derived"].map({True: " *", False: ""}).to_numpy(object),
    }
    if target is not None:
        label = t("commune.col_gap", lang, target=communes.fmt_many([target], unit, lang, dec)[0])
        out[label] = communes.fmt_many(rows["gap"].clip(lower=0), change_unit, lang, dec)
    out[t("commune.col_change", lang, year=int(df["base_year"].iloc[0]))] = [
        "–" if math.isnan(c) else ("+" if c > 0 else "") + communes.fmt_many([c], change_unit, lang, dec)[0]
        for c in rows["change"].to_numpy(float)
    ]
    out[t("commune.col_status", lang)] = [t(f"value.status.{s}", lang) if isinstance(s, str) else "–" for s in rows["status"]]
    return pd.DataFrame(out)


def _full_list(df: pd.DataFrame, ind, lang: str) -> pd.DataFrame:
    """Every commune in rank order (those without figures last), for the table and the CSV download."""
    unit, dec = ind["unit"], int(ind["decimals"])
    return pd.DataFrame(
        {
            t("commune.col_rank", lang): df["rank"].astype("Int64"),
            "code": df["code"],
            t("commune.col_commune", lang): df["full_name"],
            f"{t('commune.col_value', lang)} ({unit})": df["value"].round(dec),
            t("mark.derived", lang): df["derived"],
            t("commune.col_status", lang): df["status"],
            f"{t('commune.col_change', lang, year=int(df['base_year'].iloc[0]))} ({i18n.change_unit(unit, lang)})":
                df["change"].round(dec),
        }
    )  # fmt: skip


def _indicator(lang: str, boundary: str, code: str):
    return db.run_query("commune_indicators", lang=lang, boundary=boundary).set_index("indicator_code").loc[code]


def _values(lang: str, code: str, area_id: str, year: int, base_year: int) -> pd.DataFrame:
    return db.run_query("commune_values", lang=lang, indicator=code, province=area_id, year=year, base_year=base_year)


# NOTE: the figures are pure functions of these small keys (the dataset version included), so each is
# built once and shared through ascc.figcache; nothing mutates them (presentation mode draws a copy).
def _figure(kind: str, version: str, lang: str, code: str, area_id: str, year: int, base_year: int,
            province_name: str, demo: bool, n: int = 0, threshold: float | None = None) -> go.Figure:  # fmt: skip
    """One chart of the commune view ("map", "hist" or "rank") for one indicator, province and year."""
    ind = _indicator(lang, boundary_of(area_id), code)
    df = _values(lang, code, area_id, year, base_year)
    unit, dec, name, hib = ind["unit"], int(ind["decimals"]), ind["short_name"], bool(ind["higher_is_better"])
    common = dict(lang=lang, unit=unit, decimals=dec, source=ind["source"], demo=demo)
    if kind == "map":
        title = t("commune.map_title", lang, name=name, province=province_name, year=year)
        return communes.point_map(df, title=title, higher_is_better=hib, **common)
    if kind == "hist":
        title = t("commune.hist_title", lang, name=name, province=province_name, year=year)
        return communes.distribution_chart(df["value"], threshold=threshold, higher_is_better=hib, title=title, **common)
    title = t("commune.rank_title", lang, name=name, n=n, province=province_name, year=year) + (f" ({unit})" if unit else "")
    target = _level_target(ind)
    return communes.ranking_chart(
        df, n=n, title=title, province_value=communes.aggregate(df, ind["aggregation"], float(ind["scale"])),
        target_value=target, target_year=int(ind["target_year"]), **common,
    )  # fmt: skip


def commune_section(view: ViewState, area_id: str, province_name: str, lang: str, info: db.DatasetInfo) -> None:
    """Pick an indicator with commune figures; show the province's communes: summary, map, distribution,
    best and worst, the furthest behind, and the full list to scroll or download."""
    boundary = boundary_of(area_id)
    available = db.run_query("commune_indicators", lang=lang, boundary=boundary)
    if available.empty:
        st.info(t("commune.none", lang))
        return
    available = available.set_index("indicator_code")
    codes = list(available.index)

    # 1/ CHOICES
    c1, c2, c3 = st.columns([3, 1, 1])
    with c1:
        code = st.selectbox(t("commune.indicator", lang), codes, format_func=lambda c: available.loc[c, "name"],
                            index=codes.index(shell.page_param("c_ind", codes, codes[0])), key="commune_indicator")
        shell.keep_in_url("c_ind", code, codes[0])
    ind = available.loc[code]
    with c2:
        year = _year(ind, view, boundary, lang)
    n = c3.selectbox(t("commune.top_n", lang), TOP_N_CHOICES, key="commune_n",
                     index=TOP_N_CHOICES.index(shell.page_param("c_n", list(TOP_N_CHOICES), TOP_N_CHOICES[1])))
    shell.keep_in_url("c_n", n, TOP_N_CHOICES[1])
    unit, dec = ind["unit"], int(ind["decimals"])

    # 2/ DATA
    year, base_year = int(year), int(ind["base_year"])
    df = _values(lang, code, area_id, year, base_year)
    key = dict(version=info.version, lang=lang, code=code, area_id=area_id, year=year, base_year=base_year,
               province_name=province_name, demo=info.is_demo)  # fmt: skip
    st.caption(t("commune.intro", lang, province=province_name, n=len(df), set=t(f"commune.set.{boundary}", lang)))
    if df["value"].isna().all():
        st.warning(t("commune.no_values", lang))
        return
    _summary(df, ind, lang)

    # 3/ MAP AND DISTRIBUTION
    left, right = st.columns(2, gap="medium")
    with left:
        present.chart(figcache.build(_figure, "map", **key), key="commune_map")
        st.caption(t("commune.map_hint", lang))
    with right:
        threshold = _threshold(df, ind, lang)
        k = communes.count_worse(df["value"], threshold, bool(ind["higher_is_better"]))
        n_valued = int(df["value"].notna().sum())
        st.markdown(t("commune.count_below" if ind["higher_is_better"] else "commune.count_above", lang, k=k,
                      n=n_valued, rest=n_valued - k, threshold=communes.fmt_many([threshold], unit, lang, dec)[0]))
        present.chart(figcache.build(_figure, "hist", **key, threshold=float(threshold)), key="commune_hist")

    # 4/ BEST AND WORST
    present.chart(figcache.build(_figure, "rank", **key, n=int(n)), key="commune_rank")

    # 5/ FURTHEST BEHIND
    has_target = _level_target(ind) is not None
    st.subheader(t("commune.behind_title" if has_target else "commune.behind_title_no_target", lang))
    st.dataframe(_behind_table(df, ind, n, lang), hide_index=True, width="stretch")
    if df["derived"].any():
        st.caption(t("commune.derived_note", lang))

    # 6/ FULL LIST
    full = _full_list(df, ind, lang)
    with st.expander(t("commune.full_list", lang, n=len(df))):
        st.dataframe(full, hide_index=True, width="stretch", height=420)
        st.download_button(
            t("commune.download", lang), data=lambda: full.to_csv(index=False).encode("utf-8-sig"),
            file_name=f"{code}_{area_id}_{year}_communes.csv", mime="text/csv", key="commune_download",
            on_click="ignore",
        )  # fmt: skip
