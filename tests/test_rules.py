"""The aggregation rules: the SQL macros (queries/views/00_rules.sql) and ascc.rules give the same answers,
and every aggregate of the dashboard follows them."""

from __future__ import annotations

import math

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ascc import db, rules, schema
from ascc import settings as app_settings
from tests import fixture_data

_MACROS = (app_settings.QUERIES_DIR / "views" / "00_rules.sql").read_text(encoding="utf-8")


def _sql_aggregate(rule: str, members: list[dict], scale: float) -> tuple[float | None, bool, str]:
    con = duckdb.connect()
    con.execute(_MACROS)
    frame = pd.DataFrame(members, columns=["v", "num", "den", "w", "wref", "status"]).astype(
        {"v": float, "num": float, "den": float, "w": float, "wref": "boolean", "status": object}
    )
    con.register("m", frame)
    row = con.execute(
        "select rule_value($rule, v, num, den, w, $scale), rule_estimated($rule, v, num, den, w, wref),"
        " weakest_status(status) from m",
        {"rule": rule, "scale": scale},
    ).fetchone()
    con.close()
    return row


_number = st.one_of(st.none(), st.floats(min_value=0.5, max_value=1e6, allow_nan=False))
_member = st.fixed_dictionaries(
    {
        "v": st.one_of(st.none(), st.floats(min_value=0, max_value=1000, allow_nan=False)),
        "num": _number,
        "den": _number,
        "w": _number,
        "wref": st.booleans(),
        "status": st.sampled_from(schema.STATUSES),
    }
)


@settings(max_examples=150, deadline=None)
@given(
    rule=st.sampled_from(schema.AGGREGATIONS),
    members=st.lists(_member, min_size=1, max_size=6),
    scale=st.sampled_from([1.0, 100.0, 1000.0]),
)
def test_sql_macros_and_python_rules_agree(rule, members, scale):
    value, estimated, status = _sql_aggregate(rule, members, scale)
    cols = {k: [m[k] for m in members] for k in ("v", "num", "den", "w", "wref")}
    expected = rules.aggregate(rule, cols["v"], cols["num"], cols["den"], cols["w"], scale)
    if expected is None:
        assert value is None or math.isnan(value)
    else:
        assert value == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert bool(estimated) == rules.estimated(rule, cols["v"], cols["num"], cols["den"], cols["w"], cols["wref"])
    assert status == rules.weakest_status(m["status"] for m in members)


def test_rules_by_hand():
    # ratio with counts: (1 + 3) / (10 + 30) * 100, never the mean of 10 % and 10 %
    assert rules.aggregate("ratio", [10, 10], [1, 3], [10, 30], None, 100) == pytest.approx(10.0)
    # a rate published without counts: weighted by the weights (an estimate)
    assert rules.aggregate("ratio", [10, 20], None, None, [1, 3], 100) == pytest.approx(17.5)
    assert rules.estimated("ratio", [10, 20], None, None, [1, 3], [True, True])
    # without counts or weights nothing is guessed
    assert rules.aggregate("ratio", [10, 20], None, None, None, 100) is None
    assert rules.aggregate("weighted_mean", [10, 20], None, None, [1, None]) is None
    assert rules.aggregate("sum", [1, None, 2]) == 3.0
    assert rules.aggregate("mean", [1, 2, 6]) == 3.0
    assert rules.weakest_status(["final", "preliminary"]) == "preliminary"
    with pytest.raises(ValueError):
        rules.aggregate("median", [1])


def _fixture_without(tmp_path, monkeypatch, drop):
    data = fixture_data.build(tmp_path / "d")
    rows = fixture_data.results()
    keep = ~rows.apply(lambda r: drop(r), axis=1)
    from ascc import dataset

    dataset.clear_results(data)
    dataset.write_results(data, rows[keep], batch_id="fx-0001")
    monkeypatch.setenv(app_settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    return rows[keep]


def test_weighted_mean_ignores_the_weight_of_an_incomplete_rebuilt_province(tmp_path, monkeypatch):
    # INC 2018 without P63-08: the rebuilt P34-08 is incomplete (value NULL). Before the fix its partial
    # weight still entered the denominator of the 34-set aggregate, pulling the value down.
    rows = _fixture_without(
        tmp_path, monkeypatch, lambda r: r.indicator_code == "INC" and r.area_id == "P63-08" and r.year == 2018
    )
    prov = rows[(rows.indicator_code == "INC") & (rows.year == 2018) & rows.area_id.str.startswith("P63")]
    expected = (prov.value * prov.weight).sum() / prov.weight.sum()  # the three former provinces that reported
    trend = {b: db.run_query("region_trend", lang="en", indicator="INC", boundary=b, breakdown="total") for b in ("34", "63")}
    for boundary, df in trend.items():
        vn = df[(df.area_id == "VN") & (df.year == 2018)].iloc[0]
        assert vn["value"] == pytest.approx(expected), boundary
        assert (vn["n_reported"], vn["n_areas"]) == (3, 4)
    # the region of the 34 set holds only complete provinces: RRD = P34-01 and P34-25, both complete
    rrd = trend["34"][(trend["34"].area_id == "R-RRD") & (trend["34"].year == 2018)].iloc[0]
    both = prov[prov.area_id.isin(["P63-01", "P63-26"])]
    assert rrd["value"] == pytest.approx((both.value * both.weight).sum() / both.weight.sum())
    db.clear_cache()


def test_value_only_rates_are_estimated_with_population_weights(tmp_path, monkeypatch):
    # WATER published as rates only (no counts): rebuilt and aggregated by population, marked estimated.
    data = fixture_data.build(tmp_path / "d")
    rows = fixture_data.results()
    water = rows.indicator_code == "WATER"
    rows.loc[water, ["numerator", "denominator"]] = None
    rows = rows[~(water & (rows.area_id == "VN"))]
    from ascc import dataset

    dataset.clear_results(data)
    dataset.write_results(data, rows, batch_id="fx-0001")
    monkeypatch.setenv(app_settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    pop = fixture_data.AREAS.set_index("area_id")["population"]
    ranking = db.run_query("province_ranking", lang="en", indicator="WATER", boundary="34", year=2020, breakdown="total")
    p08 = ranking.set_index("area_id").loc["P34-08"]
    v = rows[(rows.indicator_code == "WATER") & (rows.year == 2020)].set_index("area_id")["value"]
    expected_08 = (v["P63-02"] * pop["P63-02"] + v["P63-08"] * pop["P63-08"]) / (pop["P63-02"] + pop["P63-08"])
    assert p08["value"] == pytest.approx(expected_08) and p08["estimated"] and p08["derived"]
    summary = db.run_query("region_summary", lang="vi", indicator="WATER", boundary="34", year=2020, breakdown="total")
    vn = summary.set_index("area_id").loc["VN"]
    formers = ["P63-01", "P63-02", "P63-08", "P63-26"]
    expected_vn = sum(v[a] * pop[a] for a in formers) / sum(pop[a] for a in formers)
    assert vn["value"] == pytest.approx(expected_vn) and vn["estimated"] and vn["basis"] == "computed"
    assert summary["value"].notna().all()
    db.clear_cache()


def test_partial_aggregates_say_their_coverage(use_fixture):
    # POV 2019: P63-26 (1,000,000 of 4,000,000 people) did not report and there is no national row
    trend = db.run_query("region_trend", lang="vi", indicator="POV", boundary="63", breakdown="total")
    vn = trend[(trend.area_id == "VN") & (trend.year == 2019)].iloc[0]
    assert vn["name"] == "Cả nước (3/4 tỉnh, 75 % dân số)"
    trend_en = db.run_query("region_trend", lang="en", indicator="POV", boundary="34", breakdown="total")
    vn_en = trend_en[(trend_en.area_id == "VN") & (trend_en.year == 2019)].iloc[0]
    assert vn_en["name"] == "Viet Nam (3/4 provinces, 75% of population)"
    assert vn_en["value"] == pytest.approx(vn["value"])  # the nation does not change with the boundary set
    full = trend[(trend.area_id == "VN") & (trend.year == 2016)].iloc[0]
    assert full["name"] == "Cả nước" and full["basis"] == "published"


def test_a_value_only_nso_table_in_a_fresh_official_dataset_shows_everywhere(tmp_path, monkeypatch):
    # NSO E14.48 (multidimensional poverty, rates only, national and region rows) into a fresh official
    # dataset: values for regions and the nation on both boundary sets, estimated where weights were used.
    from ascc import batches, ingest, nso

    folder = tmp_path / "official"
    batches.init_dataset(folder)
    monkeypatch.setenv(app_settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    data = (nso.SOURCES_DIR / "nso_E1448_multidim_poverty_rate_by_province_2016_2024.csv").read_bytes()
    report = ingest.run_import(data, "E1448.csv", ingest.Options(indicator="POV_MD", valid_only=True), who="test")
    assert report.outcome == "committed", report.to_text("en")
    for boundary in ("63", "34"):
        summary = db.run_query("region_summary", lang="en", indicator="POV_MD", boundary=boundary, year=2020,
                               breakdown="total").set_index("area_id")
        assert summary["value"].notna().all(), boundary
        # the published national figure (GSO 2020: 4.8 %) on both sets
        assert summary.loc["VN", "value"] == pytest.approx(4.8) and summary.loc["VN", "basis"] == "published"
        ranking = db.run_query("province_ranking", lang="en", indicator="POV_MD", boundary=boundary, year=2020,
                               breakdown="total")
        assert ranking["value"].notna().all(), boundary
    summary34 = db.run_query("region_summary", lang="vi", indicator="POV_MD", boundary="34", year=2020,
                             breakdown="total").set_index("area_id")
    regions34 = summary34.drop(index="VN")
    assert regions34["estimated"].all() and (regions34["basis"] == "computed").all()
    # by hand: the Central Highlands of the 34 set = its 7 former provinces weighted by 2020 population
    weights = pd.read_parquet(folder / "weights.parquet")
    areas = pd.read_parquet(folder / "areas.parquet")
    lineage = pd.read_parquet(folder / "lineage.parquet")
    table = nso.read_table(nso.SOURCES_DIR / "nso_E1448_multidim_poverty_rate_by_province_2016_2024.csv")
    table = table[table["year"] == 2020].assign(area_id=lambda d: nso.province_ids(d["label"], areas).values)
    new = areas[(areas["boundary_set"] == "34") & (areas["region_code"] == "CH") & (areas["level"] == "province")]
    former = lineage[lineage["successor_id"].isin(new["area_id"])]["former_id"]
    pop = weights[(weights["year"] == 2020)].set_index("area_id")["value"]
    rows = table[table["area_id"].isin(former)]
    expected = (rows["value"] * rows["area_id"].map(pop)).sum() / rows["area_id"].map(pop).sum()
    assert len(rows) == 7 and summary34.loc["R-CH", "value"] == pytest.approx(expected)
    ranking34 = db.run_query("province_ranking", lang="en", indicator="POV_MD", boundary="34", year=2020,
                             breakdown="total").set_index("area_id")
    assert ranking34.loc["P34-52", "estimated"] and not ranking34.loc["P34-01", "estimated"]  # Ha Noi alone
    db.clear_cache()
