"""Exact-row tests of every query against the fixture dataset, and that every query compiles."""

from __future__ import annotations

import pandas as pd
import pytest

from ascc import db

SUMMARY_COLUMNS = [
    "indicator_code", "name", "short_name", "unit", "decimals", "higher_is_better", "headline", "aggregation",
    "limit_value", "pillar_code", "pillar_name", "ministry_code", "ministry_abbr", "ministry_name", "base_year",
    "base_value", "latest_year", "latest_value", "latest_status", "latest_basis", "latest_estimated",
    "latest_source", "latest_n_reported", "latest_n_areas", "latest_pop_share", "change", "target_year", "target_value",
    "target_upper", "target_type", "target_source", "gap", "target_met", "break_since_base", "source", "sort_order",
]


@pytest.mark.parametrize("name", [q for q in db.query_names()])
def test_every_query_compiles(use_fixture, name):
    plan = db.explain(name)
    assert plan.strip()


def test_national_summary_latest(use_fixture):
    df = db.run_query("national_summary", lang="en", year=None, headline_only=None).set_index("indicator_code")
    assert list(df.reset_index().columns) == SUMMARY_COLUMNS
    assert list(df.index) == ["POV", "WATER", "IDX", "INC", "DIS"]  # sort_order
    pov = df.loc["POV"]
    # VN rows: 2016 = 185/2000*100 = 9.25; latest 2025 = 110/2000*100 = 5.5 (preliminary)
    assert pov["base_year"] == 2016 and pov["base_value"] == pytest.approx(9.25)
    assert pov["latest_year"] == 2025 and pov["latest_value"] == pytest.approx(5.5)
    assert pov["latest_status"] == "preliminary"
    assert pov["change"] == pytest.approx(5.5 - 9.25)
    assert pov["target_value"] == 1.0 and pov["gap"] == pytest.approx(1.0 - 5.5)
    assert not pov["target_met"]
    assert pov["break_since_base"]  # break in 2022 lies between 2016 and 2025
    assert pov["name"] == "Poverty rate" and pov["ministry_abbr"] == "MAE" and pov["pillar_name"] == "Inclusive"
    assert pov["latest_basis"] == "published"
    water = df.loc["WATER"]
    # no national row for 2025: computed from the three new provinces, (77 + 130 + 66) / 400
    assert (water["base_value"], water["latest_value"], water["latest_year"]) == (50.0, 68.25, 2025)
    assert water["latest_basis"] == "computed" and water["latest_n_reported"] == water["latest_n_areas"] == 3
    assert not water["break_since_base"]
    idx = df.loc["IDX"]
    assert idx["latest_value"] == 91.0 and idx["target_met"]  # 91 >= 90, higher is better
    # no national row for DIS: the sum of the four former provinces in 2024 (k = 8: 2 + 2 + 2 + 2 + 2)
    assert df.loc["DIS", "latest_value"] == 10.0 and df.loc["DIS", "latest_basis"] == "computed"
    assert pd.isna(df.loc["INC", "target_value"])


def test_national_summary_as_of_year_and_language(use_fixture):
    df = db.run_query("national_summary", lang="vi", year=2020, headline_only=True).set_index("indicator_code")
    assert list(df.index) == ["POV", "WATER", "IDX"]
    assert df.loc["POV", "latest_year"] == 2020 and df.loc["POV", "latest_value"] == pytest.approx(7.65)
    assert not df.loc["POV", "break_since_base"]  # 2022 break is after 2020
    # 2020 computed from the former provinces: (62 + 52 + 52 + 52) / 400
    assert df.loc["WATER", "latest_year"] == 2020 and df.loc["WATER", "latest_value"] == pytest.approx(54.5)
    assert df.loc["POV", "name"] == "Tỷ lệ hộ nghèo"


def test_national_trend(use_fixture):
    df = db.run_query("national_trend", codes=["POV"])
    assert list(df.columns) == ["indicator_code", "year", "value", "status", "source", "basis", "estimated",
                                "n_reported", "n_areas", "pop_share", "batch_id"]
    assert df["year"].tolist() == list(range(2016, 2026))
    published = df[df["basis"] == "published"]
    assert published["year"].tolist() == [2016, 2020, 2024, 2025]
    assert published["value"].round(4).tolist() == [9.25, 7.65, 8.05, 5.5]
    assert published["status"].tolist() == ["final", "final", "final", "preliminary"]
    # 2019: P63-26 did not report, so the computed value covers 3 of 4 provinces (3,000,000 of 4,000,000)
    y2019 = df.set_index("year").loc[2019]
    assert y2019["basis"] == "computed" and (y2019["n_reported"], y2019["n_areas"]) == (3, 4)
    assert y2019["pop_share"] == pytest.approx(0.75)
    assert y2019["value"] == pytest.approx((20 - 6 + 80 - 6 + 60 - 6) / 1500 * 100)
    everything = db.run_query("national_trend", codes=None)
    assert set(everything["indicator_code"]) == {"POV", "WATER", "IDX", "INC", "DIS"}


def test_provinces_list(use_fixture):
    new = db.run_query("provinces_list", lang="vi", boundary="34", region=None)
    assert new["area_id"].tolist() == ["P34-01", "P34-08", "P34-25"]
    old_nmm = db.run_query("provinces_list", lang="en", boundary="63", region="NMM")
    assert old_nmm["area_id"].tolist() == ["P63-02", "P63-08"]
    assert old_nmm["region_name"].unique().tolist() == ["Northern Midlands and Mountains"]
    both = db.run_query("provinces_list", lang="vi", boundary=None, region=None)
    assert len(both) == 7


def test_regions_and_years(use_fixture):
    regions = db.run_query("regions_list", lang="en")
    assert regions["region_code"].tolist() == ["RRD", "NMM"]
    years = db.run_query("years_available")
    assert years["year"].tolist() == list(range(2016, 2026))


def test_series_breaks(use_fixture):
    df = db.run_query("series_breaks", lang="en", codes=None)
    assert df.to_dict("records") == [{"indicator_code": "POV", "year": 2022, "reason": "New poverty standard"}]
    assert db.run_query("series_breaks", lang="en", codes=["WATER"]).empty


def test_fixed_schema_when_empty(use_fixture):
    full = db.run_query("national_trend", codes=["POV"])
    empty = db.run_query("national_trend", codes=["NOPE"])
    assert empty.empty and list(empty.columns) == list(full.columns)
