"""Data: the indicator catalogue and targets, data quality, the batch history, and import for signed-in data managers."""

import streamlit as st

from ascc import bundle, datasets, db, settings
from ascc.i18n import t
from ui import data_ui, shell

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()
access = data_ui.current_access()

# 2/ DATA
catalogue = db.run_query("data_catalogue", lang=lang)
targets = db.run_query("data_targets", lang=lang)
quality = db.run_query("data_quality", lang=lang, first_new_year=settings.NEW_BOUNDARY_FIRST_YEAR)
history = db.run_query("batch_list")

st.title(t("data.title", lang))
st.caption(t("data.intro", lang))
# The whole dataset, as Open SDG and OWID offer it (made on click, from the dataset chosen in this run).
st.download_button(t("data.download_all", lang), data=datasets.bound(lambda: bundle.dataset_zip(lang)),
                   file_name=f"ascc-{info.data_dir.name}-{info.version}.zip", mime="application/zip",
                   icon=":material/folder_zip:", on_click="ignore", help=t("data.download_all_help", lang))
data_ui.flash(lang)
tab_catalogue, tab_quality, tab_batches, tab_import = st.tabs(
    [t("data.tab_catalogue", lang), t("data.tab_quality", lang), t("data.tab_batches", lang), t("data.tab_import", lang)]
)

# 3/ CATALOGUE
with tab_catalogue:
    data_ui.catalogue(catalogue, targets, lang)

# 4/ DATA QUALITY
with tab_quality:
    data_ui.quality(quality, lang)

# 5/ BATCHES
with tab_batches:
    data_ui.batch_history(history, lang, info, access)

# 6/ IMPORT
with tab_import:
    data_ui.import_panel(lang, info, access)
