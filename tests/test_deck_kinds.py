"""The status-summary slide kinds (headline cards, pillar summary, ministry ranking): the same numbers as the
Overview, Pillars and Ministries pages show, PowerPoint titles naming place and year, presentation mode in both
languages; every slide title names its place and year; trend charts say which years have no figure."""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pytest
from pptx import Presentation

from ascc import charts, export, i18n, progress, slides
from tests.apptest import new_app, plotly_figures, texts, values
from tests.test_export import ALL_KINDS
from ui import status_ui, widgets

SUMMARY_SPECS = [{"kind": "headlines"}, {"kind": "pillars"}, {"kind": "ministries"}]
PLACE = {"vi": "cả nước", "en": "Viet Nam"}


# --- the same numbers as the pages -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_headline_cards_are_the_overview_cards(use_fixture, lang):
    data = slides.fetch({"kind": "headlines"}, lang)
    at = new_app(lang=lang)
    assert not at.exception
    metrics = {m.label: m for m in at.metric}
    assert list(data.table["short_name"]) == list(metrics)  # the same cards, in the same order
    shown = texts(at) + "\n".join(m.value for m in at.markdown)
    for r in data.table.itertuples():
        card = metrics[r.short_name]
        assert card.value == widgets.card_value(r.value, r.unit, lang, int(r.decimals))
        change = i18n.fmt_value(r.change, i18n.change_unit(r.unit, lang), lang, int(r.decimals), signed=True)
        assert card.delta.startswith(change) and str(int(r.base_year)) in card.delta
        assert i18n.t("card.latest", lang, year=int(r.year)) in shown
        if r.progress:
            assert status_ui.label(r.progress, lang) in shown
    assert data.info["year"] == int(data.table["year"].max())
    # the fixture's poverty card: 5.50 % in 2025, 3.75 points down since 2016
    pov = data.table.set_index("indicator_code").loc["POV"]
    assert (pov["value"], pov["year"], pov["change"], pov["base_year"]) == (5.5, 2025, pytest.approx(-3.75), 2016)


def _stack_counts(fig: dict) -> dict[str, list[int]]:
    """Status -> counts per category of a charts.status_stack figure (its traces follow progress.STATUSES)."""
    return {s: [int(v) for v in values(tr["x"])] for s, tr in zip(progress.STATUSES, fig["data"], strict=True)}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pillar_summary_is_the_pillars_page(use_fixture, lang):
    data = slides.fetch({"kind": "pillars"}, lang)
    at = new_app("pages/pillars.py", lang=lang)
    assert not at.exception
    page = plotly_figures(at)[0]
    assert page["layout"]["title"]["text"] == data.title
    assert list(page["data"][0]["y"]) == list(data.table["label"])
    assert _stack_counts(page) == {s: data.table[s].tolist() for s in progress.STATUSES}
    # every indicator of the catalogue is counted once
    assert data.table["n"].sum() == 5
    assert PLACE[lang] in data.title and str(data.info["year"]) in data.title


def test_pillar_summary_of_a_region_is_the_pillars_page_of_that_region(use_fixture):
    data = slides.fetch({"kind": "pillars", "region": "RRD"}, "en")
    at = new_app("pages/pillars.py", lang="en", region="RRD")
    page = plotly_figures(at)[0]
    assert _stack_counts(page) == {s: data.table[s].tolist() for s in progress.STATUSES}
    assert data.info["region_name"] in data.title and page["layout"]["title"]["text"] == data.title
    with pytest.raises(slides.SpecError):
        slides.fetch({"kind": "pillars", "region": "NOPE"}, "en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ministry_ranking_is_the_ministries_page(use_fixture, lang):
    data = slides.fetch({"kind": "ministries"}, lang)
    at = new_app("pages/ministries.py", lang=lang)
    assert not at.exception
    table = at.dataframe[0].value  # rank, ministry, "1 of 2 behind", share behind
    assert table.iloc[:, 0].tolist() == data.table["rank"].tolist()
    assert table.iloc[:, 1].tolist() == data.table["name"].tolist()
    assert table.iloc[:, 2].tolist() == data.table["counts_text"].tolist()
    assert table.iloc[:, 3].tolist() == data.table["share_text"].tolist()
    page = plotly_figures(at)[0]
    assert page["layout"]["title"]["text"] == data.title
    assert list(page["data"][0]["y"]) == list(data.table["label"])
    assert _stack_counts(page) == {s: data.table[s].tolist() for s in progress.STATUSES}
    assert data.table["ministry_code"].tolist() == ["MOH", "MAE", "MOHA"]  # the fixture: 1 of 1, 1 of 2, 0 of 2
    assert data.table["behind"].tolist() == data.table[list(progress.BEHIND)].sum(axis=1).tolist()


# --- PowerPoint ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_slides_in_powerpoint(use_fixture, lang):
    prs = Presentation(io.BytesIO(export.build_deck(SUMMARY_SPECS, lang=lang, map_images=False)))
    assert len(prs.slides) == 1 + len(SUMMARY_SPECS)
    for slide, spec in zip(list(prs.slides)[1:], SUMMARY_SPECS, strict=True):
        data = slides.fetch(spec, lang)
        title = slide.shapes.title
        assert title is not None and title.is_placeholder and title.text_frame.text == data.title
        assert PLACE[lang] in title.text_frame.text and str(data.info["year"]) in title.text_frame.text
        assert [s for s in slide.shapes if s.name == export.SHAPE_DEMO]  # the fixture is simulated
        assert slide.notes_slide.notes_text_frame.text
    cards, pillars, ministries = list(prs.slides)[1:]
    # the cards as an editable table, numbers written in the deck language
    table = next(s for s in cards.shapes if s.has_table).table
    cells = [[table.cell(i, j).text_frame.text for j in range(len(table.columns))] for i in range(len(table.rows))]
    pov = next(row for row in cells if row[0] == {"vi": "Tỷ lệ hộ nghèo", "en": "Poverty rate"}[lang])
    assert pov[1] == {"vi": "5,50 %", "en": "5.50%"}[lang] and pov[2] == "2025"
    assert pov[3].startswith({"vi": "-3,75", "en": "-3.75"}[lang])
    # counts as native stacked bars in the status colours, in the deck language's number format
    for slide, spec in ((pillars, SUMMARY_SPECS[1]), (ministries, SUMMARY_SPECS[2])):
        data = slides.fetch(spec, lang)
        chart = next(s for s in slide.shapes if s.has_chart).chart
        assert list(chart.plots[0].categories) == list(data.table["label"])
        for series in chart.plots[0].series:
            status = next(s for s in progress.STATUSES if i18n.t("status." + s, lang) == series.name)
            assert [v or 0 for v in series.values] == data.table[status].tolist()
            assert str(series.format.fill.fore_color.rgb) == progress.STATUS_STYLE[status]["color"][1:].upper()
        assert chart.plots[0].data_labels.number_format.startswith({"vi": "[$-42A]", "en": "[$-409]"}[lang])


# --- presentation mode ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("page", "spec"), [("pages/overview.py", {"kind": "headlines"}),
                                            ("pages/pillars.py", {"kind": "pillars"}),
                                            ("pages/ministries.py", {"kind": "ministries"})])
def test_summary_slides_in_presentation_mode(use_fixture, lang, page, spec):
    at = new_app(page, lang=lang, present="1")
    assert not at.exception, [e.value for e in at.exception]
    fig = plotly_figures(at)[0]  # the summary is the page's first slide
    data = slides.fetch(spec, lang)
    assert fig["layout"]["title"]["text"] == data.title
    assert (fig["layout"]["width"], fig["layout"]["height"]) == (charts.PRESENT_WIDTH, charts.PRESENT_HEIGHT)
    notes = " ".join(a["text"] for a in fig["layout"]["annotations"])
    assert i18n.t("demo.mark", lang) in notes
    if spec["kind"] == "headlines":  # every card's value in the deck language
        for r in data.table.itertuples():
            assert i18n.fmt_value(r.value, r.unit, lang, int(r.decimals)) in notes


def test_add_to_deck_buttons_on_the_summary_pages(use_fixture):
    for page, key, kind in (("pages/overview.py", "act_cards_deck", "headlines"),
                            ("pages/pillars.py", "act_pillars_deck", "pillars"),
                            ("pages/ministries.py", "act_ministries_deck", "ministries")):
        at = new_app(page, lang="en")
        at.button(key=key).click().run()
        assert not at.exception
        assert [e["kind"] for e in at.session_state["deck"]] == [kind], page
        assert "deck" in at.query_params


# --- every slide names its place and year ---------------------------------------------------------------

TITLE_SPECS = [
    *ALL_KINDS,  # every chart kind, as the export tests build them
    {"kind": "map", "indicator": "POV", "boundary": "34", "year": 2024, "region": "NMM"},
    *SUMMARY_SPECS,
    {"kind": "pillars", "region": "RRD"},
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("spec", TITLE_SPECS, ids=lambda s: s["kind"] + ("-" + s["region"] if s.get("region") else ""))
def test_every_slide_title_names_its_place_and_year(use_fixture, lang, spec):
    data = slides.fetch(spec, lang)
    places = [PLACE[lang], data.info.get("region_name"), data.info.get("area_name")]
    assert any(p and p in data.title for p in places), data.title
    assert re.search(r"\b(19|20)\d\d\b", data.title), data.title
    if data.chart == "line":  # a trend names its span
        assert f"{data.info['first_year']}–{data.info['last_year']}" in data.title
    if spec["kind"] not in slides.SUMMARY_KINDS:
        assert data.info["short_name"] in data.title


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_presentation_titles_name_place_and_year_on_every_page(use_fixture, lang):
    for page, query in (("pages/overview.py", {}), ("pages/regions.py", {}), ("pages/pillars.py", {}),
                        ("pages/ministries.py", {}), ("pages/profile.py", {"area": "P34-08"})):
        at = new_app(page, lang=lang, present="1", **query)
        while True:
            title = plotly_figures(at)[0]["layout"]["title"]["text"]
            assert re.search(r"\b(19|20)\d\d\b", title), (page, title)
            if at.button(key="present_next").proto.disabled:
                break
            at.button(key="present_next").click().run()


# --- gaps in trends --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "note"), [("en", "No figure for 2020, 2021."), ("vi", "Không có số liệu năm 2020, 2021.")])
def test_a_trend_breaks_at_years_without_a_figure_and_says_so(lang, note):
    series = pd.DataFrame({"year": [2017, 2018, 2019, 2022, 2023], "value": [9.0, 8.0, 7.5, 6.0, 5.5], "status": "final"})
    fig = charts.trend_chart(series, lang=lang, title="t", unit="%", decimals=1, source="NSO", demo=False).to_dict()
    line = fig["data"][0]
    assert list(values(line["x"])) == list(range(2017, 2024))
    y = np.asarray(values(line["y"]), dtype=float)
    assert np.isnan(y[3]) and np.isnan(y[4]) and not np.isnan(y).sum() - 2  # the line breaks in 2020 and 2021
    assert not line.get("connectgaps")
    footer = " ".join(a["text"] for a in fig["layout"]["annotations"])
    assert note in footer.replace("<br>", " ")
    # without a gap, no note
    full = charts.trend_chart(series.assign(year=range(2017, 2022)), lang=lang, title="t", unit="%", decimals=1,
                              source="NSO", demo=False).to_dict()
    assert note.split(" 2020")[0] not in " ".join(a["text"] for a in full["layout"]["annotations"])


def test_several_lines_name_the_series_with_gaps():
    df = pd.DataFrame({"area_id": ["A"] * 4 + ["B"] * 4, "name": ["Hà Nội"] * 4 + ["Huế"] * 4,
                       "year": [2016, 2017, 2019, 2020, 2016, 2017, 2018, 2019], "value": [1.0, 2, 3, 4, 5, 6, 7, 8]})
    fig = charts.multi_line(df, lang="vi", title="t", unit="%", decimals=1, source="", demo=False).to_dict()
    footer = " ".join(a["text"] for a in fig["layout"]["annotations"])
    assert "Hà Nội: không có số liệu năm 2018" in footer and "Huế" not in footer
    hanoi = next(tr for tr in fig["data"] if tr["name"] == "Hà Nội")
    assert np.isnan(np.asarray(values(hanoi["y"]), dtype=float)[2])
    assert charts.gap_note({"a": [], "b": []}, "en") == ""
    assert charts.gap_years([2016, 2017, 2018], [1.0, np.nan, 2.0]) == [2017]  # a row without a value is a gap too


def test_the_deck_page_adds_the_three_summaries_and_lists_them(use_fixture):
    at = new_app("pages/deck.py", lang="en")
    at.button(key="deck_batch_summaries").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e["kind"] for e in at.session_state["deck"]] == list(slides.SUMMARY_KINDS)
    placeholders = [w.placeholder for w in at.text_input if w.key and w.key.startswith("deck_title_")]
    assert placeholders == [slides.auto_title(e, "en") for e in at.session_state["deck"]]
    shown = texts(at)
    assert all(i18n.t(f"deck.kind.{k}", "en") in shown for k in slides.SUMMARY_KINDS)
