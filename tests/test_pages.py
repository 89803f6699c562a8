"""AppTest of every page (no exception in either language) and of the shared frame's behaviour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ascc import db
from tests.apptest import new_app, plotly_figures, texts, values

ROOT = Path(__file__).resolve().parent.parent
PAGES = re.findall(r'st\.Page\(\s*"(pages/[a-z_]+\.py)"', (ROOT / "app.py").read_text(encoding="utf-8"))


def test_pages_are_listed():
    assert "pages/overview.py" in PAGES


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(use_fixture, page, lang):
    at = new_app(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"


def test_demo_notice_is_shown_and_not_dismissable(use_fixture):
    at = new_app()
    assert any("DỮ LIỆU MÔ PHỎNG" in w.value for w in at.warning)
    at = new_app(lang="en")
    assert any("DEMO DATA" in w.value for w in at.warning)


def test_no_demo_notice_for_official_data(tmp_path, monkeypatch):
    from ascc import db, settings
    from tests import fixture_data

    data = fixture_data.build(tmp_path / "official", kind="official")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    at = new_app()
    assert not any("MÔ PHỎNG" in w.value for w in at.warning)
    db.clear_cache()


def test_switching_language_changes_title_and_indicator_names(use_fixture):
    at = new_app()
    assert at.title[0].value == "Tổng quan cả nước"
    assert "Tỷ lệ hộ nghèo" in texts(at)
    at.radio(key="f_lang").set_value("en").run()
    assert at.title[0].value == "National overview"
    assert "Poverty rate" in texts(at) and "Tỷ lệ hộ nghèo" not in texts(at)
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"


def test_switching_boundary_set_changes_province_count(use_fixture):
    at = new_app()
    assert len(at.multiselect(key="f_provinces").options) == 3
    at.radio(key="f_boundary").set_value("63").run()
    assert len(at.multiselect(key="f_provinces").options) == 4
    assert "boundary" in at.query_params


def test_url_restores_the_view(use_fixture):
    at = new_app(lang="en", boundary="63", region="NMM", prov="P63-02", year="2020")
    assert at.radio(key="f_lang").value == "en"
    assert at.radio(key="f_boundary").value == "63"
    assert at.selectbox(key="f_region").value == "NMM"
    assert at.multiselect(key="f_provinces").value == ["P63-02"]
    assert at.selectbox(key="f_year").value == 2020
    # as of 2020 the national poverty rate is 153/2000*100 = 7.65 %
    assert "7.65%" in [m.value for m in at.metric]


def test_malformed_url_falls_back_without_error(use_fixture):
    at = new_app(lang="xx", boundary="7", region="ZZ", prov="nope", year="abc", other="1")
    assert not at.exception
    assert at.radio(key="f_lang").value == "vi" and at.radio(key="f_boundary").value == "34"


def test_overview_cards_charts_and_table(use_fixture):
    at = new_app(lang="en")
    metrics = {m.label: m.value for m in at.metric}
    # Clean water has no 2025 national row: computed from the three new provinces, 273/400 = 68.25 %, shown
    # rounded half up as statistical tables are
    assert metrics == {"Poverty rate": "5.50%", "Clean water": "68.3%", "Satisfaction index": "91.0%"}
    deltas = {m.label: m.delta for m in at.metric}
    # the delta starts with its sign, so the arrow points down for a fall in poverty
    assert deltas["Poverty rate"].startswith("-3.75 pp since 2016")
    figs = plotly_figures(at)
    assert len(figs) == 3
    for fig in figs:
        assert fig["data"] and len(values(fig["data"][0]["x"])) >= 2
        assert fig["layout"]["title"]["text"]
        assert any("DEMO DATA" in a["text"] for a in fig["layout"]["annotations"])
    pov = figs[0]
    assert any(tr.get("marker", {}).get("symbol") == "star" for tr in pov["data"])  # target marked
    table = at.dataframe[0].value
    assert len(table) == 5 and "Indicator" in table.columns


def test_overview_in_vietnamese_uses_decimal_comma(use_fixture):
    at = new_app()
    assert "5,50 %" in [m.value for m in at.metric]


def test_presentation_mode_one_chart_per_screen(use_fixture):
    at = new_app(lang="en", present="1")
    assert not at.exception
    figs = plotly_figures(at)
    assert len(figs) == 1  # only the current chart is drawn
    assert at.query_params["present"] in ("1", ["1"])
    first = figs[0]["layout"]["title"]["text"]
    at.button(key="present_next").click().run()
    assert plotly_figures(at)[0]["layout"]["title"]["text"] != first
    assert at.query_params["slide"] in ("2", ["2"])
    # simulated data is still said on every slide: in the slide's own row (the banner would push the chart off)
    assert any("DEMO DATA" in m.value for m in at.markdown if "present-demo" in m.value)
    at.button(key="present_exit").click().run()
    assert "present" not in at.query_params and len(plotly_figures(at)) == 3


def test_presentation_mode_keeps_the_filters(use_fixture):
    at = new_app("pages/regions.py", lang="en", present="1", boundary="63", year="2020")
    assert not at.exception
    assert at.radio(key="f_boundary").value == "63"
    title = plotly_figures(at)[0]["layout"]["title"]["text"]
    assert "2020" in title


@pytest.mark.parametrize("year", ["²", "①", "٢٠٢٢"])
def test_odd_digits_in_the_url_do_not_crash(use_fixture, year):
    at = new_app(lang="en", year=year, present="1", slide=year)
    assert not at.exception, [e.value for e in at.exception]


def test_regions_page_on_a_fresh_official_dataset(tmp_path, monkeypatch):
    # every indicator of a fresh init-dataset has no figures: its breakdowns are NA, not a list
    from ascc import batches, db, settings

    batches.init_dataset(tmp_path / "official")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(tmp_path / "official"))
    db.clear_cache()
    at = new_app("pages/regions.py", lang="vi")
    assert not at.exception, [e.value for e in at.exception]
    db.clear_cache()


def test_wording_a_user_reads(use_bundled):
    # Regions opens on the first headline indicator (the demo catalogue starts with SIPAS, not a headline)
    at = new_app("pages/regions.py", lang="vi")
    code = at.selectbox(key="regions_indicator").value
    assert code != "SIPAS" and code == db.run_query("indicator_list", lang="vi").query("headline")["indicator_code"].iloc[0]
    shown = texts(at)
    assert "ASCC_BOUNDARIES" not in shown and "README" not in shown  # no developer instructions
    # dates written out in text, never ISO
    assert re.search(r"Số liệu đến ngày \d{1,2} tháng \d{1,2} năm \d{4}", shown), shown[:400]
    at = new_app("pages/pillars.py", lang="vi")
    assert "Tiến độ theo 5 đặc tính" in at.title[0].value


def test_a_link_to_a_slide_opens_that_slide(use_fixture):
    at = new_app(lang="en", present="1")
    titles = []
    while True:
        titles.append(plotly_figures(at)[0]["layout"]["title"]["text"])
        if at.button(key="present_next").proto.disabled:
            break
        at.button(key="present_next").click().run()
    assert len(titles) >= 3
    linked = new_app(lang="en", present="1", slide="3")
    assert not linked.exception
    assert plotly_figures(linked)[0]["layout"]["title"]["text"] == titles[2]
    assert linked.query_params["slide"] in ("3", ["3"])
    beyond = new_app(lang="en", present="1", slide="99")  # past the end: the last slide
    assert plotly_figures(beyond)[0]["layout"]["title"]["text"] == titles[-1]


def test_wide_tables_keep_their_first_column_in_view(use_fixture):
    # at 1366 px the Regions summary hid median, best and worst behind a scroll that also took the region away
    import json

    for page, query in (("pages/regions.py", {}), ("pages/overview.py", {}), ("pages/profile.py", {"area": "P34-08"})):
        at = new_app(page, lang="en", **query)
        table = at.dataframe[0]
        config = json.loads(table.proto.columns)
        first = str(table.value.columns[0])
        assert config.get(first, {}).get("pinned") is True, (page, first, config)


def test_profile_table_shows_every_column_in_reading_order(use_fixture):
    # 1366 px: the change and the trend come before the reference columns; column_order hides a column it omits
    from ui import profile_ui

    for lang in ("vi", "en"):
        at = new_app("pages/profile.py", lang=lang, area="P34-08")
        table = at.dataframe[0]
        assert list(table.proto.column_order) == profile_ui.profile_column_order(lang)
        assert set(profile_ui.profile_column_order(lang)) == set(map(str, table.value.columns))
