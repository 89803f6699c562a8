"""Province maps: pure builders of a tile-grid map and a true-shape choropleth (data in, go.Figure out)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb
from shapely.geometry import MultiPolygon, shape
from shapely.geometry.polygon import orient

from ascc import geo
from ascc.charts import FONT_FAMILY, INK, MUTED

# Direction-aware colours: "better" is always the blue-green end, "worse" the warm brown end,
# whichever way the indicator runs. ColorBrewer BrBG (4 classes), which is colour-blind safe and has
# no near-white middle, so the light-grey "no data" tiles stay distinct from real values.
WORSE_COLOR = "#8c510a"
BETTER_COLOR = "#01665e"
_SCALE_STOPS = (WORSE_COLOR, "#dfc27d", "#80cdc1", BETTER_COLOR)
NO_DATA_COLOR = "#e3e3e3"
TILE_GAP_COLOR = "white"
SELECTED_COLOR = INK

# Tile size in pixels once the figure is wide enough (see tile_map), label size, and the rows of the
# empty west side (left of the S) where the colour bar and the "no data" key go.
TILE_PX = {"63": 44, "34": 54}
TILE_FONT = {"63": 11, "34": 12}
KEY_TOP_ROW = {"63": 1.62, "34": 4.62}
# Share of a cell left white between two tiles, and the estimated text width per character (in em):
# Arial measures 0.51 em on the widest label, Noto Sans a little more.
TILE_GAP = 0.07
EM_PER_CHAR = 0.58

# Polygons smaller than this (square degrees, about 25 km²) get a dot so they stay visible.
ISLET_MAX_AREA = 0.002

# The one user-facing string of these maps, in both languages.
_TEXT: dict[str, dict[str, str]] = {
    "no_data": {"vi": "Không có số liệu", "en": "No data"},
}

# Trace names (or metas), for tests and for pages that read a selection.
NAME_TILES = "provinces"
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
) -> go.Figure:
    """One equal square per province on the tile grid, coloured by value.

    ``df`` has one row per province of one boundary set: area_id, col, row (from
    ``geo.tile_layout``), label (short tile name), value (may be NaN), value_text (formatted value)
    and hover (full name, value and marks). Every point carries its area_id in ``customdata``, so
    a click or selection in Streamlit returns the province. The Hoàng Sa and Trường Sa
    archipelagos are drawn in the sea, in the colour of Đà Nẵng and Khánh Hòa, and labelled.

    NOTE: marker sizes are in pixels, so the figure has a fixed height and the smallest width that
    fits; shown narrower than that width, tiles overlap.
    """
    boundary_set = _boundary_set_of(df["area_id"])
    px = TILE_PX[boundary_set]
    font_size = TILE_FONT[boundary_set]
    area_ids = df["area_id"].to_numpy(dtype=object)
    xs = df["col"].to_numpy(dtype=float)
    ys = -df["row"].to_numpy(dtype=float)
    values = pd.to_numeric(df["value"], errors="coerce").to_numpy(dtype=float)
    scale = colorscale(colorscale_reversed)
    fills, vmin, vmax = _fill_colors(values, scale)
    valid = np.isfinite(values)
    labels = df["label"].fillna("").astype(str).to_numpy(dtype=object)
    value_texts = df["value_text"].fillna("").astype(str).to_numpy(dtype=object)
    texts = np.where(valid & (value_texts != ""), labels + "<br>" + value_texts, labels)

    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            name=NAME_TILES,
            marker=dict(symbol="square", size=px - 3, color=fills, line=dict(color=TILE_GAP_COLOR, width=1)),
            text=texts,
            textposition="middle center",
            textfont=dict(size=font_size, color=_text_colors(fills), family=FONT_FAMILY),
            customdata=area_ids,
            hovertext=df["hover"].fillna("").astype(str).to_numpy(dtype=object),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )

    # Archipelagos: a smaller square in the parent province's colour, labelled below.
    arch = geo.archipelago_tiles(boundary_set)
    parent_fill = dict(zip(area_ids, fills, strict=True))
    parent_hover = dict(zip(area_ids, df["hover"].fillna("").astype(str), strict=True))
    arch_labels = arch["label_vi" if lang == "vi" else "label_en"].to_numpy(dtype=object)
    fig.add_trace(
        go.Scatter(
            x=arch["col"].to_numpy(dtype=float),
            y=-arch["row"].to_numpy(dtype=float),
            mode="markers+text",
            name=NAME_ARCHIPELAGOS,
            marker=dict(
                symbol="square",
                size=round(px * 0.45),
                color=np.array(
                    [parent_fill.get(p, NO_DATA_COLOR) for p in arch["parent_area_id"]], dtype=object
                ),
                line=dict(color=MUTED, width=1),
            ),
            text=np.array([_two_lines(s) for s in arch_labels], dtype=object),
            textposition="bottom center",
            textfont=dict(size=font_size, color=INK, family=FONT_FAMILY),
            customdata=arch["parent_area_id"].to_numpy(dtype=object),
            hovertext=np.array(
                [
                    f"<b>{lbl}</b><br>{parent_hover.get(p, '')}"
                    for lbl, p in zip(arch_labels, arch["parent_area_id"], strict=True)
                ],
                dtype=object,
            ),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )

    if selected_area_id is not None and selected_area_id in set(area_ids):
        i = int(np.flatnonzero(area_ids == selected_area_id)[0])
        fig.add_trace(
            go.Scatter(
                x=xs[i : i + 1],
                y=ys[i : i + 1],
                mode="markers",
                name=NAME_SELECTED,
                marker=dict(
                    symbol="square",
                    size=px - 3,
                    color="rgba(0,0,0,0)",
                    line=dict(color=SELECTED_COLOR, width=4),
                ),
                customdata=area_ids[i : i + 1],
                hoverinfo="skip",
                showlegend=False,
            )
        )

    _add_scale_and_no_data(fig, scale, vmin, vmax, unit, lang, any_missing=not valid.all())

    x_lo = min(xs.min(), arch["col"].min()) - 0.75
    x_hi = max(xs.max(), arch["col"].max()) + 1.0
    y_lo = min(ys.min(), -arch["row"].max() - 0.9) - 0.6
    y_hi = ys.max() + 0.6
    margin = dict(l=10, r=10, t=64, b=48 if source_note else 16)
    plot_w = round((x_hi - x_lo) * px)
    # The plot keeps the left part of the paper; the colour bar and legend sit in the right strip.
    fig.update_layout(
        height=round((y_hi - y_lo) * px) + margin["t"] + margin["b"],
        width=plot_w + SIDE_STRIP_PX + margin["l"] + margin["r"],
        margin=margin,
        xaxis=dict(
            range=[x_lo, x_hi],
            domain=[0, plot_w / (plot_w + SIDE_STRIP_PX)],
            visible=False,
            fixedrange=True,
            constrain="domain",
        ),
        yaxis=dict(
            range=[y_lo, y_hi],
            visible=False,
            fixedrange=True,
            scaleanchor="x",
            scaleratio=1,
            constrain="domain",
        ),
        dragmode=False,
        clickmode="event+select",
        legend=dict(x=1.0, y=0.02, xanchor="right", yanchor="bottom", font=dict(size=12)),
    )
    _house_look(fig, title=title, lang=lang, source_note=source_note)
    return fig


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
    height: int = 820,
) -> go.Figure:
    """True-shape map of one boundary set: provinces filled by value, drawn without any base map.

    ``df`` has area_id, value (may be NaN) and hover; ``geojson`` comes from
    ``geo.load_boundaries_63`` or ``geo.dissolve_to_34`` (feature ``id`` = area_id). Provinces of
    the GeoJSON without a value are light grey. One invisible point per province (at a point inside
    it) carries the area_id in ``customdata`` for clicks and selections. The Hoàng Sa and Trường Sa
    archipelagos are boxed (dashed), marked and labelled even where their islets are too small to see;
    every islet smaller than ISLET_MAX_AREA gets a dot in its province's colour.

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

    fig = go.Figure()
    anchors = []
    for feature, fid, fill in zip(features, ids, fills, strict=True):
        geom = shape(feature["geometry"])
        xs, ys = _ring_path(geom)
        fig.add_trace(
            go.Scatter(
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
    fig.add_trace(
        go.Scatter(
            x=anchor_xy[:, 0],
            y=anchor_xy[:, 1],
            mode="markers",
            name=NAME_TILES,
            marker=dict(size=18, color="rgba(0,0,0,0)"),
            customdata=ids,
            hovertext=np.array([hover_of.get(i, i) for i in ids], dtype=object),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    if selected_area_id is not None and selected_area_id in set(ids):
        feature = features[int(np.flatnonzero(ids == selected_area_id)[0])]
        xs, ys = _ring_path(shape(feature["geometry"]))
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=NAME_SELECTED,
                line=dict(color=SELECTED_COLOR, width=3),
                hoverinfo="skip",
                showlegend=False,
            )
        )

    _add_islets(fig, features, fills)
    arch = geo.archipelago_labels()
    labels = np.array([a["label_vi" if lang == "vi" else "label_en"] for a in arch], dtype=object)
    parents = np.array([geo.area_id(boundary_set, a["province_code"]) for a in arch], dtype=object)
    parent_fill = dict(zip(ids, fills, strict=True))
    arch_hover = np.array(
        [f"<b>{lbl}</b><br>{hover_of.get(p, '')}" for lbl, p in zip(labels, parents, strict=True)],
        dtype=object,
    )
    for a in arch:
        lon0, lat0, lon1, lat1 = a["extent"]
        fig.add_shape(
            type="rect",
            x0=lon0,
            y0=lat0,
            x1=lon1,
            y1=lat1,
            line=dict(color=MUTED, width=1, dash="dash"),
            layer="below",
        )
    fig.add_trace(
        go.Scatter(
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
            customdata=parents,
            hovertext=arch_hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=np.array([(a["extent"][0] + a["extent"][2]) / 2 for a in arch], dtype=float),
            y=np.array([a["extent"][1] - 0.15 for a in arch], dtype=float),
            mode="text",
            name=NAME_ARCHIPELAGO_LABELS,
            text=np.array([_two_lines(s) for s in labels], dtype=object),
            textposition="bottom center",
            textfont=dict(size=13, color=INK, family=FONT_FAMILY),
            customdata=parents,
            hovertext=arch_hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    _add_scale_and_no_data(fig, scale, vmin, vmax, unit, lang, any_missing=not np.isfinite(vals).all())

    bounds = np.array([shape(f["geometry"]).bounds for f in features], dtype=float).reshape(-1, 4)
    boxes = np.array([a["extent"] for a in arch], dtype=float)
    bounds = np.vstack([bounds, boxes])
    lon_lo, lon_hi = bounds[:, 0].min() - 0.3, bounds[:, 2].max() + 0.6
    # Below the lowest box: room for its two-line label.
    lat_lo, lat_hi = min(bounds[:, 1].min(), boxes[:, 1].min() - 1.3), bounds[:, 3].max() + 0.3
    mid_lat = np.radians((lat_lo + lat_hi) / 2)
    fig.update_layout(
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
    _house_look(fig, title=title, lang=lang, source_note=source_note)
    return fig


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _add_islets(fig: go.Figure, features: list[Mapping[str, Any]], fills: np.ndarray) -> None:
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
    if xs:
        fig.add_trace(
            go.Scatter(
                x=np.array(xs, dtype=float),
                y=np.array(ys, dtype=float),
                mode="markers",
                name=NAME_ISLETS,
                marker=dict(size=5, color=np.array(colors, dtype=object), line=dict(color=MUTED, width=0.5)),
                customdata=np.array(owners, dtype=object),
                hoverinfo="skip",
                showlegend=False,
            )
        )


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


def _two_lines(label: str) -> str:
    """'QĐ. Hoàng Sa (Đà Nẵng)' -> 'QĐ. Hoàng Sa<br>(Đà Nẵng)'."""
    return label.replace(" (", "<br>(", 1)


def _colorbar(unit: str) -> dict:
    return dict(
        title=dict(text=unit, side="top", font=dict(size=12, color=MUTED)),
        thickness=14,
        len=0.4,
        x=1.0,
        xanchor="right",
        y=0.98,
        yanchor="top",
        outlinewidth=0,
        tickfont=dict(size=12),
    )


def _add_scale_and_no_data(
    fig: go.Figure,
    scale: list[list[Any]],
    vmin: float,
    vmax: float,
    unit: str,
    lang: str,
    *,
    any_missing: bool,
) -> None:
    """A colour bar (a point-less trace carries it) and a legend entry for the grey 'no data' tiles."""
    if np.isfinite(vmin):
        fig.add_trace(
            go.Scatter(
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
                    colorbar=_colorbar(unit),
                ),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    if any_missing:
        fig.add_trace(
            go.Scatter(
                x=np.array([np.nan]),
                y=np.array([np.nan]),
                mode="markers",
                name=_TEXT["no_data"][lang],
                marker=dict(symbol="square", size=14, color=NO_DATA_COLOR, line=dict(color=MUTED, width=0.5)),
                hoverinfo="skip",
                showlegend=True,
                meta=NAME_NO_DATA,
            )
        )


def _house_look(fig: go.Figure, *, title: str, lang: str, source_note: str) -> None:
    """Title, fonts and source line shared by both maps."""
    if source_note:
        fig.add_annotation(
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
    fig.update_layout(
        title=dict(text=title, x=0.01, xanchor="left", font=dict(size=17, color=INK)),
        font=dict(family=FONT_FAMILY, size=13, color=INK),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=13)),
        separators=",." if lang == "vi" else ".,",
    )
