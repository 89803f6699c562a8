"""Small Streamlit building blocks used by several pages: indicator cards and the indicator table."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ascc import i18n, targets
from ascc.i18n import t
from ascc.rows import each_row
from ui import status_ui


def _present(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and x is not pd.NA


def card_value(value, unit: str, lang: str, decimals: int) -> str:
    """A big-number text that fits a card: long units ("/100.000 trẻ đẻ sống") go to the caption."""
    if unit.startswith("%"):
        return i18n.fmt_value(value, "%", lang, decimals)
    return i18n.fmt_number(value, lang, decimals)


def indicator_card(row, lang: str, status: str | None = None, assessment=None) -> None:
    """One headline indicator: latest value, change since the base year, target and distance to it,
    and its progress status (badge with icon and word). An annual-change target has no distance: the
    card shows the average change a year the status was judged on (``assessment``, the engine's row)."""
    unit, dec = row.unit, int(row.decimals)
    with st.container(border=True):
        if status:
            st.markdown(status_ui.badge_html(status, lang), unsafe_allow_html=True)
        if not _present(row.latest_value):
            st.metric(row.short_name, t("card.no_data", lang))
            return
        delta = None
        if _present(row.change):
            # The delta text starts with its sign so Streamlit draws the arrow the right way.
            delta = i18n.fmt_value(row.change, i18n.change_unit(unit, lang), lang, dec, signed=True)
            delta += " " + t("card.since", lang, year=int(row.base_year))
        st.metric(
            label=row.short_name,
            value=card_value(row.latest_value, unit, lang, dec),
            delta=delta,
            delta_color="normal" if row.higher_is_better else "inverse",
            help=row.name,
        )
        status = "" if row.latest_status == "final" else f" ({t('value.status.' + row.latest_status, lang)})"
        lines = [f"{t('col.unit', lang)}: {unit} · {t('card.latest', lang, year=int(row.latest_year))}{status}"]
        # Where the national figure came from: published, or computed (with its coverage when partial).
        basis = getattr(row, "latest_basis", None)
        if basis == "computed":
            n, total = getattr(row, "latest_n_reported", None), getattr(row, "latest_n_areas", None)
            cover = ""
            if _present(n) and _present(total) and n < total:
                share = getattr(row, "latest_pop_share", None)
                cover = t("card.coverage", lang, n=int(n), total=int(total),
                          share=i18n.fmt_number(100 * share, lang, 0) if _present(share) else "–")
            lines.append(t("value.basis.computed", lang).capitalize() + cover)
        if getattr(row, "latest_estimated", False):
            lines.append("† " + t("mark.estimated", lang))
        if isinstance(getattr(row, "latest_source", None), str):
            lines.append(t("hover.source", lang, source=row.latest_source))
        target = targets.of_row(row)
        if target is not None:
            lines.append(t("card.target", lang, year=int(row.target_year), target=target.text(unit, lang, dec)))
            if target.is_pace:
                if assessment is not None and _present(assessment.get("change_observed")):
                    pace = targets.pace_text(assessment["change_observed"], unit, lang, dec)
                    lines.append(t("target.observed_pace", lang, start=int(assessment["base_year"]),
                                   end=int(assessment["latest_year"]), pace=pace))  # fmt: skip
            elif row.target_met:
                lines.append("✔ " + t("card.target_met", lang))
            elif _present(row.gap):
                gap = abs(row.gap)
                lines.append(t("card.to_target", lang, gap=i18n.fmt_value(gap, i18n.change_unit(unit, lang), lang, dec)))
        else:
            lines.append(t("card.no_target", lang))
        if row.break_since_base:
            lines.append("⚠ " + t("card.break_since_base", lang))
        st.caption("  \n".join(lines))


def indicator_table(summary: pd.DataFrame, lang: str, statuses: dict | None = None) -> pd.DataFrame:
    """The table of all indicators, with numbers formatted for the language and the national status."""
    statuses = statuses or {}

    def fmt(value, row):
        return i18n.fmt_number(value, lang, int(row.decimals)) if _present(value) else "–"

    rows = []
    for r in each_row(summary):
        rows.append(
            {
                t("col.indicator", lang): r.name,
                t("col.progress", lang): status_ui.label(statuses.get((r.indicator_code, "VN"), ""), lang),
                t("col.unit", lang): r.unit,
                t("col.base", lang): "–" if not _present(r.base_year) else str(int(r.base_year)),
                t("col.base_value", lang): fmt(r.base_value, r),
                t("col.latest_year", lang): "–" if not _present(r.latest_year) else str(int(r.latest_year)),
                t("col.latest", lang): fmt(r.latest_value, r),
                t("col.target", lang): targets.fmt(r.target_value, r.target_upper, r.target_type, r.unit, lang,
                                                   int(r.decimals), with_unit=False),
                t("col.direction", lang): t("direction.up" if r.higher_is_better else "direction.down", lang),
                t("col.status", lang): t("value.status." + r.latest_status, lang) if _present(r.latest_status) else "–",
                t("col.ministry", lang): r.ministry_abbr,
                t("col.pillar", lang): f"{r.pillar_code}. {r.pillar_name}",
            }
        )
    return pd.DataFrame(rows)


def pinned_first(table, config: dict | None = None) -> dict:
    """Column settings that keep a table's first column (the indicator, the region) in view while the
    others scroll sideways: on a 1366-pixel laptop a wide table otherwise hides its key columns."""
    first = str(table.columns[0]) if len(table.columns) else None
    out = dict(config or {})
    if first is not None and first not in out:
        out[first] = st.column_config.Column(pinned=True)
    return out
