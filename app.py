"""Router: page config, the shared sidebar, the demo notice and the page list. No SQL, no charts."""

from pathlib import Path

import streamlit as st

from ascc.i18n import t
from ui import present, shell

st.set_page_config(
    page_title="ASCC Việt Nam",
    # A file of our own, served by the app: a Material icon would make every browser fetch it from
    # fonts.gstatic.com (a third-party request, refused by the site's Content-Security-Policy).
    page_icon=Path(__file__).parent / "ui" / "favicon.png",
    layout="wide",
    initial_sidebar_state="expanded",
)

shell.leave_legacy_multipage_mode()
present.init_from_url()
view = shell.render_sidebar()
lang = view.lang

pages = [
    st.Page("pages/overview.py", title=t("page.overview", lang), icon=":material/home:", url_path="overview", default=True),
    st.Page("pages/regions.py", title=t("page.regions", lang), icon=":material/map:", url_path="regions"),
    st.Page("pages/profile.py", title=t("page.profile", lang), icon=":material/location_on:", url_path="profile"),
    st.Page("pages/pillars.py", title=t("page.pillars", lang), icon=":material/donut_large:", url_path="pillars"),
    st.Page("pages/ministries.py", title=t("page.ministries", lang), icon=":material/account_balance:", url_path="ministries"),
    st.Page("pages/methodology.py", title=t("page.methodology", lang), icon=":material/menu_book:", url_path="methodology"),
    st.Page("pages/data.py", title=t("page.data", lang), icon=":material/database:", url_path="data"),
    st.Page("pages/deck.py", title=t("page.deck", lang), icon=":material/slideshow:", url_path="deck"),
    st.Page("pages/report.py", title=t("page.report", lang), icon=":material/description:", url_path="report"),
]
nav = st.navigation(pages)
shell.house_style()
shell.demo_notice(lang)
if present.active():
    # The page runs as usual (its filters and data stay the same) but only its charts are shown,
    # one per screen.
    present.hide_chrome()
    present.start_run()
    with st.container(key="page_body"):
        shell.run_page(nav)
    present.render(lang)
else:
    shell.run_page(nav)
