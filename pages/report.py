"""Report: the report to the Prime Minister as an editable Word document, for the sidebar's current choices."""

import streamlit as st

from ascc import datasets, db, i18n, report
from ascc.i18n import t
from ui import shell

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()
st.title(t("report.page_title", lang))
st.caption(t("report.page_intro", lang))
shell.stop_if_no_results(lang)  # a report of nothing would read as "no indicator is behind"
if st.session_state.get("report_lang") not in i18n.LANGS:
    st.session_state["report_lang"] = lang  # the report's language starts as the screen's, then is its own
report_lang = st.radio(t("report.lang", lang), list(i18n.LANGS), key="report_lang", horizontal=True,
                       format_func=i18n.lang_name)
st.markdown(t("report.scope", lang, dataset=info.manifest.get(i18n.col("title", lang)) or info.data_dir.name,
              year=view.year or t("report.latest", lang), boundary=t(f"sidebar.boundary.{view.boundary}", lang)))

# 2/ CONTENTS
st.header(t("report.outline", lang))
sections = ["report.h.summary", "report.h.pillars", "report.h.ministries", "report.h.regions", "report.h.next",
            "report.h.annex_a", "report.h.annex_b"]
st.markdown("\n".join(f"- {t(key, report_lang)}" for key in sections))

# 3/ DOWNLOAD
# Built when the button is clicked (never on a rerun), from the dataset this run reads.
build = datasets.bound(lambda: report.build_report(lang=report_lang, year=view.year, boundary=view.boundary))
st.download_button(t("report.download", lang), data=build, file_name=report.report_filename(report_lang),
                   mime=report.DOCX_MIME, key="report_download", type="primary", icon=":material/download:",
                   on_click="ignore", help=t("report.download_help", lang))
