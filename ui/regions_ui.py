"""Pieces of the Regions page: the year in force, the map, the selection bar and the summary table."""

from __future__ import annotations

import unicodedata

import pandas as pd
import streamlit as st

from ascc import charts, db, figcache, geo, i18n, maps, settings, sources
from ascc.i18n import t
from ascc.rows import each_row
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

    return pd.Series([one(r) for r in each_row(ranking)], index=ranking.index, dtype=object)


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
    unit = ind["unit"]
    kw = dict(
        lang=lang,
        unit=unit,
        decimals=int(ind["decimals"]),
        title=t("regions.map_title", lang, name=name, year=year) + charts.unit_suffix(unit),
        colorscale_reversed=not ind["higher_is_better"],
        selected_area_id=selected[0] if len(selected) == 1 else None,
        source_note=t("chart.source", lang, source=sources.credit(ranking[ranking["value"].notna()], ind["source"])),
        mark=t("demo.mark", lang) if demo else "",
    )
    path = settings.boundaries_path()
    if path is not None:
        version = db.dataset_info().version  # the lineage comes from the dataset
        fig = figcache.build(shape_map, ranking, str(path), path.stat().st_mtime, boundary, version, **kw)
    else:
        fig = figcache.build(tile_map, ranking, boundary, **kw)
    event = present.chart(fig, key="map", on_select="rerun", selection_mode=("points",))
    if path is None:
        st.caption(t("regions.map_hint", lang))
    return event


def _map_frame(ranking: pd.DataFrame, lang: str, unit: str, decimals: int) -> pd.DataFrame:
    df = ranking.copy()
    df["value_text"] = [i18n.fmt_value(v, unit, lang, decimals) for v in df["value"]]
    df["hover"] = _hover(df, lang, unit, decimals)
    return df


def tile_map(ranking: pd.DataFrame, boundary: str, *, lang: str, unit: str, decimals: int, **kw):
    """The page's tile map of a ranking (figure builder, memoised through figcache)."""
    df = _map_frame(ranking, lang, unit, decimals).merge(geo.tile_layout(boundary), on="area_id", how="inner")
    df["label"] = df["tile_label"] if lang == "vi" else df["tile_label"].map(ascii_label)
    return maps.tile_map(df, lang=lang, unit=unit, **kw)


def shape_map(ranking: pd.DataFrame, path: str, mtime: float, boundary: str, version: str, *, lang: str,
              unit: str, decimals: int, **kw):  # fmt: skip
    """The page's true-shape map of a ranking (figure builder, memoised through figcache; ``version`` is the
    dataset's, whose lineage dissolves the 63 provinces into the 34)."""
    pairs = db.run_query("lineage_pairs")
    fc = _boundaries(path, mtime, boundary, tuple(map(tuple, pairs.to_numpy())))
    return maps.choropleth_map(_map_frame(ranking, lang, unit, decimals), fc, lang=lang, unit=unit, **kw)


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
            f"{t('col.value', lang)} ({unit})": [
                f(v) + (" *" if d else "") + (" †" if e else "")
                for v, d, e in zip(summary["value"], summary["derived"], summary["estimated"], strict=True)
            ],
            t("col.median", lang): summary["median_value"].map(f),
            t("col.best", lang): [f"{n} ({f(v)})" if isinstance(n, str) else "–" for n, v in zip(summary["best_name"], summary["best_value"], strict=True)],
            t("col.worst", lang): [f"{n} ({f(v)})" if isinstance(n, str) else "–" for n, v in zip(summary["worst_name"], summary["worst_value"], strict=True)],
            t("col.coverage", lang): [f"{a}/{b}" for a, b in zip(summary["n_reported"], summary["n_areas"], strict=True)],
            # published as such, or computed from the provinces (the one value every page shows); last, so
            # value, median, best and worst stay visible on a laptop screen
            t("col.basis", lang): [t(f"value.basis_short.{b}", lang) if isinstance(b, str) else "–" for b in summary["basis"]],
        }
    )


def missing_note(ranking: pd.DataFrame, lang: str, year: int) -> None:
    """Say which provinces have no value, rather than leaving a silent gap."""
    missing = ranking[ranking["value"].isna() & ~ranking["new_boundaries_only"]]
    if len(missing):
        st.caption(t("mark.missing", lang, n=len(missing), year=year, names=", ".join(missing["name"])))
