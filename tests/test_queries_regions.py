"""Exact-row tests of the regional, profile and lineage queries against the fixture dataset.

Fixture poverty (POV) in 2016: P63-01 20/1000 = 2 %, P63-02 80/200 = 40 %, P63-08 60/300 = 20 %,
P63-26 25/500 = 5 %. On the 34 set: P34-01 = 2 %, P34-08 = (80+60)/(200+300) = 28 %, P34-25 = 5 %.
"""

from __future__ import annotations

import pytest

from ascc import db


def test_indicator_list(use_fixture):
    df = db.run_query("indicator_list", lang="en")
    assert df["indicator_code"].tolist() == ["POV", "WATER", "IDX", "INC", "DIS"]
    pov = df.iloc[0]
    assert pov["target_value"] == 1.0 and not pov["higher_is_better"]
    assert list(pov["breakdowns"]) == ["residence:rural", "residence:urban", "total"]


def test_province_ranking_34_rebuilt_and_ranked(use_fixture):
    df = db.run_query("province_ranking", lang="vi", indicator="POV", boundary="34", year=2016, breakdown="total")
    assert df["area_id"].tolist() == ["P34-01", "P34-25", "P34-08"]
    assert df["value"].round(6).tolist() == [2.0, 5.0, 28.0]
    assert df["rank"].tolist() == [1, 2, 3] and df["n_ranked"].tolist() == [3, 3, 3]
    assert df["derived"].all() and not df["new_boundaries_only"].any()
    assert df.iloc[2]["n_members"] == 2 and df.iloc[2]["tile_label"] == "Tuyên Q"


def test_province_ranking_ties_share_a_rank(use_fixture):
    # WATER 2016: P63-01 50 %, the three others 40 % (higher is better)
    df = db.run_query("province_ranking", lang="vi", indicator="WATER", boundary="63", year=2016, breakdown="total")
    assert df["rank"].tolist() == [1, 2, 2, 2]


def test_province_ranking_63_in_2025_says_new_boundaries(use_fixture):
    df = db.run_query("province_ranking", lang="en", indicator="POV", boundary="63", year=2025, breakdown="total")
    assert len(df) == 4 and df["value"].isna().all() and df["new_boundaries_only"].all()


def test_region_summary(use_fixture):
    df = db.run_query("region_summary", lang="en", indicator="POV", boundary="63", year=2016, breakdown="total")
    rows = {r.area_id: r for r in df.itertuples()}
    assert list(rows) == ["R-RRD", "R-NMM", "VN"]
    rrd, nmm, vn = rows["R-RRD"], rows["R-NMM"], rows["VN"]
    assert rrd.value == pytest.approx(45 / 1500 * 100) and rrd.median_value == pytest.approx(3.5)
    assert (rrd.best_name, rrd.best_value, rrd.worst_name, rrd.worst_value) == ("Ha Noi", 2.0, "Vinh Phuc", 5.0)
    assert nmm.value == pytest.approx(28.0) and nmm.best_name == "Tuyen Quang" and nmm.worst_name == "Ha Giang"
    assert vn.value == pytest.approx(9.25) and vn.median_value == pytest.approx(12.5)
    assert (vn.n_reported, vn.n_areas) == (4, 4)


def test_region_trend(use_fixture):
    df = db.run_query("region_trend", lang="en", indicator="POV", boundary="34", breakdown="total")
    assert df["area_id"].unique().tolist() == ["R-RRD", "R-NMM", "VN"]
    vn = df[df["area_id"] == "VN"].set_index("year")
    # the nation's published row, the same on both sets (not rebuilt)
    assert vn.loc[2016, "value"] == pytest.approx(9.25) and not vn.loc[2016, "derived"]
    assert vn.loc[2016, "basis"] == "published"
    assert vn.loc[2025, "value"] == pytest.approx((8 + 90 + 12) / 2000 * 100) and not vn.loc[2025, "derived"]


def test_province_trend(use_fixture):
    df = db.run_query("province_trend", indicator="POV", areas=["P34-08"], breakdown="total")
    assert df["year"].tolist() == list(range(2016, 2026))
    assert df["derived"].tolist() == [True] * 9 + [False]
    assert df.iloc[0]["value"] == pytest.approx(28.0)


def test_province_profile_as_of_2020(use_fixture):
    df = db.run_query("province_profile", lang="en", area_id="P34-08", year=2020).set_index("indicator_code")
    pov = df.loc["POV"]
    # 2020: P63-02 72/200 and P63-08 52/300 -> 124/500 = 24.8 %; the nation on the 34 set:
    # (12 + 124 + 17) / 2000 = 7.65 %; rank 3 of 3 (lower is better: 1.2 %, 3.4 %, 24.8 %)
    assert pov["latest_year"] == 2020 and pov["latest_value"] == pytest.approx(24.8) and pov["latest_derived"]
    assert pov["region_value"] == pytest.approx(24.8) and pov["nation_value"] == pytest.approx(7.65)
    assert (pov["rank"], pov["n_ranked"]) == (3, 3)
    assert pov["base_value"] == pytest.approx(28.0) and pov["change"] == pytest.approx(24.8 - 28.0)
    assert pov["target_value"] == 1.0


def test_province_members(use_fixture):
    df = db.run_query("province_members", lang="vi", area_id="P34-08")
    assert df["former_id"].tolist() == ["P63-08", "P63-02"]  # larger population first
    assert df["successor_name"].unique().tolist() == ["Tuyên Quang"]
    back = db.run_query("province_members", lang="en", area_id="P63-02")
    assert back["successor_id"].tolist() == ["P34-08"]


def test_province_breakdowns(use_fixture):
    # P63-02, 2024: 74 poor households of 200; urban 18/50 = 36 %, rural 56/150 = 37.33 %
    df = db.run_query("province_breakdowns", lang="en", area_id="P63-02", year=None)
    row = df.iloc[0]
    assert (row["dimension"], row["year"], row["group_a"], row["group_b"]) == ("residence", 2024, "rural", "urban")
    assert row["value_a"] == pytest.approx(56 / 150 * 100) and row["value_b"] == pytest.approx(36.0)
    assert row["gap"] == pytest.approx(56 / 150 * 100 - 36.0) and row["total_value"] == pytest.approx(37.0)
    # P34-08's urban group cannot be rebuilt (P63-08 has no breakdown): no row rather than a wrong one
    assert db.run_query("province_breakdowns", lang="en", area_id="P34-08", year=None).empty


def test_indicator_years_and_lineage_pairs(use_fixture):
    new = db.run_query("indicator_years", indicator="POV", boundary="34", breakdown="total")
    old = db.run_query("indicator_years", indicator="POV", boundary="63", breakdown="total")
    assert new["year"].tolist() == list(range(2016, 2026)) and old["year"].tolist() == list(range(2016, 2025))
    pairs = db.run_query("lineage_pairs")
    assert dict(zip(pairs["former_id"], pairs["successor_id"], strict=True)) == {
        "P63-01": "P34-01", "P63-02": "P34-08", "P63-08": "P34-08", "P63-26": "P34-25",
    }
