"""AppTest of the Deck page (list, retitle, reorder, remove, batch, download) and of the "Add to deck" button."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import APP

SLIDES = [
    {"kind": "ranking", "indicator": "POV", "boundary": "34", "year": 2024, "region": None, "breakdown": "total",
     "id": "s1", "title": ""},
    {"kind": "national_trend", "indicator": "POV", "year": None, "id": "s2", "title": "Nghèo cả nước"},
    {"kind": "region_compare", "indicator": "WATER", "boundary": "34", "year": 2024, "breakdown": "total",
     "id": "s3", "title": ""},
]


def _deck_page(lang: str = "vi", deck: list[dict] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    if deck is not None:
        at.session_state["deck"] = [dict(s) for s in deck]
    at.run()
    at.switch_page("pages/deck.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _ids(at: AppTest) -> list[str]:
    return [s["id"] for s in at.session_state["deck"]]


def test_empty_deck_says_how_to_add_slides(use_fixture):
    at = _deck_page("en")
    assert at.title[0].value == "PowerPoint deck"
    assert any("No slides yet" in i.value for i in at.info)
    assert at.download_button(key="deck_download").proto.disabled


def test_slides_listed_with_automatic_titles_in_the_deck_language(use_fixture):
    at = _deck_page("vi", SLIDES)
    assert at.text_input(key="deck_title_s1").placeholder == "Tỷ lệ hộ nghèo: xếp hạng 3 tỉnh, thành cả nước, năm 2024 (%)"
    assert at.text_input(key="deck_title_s2").value == "Nghèo cả nước"
    at.radio(key="deck_lang").set_value("en").run()
    assert at.text_input(key="deck_title_s1").placeholder == "Poverty rate: 3 provinces of Viet Nam ranked, 2024 (%)"
    assert at.title[0].value == "Bản trình chiếu PowerPoint"  # the screen stays in Vietnamese


def test_rename_reorder_remove(use_fixture):
    at = _deck_page("en", SLIDES)
    at.text_input(key="deck_title_s1").set_value("Poverty league table").run()
    assert at.session_state["deck"][0]["title"] == "Poverty league table"
    at.button(key="deck_down_s1").click().run()
    assert _ids(at) == ["s2", "s1", "s3"]
    assert at.text_input(key="deck_title_s1").value == "Poverty league table"  # the title moved with its slide
    at.button(key="deck_up_s3").click().run()
    assert _ids(at) == ["s2", "s3", "s1"]
    assert at.button(key="deck_up_s2").proto.disabled
    at.button(key="deck_remove_s3").click().run()
    assert _ids(at) == ["s2", "s1"]
    assert not at.exception
    button = at.download_button(key="deck_download")
    assert not button.proto.disabled and button.proto.deferred_file_id  # built when clicked


def test_batch_adds_one_slide_per_region_and_per_province(use_fixture):
    at = _deck_page("en")
    at.button(key="deck_batch_regions").click().run()
    deck = at.session_state["deck"]
    assert [(s["kind"], s["region"]) for s in deck] == [("ranking", "RRD"), ("ranking", "NMM")]
    at.selectbox(key="deck_batch_region").set_value("RRD").run()
    at.button(key="deck_batch_provinces").click().run()
    assert [s.get("area") for s in at.session_state["deck"]][2:] == ["P34-01", "P34-25"]
    at.button(key="deck_batch_regions").click().run()  # already there: nothing added twice
    assert len(at.session_state["deck"]) == 4
    assert len(at.text_input) == 3 + 4  # title, subtitle, organisation of the cover; one per slide
    assert at.subheader[0].value == "Slides (4)"  # the list drawn above the buttons is up to date
    assert "0 slides added" in at.toast[0].value


def _one_chart_page():
    from ui import deck_ui

    deck_ui.add_to_deck({"kind": "region_trend", "indicator": "POV", "boundary": "34"}, lang="en", key="add_trend")


def test_add_to_deck_button_appends_the_spec_and_confirms(use_fixture):
    at = AppTest.from_function(_one_chart_page, default_timeout=60)
    at.run()
    assert at.button(key="add_trend").label == "Add to deck"
    at.button(key="add_trend").click().run()
    deck = at.session_state["deck"]
    assert len(deck) == 1
    assert {k: deck[0][k] for k in ("kind", "indicator", "boundary", "year", "breakdown", "title")} == {
        "kind": "region_trend", "indicator": "POV", "boundary": "34", "year": None, "breakdown": "total", "title": ""}
    assert "Slide added: Poverty rate: trends by region, Viet Nam, 2016–2025 (%)" in at.toast[0].value
    at.button(key="add_trend").click().run()
    assert len(at.session_state["deck"]) == 1
    assert "already in the deck" in at.toast[0].value
