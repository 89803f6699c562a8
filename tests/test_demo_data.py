"""The demo dataset: deterministic, equal to the committed data/, on the fixed schemas, internally consistent."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from ascc import dataset, demo, schema, settings
from ascc.cli import main as cli_main

COMMITTED = settings.DEFAULT_DATA_DIR


def _files(folder: Path) -> dict[str, bytes]:
    """Every generated file (not the hand-written README, nor the published sources under sources/) by path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "README.md" and p.relative_to(folder).parts[0] != "sources"
    }


def _results(folder: Path) -> pd.DataFrame:
    frames = []
    for path in sorted((folder / "results").glob("year=*/*.parquet")):
        frame = pq.read_table(path).to_pandas()
        frame["year"] = int(path.parent.name.split("=")[1])
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo-a")
    demo.build_demo(out)
    return out


@pytest.fixture(scope="module")
def results(built) -> pd.DataFrame:
    # Nation and province rows; commune rows are checked in tests/test_communes.py.
    r = _results(built)
    return r[~r["area_id"].str.startswith("C")]


@pytest.fixture(scope="module")
def indicators(built) -> pd.DataFrame:
    return pd.read_parquet(built / "indicators.parquet").set_index("indicator_code")


@pytest.fixture(scope="module")
def areas(built) -> pd.DataFrame:
    a = pd.read_parquet(built / "areas.parquet")
    return a[a["level"] != "commune"]


def test_two_builds_are_byte_identical(built, tmp_path):
    assert cli_main(["demo-data", "--out", str(tmp_path)]) == 0
    assert _files(tmp_path) == _files(built)


def test_committed_data_equals_the_code(built):
    committed, fresh = _files(COMMITTED), _files(built)
    assert sorted(committed) == sorted(fresh), "run: python -m ascc demo-data"
    changed = [name for name in fresh if committed[name] != fresh[name]]
    assert not changed, f"data/ is stale for {changed}; run: python -m ascc demo-data"


def test_files_have_the_fixed_schemas(built):
    for name, (file_name, table_schema) in schema.TABLES.items():
        if name == "batches":
            continue  # the batch log exists only in official datasets, written by imports
        paths = (
            sorted((built / file_name).glob("year=*/*.parquet")) if name == "results" else [built / file_name]
        )
        assert paths, name
        for path in paths:
            assert pq.read_schema(path).equals(table_schema, check_metadata=False), path


def test_manifest(built):
    manifest = json.loads((built / schema.MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["kind"] == "demo" and manifest["how"] == "python -m ascc demo-data"
    assert manifest["version"] == dataset.content_version(built)
    assert "mô phỏng" in manifest["notice_vi"].lower() and "simulated" in manifest["notice_en"].lower()
    assert {"title_vi", "title_en", "built_at", "data_as_of"} <= set(manifest)


def test_keys_statuses_and_periods(results, indicators):
    assert not results.duplicated(["indicator_code", "area_id", "year", "breakdown"]).any()
    assert set(results["indicator_code"]) == set(indicators.index)
    assert set(results["status"]) <= set(schema.STATUSES)
    assert (results["batch_id"] == demo.BATCH_ID).all()
    provinces = results[results["area_id"] != "VN"]
    assert provinces.loc[provinces["year"] <= 2024, "area_id"].str.startswith("P63-").all()
    assert provinces.loc[provinces["year"] == 2025, "area_id"].str.startswith("P34-").all()
    assert set(results["year"]) == set(range(2016, 2026))
    assert (results.loc[results["year"] <= 2023, "status"] == "final").all()
    assert (results.loc[results["year"] == 2025, "status"] == "preliminary").all()
    dimensions = results.loc[results["breakdown"] != "total", "breakdown"].str.split(":").str[0]
    assert set(dimensions) <= set(schema.BREAKDOWN_DIMENSIONS)


def test_missing_province_years_are_few_and_never_national(results, indicators):
    totals = results[results["breakdown"] == "total"]
    nation = totals[totals["area_id"] == "VN"]
    assert len(nation) == len(indicators) * 10
    first = totals[(totals["year"] == 2016) & (totals["area_id"] != "VN")]
    assert len(first) == len(indicators) * 63
    later = totals[(totals["year"].between(2017, 2024)) & (totals["area_id"] != "VN")]
    share = 1 - len(later) / (len(indicators) * 63 * 8)
    assert 0.005 < share < 0.03


def test_ratio_values_equal_numerator_over_denominator(results, indicators):
    rows = results[results["indicator_code"].map(indicators["aggregation"]) == "ratio"]
    scale = rows["indicator_code"].map(indicators["scale"])
    assert rows[["numerator", "denominator"]].notna().all().all()
    assert (rows["numerator"] == np.round(rows["numerator"])).all() and (rows["denominator"] > 0).all()
    assert (rows["numerator"] <= rows["denominator"]).all()
    assert np.allclose(rows["value"], rows["numerator"] / rows["denominator"] * scale, rtol=1e-9, atol=0)
    other = results[results["indicator_code"].map(indicators["aggregation"]) == "weighted_mean"]
    assert other["weight"].gt(0).all()


def test_values_within_the_plausible_range(results, indicators):
    low = results["indicator_code"].map(indicators["min_value"])
    high = results["indicator_code"].map(indicators["max_value"])
    assert results["value"].between(low, high).all()


def test_breakdowns_partition_the_total(results):
    parts = results[results["breakdown"] != "total"].copy()
    assert set(parts["indicator_code"]) == {"POV_MD", "NER_BASIC"}
    parts["dimension"] = parts["breakdown"].str.split(":").str[0]
    keys = ["indicator_code", "area_id", "year"]
    sums = parts.groupby([*keys, "dimension"])[["numerator", "denominator"]].sum().reset_index()
    assert (parts.groupby([*keys, "dimension"]).size() == 2).all()
    merged = sums.merge(results[results["breakdown"] == "total"], on=keys, suffixes=("", "_total"))
    assert len(merged) == len(sums)
    assert (merged["numerator"] == merged["numerator_total"]).all()
    assert (merged["denominator"] == merged["denominator_total"]).all()


def _aggregate(rows: pd.DataFrame, rule: str, scale: float) -> float:
    if rule == "ratio":
        return rows["numerator"].sum() / rows["denominator"].sum() * scale
    if rule == "weighted_mean":
        return (rows["value"] * rows["weight"]).sum() / rows["weight"].sum()
    if rule == "sum":
        return rows["value"].sum()
    return rows["value"].mean()


def test_nation_is_the_aggregate_of_complete_provinces(results, indicators):
    checked = 0
    for (code, year, breakdown), group in results.groupby(["indicator_code", "year", "breakdown"]):
        provinces = group[group["area_id"] != "VN"]
        if len(provinces) != (34 if year == 2025 else 63):
            continue  # a province is missing this year
        nation = group.loc[group["area_id"] == "VN", "value"].item()
        expected = _aggregate(provinces, indicators.loc[code, "aggregation"], indicators.loc[code, "scale"])
        assert math.isclose(nation, expected, rel_tol=1e-9), (code, year, breakdown)
        checked += 1
    assert checked > 100


def test_national_paths_follow_the_cited_figures(results):
    nation = results[(results["area_id"] == "VN") & (results["breakdown"] == "total")]
    value = nation.set_index(["indicator_code", "year"])["value"]
    # World Bank WDI SP.DYN.IMRT.IN, SI.POV.NAHC, SL.UEM.TOTL.ZS, AG.LND.FRST.ZS; GSO V14.31 and V14.60.2 (2023).
    for code, year, expected, tolerance in [
        ("IMR", 2016, 15.4, 0.1), ("IMR", 2023, 14.0, 0.1), ("POV_MD", 2016, 9.2, 0.01),
        ("POV_MD", 2021, 4.4, 0.01), ("UNEMP", 2020, 2.10, 0.01), ("FOREST_COVER", 2023, 47.45, 0.01),
        ("INCOME_PC", 2023, 4962, 1), ("HH_COMPUTER", 2023, 28.3, 0.01),
    ]:  # fmt: skip
        assert abs(value[(code, year)] - expected) <= tolerance, (code, year)
    # The 2022 poverty standard raises the level (series break).
    assert value[("POV_MD", 2022)] > value[("POV_MD", 2021)]


def test_poverty_higher_in_the_northern_mountains_than_the_south_east(results, areas):
    region = areas.set_index("area_id")["region_code"]
    rows = results[(results["indicator_code"] == "POV_MD") & (results["breakdown"] == "total")]
    rows = rows[rows["area_id"] != "VN"].assign(region=lambda d: d["area_id"].map(region))
    by_region = rows.groupby(["year", "region"])[["numerator", "denominator"]].sum()
    rate = (by_region["numerator"] / by_region["denominator"]).unstack()
    assert (rate["NMM"] > rate["SE"]).all()
    assert (rate["CH"] > rate["RRD"]).all()
