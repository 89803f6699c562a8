"""Communes of a province: aggregation, threshold counts, the furthest-behind list and pure chart builders."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ascc import charts, i18n, maps, rules

# Communes farther than this from the middle of their province (degrees) are drawn in an inset:
# the Hoàng Sa and Trường Sa archipelagos (Đà Nẵng, Khánh Hòa), so the mainland keeps its scale.
OFFSHORE_DEGREES = 2.5
# Above this many points the map uses WebGL (Scattergl); provinces have at most about 550 communes.
WEBGL_FROM = 1500
HISTOGRAM_BINS = 30
BETTER, WORSE = maps.BETTER_COLOR, maps.WORSE_COLOR


def fmt_many(values, unit: str, lang: str, decimals: int) -> np.ndarray:
    """Many values formatted as i18n.fmt_value does, without a babel call per value (hundreds per chart)."""
    out = []
    for v in np.asarray(values, dtype=float):
        if math.isnan(v):
            out.append("–")
            continue
        text = f"{v:,.{decimals}f}"
        if i18n.norm_lang(lang) == "vi":
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        if not unit:
            out.append(text)
        elif unit == "%":
            out.append(f"{text} %" if lang == "vi" else f"{text}%")
        else:
            out.append(f"{text} {unit}")
    return np.array(out, dtype=object)


def aggregate(df: pd.DataFrame, rule: str, scale: float) -> float:
    """The province value from its communes' rows (value, numerator, denominator, weight) by the rule."""
    value = rules.aggregate(rule, df["value"].tolist(), df["numerator"].tolist(), df["denominator"].tolist(),
                            df["weight"].tolist(), scale)  # fmt: skip
    return float("nan") if value is None else value


def count_worse(values: pd.Series, threshold: float, higher_is_better: bool) -> int:
    """How many communes are on the wrong side of a threshold (below it, or above it when lower is better)."""
    v = values.dropna().to_numpy(float)
    return int((v < threshold).sum() if higher_is_better else (v > threshold).sum())


def furthest_behind(df: pd.DataFrame, n: int, target: float | None, higher_is_better: bool) -> pd.DataFrame:
    """The n communes furthest from the target (or with the worst values when there is none), worst first.

    Adds ``gap``: how far the value is from the target in the worse direction (positive = behind).
    """
    d = df[df["value"].notna()].copy()
    sign = 1.0 if higher_is_better else -1.0
    d["gap"] = sign * (target - d["value"]) if target is not None and not math.isnan(target) else np.nan
    return d.sort_values("rank", ascending=False, kind="stable").head(n)


def _threshold_edges(values: np.ndarray, threshold: float | None, bins: int) -> np.ndarray:
    """Histogram edges of equal width with the threshold on an edge, so no bar straddles it."""
    lo, hi = float(values.min()), float(values.max())
    if hi <= lo:
        return np.array([lo - 0.5, hi + 0.5])
    width = (hi - lo) / bins
    anchor = threshold if threshold is not None and lo < threshold < hi else lo
    start = anchor - math.ceil((anchor - lo) / width) * width
    n = math.ceil((hi - start) / width) + 1
    return start + width * np.arange(n + 1)


def _vline(x: float, axis: str, color: str, dash: str) -> dict:
    """A vertical line shape across one subplot (cheaper than Figure.add_vline, which walks every axis)."""
    return dict(type="line", xref=axis, yref=f"{axis.replace('x', 'y')} domain", x0=x, x1=x, y0=0, y1=1,
                line=dict(color=color, width=2, dash=dash), layer="above")  # fmt: skip


def _legend_entry(name: str, color: str, dash: str) -> go.Scatter:
    """A legend entry for a line drawn as a shape (as charts.legend_line, built without a figure update)."""
    return go.Scatter(x=[None], y=[None], mode="lines", name=name, line=dict(color=color, width=2, dash=dash),
                      hoverinfo="skip")  # fmt: skip


def _is_number(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def distribution_chart(
    values: pd.Series,
    *,
    threshold: float | None,
    higher_is_better: bool,
    lang: str,
    title: str,
    unit: str,
    decimals: int,
    source: str,
    demo: bool,
) -> go.Figure:
    """A histogram of the communes' values; bars on the worse side of the threshold in the warm colour.

    The bins have equal width and the threshold falls on a bin edge, so no bar straddles it.
    """
    v = values.dropna().to_numpy(float)
    traces, shapes = [], []
    if len(v):
        edges = _threshold_edges(v, threshold, HISTOGRAM_BINS)
        counts, _ = np.histogram(v, bins=edges)
        mids = (edges[:-1] + edges[1:]) / 2
        worse = np.zeros(len(mids), bool)
        if _is_number(threshold):
            worse = mids < threshold if higher_is_better else mids > threshold
        lo, hi = fmt_many(edges[:-1], "", lang, decimals), fmt_many(edges[1:], unit, lang, decimals)
        traces.append(
            go.Bar(
                x=mids,
                y=counts,
                width=np.diff(edges) * 0.95,
                marker=dict(color=np.where(worse, WORSE, BETTER)),
                customdata=np.stack([lo, hi], axis=-1),
                hovertemplate="%{customdata[0]} – %{customdata[1]}: %{y}<extra></extra>",
                showlegend=False,
                name=i18n.t("commune.chart_communes", lang),
            )
        )
    if _is_number(threshold):
        shapes.append(_vline(threshold, "x", charts.INK, "dash"))
        label = i18n.t("commune.threshold", lang) + ": " + fmt_many([threshold], unit, lang, decimals)[0]
        traces.append(_legend_entry(label, charts.INK, "dash"))
    fig = charts.new_figure(traces, dict(shapes=shapes))
    # In a half-width column: the title wraps clear of the demo mark at its right end.
    fig = charts.base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=380, title_width=44)
    # The unit is in the title (an x-axis title would collide with the source footer).
    fig.update_layout(
        bargap=0,
        separators=",." if lang == "vi" else ".,",
        yaxis=dict(title=dict(text=i18n.t("commune.chart_communes", lang), font=dict(size=12, color=charts.MUTED))),
    )
    return fig


def ranking_chart(
    df: pd.DataFrame,
    *,
    n: int,
    lang: str,
    title: str,
    unit: str,
    decimals: int,
    source: str,
    demo: bool,
    province_value: float | None = None,
    target_value: float | None = None,
    target_year: int | None = None,
) -> go.Figure:
    """The n best communes (left panel) and the n furthest behind (right panel), best at the top of each.

    ``df`` has name, value, rank, derived (rows without a value are left out). Both panels share one
    value scale, so bars compare across them; the province's aggregate and the target are lines.
    """
    d = df[df["value"].notna()].sort_values("rank", kind="stable")
    n = max(1, min(n, math.ceil(len(d) / 2))) if len(d) else 0
    best, worst = d.head(n), d.tail(n)
    top = float(np.nanmax([d["value"].max() if len(d) else 0, province_value or 0, target_value or 0]))
    traces, shapes, layout = [], [], {}
    panels = (("", best, BETTER, [0, 0.39], "commune.best"), ("2", worst, WORSE, [0.61, 1], "commune.worst"))
    annotations = []
    for axis, part, color, domain, label in panels:
        text = fmt_many(part["value"], "", lang, decimals) + np.where(part["derived"].to_numpy(bool), " *", "")
        names = part["name"].to_numpy(object)
        traces.append(
            go.Bar(
                x=part["value"].to_numpy(float), y=names, orientation="h", xaxis="x" + axis, yaxis="y" + axis,
                marker=dict(color=color), text=text, textposition="outside", cliponaxis=False,
                customdata=part["rank"].to_numpy(object), hovertemplate="%{y}: %{text} · #%{customdata}<extra></extra>",
                showlegend=False,
            )
        )  # fmt: skip
        layout["xaxis" + axis] = dict(domain=domain, anchor="y" + axis, range=[0, top * 1.3 or 1])
        # Best at the top: plotly draws the first category at the bottom.
        layout["yaxis" + axis] = dict(anchor="x" + axis, categoryorder="array", categoryarray=names[::-1],
                                      showgrid=False, tickfont=dict(size=12))  # fmt: skip
        annotations.append(dict(text=f"<b>{i18n.t(label, lang, n=n)}</b>", xref=f"x{axis} domain", yref="paper",
                                x=0, y=1, xanchor="left", yanchor="bottom", showarrow=False, font=dict(size=13)))  # fmt: skip
    for value, color, dash, label in (
        (province_value, charts.INK, "solid", i18n.t("commune.province_value", lang)),
        (target_value, charts.TARGET, "dash", i18n.t("chart.target", lang, year=target_year)),
    ):
        if not _is_number(value):
            continue
        shapes += [_vline(value, "x", color, dash), _vline(value, "x2", color, dash)]
        traces.append(_legend_entry(f"{label}: {fmt_many([value], unit, lang, decimals)[0]}", color, dash))
    fig = charts.new_figure(traces, dict(shapes=shapes, annotations=annotations, **layout))
    fig = charts.base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=max(380, 24 * n + 230),
                             legend_rows=1, footer_gap=48)  # fmt: skip
    # The panel titles sit on top of the panels; the legend row goes above them.
    top, bottom = fig.layout.margin.t + 26, fig.layout.margin.b
    plot_px = fig.layout.height - top - bottom
    fig.update_layout(separators=",." if lang == "vi" else ".,", bargap=0.3, margin=dict(l=130, r=60, t=top),
                      legend=dict(y=1 + 26 / plot_px), xaxis=dict(gridcolor=charts.GRID, showgrid=True),
                      xaxis2=dict(gridcolor=charts.GRID, showgrid=True))  # fmt: skip
    return fig


def _offshore(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Points far from the middle of the province (the archipelagos), to draw in an inset."""
    if len(lat) < 3:
        return np.zeros(len(lat), bool)
    return np.hypot(lat - np.median(lat), lon - np.median(lon)) > OFFSHORE_DEGREES


def point_map(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    unit: str,
    decimals: int,
    higher_is_better: bool,
    source: str,
    demo: bool,
) -> go.Figure:
    """Communes as points at their centroids, coloured by value, on plain lon/lat axes (no web tiles).

    ``df`` has name, lat, lon, value, rank, derived. The axes keep true proportions (scaleanchor,
    1/cos(latitude)). Communes without a value are hollow grey points. Offshore communes (the Hoàng Sa
    and Trường Sa archipelagos) are drawn, labelled, in an inset at the lower right.
    """
    d = df[df["lat"].notna() & df["lon"].notna()]
    lat, lon = d["lat"].to_numpy(float), d["lon"].to_numpy(float)
    values = d["value"].to_numpy(float)
    has = ~np.isnan(values)
    off = _offshore(lat, lon)
    text = fmt_many(values, unit, lang, decimals)
    rank = np.array(["" if pd.isna(r) else f" · #{int(r)}" for r in d["rank"]], dtype=object)
    derived = np.where(d["derived"].to_numpy(bool), " · " + i18n.t("mark.derived", lang), "")
    hover = d["name"].to_numpy(object) + ": " + text + rank + derived
    scatter = go.Scattergl if len(d) > WEBGL_FROM else go.Scatter
    size = 9 if len(d) <= 150 else 7 if len(d) <= 400 else 6  # fewer overlaps in provinces with many communes
    scale = maps.colorscale(not higher_is_better)
    lo, hi = (float(np.nanmin(values)), float(np.nanmax(values))) if has.any() else (0.0, 1.0)
    # The colour bar sits inside the figure at the top right (outside, it would push the plot area and
    # the demo mark left, onto the title); the map keeps the left part, the inset the lower right.
    colorbar = dict(title=dict(text=unit, side="top", font=dict(size=12, color=charts.MUTED)), thickness=12,
                    len=0.45, x=1.0, xanchor="right", y=1.0, yanchor="top")  # fmt: skip
    traces = []
    for axis, part in (("", ~off), ("2", off)):
        missing, valued = part & ~has, part & has
        common = dict(mode="markers", xaxis="x" + axis, yaxis="y" + axis, hoverinfo="text")
        if missing.any():
            traces.append(scatter(
                x=lon[missing], y=lat[missing], hovertext=hover[missing], name=i18n.t("commune.no_data", lang),
                marker=dict(size=size, color="white", line=dict(color="#9aa5b1", width=1.2)), showlegend=axis == "",
                **common,
            ))  # fmt: skip
        if valued.any():
            traces.append(scatter(
                x=lon[valued], y=lat[valued], hovertext=hover[valued], name=i18n.t("commune.chart_communes", lang),
                marker=dict(size=size, color=values[valued], colorscale=scale, cmin=lo, cmax=hi,
                            line=dict(color="white", width=0.5), showscale=axis == "",
                            colorbar=colorbar if axis == "" else None),
                showlegend=False, **common,
            ))  # fmt: skip
    mid_lat = float(np.median(lat[~off])) if (~off).any() else 16.0
    layout = dict(
        xaxis=dict(visible=False, constrain="domain", domain=[0, 0.72] if off.any() else [0, 0.84]),
        yaxis=dict(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(mid_lat)), constrain="domain"),
        hovermode="closest",
    )
    if off.any():
        traces.append(go.Scatter(
            x=lon[off], y=lat[off] + 0.25, mode="text", xaxis="x2", yaxis="y2", text=d["name"].to_numpy(object)[off],
            textposition="top center", textfont=dict(size=11, color=charts.INK), hoverinfo="skip", showlegend=False,
        ))  # fmt: skip
        pad = 0.6
        frame = dict(visible=True, showticklabels=False, showgrid=False, zeroline=False, mirror=True,
                     linecolor=charts.MUTED, ticks="")  # fmt: skip
        layout["xaxis2"] = dict(domain=[0.76, 1], anchor="y2", range=[lon[off].min() - pad, lon[off].max() + pad], **frame)
        layout["yaxis2"] = dict(domain=[0, 0.42], anchor="x2", range=[lat[off].min() - pad, lat[off].max() + pad + 0.5],
                                **frame)  # fmt: skip
    fig = charts.new_figure(traces, layout)
    # In a half-width column: the title wraps clear of the demo mark at its right end.
    fig = charts.base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=520, title_width=44)
    # base_layout styles every axis; the main map axes stay hidden and the inset keeps its frame.
    # No axis labels to make room for: narrow side margins leave the title and the demo mark apart.
    fig.update_layout(xaxis=dict(visible=False), yaxis=dict(visible=False), separators=",." if lang == "vi" else ".,",
                      legend=dict(x=0, y=0, yanchor="bottom", orientation="h"), margin=dict(l=8, r=8))  # fmt: skip
    if off.any():
        inset = dict(ticks="", showgrid=False, linecolor=charts.MUTED)
        fig.update_layout(xaxis2=inset, yaxis2=inset)
    return fig


def points_in(fig: go.Figure | dict) -> int:
    """The largest number of data points in any trace of a figure (for the 5 000-point budget)."""
    spec = fig if isinstance(fig, dict) else fig.to_plotly_json()
    best = 0
    for trace in spec.get("data", []):
        for key in ("x", "y", "lat", "lon", "values", "z", "locations"):
            v = trace.get(key)
            if v is None:
                continue
            if isinstance(v, dict) and "bdata" in v:
                import base64

                n = len(base64.b64decode(v["bdata"])) // np.dtype(v["dtype"]).itemsize
            else:
                n = len(v)
            best = max(best, n)
    return best
