"""Methodology: how status is computed, how the 34-province history is rebuilt, sources and vintage."""

import pandas as pd
import streamlit as st

from ascc import db, i18n, targets
from ascc.i18n import t
from ui import shell, status_ui

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()

# 2/ DATA
definitions = db.run_query("indicator_definitions", lang=lang)
split = db.run_query("split_provinces", lang=lang)
regions = db.run_query("regions_list", lang=lang)
region_names = dict(zip(regions["region_code"], regions["name"], strict=True))

st.title(t("method.title", lang))
st.markdown(t("method.intro", lang))

# 3/ PROGRESS STATUS
st.header(t("method.status_title", lang))
status_ui.legend(lang)
st.markdown(t("method.status_text", lang))
st.latex(r"\mathrm{CAGR}_{obs} = \left(\frac{y_i}{y_0}\right)^{\frac{1}{t_i - t_0}} - 1")
st.markdown(t("method.with_target", lang))
st.latex(r"\mathrm{CAGR}_{req} = \left(\frac{y_T}{y_0}\right)^{\frac{1}{t_T - t_0}} - 1, \qquad R = \frac{\mathrm{CAGR}_{obs}}{\mathrm{CAGR}_{req}}")
st.markdown(t("method.bands", lang))
st.markdown(t("method.target_kinds", lang))
st.latex(r"\Delta_{obs} = \frac{y_i - y_0}{t_i - t_0}, \qquad R = \frac{\Delta_{obs}}{\Delta_{req}}")
st.markdown(t("method.precision", lang))
st.markdown(t("method.no_target", lang))
st.markdown(t("method.rules", lang))
st.markdown(t("method.expected", lang))

# 4/ BOUNDARIES
st.header(t("method.boundary_title", lang))
st.markdown(t("method.boundary_text", lang))
st.markdown(t("method.split_text", lang))
st.dataframe(
    pd.DataFrame(
        {
            t("col.province", lang): split["name"],
            t("col.members", lang): split["members"],
            t("col.assigned_region", lang): split["assigned_region"].map(region_names),
        }
    ),
    hide_index=True,
    width="stretch",
)

st.subheader(t("method.one_value_title", lang))
st.markdown(t("method.one_value", lang))
st.subheader(t("method.estimated_title", lang))
st.markdown(t("method.estimated", lang))

# 5/ INDICATORS AND SOURCES
st.header(t("method.sources_title", lang))
m = info.manifest
st.caption(t("method.vintage", lang, title=m.get(i18n.col("title", lang), ""), version=m.get("version", "–"),
             as_of=i18n.fmt_date(m.get("data_as_of"), lang) or "–", built=i18n.fmt_date(m.get("built_at"), lang) or "–"))
# A table that wraps its text, not a scrolling grid: at 1366 px the grid cut every definition and hid the
# sources and targets behind a sideways scroll, and they are what this section is read for.
st.table(
    pd.DataFrame(
        {
            t("col.indicator", lang): definitions["name"],
            t("col.unit", lang): definitions["unit"],
            t("col.definition", lang): definitions["definition"],
            t("col.aggregation", lang): [t(f"aggregation.{a}", lang) for a in definitions["aggregation"]],
            t("col.source", lang): definitions["source"],
            t("col.target", lang): [targets.fmt(r.target_value, r.target_upper, r.target_type, r.unit, lang, r.decimals)
                                    for r in definitions.itertuples()],
            t("col.target_source", lang): definitions["target_source"].fillna("–"),
            t("col.ministry", lang): definitions["ministry_abbr"],
        }
    ),
    hide_index=True,
)

# 6/ DEMO OR OFFICIAL
st.header(t("method.demo_title", lang))
st.markdown(t("method.demo_text", lang) if info.is_demo else t("method.official_text", lang))
