"""Chart builders: pure functions (data in, go.Figure out) sharing one look, source footer and demo mark."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ascc import i18n

FONT_FAMILY = "Noto Sans, Roboto, Arial, sans-serif"
INK = "#1b1f24"
MUTED = "#5f6b7a"
GRID = "#e3e8ef"
LINE = "#0b5394"
TARGET = "#b45f06"
BREAK = "#7f3f98"

# Browser toolbar export at presentation size (16:9), with the title, source and mark already inside.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


def unit_suffix(unit: str) -> str:
    """The unit as shown after a title: "(%)", or "" when there is none."""
    return f" ({unit})" if unit else ""


def legend_line(fig: go.Figure, name: str, color: str, dash: str = "solid") -> None:
    """A legend entry for a reference line drawn as a shape (shapes have no legend of their own)."""
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=name, line=dict(color=color, width=2, dash=dash),
                             hoverinfo="skip"))


def base_layout(
    fig: go.Figure,
    *,
    title: str,
    source: str,
    lang: str,
    demo: bool,
    height: int = 380,
    legend_rows: int = 1,
    footer_gap: int = 30,
    wrap: int = 80,
) -> go.Figure:
    """Apply the house look: title, legend row, source footer and the demo mark, laid out so none overlap.

    Top to bottom: the title (with the demo mark at the right end of its line), the legend row(s),
    the plot, the axis labels, then the source in small grey type (wrapped). Sizes are in pixels so
    the layout holds at any width.
    """
    import textwrap

    source_lines = textwrap.wrap(i18n.t("chart.source", lang, source=source), wrap) if source else []
    top = 48 + 22 * legend_rows
    bottom = footer_gap + 10 + 15 * len(source_lines)
    annotations = list(fig.layout.annotations or [])
    if source_lines:
        annotations.append(
            dict(
                text="<br>".join(source_lines), xref="paper", yref="paper", x=0, y=0, yshift=-footer_gap,
                xanchor="left", yanchor="top", showarrow=False, font=dict(size=11, color=MUTED), align="left",
            )
        )
    if demo:
        annotations.append(
            dict(
                text=i18n.t("demo.mark", lang), xref="paper", yref="paper", x=1, y=1, yshift=top - 34,
                xanchor="right", yanchor="bottom", showarrow=False, font=dict(size=12, color="#b00020"),
                bordercolor="#b00020", borderwidth=1, borderpad=3, bgcolor="white",
            )
        )
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", y=1, yref="container", yanchor="top", pad=dict(t=14, l=4),
                   font=dict(size=17, color=INK)),
        font=dict(family=FONT_FAMILY, size=13, color=INK),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=60, r=24, t=top, b=bottom),
        height=height,
        annotations=annotations,
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=13)),
        showlegend=True,
        legend=dict(orientation="h", x=0, y=1, xanchor="left", yanchor="bottom", font=dict(size=12),
                    bgcolor="rgba(255,255,255,0)"),
    )
    fig.update_xaxes(showgrid=False, linecolor=GRID, ticks="outside", tickcolor=GRID)
    fig.update_yaxes(gridcolor=GRID, zeroline=False)
    return fig


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
) -> go.Figure:
    """A national (or any one-area) time series with the target, series breaks and the boundary change marked.

    ``series`` has columns year, value, status (final / preliminary / estimated).
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
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=years,
            y=values,
            mode="lines+markers",
            name=i18n.t("chart.value", lang),
            showlegend=False,
            line=dict(color=LINE, width=3),
            marker=dict(
                size=9,
                color=np.where(prelim, "white", LINE),
                line=dict(color=LINE, width=2),
            ),
            customdata=np.stack([texts, status_words], axis=-1) if len(df) else None,
            hovertemplate="%{x}: %{customdata[0]}%{customdata[1]}<extra></extra>",
        )
    )
    x_max = int(years.max()) if len(years) else None
    if target_value is not None and not np.isnan(target_value) and target_year:
        x_max = max(x_max or target_year, target_year)
        label = i18n.t("chart.target", lang, year=target_year) + ": " + i18n.fmt_value(target_value, unit, lang, decimals)
        fig.add_trace(
            go.Scatter(
                x=np.array([target_year]),
                y=np.array([target_value]),
                mode="markers",
                name=label,
                marker=dict(symbol="star", size=16, color=TARGET, line=dict(color="white", width=1)),
                hovertemplate=label + "<extra></extra>",
            )
        )
        fig.add_hline(y=target_value, line=dict(color=TARGET, width=1.5, dash="dot"))
    for year, reason in breaks or []:
        fig.add_vline(x=year - 0.5, line=dict(color=BREAK, width=1.5, dash="dash"))
        fig.add_annotation(
            x=year - 0.5, y=1, yref="paper", text=i18n.t("chart.series_break", lang), hovertext=reason,
            showarrow=False, xanchor="left", yanchor="top", font=dict(size=11, color=BREAK),
        )
    if boundary_change_year and len(years) and years.min() < boundary_change_year < (x_max or years.max()):
        fig.add_vline(x=boundary_change_year, line=dict(color=MUTED, width=1.5, dash="dashdot"))
        legend_line(fig, i18n.t("chart.boundary_change", lang), MUTED, "dashdot")
    if len(years):
        fig.update_xaxes(range=[years.min() - 0.5, (x_max or years.max()) + 0.5], dtick=1, tickformat="d")
    fig.update_yaxes(title=dict(text=unit, font=dict(size=12, color=MUTED)), separatethousands=True)
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=height)
    fig.update_layout(separators=",." if lang == "vi" else ".,")
    return fig


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
) -> go.Figure:
    """Provinces ranked best first, bars coloured by region, with national, regional and target lines.

    ``df`` has area_id, name, region_code, region_name, value, rank, derived, status (rows without a
    value are left out; the page says how many). The best province is at the top whichever the
    direction of the indicator, so "better" always reads the same way.
    """
    d = df[df["value"].notna()].sort_values(["rank", "name"], ascending=[False, False])
    fig = go.Figure()
    # Numbers only on the bars (the unit is on the axis), so labels stay clear of the reference lines.
    text = np.array([i18n.fmt_number(v, lang, decimals) for v in d["value"]], dtype=object)
    marks = np.where(d["derived"].to_numpy(bool), " *", "")
    # The progress status (icon in the label, icon and word on hover), when the page supplies it.
    from ascc import progress

    prog = d["progress"].to_numpy(object) if "progress" in d else np.full(len(d), None, dtype=object)
    icons = np.array([" " + progress.STATUS_STYLE[p]["icon"] if p in progress.STATUS_STYLE else "" for p in prog], dtype=object)
    words = np.array([f"{progress.STATUS_STYLE[p]['icon']} {i18n.t('status.' + p, lang)}" if p in progress.STATUS_STYLE else ""
                      for p in prog], dtype=object)
    marks = marks + icons
    for code, color in REGION_COLORS.items():
        part = d["region_code"].to_numpy() == code
        if not part.any():
            continue
        sub = d[part]
        sel = sub["area_id"].isin(selected).to_numpy()
        fig.add_trace(
            go.Bar(
                x=sub["value"].to_numpy(float),
                y=sub["name"].to_numpy(object),
                orientation="h",
                name=str(sub["region_name"].iloc[0]),
                marker=dict(color=color, line=dict(color=np.where(sel, INK, color), width=np.where(sel, 3, 0))),
                text=(text[part] + marks[part]),
                textposition="outside",
                cliponaxis=False,
                customdata=np.stack([sub["area_id"].to_numpy(object), sub["rank"].to_numpy(object), words[part]], axis=-1),
                hovertemplate="%{y}: %{text}<br>#%{customdata[1]} · %{customdata[2]}<extra>%{fullData.name}</extra>",
            )
        )
    if region_values:
        rv = d["region_code"].map(region_values).to_numpy(float)
        fig.add_trace(
            go.Scatter(
                x=rv, y=d["name"].to_numpy(object), mode="markers",
                name=i18n.t("chart.region_value", lang),
                marker=dict(symbol="line-ns", size=14, line=dict(width=2, color=MUTED)),
                hovertemplate="%{x}<extra>" + i18n.t("chart.region_value", lang) + "</extra>",
            )
        )
    if nation_value is not None and not np.isnan(nation_value):
        fig.add_vline(x=nation_value, line=dict(color=NATION_COLOR, width=2))
        legend_line(fig, i18n.t("chart.nation", lang) + ": " + i18n.fmt_value(nation_value, unit, lang, decimals), NATION_COLOR)
    if target_value is not None and not np.isnan(target_value):
        fig.add_vline(x=target_value, line=dict(color=TARGET, width=2, dash="dash"))
        legend_line(fig, i18n.t("chart.target", lang, year=target_year) + ": "
                    + i18n.fmt_value(target_value, unit, lang, decimals), TARGET, "dash")
    n = len(d)
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=max(460, 22 * n + 230),
                      legend_rows=3, footer_gap=52, wrap=80)
    fig.update_layout(barmode="overlay", bargap=0.25, separators=",." if lang == "vi" else ".,")
    fig.update_layout(margin=dict(l=130, r=70))
    fig.update_xaxes(title=dict(text=unit, font=dict(size=12, color=MUTED)), gridcolor=GRID, showgrid=True)
    # Categories in rank order (best at the top), whatever the order of the region traces.
    fig.update_yaxes(showgrid=False, tickfont=dict(size=12), automargin=True,
                     categoryorder="array", categoryarray=d["name"].to_numpy(object))
    return fig


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
) -> go.Figure:
    """One small panel per area (region), same axes, the nation drawn faintly in every panel.

    ``df`` has area_id, name, year, value, status, derived; the row with area_id 'VN' is the nation.
    """
    from plotly.subplots import make_subplots

    nation = df[df["area_id"] == "VN"].sort_values("year")
    areas = [a for a in dict.fromkeys(df["area_id"]) if a != "VN"]
    names = [str(df.loc[df["area_id"] == a, "name"].iloc[0]) for a in areas]
    rows = int(np.ceil(len(areas) / cols)) or 1
    fig = make_subplots(rows=rows, cols=cols, shared_xaxes=True, shared_yaxes=True, subplot_titles=names,
                        vertical_spacing=0.14, horizontal_spacing=0.04)
    for i, area in enumerate(areas):
        r, c = i // cols + 1, i % cols + 1
        s = df[df["area_id"] == area].sort_values("year")
        code = area.removeprefix("R-")
        color = REGION_COLORS.get(code, LINE)
        if len(nation):
            fig.add_trace(
                go.Scatter(x=nation["year"].to_numpy(int), y=nation["value"].to_numpy(float), mode="lines",
                           line=dict(color="#9aa5b1", width=1.5), name=i18n.t("chart.nation", lang),
                           showlegend=i == 0, legendgroup="nation", hoverinfo="skip"),
                row=r, col=c,
            )
        hover = np.array([i18n.fmt_value(v, unit, lang, decimals) for v in s["value"]], dtype=object)
        derived = s["derived"].to_numpy(bool) if "derived" in s else np.zeros(len(s), bool)
        fig.add_trace(
            go.Scatter(
                x=s["year"].to_numpy(int), y=s["value"].to_numpy(float), mode="lines+markers",
                line=dict(color=color, width=3), marker=dict(size=6, color=np.where(derived, "white", color),
                                                             line=dict(color=color, width=1.5)),
                name=names[i], showlegend=False,
                customdata=np.stack([hover, np.where(derived, " (" + i18n.t("mark.derived", lang) + ")", "")], axis=-1),
                hovertemplate="%{x}: %{customdata[0]}%{customdata[1]}<extra>" + names[i] + "</extra>",
            ),
            row=r, col=c,
        )
        if target_value is not None and not np.isnan(target_value):
            fig.add_hline(y=target_value, line=dict(color=TARGET, width=1, dash="dot"), row=r, col=c)
        for by in break_years:
            fig.add_vline(x=by - 0.5, line=dict(color=BREAK, width=1, dash="dash"), row=r, col=c)
        if boundary_change_year:
            fig.add_vline(x=boundary_change_year, line=dict(color=MUTED, width=1, dash="dashdot"), row=r, col=c)
    if target_value is not None and not np.isnan(target_value):
        legend_line(fig, i18n.t("chart.target", lang, year=target_year) + ": "
                    + i18n.fmt_value(target_value, unit, lang, decimals), TARGET, "dot")
    if break_years:
        legend_line(fig, i18n.t("chart.series_break", lang), BREAK, "dash")
    if boundary_change_year:
        legend_line(fig, i18n.t("chart.boundary_change", lang), MUTED, "dashdot")
    height = 240 * rows + 190
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=height)
    top = fig.layout.margin.t + 30
    plot_h = height - top - fig.layout.margin.b
    # The legend sits above the panel titles (which sit at the top of the first row).
    fig.update_layout(separators=",." if lang == "vi" else ".,", margin=dict(t=top),
                      legend=dict(y=1 + 28 / max(plot_h, 1)))
    fig.update_xaxes(dtick=2, tickformat="d")
    fig.update_annotations(font_size=13, selector=dict(xref="x domain"))
    return fig


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
) -> go.Figure:
    """Several areas' series on one chart (e.g. a new province and the former provinces that formed it).

    ``df`` has area_id, name, year, value and optionally derived. The ``highlight`` area is drawn
    thick and dark; rebuilt (derived) points are hollow.
    """
    fig = go.Figure()
    others = [a for a in dict.fromkeys(df["area_id"]) if a != highlight]
    for i, area in enumerate([*others, *([highlight] if highlight in set(df["area_id"]) else [])]):
        s = df[df["area_id"] == area].sort_values("year")
        is_main = area == highlight
        color = INK if is_main else SERIES_COLORS[i % len(SERIES_COLORS)]
        derived = s["derived"].to_numpy(bool) if "derived" in s else np.zeros(len(s), bool)
        texts = np.array([i18n.fmt_value(v, unit, lang, decimals) for v in s["value"]], dtype=object)
        fig.add_trace(
            go.Scatter(
                x=s["year"].to_numpy(int), y=s["value"].to_numpy(float), mode="lines+markers",
                name=str(s["name"].iloc[0]) + (" *" if derived.any() else ""),
                line=dict(color=color, width=4 if is_main else 2, dash="solid"),
                marker=dict(size=8 if is_main else 6, color=np.where(derived, "white", color), line=dict(color=color, width=2)),
                customdata=texts, hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
            )
        )
    if boundary_change_year:
        fig.add_vline(x=boundary_change_year, line=dict(color=MUTED, width=1.5, dash="dashdot"))
        fig.add_annotation(x=boundary_change_year, y=1, yref="paper", xanchor="right", yanchor="top", showarrow=False,
                           text=i18n.t("chart.boundary_change", lang), font=dict(size=11, color=MUTED))
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title=dict(text=unit, font=dict(size=12, color=MUTED)))
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=height)
    fig.update_layout(separators=",." if lang == "vi" else ".,")
    return fig


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

    labels = [lab for _, lab in categories]
    fig = go.Figure()
    for status in progress.STATUSES:
        part = counts[counts["status"] == status].set_index("category")["n"]
        values = np.array([float(part.get(code, 0)) for code, _ in categories])
        style = progress.STATUS_STYLE[status]
        word = f"{style['icon']} {i18n.t('status.' + status, lang)}"
        fig.add_trace(
            go.Bar(
                x=values, y=np.array(labels, dtype=object), orientation="h", name=word,
                marker=dict(color=style["color"], line=dict(color="white", width=1)),
                text=np.where(values > 0, values.astype(int).astype(str), ""), textposition="inside",
                insidetextanchor="middle", textfont=dict(color="white", size=13),
                hovertemplate="%{y}: %{x} · " + word + "<extra></extra>",
            )
        )
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=90 + 52 * len(labels) + 110,
                      legend_rows=2, footer_gap=52)
    fig.update_layout(barmode="stack", margin=dict(l=10), legend=dict(traceorder="normal"))
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=13))
    fig.update_xaxes(title=dict(text=i18n.t("chart.n_indicators", lang), font=dict(size=12, color=MUTED)), dtick=1)
    return fig


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
            return "≥100%"
        return i18n.fmt_number(0.0 if abs(v) < 0.005 else v * 100, lang, 0) + "%"  # no "-0%"

    text = np.vectorize(cell, otypes=[object])(z) if z.size else z.astype(object)
    fig = go.Figure(
        go.Heatmap(
            z=clipped, x=np.array([str(c) for c in matrix.columns], dtype=object), y=np.array(matrix.index, dtype=object),
            zmin=-0.5, zmax=1.0, colorscale=[[0, "#8c510a"], [1 / 3, "#f6e8c3"], [0.4, "#f5f5f5"], [0.7, "#80cdc1"], [1, "#01665e"]],
            text=text, texttemplate="%{text}", textfont=dict(size=11), xgap=2, ygap=2, hoverongaps=False,
            colorbar=dict(title=dict(text=i18n.t("chart.share_of_way", lang), side="right"), tickformat=".0%", len=0.8),
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        )
    )
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=110 + 30 * len(matrix) + 80,
                      legend_rows=0)
    fig.update_layout(showlegend=False, margin=dict(l=10))
    fig.update_yaxes(autorange="reversed", automargin=True, showgrid=False)
    fig.update_xaxes(showgrid=False, ticks="", dtick=1)
    return fig


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

    ``rows`` has label, status, achieved_share, expected_share.
    """
    from ascc import progress

    d = rows.reset_index(drop=True)
    labels = d["label"].to_numpy(object)
    share = np.clip(d["achieved_share"].to_numpy(float), -0.25, 1.25)
    colors = np.array([progress.STATUS_STYLE.get(s, {"color": MUTED})["color"] for s in d["status"]], dtype=object)
    words = np.array([f"{progress.STATUS_STYLE[s]['icon']} {i18n.t('status.' + s, lang)}" if s in progress.STATUS_STYLE else ""
                      for s in d["status"]], dtype=object)
    raw = d["achieved_share"].to_numpy(float)
    no_target = " · " + i18n.t("card.no_target", lang)
    text = np.array([f"{i18n.fmt_number(v * 100, lang, 0)} %  {w}" if not np.isnan(v) else f"{w}{no_target}"
                     for v, w in zip(raw, words, strict=True)], dtype=object)
    fig = go.Figure()
    # Text inside the bar where it fits (clear of the expected-progress tick), outside otherwise.
    fig.add_trace(go.Bar(x=np.nan_to_num(share, nan=0.0), y=labels, orientation="h", marker=dict(color=colors),
                         name=i18n.t("chart.share_of_way", lang), text=text, textposition="auto",
                         insidetextanchor="start", textfont=dict(size=13), cliponaxis=False,
                         hovertemplate="%{y}: %{text}<extra></extra>"))
    fig.add_trace(go.Scatter(x=d["expected_share"].to_numpy(float), y=labels, mode="markers", name=i18n.t("chart.expected_by_now", lang),
                             marker=dict(symbol="line-ns", size=22, line=dict(width=3, color=INK)),
                             hovertemplate="%{y}: " + i18n.t("chart.expected_by_now", lang) + " %{x:.0%}<extra></extra>"))
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=120 + 34 * len(d) + 60)
    fig.update_layout(margin=dict(l=10, r=170))
    fig.update_xaxes(range=[-0.25, 1.25], tickformat=".0%", showgrid=True, gridcolor=GRID, zeroline=True, zerolinecolor=MUTED)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig
