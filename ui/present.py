"""Presentation mode: sidebar and menus hidden, large type, one chart per screen with previous/next.

Pages show every chart through `chart()`. Normally that is st.plotly_chart; in presentation mode the
figures are collected while the page runs (its other output is hidden) and app.py then shows one of
them full screen. The filters stay as they are (they live in the URL and the session).
"""

from __future__ import annotations

import streamlit as st

from ascc import charts, state
from ascc.i18n import t

PARAM = "present"
SLIDE_PARAM = "slide"
_KEY = "f_present"


def init_from_url() -> None:
    """Read ?present=1 once per session (afterwards the toggle owns the state)."""
    if "_present_initialised" not in st.session_state:
        st.session_state[_KEY] = st.query_params.get(PARAM) in ("1", "true", "yes")
        st.session_state["_present_initialised"] = True


def active() -> bool:
    return bool(st.session_state.get(_KEY))


def toggle(lang: str) -> None:
    """The sidebar switch into presentation mode."""
    st.toggle(t("present.toggle", lang), key=_KEY, help=t("present.help", lang))


def url_params() -> dict[str, str]:
    """The URL parameters of presentation mode (empty when off)."""
    if not active():
        return {}
    return {PARAM: "1", SLIDE_PARAM: str(st.session_state.get("present_slide", 0) + 1)}


def chart(fig, *, key: str, on_select=None, selection_mode=None, container=None):
    """Show a figure (or collect it in presentation mode). Returns the selection event when asked for."""
    if active():
        st.session_state.setdefault("_present_figs", []).append((key, fig))
        return None
    target = container or st
    kwargs = {"on_select": on_select, "selection_mode": selection_mode} if on_select else {}
    return target.plotly_chart(fig, config=charts.image_config(fig), key=key, **kwargs)


def start_run() -> None:
    """Forget the figures of the previous run."""
    st.session_state["_present_figs"] = []


def hide_chrome() -> None:
    """Hide the sidebar, Streamlit's header and menus, and the page's own output; enlarge the type."""
    st.markdown(
        """<style>
        [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
        [data-testid="stToolbar"], [data-testid="stDecoration"], .st-key-page_body { display: none !important; }
        html { font-size: 20px; }
        .block-container { padding-top: 1rem !important; max-width: 100% !important; }
        </style>""",
        unsafe_allow_html=True,
    )


def _go(i: int) -> None:
    st.session_state["present_slide"] = i


def _exit() -> None:
    st.session_state[_KEY] = False
    st.session_state.pop("present_slide", None)


def render(lang: str) -> None:
    """The current chart full screen, with previous / next and a way out."""
    figs = st.session_state.get("_present_figs", [])
    if not figs:
        st.info(t("present.no_charts", lang))
    n = len(figs)
    if "present_slide" not in st.session_state:
        wanted = st.query_params.get(SLIDE_PARAM, "1")
        st.session_state["present_slide"] = (state.url_int(wanted) or 1) - 1
    i = min(max(st.session_state["present_slide"], 0), max(n - 1, 0))
    st.session_state["present_slide"] = i
    cols = st.columns([1, 1, 6, 1.4])
    # Callbacks run before the next script run, when the toggle may still be changed.
    cols[0].button("◀ " + t("present.prev", lang), disabled=i == 0, key="present_prev", width="stretch",
                   on_click=_go, args=(i - 1,))
    cols[1].button(t("present.next", lang) + " ▶", disabled=i >= n - 1, key="present_next", width="stretch",
                   on_click=_go, args=(i + 1,))
    cols[2].markdown(f"<div style='text-align:center;font-size:1.1rem;padding-top:0.4rem'>{i + 1} / {n}</div>" if n else "",
                     unsafe_allow_html=True)
    cols[3].button("✕ " + t("present.exit", lang), key="present_exit", width="stretch", on_click=_exit)
    if n:
        key, fig = figs[i]
        # A copy: the page's figure may be shared with other reruns and sessions (ascc.figcache).
        copy = charts.presentation_copy(fig)
        st.plotly_chart(copy, config=charts.image_config(copy), key=f"present_{key}")
