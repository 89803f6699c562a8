"""The shared frame of every page: sidebar filters kept in the URL, and the demo-data notice."""

from __future__ import annotations

import contextvars
from collections.abc import Mapping
from types import MappingProxyType

import streamlit as st

from ascc import datasets, db, i18n, lookups, state
from ascc.i18n import t
from ui import deck_ui, present

ALL, LATEST = "ALL", "LATEST"
DATASET_PARAM, DATASET_KEY = "ds", "f_dataset"
_KEYS = {"lang": "f_lang", "boundary": "f_boundary", "region": "f_region", "provinces": "f_provinces", "year": "f_year"}


@lookups.per_version
def choices() -> state.Choices:
    """Valid filter values from the dataset, to check the URL against (frozen, shared by the sessions)."""
    regions = db.run_query("regions_list", lang="vi")
    provinces = db.run_query("provinces_list", lang="vi", boundary=None, region=None)
    years = db.run_query("years_available")
    by_set = {
        b: frozenset(provinces.loc[provinces["boundary_set"] == b, "area_id"]) for b in state.BOUNDARY_SETS
    }
    return state.Choices(
        regions=frozenset(regions["region_code"]),
        provinces=MappingProxyType(by_set),
        years=tuple(int(y) for y in years["year"]),
    )


def _init_from_url(c: state.Choices) -> None:
    # Only once per session: afterwards the widgets own the state and write it back to the URL.
    if st.session_state.get("_view_initialised"):
        return
    v = state.from_params(st.query_params.to_dict(), c)
    st.session_state[_KEYS["lang"]] = v.lang
    st.session_state[_KEYS["boundary"]] = v.boundary
    st.session_state[_KEYS["region"]] = v.region or ALL
    st.session_state[_KEYS["provinces"]] = list(v.provinces)
    st.session_state[_KEYS["year"]] = v.year or LATEST
    st.session_state["_view_initialised"] = True


def stop_if_no_results(lang: str) -> None:
    """End the page with an honest notice when the dataset holds no results at all (a fresh init-dataset):
    charts and tables of nothing would read as "no indicator is behind"."""
    if not choices().years:
        st.info(t("error.no_data", lang))
        st.stop()


def lineage_map() -> Mapping[str, str]:
    """Former province id -> new province id (read-only)."""
    return lookups.column_map("lineage_pairs", "former_id", "successor_id")


def current_lang() -> str:
    """The language in force (before the sidebar is drawn, from the URL)."""
    value = st.session_state.get(_KEYS["lang"])
    return i18n.norm_lang(value or st.query_params.get("lang"))


def select_provinces(area_ids: list[str]) -> None:
    """Make these provinces the shared selection (from a click on a chart) and rerun the page.

    The sidebar widget was already drawn in this run and cannot be changed now, so the choice is
    parked and applied before the widget is drawn in the next run.
    """
    if list(area_ids) != list(st.session_state.get(_KEYS["provinces"], [])):
        st.session_state["_pending_provinces"] = list(area_ids)
        st.rerun()


def chart_selection(event, key: str) -> list[str] | None:
    """The area ids clicked in a chart (customdata[0]) when the selection is new, else None."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    ids = [i for i in ids if isinstance(i, str) and i.startswith("P")]
    seen_key = f"_seen_{key}"
    if not ids or st.session_state.get(seen_key) == ids:
        return None
    st.session_state[seen_key] = ids
    return ids


def page_param(name: str, options: list, default):
    """A page's own choice kept in the URL (e.g. the indicator): the initial value from the URL."""
    value = st.query_params.get(name)
    return next((o for o in options if str(o) == value), default)  # options may be numbers (a year)


def keep_in_url(name: str, value, default=None) -> None:
    """Write a page's own choice into the URL (left out when it is the default)."""
    if value is None or value == default:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = str(value)


def use_dataset() -> datasets.Dataset:
    """Make the dataset of this session (the sidebar's choice, else the URL's ``ds``, else the default) the
    one every query of this run reads. Filters that do not exist in it fall back when they are drawn."""
    ss = st.session_state
    key = ss.get(DATASET_KEY) or st.query_params.get(DATASET_PARAM)
    chosen = datasets.use(key)
    previous = ss.get("_dataset_in_use")
    if previous is not None and previous != chosen.key:
        # One deck per dataset (slides are fetched from the dataset in force): a deck collected on the
        # published statistics never takes in simulated figures after a switch, and comes back after one.
        ss[f"_deck:{previous}"] = ss.get("deck", [])
        ss["deck"] = ss.pop(f"_deck:{chosen.key}", [])
    if ss.get(DATASET_KEY) != chosen.key and DATASET_KEY not in ss:
        ss[DATASET_KEY] = chosen.key  # the widget's first value, from the URL (later the widget owns it)
    ss["_dataset_in_use"] = chosen.key
    return chosen


def _dataset_picker(lang: str, current: datasets.Dataset) -> None:
    # Only when there is a choice: one dataset needs no widget.
    found = datasets.available()
    if len(found) < 2:
        return
    titles = {d.key: d.title(lang) for d in found}
    if st.session_state.get(DATASET_KEY) not in titles:  # a dataset that went away
        st.session_state[DATASET_KEY] = current.key
    st.selectbox(t("sidebar.dataset_choice", lang), options=list(titles), format_func=titles.get, key=DATASET_KEY,
                 help=t("sidebar.dataset_help", lang))


def render_sidebar() -> state.ViewState:
    """Draw the shared filters; return the view they describe and mirror it in the URL."""
    dataset_in_use = use_dataset()
    c = choices()
    _init_from_url(c)
    ss = st.session_state
    if "_pending_provinces" in ss:
        ss[_KEYS["provinces"]] = ss.pop("_pending_provinces")
    with st.sidebar:
        lang = st.radio(
            t("sidebar.language_switch", current_lang()),  # the same in both languages
            options=list(i18n.LANGS),
            format_func=i18n.lang_name,
            key=_KEYS["lang"],
            horizontal=True,
        )
        _dataset_picker(lang, dataset_in_use)
        boundary = st.radio(
            t("sidebar.boundary", lang),
            options=list(state.BOUNDARY_SETS),
            format_func=lambda b: t(f"sidebar.boundary.{b}", lang),
            key=_KEYS["boundary"],
        )
        regions = db.run_query("regions_list", lang=lang)
        region_names = dict(zip(regions["region_code"], regions["name"], strict=True))
        # Sentinels rather than None: a selectbox shows None as an empty "Choose an option".
        if ss.get(_KEYS["region"]) not in region_names:
            ss[_KEYS["region"]] = ALL
        region = st.selectbox(
            t("sidebar.region", lang),
            options=[ALL, *region_names],
            format_func=lambda code: t("sidebar.region.all", lang) if code == ALL else region_names[code],
            key=_KEYS["region"],
        )
        region = None if region == ALL else region
        provinces = db.run_query("provinces_list", lang=lang, boundary=boundary, region=None)
        names = dict(zip(provinces["area_id"], provinces["name"], strict=True))
        options = list(provinces.loc[provinces["region_code"] == region, "area_id"]) if region else list(names)
        # A selection from the other boundary set follows the lineage (a former province becomes the
        # new province it joined); one outside the region is dropped, since the multiselect refuses
        # values that are not among its options.
        lineage = lineage_map()
        kept = state.keep_valid_provinces(ss.get(_KEYS["provinces"], []), boundary, c, lineage)
        ss[_KEYS["provinces"]] = [p for p in kept if p in options]
        selected = st.multiselect(
            t("sidebar.provinces", lang),
            options=options,
            format_func=lambda a: names.get(a, a),
            key=_KEYS["provinces"],
            placeholder=t("sidebar.provinces.placeholder", lang),
        )
        years = sorted(c.years, reverse=True)
        if ss.get(_KEYS["year"]) not in years:
            ss[_KEYS["year"]] = LATEST
        year = st.selectbox(
            t("sidebar.year", lang),
            options=[LATEST, *years],
            format_func=lambda y: t("sidebar.year.latest", lang) if y == LATEST else str(y),
            key=_KEYS["year"],
        )
        year = None if year == LATEST else year
        present.toggle(lang)
        info = db.dataset_info()
        as_of = info.manifest.get("data_as_of")
        title = info.manifest.get(i18n.col("title", lang)) or ""
        st.caption(f"{t('sidebar.dataset', lang)}: {title}" + (f" · {t('sidebar.data_as_of', lang, date=i18n.fmt_date(as_of, lang))}" if as_of else ""))
    view = state.ViewState(lang=lang, boundary=boundary, region=region, provinces=tuple(selected), year=year)
    # Pages own other parameters (the indicator, the province of a profile): keep them.
    page_owned = {k: v for k, v in st.query_params.to_dict().items() if k not in state.PARAMS}
    page_owned = {k: v for k, v in page_owned.items()
                  if k not in (present.PARAM, present.SLIDE_PARAM, DATASET_PARAM, deck_ui.URL_PARAM)}
    # The dataset in the URL unless it is the default one, so a shared link opens the same figures.
    ds = {} if dataset_in_use == datasets.available()[0] else {DATASET_PARAM: dataset_in_use.key}
    st.query_params.from_dict({**page_owned, **ds, **state.to_params(view), **present.url_params(),
                               **deck_ui.url_params()})
    ss["view"] = view
    with st.sidebar:
        copy_link(lang)
    return view


def copy_link(lang: str) -> None:
    """"Copy link": the address of this exact view (page, filters, the page's choices, the deck) in a box
    with a copy button, to paste into an e-mail or a chat."""
    with st.popover(t("sidebar.copy_link", lang), icon=":material/link:", width="stretch"):
        st.caption(t("sidebar.copy_link_help", lang))
        st.code(share_url(st.context.url, st.query_params.to_dict()), language=None, wrap_lines=True)


def share_url(base: str | None, params: Mapping[str, str]) -> str:
    """The page's address with the view's query parameters (relative when the browser's address is unknown)."""
    from urllib.parse import urlencode

    query = urlencode(params, safe=",")
    return (base or "") + (f"?{query}" if query else "")


def leave_legacy_multipage_mode() -> None:
    """Switch off Streamlit's legacy pages/ folder mode before anything is drawn.

    NOTE: a server process starts in the legacy mode because pages/ exists; it leaves it at the first
    st.navigation call, but the session that made that call keeps legacy page bookkeeping and later
    loses its query parameters and widget values on reruns. Rerunning that first run in the new
    mode avoids it (one extra run, once per server process).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_routed: contextvars.ContextVar[bool] = contextvars.ContextVar("ascc_routed", default=False)


def run_page(nav) -> None:
    """Run the page chosen by st.navigation, marking that the router (app.py) ran first."""
    token = _routed.set(True)
    try:
        nav.run()
    finally:
        _routed.reset(token)


def view() -> state.ViewState:
    """The view drawn by the sidebar in this run (every page calls this first).

    NOTE: Streamlit still has its legacy multipage mode: while a server process has not yet run
    st.navigation, a first visit straight to /overview executes pages/overview.py alone, without
    app.py's sidebar. The page then switches the legacy mode off and reruns through the router.
    """
    if not _routed.get():
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state.get("view") or state.ViewState()


# The few rules the house look needs beyond Streamlit's theme. A card's label and change wrap rather than end in
# "…" in a quarter-width column (1366 px: "Đi học đúng tuổi (TH, TH…" lost the school levels). Captions
# (sources, notes) are drawn opaque and darker than Streamlit's faded text (its colour at 60 % opacity, #76797c,
# 4.4:1 on white), to reach 4.5:1 on white and on the sidebar (WCAG 1.4.3; tests/browser/test_a11y.py). Keyboard
# focus shows as a ring in the theme colour (WCAG 2.4.7): Streamlit marks a focused page link or radio option
# only with a faint tint, the same as the current page's. A button's label wraps in a narrow column rather than
# ending in "…" (1366 px: "Thêm vào bản trì…" under each half-width chart).
HOUSE_CSS = """<style>
[data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] > div, [data-testid="stMetricDelta"],
[data-testid="stMetricDelta"] p, [data-testid="stMetricDelta"] > div {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricDelta"] { height: auto !important; max-width: 100%; }
[data-testid="stCaptionContainer"] { color: #575c63 !important; opacity: 1 !important; }
[data-testid="stMain"] button, [data-testid="stMain"] button * { white-space: normal !important; min-width: 0; }
[data-testid="stMain"] button [data-testid="stMarkdownContainer"] {
  overflow: visible !important; text-overflow: clip !important; text-align: left; }
a:focus-visible, button:focus-visible, [role="tab"]:focus-visible, [data-testid="stSidebarNavLink"]:focus-visible,
[data-testid="stRadioOption"]:has(input:focus-visible), [data-testid="stCheckbox"] label:has(input:focus-visible),
[data-baseweb="select"]:has(input:focus-visible) > div {
  outline: 3px solid #0b5394 !important; outline-offset: 2px; border-radius: 0.4rem; }
</style>"""


def house_style() -> None:
    """The house rules (HOUSE_CSS), once per run before the page."""
    st.html(HOUSE_CSS)


def demo_notice(lang: str) -> None:
    """A notice on every page while the dataset is simulated; it cannot be dismissed."""
    info = db.dataset_info()
    if info.is_demo and not present.active():  # a slide says it in its own row (ui.present.render)
        st.warning(t("demo.notice", lang), icon=":material/warning:")
