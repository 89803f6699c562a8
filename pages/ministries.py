"""Ministries: each lead ministry's indicators, their status and progress, and the provinces furthest behind."""

import datetime as dt

import pandas as pd
import streamlit as st

from ascc import charts, db, figcache, lookups, progress_views, status
from ascc.i18n import t
from ui import present, shell, status_ui

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()
st.title(t("ministries.title", lang))
shell.stop_if_no_results(lang)
before = st.toggle(t("ministries.before_toggle", lang), key="ministries_before")
as_of = dt.date(2024, 12, 31) if before else dt.date(2025, 7, 1)

# 2/ DATA
leads = db.run_query("ministry_leads", lang=lang, as_of=as_of)
mergers = db.run_query("ministry_mergers", lang=lang)
nation = status.assessments("nation", view.boundary)
provinces = status.assessments("province", view.boundary)
area_names = lookups.column_map("area_names", "area_id", "name", lang=lang)
ministry_names = dict(zip(leads["ministry_code"], leads["ministry_name"], strict=True))
codes = list(dict.fromkeys(leads["ministry_code"]))
pick = st.selectbox(t("ministries.pick", lang), ["ALL", *codes], key=f"ministries_pick_{before}",
                    format_func=lambda c: t("ministries.all", lang) if c == "ALL" else ministry_names[c])
chosen = codes if pick == "ALL" else [pick]

# 3/ WHAT CHANGED IN MARCH 2025
status_ui.legend(lang)
with st.expander(t("ministries.merger_title", lang), expanded=not before):
    st.markdown("\n".join(t("ministries.merger_line", lang, name=m.name, date=m.valid_to.strftime("%d/%m/%Y"), successor=m.successor_name)
                          for m in mergers.itertuples()))
    moved = leads[leads["previous_code"].notna()]
    if len(moved) and not before:
        st.markdown(t("ministries.moved_intro", lang))
        st.markdown("\n".join(f"- **{r.indicator_name}**: {r.previous_abbr} → {r.ministry_abbr}" + (f" ({r.moved_note})" if r.moved_note else "")
                              for r in moved.itertuples()))

# 4/ ONE SECTION PER MINISTRY
# The provinces furthest behind on each indicator (one pass over all indicators).
worst = progress_views.furthest_behind_each(provinces)
behind: dict[str, list[str]] = {}
for ind_code, area, s in zip(worst["indicator_code"].tolist(), worst["area_id"].tolist(), worst["status"].tolist(), strict=True):
    behind.setdefault(ind_code, []).append(f"{area_names.get(area, area)} ({status_ui.label(s, lang)})")
# Every lead indicator with its national status, in the ministries' indicator order (leads is the left side).
# An indicator without figures stays listed, as "insufficient data", rather than vanishing from its ministry.
assessed = leads[["ministry_code", "indicator_code", "indicator_name"]].merge(nation, on="indicator_code", how="left")
assessed["status"] = assessed["status"].fillna("insufficient")
assessed = assessed.rename(columns={"indicator_name": "label"})
for code in [c for c in codes if c in chosen]:
    mine = leads[leads["ministry_code"] == code]
    st.subheader(f"{ministry_names[code]} ({mine['ministry_abbr'].iloc[0]})")
    rows = assessed[assessed["ministry_code"] == code].reset_index(drop=True)
    fig = figcache.build(
        charts.progress_bullets,
        rows[["label", "status", "achieved_share", "expected_share"]],
        lang=lang,
        title=t("ministries.progress_title", lang, ministry=mine["ministry_abbr"].iloc[0]),
        source=t("pillars.source", lang),
        demo=info.is_demo,
    )
    present.chart(fig, key=f"ministry_{code}")
    table = pd.DataFrame({
        t("col.indicator", lang): rows["label"],
        t("col.progress", lang) + " (" + t("chart.nation", lang) + ")": [status_ui.label(s, lang) for s in rows["status"].tolist()],
        t("ministries.behind_col", lang): [", ".join(behind.get(c, [])) or "–" for c in rows["indicator_code"].tolist()],
    }) if len(rows) else pd.DataFrame()  # fmt: skip
    st.dataframe(table, hide_index=True, width="stretch")
