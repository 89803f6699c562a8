"""Slide deck: the charts collected with "Add to deck", reordered and retitled, downloaded as PowerPoint."""

import streamlit as st

from ascc import db
from ascc.i18n import t
from ui import deck_ui, shell

# 1/ FILTERS
view = shell.view()
lang = view.lang
st.title(t("deck.title", lang))
shell.stop_if_no_results(lang)
st.caption(t("deck.intro", lang))
with st.expander(t("deck.settings", lang), expanded=True):
    deck_lang = deck_ui.lang_choice(lang)
    st.markdown(f"**{t('deck.cover', lang)}**")
    cover = deck_ui.cover_fields(deck_lang, lang)

# 2/ SLIDES
st.subheader(t("deck.slides", lang, n=len(deck_ui.deck())))
if not deck_ui.deck():
    st.info(t("deck.empty", lang))
for problem in deck_ui.slide_list(deck_lang, lang):
    st.warning(problem)

# 3/ BATCH
with st.expander(t("deck.batch", lang), expanded=not deck_ui.deck()):
    deck_ui.batch(view, lang, db.run_query("indicator_list", lang=lang))

# 4/ DOWNLOAD
deck_ui.download(deck_lang, lang, cover)
