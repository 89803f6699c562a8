"""PowerPoint decks from slide specs: native, editable charts, headline, footer, notes (python-pptx).

``build_deck(specs, lang=...)`` returns the bytes of a 16:9 .pptx: a title slide, then one slide per
spec with its title, a headline sentence computed from the charted table (ascc.headlines), one
chart, a source / "data as of" footer and speaker notes with the key numbers. Charts are native
PowerPoint charts with their data embedded (right-click > Edit Data works). The map is a picture of
the tile map rendered by Kaleido when a Chrome/Chromium is found, otherwise a ranked bar chart with a
note; a missing browser never fails the deck. On a demo dataset every slide carries a red-bordered
"DEMO DATA" mark.

Colours: ranking bars (and the map's fallback bars) take each province's progress status colour
(progress.STATUS_STYLE, icon beside the name, legend under the chart), as the app's status views do;
region bars and region lines take the app's region colours (charts.REGION_COLORS), the nation is dark.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import logging
import math
import os
import shutil
import sys
import unicodedata
from pathlib import Path

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from ascc import charts, db, headlines, i18n, progress, slides
from ascc.i18n import t

log = logging.getLogger(__name__)

# Set to 0 / false / no to never render map pictures (always the bar-chart fallback), e.g. on a
# server where starting a browser is unwelcome. Kaleido finds Chrome/Chromium on the PATH itself;
# BROWSER_PATH points it at another one.
MAP_IMAGES_ENV = "ASCC_DECK_MAP_IMAGES"
BROWSER_ENV = "BROWSER_PATH"
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
FONT = "Arial"  # on every Office install and mapped to Liberation Sans elsewhere; both cover Vietnamese
INK = RGBColor.from_string(charts.INK[1:])
MUTED = RGBColor.from_string(charts.MUTED[1:])
ACCENT = RGBColor.from_string(charts.LINE[1:])
GRID = RGBColor.from_string("D5DCE4")
DEMO_RED = RGBColor.from_string("B00020")
WHITE = RGBColor.from_string("FFFFFF")

# Layout of a content slide, in inches: (left, top, width, height).
MARGIN = 0.45
BOX_TITLE = (MARGIN, 0.25, 9.55, 0.85)
BOX_DEMO = (10.25, 0.32, 2.65, 0.42)
BOX_HEADLINE = (MARGIN, 1.17, 12.43, 0.78)
BOX_CHART = (MARGIN, 1.95, 12.43, 4.55)
BOX_NOTE = (MARGIN, 6.5, 12.43, 0.42)
BOX_FOOTER = (MARGIN, 7.0, 11.2, 0.34)
BOX_PAGE = (11.75, 7.0, 1.13, 0.34)
# A map slide: the map picture fills the height under the title at the left; the headline and the best
# and weakest provinces stand beside it.
BOX_MAP = (MARGIN, 1.17, 12.43, 5.28)
# A ranking longer than this is split into two (63 provinces: three) charts side by side on the same
# scale, so every name stays legible.
BARS_PER_COLUMN = 18

# Names of the shapes the deck adds, so tests and later edits can find them.
SHAPE_DEMO = "demo-mark"
SHAPE_HEADLINE = "headline"
SHAPE_FOOTER = "footer"
SHAPE_TITLE = "title"
SHAPE_NOTE = "note"
SHAPE_MAP = "map-picture"
# The default template's "Title Only" layout: a title placeholder (outline view, accessibility checker,
# screen readers find the slide's title there) and nothing else.
LAYOUT_TITLE_ONLY = 5
# Map pictures are laid out at this many pixels per slide inch (the tile map's 11-12 px labels on ~45 px
# tiles, as in the app), then rendered at MAP_SCALE times that for sharpness.
MAP_DPI = 150
MAP_SCALE = 2
# A region's few tiles are drawn no larger than this (px), so their labels keep a sensible size.
MAP_REGION_TILE_PX = 90


# --- public API --------------------------------------------------------------------------------


def build_deck(
    specs: list[dict],
    *,
    lang: str,
    title: str | None = None,
    subtitle: str | None = None,
    date: dt.date | str | None = None,
    organisation: str | None = None,
    map_images: bool | None = None,
) -> bytes:
    """A .pptx (bytes) with a title slide and one slide per spec, in ``lang`` ("vi" or "en").

    Empty title-slide fields take defaults in the deck language (app title and subtitle, today, the
    focal point); a spec's ``title`` replaces its automatic title when not empty. ``map_images``:
    True/None = render map pictures when a browser is found (None also honours ASCC_DECK_MAP_IMAGES),
    False = always the bar-chart fallback.
    """
    lang = i18n.norm_lang(lang)
    info = db.dataset_info()
    manifest = info.manifest
    as_of = fmt_date(manifest.get("data_as_of"), lang)
    use_images = _map_images_wanted(map_images)
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    datas = [slides.fetch(spec, lang) for spec in specs]
    total = len(datas) + 1
    _title_slide(
        prs, lang=lang, demo=info.is_demo, as_of=as_of,
        title=title or t("app.title", lang), subtitle=subtitle or t("app.subtitle", lang),
        date=fmt_date(date or dt.date.today(), lang), organisation=organisation or t("export.cover.org", lang),
        dataset=manifest.get(i18n.col("title", lang)) or "",
    )
    for i, (spec, data) in enumerate(zip(specs, datas, strict=True), start=2):
        _content_slide(prs, data, user_title=(spec.get("title") or "").strip(), lang=lang, demo=info.is_demo,
                       as_of=as_of, page=f"{i} / {total}", use_images=use_images)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def deck_filename(lang: str, today: dt.date | None = None) -> str:
    """A download name such as ``ascc-deck-vi-2026-11-02.pptx``."""
    return f"ascc-deck-{i18n.norm_lang(lang)}-{(today or dt.date.today()).isoformat()}.pptx"


fmt_date = i18n.fmt_date  # one way to write a date, in text and decks


def browser_path() -> str | None:
    """The Chrome/Chromium Kaleido would use: $BROWSER_PATH if it exists, else one on the PATH."""
    env = os.environ.get(BROWSER_ENV)
    if env:
        return env if Path(env).exists() else None
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def map_picture(data: slides.SlideData) -> bytes | None:
    """The tile map of a map slide as PNG bytes, or None when no browser (or Kaleido) can draw it.

    The picture is exactly as tall as the slide's map area (BOX_MAP at MAP_DPI) and as wide as the map
    needs, so it carries no blank margins.
    """
    if browser_path() is None:
        return None
    try:
        import kaleido  # noqa: F401  (Plotly's image export needs it)

        fig = map_figure(data, height=round(BOX_MAP[3] * MAP_DPI))
        return fig.to_image(format="png", width=fig.layout.width, height=fig.layout.height, scale=MAP_SCALE)
    except Exception as exc:  # any failure of the browser path falls back to the bar chart
        log.warning("map picture failed, using the bar-chart fallback: %s", exc)
        return None


def map_figure(data: slides.SlideData, *, height: int | None = None):
    """The app's tile map (ascc.maps.tile_map) of a map slide's table, without title (the slide has one).

    With a region in the spec, only that region's provinces are drawn (as on the Regions page). With a
    ``height`` (px), the figure is that tall and exactly as wide as the map's aspect needs.
    """
    from ascc import geo, maps

    info, lang = data.info, data.lang
    layout = geo.tile_layout(info["boundary"])
    if data.spec.get("region"):
        members = set(slides.provinces_of(data.spec["region"], info["boundary"])["area_id"])
        layout = layout[layout["area_id"].isin(members)]
    df = layout.merge(data.table, on="area_id", how="left")
    labels = df["tile_label"].fillna("").astype(str)
    df["label"] = labels if lang == "vi" else labels.map(_ascii)
    df["value_text"] = [headlines.fmt(v, info, lang) if pd.notna(v) else "" for v in df["value"]]
    df["hover"] = df["name"].fillna("")
    fig = maps.tile_map(df, lang=lang, title="", unit=info["unit"], colorscale_reversed=not info["higher_is_better"])
    fig.update_layout(margin=dict(t=8))
    if data.spec.get("region"):
        _zoom_to_region(fig, layout, info["boundary"])
    if height is not None:
        m = fig.layout.margin
        (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
        plot_h = height - m.t - m.b
        if data.spec.get("region"):
            plot_h = min(plot_h, round(MAP_REGION_TILE_PX * (y1 - y0)))
        fig.update_layout(height=plot_h + m.t + m.b, width=round(plot_h * (x1 - x0) / (y1 - y0)) + m.l + m.r)
    return fig


def _zoom_to_region(fig, tiles: pd.DataFrame, boundary: str) -> None:
    """A region's map: the axes on its tiles (and on an archipelago whose province is among them, with its
    label), the colour key and "no data" at the right instead of in the national grid's empty west."""
    from ascc import geo, maps

    arch = geo.archipelago_tiles(boundary)
    arch = arch[arch["parent_area_id"].isin(set(tiles["area_id"]))]
    xs = [*tiles["col"], *arch["col"]]
    ys = [*(-tiles["row"]), *(-arch["row"] - 1.0)]  # an archipelago's label sits under it
    right = 1.3 if len(arch) else 0.0  # and is wider than its square
    fig.update_layout(
        xaxis_range=[min(xs) - 0.55, max(xs) + 0.55 + right], yaxis_range=[min(ys) - 0.55, max(ys) + 0.55],
        margin=dict(r=130), legend=dict(x=1.0, xanchor="left", y=0, yanchor="bottom", orientation="v"),
    )
    fig.update_traces(selector=dict(name=maps.NAME_SCALE),
                      marker_colorbar=dict(x=1.0, xanchor="left", xpad=10, y=1, yanchor="top", lenmode="fraction", len=0.7))


# --- slides ------------------------------------------------------------------------------------


def _title_slide(prs, *, lang, demo, as_of, title, subtitle, date, organisation, dataset) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    band = slide.shapes.add_shape(1, 0, 0, Inches(0.35), SLIDE_H)  # 1 = rectangle
    band.fill.solid()
    band.fill.fore_color.rgb = ACCENT
    band.line.fill.background()
    _title(slide, (1.0, 1.9, 11.3, 1.6), title, size=36, anchor=MSO_ANCHOR.BOTTOM)
    _text(slide, (1.0, 3.6, 11.3, 0.9), subtitle, size=20, color=MUTED)
    _text(slide, (1.0, 4.9, 11.3, 0.5), organisation, size=18, color=INK, bold=True)
    _text(slide, (1.0, 5.4, 11.3, 0.45), date, size=16, color=MUTED)
    meta = " · ".join(p for p in (dataset, t("sidebar.data_as_of", lang, date=as_of) if as_of else "") if p)
    _text(slide, (1.0, *BOX_FOOTER[1:]), meta, size=11, color=MUTED, name=SHAPE_FOOTER)
    if demo:
        _demo_mark(slide, lang)
    slide.notes_slide.notes_text_frame.text = "\n".join(
        p for p in (title, subtitle, organisation, date, meta, t("demo.notice", lang) if demo else "") if p
    )


def _content_slide(prs, data: slides.SlideData, *, user_title, lang, demo, as_of, page, use_images) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    title = user_title or data.title
    _title(slide, BOX_TITLE, title, size=title_size(title))
    if data.spec["kind"] in slides.SUMMARY_KINDS:
        _summary_slide(slide, data, lang=lang, demo=demo, as_of=as_of, page=page)
        return
    sentence = headlines.headline(data.spec["kind"], data.table, data.info, lang)
    headline_size = 17 if len(sentence) <= 200 else 15
    notes: list[str] = []
    legend_statuses: list[str] = []
    kind = data.spec["kind"]
    rows = data.table[data.table["value"].notna()] if len(data.table) else data.table
    png = map_picture(data) if data.chart == "map" and use_images and not rows.empty else None
    if png is None:
        _text(slide, BOX_HEADLINE, sentence, size=headline_size, color=ACCENT, name=SHAPE_HEADLINE)
    if rows.empty:
        pass  # no chart: the headline says there are no figures for this choice
    elif data.chart == "line":
        _line_chart(slide, data)
    elif png is not None:
        _map_slide(slide, data, png, sentence, headline_size)
        notes.append(t("export.map_note", lang))
    else:
        _bar_chart(slide, rows, data.info, lang)
        if "progress" in rows:
            legend_statuses = [s for s in progress.STATUSES if s in set(rows["progress"])]
        if data.chart == "map":
            notes.append(t("export.map_fallback", lang))
    if data.chart == "line" and not rows.empty:  # the native line breaks at a year without a figure; say which
        gaps = {str(name): charts.gap_years(part["year"], part["value"])
                for name, part in data.table.groupby("series", sort=False) if part["role"].iloc[0] != "target"}
        if charts.gap_note(gaps, lang):
            notes.append(charts.gap_note(gaps, lang))
    if data.chart == "line" and data.info.get("break_year"):  # the native chart cannot draw the break line
        notes.append(t("export.note.break", lang, year=data.info["break_year"], reason=data.info.get("break_reason") or ""))
    if kind in ("national_trend", "province_trend", "region_trend") and (rows["status"] != "final").any():
        notes.append(t("export.note.hollow", lang))
    if rows.get("derived") is not None and bool(rows["derived"].any()):
        notes.append(t("export.note.derived", lang))
    if rows.get("estimated") is not None and bool(rows["estimated"].fillna(False).astype(bool).any()):
        notes.append(t("mark.estimated", lang).capitalize() + " †")
    _note_band(slide, legend_statuses, notes, lang)
    source = data.info.get("source") or ""
    footer = " · ".join(p for p in (t("chart.source", lang, source=source) if source else "",
                                    t("sidebar.data_as_of", lang, date=as_of) if as_of else "") if p)
    _text(slide, BOX_FOOTER, footer, size=10, color=MUTED, name=SHAPE_FOOTER)
    _text(slide, BOX_PAGE, page, size=10, color=MUTED, align=PP_ALIGN.RIGHT)
    if demo:
        _demo_mark(slide, lang)
    key_lines = headlines.note_lines(kind, data.table, data.info, lang)
    slide.notes_slide.notes_text_frame.text = "\n".join(
        [sentence, "", t("export.notes.key_numbers", lang), *key_lines, "", *notes, footer]
        + ([t("demo.notice", lang)] if demo else [])
    )


def _footer(slide, source: str, lang: str, as_of: str, page: str) -> str:
    footer = " · ".join(p for p in (t("chart.source", lang, source=source) if source else "",
                                    t("sidebar.data_as_of", lang, date=as_of) if as_of else "") if p)
    _text(slide, BOX_FOOTER, footer, size=10, color=MUTED, name=SHAPE_FOOTER)
    _text(slide, BOX_PAGE, page, size=10, color=MUTED, align=PP_ALIGN.RIGHT)
    return footer


def _summary_slide(slide, data: slides.SlideData, *, lang, demo, as_of, page) -> None:
    """A status-summary slide (headline cards, pillar summary, ministry ranking): headline sentence, a
    native table (cards) or native stacked bars (counts per status), the status legend, footer, notes."""
    kind, table = data.spec["kind"], data.table
    sentence = summary_headline(data)
    _text(slide, BOX_HEADLINE, sentence, size=17, color=ACCENT, name=SHAPE_HEADLINE)
    if kind == "headlines":
        _cards_table(slide, table, lang)
        shown = [s for s in progress.STATUSES if s in set(table["progress"].dropna())]
    else:
        _status_bars(slide, table, lang)
        shown = [s for s in progress.STATUSES if table[s].sum() > 0]
    _note_band(slide, shown, [], lang)
    footer = _footer(slide, data.info.get("source") or "", lang, as_of, page)
    if demo:
        _demo_mark(slide, lang)
    slide.notes_slide.notes_text_frame.text = "\n".join(
        [sentence, "", t("export.notes.key_numbers", lang), *summary_note_lines(data), "", footer]
        + ([t("demo.notice", lang)] if demo else [])
    )


def summary_headline(data: slides.SlideData) -> str:
    """The one-sentence finding of a status-summary slide, from its table."""
    kind, table, lang = data.spec["kind"], data.table, data.lang
    if kind == "headlines":
        prog = table["progress"].fillna("")
        return t("export.headline.headlines", lang, good=int(prog.isin(headlines.GOOD_STATUSES).sum()), n=len(table),
                 behind=int(prog.isin(progress.BEHIND).sum()))
    behind = table[list(progress.BEHIND)].sum(axis=1)
    if kind == "pillars":
        if behind.sum() == 0:
            return t("export.headline.pillars_none", lang, n=int(table["n"].sum()))
        worst = table.iloc[int(behind.to_numpy().argmax())]
        return t("export.headline.pillars", lang, behind=int(behind.sum()), n=int(table["n"].sum()),
                 pillar=worst["label"], k=int(behind.max()))
    if table.empty or table["behind"].iloc[0] == 0:
        return t("export.headline.ministries_none", lang)
    top = table.iloc[0]
    return t("export.headline.ministries", lang, name=top["name"], counts=top["counts_text"], share=top["share_text"])


def summary_note_lines(data: slides.SlideData) -> list[str]:
    """The key numbers of a status-summary slide for the speaker notes, one line per card or bar."""
    lang, table = data.lang, data.table
    if data.spec["kind"] == "headlines":
        return [" · ".join(_card_cells(r, lang)) for r in table.itertuples()]
    lines = []
    for r in table.itertuples():
        counts = ", ".join(f"{t('status.' + s, lang)} {int(getattr(r, s))}" for s in progress.STATUSES if getattr(r, s))
        lines.append(f"{r.label}: {counts or '–'}")
    return lines


def _card_cells(r, lang: str) -> list[str]:
    """A headline card as table cells: indicator, value, year, change since the base year, status."""
    dec = int(r.decimals)
    value = i18n.fmt_value(r.value, r.unit, lang, dec) if pd.notna(r.value) else t("card.no_data", lang)
    year = str(int(r.year)) if pd.notna(r.year) else "–"
    change = ""
    if pd.notna(r.change) and pd.notna(r.base_year):
        change = t("cards.change", lang, change=i18n.fmt_value(r.change, i18n.change_unit(r.unit, lang), lang, dec,
                                                              signed=True), year=int(r.base_year))
    style = progress.STATUS_STYLE.get(r.progress or "")
    word = f"{style['icon']} {t('status.' + r.progress, lang)}" if style else t("cards.no_status", lang)
    return [str(r.short_name), value, year, change or "–", word]


def _cards_table(slide, table: pd.DataFrame, lang: str) -> None:
    """The headline cards as a native table (editable): one row per card, the status cell in its colour."""
    left, top, width, _ = BOX_CHART
    n = len(table)
    row_h = min(0.8, 4.0 / max(n + 1, 1))
    widths = (4.0, 2.75, 0.9, 2.55, 2.23)
    size = 16 if n <= 5 else 13
    shape = slide.shapes.add_table(n + 1, len(widths), Inches(left), Inches(top + 0.1), Inches(width),
                                   Inches(row_h * (n + 1)))
    shape.name = "cards-table"
    tbl = shape.table
    for j, w in enumerate(widths):
        tbl.columns[j].width = Inches(w)
    heads = [t("export.col.indicator", lang), t("export.col.value", lang), t("export.col.year", lang),
             t("export.col.change", lang), t("export.col.status", lang)]
    for j, text in enumerate(heads):
        _cell(tbl.cell(0, j), text, size=size - 2, color=WHITE, bold=True, fill=ACCENT)
    for i, r in enumerate(table.itertuples(), start=1):
        style = progress.STATUS_STYLE.get(r.progress or "")
        for j, text in enumerate(_card_cells(r, lang)):
            if j == 4 and style:
                _cell(tbl.cell(i, j), text, size=size - 1, color=WHITE, bold=True, fill=RGBColor.from_string(style["color"][1:]))
            else:
                _cell(tbl.cell(i, j), text, size=size + 2 if j == 1 else size - 1 if j == 3 else size, color=INK,
                      bold=j in (0, 1), fill=WHITE)


def _cell(cell, text: str, *, size: int, color: RGBColor, bold: bool, fill: RGBColor) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = fill
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    tf = cell.text_frame
    tf.word_wrap = True
    tf.text = ""
    _run(tf.paragraphs[0], text, size=size, color=color, bold=bold)


def _status_bars(slide, table: pd.DataFrame, lang: str) -> None:
    """Counts per status as native stacked horizontal bars (one bar per pillar or ministry, top first),
    in the status colours, counts inside the segments."""
    nf = number_format(0, lang)
    cd = CategoryChartData(number_format=nf)
    cd.categories = [str(c) for c in table["label"]]
    statuses = [s for s in progress.STATUSES if table[s].sum() > 0] or list(progress.STATUSES[:1])
    for s in statuses:
        # Zero segments are left empty (no "0" label in a segment of no width).
        cd.add_series(t("status." + s, lang), [int(v) if v else None for v in table[s]], number_format=nf)
    left, top, width, height = BOX_CHART
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, Inches(left), Inches(top), Inches(width), Inches(height), cd)
    chart = frame.chart
    chart.has_title = False
    chart.has_legend = False  # the note band under the chart is the legend (icon + word)
    size = 14 if len(table) <= 8 else 12
    _style_axes(chart, nf=nf, size=size)
    chart.category_axis.reverse_order = True
    _label_every_category(chart)
    va = chart.value_axis
    va.minimum_scale = 0
    va.maximum_scale = max(1, int(table["n"].max()))
    va.major_unit = 1 if va.maximum_scale <= 12 else 5
    va.has_title = True
    va.axis_title.text_frame.text = t("chart.n_indicators", lang)
    _font(va.axis_title.text_frame.paragraphs[0], size=size, color=MUTED)
    plot = chart.plots[0]
    plot.gap_width = 50
    plot.overlap = 100
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = nf
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.CENTER
    labels.font.size = Pt(size)
    labels.font.bold = True
    labels.font.color.rgb = WHITE
    for series, s in zip(plot.series, statuses, strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(progress.STATUS_STYLE[s]["color"][1:])


def title_size(title: str) -> int:
    """Font size (pt) that keeps a slide title on one line of the title box where it can, else two."""
    # About 0.5 em per character in bold Arial: 24 pt fits ~57 characters in 9.5 in, 20 pt ~69.
    if len(title) <= 55:
        return 24
    if len(title) <= 68:
        return 20
    return 20 if len(title) <= 120 else 16


def _note_band(slide, statuses: list[str], notes: list[str], lang: str) -> None:
    """Under the chart: the status legend (coloured icon + word) and short notes."""
    if not statuses and not notes:
        return
    box = slide.shapes.add_textbox(*(Inches(v) for v in BOX_NOTE))
    box.name = SHAPE_NOTE
    tf = box.text_frame
    tf.word_wrap = True
    _no_insets(tf)
    p = tf.paragraphs[0]
    if statuses:
        for s in statuses:
            style = progress.STATUS_STYLE[s]
            mark = "■ " + style["icon"] if style["icon"] != "■" else "■"
            _run(p, mark + " ", size=11, color=RGBColor.from_string(style["color"][1:]), bold=True)
            _run(p, t("status." + s, lang) + "    ", size=11, color=INK)
        if notes:
            p = tf.add_paragraph()
    if notes:
        _run(p, "  ".join(notes), size=10, color=MUTED)


# --- charts ------------------------------------------------------------------------------------


# The locale a chart's number formats are written in, per deck language (Windows language ids).
# NOTE: a format code always writes "," for grouping and "." for the decimal mark; the viewer draws its
# own locale's separators. The [$-42A] prefix says the format is Vietnamese: LibreOffice then draws
# 1.234,50 and 0,90 whatever its own locale (checked: soffice --convert-to pdf under C.UTF-8 and en-US),
# as the headline and the notes write them. Microsoft Office reads the prefix for dates and currency
# only and draws numbers with the system's separators ("Use system separators"): a Vietnamese deck opened
# in PowerPoint on an English-locale Windows shows 0.90 in its charts beside the headline's 0,90 %. The
# alternative, labels written as fixed text, would go stale when someone edits the chart's data, so
# the labels stay numbers and the rest of the slide's text carries the deck language's formatting.
NUMBER_LOCALE = {"vi": "[$-42A]", "en": "[$-409]"}


def number_format(decimals: int, lang: str) -> str:
    """Number format of an indicator's values in a deck language: '[$-42A]#,##0.0' for one decimal in Vietnamese."""
    return NUMBER_LOCALE[i18n.norm_lang(lang)] + "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def axis_format(vmin: float, vmax: float, decimals: int, lang: str) -> str:
    """Tick-label format: whole numbers once the axis spans 10 or more, else one decimal at most."""
    span = abs(vmax - vmin)
    return number_format(0 if span >= 10 else min(decimals, 1), lang)


def chart_values(values, decimals: int) -> list[float | None]:
    """The values written into a chart (its cache and embedded workbook): at the published precision,
    rounded half up as everywhere (progress.round_published), so "Edit Data" shows 9.2, not 9.199997535942513."""
    return [None if v is None or pd.isna(v) else progress.round_published(float(v), decimals) for v in values]


def _label_number_format(label, nf: str) -> None:
    """Give one point's data label its own number format (python-pptx sets none on a point's label)."""
    from pptx.oxml.ns import qn
    from pptx.oxml.xmlchemy import OxmlElement

    dlbl = label._get_or_add_dLbl()
    for old in dlbl.findall(qn("c:numFmt")):
        dlbl.remove(old)
    fmt = OxmlElement("c:numFmt")
    fmt.set("formatCode", nf)
    fmt.set("sourceLinked", "0")
    # Schema order: idx, layout, tx, numFmt, spPr, txPr, dLblPos, showLegendKey, ...
    dlbl.insert_element_before(fmt, "c:spPr", "c:txPr", "c:dLblPos", "c:showLegendKey", "c:showVal",
                               "c:showCatName", "c:showSerName", "c:showPercent", "c:showBubbleSize",
                               "c:separator", "c:extLst")


def _style_axes(chart, *, nf: str, size: int) -> None:
    chart.font.name = FONT
    chart.font.size = Pt(size)
    chart.font.color.rgb = INK
    va = chart.value_axis
    va.has_major_gridlines = True
    va.major_gridlines.format.line.color.rgb = GRID
    va.major_gridlines.format.line.width = Pt(0.75)
    va.format.line.fill.background()
    va.tick_labels.number_format = nf
    va.tick_labels.number_format_is_linked = False
    va.tick_labels.font.size = Pt(size)
    va.tick_labels.font.color.rgb = MUTED
    ca = chart.category_axis
    ca.format.line.color.rgb = GRID
    ca.tick_labels.font.size = Pt(size)
    ca.has_major_gridlines = False


def _bar_chart(slide, rows: pd.DataFrame, info: dict, lang: str) -> None:
    """Horizontal bars, best at the top, each in its row's colour, value labels outside; columns if long."""
    nf = number_format(info["decimals"], lang)
    n = len(rows)
    n_cols = 1 if n <= BARS_PER_COLUMN else 2 if n <= 2 * BARS_PER_COLUMN + 12 else 3
    per_col = math.ceil(n / n_cols)
    parts = [rows.iloc[i : i + per_col] for i in range(0, n, per_col)]
    left, top, width, height = BOX_CHART
    gap = 0.3
    col_w = (width - gap * (len(parts) - 1)) / len(parts)
    vmax = float(rows["value"].max())
    vmin = float(rows["value"].min())
    per_bar = height * 72 / max(len(p) for p in parts)
    size = int(max(8, min(14, per_bar * 0.55)))
    for i, part in enumerate(parts):
        cd = CategoryChartData(number_format=nf)
        cd.categories = [str(c) for c in part["label"]]
        cd.add_series(info["short_name"], chart_values(part["value"], info["decimals"]), number_format=nf)
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, Inches(left + i * (col_w + gap)), Inches(top), Inches(col_w), Inches(height), cd
        )
        chart = frame.chart
        chart.has_legend = False
        chart.has_title = False
        _style_axes(chart, nf=axis_format(min(0.0, vmin), vmax, info["decimals"], lang), size=size)
        chart.category_axis.reverse_order = True  # first row (the best) at the top
        _label_every_category(chart)
        va = chart.value_axis
        va.minimum_scale = min(0.0, vmin * 1.1)
        va.maximum_scale = _nice_max(vmax * 1.12) if vmax > 0 else 0.0
        if info["unit"]:
            va.has_title = True
            va.axis_title.text_frame.text = info["unit"]
            _font(va.axis_title.text_frame.paragraphs[0], size=size, color=MUTED)
        plot = chart.plots[0]
        plot.gap_width = 45 if len(part) > 6 else 90 if len(part) > 3 else 160  # few bars: not too fat
        plot.vary_by_categories = False
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = nf
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(size)
        labels.font.color.rgb = INK
        series = plot.series[0]
        for j, color in enumerate(part["color"]):
            fill = series.points[j].format.fill
            fill.solid()
            fill.fore_color.rgb = RGBColor.from_string(str(color)[1:])


def _label_every_category(chart) -> None:
    """Name every bar: viewers otherwise skip every other category label on a long axis."""
    from pptx.oxml.ns import qn
    from pptx.oxml.xmlchemy import OxmlElement

    cat_ax = chart.category_axis._element
    for old in cat_ax.findall(qn("c:tickLblSkip")):
        cat_ax.remove(old)
    skip = OxmlElement("c:tickLblSkip")
    skip.set("val", "1")
    # Schema order: ... lblOffset, tickLblSkip, tickMarkSkip, noMultiLvlLbl, extLst.
    following = [cat_ax.find(qn(tag)) for tag in ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")]
    anchor = next((el for el in following if el is not None), None)
    if anchor is not None:
        anchor.addprevious(skip)
    else:
        cat_ax.append(skip)


def _nice_max(value: float) -> float:
    """A round axis maximum at or above value (1, 2, 2.5, 5 x 10^k)."""
    if value <= 0:
        return value
    k = 10 ** math.floor(math.log10(value))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * k >= value:
            return m * k
    return 10 * k


def _line_chart(slide, data: slides.SlideData) -> None:
    """Years across, one line per series (region colours, nation dark, target dashed), hollow = not final."""
    info, table = data.info, data.table
    nf = number_format(info["decimals"], data.lang)
    years = list(range(int(table["year"].min()), int(table["year"].max()) + 1))
    cd = CategoryChartData(number_format=nf)
    cd.categories = [str(y) for y in years]
    groups = list(table.groupby("series", sort=False))
    for name, part in groups:
        by_year = dict(zip(part["year"].astype(int), part["value"], strict=True))
        cd.add_series(str(name), chart_values([by_year.get(y) for y in years], info["decimals"]), number_format=nf)
    left, top, width, height = BOX_CHART
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Inches(left), Inches(top), Inches(width), Inches(height), cd)
    chart = frame.chart
    chart.has_title = False
    values = table["value"].dropna()
    _style_axes(chart, nf=axis_format(min(0.0, float(values.min())), float(values.max()), info["decimals"], data.lang),
                size=13)
    if info["unit"]:
        chart.value_axis.has_title = True
        chart.value_axis.axis_title.text_frame.text = info["unit"]
        _font(chart.value_axis.axis_title.text_frame.paragraphs[0], size=12, color=MUTED)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT if len(groups) > 3 else XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(13)
    label_all = data.spec["kind"] == "national_trend"
    first = headlines.focus(data.spec["kind"], table, info)
    ordered = sorted(groups, key=lambda g: first.index(g[0]) if g[0] in first else len(first))
    labelled = _end_labels(ordered, span=float(values.max()) - min(0.0, float(values.min())))
    for series, (name, part) in zip(chart.plots[0].series, groups, strict=True):
        role = part["role"].iloc[0]
        color = RGBColor.from_string(str(part["color"].iloc[0])[1:])
        series.smooth = False
        line = series.format.line
        line.color.rgb = color
        line.width = Pt(4 if role in ("province", "nation") and data.spec["kind"] != "region_trend" else 2.5)
        if role == "nation" and data.spec["kind"] == "region_trend":
            line.width = Pt(4)
        if role == "target":
            line.dash_style = MSO_LINE_DASH_STYLE.DASH
            line.width = Pt(2)
            series.marker.style = XL_MARKER_STYLE.NONE
            continue
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 8
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = color
        series.marker.format.line.color.rgb = color
        by_year = {int(y): (s, v) for y, s, v in zip(part["year"], part["status"], part["value"], strict=True)}
        for j, y in enumerate(years):
            if y not in by_year:
                continue
            status, _ = by_year[y]
            if status != "final":
                point = series.points[j]
                point.marker.style = XL_MARKER_STYLE.CIRCLE
                point.marker.size = 8
                point.marker.format.fill.solid()
                point.marker.format.fill.fore_color.rgb = WHITE
                point.marker.format.line.color.rgb = color
        last = max(by_year)
        for j, y in enumerate(years):
            if y in by_year and (label_all or (y == last and name in labelled)):
                dl = series.points[j].data_label
                _label_number_format(dl, nf)
                dl.position = XL_LABEL_POSITION.ABOVE if label_all else XL_LABEL_POSITION.RIGHT
                dl.font.size = Pt(12)
                dl.font.color.rgb = color


def _end_labels(groups, *, span: float) -> set:
    """The series whose last value gets a label: targets never, and none closer than 4 % of the axis
    to one already labelled (the series listed first win: those the headline names)."""
    taken: list[float] = []
    out = set()
    for name, part in groups:
        if part["role"].iloc[0] == "target":
            continue
        last = part.dropna(subset=["value"]).sort_values("year")["value"]
        if last.empty:
            continue
        v = float(last.iloc[-1])
        if all(abs(v - w) > 0.04 * span for w in taken):
            taken.append(v)
            out.add(name)
    return out


def _map_slide(slide, data: slides.SlideData, png: bytes, sentence: str, headline_size: int) -> None:
    """The tile map picture at the left, as tall as the map area (aspect kept); beside it the headline,
    then the five best and five weakest provinces."""
    left, top, width, height = BOX_MAP
    pic = slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top))
    pic.name = SHAPE_MAP
    # At its layout size (MAP_DPI): the national map is exactly the area's height, a region's may be less.
    pic_h = min(height, pic.image.size[1] / (MAP_DPI * MAP_SCALE))
    pic.width, pic.height = int(pic.width * Inches(pic_h) / pic.height), int(Inches(pic_h))
    pic_w = Emu(pic.width).inches
    if pic_w > width * 0.62:  # a wide picture (a region spread east-west): fit the width instead
        scale = width * 0.62 / pic_w
        pic.width, pic.height = int(pic.width * scale), int(pic.height * scale)
        pic_w = Emu(pic.width).inches
    info, lang = data.info, data.lang
    rows = data.table[data.table["value"].notna()]
    k = min(5, len(rows) // 2) or len(rows)
    x = left + pic_w + 0.4
    _text(slide, (x, top, width - (x - left), 1.3), sentence, size=headline_size, color=ACCENT, name=SHAPE_HEADLINE)
    box = slide.shapes.add_textbox(Inches(x), Inches(top + 1.5), Inches(width - (x - left)), Inches(height - 1.5))
    tf = box.text_frame
    tf.word_wrap = True
    p = tf.paragraphs[0]
    _run(p, t("export.map_best", lang, n=k), size=16, bold=True, color=INK)
    for r in rows.head(k).itertuples():
        _row_line(tf, r, info, lang)
    if len(rows) > k:
        p = tf.add_paragraph()
        p.space_before = Pt(14)
        _run(p, t("export.map_worst", lang, n=k), size=16, bold=True, color=INK)
        for r in rows.tail(k).itertuples():
            _row_line(tf, r, info, lang)


def _row_line(tf, r, info: dict, lang: str) -> None:
    p = tf.add_paragraph()
    style = progress.STATUS_STYLE.get(getattr(r, "progress", None) or "", None)
    if style:
        _run(p, style["icon"] + " ", size=14, color=RGBColor.from_string(style["color"][1:]), bold=True)
    _run(p, f"{int(r.rank)}. {r.name}: ", size=14, color=INK)
    _run(p, headlines.fmt(r.value, info, lang), size=14, color=INK, bold=True)


# --- text helpers ------------------------------------------------------------------------------


def _no_insets(tf) -> None:
    tf.margin_left = tf.margin_right = Inches(0.02)
    tf.margin_top = tf.margin_bottom = Inches(0.02)


def _run(p, text: str, *, size: int, color: RGBColor, bold: bool = False) -> None:
    run = p.add_run()
    run.text = text
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = color


def _font(p, *, size: int, color: RGBColor, bold: bool = False) -> None:
    for run in p.runs:
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color


def _title(slide, box, text: str, *, size: int, anchor=MSO_ANCHOR.TOP):
    """The slide's title in its title placeholder, placed and styled like the deck's other text."""
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in box)
    shape.name = SHAPE_TITLE
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE  # the size is chosen (title_size), not shrunk by the viewer
    tf.vertical_anchor = anchor
    _no_insets(tf)
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.LEFT  # the template's titles are centred
    _run(p, text, size=size, color=INK, bold=True)
    return shape


def _text(slide, box, text: str, *, size: int, color: RGBColor, bold: bool = False, name: str | None = None,
          align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP):
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    if name:
        shape.name = name
    tf = shape.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = anchor
    _no_insets(tf)
    p = tf.paragraphs[0]
    p.alignment = align
    _run(p, text, size=size, color=color, bold=bold)
    return shape


def _demo_mark(slide, lang: str) -> None:
    """The red-bordered "DEMO DATA — simulated" box at the top right of a slide."""
    shape = slide.shapes.add_textbox(*(Inches(v) for v in BOX_DEMO))
    shape.name = SHAPE_DEMO
    shape.fill.solid()
    shape.fill.fore_color.rgb = WHITE
    shape.line.color.rgb = DEMO_RED
    shape.line.width = Pt(2)
    tf = shape.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.CENTER
    _run(p, t("demo.mark", lang), size=13, color=DEMO_RED, bold=True)


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _map_images_wanted(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return os.environ.get(MAP_IMAGES_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


# --- command line ------------------------------------------------------------------------------


def cli_run(args: argparse.Namespace) -> int:
    """``python -m ascc export-deck``: check the arguments against the dataset, build and write the deck.

    Returns 2 with a message on stderr for an unknown indicator or region, or a year without values.
    """
    try:
        specs = cli_specs(args.indicator, by=args.by, region=args.region, year=args.year, boundary=args.boundary)
    except slides.SpecError as exc:
        print(f"export-deck: {exc}", file=sys.stderr)
        return 2
    data = build_deck(specs, lang=args.lang, map_images=False if args.no_map_images else None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {len(specs) + 1} slides to {args.out}")
    return 0


def cli_specs(indicator: str, *, by: str, region: str | None, year: int | None, boundary: str) -> list[dict]:
    """The specs of a command-line deck, after checking indicator, region and year (SpecError if wrong)."""
    known = db.run_query("indicator_list", lang="en")["indicator_code"].tolist()
    if indicator not in known:
        raise slides.SpecError(f"unknown indicator {indicator!r}; known: {', '.join(known)}")
    regions = list(slides.region_names("en"))
    if region is not None and region not in regions:
        raise slides.SpecError(f"unknown region {region!r}; known: {', '.join(regions)}")
    if by == "province" and region is None:
        raise slides.SpecError(f"--by province needs --region (one of {', '.join(regions)})")
    years = db.run_query("indicator_years", indicator=indicator, boundary=boundary, breakdown="total")["year"].tolist()
    if not years:
        raise slides.SpecError(f"{indicator} has no province values on the {boundary}-province set")
    if year is not None and year not in years:
        raise slides.SpecError(
            f"no {indicator} values for {year} on the {boundary}-province set; years with values: "
            f"{min(years)}–{max(years)}" + ("" if len(years) == max(years) - min(years) + 1 else f" ({', '.join(map(str, years))})")
        )
    if by == "region":
        return slides.region_pack(indicator, boundary=boundary, year=year)
    return slides.province_pack(indicator, region, boundary=boundary, year=year)
