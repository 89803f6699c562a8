"""Data downloads under a chart: exactly the plotted rows as CSV (UTF-8 with BOM) and XLSX, in the language.

Pages call ``chart_downloads(df, ...)`` once per chart with the frame they plotted. The pure functions
(``download_table``, ``csv_bytes``, ``xlsx_bytes``) make the bytes and are tested on their own. A file
read alone says what it is: indicator code and name, unit, year and source are columns, values are at
the indicator's published decimals, and the file name is an ASCII stem such as
``POV_MD_2024_ranking_vung-dong-bang-song-hong`` (i18n.file_stem).

Images: the chart toolbar's camera saves a 1920 x 1080 PNG (charts.image_config) with the title,
unit, source and demo mark inside the figure. Plotly's toolbar has one image button, so one format
per chart; ``SVG_CONFIG`` is the same configuration saving SVG, for a page that wants vector images.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import PurePath

import pandas as pd
import streamlit as st

from ascc import charts, datasets, db, i18n, progress
from ascc.i18n import t

# The same toolbar as charts.PLOTLY_CONFIG, saving SVG (vector) instead of PNG at the same size.
SVG_CONFIG = {
    **charts.PLOTLY_CONFIG,
    "toImageButtonOptions": {**charts.PLOTLY_CONFIG["toImageButtonOptions"], "format": "svg"},
}

# Plotted columns that a download keeps, in this order, with their header key; other columns are
# internal (sort keys, colours, tile positions) and left out. unit, source and note are added.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("indicator_code", "download.col.indicator"),
    ("indicator_name", "download.col.indicator_name"),
    ("area_id", "download.col.area_id"),
    ("name", "download.col.name"),
    ("series", "download.col.series"),
    ("region_name", "download.col.region"),
    ("year", "download.col.year"),
    ("rank", "download.col.rank"),
    ("value", "download.col.value"),
    ("unit", "download.col.unit"),
    ("status", "download.col.status"),
    ("derived", "download.col.derived"),
    ("progress", "download.col.progress"),
    ("source", "download.col.source"),
    ("note", "download.col.note"),
)
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_table(df: pd.DataFrame, *, lang: str, unit: str, source: str, demo: bool = False,
                   indicator: tuple[str, str] | None = None, decimals: int | None = None,
                   year: int | None = None) -> pd.DataFrame:
    """The plotted rows with indicator, year, unit, status and source columns and headers in the language.

    ``indicator`` (code, name) adds both as columns (a frame's own indicator_code wins); ``year`` fills
    the year column of a frame of one year; ``decimals`` rounds the values half up to the indicator's
    published precision, as the app shows them (no unrounded column: the dataset download has those).
    Values stay numbers; data status, progress status and the rebuilt flag become words of the
    language. On a demo dataset a note column says the figures are simulated.
    """
    lang = i18n.norm_lang(lang)
    out = pd.DataFrame(index=df.index)
    for col, _ in COLUMNS:
        if col in ("unit", "source", "note"):
            continue
        if col in df.columns:
            out[col] = df[col]
    if indicator is not None:
        if "indicator_code" not in out:
            out["indicator_code"] = indicator[0]
        out["indicator_name"] = indicator[1]
    if year is not None and "year" not in out:
        out["year"] = int(year)
    if decimals is not None and "value" in out:
        out["value"] = [progress.round_published(v, decimals) for v in out["value"]]
        out["value"] = out["value"].astype("Float64")
    out["unit"] = unit
    if "status" in out:
        out["status"] = [t(f"value.status.{s}", lang) if isinstance(s, str) else "" for s in out["status"]]
    if "derived" in out:
        out["derived"] = [t("download.yes", lang) if bool(d) else t("download.no", lang) for d in out["derived"].fillna(False)]
    if "progress" in out:
        out["progress"] = [t(f"status.{p}", lang) if p in progress.STATUS_STYLE else "" for p in out["progress"]]
    if "rank" in out:
        out["rank"] = out["rank"].astype("Int64")
    # Each row's own source where the rows carry one (a download names where every number came from).
    if "source" in df.columns and df["source"].notna().any():
        out["source"] = df["source"].fillna(source).to_numpy()
    else:
        out["source"] = source
    if demo:
        out["note"] = t("demo.mark", lang)
    order = [c for c, _ in COLUMNS if c in out.columns]
    headers = {c: t(key, lang) for c, key in COLUMNS}
    return out[order].rename(columns=headers).reset_index(drop=True)


def csv_bytes(table: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel shows Vietnamese letters correctly.

    NOTE: comma-separated with a decimal point whatever the language (a machine-readable file); the
    XLSX is the one to open in Excel with Vietnamese regional settings.
    """
    return table.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(table: pd.DataFrame, *, lang: str, sheet: str | None = None, about: dict[str, str] | None = None) -> bytes:
    """An Excel workbook: the table on the first sheet (bold header, frozen, widths set), ``about`` on a second."""
    from openpyxl.styles import Font

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        name = (sheet or t("download.sheet", lang))[:31]
        table.to_excel(writer, sheet_name=name, index=False)
        ws = writer.sheets[name]
        ws.freeze_panes = "A2"
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for i, col in enumerate(table.columns, start=1):
            width = max([len(str(col)), *(len(str(v)) for v in table[col].head(200))]) + 2
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, width)
        if about:
            info = pd.DataFrame(list(about.items()))
            info.to_excel(writer, sheet_name=t("download.about_sheet", lang)[:31], index=False, header=False)
    return buf.getvalue()


def _stem(filename: str | Sequence) -> str:
    if not isinstance(filename, str):
        return i18n.file_stem(*filename)
    path = PurePath(filename)
    return i18n.file_stem(path.stem if path.suffix in (".csv", ".xlsx") else filename)


def chart_downloads(df: pd.DataFrame, *, lang: str, filename: str | Sequence, unit: str, source: str, key: str,
                    indicator: tuple[str, str] | None = None, decimals: int | None = None,
                    year: int | None = None) -> None:
    """Two download buttons (CSV and Excel) for the rows a chart plots; one call under each chart.

    ``filename``: the parts of the name (i18n.file_stem: code, year, what, area name), or a name.
    ``indicator``, ``decimals`` and ``year``: see download_table. The files are made when a button is
    clicked (deferred downloads), not on every rerun.
    """
    stem = _stem(filename)
    meta = {"indicator": indicator, "decimals": decimals, "year": year}

    def table() -> pd.DataFrame:
        return download_table(df, lang=lang, unit=unit, source=source, demo=db.dataset_info().is_demo, **meta)

    _buttons(table, lang=lang, stem=stem, unit=unit, source=source, key=key)


def _buttons(table, *, lang: str, stem: str, unit: str | None, source: str, key: str) -> None:
    """The CSV and Excel buttons; ``table()`` makes the rows when a button is clicked (deferred downloads)."""
    c1, c2, _ = st.columns([1, 1, 2])
    c1.download_button(t("download.csv", lang), data=datasets.bound(lambda: csv_bytes(table())),
                       file_name=f"{stem}.csv", mime=CSV_MIME, key=f"{key}_csv", icon=":material/download:",
                       on_click="ignore", type="tertiary", help=t("download.help", lang))  # fmt: skip
    c2.download_button(t("download.xlsx", lang), data=datasets.bound(lambda: _xlsx(table(), lang, stem, unit, source)),
                       file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", icon=":material/download:",
                       on_click="ignore", type="tertiary", help=t("download.help", lang))  # fmt: skip


def _xlsx(table: pd.DataFrame, lang: str, stem: str, unit: str | None, source: str) -> bytes:
    """The Excel file: the table, and an "about" sheet (file, unit, source, dataset, date, demo note)."""
    info = db.dataset_info()
    about = {
        t("download.about.file", lang): stem,
        **({t("download.col.unit", lang): unit} if unit is not None else {}),
        t("download.col.source", lang): source,
        t("download.about.dataset", lang): info.manifest.get(i18n.col("title", lang)) or "",
        t("download.about.data_as_of", lang): info.manifest.get("data_as_of") or "",
    }
    if info.is_demo:
        about[t("download.col.note", lang)] = t("demo.notice", lang)
    return xlsx_bytes(table, lang=lang, about=about)


def table_downloads(table: pd.DataFrame, *, lang: str, filename: str, source: str, key: str) -> None:
    """CSV and Excel buttons for a table that is not one chart's rows (its headers already in the language,
    numbers left as numbers); a source column, and on a demo dataset a note column, are added."""
    stem = _stem(filename)

    def full() -> pd.DataFrame:
        out = table.reset_index(drop=True).assign(**{t("download.col.source", lang): source})
        if db.dataset_info().is_demo:
            out[t("download.col.note", lang)] = t("demo.mark", lang)
        return out

    _buttons(full, lang=lang, stem=stem, unit=None, source=source, key=key)
