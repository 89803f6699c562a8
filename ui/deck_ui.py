"""The slide deck in the session: the "Add to deck" button under charts, and the pieces of the Deck page.

The deck is ``st.session_state["deck"]``: a list of slide specs (ascc.slides), each with an ``id``
(stable widget keys while slides move) and a ``title`` ("" = the automatic title, which follows the
deck language). The deck is also kept in the URL (``deck``, compressed), so a reload or a shared link
brings back the slides being collected.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
import zlib

import pandas as pd
import streamlit as st

from ascc import db, export, i18n, slides
from ascc.i18n import t

DECK_KEY = "deck"


URL_PARAM = "deck"
# A deck in the URL is refused beyond these (a hand-made link must not make the server build 10,000 slides).
MAX_URL_CHARS, MAX_SLIDES = 12_000, 60


def deck() -> list[dict]:
    """The slides collected in this session; on first use, those of the URL (a reload or a shared link)."""
    if DECK_KEY not in st.session_state:
        st.session_state[DECK_KEY] = decode(st.query_params.get(URL_PARAM))
    return st.session_state[DECK_KEY]


def encode(entries: list[dict]) -> str:
    """The deck as a short URL-safe text: each slide's parameters and its own title, JSON, deflated, base64."""
    def short(e: dict) -> dict:  # normalise() fills the rest back in
        kept = {k: v for k, v in slides.params_of(e).items() if v is not None and (k, v) != ("breakdown", "total")}
        return {**kept, **({"title": e["title"]} if e.get("title") else {})}

    compact = [short(e) for e in entries]
    raw = zlib.compress(json.dumps(compact, ensure_ascii=False, separators=(",", ":")).encode(), 9)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(text: str | None) -> list[dict]:
    """The slides of a URL's deck text; anything unreadable, too long or no longer valid is left out."""
    if not text or len(text) > MAX_URL_CHARS:
        return []
    try:
        raw = zlib.decompressobj().decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), 1_000_000)
        items = json.loads(raw.decode())
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError):
        return []
    entries: list[dict] = []
    for item in items[:MAX_SLIDES] if isinstance(items, list) else []:
        try:
            entry = slides.normalise(item) if isinstance(item, dict) else None
        except (slides.SpecError, TypeError, ValueError):
            continue  # a slide of an indicator or province this dataset does not have
        if entry is not None:
            entry["title"] = str(item.get("title") or "")[:300]
            entry["id"] = uuid.uuid4().hex[:10]
            entries.append(entry)
    return entries


def url_params() -> dict[str, str]:
    """The deck's URL parameter (none for an empty deck)."""
    current = deck()
    return {URL_PARAM: encode(current)} if current else {}


def sync_url() -> None:
    """Write the deck into the URL now (after a change made during the page's run)."""
    value = url_params().get(URL_PARAM)
    if value is None:
        st.query_params.pop(URL_PARAM, None)
    elif st.query_params.get(URL_PARAM) != value:
        st.query_params[URL_PARAM] = value


def add_to_deck(spec: dict, *, lang: str, key: str) -> None:
    """A small "Add to deck" button; a click appends the spec (automatic title) and confirms with a toast."""
    if st.button(t("deck.add", lang), key=key, icon=":material/add_to_queue:", type="tertiary"):
        added = append(spec)
        if added is None:
            st.toast(t("deck.already", lang), icon=":material/info:")
        else:
            st.toast(t("deck.added", lang, title=_safe_title(added, lang)), icon=":material/slideshow:")


def append(spec: dict) -> dict | None:
    """Append a spec to the deck (normalised, with an id and an empty title); None if already there."""
    entry = slides.normalise(spec)
    entry["title"] = str(spec.get("title") or "")
    entry["id"] = uuid.uuid4().hex[:10]
    current = deck()
    if any(slides.params_of(e) == slides.params_of(entry) for e in current):
        return None
    current.append(entry)
    sync_url()
    return entry


def add_batch(specs: list[dict], lang: str) -> None:
    """Append several specs (those already in the deck are skipped) and say how many were added."""
    n = sum(append(s) is not None for s in specs)
    st.toast(t("deck.batch_added", lang, n=n), icon=":material/slideshow:")


def chart_actions(spec: dict, df: pd.DataFrame, *, lang: str, filename, unit: str, source: str, key: str,
                  **about) -> None:
    """Under a chart in one row: "Add to deck", CSV and Excel downloads of the plotted rows.

    ``filename`` and ``about`` (indicator, decimals, year) as in downloads.chart_downloads.
    """
    from ui import downloads

    c1, c2 = st.columns([1, 2])
    with c1:
        add_to_deck(spec, lang=lang, key=f"{key}_deck")
    with c2:
        downloads.chart_downloads(df, lang=lang, filename=filename, unit=unit, source=source, key=key, **about)


def _safe_title(entry: dict, lang: str) -> str:
    try:
        return slides.auto_title(entry, lang)
    except slides.SpecError:
        return t(f"deck.kind.{entry['kind']}", lang)


# --- the Deck page ---------------------------------------------------------------------------


def _move(entry_id: str, step: int) -> None:
    d = deck()
    i = next((k for k, e in enumerate(d) if e["id"] == entry_id), None)
    if i is not None and 0 <= i + step < len(d):
        d[i], d[i + step] = d[i + step], d[i]


def _remove(entry_id: str) -> None:
    st.session_state[DECK_KEY] = [e for e in deck() if e["id"] != entry_id]


def _clear() -> None:
    st.session_state[DECK_KEY] = []


def slide_list(deck_lang: str, lang: str) -> list[str]:
    """Every slide with its title field (placeholder: the automatic title in the deck language) and
    up / down / remove buttons. Returns the problems of slides that cannot be built."""
    problems = []
    entries = deck()
    for i, entry in enumerate(entries):
        eid = entry["id"]
        with st.container(border=True):
            cols = st.columns([0.4, 7, 0.7, 0.7, 0.7], vertical_alignment="center")
            cols[0].markdown(f"**{i + 1}**")
            try:
                auto = slides.auto_title(entry, deck_lang)
            except slides.SpecError as exc:
                auto = t(f"deck.kind.{entry['kind']}", deck_lang)
                problems.append(t("deck.invalid", lang, i=i + 1, error=str(exc)))
            with cols[1]:
                entry["title"] = st.text_input(
                    t("deck.slide_title", lang, i=i + 1), value=entry.get("title", ""), key=f"deck_title_{eid}",
                    placeholder=auto, help=t("deck.slide_title_help", lang), label_visibility="collapsed",
                )
                st.caption(f"{t('deck.kind.' + entry['kind'], lang)} · {describe(entry)}")
            cols[2].button("↑", key=f"deck_up_{eid}", on_click=_move, args=(eid, -1), disabled=i == 0,
                           help=t("deck.up", lang))
            cols[3].button("↓", key=f"deck_down_{eid}", on_click=_move, args=(eid, 1),
                           disabled=i == len(entries) - 1, help=t("deck.down", lang))
            cols[4].button("✕", key=f"deck_remove_{eid}", on_click=_remove, args=(eid,), help=t("deck.remove", lang))
    if entries:
        st.button(t("deck.clear", lang), key="deck_clear", on_click=_clear, type="tertiary")
    sync_url()  # edited titles
    return problems


def describe(entry: dict) -> str:
    """The spec's parameters in short: "POV_MD · 34 · 2024 · NMM"."""
    parts = [entry.get(k) for k in ("indicator", "area", "boundary", "year", "region")]
    if entry.get("breakdown") not in (None, "total"):
        parts.append(entry["breakdown"])
    return " · ".join(str(p) for p in parts if p is not None)


def cover_fields(deck_lang: str, lang: str) -> dict:
    """Title-slide fields; empty ones fall back to defaults in the deck language (shown as placeholders)."""
    c1, c2 = st.columns(2)
    title = c1.text_input(t("deck.cover_title", lang), key="deck_cover_title", placeholder=t("app.title", deck_lang))
    subtitle = c2.text_input(t("deck.cover_subtitle", lang), key="deck_cover_subtitle",
                             placeholder=t("app.subtitle", deck_lang))
    org = c1.text_input(t("deck.cover_org", lang), key="deck_cover_org", placeholder=t("export.cover.org", deck_lang))
    date = c2.date_input(t("deck.cover_date", lang), value=dt.date.today(), key="deck_cover_date", format="DD/MM/YYYY")
    return {"title": title.strip() or None, "subtitle": subtitle.strip() or None, "organisation": org.strip() or None,
            "date": date}


def download(deck_lang: str, lang: str, cover: dict) -> None:
    """The .pptx download; the deck is built when the button is clicked (never on every rerun)."""
    specs = [dict(e) for e in deck()]

    def build() -> bytes:
        return export.build_deck(specs, lang=deck_lang, **cover)

    st.download_button(
        t("deck.download", lang), data=build, file_name=export.deck_filename(deck_lang), mime=export.PPTX_MIME,
        key="deck_download", type="primary", icon=":material/download:", disabled=not specs, on_click="ignore",
        help=t("deck.download_help", lang),
    )


def batch(view, lang: str, indicators: pd.DataFrame) -> None:
    """Buttons adding many slides at once for one indicator and year, and the three status summaries, on the
    sidebar's boundary set."""
    codes = list(indicators["indicator_code"])
    names = dict(zip(indicators["indicator_code"], indicators["name"], strict=True))
    c1, c2, c3 = st.columns([3, 1, 2])
    code = c1.selectbox(t("deck.batch_indicator", lang), codes, format_func=lambda c: names[c], key="deck_batch_ind")
    years = db.run_query("indicator_years", indicator=code, boundary=view.boundary, breakdown="total")["year"]
    if years.empty:
        st.info(t("regions.no_values", lang))
        return
    year = c2.selectbox(t("sidebar.year", lang), sorted(map(int, years), reverse=True), key="deck_batch_year")
    regions = slides.region_names(lang)
    region = c3.selectbox(t("deck.batch_region", lang), list(regions), format_func=lambda r: regions[r],
                          index=list(regions).index(view.region) if view.region in regions else 0, key="deck_batch_region")
    st.caption(t("deck.batch_help", lang))
    b1, b2, b3 = st.columns(3)
    kw = {"indicator": code, "boundary": view.boundary, "year": int(year)}
    # Callbacks, so the slide list above already shows the new slides in this run.
    b1.button(t("deck.batch_pack", lang), key="deck_batch_pack", width="stretch", on_click=_batch,
              args=("pack", kw, lang))
    b2.button(t("deck.batch_per_region", lang), key="deck_batch_regions", width="stretch", on_click=_batch,
              args=("regions", kw, lang))
    b3.button(t("deck.batch_per_province", lang), key="deck_batch_provinces", width="stretch", on_click=_batch,
              args=("provinces", {**kw, "region": region}, lang))
    # The status summaries speak of every indicator: the headline cards, the pillars, the ministries.
    st.button(t("deck.batch_summaries", lang), key="deck_batch_summaries", on_click=_batch,
              args=("summaries", {"boundary": view.boundary}, lang), help=t("deck.batch_summaries_help", lang))


def _batch(which: str, kw: dict, lang: str) -> None:
    kw = dict(kw)
    if which == "summaries":
        add_batch(slides.summary_pack(**kw), lang)
        return
    code = kw.pop("indicator")
    if which == "pack":
        specs = slides.region_pack(code, **kw)[:3]  # national trend, regions compared, regional trends
    elif which == "regions":
        specs = slides.per_region(code, **kw)
    else:
        specs = slides.per_province(code, kw.pop("region"), **kw)
    add_batch(specs, lang)


def lang_choice(lang: str) -> str:
    """The deck's language (independent of the screen's; starts as the screen language)."""
    if st.session_state.get("deck_lang") not in i18n.LANGS:
        st.session_state["deck_lang"] = lang
    return st.radio(t("deck.lang", lang), list(i18n.LANGS), key="deck_lang", horizontal=True,
                    format_func=i18n.lang_name)
