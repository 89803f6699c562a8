"""Chart builders: pure functions (data in, go.Figure out) sharing one look, source footer and demo mark.

NOTE: every builder assembles its traces, shapes, annotations and axes as plain dicts (columns as
numpy arrays) and constructs the figure once, ``go.Figure(data=..., layout=...)``. Figure.add_vline,
add_hline and add_annotation, make_subplots, add_trace(row=, col=) and repeated update_layout calls
each walk and re-validate the figure: built that way a chart cost 30-400 ms of Python, one
construction costs a few ms. Reference lines are shapes with explicit axis references
("x2", "y2 domain"), subplots are axes with explicit domains.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ascc import i18n, settings, targets

FONT_FAMILY = "Noto Sans, Roboto, Arial, sans-serif"
INK = "#1b1f24"
MUTED = "#5f6b7a"
GRID = "#e3e8ef"
LINE = "#0b5394"
TARGET = "#b45f06"
BREAK = "#7f3f98"

# Browser toolbar export at presentation size (16:9, IMAGE_SIZE pixels), with the title, source and mark
# already inside. The figure is laid out at half that size and drawn twice as large, so its type keeps
# the proportions it has on the page (laid out at 1920 x 1080, a 17 px title is a sliver); image_config
# fits the layout size to a figure's own height.
IMAGE_SIZE = (1920, 1080)
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "width": 960, "height": 540, "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


def image_config(fig: go.Figure) -> dict:
    """The toolbar configuration of a figure: its PNG is IMAGE_SIZE, laid out at about the figure's own
    height (never cut shorter, so nothing is clipped) and scaled up to fill the image, twice at most."""
    height = fig.layout.height or 540
    scale = round(max(1.0, min(2.0, IMAGE_SIZE[1] / height)), 3)
    width_px, height_px = (round(v / scale) for v in IMAGE_SIZE)
    return {**PLOTLY_CONFIG, "toImageButtonOptions": {"format": "png", "width": width_px, "height": height_px, "scale": scale}}

# The house axis styles (every x axis, every y axis); builders add their own keys.
X_AXIS = {"showgrid": False, "linecolor": GRID, "ticks": "outside", "tickcolor": GRID}
Y_AXIS = {"gridcolor": GRID, "zeroline": False}
# Ticks of a share-of-the-way axis (0 = base, 1 = target), written per language ("50 %" in Vietnamese).
SHARE_TICKS = (-0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0)


def provenance(df: pd.DataFrame, lang: str) -> np.ndarray:
    """One hover line per row saying where the value came from: its status (final, preliminary, estimated),
    whether it was computed or published, an estimate with population weights, its source and its batch
    (each part only where the rows carry it)."""
    n = len(df)

    def col(name: str) -> list:
        return df[name].tolist() if name in df else [None] * n

    out = []
    for status, basis, est, source, batch in zip(col("status"), col("basis"), col("estimated"), col("source"),
                                                  col("batch_id"), strict=True):
        parts = []
        if isinstance(status, str):
            parts.append(i18n.t(f"value.status.{status}", lang))
        if basis in ("computed", "published"):
            parts.append(i18n.t(f"value.basis.{basis}", lang))
        if est is True or (est is not None and not pd.isna(est) and bool(est)):
            parts.append(i18n.t("mark.estimated", lang) + " †")
        if isinstance(source, str) and source:
            parts.append(i18n.t("hover.source", lang, source=source))
        if isinstance(batch, str) and batch:
            parts.append(i18n.t("hover.batch", lang, batch=batch))
        out.append("<br>" + " · ".join(parts) if parts else "")
    return np.array(out, dtype=object)


def unit_suffix(unit: str) -> str:
    """The unit as shown after a title: "(%)", or "" when there is none."""
    return f" ({unit})" if unit else ""


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators for the language ("," decimal in Vietnamese)."""
    return ",." if lang == "vi" else ".,"


def hollow_entry(name: str, color: str) -> dict:
    """A legend-only entry saying what a hollow point means (preliminary, or rebuilt on the 34 provinces)."""
    return dict(type="scatter", x=[None], y=[None], mode="markers", name=name, hoverinfo="skip", showlegend=True,
                marker=dict(size=9, color="white", line=dict(color=color, width=2)))


def legend_entry(name: str, color: str, dash: str = "solid") -> dict:
    """A legend entry (a trace without points) for a reference line drawn as a shape."""
    return dict(type="scatter", x=[None], y=[None], mode="lines", name=name,
                line=dict(color=color, width=2, dash=dash), hoverinfo="skip")  # fmt: skip


def _line(color: str, width: float, dash: str | None) -> dict:
    return dict(color=color, width=width) if dash is None else dict(color=color, width=width, dash=dash)


def vline(x: float, *, color: str, width: float, dash: str | None = None, axis: str = "") -> dict:
    """A vertical line across the full height of one subplot ("" the first, "2" the second...)."""
    return dict(type="line", xref=f"x{axis}", yref=f"y{axis} domain", x0=x, x1=x, y0=0, y1=1,
                line=_line(color, width, dash))  # fmt: skip


def hline(y: float, *, color: str, width: float, dash: str | None = None, axis: str = "") -> dict:
    """A horizontal line across the full width of one subplot."""
    return dict(type="line", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1, y0=y, y1=y,
                line=_line(color, width, dash))  # fmt: skip


def band(low: float, high: float, *, color: str, vertical: bool = False, axis: str = "") -> dict:
    """A light band between two values across one subplot (a target range such as 93–95 %): horizontal,
    or vertical (``vertical``, between two x values)."""
    span = dict(x0=low, x1=high, y0=0, y1=1) if vertical else dict(x0=0, x1=1, y0=low, y1=high)
    xref, yref = (f"x{axis}", f"y{axis} domain") if vertical else (f"x{axis} domain", f"y{axis}")
    return dict(type="rect", xref=xref, yref=yref, **span, fillcolor=color, opacity=0.15, line=dict(width=0),
                layer="below")  # fmt: skip


def gap_years(years, values) -> list[int]:
    """The years inside a series' span (its first to its last year with a figure) that have no figure."""
    years = np.asarray(years, dtype=int)
    values = np.asarray(values, dtype=float)
    have = set(years[np.isfinite(values)].tolist())
    if not have:
        return []
    return [y for y in range(min(have), max(have) + 1) if y not in have]


def broken_at_gaps(x, y, *per_point):
    """x, y (and per-point arrays such as customdata or marker colours) with a point without a value in
    every year of the span that has no row, so the line breaks there instead of bridging the gap (plotly
    bridges missing x values; it breaks at a missing y). Added points repeat the first entry of the
    per-point arrays (never shown: a point without a value has no marker and no hover)."""
    x = np.asarray(x, dtype=int)
    y = np.asarray(y, dtype=float)
    if not len(x):
        return (x, y, *per_point)
    missing = np.setdiff1d(np.arange(x.min(), x.max() + 1), x)
    if not len(missing):
        return (x, y, *per_point)
    order = np.argsort(np.concatenate([x, missing]), kind="stable")
    out_x = np.concatenate([x, missing])[order]
    out_y = np.concatenate([y, np.full(len(missing), np.nan)])[order]
    extra = []
    for arr in per_point:
        if arr is None or np.ndim(arr) == 0:
            extra.append(arr)
            continue
        arr = np.asarray(arr, dtype=object)
        fill = np.repeat(arr[:1], len(missing), axis=0)
        extra.append(np.concatenate([arr, fill])[order])
    return (out_x, out_y, *extra)


def gap_note(gaps: dict[str, list[int]], lang: str) -> str:
    """ "No figure for 2020, 2021." (the same years missing in every series), or per series with gaps
    ("Red River Delta: no figure for 2020; ..."); "" without gaps. ``gaps``: series name -> gap_years."""
    distinct = {tuple(v) for v in gaps.values()}
    if len(distinct) == 1:  # every series lacks the same years (or none)
        years = next(iter(distinct))
        return i18n.t("chart.gap_note", lang, years=", ".join(map(str, years))) + "." if years else ""
    gaps = {name: years for name, years in gaps.items() if years}
    return "; ".join(i18n.t("chart.gap_note_series", lang, series=name, years=", ".join(map(str, years)))
                     for name, years in gaps.items()) + "."


def target_marks(
    target,
    label: str,
    *,
    dash: str,
    width: float = 1.5,
    vertical: bool = False,
    axes: tuple[str, ...] = ("",),
) -> tuple[list[dict], dict]:
    """(shapes, legend trace) of a target (ascc.targets.Target) on one or more subplots: a line at a level,
    a band over a range, and for an annual change no shape at all (a pace is not a level), only its
    legend entry with an arrow showing the direction of the change."""
    def symbol_entry(**marker) -> dict:
        return dict(type="scatter", x=[None], y=[None], mode="markers", name=label, hoverinfo="skip",
                    marker=dict(size=12, color=TARGET, **marker))  # fmt: skip

    if target.is_pace:
        return [], symbol_entry(symbol="arrow-down" if target.value < 0 else "arrow-up")
    if target.is_range:
        shapes = [band(target.low, target.high, color=TARGET, vertical=vertical, axis=a) for a in axes]
        return shapes, symbol_entry(symbol="square", opacity=0.35)
    line = vline if vertical else hline
    return [line(target.value, color=TARGET, width=width, dash=dash, axis=a) for a in axes], legend_entry(label, TARGET, dash)


def house_layout(
    *,
    title: str,
    source: str,
    lang: str,
    demo: bool,
    height: int = 380,
    legend_rows: int = 1,
    footer_gap: int = 30,
    wrap: int = 80,
    title_width: int = 0,
    annotations=(),
    note: str = "",
) -> dict:
    """The house look as a layout dict: title, legend row, source footer and the demo mark, laid out so
    none overlap (``annotations`` come first, then the source and the mark).

    Top to bottom: the title (with the demo mark at the right end of its line), the legend row(s),
    the plot, the axis labels, then ``note`` (gap_note) and the source in small grey type (wrapped).
    Sizes are in pixels so the layout holds at any width. Axis styles are X_AXIS and Y_AXIS.
    """
    source_lines = textwrap.wrap(i18n.t("chart.source", lang, source=source), wrap) if source else []
    # A note (the years without a figure) stands first in the footer, under the axis labels.
    source_lines = textwrap.wrap(note, wrap) + source_lines
    # A chart in a narrow column wraps its title (``title_width`` characters a line) rather than running
    # under the demo mark at the right end of the line.
    title_lines = [title]
    if title_width and len(title) > title_width:
        # The unit in brackets at the end stays on one line ("(% số hộ)"): its spaces are held while wrapping.
        head, sep, unit = title.rpartition(" (")
        held = head + sep + unit.replace(" ", "\xa0") if sep else title
        title_lines = [ln.replace("\xa0", " ") for ln in textwrap.wrap(held, title_width, break_on_hyphens=False)]
    title = "<br>".join(title_lines)
    top = 48 + 22 * legend_rows + 22 * (len(title_lines) - 1)
    # In a narrow column the demo mark gets a row of its own under the title: the figure is the same on every
    # screen, and on a 1366-pixel laptop a half-width chart has no room for the mark at the end of even a
    # wrapped title line (the title ran under it).
    mark_row = bool(demo and title_width)
    top += MARK_ROW if mark_row else 0
    height += MARK_ROW if mark_row else 0  # the plot keeps its height
    bottom = footer_gap + 10 + 15 * len(source_lines)
    notes = list(annotations)
    if source_lines:
        notes.append(
            dict(
                text="<br>".join(source_lines), xref="paper", yref="paper", x=0, y=0, yshift=-footer_gap,
                xanchor="left", yanchor="top", showarrow=False, font=dict(size=11, color=MUTED), align="left",
            )
        )
    if mark_row:
        notes.append(mark_annotation(i18n.t("demo.mark", lang), yshift=22 * legend_rows + 6, bgcolor="white",
                                     name=MARK_ROW_NAME) | dict(x=0, xanchor="left"))
    elif demo:
        notes.append(mark_annotation(i18n.t("demo.mark", lang), yshift=top - 34, bgcolor="white"))
    return dict(
        title=dict(text=title, x=0, xanchor="left", y=1, yref="container", yanchor="top", pad=dict(t=14, l=4),
                   font=dict(size=17, color=INK)),
        font=dict(family=FONT_FAMILY, size=13, color=INK),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=60, r=24, t=top, b=bottom),
        height=height,
        annotations=notes,
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=13)),
        showlegend=True,
        legend=dict(orientation="h", x=0, y=1, xanchor="left", yanchor="bottom", font=dict(size=12),
                    bgcolor="rgba(255,255,255,0)"),
    )


# The height of the demo mark's own row (narrow charts) and that annotation's name.
MARK_ROW, MARK_ROW_NAME = 26, "demo mark row"


def mark_annotation(text: str, **extra) -> dict:
    """The boxed red mark (the demo label) at the top right of the plot area, as an annotation dict."""
    return dict(
        text=text, xref="paper", yref="paper", x=1, y=1, xanchor="right", yanchor="bottom", showarrow=False,
        font=dict(size=12, color="#b00020"), bordercolor="#b00020", borderwidth=1, borderpad=3, **extra,
    )  # fmt: skip


def base_layout(fig: go.Figure, **kwargs) -> go.Figure:
    """Apply the house look (house_layout, X_AXIS, Y_AXIS) to a built figure, keeping its annotations.

    For builders that still start from a figure (ascc.communes); the builders here use house_layout.
    """
    fig.update_layout(house_layout(annotations=fig.layout.annotations or (), **kwargs))
    fig.update_xaxes(X_AXIS)
    fig.update_yaxes(Y_AXIS)
    return fig


def new_figure(data=None, layout=None) -> go.Figure:
    """A figure from finished trace and layout dicts (or a figure spec), checked by Plotly only where
    settings.validate_figures() says so (the tests), not in the server."""
    return go.Figure(data=data, layout=layout, _validate=settings.validate_figures())


def _figure(traces: list[dict], layout: dict, shapes: list[dict]) -> go.Figure:
    if shapes:
        layout["shapes"] = shapes
    return new_figure(traces, layout)


# Presentation mode lays every slide out for a 1920 x 1080 screen (the chart PRESENT_HEIGHT high under
# the button row) and the browser zooms the whole slide to the screen it is on (ui.present): type grows
# and shrinks with the screen, and nothing runs off it.
PRESENT_WIDTH, PRESENT_HEIGHT = 1860, 900
PRESENT_SCALE = 1.7  # page sizes -> projector sizes: title 17 -> 29 px, ticks 13 -> 22, legend 12 -> 20, source 11 -> 19
PRESENT_LEGEND_PX = 17
PRESENT_MAX_BARS = 24  # longer rankings are split over slides, so every name keeps a 20-px label (34 -> 2 x 17, 63 -> 3 x 21)


def _scaled(node, k: float):
    """A layout or trace dict with every font size, margin, shift, pad and marker size multiplied by k."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in ("size", "xshift", "yshift", "borderpad") and isinstance(value, int | float) and not isinstance(value, bool):
                out[key] = value * k
            elif key in ("margin", "pad") and isinstance(value, dict):
                out[key] = {m: (v * k if isinstance(v, int | float) and m in "lrtb" else v) for m, v in value.items()}
            else:
                out[key] = _scaled(value, k)
        return out
    if isinstance(node, list | tuple):
        return [_scaled(v, k) for v in node]
    return node


def presentation_copy(fig: go.Figure) -> go.Figure:
    """A copy of a figure for a projector: every size scaled up for a 1920-pixel-wide slide, the height
    of the slide's chart area. The figure itself is left as it is (finished figures are shared between
    reruns and sessions)."""
    spec = fig.to_dict()
    layout = _scaled(spec["layout"], PRESENT_SCALE)
    layout.setdefault("font", {}).setdefault("size", 13 * PRESENT_SCALE)
    layout["height"], layout["width"] = PRESENT_HEIGHT, PRESENT_WIDTH
    if isinstance(layout.get("legend"), dict):  # 17 px: legible from the back, and three rows still fit
        layout["legend"].setdefault("font", {})["size"] = PRESENT_LEGEND_PX
    for axis in [k for k in layout if k.startswith(("xaxis", "yaxis"))]:
        layout[axis].setdefault("tickfont", {}).setdefault("size", 13 * PRESENT_SCALE)
    # One line for the title: the page may have wrapped it for a half-width column.
    title = layout.get("title", {})
    lines = str(title.get("text") or "").count("<br>")
    if lines:
        title["text"] = title["text"].replace("<br>", " ")
        layout["margin"]["t"] = layout["margin"].get("t", 0) - 22 * PRESENT_SCALE * lines
        for ann in layout.get("annotations", []):  # the demo mark sits on the title's last line
            if ann.get("yref") == "paper" and ann.get("y") == 1 and ann.get("yshift") and ann.get("name") != MARK_ROW_NAME:
                ann["yshift"] -= 22 * PRESENT_SCALE * lines
    spec["layout"] = layout
    spec["data"] = [_scaled(trace, PRESENT_SCALE) for trace in spec.get("data", [])]
    for trace in spec["data"]:
        if trace.get("type") == "bar":
            trace["constraintext"] = "none"  # value labels keep their size on thin bars (a long ranking)
    _fit_tile_labels(spec, fig)
    return new_figure(spec)


# Tile-map labels (ascc.maps trace names) and the smallest label worth showing on a projector.
_TILE_LABELS, _ARCHIPELAGO_LABELS = "tile labels", "archipelago labels"
_MIN_TILE_FONT = 12


def _fit_tile_labels(spec: dict, page_fig: go.Figure) -> None:
    """A tile map keeps square tiles, so on the slide its tiles grow or shrink with the height it gets:
    the labels on them follow the tiles (not the type), and are left to the hover text when too small to
    read from the back of a room (the 63 provinces); colours and the colour bar still carry the map."""
    labels = [tr for tr in spec["data"] if tr.get("name") in (_TILE_LABELS, _ARCHIPELAGO_LABELS)]
    if not labels:
        return
    page = page_fig.layout
    page_plot = (page.height or 450) - (page.margin.t or 0) - (page.margin.b or 0)
    margin = spec["layout"]["margin"]
    ratio = (PRESENT_HEIGHT - margin.get("t", 0) - margin.get("b", 0)) / max(page_plot, 1)
    for tr in labels:
        size = tr.get("textfont", {}).get("size", 11 * PRESENT_SCALE) / PRESENT_SCALE * ratio
        tr.setdefault("textfont", {})["size"] = size
        if tr["name"] == _TILE_LABELS and size < _MIN_TILE_FONT:
            tr["visible"] = False


def presentation_slides(fig: go.Figure, of: str = "{i}/{n}") -> list[go.Figure]:
    """The projector copies of a figure: one, or for a ranking (categories in order on the y axis: bars, or
    dots) of more than PRESENT_MAX_BARS categories, several showing consecutive windows of the same
    ranking, "(1/2)" after the title; axes, reference lines and colours stay those of the whole ranking."""
    big = presentation_copy(fig)
    # A ranking: its categories in order on the y axis (bars, or dots when the values are close).
    order = big.layout.yaxis.categoryarray
    bars = [tr for tr in big.data if tr.type == "bar" and tr.orientation == "h" and tr.y is not None]
    if order is not None and len(order):
        categories = list(order)
    elif bars:
        categories = list(dict.fromkeys(c for tr in bars for c in tr.y))
    else:
        return [big]
    total = len(categories)
    if total <= PRESENT_MAX_BARS:
        return [big]
    n = math.ceil(total / PRESENT_MAX_BARS)
    size = math.ceil(total / n)
    top_first = big.layout.yaxis.autorange == "reversed"  # else the last category is drawn at the top
    out = []
    for i in range(n):
        # Category positions 0..total-1; each window runs down the screen from where the previous stopped.
        if top_first:
            lo, hi = i * size, min((i + 1) * size, total) - 1
            window = [hi + 0.5, lo - 0.5]
        else:
            hi, lo = total - 1 - i * size, max(total - (i + 1) * size, 0)
            window = [lo - 0.5, hi + 0.5]
        part = new_figure(big)
        part.update_yaxes(range=window, autorange=False, categoryorder="array", categoryarray=categories)
        part.update_layout(title_text=f"{big.layout.title.text} ({of.format(i=i + 1, n=n)})")
        out.append(part)
    return out


def trend_chart(
    series: pd.DataFrame,
    *,
    lang: str,
    title: str,
    unit: str,
    decimals: int,
    source: str,
    demo: bool,
    target_value: float | None = None,
    target_year: int | None = None,
    breaks: list[tuple[int, str]] | None = None,
    boundary_change_year: float | None = None,
    height: int = 380,
    title_width: int = 0,
    target_upper: float | None = None,
    target_type: str | None = None,
) -> go.Figure:
    """A national (or any one-area) time series with the target, series breaks and the boundary change marked.

    ``series`` has columns year, value, status (final / preliminary / estimated). ``title_width``: wrap
    the title at that many characters (0: one line), for charts in a narrow column. The target is a
    level (star and line), a range (``target_upper``: star at the nearer bound, band) or an annual
    change (``target_type``: named in the legend only).
    """
    df = series.sort_values("year")
    years = df["year"].to_numpy(dtype=int)
    values = df["value"].to_numpy(dtype=float)
    prelim = (df["status"] != "final").to_numpy() if "status" in df else np.zeros(len(df), bool)
    texts = np.array([i18n.fmt_value(v, unit, lang, decimals) for v in values], dtype=object)
    status_words = np.array(
        ["" if not p else f" ({i18n.t('value.status.' + s, lang)})" for p, s in zip(prelim, df.get("status", []), strict=False)],
        dtype=object,
    )
    gaps = gap_years(years, values)
    line_x, line_y, colors, custom = broken_at_gaps(
        years, values, np.where(prelim, "white", LINE),
        np.stack([texts, status_words, provenance(df, lang)], axis=-1) if len(df) else None,
    )  # fmt: skip
    traces = [
        dict(
            type="scatter",
            x=line_x,
            y=line_y,
            mode="lines+markers",
            name=i18n.t("chart.value", lang),
            showlegend=False,
            line=dict(color=LINE, width=3),
            marker=dict(size=9, color=colors, line=dict(color=LINE, width=2)),
            customdata=custom,
            hovertemplate="%{x}: %{customdata[0]}%{customdata[1]}%{customdata[2]}<extra></extra>",
        )
    ]
    shapes, annotations = [], []
    x_max = int(years.max()) if len(years) else None
    target = targets.of(target_value, target_upper, target_type)
    if target is not None and target_year:
        label = targets.label(target, target_year, unit, lang, decimals)
        marks, entry = target_marks(target, label, dash="dot")
        shapes += marks
        if target.is_pace:
            traces.append(entry)
        else:
            x_max = max(x_max or target_year, target_year)
            traces.append(
                dict(
                    type="scatter",
                    x=np.array([target_year]),
                    y=np.array([target.value]),
                    mode="markers",
                    name=label,
                    marker=dict(symbol="star", size=16, color=TARGET, line=dict(color="white", width=1)),
                    hovertemplate=label + "<extra></extra>",
                )
            )
    for year, reason in breaks or []:
        shapes.append(vline(year - 0.5, color=BREAK, width=1.5, dash="dash"))
        annotations.append(
            dict(x=year - 0.5, y=1, yref="paper", text=i18n.t("chart.series_break", lang), hovertext=reason,
                 showarrow=False, xanchor="left", yanchor="top", font=dict(size=11, color=BREAK))  # fmt: skip
        )
    if boundary_change_year and len(years) and years.min() < boundary_change_year < (x_max or years.max()):
        shapes.append(vline(boundary_change_year, color=MUTED, width=1.5, dash="dashdot"))
        traces.append(legend_entry(i18n.t("chart.boundary_change", lang), MUTED, "dashdot"))
    if prelim.any():
        traces.append(hollow_entry(i18n.t("chart.hollow_prelim", lang), LINE))
    xaxis = dict(X_AXIS)
    if len(years):
        xaxis.update(range=[years.min() - 0.5, (x_max or years.max()) + 0.5], dtick=1, tickformat="d")
    # In a narrow column (title_width) the legend entries stack, one row each: room for them all, so the
    # legend never rises into the title.
    legend_rows = max(1, sum(1 for tr in traces if tr.get("showlegend", True))) if title_width else 1
    layout = house_layout(title=title, source=source, lang=lang, demo=demo, height=height + 22 * (legend_rows - 1),
                          title_width=title_width, annotations=annotations, legend_rows=legend_rows,
                          note=gap_note({"": gaps}, lang))  # fmt: skip
    layout.update(
        xaxis=xaxis,
        yaxis={**Y_AXIS, "title": dict(text=unit, font=dict(size=12, color=MUTED)), "separatethousands": True},
        separators=separators(lang),
    )
    return _figure(traces, layout, shapes)


# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and on a projector.
REGION_COLORS = {
    "NMM": "#0072B2",
    "RRD": "#E69F00",
    "NCC": "#009E73",
    "CH": "#D55E00",
    "SE": "#CC79A7",
    "MRD": "#56B4E9",
}
NATION_COLOR = "#1b1f24"
# A ranking whose smallest value is at least this share of its largest is drawn as dots (axis not from 0).
DOT_PLOT_FROM = 0.6


def ranking_bar(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    unit: str,
    decimals: int,
    source: str,
    demo: bool,
    nation_value: float | None = None,
    target_value: float | None = None,
    target_year: int | None = None,
    region_values: dict[str, float] | None = None,
    selected: tuple[str, ...] = (),
    target_upper: float | None = None,
    target_type: str | None = None,
) -> go.Figure:
    """Provinces ranked best first, bars coloured by region, with national, regional and target lines.

    ``df`` has area_id, name, region_code, region_name, value, rank, derived, status (rows without a
    value are left out; the page says how many). The best province is at the top whichever the
    direction of the indicator, so "better" always reads the same way.
    """
    from ascc import progress

    d = df[df["value"].notna()].sort_values(["rank", "name"], ascending=[False, False])
    names = d["name"].to_numpy(object)
    region_codes = d["region_code"].to_numpy()
    # The values are written in a column at the right edge (a second category axis), outside the plot, so
    # no reference line ever crosses them; numbers only (the unit is on the axis).
    text = np.array([i18n.fmt_number(v, lang, decimals) for v in d["value"]], dtype=object)
    marks = np.where(d["derived"].to_numpy(bool), " *", "")
    if "estimated" in d:  # estimated with population weights (charts and tables use the same mark)
        marks = marks + np.where(d["estimated"].fillna(False).to_numpy(bool), " †", "")
    # The progress status (icon in the label, icon and word on hover), when the page supplies it.
    prog = d["progress"].to_numpy(object) if "progress" in d else np.full(len(d), None, dtype=object)
    icons = np.array([" " + progress.STATUS_STYLE[p]["icon"] if p in progress.STATUS_STYLE else "" for p in prog], dtype=object)
    words = np.array([f"{progress.STATUS_STYLE[p]['icon']} {i18n.t('status.' + p, lang)}" if p in progress.STATUS_STYLE else ""
                      for p in prog], dtype=object)
    labels = text + marks + icons
    values = d["value"].to_numpy(float)
    area_ids = d["area_id"].to_numpy(object)
    ranks = d["rank"].to_numpy(object)
    chosen = d["area_id"].isin(selected).to_numpy()
    region_names = d["region_name"].to_numpy(object)
    origin = provenance(d, lang)
    # Values close together far from zero (80-88 %) are drawn as dots on an axis that does not start at
    # zero, where bars from zero would hide the differences; the axis title says so.
    dots = bool(len(values)) and values.min() > 0 and values.min() >= DOT_PLOT_FROM * values.max()
    traces, shapes = [], []
    for code, color in REGION_COLORS.items():
        part = region_codes == code
        if not part.any():
            continue
        sel = chosen[part]
        outline = dict(color=np.where(sel, INK, color), width=np.where(sel, 3, 0))
        traces.append(
            dict(
                type="scatter" if dots else "bar",
                x=values[part],
                y=names[part],
                name=str(region_names[part][0]),
                customdata=np.stack([area_ids[part], ranks[part], words[part], labels[part], origin[part]], axis=-1),
                hovertemplate="%{y}: %{customdata[3]}<br>#%{customdata[1]} · %{customdata[2]}%{customdata[4]}"
                "<extra>%{fullData.name}</extra>",
                **(dict(mode="markers", marker=dict(size=13, color=color, line=outline)) if dots else
                   dict(orientation="h", marker=dict(color=color, line=outline))),
            )
        )
    # The label column: an invisible trace on the right-hand axis that carries the values as tick labels.
    traces.append(dict(type="scatter", x=values, y=names, yaxis="y2", mode="markers", marker=dict(opacity=0),
                       hoverinfo="skip", showlegend=False, name="labels"))
    if region_values:
        traces.append(
            dict(
                type="scatter", x=d["region_code"].map(region_values).to_numpy(float), y=names, mode="markers",
                name=i18n.t("chart.region_value", lang),
                marker=dict(symbol="line-ns", size=14, line=dict(width=2, color=MUTED)),
                hovertemplate="%{x}<extra>" + i18n.t("chart.region_value", lang) + "</extra>",
            )
        )  # fmt: skip
    if nation_value is not None and not np.isnan(nation_value):
        shapes.append(vline(nation_value, color=NATION_COLOR, width=2))
        traces.append(legend_entry(i18n.t("chart.nation", lang) + ": " + i18n.fmt_value(nation_value, unit, lang, decimals),
                                   NATION_COLOR))  # fmt: skip
    target = targets.of(target_value, target_upper, target_type)
    if target is not None:
        marks, entry = target_marks(target, targets.label(target, target_year, unit, lang, decimals), dash="dash",
                                    width=2, vertical=True)  # fmt: skip
        shapes += marks
        traces.append(entry)
    # What the symbols after the values mean (the page's colour legend is not on a slide or a download).
    shown = [p for p in progress.STATUSES if p in set(prog)]
    for p in shown:
        traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", hoverinfo="skip",
                           name=f"{progress.STATUS_STYLE[p]['icon']} {i18n.t('status.' + p, lang)}",
                           marker=dict(size=1, opacity=0)))
    layout = house_layout(title=title, source=source, lang=lang, demo=demo, height=max(460, 22 * len(d) + 230),
                          legend_rows=3 + bool(shown), footer_gap=52, wrap=80)  # fmt: skip
    layout["margin"].update(l=130, r=20)
    xaxis = {**X_AXIS, "title": dict(text=unit, font=dict(size=12, color=MUTED)), "gridcolor": GRID, "showgrid": True}
    if dots:
        # the reference lines stay on the axis
        bounds = (target.low, target.high) if target is not None and not target.is_pace else ()
        refs = [v for v in (nation_value, *bounds) if v is not None and np.isfinite(v)]
        lo, hi = min(values.min(), *refs), max(values.max(), *refs)
        pad = (hi - lo) * 0.08 or abs(hi) * 0.02 or 1.0
        xaxis.update(range=[lo - pad, hi + pad], zeroline=False,
                     title=dict(text=f"{unit} · {i18n.t('chart.axis_not_zero', lang)}", font=dict(size=12, color=MUTED)))
    layout.update(
        barmode="overlay",
        bargap=0.25,
        separators=separators(lang),
        xaxis=xaxis,
        # Categories in rank order (best at the top), whatever the order of the region traces.
        yaxis={**Y_AXIS, "showgrid": False, "tickfont": dict(size=12), "automargin": True,
               "categoryorder": "array", "categoryarray": names},
        yaxis2={"overlaying": "y", "matches": "y", "side": "right", "showgrid": False, "automargin": True,
                "categoryorder": "array", "categoryarray": names, "tickmode": "array", "tickvals": names,
                "ticktext": labels, "ticks": "", "tickfont": dict(size=12, color=INK), "showline": False},
    )  # fmt: skip
    return _figure(traces, layout, shapes)


def subplot_grid(
    rows: int, cols: int, *, vertical_spacing: float, horizontal_spacing: float
) -> list[tuple[str, list[float], list[float]]]:
    """(axis suffix, x domain, y domain) of each cell, left to right and top to bottom, as plotly's
    make_subplots places them ("" for the first cell, then "2", "3"...)."""
    width = (1.0 - horizontal_spacing * (cols - 1)) / cols
    height = (1.0 - vertical_spacing * (rows - 1)) / rows
    cells = []
    for r in range(rows):
        k = rows - 1 - r  # rows are stacked from the bottom
        y0 = height * k + k * vertical_spacing
        y_domain = [min(max(y0, 0.0), 1.0), min(max(y0 + height, 0.0), 1.0)]
        for c in range(cols):
            x0 = width * c + c * horizontal_spacing
            n = r * cols + c + 1
            cells.append(("" if n == 1 else str(n), [x0, x0 + width], y_domain))
    return cells


def small_multiples(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    unit: str,
    decimals: int,
    source: str,
    demo: bool,
    target_value: float | None = None,
    target_year: int | None = None,
    break_years: tuple[int, ...] = (),
    boundary_change_year: float | None = None,
    cols: int = 3,
    target_upper: float | None = None,
    target_type: str | None = None,
) -> go.Figure:
    """One small panel per area (region), same axes, the nation drawn faintly in every panel.

    ``df`` has area_id, name, year, value, status, derived; the row with area_id 'VN' is the nation.
    Panels share the x axis down each column and the y axis along each row (as make_subplots with
    shared axes); every cell of the grid is drawn, also the empty ones of the last row.
    """
    nation = df[df["area_id"] == "VN"].sort_values("year")
    by_area = dict(tuple(df.groupby("area_id", sort=False)))
    areas = [a for a in by_area if a != "VN"]
    names = [str(by_area[a]["name"].iloc[0]) for a in areas]
    rows = int(np.ceil(len(areas) / cols)) or 1
    cells = subplot_grid(rows, cols, vertical_spacing=0.14, horizontal_spacing=0.04)
    target = targets.of(target_value, target_upper, target_type)
    nation_x, nation_y = nation["year"].to_numpy(int), nation["value"].to_numpy(float)
    derived_word = " (" + i18n.t("mark.derived", lang) + ")"
    gaps = {names[i]: gap_years(by_area[a]["year"], by_area[a]["value"]) for i, a in enumerate(areas)}
    if len(nation):
        gaps[i18n.t("chart.nation", lang)] = gap_years(nation_x, nation_y)
        nation_x, nation_y = broken_at_gaps(nation_x, nation_y)
    traces, shapes, titles, layout = [], [], [], {}
    for i, (axis, x_domain, y_domain) in enumerate(cells):
        r, c = divmod(i, cols)
        bottom = (rows - 1) * cols + c + 1  # the cell at the bottom of this column
        first = r * cols + 1  # the cell at the start of this row
        xa = {"anchor": f"y{axis}", "domain": x_domain, **X_AXIS, "dtick": 2, "tickformat": "d"}
        if r < rows - 1:
            xa.update(matches=f"x{bottom}", showticklabels=False)
        ya = {"anchor": f"x{axis}", "domain": y_domain, **Y_AXIS}
        if c > 0:
            ya.update(matches="y" if first == 1 else f"y{first}", showticklabels=False)
        layout["xaxis" + axis], layout["yaxis" + axis] = xa, ya
        if i >= len(areas):
            continue
        area = areas[i]
        titles.append(dict(text=names[i], x=sum(x_domain) / 2.0, y=y_domain[1], xref="paper", yref="paper",
                           showarrow=False, font=dict(size=16), xanchor="center", yanchor="bottom"))  # fmt: skip
        s = by_area[area].sort_values("year")
        color = REGION_COLORS.get(area.removeprefix("R-"), LINE)
        refs = {"xaxis": f"x{axis}", "yaxis": f"y{axis}"}
        if len(nation):
            traces.append(
                # Markers too: a year between two gaps is a point of its own, not a line.
                dict(type="scatter", x=nation_x, y=nation_y, mode="lines+markers", line=dict(color="#9aa5b1", width=1.5),
                     marker=dict(size=3, color="#9aa5b1"),
                     name=i18n.t("chart.nation", lang), showlegend=i == 0, legendgroup="nation", hoverinfo="skip",
                     **refs)  # fmt: skip
            )
        hover = np.array([i18n.fmt_value(v, unit, lang, decimals) for v in s["value"]], dtype=object)
        derived = s["derived"].to_numpy(bool) if "derived" in s else np.zeros(len(s), bool)
        xs, ys, colors, custom = broken_at_gaps(
            s["year"].to_numpy(int), s["value"].to_numpy(float), np.where(derived, "white", color),
            np.stack([hover, np.where(derived, derived_word, ""), provenance(s, lang)], axis=-1),
        )  # fmt: skip
        traces.append(
            dict(
                type="scatter", x=xs, y=ys, mode="lines+markers",
                line=dict(color=color, width=3),
                marker=dict(size=6, color=colors, line=dict(color=color, width=1.5)),
                name=names[i], showlegend=False,
                customdata=custom,
                hovertemplate="%{x}: %{customdata[0]}%{customdata[1]}%{customdata[2]}<extra>" + names[i] + "</extra>",
                **refs,
            )
        )  # fmt: skip
        if target is not None:
            shapes += target_marks(target, "", dash="dot", width=1, axes=(axis,))[0]
        for by in break_years:
            shapes.append(vline(by - 0.5, color=BREAK, width=1, dash="dash", axis=axis))
        if boundary_change_year:
            shapes.append(vline(boundary_change_year, color=MUTED, width=1, dash="dashdot", axis=axis))
    if target is not None:
        traces.append(target_marks(target, targets.label(target, target_year, unit, lang, decimals), dash="dot")[1])
    if break_years:
        traces.append(legend_entry(i18n.t("chart.series_break", lang), BREAK, "dash"))
    if boundary_change_year:
        traces.append(legend_entry(i18n.t("chart.boundary_change", lang), MUTED, "dashdot"))
    height = 240 * rows + 190
    layout.update(house_layout(title=title, source=source, lang=lang, demo=demo, height=height, annotations=titles,
                               note=gap_note(gaps, lang)))
    # The legend sits above the panel titles (which sit at the top of the first row).
    margin = layout["margin"]
    margin["t"] += 30
    plot_h = height - margin["t"] - margin["b"]
    layout["legend"]["y"] = 1 + 28 / max(plot_h, 1)
    layout["separators"] = separators(lang)
    return _figure(traces, layout, shapes)


SERIES_COLORS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def multi_line(
    df: pd.DataFrame,
    *,
    lang: str,
    title: str,
    unit: str,
    decimals: int,
    source: str,
    demo: bool,
    highlight: str | None = None,
    boundary_change_year: float | None = None,
    height: int = 420,
    breaks: list[tuple[int, str]] | None = None,
) -> go.Figure:
    """Several areas' series on one chart (e.g. a new province and the former provinces that formed it),
    with the indicator's series breaks (year, reason) marked.

    ``df`` has area_id, name, year, value and optionally derived. The ``highlight`` area is drawn
    thick and dark; rebuilt (derived) points are hollow.
    """
    by_area = dict(tuple(df.groupby("area_id", sort=False)))
    others = [a for a in by_area if a != highlight]
    traces, shapes, annotations, gaps = [], [], [], {}
    for i, area in enumerate([*others, *([highlight] if highlight in by_area else [])]):
        s = by_area[area].sort_values("year")
        is_main = area == highlight
        color = INK if is_main else SERIES_COLORS[i % len(SERIES_COLORS)]
        derived = s["derived"].to_numpy(bool) if "derived" in s else np.zeros(len(s), bool)
        texts = np.array([i18n.fmt_value(v, unit, lang, decimals) for v in s["value"]], dtype=object)
        gaps[str(s["name"].iloc[0])] = gap_years(s["year"], s["value"])
        xs, ys, colors, texts = broken_at_gaps(s["year"].to_numpy(int), s["value"].to_numpy(float),
                                               np.where(derived, "white", color), texts)
        traces.append(
            dict(
                type="scatter", x=xs, y=ys, mode="lines+markers",
                name=str(s["name"].iloc[0]) + (" *" if derived.any() else ""),
                line=dict(color=color, width=4 if is_main else 2, dash="solid"),
                marker=dict(size=8 if is_main else 6, color=colors, line=dict(color=color, width=2)),
                customdata=texts, hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
            )
        )  # fmt: skip
    if boundary_change_year:
        shapes.append(vline(boundary_change_year, color=MUTED, width=1.5, dash="dashdot"))
        annotations.append(dict(x=boundary_change_year, y=1, yref="paper", xanchor="right", yanchor="top", showarrow=False,
                                text=i18n.t("chart.boundary_change", lang), font=dict(size=11, color=MUTED)))  # fmt: skip
    years = df["year"].to_numpy(int) if len(df) else np.array([], int)
    for year, reason in breaks or []:
        if len(years) and years.min() < year <= years.max():
            shapes.append(vline(year - 0.5, color=BREAK, width=1.5, dash="dash"))
            annotations.append(dict(x=year - 0.5, y=1, yref="paper", text=i18n.t("chart.series_break", lang),
                                    hovertext=reason, showarrow=False, xanchor="left", yanchor="top",
                                    font=dict(size=11, color=BREAK)))  # fmt: skip
    if "derived" in df and df["derived"].fillna(False).astype(bool).any():
        traces.append(hollow_entry(i18n.t("chart.hollow_rebuilt", lang), INK))
    layout = house_layout(title=title, source=source, lang=lang, demo=demo, height=height, annotations=annotations,
                          note=gap_note(gaps, lang))
    layout.update(
        xaxis={**X_AXIS, "dtick": 1, "tickformat": "d"},
        yaxis={**Y_AXIS, "title": dict(text=unit, font=dict(size=12, color=MUTED))},
        separators=separators(lang),
    )
    return _figure(traces, layout, shapes)


def status_stack(
    counts: pd.DataFrame,
    *,
    lang: str,
    title: str,
    categories: list[tuple[str, str]],
    source: str,
    demo: bool,
) -> go.Figure:
    """How many indicators are in each progress status, one horizontal stacked bar per category.

    ``counts`` has columns category, status, n; ``categories`` lists (code, label) top to bottom.
    Segments use the status colours and carry icon + word in the legend and the hover.
    """
    from ascc import progress

    labels = np.array([lab for _, lab in categories], dtype=object)
    traces = []
    for status in progress.STATUSES:
        part = counts[counts["status"] == status].set_index("category")["n"]
        values = np.array([float(part.get(code, 0)) for code, _ in categories])
        style = progress.STATUS_STYLE[status]
        word = f"{style['icon']} {i18n.t('status.' + status, lang)}"
        traces.append(
            dict(
                type="bar", x=values, y=labels, orientation="h", name=word,
                marker=dict(color=style["color"], line=dict(color="white", width=1)),
                text=np.where(values > 0, values.astype(int).astype(str), ""), textposition="inside",
                insidetextanchor="middle", textfont=dict(color=style["text"], size=13),  # 4.5:1 on the bar
                hovertemplate="%{y}: %{x} · " + word + "<extra></extra>",
            )
        )  # fmt: skip
    layout = house_layout(title=title, source=source, lang=lang, demo=demo, height=90 + 52 * len(labels) + 110,
                          legend_rows=2, footer_gap=52)  # fmt: skip
    layout["margin"]["l"] = 10
    layout["legend"]["traceorder"] = "normal"
    layout.update(
        barmode="stack",
        yaxis={**Y_AXIS, "autorange": "reversed", "automargin": True, "tickfont": dict(size=13)},
        xaxis={**X_AXIS, "title": dict(text=i18n.t("chart.n_indicators", lang), font=dict(size=12, color=MUTED)), "dtick": 1},
    )
    return _figure(traces, layout, [])


def progress_heatmap(
    matrix: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source: str,
    demo: bool,
) -> go.Figure:
    """Indicator x year: share of the way from the base value to the target covered by each year.

    ``matrix``: index = indicator labels, columns = years, values = share (0 = base, 1 = target
    reached; negative = worse than the base). Colour goes from brown (worse) through white to teal.
    """
    z = matrix.to_numpy(dtype=float)
    clipped = np.clip(z, -0.5, 1.0)

    def cell(v: float) -> str:
        if np.isnan(v):
            return ""
        if v >= 1:
            return "≥" + i18n.fmt_share(1.0, lang)
        return i18n.fmt_share(0.0 if abs(v) < 0.005 else v, lang)  # no "-0%"

    text = np.vectorize(cell, otypes=[object])(z) if z.size else z.astype(object)
    heatmap = dict(
        type="heatmap",
        z=clipped, x=np.array([str(c) for c in matrix.columns], dtype=object), y=np.array(matrix.index, dtype=object),
        zmin=-0.5, zmax=1.0, colorscale=[[0, "#8c510a"], [1 / 3, "#f6e8c3"], [0.4, "#f5f5f5"], [0.7, "#80cdc1"], [1, "#01665e"]],
        text=text, texttemplate="%{text}", textfont=dict(size=11), xgap=2, ygap=2, hoverongaps=False,
        colorbar=dict(title=dict(text=i18n.t("chart.share_of_way", lang), side="right"), len=0.8,
                      tickvals=SHARE_TICKS, ticktext=[i18n.fmt_share(v, lang) for v in SHARE_TICKS]),
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
    )  # fmt: skip
    layout = house_layout(title=title, source=source, lang=lang, demo=demo, height=110 + 30 * len(matrix) + 80,
                          legend_rows=0)  # fmt: skip
    layout["margin"]["l"] = 10
    layout.update(
        showlegend=False,
        yaxis={**Y_AXIS, "autorange": "reversed", "automargin": True, "showgrid": False},
        xaxis={**X_AXIS, "showgrid": False, "ticks": "", "dtick": 1},
    )
    return _figure([heatmap], layout, [])


def progress_bullets(
    rows: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source: str,
    demo: bool,
) -> go.Figure:
    """Per indicator: the share of the way to the target covered (bar, in its status colour) against
    the share of the plan period elapsed (a black tick): ESCAP's "expected progress by now".

    ``rows`` has label, status, achieved_share, expected_share and optionally target (NaN = no target).
    The indicators furthest behind never look empty: one that moved away from its target (a negative
    share) has a bar to the left of 0, one without a share (no data, no target, or a base that already
    met it) a mark at 0 in its status colour; both carry their figure and status word right of 0.
    """
    from ascc import progress

    d = rows.reset_index(drop=True)
    labels = d["label"].to_numpy(object)
    raw = d["achieved_share"].to_numpy(float)
    share = np.clip(raw, -0.25, 1.25)
    statuses = d["status"].tolist()
    colors = np.array([progress.STATUS_STYLE.get(s, {"color": MUTED})["color"] for s in statuses], dtype=object)
    words = [f"{progress.STATUS_STYLE[s]['icon']} {i18n.t('status.' + s, lang)}" if s in progress.STATUS_STYLE else ""
             for s in statuses]  # fmt: skip
    targets = d["target"].to_numpy(float) if "target" in d else np.zeros(len(d))
    no_target = i18n.t("card.no_target", lang)

    def describe(v: float, word: str, status: str, target: float) -> str:
        if not np.isnan(v):
            return f"{i18n.fmt_value(v * 100, '%', lang, 0).replace('-', '−')}  {word}"
        if status == "insufficient" or not word:
            return word or "? " + i18n.t("status.insufficient", lang)
        return f"{word} · {no_target}" if np.isnan(target) else word

    text = np.array([describe(v, w, s, g) for v, w, s, g in zip(raw, words, statuses, targets, strict=True)], dtype=object)
    # Rows whose figure is written at 0 (no bar to the right to carry it): no share, or a negative one.
    at_zero = np.isnan(raw) | (raw < 0)
    symbols = np.array(["triangle-down" if s == "deteriorating" else "circle-open" if s == "insufficient" else "diamond"
                        for s in statuses], dtype=object)  # fmt: skip
    expected = i18n.t("chart.expected_by_now", lang)
    traces = [
        # Text inside the bar where it fits (clear of the expected-progress tick), outside otherwise.
        dict(type="bar", x=share, y=labels, orientation="h", marker=dict(color=colors),
             name=i18n.t("chart.share_of_way", lang), text=np.where(at_zero, "", text), textposition="auto",
             insidetextanchor="start", textfont=dict(size=13), cliponaxis=False, customdata=text,
             hovertemplate="%{y}: %{customdata}<extra></extra>"),
        dict(type="scatter", x=np.zeros(int(at_zero.sum())), y=labels[at_zero], mode="markers+text",
             text=np.array(["  " + x for x in text[at_zero]], dtype=object), textposition="middle right",
             textfont=dict(size=13, color=INK), cliponaxis=False, showlegend=False, customdata=text[at_zero],
             marker=dict(symbol=symbols[at_zero], size=13, color=colors[at_zero], line=dict(width=2, color=colors[at_zero])),
             hovertemplate="%{y}: %{customdata}<extra></extra>"),
        dict(type="scatter", x=d["expected_share"].to_numpy(float), y=labels, mode="markers", name=expected,
             marker=dict(symbol="line-ns", size=22, line=dict(width=3, color=INK)),
             hovertemplate="%{y}: " + expected + " %{x:.0%}<extra></extra>"),
    ]  # fmt: skip
    # The title wraps (it names the ministry and the measure) rather than running under the demo mark.
    layout = house_layout(title=title, source=source, lang=lang, demo=demo, height=120 + 34 * len(d) + 60, title_width=64)
    layout["height"] += layout["margin"]["t"] - (48 + 22)  # the plot keeps its height under a wrapped title
    layout["margin"].update(l=10, r=170)
    layout.update(
        separators=separators(lang),
        xaxis={**X_AXIS, "range": [-0.25, 1.25], "tickformat": ".0%", "showgrid": True, "gridcolor": GRID,
               "zeroline": True, "zerolinecolor": MUTED},
        yaxis={**Y_AXIS, "autorange": "reversed", "automargin": True},
    )  # fmt: skip
    return _figure(traces, layout, [])


def headline_cards(
    cards: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source: str,
    demo: bool,
) -> go.Figure:
    """The headline indicators as a grid of cards (the Overview's cards on one slide): per card the
    status badge (icon + word, in the status colour), the short name, the value with its year, and the
    change since the base year.

    ``cards``: progress_views.headline_cards rows (short_name, value, year, change, base_year, progress,
    unit, decimals). Shapes and annotations in paper coordinates, so the grid fills any size.
    """
    from ascc import progress

    n = len(cards)
    ncols = 2 if n <= 4 else 3
    nrows = max(1, math.ceil(n / ncols))
    gap_x, gap_y = 0.03, 0.06
    w = (1 - gap_x * (ncols - 1)) / ncols
    h = (1 - gap_y * (nrows - 1)) / nrows
    shapes, notes = [], []
    for i, r in enumerate(cards.itertuples()):
        col, row = i % ncols, i // ncols
        x0, y1 = col * (w + gap_x), 1 - row * (h + gap_y)
        style = progress.STATUS_STYLE.get(r.progress or "", None)
        color = style["color"] if style else MUTED
        shapes.append(dict(type="rect", xref="paper", yref="paper", x0=x0, x1=x0 + w, y0=y1 - h, y1=y1,
                           line=dict(color=color, width=2), fillcolor="white", layer="below"))
        shapes.append(dict(type="rect", xref="paper", yref="paper", x0=x0, x1=x0 + 0.008, y0=y1 - h, y1=y1,
                           line=dict(width=0), fillcolor=color, layer="below"))
        word = f"{style['icon']} {i18n.t('status.' + r.progress, lang)}" if style else i18n.t("cards.no_status", lang)
        left = x0 + 0.025
        common = dict(xref="paper", yref="paper", xanchor="left", showarrow=False, align="left")
        notes.append(dict(text=f"<b>{word}</b>", x=left, y=y1 - 0.05 * h, yanchor="top", font=dict(size=13, color="white"),
                          bgcolor=color, borderpad=3, **common))  # fmt: skip
        notes.append(dict(text=f"<b>{r.short_name}</b>", x=left, y=y1 - 0.30 * h, yanchor="top",
                          font=dict(size=16, color=INK), **common))
        if pd.notna(r.value):
            value = i18n.fmt_value(r.value, r.unit, lang, int(r.decimals))
            notes.append(dict(text=f"<b>{value}</b>", x=left, y=y1 - 0.50 * h, yanchor="top",
                              font=dict(size=28, color=INK), **common))
        else:
            notes.append(dict(text=i18n.t("card.no_data", lang), x=left, y=y1 - 0.52 * h, yanchor="top",
                              font=dict(size=18, color=MUTED), **common))
        # The card's own year, then the change since the base year, under the value.
        below = [i18n.t("card.latest", lang, year=int(r.year))] if pd.notna(r.year) and pd.notna(r.value) else []
        if pd.notna(r.change) and pd.notna(r.base_year):
            change = i18n.fmt_value(r.change, i18n.change_unit(r.unit, lang), lang, int(r.decimals), signed=True)
            below.append(i18n.t("cards.change", lang, change=change, year=int(r.base_year)))
        if below:
            notes.append(dict(text=" · ".join(below), x=left, y=y1 - 0.80 * h, yanchor="top",
                              font=dict(size=14, color=MUTED), **common))
    layout = house_layout(title=title, source=source, lang=lang, demo=demo, height=150 + 150 * nrows, legend_rows=0,
                          annotations=notes)
    layout["margin"].update(l=10, r=10)
    layout.update(showlegend=False, xaxis=dict(visible=False, range=[0, 1]), yaxis=dict(visible=False, range=[0, 1]))
    return _figure([], layout, shapes)
