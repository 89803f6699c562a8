"""The boundary-change engine: rebuilt 34-province values and aggregates, against plain Python."""

from __future__ import annotations

import pytest

from ascc import db
from tests import fixture_data as fx


def _view(sql_filter: str, params: dict):
    # The views are read through the runner's connection, as the queries read them.
    _, con = db.connection()
    return con.cursor().execute(f"select * from {sql_filter}", params).df()


def _rows(code, area, year, breakdown="total"):
    return [r for r in fx.results().to_dict("records")
            if r["indicator_code"] == code and r["area_id"] == area and r["year"] == year and r["breakdown"] == breakdown]


def test_ratio_is_rebuilt_from_numerators_and_denominators(use_fixture):
    # P34-08 = P63-02 + P63-08. In 2016: poor 80 of 200 households and 60 of 300.
    # Rebuilt rate = (80 + 60) / (200 + 300) * 100 = 28.0 %, not the mean of 40 % and 20 % (30 %).
    members = _rows("POV", "P63-02", 2016) + _rows("POV", "P63-08", 2016)
    expected = sum(r["numerator"] for r in members) / sum(r["denominator"] for r in members) * 100
    assert expected == pytest.approx(28.0)
    df = _view("province_results where area_id = $a and indicator_code = 'POV' and year = 2016 and breakdown = 'total'", {"a": "P34-08"})
    row = df.iloc[0]
    assert row["value"] == pytest.approx(expected)
    assert row["derived"] and row["complete"] and row["n_members"] == 2
    assert row["numerator"] == 140 and row["denominator"] == 500


def test_weighted_mean_and_mean_and_sum_rules(use_fixture):
    # INC (weighted mean by weight): 2018, P63-02 value 3200 weight 800, P63-08 value 3200 weight 1200.
    m = _rows("INC", "P63-02", 2018) + _rows("INC", "P63-08", 2018)
    wm = sum(r["value"] * r["weight"] for r in m) / sum(r["weight"] for r in m)
    # IDX (mean): plain mean of the member values; DIS (sum): the sum.
    idx = [r["value"] for r in _rows("IDX", "P63-02", 2018) + _rows("IDX", "P63-08", 2018)]
    dis = [r["value"] for r in _rows("DIS", "P63-02", 2018) + _rows("DIS", "P63-08", 2018)]
    df = _view("province_results where area_id = 'P34-08' and year = 2018 and breakdown = 'total'", {}).set_index("indicator_code")
    assert df.loc["INC", "value"] == pytest.approx(wm)
    assert df.loc["IDX", "value"] == pytest.approx(sum(idx) / len(idx))
    assert df.loc["DIS", "value"] == pytest.approx(sum(dis))
    assert df["derived"].all()


def test_reported_new_province_values_are_not_rebuilt(use_fixture):
    df = _view("province_results where area_id = 'P34-08' and indicator_code = 'POV' and year = 2025", {})
    assert len(df) == 1 and not df.iloc[0]["derived"]
    assert df.iloc[0]["value"] == pytest.approx(90 / 500 * 100)
    assert df.iloc[0]["status"] == "preliminary"


def test_breakdowns_are_rebuilt_too(use_fixture):
    df = _view("province_results where area_id = 'P34-08' and indicator_code = 'POV' and year = 2016 and breakdown = 'residence:urban'", {})
    # only P63-02 reports the urban group: 80 // 4 = 20 of 50; P63-08 has no urban row -> incomplete
    assert df.iloc[0]["n_reported"] == 1 and df.iloc[0]["n_members"] == 2
    assert not df.iloc[0]["complete"] and df.iloc[0]["value"] != df.iloc[0]["value"]  # NaN


def test_region_aggregate_by_rule_on_each_boundary_set(use_fixture):
    # RRD on the 63 set in 2016: P63-01 20/1000 and P63-26 25/500 -> (20+25)/(1000+500)*100 = 3.0 %
    df = _view("region_results where indicator_code = 'POV' and year = 2016 and breakdown = 'total'", {})
    got = {(r.boundary_set, r.area_id): r.value for r in df.itertuples()}
    assert got[("63", "R-RRD")] == pytest.approx(45 / 1500 * 100)
    # NMM on the 63 set: (80+60)/(200+300) = 28 %; on the 34 set NMM holds only P34-08 -> the same 28 %
    assert got[("63", "R-NMM")] == pytest.approx(28.0)
    assert got[("34", "R-NMM")] == pytest.approx(28.0)
    # The nation computed from provinces: (20+80+60+25)/(1000+200+300+500) = 185/2000 = 9.25 %,
    # equal to the reported national row of the fixture.
    assert got[("63", "VN")] == pytest.approx(9.25) and got[("34", "VN")] == pytest.approx(9.25)


def test_missing_province_year_is_counted_not_hidden(use_fixture):
    # P63-26 has no 2019 values: the RRD aggregate uses P63-01 only and says 1 of 2 reported.
    df = _view("region_results where indicator_code = 'POV' and year = 2019 and boundary_set = '63' and area_id = 'R-RRD'", {})
    assert df.iloc[0]["n_reported"] == 1 and df.iloc[0]["n_areas"] == 2
