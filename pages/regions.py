"""Regions and provinces: ranking, map, regional summary and trends for one indicator and year."""

import numpy as np
import streamlit as st

from ascc import charts, db, figcache, settings, sources, status
from ascc.i18n import t
from ui import deck_ui, present, regions_ui, shell, widgets

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()
indicators = db.run_query("indicator_list", lang=lang)
codes = indicators["indicator_code"].tolist()
indicator_names = dict(zip(codes, indicators["name"].tolist(), strict=True))
# Open on the first headline indicator (the Overview's first card), not the catalogue's first entry.
default = next(iter(indicators.loc[indicators["headline"].fillna(False).astype(bool), "indicator_code"]), codes[0])
st.title(t("regions.title", lang))
shell.stop_if_no_results(lang)
c1, c2 = st.columns([3, 1])
code = c1.selectbox(
    t("regions.indicator", lang),
    options=codes,
    index=codes.index(shell.page_param("ind", codes, default)),
    format_func=indicator_names.get,
    key="regions_indicator",
)
ind = indicators.set_index("indicator_code").loc[code]
# An indicator without figures has no breakdowns at all (NA, not an empty list).
breakdowns = ind["breakdowns"] if isinstance(ind["breakdowns"], list | tuple | np.ndarray) else []
groups = [b for b in breakdowns if b != "total"]
breakdown_options = ["total", *groups]
breakdown = c2.selectbox(
    t("regions.breakdown", lang),
    options=breakdown_options,
    index=breakdown_options.index(shell.page_param("grp", breakdown_options, "total")),
    format_func=lambda b: t(f"breakdown.{b}", lang),
    key="regions_breakdown",
)
shell.keep_in_url("ind", code, default)
shell.keep_in_url("grp", breakdown, "total")
year = regions_ui.year_for(code, view, breakdown)

# 2/ DATA
ranking = db.run_query("province_ranking", lang=lang, indicator=code, boundary=view.boundary, year=year, breakdown=breakdown)
summary = db.run_query("region_summary", lang=lang, indicator=code, boundary=view.boundary, year=year, breakdown=breakdown)
trend = db.run_query("region_trend", lang=lang, indicator=code, boundary=view.boundary, breakdown=breakdown)
breaks = db.run_query("series_breaks", lang=lang, codes=[code])
if view.region:
    ranking = ranking[ranking["region_code"] == view.region]
if breakdown == "total":
    statuses = status.status_of("province", view.boundary, as_of=year)
    ranking["progress"] = [statuses.get((code, a)) for a in ranking["area_id"]]
unit, dec = ind["unit"], int(ind["decimals"])
# Credit the sources of the rows shown (an imported NSO table is credited to NSO), not the catalogue's.
credit = {
    "ranking": sources.credit(ranking, ind["source"]),
    "summary": sources.credit(summary, ind["source"]),
    "trend": sources.credit(trend, ind["source"]),
}
name = ind["short_name"] + ("" if breakdown == "total" else f" – {t(f'breakdown.{breakdown}', lang)}")
# What a downloaded file says about itself, and the parts of its name (code, year, what, region).
about = {"indicator": (code, ind["name"] + ("" if breakdown == "total" else f" – {t(f'breakdown.{breakdown}', lang)}")),
         "decimals": dec}
region_part = db.run_query("regions_list", lang="vi").set_index("region_code")["name"].get(view.region) if view.region else None
part = (None if breakdown == "total" else breakdown, region_part)

if ranking["new_boundaries_only"].any():
    st.info(t("mark.new_boundaries", lang, year=year))
if ranking["value"].isna().all():
    # Say why, not only that there is nothing: no weights for value-only rates, or former provinces missing.
    gaps = set(ranking["gap"].dropna())
    if "no_weight" in gaps:
        st.warning(t("mark.no_weight", lang, what=name, year=year, weight=t(f"mark.weight_kind.{ind['weight_kind']}", lang)))
    elif "incomplete" in gaps:
        st.warning(t("mark.incomplete_rebuild", lang, year=year, n=int((ranking["gap"] == "incomplete").sum())))
    else:
        st.warning(t("regions.no_values", lang))
    st.stop()
regions_ui.missing_note(ranking, lang, year)

# 3/ MAP AND REGIONAL SUMMARY
nation = summary.loc[summary["area_id"] == "VN", "value"]
region_values = {a.removeprefix("R-"): v for a, v in zip(summary["area_id"], summary["value"], strict=True) if a != "VN"}
left, right = st.columns([1, 1], gap="medium")  # the tile map needs about 450 px or more
with left:
    map_event = regions_ui.province_map(ranking, ind, lang=lang, boundary=view.boundary, year=year, name=name, demo=info.is_demo, selected=view.provinces)
spec = {"indicator": code, "boundary": view.boundary, "year": year, "region": view.region, "breakdown": breakdown}
with left:
    deck_ui.chart_actions({**spec, "kind": "map"}, ranking[ranking["value"].notna()], lang=lang,
                          filename=(code, year, "map", *part), unit=unit, source=credit["ranking"], key="act_map",
                          year=year, **about)
with right:
    st.header(t("regions.summary_title", lang, year=year))
    table = regions_ui.summary_table(summary, lang, unit, dec)
    st.dataframe(table, hide_index=True, width="stretch", column_config=widgets.pinned_first(table))
    deck_ui.chart_actions({**spec, "kind": "region_compare"}, summary, lang=lang, filename=(code, year, "regions", part[0]),
                          unit=unit, source=credit["summary"], key="act_summary", year=year, **about)
    regions_ui.selection_bar(ranking, view, lang)

# 4/ RANKING
fig = figcache.build(
    charts.ranking_bar,
    ranking,
    lang=lang,
    title=t("regions.ranking_title", lang, name=name, n=int(ranking["value"].notna().sum()), year=year) + charts.unit_suffix(unit),
    unit=unit,
    decimals=dec,
    source=credit["ranking"],
    demo=info.is_demo,
    nation_value=float(nation.iloc[0]) if len(nation) else None,
    target_value=ind["target_value"] if breakdown == "total" else None,
    target_upper=ind["target_upper"],
    target_type=ind["target_type"],
    target_year=int(ind["target_year"]),
    region_values=region_values,
    selected=view.provinces,
)
st.caption(t("regions.ranking_help", lang))
event = present.chart(fig, key="rank_chart", on_select="rerun", selection_mode=("points",))
deck_ui.chart_actions({**spec, "kind": "ranking"}, ranking[ranking["value"].notna()], lang=lang,
                      filename=(code, year, "ranking", *part), unit=unit, source=credit["ranking"], key="act_ranking",
                      year=year, **about)
derived = ranking[ranking["derived"] & ranking["value"].notna()]
if len(derived):
    # the rule actually used: counts summed, or (rates without counts) a mean weighted by population
    merged = derived[derived["n_members"] > 1]  # a province of one former province is its own value
    rule = "estimated" if len(merged) and merged["estimated"].all() else ind["aggregation"]
    st.caption(t(f"mark.derived_note.{rule}", lang))
if ranking["estimated"].any() or summary["estimated"].any():
    st.caption(t("mark.estimated_note", lang))
for key, ev in (("rank_chart", event), ("map", map_event)):
    picked = shell.chart_selection(ev, key)
    if picked:
        shell.select_provinces(picked)

# 5/ TRENDS BY REGION
if len(trend):
    fig = figcache.build(
        charts.small_multiples,
        trend,
        lang=lang,
        title=t("regions.trend_title", lang, name=name, start=int(trend["year"].min()), end=int(trend["year"].max()))
        + charts.unit_suffix(unit),
        unit=unit,
        decimals=dec,
        source=credit["trend"],
        demo=info.is_demo,
        target_value=ind["target_value"] if breakdown == "total" else None,
        target_upper=ind["target_upper"],
        target_type=ind["target_type"],
        target_year=int(ind["target_year"]),
        break_years=tuple(int(y) for y in breaks["year"]),
        boundary_change_year=settings.NEW_BOUNDARY_FIRST_YEAR - 0.5 if view.boundary == "34" else None,
    )
    present.chart(fig, key="region_trends")
    deck_ui.chart_actions({**spec, "kind": "region_trend"}, trend, lang=lang, filename=(code, "region_trends", part[0]),
                          unit=unit, source=credit["trend"], key="act_trends", **about)
