"""Communes: reference units and lineage, commune queries (reported and rebuilt), sums equal to provinces,
chart builders, and the communes tab of the Province profile under AppTest."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from ascc import communes, dataset, db, demo, reference, settings
from tests import fixture_data
from tests.apptest import new_app, plotly_figures, texts, values

BUNDLED = settings.DEFAULT_DATA_DIR
VALUE_COLUMNS = [
    "area_id", "code", "name", "full_name", "lat", "lon", "value", "numerator", "denominator", "weight", "status",
    "derived", "complete", "rank", "n_ranked", "n_communes", "base_year", "base_value", "change",
]  # fmt: skip


@pytest.fixture(scope="session")
def commune_dir(tmp_path_factory) -> Path:
    """The fixture dataset with its communes (P63-02, P63-08 and P34-08)."""
    return fixture_data.build(tmp_path_factory.mktemp("fixture-communes"), communes=True)


@pytest.fixture()
def use_communes(commune_dir, monkeypatch) -> Path:
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(commune_dir))
    db.clear_cache()
    yield commune_dir
    db.clear_cache()


def _values(**params) -> pd.DataFrame:
    return db.run_query("commune_values", lang=params.pop("lang", "en"), base_year=2016, **params)


# --- reference units and lineage ----------------------------------------------------------------------


def test_both_sets_of_communes_and_their_lineage():
    areas = pd.read_parquet(BUNDLED / "areas.parquet")
    lineage = pd.read_parquet(BUNDLED / "lineage.parquet")
    com = areas[areas["level"] == "commune"]
    assert (com["boundary_set"] == "63").sum() == 10040  # 10 035 wards + 5 island districts without wards
    assert (com["boundary_set"] == "34").sum() == 3321
    assert (com["area_id"] == "C" + com["boundary_set"] + "-" + com["code"]).all()
    parents = areas.set_index("area_id")
    assert (com["parent_id"].map(parents["boundary_set"]) == com["boundary_set"]).all()
    assert com["lat"].between(8, 24).all() and com["lon"].between(102, 115).all()
    links = lineage[lineage["former_id"].str.startswith("C")]
    assert links["former_id"].is_unique and len(links) == 10040
    assert set(links["successor_id"]) == set(com.loc[com["boundary_set"] == "34", "area_id"])
    # The archipelagos keep their own communes, positioned offshore.
    by_id = com.set_index("area_id")
    assert by_id.loc["C34-20333", "name_vi"] == "Đặc khu Hoàng Sa" and by_id.loc["C34-20333", "lon"] > 111
    assert by_id.loc["C63-498", ["name_vi", "parent_id"]].tolist() == ["Huyện Hoàng Sa", "P63-48"]
    assert by_id.loc["C63-22737", "lon"] > 114  # Song Tử Tây, Trường Sa


def test_divided_communes_go_to_their_default_new_commune():
    successors, divided = reference.commune_successors()
    assert len(divided) == 471
    assert all(successors[old] in options for old, options in divided.items())
    # The one exception: the new Yên Sở ward is nobody's default and takes the former Yên Sở ward.
    assert successors["00340"] == "00340" and "00340" in divided["00340"]
    names = reference.communes_34().set_index("code")
    assert names.loc["00340", "name_vi"] == "Phường Yên Sở"


# --- queries on the fixture ---------------------------------------------------------------------------


def test_commune_indicators_per_boundary_set(use_communes):
    old = db.run_query("commune_indicators", lang="en", boundary="63")
    new = db.run_query("commune_indicators", lang="vi", boundary="34")
    assert old["indicator_code"].tolist() == new["indicator_code"].tolist() == ["POV"]
    assert list(old["years"].iloc[0]) == list(range(2016, 2025))
    assert list(new["years"].iloc[0]) == list(range(2016, 2026))  # before 2025 rebuilt from former communes
    assert (old["name"].iloc[0], new["name"].iloc[0]) == ("Poverty rate", "Tỷ lệ hộ nghèo")
    assert old[["target_value", "base_year", "aggregation"]].iloc[0].tolist() == [1.0, 2016, "ratio"]


def test_commune_indicators_empty_without_communes(use_fixture):
    assert db.run_query("commune_indicators", lang="en", boundary="34").empty


def test_former_communes_as_reported(use_communes):
    df = _values(indicator="POV", province="P63-02", year=2016)
    assert list(df.columns) == VALUE_COLUMNS
    assert df["area_id"].tolist() == ["C63-00001", "C63-00002"]  # best (lowest poverty) first
    assert df["value"].tolist() == pytest.approx([20 / 120 * 100, 60 / 80 * 100])
    assert df["rank"].tolist() == [1, 2] and (df["n_ranked"] == 2).all()
    assert not df["derived"].any() and df["complete"].all()
    # numerators and denominators add up to the province's (80 poor of 200 households)
    assert (df["numerator"].sum(), df["denominator"].sum()) == (80, 200)
    later = _values(indicator="POV", province="P63-02", year=2020)
    # 2020: 72 poor -> 18/120 and 54/80; change since 2016 in percentage points
    assert later["change"].tolist() == pytest.approx([18 / 120 * 100 - 20 / 120 * 100, 54 / 80 * 100 - 60 / 80 * 100])
    assert (later["base_year"] == 2016).all()


def test_new_communes_rebuilt_before_2025(use_communes):
    df = _values(indicator="POV", province="P34-08", year=2016).set_index("area_id")
    assert sorted(df.index) == ["C34-00010", "C34-00011", "C34-00012"]
    assert df["derived"].all() and df["complete"].all()
    # C34-00011 = former C63-00002 (P63-02) + C63-00003 (P63-08): (60 + 40) / (80 + 100)
    assert df.loc["C34-00011", "value"] == pytest.approx(100 / 180 * 100)
    assert df.loc["C34-00010", "value"] == pytest.approx(20 / 120 * 100)
    assert df.loc["C34-00012", "value"] == pytest.approx(20 / 200 * 100)
    # the rebuilt communes add up to the rebuilt province (P63-02 + P63-08 = 140 / 500)
    assert communes.aggregate(df, "ratio", 100.0) == pytest.approx(140 / 500 * 100)
    province = db.run_query("province_trend", indicator="POV", areas=["P34-08"], breakdown="total")
    assert province.set_index("year").loc[2016, "value"] == pytest.approx(140 / 500 * 100)


def test_new_communes_reported_in_2025(use_communes):
    df = _values(indicator="POV", province="P34-08", year=2025, lang="vi").set_index("area_id")
    assert not df["derived"].any() and (df["status"] == "preliminary").all()
    assert df.loc["C34-00012", "value"] == pytest.approx(10.0) and df.loc["C34-00012", "rank"] == 1
    assert df.loc["C34-00011", "name"] == "Mười Một"
    assert (df["numerator"].sum(), df["denominator"].sum()) == (90, 500)  # P34-08 in 2025
    # change from the rebuilt 2016 value
    assert df.loc["C34-00011", "change"] == pytest.approx(40 / 180 * 100 - 100 / 180 * 100)


def test_province_without_communes_lists_none(use_communes):
    assert _values(indicator="POV", province="P34-01", year=2025).empty
    assert list(_values(indicator="POV", province="P34-01", year=2025).columns) == VALUE_COLUMNS


def test_incomplete_rebuild_is_null_not_partial(tmp_path, monkeypatch):
    data = fixture_data.build(tmp_path / "d", communes=True)
    # Remove C63-00003 in 2018: C34-00011 (its successor) cannot be rebuilt for 2018.
    path = data / "results" / "year=2018" / "fx-0001-communes.parquet"
    table = pq.read_table(path).to_pandas()
    dataset.write_parquet_atomic(dataset.to_table(table[table["area_id"] != "C63-00003"], dataset.schema.RESULTS), path)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    df = _values(indicator="POV", province="P34-08", year=2018).set_index("area_id")
    assert math.isnan(df.loc["C34-00011", "value"]) and not df.loc["C34-00011", "complete"]
    assert df.loc["C34-00010", "complete"] and df.loc["C34-00011", "derived"]
    assert pd.isna(df.loc["C34-00011", "rank"]) and df["n_ranked"].iloc[0] == 2
    db.clear_cache()


def test_commune_totals_check_catches_a_commune_that_does_not_add_up(tmp_path, monkeypatch):
    data = fixture_data.build(tmp_path / "d", communes=True)
    wrong = {**fixture_data._ratio("POV", "C63-00001", 2017, 1, 120), "batch_id": "fx-0002"}
    dataset.write_results(data, pd.DataFrame([wrong]), batch_id="fx-0002")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    bad = db.run_query("checks/commune_totals")
    assert bad[["area_id", "year"]].values.tolist() == [["P63-02", 2017]]
    assert db.run_query("checks/lineage_one_successor").empty
    db.clear_cache()


# --- the bundled demo dataset ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_results() -> pd.DataFrame:
    frames = []
    for path in sorted((BUNDLED / "results").glob("year=*/*.parquet")):
        frame = pq.read_table(path).to_pandas()
        frame["year"] = int(path.parent.name.split("=")[1])
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def test_bundled_communes_add_up_exactly_to_their_province(bundled_results):
    areas = pd.read_parquet(BUNDLED / "areas.parquet").set_index("area_id")
    rows = bundled_results
    com = rows[rows["area_id"].str.startswith("C")].assign(area_id=lambda d: d["area_id"].map(areas["parent_id"]))
    assert set(com["indicator_code"]) == set(demo.COMMUNE_INDICATORS)
    sums = com.groupby(["indicator_code", "area_id", "year"])[["numerator", "denominator"]].sum().reset_index()
    prov = rows[rows["area_id"].str.startswith("P") & (rows["breakdown"] == "total")]
    merged = sums.merge(prov, on=["indicator_code", "area_id", "year"], suffixes=("", "_province"), how="left")
    assert merged["numerator_province"].notna().all()
    assert (merged["numerator"] == merged["numerator_province"]).all()
    assert (merged["denominator"] == merged["denominator_province"]).all()
    # every province-year of these indicators has its communes: 63 provinces x 9 years + 34 in 2025, less gaps
    expected = prov[prov["indicator_code"].isin(demo.COMMUNE_INDICATORS)]
    assert len(merged) == len(expected) > 1100
    assert (com["numerator"] <= com["denominator"]).all() and (com["denominator"] > 0).all()


def test_bundled_rebuilt_communes_add_up_to_the_rebuilt_province(use_bundled):
    for area in ("P34-01", "P34-38", "P34-48", "P34-96"):
        df = _values(indicator="POV_MD", province=area, year=2020)
        assert df.loc[df["value"].notna(), "derived"].all()
        province = db.run_query("province_trend", indicator="POV_MD", areas=[area], breakdown="total")
        expected = province.set_index("year").loc[2020, "value"]
        assert communes.aggregate(df, "ratio", 100.0) == pytest.approx(expected, rel=1e-12), area


# --- chart builders --------------------------------------------------------------------------------------


def test_point_map_puts_the_archipelagos_in_a_labelled_inset(use_bundled):
    df = _values(indicator="POV_MD", province="P34-48", year=2025, lang="vi")  # Đà Nẵng, with Hoàng Sa
    fig = communes.point_map(df, lang="vi", title="t", unit="%", decimals=2, higher_is_better=False,
                             source="s", demo=True).to_dict()  # fmt: skip
    inset = [tr for tr in fig["data"] if tr.get("xaxis") == "x2"]
    assert any("Hoàng Sa" in list(tr.get("text", [])) for tr in inset)
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x"
    assert communes.points_in(fig) <= len(df) <= 5000
    # Hoàng Sa has no resident figures: drawn as a hollow point, never coloured
    hollow = [tr for tr in fig["data"] if tr.get("marker", {}).get("color") == "white"]
    assert hollow and sum(len(values(tr["x"])) for tr in hollow) == int(df["value"].isna().sum()) == 1


def test_histogram_puts_the_threshold_on_a_bin_edge():
    v = pd.Series(np.linspace(0.3, 17.9, 200))
    fig = communes.distribution_chart(v, threshold=3.0, higher_is_better=False, lang="en", title="t", unit="%",
                                      decimals=1, source="s", demo=False).to_dict()  # fmt: skip
    bars = fig["data"][0]
    mids, widths = np.array(values(bars["x"])), np.array(values(bars["width"])) / 0.95
    edges = np.round(np.concatenate([mids - widths / 2, mids[-1:] + widths[-1:] / 2]), 9)
    assert 3.0 in edges
    assert sum(values(bars["y"])) == 200
    colours = np.array(bars["marker"]["color"])
    assert set(colours[mids > 3]) == {communes.WORSE} and set(colours[mids < 3]) == {communes.BETTER}


def test_ranking_chart_best_and_worst_panels():
    df = pd.DataFrame({"name": list("ABCDEFG"), "value": [1.0, 2, 3, 4, 5, 6, np.nan], "rank": [1, 2, 3, 4, 5, 6, np.nan],
                       "derived": [False] * 6 + [False]})  # fmt: skip
    fig = communes.ranking_chart(df, n=2, lang="en", title="t", unit="%", decimals=1, source="s", demo=False,
                                 province_value=3.5, target_value=2.0, target_year=2025).to_dict()  # fmt: skip
    best, worst = fig["data"][0], fig["data"][1]
    assert list(best["y"]) == ["A", "B"] and list(worst["y"]) == ["E", "F"]
    assert list(fig["layout"]["yaxis"]["categoryarray"]) == ["B", "A"]  # best drawn at the top
    assert len(fig["layout"]["shapes"]) == 4  # province and target lines in both panels


def test_furthest_behind_and_threshold_count():
    df = pd.DataFrame({"value": [1.0, 5.0, 9.0, np.nan], "rank": [1, 2, 3, np.nan]})
    behind = communes.furthest_behind(df, 2, target=3.0, higher_is_better=False)
    assert behind["value"].tolist() == [9.0, 5.0] and behind["gap"].tolist() == [6.0, 2.0]
    assert communes.count_worse(df["value"], 3.0, higher_is_better=False) == 2
    assert communes.count_worse(df["value"], 3.0, higher_is_better=True) == 1
    assert communes.fmt_many([1234.5], "%", "vi", 1)[0] == "1.234,5 %"
    assert communes.fmt_many([1234.5, np.nan], "%", "en", 1).tolist() == ["1,234.5%", "–"]


# --- the communes tab of the Province profile ----------------------------------------------------------


def _commune_figures(at) -> list[dict]:
    """The map, the distribution and the best-and-worst chart of the communes tab, in that order."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart") if el.key.startswith("commune_")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_communes_tab_follows_the_boundary_set(use_communes, lang):
    at = new_app("pages/profile.py", tab="communes", lang=lang, area="P34-08")
    assert not at.exception, [e.value for e in at.exception]
    figs = _commune_figures(at)
    assert len(figs) == 3  # map, distribution, best and worst
    hover = " ".join(" ".join(values(tr.get("hovertext"))) for tr in figs[0]["data"] if tr.get("hovertext"))
    new_name, old_name = ("Mười Hai:", "Bốn:") if lang == "vi" else ("Muoi Hai Ward:", "Bon Ward:")
    assert new_name in hover and old_name not in hover  # the new communes
    assert "2025" in figs[0]["layout"]["title"]["text"]
    at.radio(key="f_boundary").set_value("63").run()
    at.selectbox(key="profile_select").set_value("P63-08").run()
    assert not at.exception
    figs = _commune_figures(at)
    hover = " ".join(" ".join(values(tr.get("hovertext"))) for tr in figs[0]["data"] if tr.get("hovertext"))
    assert old_name in hover and new_name not in hover  # the former communes
    assert "2024" in figs[0]["layout"]["title"]["text"]


def test_profile_communes_tab_marks_rebuilt_values_and_counts_the_threshold(use_communes):
    at = new_app("pages/profile.py", tab="communes", lang="en", area="P34-08", year="2016")
    assert not at.exception
    text = texts(at)
    assert "Rebuilt" in text  # the derived note under the furthest-behind table
    # 2016: 20/120, 100/180, 20/200 -> 16.7, 55.6, 10.0 %; the national target (1 %) is the default threshold
    assert "**3 of 3** communes are **above** the threshold of 1.00%" in text
    at.number_input(key="commune_threshold_POV").set_value(20.0).run()
    assert "**1 of 3** communes are **above** the threshold of 20.00%" in texts(at)
    behind = at.dataframe[-2].value  # the furthest-behind table, then the full list
    assert behind.iloc[0, 1] == "Muoi Mot Commune" and behind.iloc[0, 2].endswith("*")
    full = at.dataframe[-1].value
    assert len(full) == 3 and full.iloc[0, 0] == 1
    assert at.get("download_button")


def test_profile_communes_tab_63_set_in_2025_falls_back_with_a_note(use_communes):
    at = new_app("pages/profile.py", tab="communes", lang="vi", area="P63-02", boundary="63", year="2025")
    assert not at.exception
    assert any("chỉ có số liệu theo đơn vị hành chính mới" in i.value for i in at.info)
    assert "2024" in _commune_figures(at)[0]["layout"]["title"]["text"]


def test_profile_communes_tab_without_commune_data(use_fixture):
    at = new_app("pages/profile.py", tab="communes", lang="en", area="P34-01")
    assert not at.exception
    assert any("no commune-level figures" in i.value for i in at.info)


@pytest.mark.parametrize(("boundary", "area", "n"), [("34", "P34-38", 166), ("63", "P63-38", 547)])
def test_profile_communes_tab_on_the_bundled_data(use_bundled, boundary, area, n):
    at = new_app("pages/profile.py", tab="communes", lang="en", area=area, boundary=boundary)
    assert not at.exception
    figs = _commune_figures(at)
    points = sum(len(values(tr["x"])) for tr in figs[0]["data"] if tr.get("mode") == "markers")
    assert points == n  # every commune of Thanh Hóa on its boundary set, one point each
    assert all(communes.points_in(f) <= 5000 for f in plotly_figures(at))
    assert len(at.dataframe[-1].value) == n


def test_profile_draws_only_the_open_tab_but_presents_every_chart(use_communes):
    # The commune charts cost two fifths of a Profile run: drawn when their tab is open, not before.
    at = new_app("pages/profile.py", lang="en", area="P34-08")
    assert not at.exception
    assert _commune_figures(at) == []
    assert at.dataframe  # the profile tab's table is there
    at = new_app("pages/profile.py", tab="communes", lang="en", area="P34-08")
    assert len(_commune_figures(at)) == 3
    # Presentation mode shows every chart of the page, whichever tab was open.
    at = new_app("pages/profile.py", lang="en", area="P34-08", present="1")
    assert not at.exception
    presented = [key for key, _ in at.session_state["_present_figs"]]
    assert len([k for k in presented if k.startswith("commune_")]) == 3, presented
