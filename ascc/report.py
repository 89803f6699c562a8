"""The report to the Prime Minister: an editable, bilingual Word document built from the data the pages show.

``build_report(lang=..., year=..., boundary=...)`` returns the bytes of a .docx (python-docx): a cover
(title, period, dataset and its kind, data as of), a table of contents (a TOC field Word updates), an
executive summary, one section per ASCC characteristic (status table and chart), per lead ministry
(the assignment after the March 2025 merger) and per socio-economic region (provinces on the
headline indicators, rebuilt values marked), what the next plan must address, and annexes (every
indicator; the method, in the Methodology page's words). Headings use Word's Heading styles, tables
are native tables with captions ("Bảng 1" / "Table 1"), charts are PNG pictures with alt text and
captions ("Hình 1" / "Figure 1"), the footer numbers the pages (PAGE field); on a demo dataset the
header of every page says the data are simulated.

One source of figures: the national values are the Overview's (query ``national_summary``, which reads
``region_results``), statuses come from ``ascc.status`` (the one progress engine), the provinces furthest
behind from ``ascc.progress_views`` as on the Ministries page, provinces and regions from the Regions
page's queries. Nothing is recomputed here by other rules: ``collect`` gathers those frames and the
sections only select and format them.

Charts are drawn by the app's own builders (ascc.charts) and rendered by Kaleido in one batch, in a
thread that runs while the document is written; without Chrome/Chromium the report says so and
keeps its tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import logging
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ascc import (
    charts,
    db,
    export,
    i18n,
    lookups,
    progress,
    progress_views,
    settings,
    sources,
    status,
    targets,
)
from ascc.i18n import t

log = logging.getLogger(__name__)

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"  # the font of Vietnamese official documents; Liberation Serif elsewhere, both cover Vietnamese
INK = RGBColor.from_string("1B1F24")
MUTED = RGBColor.from_string("5F6B7A")
ACCENT = RGBColor.from_string("0B5394")
DEMO_RED = RGBColor.from_string("B00020")
HEADER_FILL = "E8EEF5"
TEXT_WIDTH_CM = 16.0  # A4 (21 cm) less margins of 3 cm (left) and 2 cm (right)
# Chart pictures: drawn this many CSS pixels wide (so 13 px type prints at about 8 pt on TEXT_WIDTH_CM) and
# rendered at 3x: about 320 dpi at that width.
CHART_PX = 720
CHART_SCALE = 3
CELL_MARGIN_TWIPS = 57  # 0.1 cm
KEEP_TOGETHER_ROWS = 20  # tables up to this many rows are kept on one page
BEHIND = ("accelerate", "limited", "deteriorating")
MINISTRY_DATE = dt.date(2025, 7, 1)  # the assignment after the March 2025 merger, as the Ministries page shows


# --- the figures -------------------------------------------------------------------------------


@dataclass
class ReportData:
    """Everything the report shows, from the pages' own queries and the status engine (``collect``)."""

    lang: str
    year: int | None
    boundary: str
    info: db.DatasetInfo
    summary: pd.DataFrame  # national_summary: the Overview's national values, one row per indicator
    nation: pd.DataFrame  # status.assessments("nation"): one row per indicator with national figures
    provinces: pd.DataFrame  # status.assessments("province") on the boundary set
    worst: pd.DataFrame  # progress_views.furthest_behind_each(provinces): up to 3 rows per indicator
    pillars: pd.DataFrame
    leads: pd.DataFrame
    mergers: pd.DataFrame
    regions: pd.DataFrame
    definitions: pd.DataFrame
    split: pd.DataFrame
    area_names: Mapping[str, str]
    # headline indicator -> (year, province_ranking, region_summary), as on the Regions page
    rankings: dict[str, tuple[int, pd.DataFrame, pd.DataFrame]] = field(default_factory=dict)

    def status_of(self, code: str) -> str | None:
        """The national status of an indicator (None when it has no national figures)."""
        if "_national" not in self.__dict__:
            self.__dict__["_national"] = dict(zip(self.nation["indicator_code"], self.nation["status"], strict=True))
        return self.__dict__["_national"].get(code)

    @property
    def headline(self) -> pd.DataFrame:
        return self.summary[self.summary["headline"]]


def collect(*, lang: str, year: int | None = None, boundary: str = "34") -> ReportData:
    """The report's figures for the dataset in force: the queries and assessments the pages use."""
    return complete(collect_national(lang=lang, year=year, boundary=boundary))


def collect_national(*, lang: str, year: int | None = None, boundary: str = "34") -> ReportData:
    """The national figures only (enough for the charts, which are drawn while ``complete`` runs)."""
    lang = i18n.norm_lang(lang)
    empty = pd.DataFrame()
    return ReportData(
        lang=lang, year=year, boundary=boundary, info=db.dataset_info(),
        summary=db.run_query("national_summary", lang=lang, year=year, headline_only=None),
        nation=status.assessments("nation", boundary, as_of=year), provinces=empty, worst=empty,
        pillars=db.run_query("pillars_list", lang=lang), leads=empty, mergers=empty, regions=empty,
        definitions=empty, split=empty, area_names={},
    )  # fmt: skip


def complete(data: ReportData) -> ReportData:
    """``data`` with the provinces, ministries, regions and definitions filled in."""
    lang, year, boundary = data.lang, data.year, data.boundary
    data.provinces = status.assessments("province", boundary, as_of=year)
    data.worst = progress_views.furthest_behind_each(data.provinces)
    data.leads = db.run_query("ministry_leads", lang=lang, as_of=MINISTRY_DATE)
    data.mergers = db.run_query("ministry_mergers", lang=lang)
    data.regions = db.run_query("regions_list", lang=lang)
    data.definitions = db.run_query("indicator_definitions", lang=lang)
    data.split = db.run_query("split_provinces", lang=lang)
    data.area_names = lookups.column_map("area_names", "area_id", "name", lang=lang)
    for code in data.headline["indicator_code"]:
        y = ranking_year(code, year, boundary)
        if y is None:
            continue
        ranking = db.run_query("province_ranking", lang=lang, indicator=code, boundary=boundary, year=y, breakdown="total")
        regional = db.run_query("region_summary", lang=lang, indicator=code, boundary=boundary, year=y, breakdown="total")
        data.rankings[code] = (y, ranking, regional)
    return data


def ranking_year(code: str, year: int | None, boundary: str) -> int | None:
    """The year of an indicator's province table: the chosen year when it has province values, else the
    latest earlier one (no year chosen: the latest), as the Regions page picks it; None without values."""
    years = db.run_query("indicator_years", indicator=code, boundary=boundary, breakdown="total")["year"]
    if year is not None:
        if year in set(years):
            return int(year)
        years = years[years <= year]
    return int(years.max()) if len(years) else None


def status_counts(data: ReportData) -> dict[str, int]:
    """How many indicators are in each national status (only statuses that occur, best first)."""
    found = data.nation["status"].value_counts()
    return {s: int(found[s]) for s in progress.STATUSES if s in found.index}


def largest_gains(data: ReportData, n: int = 3) -> list[pd.Series]:
    """The indicators that improved most since the base year, in relative terms and the desired direction,
    from the Overview's base and latest values (a series break since the base year excludes an indicator:
    its change mixes two methods)."""
    s = data.summary.dropna(subset=["base_value", "latest_value"])
    s = s[~s["break_since_base"] & (s["latest_year"] > s["base_year"]) & (s["base_value"] != 0)]
    if s.empty:
        return []
    sign = s["higher_is_better"].map({True: 1.0, False: -1.0})
    rel = sign * (s["latest_value"] - s["base_value"]) / s["base_value"].abs()
    s = s.assign(_rel=rel)
    s = s[s["_rel"] > 0].sort_values("_rel", ascending=False)
    return [r for _, r in s.head(n).iterrows()]


def provinces_behind(data: ReportData, n: int = 5) -> list[tuple[str, list[str]]]:
    """The provinces most often among the three furthest behind on an indicator (the Ministries page's
    rule) with a status behind schedule: (area_id, indicator codes), most indicators first."""
    worst = data.worst[data.worst["status"].isin(BEHIND)]
    counted: dict[str, list[str]] = {}
    for area, code in zip(worst["area_id"], worst["indicator_code"], strict=True):
        counted.setdefault(area, []).append(code)
    order = data.summary["indicator_code"].tolist()
    ranked = sorted(counted.items(), key=lambda kv: (-len(kv[1]), data.area_names.get(kv[0], kv[0])))
    return [(area, sorted(codes, key=order.index)) for area, codes in ranked[:n]]


# --- formatting -------------------------------------------------------------------------------


def fmt(value, row, lang: str, *, unit: bool = True) -> str:
    """A value of an indicator row (unit, decimals) as the pages print it; "–" when missing."""
    if value is None or pd.isna(value):
        return "–"
    return i18n.fmt_value(value, row["unit"] if unit else "", lang, int(row["decimals"]))


def status_label(s: str | None, lang: str) -> str:
    """Icon and word ("◆ Cần đẩy nhanh"), as the pages label a status; "–" for none."""
    if s not in progress.STATUS_STYLE:
        return "–"
    return f"{progress.STATUS_STYLE[s]['icon']} {t('status.' + s, lang)}"


def join_words(items: list[str], lang: str) -> str:
    """"a, b và c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('report.and', lang)} " + items[-1]


def way_text(a, lang: str) -> str:
    """"61 % / 67 %": the share of the way to the target covered against the share expected by now (the
    Pillars and Ministries pages' figures), "–" when there is no way to cover (no target, or met at the base)."""
    if a is None or pd.isna(a["achieved_share"]):
        return "–"
    pct = lambda v: i18n.fmt_value(100 * v, "%", lang, 0).replace(" ", "\u00a0")  # noqa: E731  ("54 %" on one line)
    return pct(a["achieved_share"]) + (" / " + pct(a["expected_share"]) if pd.notna(a["expected_share"]) else "")


def summary_sentences(data: ReportData) -> dict[str, object]:
    """The executive summary as text: scope, counts, one line per headline indicator, the largest gains,
    the provinces furthest behind. Every figure comes from ``data`` (the Overview's values and statuses)."""
    lang = data.lang
    s = data.summary
    latest = s["latest_year"].dropna()
    out: dict[str, object] = {
        "scope": t("report.s.scope", lang, n=len(s), year=int(latest.max()) if len(latest) else "–"),
    }
    counts = status_counts(data)
    parts = [t(f"report.count.{k}" + ("_one" if v == 1 else ""), lang, n=v) for k, v in counts.items()]
    out["counts"] = t("report.s.counts", lang, n=sum(counts.values()), parts=join_words(parts, lang)) if parts else ""
    missing = s[s["latest_value"].isna()]
    out["no_data"] = (t("report.s.no_data", lang, n=len(missing), names=", ".join(missing["short_name"]))
                      if len(missing) else "")  # fmt: skip
    out["headline"] = [headline_sentence(r, data) for _, r in data.headline.iterrows()]
    out["gains"] = [
        t("report.s.gain", lang, name=r["short_name"], move=_movement(r, lang),
          rel=i18n.fmt_value(100 * (r["latest_value"] - r["base_value"]) / abs(r["base_value"]), "%", lang, 0, signed=True))
        for r in largest_gains(data)
    ]  # fmt: skip
    out["behind"] = [
        t("report.s.behind_item", lang, name=data.area_names.get(a, a), n=len(codes),
          codes=", ".join(_short_names(data)[c] for c in codes))
        for a, codes in provinces_behind(data)
    ]  # fmt: skip
    return out


def _short_names(data: ReportData) -> dict[str, str]:
    return dict(zip(data.summary["indicator_code"], data.summary["short_name"], strict=True))


def _movement(r: pd.Series, lang: str) -> str:
    key = "export.hl.move_up" if r["latest_value"] > r["base_value"] else "export.hl.move_down"
    return t(key, lang, v0=fmt(r["base_value"], r, lang), y0=int(r["base_year"]),
             v1=fmt(r["latest_value"], r, lang), y1=int(r["latest_year"]))  # fmt: skip


def headline_sentence(r: pd.Series, data: ReportData) -> str:
    """One headline indicator as its Overview card reads: latest value, change since the base, target and
    distance to it (or met), status."""
    lang = data.lang
    if pd.isna(r["latest_value"]):
        return f"{r['short_name']}: {t('card.no_data', lang)}."
    change = ""
    if pd.notna(r["change"]):
        text = i18n.fmt_value(r["change"], i18n.change_unit(r["unit"], lang), lang, int(r["decimals"]), signed=True)
        change = t("report.s.change", lang, change=text, base=int(r["base_year"]))
    target = targets.of_row(r)
    if target is None:
        goal = t("report.s.no_target", lang)
    else:
        goal = t("report.s.target", lang, year=int(r["target_year"]), target=target.text(r["unit"], lang, int(r["decimals"])))
        if not target.is_pace and r["target_met"] is True:
            goal += " (" + t("card.target_met", lang).lower() + ")"
        elif not target.is_pace and pd.notna(r["gap"]):
            gap = i18n.fmt_value(abs(r["gap"]), i18n.change_unit(r["unit"], lang), lang, int(r["decimals"]))
            goal += ", " + t("report.s.gap", lang, gap=gap)
    return t("report.s.headline", lang, name=r["short_name"], value=fmt(r["latest_value"], r, lang),
             year=int(r["latest_year"]), change=change, target=goal, status=status_label(data.status_of(r["indicator_code"]), lang))  # fmt: skip


# --- charts ------------------------------------------------------------------------------------


@dataclass
class Chart:
    """A chart of the report: its figure, caption and alt text; ``png`` once rendered."""

    fig: object
    caption: str
    alt: str
    png: bytes | None = None


def chart_specs(data: ReportData) -> dict[str, Chart]:
    """The report's charts (few, for speed): status counts by characteristic, and per characteristic with a
    target to reach the share of the way covered against what is expected by now (the Pillars and Ministries
    pages' charts)."""
    lang, demo = data.lang, data.info.is_demo
    out: dict[str, Chart] = {}
    merged = data.nation.merge(data.summary[["indicator_code", "pillar_code"]], on="indicator_code")
    counts = merged.groupby(["pillar_code", "status"]).size().rename("n").reset_index().rename(columns={"pillar_code": "category"})
    categories = [(p.pillar_code, f"{p.pillar_code}. {p.name}") for p in data.pillars.itertuples()]
    fig = for_print(charts.status_stack(counts, lang=lang, title="", categories=categories, source=t("pillars.source", lang),
                                        demo=demo))
    details = "; ".join(f"{lab}: " + ", ".join(f"{status_label(r.status, lang)} {r.n}" for r in counts[counts["category"] == code].itertuples())
                        for code, lab in categories)  # fmt: skip
    out["counts"] = Chart(fig, t("report.cap.counts", lang), t("report.alt.counts", lang, details=details))
    labels = _short_names(data)
    for p in data.pillars.itertuples():
        rows = merged[merged["pillar_code"] == p.pillar_code].assign(label=lambda d: d["indicator_code"].map(labels))
        if rows["achieved_share"].isna().all():
            continue  # no indicator with a way to a target: the chart would show no bar (and costs a render)
        fig = for_print(charts.progress_bullets(rows[["label", "status", "achieved_share", "expected_share"]], lang=lang,
                                                title="", source=t("pillars.source", lang), demo=demo), right=60)
        details = "; ".join(f"{r['label']}: {way_text(r, lang)}, {status_label(r['status'], lang)}"
                            for _, r in rows.iterrows())  # fmt: skip
        out[f"pillar:{p.pillar_code}"] = Chart(fig, t("report.fig.pillar", lang, code=p.pillar_code),
                                              t("report.alt.pillar", lang, details=details))
    return out


def for_print(fig, *, right: int | None = None):
    """A copy of a chart for the page: drawn narrower than on screen, so the legend may take a second row; the
    empty title line (the caption titles the chart) gives it room, and the demo mark moves up with it."""
    spec = fig.to_dict()
    layout = spec["layout"]
    layout["margin"] = {**layout.get("margin", {}), "t": layout.get("margin", {}).get("t", 70) + 22}
    if right is not None:
        layout["margin"]["r"] = right
    for ann in layout.get("annotations", []):
        if ann.get("yanchor") == "bottom" and ann.get("bordercolor"):  # the demo mark (charts.mark_annotation)
            ann["yshift"] = ann.get("yshift", 0) + 22
    return spec


CHART_CACHE_FILES = 256  # rendered charts kept (newest first) in the cache folder's report-charts/


def _chart_key(spec: dict) -> str:
    """A fingerprint of a chart's figure and picture size: the same figure is never drawn twice."""
    import plotly.io as pio

    text = pio.to_json(spec, validate=False) + f"|{CHART_PX}|{CHART_SCALE}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def render(figures: list[Chart]) -> None:
    """Draw every chart to PNG in one Kaleido batch (one browser start); leaves ``png`` None on failure.

    Pictures are kept by a fingerprint of their figure in the cache folder (settings.cache_dir()), so building
    the same report again (another click, the other language's shared figures) starts no browser."""
    if not figures or export.browser_path() is None:
        return
    folder = settings.cache_dir() / "report-charts"
    keys = [_chart_key(c.fig) for c in figures]
    todo = []
    for c, key in zip(figures, keys, strict=True):
        try:
            c.png = (folder / f"{key}.png").read_bytes()
        except OSError:
            todo.append((c, key))
    if not todo:
        return
    try:
        import kaleido

        opts = {"format": "png", "width": CHART_PX, "scale": CHART_SCALE}
        with tempfile.TemporaryDirectory(prefix="ascc-report-") as tmp:
            paths = [Path(tmp) / f"{key}.png" for _, key in todo]
            # MathJax off: the charts have no formulas, and Kaleido would otherwise fetch it from a CDN.
            kaleido.write_fig_from_object_sync(
                [{"fig": c.fig, "path": p, "opts": opts} for (c, _), p in zip(todo, paths, strict=True)],
                kopts={"mathjax": False},
            )
            for (c, key), p in zip(todo, paths, strict=True):
                c.png = p.read_bytes()
                _keep(folder, key, c.png)
    except Exception as exc:  # the report keeps its tables when the browser path fails
        log.warning("report charts not rendered: %s", exc)
        for c, _ in todo:
            c.png = None


def _keep(folder: Path, key: str, png: bytes) -> None:
    """Store a rendered chart (written aside, then renamed: a reader never sees half a file); keep the newest."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{threading.get_ident()}.tmp"
        tmp.write_bytes(png)
        os.replace(tmp, folder / f"{key}.png")
        files = sorted(folder.glob("*.png"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[CHART_CACHE_FILES:]:
            old.unlink(missing_ok=True)
    except OSError as exc:  # a cache that cannot be written only costs time
        log.info("report chart not cached: %s", exc)


# --- the document ------------------------------------------------------------------------------


class Writer:
    """A python-docx document with the house styles and numbered captions."""

    def __init__(self, lang: str, demo: bool):
        self.lang = lang
        self.doc = Document()
        self.n_tables = 0
        self.n_figures = 0
        self.toc_entries: list[tuple[int, str]] = []
        self.pictures: list[tuple[object, object, Chart]] = []
        self._styles()
        self._page(demo)

    # styles and page
    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(12)
        _east_asian(normal.element, FONT)
        normal.paragraph_format.space_after = Pt(6)
        for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 12), ("Caption", 10)):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            _east_asian(style.element, FONT)
            style.font.color.rgb = INK if name in ("Caption", "Heading 3") else ACCENT
            style.font.italic = False
            style.font.bold = name != "Caption" or None
        styles["Heading 1"].paragraph_format.space_before = Pt(18)
        styles["Heading 1"].paragraph_format.page_break_before = True
        styles["Heading 2"].paragraph_format.space_before = Pt(12)
        styles["Caption"].font.bold = True
        styles["Caption"].paragraph_format.keep_with_next = True
        for level, indent in ((1, 0.0), (2, 0.6)):
            style = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.paragraph_format.left_indent = Cm(indent)
            style.paragraph_format.space_after = Pt(2)
        small = styles.add_style("Source", WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        small.font.size = Pt(9)
        small.font.color.rgb = MUTED
        small.paragraph_format.space_after = Pt(10)
        cell = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(8.5)
        cell.paragraph_format.space_after = Pt(0)

    def _page(self, demo: bool) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        section.header_distance = section.footer_distance = Cm(1)
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if demo:
            run = header.add_run(t("report.demo_header", self.lang))
            run.bold, run.font.size, run.font.color.rgb = True, Pt(10), DEMO_RED
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        lead = footer.add_run(t("report.footer", self.lang))
        lead.font.size, lead.font.color.rgb = Pt(9), MUTED
        _field(footer, "PAGE", "1", size=9)

    # blocks
    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level)
        if level <= 2:
            self.toc_entries.append((level, text))

    def para(self, text: str = "", *, style: str | None = None, bold: bool = False, size: int | None = None,
             color: RGBColor | None = None, align=None):  # fmt: skip
        p = self.styled(_STYLE_IDS[style]) if style else self.doc.add_paragraph()
        if text:
            _inline(p, text, bold=bold, size=size, color=color)
        if align is not None:
            p.alignment = align
        return p

    def styled(self, style_id: str, container=None):
        """A new paragraph in a style given by its id (python-docx's lookup by name scans every style: slow)."""
        p = (container or self.doc).add_paragraph()
        p._p.get_or_add_pPr().style = style_id
        return p

    def bullets(self, items: list[str]) -> None:
        for item in items:
            _inline(self.styled("ListBullet"), item)

    def markdown(self, text: str) -> None:
        """The Methodology page's texts: paragraphs, "- " lists, | tables |, **bold** and *italic*."""
        lines = text.split("\n")
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.startswith("|"):
                block = []
                while i < len(lines) and lines[i].startswith("|"):
                    block.append(lines[i])
                    i += 1
                cells = [[c.strip() for c in row.strip("|").split("|")] for row in block if not re.fullmatch(r"\|[-|\s]+\|", row)]
                self.caption("table", t("report.cap.bands", self.lang))
                self.table(cells[0], cells[1:], [5.0, 11.0])
                continue
            if line.startswith("- "):
                _inline(self.styled("ListBullet"), line[2:])
            elif line.strip():
                _inline(self.doc.add_paragraph(), line)
            i += 1

    def caption(self, kind: str, text: str) -> None:
        """"Bảng 3. …" / "Figure 2. …": a Caption paragraph with a SEQ field Word renumbers."""
        if kind == "table":
            self.n_tables += 1
            n, label, seq = self.n_tables, t("report.label.table", self.lang), "Table"
        else:
            self.n_figures += 1
            n, label, seq = self.n_figures, t("report.label.figure", self.lang), "Figure"
        p = self.styled("Caption")
        if kind != "table":
            p.paragraph_format.keep_with_next = False  # under its figure: it need not stay with what follows
        p.add_run(label + " ")
        _field(p, f"SEQ {seq} \\* ARABIC", str(n))
        p.add_run(". " + text)

    def source(self, text: str) -> None:
        if text:
            self.para(text, style="Source")

    def table(self, header: list[str], rows: list[list[str]], widths: list[float], *, emphasis: set[int] = frozenset(),
              keep: bool = True):  # fmt: skip
        """A native table: header row repeated on each page and shaded, 9 pt text, fixed column widths (cm);
        rows listed in ``emphasis`` in italics (aggregates above the provinces)."""
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _cell_margins(table, CELL_MARGIN_TWIPS)
        scale = min(1.0, TEXT_WIDTH_CM / sum(widths))
        for j, w in enumerate(widths):
            table.columns[j].width = Cm(w * scale)
        for i, values in enumerate([header, *rows]):
            row = table.rows[i]
            _row_flag(row, "w:cantSplit")  # a row never breaks across pages
            if i == 0:
                _row_flag(row, "w:tblHeader")  # the header row repeats on each page
            cells = row.cells
            for j, value in enumerate(values):
                cell = cells[j]
                cell.width = Cm(widths[j] * scale)
                p = cell.paragraphs[0]
                p._p.get_or_add_pPr().style = "TableText"
                for k, line in enumerate(str(value).split("\n")):
                    if k:
                        p = self.styled("TableText", cell)
                    _inline(p, line, bold=i == 0, italic=(i - 1) in emphasis, size=8 if i == 0 else None)
                if i == 0:
                    _shade(cell, HEADER_FILL)
                if keep and len(rows) <= KEEP_TOGETHER_ROWS:
                    for par in cell.paragraphs:  # a short table stays on one page with its caption and source
                        par.paragraph_format.keep_with_next = True
        return table

    def picture(self, chart: Chart) -> None:
        """A centred paragraph that will hold the chart's picture (``place_pictures``), then its caption."""
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        self.caption("figure", chart.caption)
        self.pictures.append((p, self.doc.paragraphs[-1], chart))

    def place_pictures(self) -> bool:
        """Put the rendered charts into their paragraphs, with alt text (title and description); without
        pictures (the browser failed) remove the paragraphs and captions. True when pictures were placed."""
        placed = all(c.png is not None for _, _, c in self.pictures)
        for p, caption, chart in self.pictures:
            if not placed:
                for el in (p._p, caption._p):
                    el.getparent().remove(el)
                continue
            p.add_run().add_picture(io.BytesIO(chart.png), width=Cm(TEXT_WIDTH_CM))
            doc_pr = p._p.xpath(".//wp:docPr")[0]
            doc_pr.set("descr", chart.alt)
            doc_pr.set("title", chart.caption)
        return placed and bool(self.pictures)

    def toc_placeholder(self):
        return self.doc.add_paragraph()

    def fill_toc(self, placeholder) -> None:
        """The TOC field (levels 1-2, hyperlinked) with the headings as its current result; Word fills in the
        page numbers on opening (settings: updateFields), LibreOffice shows the entries."""
        entries = self.toc_entries
        first = placeholder.insert_paragraph_before()
        _field_begin(first, 'TOC \\o "1-2" \\h \\z \\u')
        paragraphs = [first]
        for k, (level, text) in enumerate(entries):
            p = first if k == 0 else placeholder.insert_paragraph_before()
            p._p.get_or_add_pPr().style = f"TOC{level}"
            p.add_run(text)
            paragraphs.append(p)
        _field_end(paragraphs[-1])
        placeholder._element.getparent().remove(placeholder._element)
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings_el = self.doc.settings.element
        # Schema order: updateFields comes before these (Word rejects a settings part out of order).
        after = [settings_el.find(qn(f"w:{tag}")) for tag in _AFTER_UPDATE_FIELDS]
        anchor = next((el for el in after if el is not None), None)
        if anchor is not None:
            anchor.addprevious(update)
        else:
            settings_el.append(update)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _east_asian(element, font: str) -> None:
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would win over the named one


_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                        "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")
# Style name -> id (the ids python-docx gives the styles of its template and those added here).
_STYLE_IDS = {"Source": "Source", "Caption": "Caption", "List Bullet": "ListBullet", "Table Text": "TableText",
              "TOC Heading": "TOCHeading"}
_INLINE_RE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


def _inline(p, text: str, *, bold: bool = False, italic: bool = False, size: int | None = None,
            color: RGBColor | None = None) -> None:  # fmt: skip
    """Runs of a line with **bold** and *italic* marks (the Methodology texts use them)."""
    for part in _INLINE_RE.split(text):
        if not part:
            continue
        b, it = bold, italic
        if part.startswith("**") and part.endswith("**"):
            part, b = part[2:-2], True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            part, it = part[1:-1], True
        run = p.add_run(part)
        run.bold = b or None
        run.italic = it or None
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color


def _fld_char(kind: str):
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def _field_begin(p, instr: str) -> None:
    p.add_run()._r.append(_fld_char("begin"))
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    p.add_run()._r.append(text)
    p.add_run()._r.append(_fld_char("separate"))


def _field_end(p) -> None:
    p.add_run()._r.append(_fld_char("end"))


def _field(p, instr: str, cached: str, *, size: int | None = None) -> None:
    """A complex field (PAGE, SEQ ...) with its current result, which Word and LibreOffice update."""
    _field_begin(p, instr)
    run = p.add_run(cached)
    if size:
        run.font.size = Pt(size)
    _field_end(p)


def _cell_margins(table, twips: int) -> None:
    """Narrower left and right cell margins than Word's 0.19 cm: long words fit narrow columns."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr = table._tbl.tblPr
    # Schema order: ... tblLayout, tblCellMar, tblLook.
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _row_flag(row, tag: str) -> None:
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


# --- sections ----------------------------------------------------------------------------------


def _cover(w: Writer, data: ReportData, today: dt.date) -> None:
    lang, info = data.lang, data.info
    m = info.manifest
    w.para("")
    w.para(t("export.cover.org", lang), size=13, color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER)
    w.para("")
    w.doc.add_paragraph(t("report.title", lang), style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.para(t("report.subtitle", lang), size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    w.para(t("report.period", lang), size=16, bold=True, color=ACCENT, align=WD_ALIGN_PARAGRAPH.CENTER)
    w.para("")
    w.para(t("report.conference", lang), size=12, color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER)
    w.para("")
    year = str(data.year) if data.year is not None else t("report.latest", lang)
    lines = [
        t("report.cover.dataset", lang, title=m.get(i18n.col("title", lang)) or info.data_dir.name),
        t(f"report.cover.kind.{'demo' if info.is_demo else 'official'}", lang),
        t("report.cover.as_of", lang, date=export.fmt_date(m.get("data_as_of"), lang) or "–", version=m.get("version", "–")),
        t("report.cover.scope", lang, year=year, boundary=t(f"sidebar.boundary.{data.boundary}", lang)),
    ]
    for k, line in enumerate(lines):
        w.para(line, size=12, bold=k == 1 and info.is_demo, color=DEMO_RED if k == 1 and info.is_demo else INK,
               align=WD_ALIGN_PARAGRAPH.CENTER)  # fmt: skip
    w.para("")
    w.para(t("report.cover.made", lang, date=export.fmt_date(today, lang)), size=10, color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER)
    if info.is_demo:
        w.para(t("demo.notice", lang), size=10, color=DEMO_RED, align=WD_ALIGN_PARAGRAPH.CENTER)


def _summary(w: Writer, data: ReportData, charts_by_key: dict[str, Chart], number: int) -> None:
    lang = data.lang
    text = summary_sentences(data)
    w.heading(f"{number}. {t('report.h.summary', lang)}", 1)
    w.para(text["scope"])
    if text["counts"]:
        w.para(text["counts"])
    if text["no_data"]:
        w.para(text["no_data"])
    chart = charts_by_key.get("counts")
    if chart is not None:
        w.picture(chart)
    _counts_table(w, data)
    w.heading(f"{number}.1. {t('report.h.headline', lang)}", 2)
    w.para(t("report.s.headline_intro", lang))
    w.bullets(text["headline"])
    w.para(t("report.s.gains_intro", lang), bold=True).paragraph_format.keep_with_next = True
    w.bullets(text["gains"] or [t("report.s.no_gains", lang)])
    w.para(t("report.s.behind_intro", lang), bold=True).paragraph_format.keep_with_next = True
    w.bullets(text["behind"] or [t("report.s.none_behind", lang)])


def _counts_table(w: Writer, data: ReportData) -> None:
    lang = data.lang
    merged = data.nation.merge(data.summary[["indicator_code", "pillar_code"]], on="indicator_code")
    shown = [s for s in progress.STATUSES if (merged["status"] == s).any()]
    if not shown:
        return
    rows = []
    for p in data.pillars.itertuples():
        part = merged[merged["pillar_code"] == p.pillar_code]
        rows.append([f"{p.pillar_code}. {p.name}", *[str(int((part["status"] == s).sum())) for s in shown], str(len(part))])
    rows.append([t("report.col.total", lang), *[str(int((merged["status"] == s).sum())) for s in shown], str(len(merged))])
    w.caption("table", t("report.cap.counts", lang))
    w.table([t("col.pillar", lang), *[status_label(s, lang) for s in shown], t("report.col.total", lang)], rows,
            [3.6, *[11.2 / len(shown)] * len(shown), 1.2], emphasis={len(rows) - 1})  # fmt: skip
    w.source(t("report.source_status", lang))


def _indicator_rows(data: ReportData, codes: list[str]) -> list[list[str]]:
    lang = data.lang
    assessed = data.nation.set_index("indicator_code")
    out = []
    for _, r in data.summary[data.summary["indicator_code"].isin(codes)].iterrows():
        a = assessed.loc[r["indicator_code"]] if r["indicator_code"] in assessed.index else None
        base = "–" if pd.isna(r["base_year"]) else f"{int(r['base_year'])}: {fmt(r['base_value'], r, lang, unit=False)}"
        latest = "–" if pd.isna(r["latest_year"]) else f"{int(r['latest_year'])}: {fmt(r['latest_value'], r, lang, unit=False)}"
        if pd.notna(r["latest_status"]) and r["latest_status"] != "final":
            latest += f"\n({t('value.status.' + r['latest_status'], lang)})"
        if r["latest_estimated"]:
            latest += " †"
        way = way_text(a, lang)
        target = targets.fmt(r["target_value"], r["target_upper"], r["target_type"], r["unit"], lang, int(r["decimals"]), with_unit=False)
        out.append([r["short_name"], r["unit"].replace("/", "/\u200b"), base, latest, target, way, status_label(data.status_of(r["indicator_code"]), lang)])
    return out


def _indicator_table(w: Writer, data: ReportData, codes: list[str], caption: str) -> None:
    lang = data.lang
    w.caption("table", caption)
    header = [t("col.indicator", lang), t("col.unit", lang), t("report.col.base", lang), t("report.col.latest", lang),
              t("report.col.target", lang), t("report.col.way", lang), t("report.col.status", lang)]  # fmt: skip
    w.table(header, _indicator_rows(data, codes), [2.9, 2.0, 1.6, 2.5, 2.2, 1.8, 3.0])
    w.source(_credit(data, codes, lang))


def _credit(data: ReportData, codes: list[str], lang: str) -> str:
    """The source line under a table of national values: the sources of the latest values shown (the
    catalogue's where a value names none), the status method, and the † mark when a value is estimated."""
    rows = data.summary[data.summary["indicator_code"].isin(codes)]
    credit = "; ".join(dict.fromkeys(s for s in rows["latest_source"].fillna(rows["source"]) if isinstance(s, str) and s))
    return (t("report.source", lang, source=credit) + ". " + t("report.source_status", lang)
            + (" † " + t("mark.estimated", lang) + "." if rows["latest_estimated"].any() else ""))  # fmt: skip


def _pillars(w: Writer, data: ReportData, charts_by_key: dict[str, Chart], number: int) -> None:
    lang = data.lang
    w.heading(f"{number}. {t('report.h.pillars', lang)}", 1)
    for k, p in enumerate(data.pillars.itertuples(), start=1):
        w.heading(f"{number}.{k}. {t('report.h.pillar', lang, code=p.pillar_code, name=p.name)}", 2)
        codes = data.summary.loc[data.summary["pillar_code"] == p.pillar_code, "indicator_code"].tolist()
        if not codes:
            w.para(t("report.pillar_none", lang))
            continue
        statuses = [data.status_of(c) for c in codes]
        found = {s: statuses.count(s) for s in progress.STATUSES if s in statuses}
        parts = join_words([f"{status_label(s, lang)} {n}" for s, n in found.items()], lang) or "–"
        w.para(t("report.pillar_intro" + ("_one" if len(codes) == 1 else ""), lang, n=len(codes), parts=parts)).paragraph_format.keep_with_next = True
        _indicator_table(w, data, codes, t("report.cap.pillar", lang, code=p.pillar_code))
        chart = charts_by_key.get(f"pillar:{p.pillar_code}")
        if chart is not None:
            w.picture(chart)


def _ministries(w: Writer, data: ReportData, number: int) -> None:
    lang = data.lang
    w.heading(f"{number}. {t('report.h.ministries', lang)}", 1)
    w.para(t("report.ministry_intro", lang))
    w.markdown(progress_views.merger_lines(data.mergers, lang))
    behind: dict[str, list[str]] = {}
    for code, area, s in zip(data.worst["indicator_code"], data.worst["area_id"], data.worst["status"], strict=True):
        behind.setdefault(code, []).append(f"{data.area_names.get(area, area)} ({status_label(s, lang)})")
    summary = data.summary.set_index("indicator_code")
    assessed = data.nation.set_index("indicator_code")
    for k, code in enumerate(dict.fromkeys(data.leads["ministry_code"]), start=1):
        mine = data.leads[data.leads["ministry_code"] == code]
        abbr = mine["ministry_abbr"].iloc[0]
        w.heading(f"{number}.{k}. {mine['ministry_name'].iloc[0]} ({abbr})", 2)
        rows = []
        for r in mine.itertuples():
            name = r.indicator_name + (f" ({t('report.moved', lang, abbr=r.previous_abbr)})" if isinstance(r.previous_code, str) else "")
            a = assessed.loc[r.indicator_code] if r.indicator_code in assessed.index else None
            s = summary.loc[r.indicator_code]
            latest = "–" if pd.isna(s["latest_year"]) else f"{fmt(s['latest_value'], s, lang)} ({int(s['latest_year'])})"
            latest += " †" if bool(s["latest_estimated"]) else ""
            way = way_text(a, lang)
            rows.append([name, latest, way, status_label(data.status_of(r.indicator_code), lang),
                         "\n".join(behind.get(r.indicator_code, [])) or "–"])  # fmt: skip
        w.caption("table", t("report.cap.ministry", lang, ministry=abbr))
        w.table([t("col.indicator", lang), t("col.latest", lang), t("report.col.way", lang),
                 t("col.progress", lang) + " (" + t("chart.nation", lang) + ")", t("ministries.behind_col", lang)],
                rows, [3.4, 2.3, 2.0, 2.6, 5.7])  # fmt: skip
        w.source(_credit(data, mine["indicator_code"].tolist(), lang))


def _regions(w: Writer, data: ReportData, number: int) -> None:
    lang = data.lang
    w.heading(f"{number}. {t('report.h.regions', lang)}", 1)
    codes = [c for c in data.headline["indicator_code"] if c in data.rankings]
    n_prov = max((int(r[1]["area_id"].nunique()) for r in data.rankings.values()), default=0)
    w.para(t("report.region_intro", lang, n=n_prov))
    if not codes:
        w.para(t("regions.no_values", lang))
        return
    info = data.summary.set_index("indicator_code")
    behind = data.provinces.assign(_b=data.provinces["status"].isin(BEHIND), _a=data.provinces["status"] != "insufficient")
    counts = {a: (int(b), int(n)) for a, b, n in behind.groupby("area_id")[["_b", "_a"]].sum().itertuples()}
    # area_id -> row, per headline indicator: (provinces, regions and nation)
    by_area = {c: (data.rankings[c][1].set_index("area_id").to_dict("index"),
                   data.rankings[c][2].set_index("area_id").to_dict("index")) for c in codes}  # fmt: skip
    first_year, first = data.rankings[codes[0]][0], data.rankings[codes[0]][1]
    header = [t("col.province", lang)] + [f"{info.loc[c, 'short_name']} ({info.loc[c, 'unit']}), {data.rankings[c][0]}" for c in codes]
    header.append(t("report.col.behind", lang))
    widths = [2.6] + [11.5 / len(codes)] * len(codes) + [1.9]
    for k, reg in enumerate(data.regions.itertuples(), start=1):
        w.heading(f"{number}.{k}. {reg.name}", 2)
        provinces = first[first["region_code"] == reg.region_code]
        # Ranked on the first headline indicator (rank 1 = best), provinces without a value last.
        provinces = provinces.sort_values(["rank", "name"], na_position="last")
        rows, marks = [], set()
        aggregates = [[t("report.region_row", lang)], [t("chart.nation", lang)]]
        for c in codes:
            for agg, area in zip(aggregates, (reg.area_id, "VN"), strict=True):
                agg.append(_cell(by_area[c][1].get(area), info.loc[c], lang, marks))
        for agg in aggregates:
            agg.append("")
        for area, name in zip(provinces["area_id"], provinces["name"], strict=True):
            row = [name] + [_cell(by_area[c][0].get(area), info.loc[c], lang, marks, rank=True) for c in codes]
            row.append(f"{counts[area][0]}/{counts[area][1]}" if area in counts else "–")
            rows.append(row)
        w.caption("table", t("report.cap.region", lang, region=reg.name))
        w.table(header, aggregates + rows, widths, emphasis={0, 1})
        notes = []
        if "derived" in marks:
            notes.append(_derived_note(data, codes, lang))
        if "estimated" in marks:
            notes.append(t("mark.estimated_note", lang))
        if "new_only" in marks:
            notes.append(t("mark.new_boundaries", lang, year=first_year))
        credit = sources.credit(pd.concat([data.rankings[c][1][data.rankings[c][1]["region_code"] == reg.region_code] for c in codes]),
                                "; ".join(dict.fromkeys(info.loc[c, "source"] for c in codes)))  # fmt: skip
        w.source("\n".join([*notes, t("report.source", lang, source=credit)]))


def _cell(row, ind: pd.Series, lang: str, marks: set, *, rank: bool = False) -> str:
    """A province or aggregate value as the Regions page marks it: * rebuilt, † estimated; (national rank)."""
    if row is None or pd.isna(row["value"]):
        if row is not None and bool(row.get("new_boundaries_only", False)):
            marks.add("new_only")
        return "–"
    text = i18n.fmt_number(row["value"], lang, int(ind["decimals"]))
    if bool(row.get("derived", False)):
        text += "*"
        marks.add("derived")
    if bool(row.get("estimated", False)):
        text += "†"
        marks.add("estimated")
    if rank and pd.notna(row.get("rank")):
        text += f" ({int(row['rank'])})"
    return text


def _derived_note(data: ReportData, codes: list[str], lang: str) -> str:
    """The rebuild footnote naming the rule used (as the Regions page), or the general one for several rules."""
    rules = set()
    for c in codes:
        ranking = data.rankings[c][1]
        derived = ranking[ranking["derived"] & ranking["value"].notna()]
        merged = derived[derived["n_members"] > 1]
        if len(derived):
            rule = "estimated" if len(merged) and merged["estimated"].all() else data.summary.set_index("indicator_code").loc[c, "aggregation"]
            rules.add(rule)
    return t(f"mark.derived_note.{rules.pop()}" if len(rules) == 1 else "mark.derived_note.any", lang)


def _next_plan(w: Writer, data: ReportData, number: int) -> None:
    lang = data.lang
    w.heading(f"{number}. {t('report.h.next', lang)}", 1)
    w.para(t("report.next.intro", lang))
    names = _short_names(data)
    items = []
    behind = progress_views.needing_acceleration(data.nation)
    if len(behind):
        items.append(t("report.next.accelerate", lang, items="; ".join(
            f"{names[c]} ({status_label(s, lang)})" for c, s in zip(behind["indicator_code"], behind["status"], strict=True))))
    else:
        items.append(t("report.next.none", lang))
    provinces = provinces_behind(data)
    if provinces:
        items.append(t("report.next.provinces", lang, items=", ".join(data.area_names.get(a, a) for a, _ in provinces)))
    assessed = set(data.nation.loc[data.nation["status"] != "insufficient", "indicator_code"])
    gaps = [names[c] for c in data.summary["indicator_code"] if c not in assessed]
    if gaps:
        items.append(t("report.next.data", lang, items=", ".join(gaps)))
    no_target = data.summary[data.summary["target_value"].isna()]
    if len(no_target):
        items.append(t("report.next.targets", lang, items=", ".join(no_target["short_name"])))
    estimated = [c for c, (_, ranking, regional) in data.rankings.items() if ranking["estimated"].any() or regional["estimated"].any()]
    if estimated:
        items.append(t("report.next.estimated", lang, n=len(estimated)))
    w.bullets(items)


def _annex_a(w: Writer, data: ReportData) -> None:
    lang = data.lang
    w.heading(t("report.h.annex_a", lang), 1)
    summary = data.summary.set_index("indicator_code")
    rows = []
    for d in data.definitions.itertuples():
        s = summary.loc[d.indicator_code]
        values = []
        if pd.notna(s["base_year"]):
            values.append(f"{t('report.col.base', lang)} {int(s['base_year'])}: {fmt(s['base_value'], s, lang)}")
        if pd.notna(s["latest_year"]):
            values.append(f"{t('report.col.latest', lang)} {int(s['latest_year'])}: {fmt(s['latest_value'], s, lang)}"
                          + (" †" if s["latest_estimated"] else ""))  # fmt: skip
        target = targets.fmt(d.target_value, d.target_upper, d.target_type, d.unit, lang, d.decimals)
        cite = f"{target} ({int(d.target_year)})" if target != "–" else "–"
        if isinstance(d.target_source, str) and d.target_source:
            cite += "\n" + d.target_source
        rows.append([
            f"{d.name}\n({d.unit}; {d.indicator_code}; {d.pillar_code}; {d.ministry_abbr})",
            f"{d.definition}\n{t('report.source', lang, source=d.source)}",
            "\n".join(values) or "–",
            cite,
            status_label(data.status_of(d.indicator_code), lang),
        ])  # fmt: skip
    w.caption("table", t("report.cap.annex", lang))
    w.table([t("col.indicator", lang), t("report.col.definition", lang), t("report.col.values", lang),
             t("report.col.target_cite", lang), t("report.col.status", lang)], rows, [3.0, 4.4, 2.6, 3.7, 2.3],
            keep=False)  # fmt: skip
    w.source(t("report.source_status", lang))


def _annex_b(w: Writer, data: ReportData) -> None:
    lang = data.lang
    w.heading(t("report.h.annex_b", lang), 1)
    w.para(t("method.intro", lang))
    w.heading(t("report.b.status", lang), 2)
    w.markdown(t("method.status_text", lang))
    w.para("CAGR_obs = (yᵢ / y₀)^(1 / (tᵢ − t₀)) − 1", align=WD_ALIGN_PARAGRAPH.CENTER)
    w.markdown(t("method.with_target", lang))
    w.para("CAGR_req = (y_T / y₀)^(1 / (t_T − t₀)) − 1,    R = CAGR_obs / CAGR_req", align=WD_ALIGN_PARAGRAPH.CENTER)
    w.markdown(t("method.bands", lang))
    w.markdown(t("method.target_kinds", lang))
    w.para("Δ_obs = (yᵢ − y₀) / (tᵢ − t₀),    R = Δ_obs / Δ_req", align=WD_ALIGN_PARAGRAPH.CENTER)
    for key in ("method.precision", "method.no_target", "method.rules", "method.expected"):
        w.markdown(t(key, lang))
    w.heading(t("report.b.boundaries", lang), 2)
    w.markdown(t("method.boundary_text", lang))
    w.markdown(t("method.split_text", lang))
    if len(data.split):
        names = dict(zip(data.regions["region_code"], data.regions["name"], strict=True))
        w.caption("table", t("report.cap.split", lang))
        w.table([t("col.province", lang), t("col.members", lang), t("col.assigned_region", lang)],
                [[r.name, r.members, names.get(r.assigned_region, r.assigned_region)] for r in data.split.itertuples()],
                [3.5, 8.5, 4.0])  # fmt: skip
    w.heading(t("report.b.aggregates", lang), 2)
    w.para(t("method.one_value_title", lang), bold=True).paragraph_format.keep_with_next = True
    w.markdown(t("method.one_value", lang))
    w.para(t("method.estimated_title", lang), bold=True).paragraph_format.keep_with_next = True
    w.markdown(t("method.estimated", lang))
    w.heading(t("report.b.data", lang), 2)
    m = data.info.manifest
    w.para(t("method.vintage", lang, title=m.get(i18n.col("title", lang), ""), version=m.get("version", "–"),
             as_of=m.get("data_as_of", "–"), built=m.get("built_at", "–")))  # fmt: skip
    w.markdown(t("method.demo_text", lang) if data.info.is_demo else t("method.official_text", lang))


# --- public API --------------------------------------------------------------------------------


def build_report(*, lang: str, year: int | None = None, boundary: str = "34", with_charts: bool = True,
                 today: dt.date | None = None, timings: dict[str, float] | None = None) -> bytes:  # fmt: skip
    """The report (.docx bytes) for the dataset in force, in ``lang``, with figures as of ``year`` (None:
    the latest) on the ``boundary`` set ("34" or "63"). ``with_charts=False`` leaves the charts out (no
    browser start); ``timings``, when given, receives the seconds spent per stage."""
    clock = time.perf_counter()
    data = collect_national(lang=lang, year=year, boundary=boundary)
    specs = chart_specs(data) if with_charts and export.browser_path() is not None else {}
    thread = threading.Thread(target=render, args=(list(specs.values()),), daemon=True)
    if specs:
        thread.start()  # the browser draws while the rest is gathered and the document written
    complete(data)
    stamps = {"data": time.perf_counter() - clock}
    w = Writer(data.lang, data.info.is_demo)
    _cover(w, data, today or dt.date.today())
    w.page_break()
    w.para(t("report.toc", data.lang), style="TOC Heading", bold=True, size=16, color=ACCENT)
    placeholder = w.toc_placeholder()
    w.para(t("report.toc_hint", data.lang), style="Source")
    if with_charts and not specs:
        w.para(t("report.no_charts", data.lang), style="Source")
    _summary(w, data, specs, 1)
    _pillars(w, data, specs, 2)
    _ministries(w, data, 3)
    _regions(w, data, 4)
    _next_plan(w, data, 5)
    _annex_a(w, data)
    _annex_b(w, data)
    w.fill_toc(placeholder)
    stamps["document"] = time.perf_counter() - clock - stamps["data"]
    if specs:
        thread.join()
        stamps["charts (waited)"] = time.perf_counter() - clock - stamps["data"] - stamps["document"]
        if not w.place_pictures():
            log.warning("report written without charts")
    out = w.save()
    stamps["total"] = time.perf_counter() - clock
    if timings is not None:
        timings.update(stamps)
    return out


def report_filename(lang: str, today: dt.date | None = None) -> str:
    """A download name such as ``ascc-report-vi-2026-11-02.docx``."""
    return f"ascc-report-{i18n.norm_lang(lang)}-{(today or dt.date.today()).isoformat()}.docx"


def cli_run(args: argparse.Namespace) -> int:
    """``python -m ascc report``: choose the dataset, build the report, write it and print the timing."""
    from ascc import datasets

    if args.dataset is not None:
        known = [d.key for d in datasets.available()]
        if args.dataset not in known:
            print(f"report: unknown dataset {args.dataset!r}; known: {', '.join(known)}", file=sys.stderr)
            return 2
        token = settings.chosen_dataset.set(datasets.by_key(args.dataset).path)
        try:  # the choice ends with the command (in-process callers, the tests, keep their dataset)
            return _run(args)
        finally:
            settings.chosen_dataset.reset(token)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    years = db.run_query("years_available")["year"].astype(int).tolist()
    if args.year is not None and years and not min(years) <= args.year <= max(years):
        print(f"report: no figures up to {args.year}; years with data: {min(years)}–{max(years)}", file=sys.stderr)
        return 2
    timings: dict[str, float] = {}
    data = build_report(lang=args.lang, year=args.year, boundary=args.boundary, with_charts=not args.no_charts, timings=timings)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    parts = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
    print(f"wrote {args.out} ({len(data) // 1024} KB, dataset {settings.data_dir().name}): {parts}")
    return 0
