"""Status vocabulary on screen: one word, icon and colour per status, the same on every page."""

from __future__ import annotations

import html

import streamlit as st

from ascc import progress
from ascc.i18n import t


def label(status: str, lang: str) -> str:
    """Icon and word, e.g. "◆ Cần đẩy nhanh" (for tables and plain text)."""
    if status not in progress.STATUS_STYLE:
        return "–"
    return f"{progress.STATUS_STYLE[status]['icon']} {t('status.' + status, lang)}"


def badge_html(status: str, lang: str) -> str:
    """A coloured badge with icon and word, so colour is never the only signal."""
    style = progress.STATUS_STYLE.get(status)
    if not style:
        return ""
    return (
        f"<span style='background:{style['color']};color:{style['text']};border-radius:0.4rem;padding:0.1rem 0.5rem;"
        f"font-size:0.85rem;font-weight:600;white-space:nowrap'>{html.escape(label(status, lang))}</span>"
    )


def badge(status: str, lang: str) -> None:
    st.markdown(badge_html(status, lang), unsafe_allow_html=True)


def legend(lang: str) -> None:
    """All statuses in one row: the legend used everywhere."""
    st.markdown(
        f"<div style='display:flex;flex-wrap:wrap;gap:0.4rem;align-items:center'>"
        f"<span style='font-size:0.85rem;color:#5f6b7a'>{html.escape(t('status.legend', lang))}:</span>"
        + "".join(badge_html(s, lang) for s in progress.STATUSES)
        + "</div>",
        unsafe_allow_html=True,
    )


def scope(view) -> tuple[str, str]:
    """The area the status pages speak about: one selected province, else the region, else the nation."""
    if len(view.provinces) == 1:
        return "province", view.provinces[0]
    if view.region:
        return "region", f"R-{view.region}"
    return "nation", "VN"
