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


def base_layout(fig: go.Figure, *, title: str, source: str, lang: str, demo: bool, height: int = 380) -> go.Figure:
    """Apply the house look: title, fonts, margins, source footer and the demo mark."""
    annotations = list(fig.layout.annotations or [])
    if source:
        annotations.append(
            dict(
                text=i18n.t("chart.source", lang, source=source),
                xref="paper", yref="paper", x=0, y=-0.16, xanchor="left", yanchor="top",
                showarrow=False, font=dict(size=11, color=MUTED), align="left",
            )
        )
    if demo:
        annotations.append(
            dict(
                text=i18n.t("demo.mark", lang),
                xref="paper", yref="paper", x=1, y=1.02, xanchor="right", yanchor="bottom",
                showarrow=False, font=dict(size=12, color="#b00020"),
                bordercolor="#b00020", borderwidth=1, borderpad=3, bgcolor="rgba(255,255,255,0.85)",
            )
        )
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=17, color=INK)),
        font=dict(family=FONT_FAMILY, size=13, color=INK),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=60, r=24, t=72, b=86),
        height=height,
        annotations=annotations,
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=13)),
        showlegend=True,
        legend=dict(orientation="h", x=0, y=-0.08, xanchor="left", yanchor="top", font=dict(size=12)),
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
    height: int = 380,
) -> go.Figure:
    """A national (or any one-area) time series with the target and series breaks marked.

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
    if len(years):
        fig.update_xaxes(range=[years.min() - 0.5, (x_max or years.max()) + 0.5], dtick=1, tickformat="d")
    fig.update_yaxes(title=dict(text=unit, font=dict(size=12, color=MUTED)), separatethousands=True)
    fig = base_layout(fig, title=title, source=source, lang=lang, demo=demo, height=height)
    fig.update_layout(separators=",." if lang == "vi" else ".,")
    return fig
