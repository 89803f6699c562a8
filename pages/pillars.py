"""Pillars: per ASCC characteristic, how many indicators are in each status; progress heatmap; who must accelerate."""

import pandas as pd
import streamlit as st

from ascc import charts, db, figcache, i18n, lookups, progress_views, slides, status
from ascc.i18n import t
from ascc.rows import each_row
from ui import deck_ui, downloads, present, shell, status_ui

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()
level, area_id = status_ui.scope(view)

# 2/ DATA
pillars = db.run_query("pillars_list", lang=lang)
summary = db.run_query("national_summary", lang=lang, year=None, headline_only=None)
assessed_all = status.assessments(level, view.boundary)
assessed = assessed_all[assessed_all["area_id"] == area_id]
series = db.run_query("progress_series", level=level, boundary=view.boundary, breakdown="total")
series = series[series["area_id"] == area_id]
area_names = lookups.column_map("area_names", "area_id", "name", lang=lang)
labels = dict(zip(summary["indicator_code"], summary["short_name"], strict=True))

st.title(t("pillars.title", lang))
shell.stop_if_no_results(lang)
st.caption(t("pillars.scope", lang, area=area_names.get(area_id, area_id)) + " " + t("pillars.scope_hint", lang))
status_ui.legend(lang)

# 3/ STATUS COUNTS PER PILLAR
# Every indicator of the catalogue is counted; one without figures for this scope as "insufficient data".
counts = progress_views.pillar_counts(summary, assessed)
# The title names the place and the latest year assessed, as the pillar-summary slide does (ascc.slides).
place = t("slide.place_nation", lang) if area_id == "VN" else area_names.get(area_id, area_id)
year = slides.assessed_year(assessed, None)
fig = figcache.build(
    charts.status_stack,
    counts,
    lang=lang,
    title=t("export.title.pillars", lang, place=place, year=year or ""),
    categories=[(p.pillar_code, f"{p.pillar_code}. {p.name}") for p in each_row(pillars)],
    source=t("pillars.source", lang),
    demo=info.is_demo,
)
present.chart(fig, key="pillar_counts")
if level != "province":  # the slide speaks of Viet Nam or a region
    deck_ui.add_to_deck(slides.make_spec("pillars", boundary=view.boundary, region=view.region if level == "region" else None),
                        lang=lang, key="act_pillars_deck")
downloads.chart_downloads(counts.rename(columns={"category": "series", "status": "progress", "n": "value"}), lang=lang,
                          filename=f"status_by_pillar_{area_id}", unit=t("chart.n_indicators", lang),
                          source=t("pillars.source", lang), key="dl_counts")

# 4/ PROGRESS TOWARD TARGET, INDICATOR x YEAR
matrix = progress_views.share_matrix(series, assessed, labels)
if len(matrix):
    fig = figcache.build(
        charts.progress_heatmap,
        matrix,
        lang=lang,
        title=t("pillars.heatmap_title", lang, area=place, start=int(min(matrix.columns)), end=int(max(matrix.columns))),
        source=t("pillars.heatmap_source", lang),
        demo=info.is_demo,
    )
    present.chart(fig, key="pillar_heatmap")

# 5/ INDICATORS THAT MOST NEED ACCELERATION
st.subheader(t("pillars.behind_title", lang))
behind = progress_views.needing_acceleration(assessed).merge(
    summary[["indicator_code", "short_name", "pillar_code", "ministry_abbr", "unit", "decimals"]], on="indicator_code"
)
if behind.empty:
    st.success(t("pillars.none_behind", lang))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("col.indicator", lang): behind["short_name"],
                t("col.progress", lang): [status_ui.label(s, lang) for s in behind["status"]],
                t("col.share", lang): [i18n.fmt_share(v, lang) for v in behind["achieved_share"]],
                t("col.expected", lang): [i18n.fmt_share(v, lang) for v in behind["expected_share"]],
                t("col.pillar", lang): behind["pillar_code"],
                t("col.ministry", lang): behind["ministry_abbr"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
