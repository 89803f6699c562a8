"""Province maps: pure builders of a tile-grid map and a true-shape choropleth (data in, go.Figure out).

Like ascc.charts, each map is assembled as dicts (traces, shapes, layout) and constructed in one go.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb
from shapely.geometry import MultiPolygon, shape
from shapely.geometry.polygon import orient

from ascc import geo, i18n
from ascc.charts import FONT_FAMILY, INK, MUTED, mark_annotation, new_figure

# Direction-aware colours: "better" is always the blue-green end, "worse" the warm brown end,
# whichever way the indicator runs. ColorBrewer BrBG (4 classes), which is colour-blind safe and has
# no near-white middle, so the light-grey "no data" tiles stay distinct from real values.
WORSE_COLOR = "#8c510a"
BETTER_COLOR = "#01665e"
_SCALE_STOPS = (WORSE_COLOR, "#dfc27d", "#80cdc1", BETTER_COLOR)
NO_DATA_COLOR = "#e3e3e3"
TILE_GAP_COLOR = "white"
SELECTED_COLOR = INK

# The tile map (see tile_map). Tile size in pixels once the figure is wide enough; the 34-province
# map is held to MAX_HEIGHT_PX. The widest tile label ("TNguyên") is 45 px wide at 11 px in Arial and
# 49 px at 12 px, so labels are 11 px, and 12 px on tiles from 52 px.
TILE_PX = {"63": 46, "34": 54}
MAX_HEIGHT_PX = {"34": 900}
TILE_FONT_PX = 11
TILE_FONT_PX_LARGE, LARGE_FROM_PX = 12, 52
# White gap between tiles, as a share of a tile.
TILE_GAP = 0.05
# Click targets: one point marker per tile, CLICK_SIZE of a tile wide, so that neighbours do not
# overlap (inside overlapping markers plotly picks the first, not the nearest) until the figure is
# about 30 % narrower than the full-size grid; HOVER_REACH (share of a tile beyond the marker's edge)
# still reaches a tile's corners (0.71 - 0.35 = 0.36).
CLICK_SIZE = 0.7
HOVER_REACH = 0.4
# The key (colour bar, then "no data") sits in the empty west side of the grid, left of the S,
# from this row down; the bar is this long in pixels, its title included.
KEY_TOP_ROW = {"63": 1.62, "34": 4.62}
KEY_BAR_PX = {"63": 220, "34": 190}
# Archipelago square (share of a tile); an upper estimate of text width per character (in em), for
# the room their labels need; white margin around the grid (share of a tile).
ARCHIPELAGO_SIDE = 0.44
EM_PER_CHAR = 0.58
EDGE_PAD = 0.08
# Characters per line of the title and the source note: they fit a figure about 450 px wide.
TITLE_CHARS = 44
NOTE_CHARS = 72

# Polygons smaller than this (square degrees, about 25 km²) get a dot so they stay visible.
ISLET_MAX_AREA = 0.002

# Trace names (or metas), for tests and for pages that read a selection.
NAME_TILES = "provinces"
NAME_TILE_FILLS = "tile fills"
NAME_TILE_LABELS = "tile labels"
NAME_ARCHIPELAGOS = "archipelagos"
NAME_ARCHIPELAGO_LABELS = "archipelago labels"
NAME_ISLETS = "islets"
NAME_SELECTED = "selected"
NAME_SCALE = "colour scale"
NAME_NO_DATA = "no data"


def colorscale(reversed_: bool) -> list[list[Any]]:
    """The colour scale from the lowest to the highest value; ``reversed_`` when lower is better."""
    stops = _SCALE_STOPS[::-1] if reversed_ else _SCALE_STOPS
    last = len(stops) - 1
    return [[i / last, c] for i, c in enumerate(stops)]


def tile_map(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    unit: str,
    colorscale_reversed: bool,
    selected_area_id: str | None = None,
    source_note: str = "",
    mark: str = "",
) -> go.Figure:
    """One equal square per province on the tile grid, coloured by value.

    ``df`` has one row per province of one boundary set: area_id, col, row (from
    ``geo.tile_layout``), label (short tile name), value (may be NaN), value_text (formatted value;
    a trailing unit is left off on the tile, the colour bar names it) and hover (full name, value and
    marks). The Hoàng Sa and Trường Sa archipelagos are drawn in the sea, in the colour of Đà Nẵng and
    Khánh Hòa, and labelled. ``mark`` (e.g. the demo label) goes at the right, under the title.

    Everything is drawn in data coordinates on square axes, so the map scales with the width it gets:
    the height follows the grid's rows (TILE_PX each) and from about 450 px wide the whole grid fits
    at that size; narrower, it shrinks as a whole. The map keeps to the left edge, so the colour bar
    and the "no data" key, placed from that edge, sit in the empty west side of the grid.

    NOTE: the tiles are the cells of a heatmap (one trace, fast to build and draw; its colours come
    from the same scale as the colour bar). Streamlit returns a selection only for point traces, so
    one nearly transparent square marker per tile (trace NAME_TILES, customdata[0] = area_id, hover
    label in the tile's colour) carries hover and clicks; the labels are a text trace that ignores
    the mouse.
    """
    boundary_set = _boundary_set_of(df["area_id"])
    area_ids = df["area_id"].to_numpy(dtype=object)
    cols = df["col"].to_numpy(dtype=int)
    rows = df["row"].to_numpy(dtype=int)
    xs, ys = cols.astype(float), -rows.astype(float)
    values = pd.to_numeric(df["value"], errors="coerce").to_numpy(dtype=float)
    scale = colorscale(colorscale_reversed)
    fills, vmin, vmax = _fill_colors(values, scale)
    valid = np.isfinite(values)
    labels = df["label"].fillna("").astype(str).to_numpy(dtype=object)
    value_texts = np.array(
        [_without_unit(s, unit) for s in df["value_text"].fillna("").astype(str)], dtype=object
    )
    texts = np.where(valid & (value_texts != ""), labels + "<br>" + value_texts, labels)
    hovers = df["hover"].fillna("").astype(str).to_numpy(dtype=object)
    inks = _text_colors(fills)

    title_text = _wrap(title, TITLE_CHARS)
    note_text = _wrap(source_note, NOTE_CHARS)
    # Room above the plot for the title and, under it on the right, a one-line mark a page may add.
    top = 12 + 22 * (title_text.count("<br>") + 1) + 28
    bottom = 22 + 15 * (note_text.count("<br>") + 1) if source_note else 12
    px = TILE_PX[boundary_set]
    if boundary_set in MAX_HEIGHT_PX:
        grid_rows = rows.max() - rows.min() + 1 + 2 * EDGE_PAD
        px = min(px, int((MAX_HEIGHT_PX[boundary_set] - top - bottom) / grid_rows))
    font_size = TILE_FONT_PX_LARGE if px >= LARGE_FROM_PX else TILE_FONT_PX
    gap_px = max(1, round(px * TILE_GAP))

    traces = []
    # Heatmap rows run upwards, from y = -(last row) to y = 0.
    n_rows, n_cols = rows.max() + 1, cols.max() + 1
    grid_x, grid_y = np.arange(n_cols, dtype=float), np.arange(-(n_rows - 1), 1, dtype=float)
    z_value = np.full((n_rows, n_cols), np.nan)
    z_value[n_rows - 1 - rows[valid], cols[valid]] = values[valid]
    z_missing = np.full((n_rows, n_cols), np.nan)
    z_missing[n_rows - 1 - rows[~valid], cols[~valid]] = 0.0
    span = (vmin, vmax) if vmax > vmin else (vmin - 1, vmax + 1)  # one value: the middle colour
    for z, colors, zrange in (
        (z_value, scale, span),
        (z_missing, [[0, NO_DATA_COLOR], [1, NO_DATA_COLOR]], (0, 1)),
    ):
        if np.isfinite(z).any():
            traces.append(
                dict(
                    type="heatmap",
                    x=grid_x,
                    y=grid_y,
                    z=z,
                    zmin=zrange[0],
                    zmax=zrange[1],
                    colorscale=colors,
                    showscale=False,
                    xgap=gap_px,
                    ygap=gap_px,
                    hoverinfo="skip",
                    name=NAME_TILE_FILLS,
                )
            )
    traces.append(
        dict(
            type="scatter",
            x=xs,
            y=ys,
            mode="markers",
            name=NAME_TILES,
            marker=dict(symbol="square", size=round(px * CLICK_SIZE), color=INK, opacity=0.01),
            customdata=area_ids.reshape(-1, 1),
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            # The hover label in the tile's colour (the marker's own colour is all but transparent).
            hoverlabel=dict(bgcolor=fills, font=dict(color=inks)),
            showlegend=False,
        )
    )
    traces.append(
        dict(
            type="scatter",
            x=xs,
            y=ys,
            mode="text",
            name=NAME_TILE_LABELS,
            text=texts,
            textposition="middle center",
            textfont=dict(size=font_size, color=inks, family=FONT_FAMILY),
            # A selection (a click) dims the unselected points of every trace; with a "selected" text
            # colour set, plotly leaves unselected labels in their own colour instead.
            selected=dict(textfont=dict(color=INK)),
            hoverinfo="skip",
            showlegend=False,
        )
    )

    # Archipelagos: a small square in the parent province's colour, labelled below.
    arch = geo.archipelago_tiles(boundary_set)
    ax = arch["col"].to_numpy(dtype=float)
    ay = -arch["row"].to_numpy(dtype=float)
    parents = arch["parent_area_id"].to_numpy(dtype=object)
    parent_fill = dict(zip(area_ids, fills, strict=True))
    parent_hover = dict(zip(area_ids, hovers, strict=True))
    arch_fills = np.array([parent_fill.get(p, NO_DATA_COLOR) for p in parents], dtype=object)
    arch_text = np.array(
        [_wrap(s, 14) for s in arch["label_vi" if lang == "vi" else "label_en"]], dtype=object
    )
    arch_hover = np.array(
        [
            f"<b>{t.replace('<br>', ' ')}</b><br>{parent_hover.get(p, '')}"
            for t, p in zip(arch_text, parents, strict=True)
        ],
        dtype=object,
    )
    arch_half = ARCHIPELAGO_SIDE / 2
    shapes = [
        _rect(x, y, arch_half, fillcolor=fill, line=dict(color=MUTED, width=1), layer="below")
        for x, y, fill in zip(ax, ay, arch_fills, strict=True)
    ]
    traces.append(
        dict(
            type="scatter",
            x=ax,
            y=ay,
            mode="markers",
            name=NAME_ARCHIPELAGOS,
            marker=dict(symbol="square", size=round(px * ARCHIPELAGO_SIDE), color=INK, opacity=0.01),
            customdata=parents.reshape(-1, 1),
            hovertext=arch_hover,
            hovertemplate="%{hovertext}<extra></extra>",
            hoverlabel=dict(bgcolor=arch_fills, font=dict(color=_text_colors(arch_fills))),
            showlegend=False,
        )
    )
    traces.append(
        dict(
            type="scatter",
            x=ax,
            y=ay - arch_half - 0.06,
            mode="text",
            name=NAME_ARCHIPELAGO_LABELS,
            text=arch_text,
            textposition="bottom center",
            textfont=dict(size=font_size, color=INK, family=FONT_FAMILY),
            selected=dict(textfont=dict(color=INK)),
            customdata=parents.reshape(-1, 1),
            hovertext=arch_hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )

    if selected_area_id is not None and selected_area_id in set(area_ids):
        i = int(np.flatnonzero(area_ids == selected_area_id)[0])
        half = (1 - TILE_GAP) / 2
        x0, x1, y0, y1 = xs[i] - half, xs[i] + half, ys[i] - half, ys[i] + half
        traces.append(
            dict(
                type="scatter",
                x=np.array([x0, x1, x1, x0, x0]),
                y=np.array([y0, y0, y1, y1, y0]),
                mode="lines",
                name=NAME_SELECTED,
                line=dict(color=SELECTED_COLOR, width=3.5),
                customdata=np.full((5, 1), selected_area_id, dtype=object),
                hoverinfo="skip",
                showlegend=False,
            )
        )

    # The extent: every tile, and the archipelago labels (their width estimated from the characters).
    lines = [line for text in arch_text for line in text.split("<br>")]
    label_half_w = max(len(s) for s in lines) * EM_PER_CHAR * font_size / 2 / px
    label_h = max(t.count("<br>") + 1 for t in arch_text) * 1.3 * font_size / px + 0.2
    x_lo = xs.min() - 0.5 - 0.12
    x_hi = max(xs.max() + 0.5, (ax + label_half_w).max()) + EDGE_PAD
    y_lo = min(ys.min() - 0.5, (ay - arch_half - label_h).min()) - EDGE_PAD
    y_hi = ys.max() + 0.5 + EDGE_PAD
    plot_h = round((y_hi - y_lo) * px)

    # The key, from the left edge: the colour bar, and "no data" just under it.
    key_top = (-KEY_TOP_ROW[boundary_set] - y_lo) / (y_hi - y_lo)
    bar_px = KEY_BAR_PX[boundary_set]
    traces += _scale_and_no_data(
        scale,
        vmin,
        vmax,
        _wrap(unit, 12),
        lang,
        any_missing=not valid.all(),
        colorbar=dict(x=0, xanchor="left", xpad=2, y=key_top, yanchor="top", lenmode="pixels", len=bar_px),
    )
    legend_top = key_top - ((bar_px + 6) / plot_h if np.isfinite(vmin) else 0)

    layout = _house_layout(title=title_text, lang=lang, source_note=note_text, mark=mark)
    # The title from the left edge of the figure, in the room kept above the plot.
    layout["title"].update(x=0, xref="paper", yref="container", y=1, yanchor="top", pad=dict(t=12))
    layout.update(
        shapes=shapes,
        height=plot_h + top + bottom,
        margin=dict(l=4, r=4, t=top, b=bottom),
        xaxis=dict(
            range=[x_lo, x_hi], visible=False, fixedrange=True, constrain="domain", constraintoward="left"
        ),
        yaxis=dict(
            range=[y_lo, y_hi],
            visible=False,
            fixedrange=True,
            scaleanchor="x",
            scaleratio=1,
            constrain="domain",
            constraintoward="top",
        ),
        dragmode=False,
        clickmode="event+select",
        hovermode="closest",
        hoverdistance=round(px * HOVER_REACH),
        showlegend=True,
        legend=dict(x=0, y=legend_top, xanchor="left", yanchor="top", font=dict(size=font_size)),
    )
    return new_figure(traces, layout)


def choropleth_map(
    df: pd.DataFrame,
    geojson: Mapping[str, Any],
    *,
    lang: str,
    title: str,
    unit: str,
    colorscale_reversed: bool,
    selected_area_id: str | None = None,
    source_note: str = "",
    mark: str = "",
    height: int = 820,
) -> go.Figure:
    """True-shape map of one boundary set: provinces filled by value, drawn without any base map.

    ``df`` has area_id, value (may be NaN) and hover; ``geojson`` comes from
    ``geo.load_boundaries_63`` or ``geo.dissolve_to_34`` (feature ``id`` = area_id). Provinces of
    the GeoJSON without a value are light grey. One invisible point per province (at a point inside
    it) carries the area_id in ``customdata[0]`` for clicks and selections. The Hoàng Sa and Trường Sa
    archipelagos are boxed (dashed), marked and labelled even where their islets are too small to see;
    every islet smaller than ISLET_MAX_AREA gets a dot in its province's colour. ``mark`` (e.g. the demo
    label) goes at the top right.

    NOTE: plotly's geo subplots (go.Choropleth) fetch a world topojson from cdn.plot.ly before they
    draw anything, even with the base map hidden, so offline they stay blank. The provinces are
    therefore drawn as filled outlines on plain axes, in longitude/latitude with the latitude
    stretched by 1/cos(mid-latitude), which is close to a conformal view over Viet Nam's extent.
    """
    boundary_set = _boundary_set_of(df["area_id"])
    values = dict(zip(df["area_id"], pd.to_numeric(df["value"], errors="coerce").astype(float), strict=True))
    hover_of = dict(zip(df["area_id"], df["hover"].fillna("").astype(str), strict=True))
    scale = colorscale(colorscale_reversed)
    features = list(geojson.get("features") or [])
    ids = np.array([f["id"] for f in features], dtype=object)
    vals = np.array([values.get(i, np.nan) for i in ids], dtype=float)
    fills, vmin, vmax = _fill_colors(vals, scale)

    traces, anchors = [], []
    for feature, fid, fill in zip(features, ids, fills, strict=True):
        geom = shape(feature["geometry"])
        xs, ys = _ring_path(geom)
        traces.append(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=fill,
                line=dict(color=TILE_GAP_COLOR, width=0.7),
                name=fid,
                meta=NAME_TILES,
                # For fills plotly shows a trace-level text in the hover label (not a template).
                text=hover_of.get(fid, fid),
                hoverinfo="text",
                hoveron="fills",
                showlegend=False,
            )
        )
        anchors.append(_anchor_point(geom))
    anchor_xy = np.array(anchors, dtype=float).reshape(-1, 2)
    traces.append(
        dict(
            type="scatter",
            x=anchor_xy[:, 0],
            y=anchor_xy[:, 1],
            mode="markers",
            name=NAME_TILES,
            marker=dict(size=18, color="rgba(0,0,0,0)"),
            customdata=ids.reshape(-1, 1),
            hovertext=np.array([hover_of.get(i, i) for i in ids], dtype=object),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    if selected_area_id is not None and selected_area_id in set(ids):
        feature = features[int(np.flatnonzero(ids == selected_area_id)[0])]
        xs, ys = _ring_path(shape(feature["geometry"]))
        traces.append(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                mode="lines",
                name=NAME_SELECTED,
                line=dict(color=SELECTED_COLOR, width=3),
                hoverinfo="skip",
                showlegend=False,
            )
        )

    traces += _islets(features, fills)
    arch = geo.archipelago_labels()
    labels = np.array([a["label_vi" if lang == "vi" else "label_en"] for a in arch], dtype=object)
    parents = np.array([geo.area_id(boundary_set, a["province_code"]) for a in arch], dtype=object)
    parent_fill = dict(zip(ids, fills, strict=True))
    arch_hover = np.array(
        [f"<b>{lbl}</b><br>{hover_of.get(p, '')}" for lbl, p in zip(labels, parents, strict=True)],
        dtype=object,
    )
    shapes = [
        dict(type="rect", x0=lon0, y0=lat0, x1=lon1, y1=lat1, line=dict(color=MUTED, width=1, dash="dash"), layer="below")
        for lon0, lat0, lon1, lat1 in (a["extent"] for a in arch)
    ]
    traces.append(
        dict(
            type="scatter",
            x=np.array([a["lon"] for a in arch], dtype=float),
            y=np.array([a["lat"] for a in arch], dtype=float),
            mode="markers",
            name=NAME_ARCHIPELAGOS,
            marker=dict(
                symbol="square",
                size=9,
                color=np.array([parent_fill.get(p, NO_DATA_COLOR) for p in parents], dtype=object),
                line=dict(color=MUTED, width=1),
            ),
            customdata=parents.reshape(-1, 1),
            hovertext=arch_hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    traces.append(
        dict(
            type="scatter",
            x=np.array([(a["extent"][0] + a["extent"][2]) / 2 for a in arch], dtype=float),
            y=np.array([a["extent"][1] - 0.15 for a in arch], dtype=float),
            mode="text",
            name=NAME_ARCHIPELAGO_LABELS,
            text=np.array([_two_lines(s) for s in labels], dtype=object),
            textposition="bottom center",
            textfont=dict(size=13, color=INK, family=FONT_FAMILY),
            customdata=parents.reshape(-1, 1),
            hovertext=arch_hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    traces += _scale_and_no_data(scale, vmin, vmax, unit, lang, any_missing=not np.isfinite(vals).all())

    bounds = np.array([shape(f["geometry"]).bounds for f in features], dtype=float).reshape(-1, 4)
    boxes = np.array([a["extent"] for a in arch], dtype=float)
    bounds = np.vstack([bounds, boxes])
    lon_lo, lon_hi = bounds[:, 0].min() - 0.3, bounds[:, 2].max() + 0.6
    # Below the lowest box: room for its two-line label.
    lat_lo, lat_hi = min(bounds[:, 1].min(), boxes[:, 1].min() - 1.3), bounds[:, 3].max() + 0.3
    mid_lat = np.radians((lat_lo + lat_hi) / 2)
    layout = _house_layout(title=title, lang=lang, source_note=source_note, mark=mark)
    layout.update(
        shapes=shapes,
        height=height,
        margin=dict(l=10, r=10, t=64, b=48 if source_note else 16),
        xaxis=dict(range=[lon_lo, lon_hi], visible=False, constrain="domain"),
        yaxis=dict(
            range=[lat_lo, lat_hi],
            visible=False,
            scaleanchor="x",
            scaleratio=1 / np.cos(mid_lat),
            constrain="domain",
        ),
        clickmode="event+select",
        hovermode="closest",
        legend=dict(x=1.0, y=0.02, xanchor="right", yanchor="bottom", font=dict(size=12)),
    )
    return new_figure(traces, layout)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _islets(features: list[Mapping[str, Any]], fills: np.ndarray) -> list[dict]:
    """A dot in the province's colour on every islet too small to see as a shape (Hoàng Sa, Trường Sa...)."""
    xs, ys, colors, owners = [], [], [], []
    for feature, fill in zip(features, fills, strict=True):
        geom = shape(feature["geometry"])
        for poly in geom.geoms if isinstance(geom, MultiPolygon) else [geom]:
            if not poly.is_empty and poly.area < ISLET_MAX_AREA:
                c = poly.centroid
                xs.append(c.x)
                ys.append(c.y)
                colors.append(fill)
                owners.append(feature["id"])
    if not xs:
        return []
    return [
        dict(
            type="scatter",
            x=np.array(xs, dtype=float),
            y=np.array(ys, dtype=float),
            mode="markers",
            name=NAME_ISLETS,
            marker=dict(size=5, color=np.array(colors, dtype=object), line=dict(color=MUTED, width=0.5)),
            customdata=np.array(owners, dtype=object).reshape(-1, 1),
            hoverinfo="skip",
            showlegend=False,
        )
    ]


def _ring_path(geom: Any) -> tuple[np.ndarray, np.ndarray]:
    """All rings of a (Multi)Polygon as one x/y path, rings separated by NaN gaps.

    Exteriors run counter-clockwise and holes clockwise, so the SVG non-zero fill leaves holes open.
    """
    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    chunks = []
    for poly in parts:
        if poly.is_empty:
            continue
        poly = orient(poly, sign=1.0)
        for ring in (poly.exterior, *poly.interiors):
            chunks.append(np.asarray(ring.coords, dtype=float)[:, :2])
            chunks.append(np.full((1, 2), np.nan))
    if not chunks:
        return np.array([], dtype=float), np.array([], dtype=float)
    path = np.vstack(chunks[:-1])
    return path[:, 0], path[:, 1]


def _anchor_point(geom: Any) -> tuple[float, float]:
    """A point inside the largest polygon: where a province's click target sits."""
    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    largest = max(parts, key=lambda p: p.area)
    point = largest.representative_point()
    return float(point.x), float(point.y)


def _boundary_set_of(area_ids: pd.Series) -> str:
    """'63' or '34' from P63-/P34- area ids; all rows must belong to one set."""
    sets = set(area_ids.astype(str).str.extract(r"^P(63|34)-", expand=False).fillna("?"))
    if len(sets) != 1 or "?" in sets:
        raise ValueError(
            f"a province map needs area ids of one boundary set (P63-* or P34-*), got {sorted(sets)}"
        )
    return sets.pop()


def _fill_colors(values: np.ndarray, scale: list[list[Any]]) -> tuple[np.ndarray, float, float]:
    """Each value's colour on the scale (grey when missing) and the scale's range."""
    fills = np.full(len(values), NO_DATA_COLOR, dtype=object)
    valid = np.isfinite(values)
    if not valid.any():
        return fills, np.nan, np.nan
    vmin, vmax = float(values[valid].min()), float(values[valid].max())
    span = vmax - vmin
    positions = (values[valid] - vmin) / span if span > 0 else np.full(int(valid.sum()), 0.5)
    fills[valid] = sample_colorscale(scale, positions.tolist())
    return fills, vmin, vmax


def _text_colors(fills: np.ndarray) -> np.ndarray:
    """White or ink text on each fill, whichever contrasts more (WCAG relative luminance)."""
    ink_lum = _luminance(INK)
    out = np.empty(len(fills), dtype=object)
    for i, color in enumerate(fills):
        lum = _luminance(color)
        out[i] = "white" if 1.05 / (lum + 0.05) > (lum + 0.05) / (ink_lum + 0.05) else INK
    return out


def _luminance(color: str) -> float:
    """WCAG 2 relative luminance of an "rgb(...)" or "#rrggbb" colour."""
    rgb = unlabel_rgb(color if color.startswith("rgb") else _hex_to_rgb(color))
    lin = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _hex_to_rgb(color: str) -> str:
    h = color.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (0, 2, 4)))


def _rect(x: float, y: float, half: float, **style: Any) -> dict:
    """A layout rectangle in data coordinates centred on (x, y)."""
    return dict(type="rect", xref="x", yref="y", x0=x - half, x1=x + half, y0=y - half, y1=y + half, **style)


def _without_unit(value_text: str, unit: str) -> str:
    """'3,37 %' -> '3,37': a tile shows the number; the colour bar names the unit."""
    if unit and value_text.endswith(unit):
        return value_text[: -len(unit)].rstrip()
    return value_text


def _wrap(text: str, width: int) -> str:
    """Text broken into lines of at most ``width`` characters (at spaces), joined by <br>."""
    lines = [w for part in text.split("<br>") for w in textwrap.wrap(part, width, break_long_words=False)]
    return "<br>".join(lines)


def _two_lines(label: str) -> str:
    """'QĐ. Hoàng Sa (Đà Nẵng)' -> 'QĐ. Hoàng Sa<br>(Đà Nẵng)'."""
    return label.replace(" (", "<br>(", 1)


def _colorbar(unit: str, **placement: Any) -> dict:
    """The colour bar, titled with the unit; at the top right unless ``placement`` says otherwise."""
    bar = dict(
        title=dict(text=unit, side="top", font=dict(size=12, color=MUTED)),
        thickness=14,
        len=0.4,
        x=1.0,
        xanchor="right",
        y=0.98,
        yanchor="top",
        outlinewidth=0,
        tickfont=dict(size=12),
        separatethousands=True,
    )
    return bar | placement


def _scale_and_no_data(
    scale: list[list[Any]],
    vmin: float,
    vmax: float,
    unit: str,
    lang: str,
    *,
    any_missing: bool,
    colorbar: Mapping[str, Any] | None = None,
) -> list[dict]:
    """A colour bar (a point-less trace carries it) and a legend entry for the grey 'no data' tiles."""
    traces = []
    if np.isfinite(vmin):
        traces.append(
            dict(
                type="scatter",
                x=np.array([np.nan]),
                y=np.array([np.nan]),
                mode="markers",
                name=NAME_SCALE,
                marker=dict(
                    colorscale=scale,
                    cmin=vmin,
                    cmax=vmax,
                    color=np.array([vmin]),
                    showscale=True,
                    colorbar=_colorbar(unit, **(colorbar or {})),
                ),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    if any_missing:
        traces.append(
            dict(
                type="scatter",
                x=np.array([np.nan]),
                y=np.array([np.nan]),
                mode="markers",
                name=i18n.t("map.no_data", lang),
                marker=dict(symbol="square", size=14, color=NO_DATA_COLOR, line=dict(color=MUTED, width=0.5)),
                hoverinfo="skip",
                showlegend=True,
                meta=NAME_NO_DATA,
            )
        )
    return traces


def _house_layout(*, title: str, lang: str, source_note: str, mark: str = "") -> dict:
    """Title, fonts, the source line and the mark (e.g. the demo label, right, under the title) of both maps."""
    annotations = []
    if source_note:
        annotations.append(
            dict(
                text=source_note,
                xref="paper",
                yref="paper",
                x=0,
                y=0,
                yshift=-10,
                xanchor="left",
                yanchor="top",
                showarrow=False,
                font=dict(size=11, color=MUTED),
                align="left",
            )
        )
    if mark:
        annotations.append(mark_annotation(mark))
    layout = dict(
        title=dict(text=title, x=0.01, xanchor="left", font=dict(size=17, color=INK)),
        font=dict(family=FONT_FAMILY, size=13, color=INK),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=13)),
        separators=",." if lang == "vi" else ".,",
    )
    if annotations:
        layout["annotations"] = annotations
    return layout
