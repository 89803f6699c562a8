"""A shared link restores the whole view: every page's own choices and the deck being collected are in
the URL, read back by a new session; a "Copy link" box gives the address."""

from __future__ import annotations

import pytest

from tests import fixture_data
from tests.apptest import new_app, texts
from ui import deck_ui, shell


def test_regions_keeps_indicator_and_population_group(use_fixture):
    at = new_app("pages/regions.py", lang="en", ind="POV", boundary="63", grp="residence:urban")
    assert not at.exception
    assert at.selectbox(key="regions_indicator").value == "POV"
    assert at.selectbox(key="regions_breakdown").value == "residence:urban"
    assert at.query_params["grp"] == "residence:urban"
    at.selectbox(key="regions_breakdown").set_value("total").run()
    assert "grp" not in at.query_params  # the default is left out of the URL
    bad = new_app("pages/regions.py", lang="en", ind="POV", grp="sex:nam")  # a group the indicator lacks
    assert not bad.exception and bad.selectbox(key="regions_breakdown").value == "total"


def test_profile_keeps_tab_and_its_choices(use_fixture):
    query = {"area": "P34-08", "tab": "compare", "cmp": "WATER", "cmp_p": "P34-08,P34-01", "hist": "WATER"}
    at = new_app("pages/profile.py", lang="en", **query)
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="compare_indicator").value == "WATER"
    assert at.multiselect(key="compare_areas").value == ["P34-08", "P34-01"]
    assert at.selectbox(key="history_indicator").value == "WATER"
    for key, value in query.items():
        assert at.query_params[key] == value, key  # written back unchanged: the next link is the same
    at.selectbox(key="compare_indicator").set_value("IDX").run()
    assert at.query_params["cmp"] == "IDX"
    at.selectbox(key="compare_indicator").set_value("POV").run()
    assert "cmp" not in at.query_params  # the first indicator is the default: left out


def test_profile_commune_choices_in_the_url(tmp_path, monkeypatch):
    from ascc import db, settings

    monkeypatch.setenv(settings.DATA_DIR_ENV, str(fixture_data.build(tmp_path / "c", communes=True)))
    db.clear_cache()
    at = new_app("pages/profile.py", lang="en", area="P34-08", tab="communes", c_n="5")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="commune_n").value == 5
    at.selectbox(key="commune_n").set_value(20).run()
    assert at.query_params["c_n"] == "20"
    db.clear_cache()


def test_the_deck_survives_a_reload_through_the_url(use_fixture):
    at = new_app("pages/regions.py", lang="en", ind="POV")
    at.button(key="act_ranking_deck").click().run()
    assert not at.exception and len(at.session_state["deck"]) == 1
    link = at.query_params["deck"]
    # a new session (a reload, or a colleague opening the link) has the same slide
    again = new_app("pages/deck.py", lang="en", deck=link)
    assert not again.exception
    assert [deck_ui.slides.params_of(e) for e in again.session_state["deck"]] == \
        [deck_ui.slides.params_of(e) for e in at.session_state["deck"]]
    assert "Slides (1)" in texts(again)


def test_deck_text_round_trip_and_hostile_input(use_fixture):
    entries = [deck_ui.slides.normalise(s) | {"title": s.get("title", "")} for s in [
        {"kind": "ranking", "indicator": "POV", "boundary": "34", "year": 2024},
        {"kind": "national_trend", "indicator": "WATER", "title": "Nước sạch – cả nước"},
    ]]
    back = deck_ui.decode(deck_ui.encode(entries))
    assert [(deck_ui.slides.params_of(e), e["title"]) for e in back] == \
        [(deck_ui.slides.params_of(e), e["title"]) for e in entries]
    assert len(deck_ui.encode(entries)) < 200  # defaults and empty values left out
    for junk in ("", "!!!", "eJzLSM3JyQcABiwCFQ", "A" * 20_000, deck_ui.encode([{"kind": "nope"}] * 3)):
        assert deck_ui.decode(junk) == []
    # a slide of an indicator this dataset lacks is kept, and the Deck page says it cannot be built
    mixed = deck_ui.encode([*entries, {"kind": "national_trend", "indicator": "NOPE", "year": None}])
    assert len(deck_ui.decode(mixed)) == 3
    at = new_app("pages/deck.py", lang="en", deck=mixed)
    assert not at.exception and "Slides (3)" in texts(at)
    assert any("NOPE" in w.value for w in at.warning), [w.value for w in at.warning]


@pytest.mark.parametrize("lang, label", [("vi", "Sao chép liên kết"), ("en", "Copy link")])
def test_copy_link_shows_the_address_of_the_view(use_fixture, lang, label):
    at = new_app("pages/regions.py", lang=lang, ind="WATER", boundary="63")
    assert not at.exception
    code = [c.value for c in at.code]
    assert len(code) == 1 and "ind=WATER" in code[0] and "boundary=63" in code[0]
    assert ("lang=en" in code[0]) == (lang == "en")  # Vietnamese is the default language
    assert shell.share_url("http://h/regions", {"lang": "vi", "prov": "P34-01,P34-02"}) == \
        "http://h/regions?lang=vi&prov=P34-01,P34-02"
