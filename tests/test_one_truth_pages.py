"""The pages say where a figure came from and why one is missing; footnotes, trends and headlines that
used to mislead (each test failed before the change that fixed it)."""

from __future__ import annotations

import pandas as pd

from ascc import charts, dataset, db, headlines, slides
from ascc import settings as app_settings
from tests import fixture_data
from tests.apptest import new_app, plotly_figures, texts, values


def _dataset(tmp_path, monkeypatch, rows: pd.DataFrame, indicators: pd.DataFrame | None = None):
    data = fixture_data.build(tmp_path / "d")
    dataset.clear_results(data)
    dataset.write_results(data, rows, batch_id="fx-0001")
    if indicators is not None:
        dataset.write_table(data, "indicators", indicators)
    monkeypatch.setenv(app_settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    return data


def test_regions_page_says_why_a_value_only_rate_has_no_34_province_values(tmp_path, monkeypatch):
    # WATER as rates only, weighted by households, which the dataset has no weights for: before, the page
    # said "No figures for this choice" with no reason.
    rows = fixture_data.results()
    rows.loc[rows["indicator_code"] == "WATER", ["numerator", "denominator"]] = None
    rows = rows[rows["year"] < 2025]
    ind = fixture_data.INDICATORS.copy()
    ind.loc[ind["indicator_code"] == "WATER", "weight_kind"] = "households"
    _dataset(tmp_path, monkeypatch, rows, ind)
    at = new_app("pages/regions.py", lang="en", boundary="34", ind="WATER", year="2020")
    assert not at.exception
    warning = " ".join(str(w.value) for w in at.warning)
    assert "no “households” weights" in warning and "2020" in warning
    at = new_app("pages/regions.py", lang="vi", boundary="34", ind="WATER", year="2020")
    assert "trọng số “số hộ”" in " ".join(str(w.value) for w in at.warning)
    db.clear_cache()


def test_rebuild_footnote_names_the_indicators_rule(use_fixture):
    # INC is a weighted mean: the footnote used to say "numerators and denominators summed" for every rule
    at = new_app("pages/regions.py", lang="en", boundary="34", ind="INC", year="2020")
    text = texts(at)
    assert "weighted mean of the former provinces' values" in text
    assert "numerators and denominators summed" not in text
    at = new_app("pages/regions.py", lang="en", boundary="34", ind="POV", year="2020")
    assert "numerators and denominators summed" in texts(at)


def test_profile_trend_stops_at_the_chosen_year(use_fixture):
    # "as of 2024" used to show 2025 in the profile's trend column and in its charts
    at = new_app("pages/profile.py", lang="en", boundary="34", year="2024", area="P34-08")
    assert not at.exception
    for fig in plotly_figures(at):
        for trace in fig["data"]:
            xs = [x for x in values(trace.get("x")) if isinstance(x, int | float)]
            assert not xs or max(xs) <= 2024, trace.get("name")
    table = at.dataframe[0].value
    trend_col = [c for c in table.columns if isinstance(table[c].iloc[0], list)]
    for col in trend_col:
        # POV of P34-08: rebuilt 2016-2024 (9 years), reported 2025 left out
        assert max(len(v) for v in table[col] if isinstance(v, list)) <= 9


def test_deck_headline_counts_every_province_of_the_scope(tmp_path, monkeypatch):
    # 63 set, P63-26 has no 2020 POV value. The headline used to count only the provinces with a figure
    # (a deck on the 63 set said "the 5 provinces of the South East", which has 6).
    rows = fixture_data.results()
    rows = rows[~((rows["indicator_code"] == "POV") & (rows["area_id"] == "P63-26") & (rows["year"] == 2020))]
    _dataset(tmp_path, monkeypatch, rows)
    data = slides.fetch(slides.make_spec("ranking", indicator="POV", boundary="63", year=2020), "en")
    assert data.info["n_missing"] == 1
    text = headlines.headline("ranking", data.table, data.info, "en")
    assert "of the 3 of 4 provinces with figures" in text, text
    data = slides.fetch(slides.make_spec("ranking", indicator="POV", boundary="63", year=2020), "vi")
    assert "trong 3/4 tỉnh, thành có số liệu" in headlines.headline("ranking", data.table, data.info, "vi")
    # complete: the plain wording
    data = slides.fetch(slides.make_spec("ranking", indicator="POV", boundary="63", year=2020, region="NMM"), "vi")
    assert "trong 2 tỉnh, thành của vùng" in headlines.headline("ranking", data.table, data.info, "vi")
    db.clear_cache()


def test_hover_shows_source_status_and_batch(use_fixture):
    ranking = db.run_query("province_ranking", lang="en", indicator="POV", boundary="34", year=2024, breakdown="total")
    fig = charts.ranking_bar(ranking, lang="en", title="t", unit="%", decimals=2, source="s", demo=False)
    hover = " ".join(str(c[-1]) for trace in fig.to_dict()["data"] if trace.get("type") == "bar"
                     for c in trace["customdata"])
    assert "Source: test" in hover and "final" in hover
    trend = db.run_query("national_trend", codes=["POV"])
    fig = charts.trend_chart(trend, lang="vi", title="t", unit="%", decimals=2, source="s", demo=False)
    hover = " ".join(str(c[-1]) for c in fig.to_dict()["data"][0]["customdata"])
    assert "Nguồn: test" in hover and "đợt nhập fx-0001" in hover and "tính toán từ các tỉnh" in hover
    assert "số công bố" in hover


def test_rebuild_footnote_of_value_only_rates_says_population_weights(tmp_path, monkeypatch):
    rows = fixture_data.results()
    rows.loc[rows["indicator_code"] == "POV", ["numerator", "denominator"]] = None
    _dataset(tmp_path, monkeypatch, rows)
    at = new_app("pages/regions.py", lang="en", boundary="34", ind="POV", year="2020")
    text = texts(at)
    assert "weighted by population (†)" in text and "numerators and denominators summed" not in text
    assert "Estimated with population weights" in text
    db.clear_cache()
