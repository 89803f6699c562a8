"""Province profile: every indicator beside region, nation and target; merger history; groups; compare."""

import streamlit as st

from ascc import db, sources, status
from ascc.i18n import t
from ui import commune_ui, deck_ui, present, profile_ui, shell, status_ui, widgets

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()
provinces = db.run_query("provinces_list", lang=lang, boundary=view.boundary, region=view.region)
ids = list(provinces["area_id"])
names = dict(zip(provinces["area_id"], provinces["name"], strict=True))
area_id = profile_ui.chosen_area(ids, view)
st.title(t("profile.title", lang))
shell.stop_if_no_results(lang)
area_id = st.selectbox(t("col.province", lang), ids, index=ids.index(area_id), format_func=names.get, key="profile_select")
st.session_state["profile_area"] = area_id
shell.keep_in_url("area", area_id)

# 2/ DATA
profile = db.run_query("province_profile", lang=lang, area_id=area_id, year=view.year)
members = db.run_query("province_members", lang=lang, area_id=area_id)
trend = profile_ui.until(db.run_query("province_trend", indicator=None, areas=[area_id], breakdown="total"), view.year)
groups = db.run_query("province_breakdowns", lang=lang, area_id=area_id, year=view.year)
statuses = status.status_of("province", view.boundary, as_of=view.year)
row = provinces.set_index("area_id").loc[area_id]

# 3/ HEADER
st.header(row["full_name"])
profile_ui.lineage_note(members, area_id, row, lang)

tab_profile, tab_communes, tab_compare = profile_ui.tabs(lang)
# Only the open tab is drawn (a click on another reruns the page): the commune charts alone took two
# fifths of a Profile run (py-spy, docs/benchmark.md). Presentation mode shows every tab's charts.
everything = present.active()
with tab_profile:
    # 4/ ALL INDICATORS
    status_ui.legend(lang)
    table = profile_ui.profile_table(profile, trend, lang, statuses, area_id)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        height=36 * (len(profile) + 1) + 4,  # every indicator visible without an inner scrollbar
        column_config=widgets.pinned_first(table, profile_ui.profile_column_config(lang)),
        column_order=profile_ui.profile_column_order(lang),
    )
    if profile["latest_derived"].any():
        st.caption(t("mark.derived_note.any", lang))
    if profile["estimated"].any():
        st.caption(t("mark.estimated_note", lang))

    # 5/ FORMER PROVINCES SIDE BY SIDE
    if area_id.startswith("P34-") and len(members) > 1:
        st.subheader(t("profile.history_title", lang, names=", ".join(members["former_name"])))
        fig, plotted, ind = profile_ui.former_history_chart(profile, members, area_id, lang, info.is_demo,
                                                                as_of=view.year)
        present.chart(fig, key="former_history")
        deck_ui.chart_actions({"kind": "province_trend", "indicator": ind.name, "area": area_id, "year": view.year,
                               "boundary": view.boundary}, plotted, lang=lang,
                              filename=(ind.name, "history", names.get(area_id, area_id)),
                              unit=ind["unit"], source=sources.credit(plotted, ind["source"]), key="act_history",
                              indicator=(ind.name, ind["name"]), decimals=int(ind["decimals"]))

    # 6/ POPULATION GROUPS
    if len(groups):
        st.subheader(t("profile.groups_title", lang))
        st.dataframe(profile_ui.groups_table(groups, lang), hide_index=True, width="stretch")

with tab_communes:
    # 7/ COMMUNES OF THE PROVINCE (the sidebar's boundary set decides which communes)
    if tab_communes.open or everything:
        commune_ui.commune_section(view, area_id, row["name"], lang, info)

with tab_compare:
    # 8/ COMPARE TWO TO SIX PROVINCES (its choices come back from the URL when the tab is opened again)
    if tab_compare.open or everything:
        profile_ui.compare_section(view, provinces, area_id, lang, info.is_demo)
