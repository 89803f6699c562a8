"""Presentation mode: sidebar and menus hidden, large type, one chart per screen with previous/next.

Pages show every chart through `chart()`. Normally that is st.plotly_chart; in presentation mode the
figures are collected while the page runs (its other output is hidden) and app.py then shows one of
them full screen. The filters stay as they are (they live in the URL and the session).

Every slide is laid out for a 1920 x 1080 screen (charts.presentation_copy) and the browser zooms it
to the screen it is on (CSS media queries, in steps of 5 %), so a projector and a laptop both show the
whole chart with its axis, legend and source; a ranking of 63 provinces is split over two slides.
The arrow keys (and Page Up / Page Down, as sent by presentation clickers) move between slides.
"""

from __future__ import annotations

import streamlit as st

from ascc import charts, db, state
from ascc.i18n import t

PARAM = "present"
SLIDE_PARAM = "slide"
_KEY = "f_present"


def init_from_url() -> None:
    """Read ?present=1&slide=N once per session (afterwards the toggle and the buttons own the state).
    Before the sidebar is drawn: it writes the URL back from the session."""
    if "_present_initialised" not in st.session_state:
        st.session_state[_KEY] = st.query_params.get(PARAM) in ("1", "true", "yes")
        if st.session_state[_KEY]:
            st.session_state["present_slide"] = max((state.url_int(st.query_params.get(SLIDE_PARAM, "1")) or 1) - 1, 0)
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


# Zoom steps: the largest that fits both the width and the height of the screen (a slide is 1920 x 1080).
ZOOMS = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4)


def _scale_rule(z: float) -> str:
    # The chart is drawn at the slide's design size (charts.PRESENT_WIDTH x PRESENT_HEIGHT) in a box that
    # wide, and the browser scales the drawing to the screen (a CSS transform, which Streamlit's sizing of
    # the chart does not see; CSS zoom made it shrink the chart a second time).
    return (f".st-key-present_stage [data-testid='stElementContainer']:has(.js-plotly-plot) "
            f"{{ width: calc(100% / {z}) !important; max-width: none !important; }} "
            f".st-key-present_stage .js-plotly-plot {{ transform: scale({z}); transform-origin: 0 0; }}")


def zoom_css() -> str:
    """Media queries scaling the slide to the screen: 1920 x 1080 at 100 %, 1366 x 768 at 70 %."""
    rules = ["@media (min-width: 2400px) and (min-height: 1350px) { " + _scale_rule(1.25) + " }"]
    for fits, smaller in zip(ZOOMS, ZOOMS[1:], strict=False):
        rules.append(f"@media (max-width: {1920 * fits - 0.02:.2f}px), (max-height: {1080 * fits - 0.02:.2f}px) "
                     f"{{ {_scale_rule(smaller)} }}")
    return "\n".join(rules)


def hide_chrome() -> None:
    """Hide the sidebar, Streamlit's header and menus, and the page's own output; fit the slide to the screen."""
    st.markdown(
        """<style>
        [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
        [data-testid="stToolbar"], [data-testid="stDecoration"], .st-key-page_body { display: none !important; }
        .block-container { padding: 0.5rem 1.5rem 0 1.5rem !important; max-width: 100% !important; }
        [data-testid="stMain"], [data-testid="stAppViewContainer"] { overflow: hidden !important; }
        .st-key-present_stage { gap: 0.5rem; }
        .st-key-present_stage button p { font-size: clamp(14px, 1.25vw, 24px); }
        .st-key-present_stage .present-count { text-align: center; font-size: clamp(15px, 1.35vw, 26px); }
        .st-key-present_stage .present-demo { margin-left: 1.5em; padding: 0.1em 0.5em; color: #b00020;
          border: 1px solid #b00020; font-weight: 600; }
        """ + zoom_css() + "</style>",
        unsafe_allow_html=True,
    )


def keys() -> None:
    """Arrow keys, Page Up / Page Down and space move between slides (as the buttons do); Escape leaves."""
    st.html(
        """<script>
        if (!window.__asccPresentKeys) {
          window.__asccPresentKeys = true;
          document.addEventListener("keydown", (e) => {
            if (e.target.closest && e.target.closest("input, textarea, [contenteditable]")) return;
            const which = {ArrowRight: "next", ArrowDown: "next", PageDown: "next", " ": "next",
                           ArrowLeft: "prev", ArrowUp: "prev", PageUp: "prev", Escape: "exit"}[e.key];
            const button = which && document.querySelector(`.st-key-present_${which} button`);
            if (button && !button.disabled) { e.preventDefault(); button.click(); }
          });
        }
        </script>""",
        unsafe_allow_javascript=True,
    )


def _go(i: int) -> None:
    st.session_state["present_slide"] = i


def _exit() -> None:
    st.session_state[_KEY] = False
    st.session_state.pop("present_slide", None)


def slides_of(figs: list) -> list[tuple[str, object]]:
    """The slides of the collected figures: each figure's projector copies (a long ranking gives two)."""
    out = []
    for key, fig in figs:
        # Copies: the page's figure may be shared with other reruns and sessions (ascc.figcache).
        parts = charts.presentation_slides(fig)
        out += [(f"{key}_{j}" if len(parts) > 1 else key, part) for j, part in enumerate(parts)]
    return out


def render(lang: str) -> None:
    """The current slide fitted to the screen, with previous / next (buttons and keys) and a way out."""
    slides = slides_of(st.session_state.get("_present_figs", []))
    n = len(slides)
    i = min(max(st.session_state.get("present_slide", 0), 0), max(n - 1, 0))
    st.session_state["present_slide"] = i
    keys()
    with st.container(key="present_stage"):
        cols = st.columns([1.3, 1.3, 6, 1.8], vertical_alignment="center")
        # Callbacks run before the next script run, when the toggle may still be changed.
        cols[0].button("◀ " + t("present.prev", lang), disabled=i == 0, key="present_prev", width="stretch",
                       on_click=_go, args=(i - 1,))
        cols[1].button(t("present.next", lang) + " ▶", disabled=i >= n - 1, key="present_next", width="stretch",
                       on_click=_go, args=(i + 1,))
        # On simulated data the slide's own row says so (the page's banner would push the chart off screen).
        demo = f"<span class='present-demo'>{t('demo.mark', lang)}</span>" if db.dataset_info().is_demo else ""
        cols[2].markdown(f"<div class='present-count'><span>{i + 1} / {n}</span>{demo}</div>" if n else demo,
                         unsafe_allow_html=True)
        cols[3].button("✕ " + t("present.exit", lang), key="present_exit", width="stretch", on_click=_exit)
        if not n:
            st.info(t("present.no_charts", lang))
            return
        key, fig = slides[i]
        # A fixed design size (Streamlit would otherwise size the chart from the scaled stage's width).
        st.plotly_chart(fig, config={**charts.image_config(fig), "displayModeBar": False}, key=f"present_{key}",
                        width=charts.PRESENT_WIDTH,
                        height=charts.PRESENT_HEIGHT)
