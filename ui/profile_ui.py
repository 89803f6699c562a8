"""Pieces of the Province profile page: the chosen province, tables, merger history and compare mode."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ascc import charts, db, figcache, i18n, settings, sources, targets
from ascc.i18n import t
from ascc.rows import each_row
from ascc.state import ViewState
from ui import downloads, present, shell, status_ui


def chosen_area(ids: list[str], view: ViewState) -> str:
    """The province to show: from the URL, the last profile opened, the shared selection, or the first."""
    for candidate in (st.query_params.get("area"), st.session_state.get("profile_area"), *view.provinces):
        if candidate in ids:
            return candidate
    return ids[0]


def lineage_note(members: pd.DataFrame, area_id: str, row, lang: str) -> None:
    """Which former provinces formed this new province, or which new province this former one joined."""
    region = row["region_name"]
    if area_id.startswith("P34-"):
        formers = [n for n in members["former_name"]]
        if len(formers) > 1:
            st.markdown(t("profile.formed_from", lang, region=region, names=", ".join(formers)))
        else:
            st.markdown(t("profile.unchanged", lang, region=region))
    elif len(members):
        st.markdown(t("profile.became", lang, region=region, name=members["successor_name"].iloc[0]))


def profile_table(profile: pd.DataFrame, trend: pd.DataFrame, lang: str, statuses: dict, area_id: str) -> pd.DataFrame:
    """Every indicator: status; latest value beside region, nation and target; rank; base value and change; sparkline."""
    spark = trend.sort_values("year").groupby("indicator_code")["value"].apply(list)
    rows = []
    for r in each_row(profile):
        # Numbers only in the value columns (the unit has its own column), so the table fits a screen.
        f = lambda v, r=r: i18n.fmt_number(v, lang, r.decimals)  # noqa: E731
        latest = "–" if pd.isna(r.latest_value) else f(r.latest_value) + (" *" if r.latest_derived else "")
        if pd.notna(r.latest_status) and r.latest_status != "final":
            latest += f" ({t('value.status.' + r.latest_status, lang)})"
        rows.append(
            {
                t("col.indicator", lang): r.short_name,
                t("col.unit", lang): r.unit,
                t("col.progress", lang): status_ui.label(statuses.get((r.indicator_code, area_id), ""), lang),
                t("col.latest_year", lang): "–" if pd.isna(r.latest_year) else str(int(r.latest_year)),
                t("col.latest", lang): latest,
                t("col.region", lang): f(r.region_value),
                t("chart.nation", lang): f(r.nation_value),
                t("col.target", lang): targets.fmt(r.target_value, r.target_upper, r.target_type, r.unit, lang,
                                                   int(r.decimals), with_unit=False),
                t("col.rank", lang): "–" if pd.isna(r.rank) else f"{int(r.rank)}/{int(r.n_ranked)}",
                t("col.base_value", lang): "–" if pd.isna(r.base_value) else f"{f(r.base_value)} ({int(r.base_year)})",
                t("col.change", lang): "–" if pd.isna(r.change) else i18n.fmt_number(r.change, lang, r.decimals) if r.change <= 0 else "+" + i18n.fmt_number(r.change, lang, r.decimals),
                t("col.direction", lang): t("direction.up" if r.higher_is_better else "direction.down", lang),
                t("col.trend", lang): spark.get(r.indicator_code, []),
            }
        )
    return pd.DataFrame(rows)


def until(df: pd.DataFrame, as_of: int | None) -> pd.DataFrame:
    """The rows up to the view's "as of" year (all rows when it is None): a trend never runs past it."""
    return df if as_of is None else df[df["year"] <= as_of]


TABS = ("profile", "communes", "compare")  # the URL's ``tab``


def tabs(lang: str):
    """The profile's three tabs, opening on the URL's (``tab``) and writing the open one back to it."""
    labels = {"profile": t("profile.tab_profile", lang), "communes": t("commune.tab", lang),
              "compare": t("profile.tab_compare", lang)}
    wanted = shell.page_param("tab", list(TABS), "profile")
    containers = st.tabs(list(labels.values()), default=labels[wanted], key=f"profile_tab_{lang}", on_change="rerun")
    open_tab = next((name for name, c in zip(TABS, containers, strict=True) if c.open), wanted)
    shell.keep_in_url("tab", open_tab, "profile")
    return containers


def profile_column_config(lang: str) -> dict:
    """Narrow columns for the short values (unit, year, the region's and nation's values, rank, direction), so
    that on a 1366-pixel laptop the status, the latest value, the target, the rank and the change are in view
    beside the pinned indicator instead of behind a sideways scroll."""
    narrow = {key: st.column_config.Column(t(key, lang), width=w) for key, w in (
        ("col.unit", 70), ("col.latest_year", 60), ("col.region", 70), ("chart.nation", 70), ("col.rank", 60),
        ("col.direction", 80), ("col.change", 70))}
    return {**{t(k, lang): c for k, c in narrow.items()},
            t("col.trend", lang): st.column_config.LineChartColumn(t("col.trend", lang), width="small")}


def profile_column_order(lang: str) -> list[str]:
    """The columns in the order a reader needs them: how the province does (status, value, region, nation,
    target, change, trend) before the reference columns (rank, year, base value, better direction)."""
    return [t(k, lang) for k in ("col.indicator", "col.unit", "col.progress", "col.latest", "col.region",
                                 "chart.nation", "col.target", "col.change", "col.trend", "col.rank",
                                 "col.latest_year", "col.base_value", "col.direction")]


def _span(df: pd.DataFrame) -> tuple[int | str, int | str]:
    """The first and last year of a trend's rows, for its title ("" when it has none)."""
    years = df["year"].dropna() if len(df) else []
    return (int(min(years)), int(max(years))) if len(years) else ("", "")


def former_history_chart(profile: pd.DataFrame, members: pd.DataFrame, area_id: str, lang: str, demo: bool,
                         as_of: int | None = None):
    """The new province (rebuilt before 2025) and each former province's own series, for one indicator, up to
    the view's year (``as_of``; None = every year)."""
    codes = list(profile["indicator_code"])
    names = dict(zip(profile["indicator_code"], profile["short_name"], strict=True))
    code = st.selectbox(t("regions.indicator", lang), codes, format_func=names.get, key="history_indicator",
                        index=codes.index(shell.page_param("hist", codes, codes[0])))
    shell.keep_in_url("hist", code, codes[0])
    p = profile.set_index("indicator_code").loc[code]
    areas = [*members["former_id"], area_id]
    df = until(db.run_query("province_trend", indicator=code, areas=areas, breakdown="total"), as_of)
    label = {f: f"{n} ({t('profile.former', lang)})" for f, n in zip(members["former_id"], members["former_name"], strict=True)}
    label[area_id] = f"{members['successor_name'].iloc[0]} ({t('profile.new', lang)})"
    df["name"] = df["area_id"].map(label)
    fig = figcache.build(
        charts.multi_line, df, lang=lang,
        title=t("profile.history_chart", lang, area=members["successor_name"].iloc[0], name=p["short_name"],
                start=_span(df)[0], end=_span(df)[1]) + charts.unit_suffix(p["unit"]),
        unit=p["unit"], decimals=int(p["decimals"]), source=sources.credit(df, p["source"]), demo=demo, highlight=area_id,
        boundary_change_year=settings.NEW_BOUNDARY_FIRST_YEAR - 0.5,
        breaks=[(int(b.year), b.reason) for b in db.run_query("series_breaks", lang=lang, codes=[code]).itertuples()],
    )  # fmt: skip
    return fig, df, p


def groups_table(groups: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each population group's value and the gap between the two groups of a dimension."""
    rows = []
    for g in each_row(groups):
        f = lambda v, g=g: i18n.fmt_value(v, g.unit, lang, g.decimals)  # noqa: E731
        a, b = f"{g.dimension}:{g.group_a}", f"{g.dimension}:{g.group_b}"
        rows.append(
            {
                t("col.indicator", lang): g.short_name,
                t("col.latest_year", lang): str(g.year),
                t("col.group_a", lang): f"{t('breakdown.' + a, lang)}: {f(g.value_a)}",
                t("col.group_b", lang): f"{t('breakdown.' + b, lang)}: {f(g.value_b)}",
                t("col.gap", lang): i18n.fmt_value(g.gap, i18n.change_unit(g.unit, lang), lang, g.decimals, signed=True),
                t("col.total", lang): f(g.total_value) + (" *" if g.derived else ""),
            }
        )
    return pd.DataFrame(rows)


def compare_section(view: ViewState, provinces: pd.DataFrame, area_id: str, lang: str, demo: bool) -> None:
    """Two to six provinces side by side: a table of latest values and small multiples of one indicator."""
    ids = list(provinces["area_id"])
    names = dict(zip(provinces["area_id"], provinces["name"], strict=True))
    usual = [p for p in view.provinces if p in ids][:6] or [area_id]
    from_url = [p for p in dict.fromkeys((st.query_params.get("cmp_p") or "").split(",")) if p in ids][:6]
    chosen = st.multiselect(t("profile.compare_pick", lang), ids, default=from_url or usual, max_selections=6,
                            format_func=names.get, key="compare_areas")
    shell.keep_in_url("cmp_p", ",".join(chosen), ",".join(usual))
    if len(chosen) < 2:
        st.info(t("profile.compare_hint", lang))
        return
    profiles = {a: db.run_query("province_profile", lang=lang, area_id=a, year=view.year) for a in chosen}
    first = profiles[chosen[0]]
    table = pd.DataFrame({t("col.indicator", lang): first["short_name"], t("col.unit", lang): first["unit"]})
    for a in chosen:
        p = profiles[a]
        table[names[a]] = [
            i18n.fmt_number(v, lang, d) + (" *" if dv else "") if pd.notna(v) else "–"
            for v, d, dv in zip(p["latest_value"], p["decimals"], p["latest_derived"], strict=True)
        ]
    st.dataframe(table, hide_index=True, width="stretch")
    codes = list(first["indicator_code"])
    short = dict(zip(codes, first["short_name"], strict=True))
    code = st.selectbox(t("regions.indicator", lang), codes, format_func=short.get, key="compare_indicator",
                        index=codes.index(shell.page_param("cmp", codes, codes[0])))
    shell.keep_in_url("cmp", code, codes[0])
    ind = first.set_index("indicator_code").loc[code]
    df = until(db.run_query("province_trend", indicator=code, areas=chosen, breakdown="total"), view.year)
    df["name"] = df["area_id"].map(names)
    nation = until(db.run_query("region_trend", lang=lang, indicator=code, boundary=view.boundary, breakdown="total"),
                   view.year)
    nation = nation[nation["area_id"] == "VN"]
    fig = figcache.build(
        charts.small_multiples,
        pd.concat([df, nation[["area_id", "name", "year", "value", "status", "derived"]]], ignore_index=True),
        lang=lang, title=t("profile.compare_title", lang, name=ind["short_name"], areas=", ".join(names[a] for a in chosen),
                           start=_span(df)[0], end=_span(df)[1]) + charts.unit_suffix(ind["unit"]),
        unit=ind["unit"], decimals=int(ind["decimals"]), source=sources.credit(df, ind["source"]), demo=demo,
        target_value=ind["target_value"], target_upper=ind["target_upper"], target_type=ind["target_type"],
        target_year=int(ind["target_year"]),
        boundary_change_year=settings.NEW_BOUNDARY_FIRST_YEAR - 0.5 if view.boundary == "34" else None,
    )
    present.chart(fig, key="compare_chart")
    downloads.chart_downloads(df, lang=lang, filename=(code, "compare"), unit=ind["unit"],
                              source=sources.credit(df, ind["source"]), key="act_compare",
                              indicator=(code, ind["name"]), decimals=int(ind["decimals"]))
