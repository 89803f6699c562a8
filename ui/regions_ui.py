"""Pieces of the Regions page: the year in force, the map, the selection bar and the summary table."""

from __future__ import annotations

import unicodedata

import pandas as pd
import streamlit as st

from ascc import charts, db, geo, i18n, maps, settings
from ascc.i18n import t
from ascc.state import ViewState
from ui import present, shell


def year_for(code: str, view: ViewState, breakdown: str) -> int:
    """The chosen year, or the latest year with province values for the indicator on the set.

    On the 63 set a year reported only on the new boundaries stays chosen, so the page can say so.
    """
    years = db.run_query("indicator_years", indicator=code, boundary=view.boundary, breakdown=breakdown)
    if view.year is not None:
        return view.year
    if years.empty:
        other = db.run_query("indicator_years", indicator=code, boundary="34", breakdown=breakdown)
        return int(other["year"].max()) if len(other) else settings.PLAN_TARGET_YEAR
    return int(years["year"].max())


def ascii_label(text: str) -> str:
    """A tile label without diacritics (English screens): "H.Giang" for "H.Giang", "Đ.Nẵng" -> "D.Nang"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _hover(ranking: pd.DataFrame, lang: str, unit: str, dec: int) -> pd.Series:
    def one(r):
        parts = [f"<b>{r.full_name}</b>", i18n.fmt_value(r.value, unit, lang, dec)]
        if pd.notna(r.rank):
            parts.append(f"#{int(r.rank)}/{int(r.n_ranked)}")
        if r.derived:
            parts.append(t("mark.derived", lang))
        if r.status and r.status != "final":
            parts.append(t(f"value.status.{r.status}", lang))
        return "<br>".join(parts)

    return pd.Series([one(r) for r in ranking.itertuples()], index=ranking.index, dtype=object)


@st.cache_resource(max_entries=4, show_spinner=False)
def _boundaries(path: str, mtime: float, boundary: str, lineage_key: tuple) -> dict:
    # Keyed by the file and its mtime; dissolving the 34 from the 63 takes a second, once.
    fc63 = geo.load_boundaries_63(path)
    if boundary == "63":
        return fc63
    lineage = pd.DataFrame(list(lineage_key), columns=["former_id", "successor_id"])
    return geo.dissolve_to_34(fc63, lineage)


def province_map(ranking, ind, *, lang, boundary, year, name, demo, selected):
    """The tile map (always available) or the true-shape map (with ASCC_BOUNDARIES); returns the click event."""
    unit, dec = ind["unit"], int(ind["decimals"])
    df = ranking.copy()
    df["value_text"] = [i18n.fmt_value(v, unit, lang, dec) for v in df["value"]]
    df["hover"] = _hover(df, lang, unit, dec)
    title = t("regions.map_title", lang, name=name, year=year) + charts.unit_suffix(unit)
    selected_id = selected[0] if len(selected) == 1 else None
    path = settings.boundaries_path()
    if path is not None:
        pairs = db.run_query("lineage_pairs")
        fc = _boundaries(str(path), path.stat().st_mtime, boundary, tuple(map(tuple, pairs.to_numpy())))
        fig = maps.choropleth_map(
            df, fc, lang=lang, title=title, unit=unit, colorscale_reversed=not ind["higher_is_better"],
            selected_area_id=selected_id, source_note=t("chart.source", lang, source=ind["source"]),
        )
    else:
        df = df.merge(geo.tile_layout(boundary), on="area_id", how="inner")
        df["label"] = df["tile_label"] if lang == "vi" else df["tile_label"].map(ascii_label)
        fig = maps.tile_map(
            df, lang=lang, title=title, unit=unit, colorscale_reversed=not ind["higher_is_better"],
            selected_area_id=selected_id, source_note=t("chart.source", lang, source=ind["source"]),
        )
    if demo:
        fig.add_annotation(
            text=t("demo.mark", lang), xref="paper", yref="paper", x=1, y=1.0, xanchor="right", yanchor="bottom",
            showarrow=False, font=dict(size=12, color="#b00020"), bordercolor="#b00020", borderwidth=1, borderpad=3,
        )
    event = present.chart(fig, key="map", on_select="rerun", selection_mode=("points",))
    if path is None:
        st.caption(t("regions.map_hint", lang))
    return event


def selection_bar(ranking: pd.DataFrame, view: ViewState, lang: str) -> None:
    """The provinces selected (by click or filter), a link to the profile, and a way to clear."""
    chosen = ranking[ranking["area_id"].isin(view.provinces)]
    if chosen.empty:
        return
    cols = st.columns([4, 2, 1])
    cols[0].markdown("**" + t("regions.selected", lang, names=", ".join(chosen["name"])) + "**")
    first = chosen.iloc[0]
    # A link rather than st.switch_page: it keeps the URL's filters (and can open in a new tab).
    params = {**st.query_params.to_dict(), "area": first["area_id"]}
    params.pop("ind", None)
    cols[1].page_link("pages/profile.py", label=t("regions.open_profile", lang, name=first["name"]),
                      icon=":material/arrow_forward:", query_params=params)
    if cols[2].button(t("regions.clear", lang), key="clear_selection"):
        shell.select_provinces([])


def summary_table(summary: pd.DataFrame, lang: str, unit: str, dec: int) -> pd.DataFrame:
    """The region summary, formatted for the language."""
    f = lambda v: i18n.fmt_number(v, lang, dec)  # noqa: E731  (the unit is in the value column's header)
    return pd.DataFrame(
        {
            t("col.region", lang): summary["name"],
            f"{t('col.value', lang)} ({unit})": [f(v) + (" *" if d else "") for v, d in zip(summary["value"], summary["derived"], strict=True)],
            t("col.median", lang): summary["median_value"].map(f),
            t("col.best", lang): [f"{n} ({f(v)})" if isinstance(n, str) else "–" for n, v in zip(summary["best_name"], summary["best_value"], strict=True)],
            t("col.worst", lang): [f"{n} ({f(v)})" if isinstance(n, str) else "–" for n, v in zip(summary["worst_name"], summary["worst_value"], strict=True)],
            t("col.coverage", lang): [f"{a}/{b}" for a, b in zip(summary["n_reported"], summary["n_areas"], strict=True)],
        }
    )


def missing_note(ranking: pd.DataFrame, lang: str, year: int) -> None:
    """Say which provinces have no value, rather than leaving a silent gap."""
    missing = ranking[ranking["value"].isna() & ~ranking["new_boundaries_only"]]
    if len(missing):
        st.caption(t("mark.missing", lang, n=len(missing), year=year, names=", ".join(missing["name"])))
