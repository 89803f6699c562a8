"""Ministries: which lead ministry is furthest behind, and per ministry its indicators and the provinces holding it back."""

import streamlit as st

from ascc import charts, db, figcache, lookups, progress, progress_views, slides, status
from ascc.i18n import t
from ascc.rows import each_row
from ui import deck_ui, downloads, ministries_ui, present, shell, status_ui

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()
st.title(t("ministries.title", lang))
shell.stop_if_no_results(lang)
before = st.toggle(t("ministries.before_toggle", lang), value=shell.page_param("before", ["1"], None) == "1",
                   key="ministries_before")  # fmt: skip
shell.keep_in_url("before", "1" if before else None)
as_of = progress_views.MINISTRIES_BEFORE if before else progress_views.MINISTRIES_AS_OF

# 2/ DATA
leads = db.run_query("ministry_leads", lang=lang, as_of=as_of)
mergers = db.run_query("ministry_mergers", lang=lang)
indicators = db.run_query("indicator_list", lang=lang)[["indicator_code", "unit", "decimals"]]
nation = progress_views.with_path_distance(status.assessments("nation", view.boundary))
provinces = progress_views.with_path_distance(status.assessments("province", view.boundary))
area_names = lookups.column_map("area_names", "area_id", "name", lang=lang)
ministry_names = dict(zip(leads["ministry_code"], leads["ministry_name"], strict=True))
abbrs = dict(zip(leads["ministry_code"], leads["ministry_abbr"], strict=True))
codes = list(dict.fromkeys(leads["ministry_code"]))
# Every lead indicator with its national status (one without figures as "insufficient data").
assessed = progress_views.ministry_assessed(leads, indicators, nation)
ranking = progress_views.ministry_ranking(assessed, codes)
# The provinces furthest behind on each indicator, among those behind schedule (one pass over all indicators).
worst = progress_views.furthest_behind_each(provinces[progress_views.is_behind(provinces["status"])])

# 3/ WHICH MINISTRY IS FURTHEST BEHIND
st.subheader(t("ministries.rank_title", lang))
behind_words = ", ".join(status_ui.label(s, lang) for s in progress.BEHIND)
st.caption(t("ministries.rank_help", lang, statuses=behind_words) + " " + t("ministries.merger_note", lang))
status_ui.legend(lang)
fig = figcache.build(
    charts.status_stack,
    ministries_ui.stack_counts(ranking),
    lang=lang,
    title=t("export.title.ministries", lang, place=t("slide.place_nation", lang), year=slides.assessed_year(nation, None) or ""),
    categories=ministries_ui.chart_categories(ranking, abbrs, lang),
    source=t("pillars.source", lang),
    demo=info.is_demo,
)
present.chart(fig, key="ministry_ranking")
if not before:  # the slide reads the ministries after the March 2025 merger
    deck_ui.add_to_deck(slides.make_spec("ministries", boundary=view.boundary), lang=lang, key="act_ministries_deck")
st.dataframe(ministries_ui.ranking_table(ranking, ministry_names, lang), hide_index=True, width="stretch")
downloads.table_downloads(ministries_ui.ranking_download(ranking, ministry_names, lang), lang=lang,
                          filename=f"ministries_ranked_{as_of:%Y%m%d}", source=t("pillars.source", lang),
                          key="dl_ministry_ranking")  # fmt: skip

# 4/ ONE SECTION PER MINISTRY, FURTHEST BEHIND FIRST
ranked = ranking["ministry_code"].tolist()
options = ["ALL", *ranked]
pick = st.selectbox(t("ministries.pick", lang), options, index=options.index(shell.page_param("min", options, "ALL")),
                    key=f"ministries_pick_{before}",
                    format_func=lambda c: t("ministries.all", lang) if c == "ALL" else ministry_names[c])  # fmt: skip
shell.keep_in_url("min", pick, "ALL")
st.caption(t("ministries.path_help", lang))
for r in each_row(ranking):
    code = r.ministry_code
    if pick not in ("ALL", code):
        continue
    st.subheader(t("ministries.section", lang, rank=r.rank, name=ministry_names[code], abbr=abbrs[code],
                   counts=ministries_ui.counts_text(r, lang)))  # fmt: skip
    rows = assessed[assessed["ministry_code"] == code].reset_index(drop=True)
    mine = worst[worst["indicator_code"].isin(rows["indicator_code"])]
    fig = figcache.build(
        charts.progress_bullets,
        rows[["label", "status", "achieved_share", "expected_share", "target"]],
        lang=lang,
        title=t("ministries.progress_title", lang, ministry=abbrs[code], year=slides.assessed_year(nation, None) or ""),
        source=t("pillars.source", lang),
        demo=info.is_demo,
    )
    present.chart(fig, key=f"ministry_{code}")
    # A static table, so the provinces' values wrap rather than being cut off in a grid cell.
    st.table(ministries_ui.indicator_table(rows, mine, area_names, lang), hide_index=True)
    downloads.table_downloads(ministries_ui.ministry_download(rows, mine, area_names, lang), lang=lang,
                              filename=f"ministry_{code}_{view.boundary}", source=t("pillars.source", lang),
                              key=f"dl_ministry_{code}")  # fmt: skip

# 5/ WHAT CHANGED IN MARCH 2025
with st.expander(t("ministries.merger_title", lang), expanded=False):
    st.markdown(progress_views.merger_lines(mergers, lang))
    moved = leads[leads["previous_code"].notna()]
    if len(moved) and not before:
        st.markdown(t("ministries.moved_intro", lang))
        st.markdown("\n".join(f"- **{r.indicator_name}**: {r.previous_abbr} → {r.ministry_abbr}" + (f" ({r.moved_note})" if r.moved_note else "")
                              for r in each_row(moved)))
