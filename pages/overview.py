"""Overview: the four headline indicators nationally (cards and trends) and a table of all indicators."""

import streamlit as st

from ascc import charts, db, figcache, settings, slides, sources, status
from ascc.i18n import t
from ascc.rows import each_row
from ui import deck_ui, present, shell, status_ui, widgets

# 1/ FILTERS
view = shell.view()
lang = view.lang
info = db.dataset_info()

# 2/ DATA
summary = db.run_query("national_summary", lang=lang, year=view.year, headline_only=None)
headline = summary[summary["headline"]]
trend = db.run_query("national_trend", codes=list(headline["indicator_code"]))
if view.year is not None:
    trend = trend[trend["year"] <= view.year]
breaks = db.run_query("series_breaks", lang=lang, codes=list(headline["indicator_code"]))
statuses = status.status_of("nation", view.boundary, as_of=view.year)
assessed = status.assessments("nation", view.boundary, as_of=view.year).set_index("indicator_code")

st.title(t("overview.title", lang))
shell.stop_if_no_results(lang)
if summary["latest_year"].isna().all():
    st.info(t("error.no_data", lang))
    st.stop()
st.caption(t("overview.intro", lang, year=int(summary["latest_year"].max())) + " " + t("overview.national_note", lang))

# 3/ CARDS
for col, row in zip(st.columns(len(headline)), each_row(headline), strict=True):
    with col:
        widgets.indicator_card(row, lang, statuses.get((row.indicator_code, "VN")),
                               assessed.loc[row.indicator_code] if row.indicator_code in assessed.index else None)
cards_spec = slides.make_spec("headlines", boundary=view.boundary, year=view.year)
if present.active():  # the cards on one slide (on the page they are the cards above)
    present.chart(slides.figure(slides.fetch(cards_spec, lang)), key="headline_cards")
deck_ui.add_to_deck(cards_spec, lang=lang, key="act_cards_deck")

# 4/ CHARTS
for pair in [headline.iloc[i : i + 2] for i in range(0, len(headline), 2)]:
    for col, row in zip(st.columns(2), each_row(pair), strict=False):
        series = trend[trend["indicator_code"] == row.indicator_code]
        # The plan period (2016-2025) when the series reaches further back (NSO tables from 2005): older
        # years crowd the axis of a half-page chart; the Regions and Profile pages keep every year.
        if (series["year"] >= settings.PLAN_BASE_YEAR).sum() >= 2:
            series = series[series["year"] >= settings.PLAN_BASE_YEAR]
        if series.empty:
            col.info(f"{row.short_name}: {t('card.no_data', lang)}")
            continue
        fig = figcache.build(
            charts.trend_chart,
            series,
            lang=lang,
            title=t("chart.trend_title", lang, name=row.short_name, start=int(series["year"].min()), end=int(series["year"].max()))
            + charts.unit_suffix(row.unit),
            unit=row.unit,
            decimals=row.decimals,
            source=sources.credit(series, row.source),
            demo=info.is_demo,
            target_value=row.target_value,
            target_upper=row.target_upper,
            target_type=row.target_type,
            target_year=row.target_year,
            breaks=[(int(b.year), b.reason) for b in breaks[breaks["indicator_code"] == row.indicator_code].itertuples()],
            boundary_change_year=settings.NEW_BOUNDARY_FIRST_YEAR - 0.5,
            title_width=44,  # half the page: the title wraps before the demo mark
        )
        present.chart(fig, key=f"trend_{row.indicator_code}", container=col)
        with col:
            deck_ui.chart_actions({"kind": "national_trend", "indicator": row.indicator_code, "year": view.year},
                                  series.assign(name=t("chart.nation", lang)), lang=lang,
                                  filename=(row.indicator_code, "national"), unit=row.unit,
                                  source=sources.credit(series, row.source), key=f"act_trend_{row.indicator_code}",
                                  indicator=(row.indicator_code, row.name), decimals=int(row.decimals))

# 5/ TABLE
st.subheader(t("table.title", lang))
st.caption(t("table.caption", lang))
status_ui.legend(lang)
table = widgets.indicator_table(summary, lang, statuses)
st.dataframe(table, hide_index=True, width="stretch", height=36 * (len(summary) + 1) + 4,
             column_config=widgets.pinned_first(table))
