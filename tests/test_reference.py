"""Reference tables: areas, lineage and regions against the public sources; indicators, leads, targets."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from ascc import dataset, reference, schema, settings
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def tables():
    return reference.all_tables()


@pytest.fixture(scope="module")
def areas(tables):
    # Nation, regions and provinces; communes are checked in tests/test_communes.py.
    a = tables["areas"]
    return a[a["level"] != "commune"]


def test_every_table_casts_to_its_fixed_schema(tables):
    assert set(tables) == set(schema.TABLES) - {"results", "batches"}  # the batch log is written by imports
    for name, frame in tables.items():
        table = dataset.to_table(frame, schema.TABLES[name][1])
        assert table.schema.equals(schema.TABLES[name][1]), name


def test_area_counts_and_unique_ids(areas):
    assert areas["area_id"].is_unique
    assert (areas["level"] == "nation").sum() == 1
    assert (areas["level"] == "region").sum() == 6
    provinces = areas[areas["level"] == "province"]
    assert (provinces["boundary_set"] == "63").sum() == 63
    assert (provinces["boundary_set"] == "34").sum() == 34
    assert set(provinces["area_id"].str[:4]) == {"P63-", "P34-"}
    assert (provinces["area_id"] == "P" + provinces["boundary_set"] + "-" + provinces["code"]).all()
    assert areas.loc[areas["level"] != "province", "boundary_set"].isna().all()


def test_parents_periods_and_population(areas):
    provinces = areas[areas["level"] == "province"]
    assert (provinces["parent_id"] == "R-" + provinces["region_code"]).all()
    assert (areas.loc[areas["level"] == "region", "parent_id"] == "VN").all()
    old, new = provinces[provinces["boundary_set"] == "63"], provinces[provinces["boundary_set"] == "34"]
    assert (old["valid_to"] == reference.MERGER_LAST_DAY_63).all() and old["valid_from"].isna().all()
    assert (new["valid_from"] == reference.MERGER_FIRST_DAY_34).all() and new["valid_to"].isna().all()
    nation = areas.loc[areas["area_id"] == "VN", "population"].item()
    assert old["population"].sum() == new["population"].sum() == nation
    assert areas.loc[areas["level"] == "region", "population"].sum() == nation
    assert provinces["lat"].between(8, 24).all() and provinces["lon"].between(102, 110).all()


def test_names(areas):
    provinces = areas[areas["level"] == "province"]
    assert provinces["name_en"].map(str.isascii).all() and provinces["name_ascii"].map(str.isascii).all()
    by_id = areas.set_index("area_id")
    assert by_id.loc["P63-02", ["name_vi", "short_vi", "name_en", "tile_vi"]].tolist() == [
        "Tỉnh Hà Giang", "Hà Giang", "Ha Giang", "HGiang",
    ]  # fmt: skip
    assert by_id.loc["P34-79", ["name_vi", "name_en", "tile_vi"]].tolist() == [
        "Thành phố Hồ Chí Minh", "Ho Chi Minh City", "TP.HCM",
    ]  # fmt: skip
    assert by_id.loc["P34-46", "name_en"] == "Hue" and by_id.loc["P34-48", "name_en"] == "Da Nang"


@pytest.mark.parametrize("boundary_set", ["63", "34"])
def test_tile_labels_short_and_unique(areas, boundary_set):
    tiles = areas.loc[areas["boundary_set"] == boundary_set, "tile_vi"]
    assert tiles.str.len().max() <= reference.TILE_MAX
    assert tiles.is_unique, tiles[tiles.duplicated()].tolist()


def test_lineage_complete(tables, areas):
    lineage = tables["lineage"]
    lineage = lineage[lineage["former_id"].str.startswith("P63-")]  # province level (communes: test_communes)
    old = set(areas.loc[areas["boundary_set"] == "63", "area_id"])
    new = set(areas.loc[areas["boundary_set"] == "34", "area_id"])
    assert lineage["former_id"].is_unique
    assert set(lineage["former_id"]) == old
    assert set(lineage["successor_id"]) == new  # every new province has at least one member


def test_lineage_equals_shared_mapping():
    path = shared_path("data", "province_63_to_34.csv")
    with path.open(encoding="utf-8") as fh:
        expected = {row["code_63"]: row["code_34"] for row in csv.DictReader(fh)}
    assert reference.successor_codes() == expected


def test_regions_of_63_equal_gso_table():
    path = shared_path("data", "vnmap_regions_63.csv")
    with path.open(encoding="utf-8") as fh:
        expected = {row["code"]: row["region_code"] for row in csv.DictReader(fh)}
    assert expected == reference.REGION_OF_63


def test_population_and_area_equal_nso_table():
    path = shared_path("data", "vnmap_nso_province_stats_2024_63.csv")
    with path.open(encoding="utf-8") as fh:
        expected = {
            row["code"]: (int(row["population"]), float(row["area_km2"])) for row in csv.DictReader(fh)
        }
    assert expected == reference.STATS_2024_63


def test_region_rule_for_the_34():
    # The seven new provinces spanning two regions, and the region of their largest-population part
    # (documented in data/demo/README.md).
    split = reference.split_provinces_34()
    assert sorted(split) == ["24", "25", "51", "52", "66", "68", "80"]
    regions = reference.region_of_34()
    assert {code: regions[code] for code in split} == {
        "24": "NMM", "25": "NMM", "51": "NCC", "52": "CH", "66": "CH", "68": "CH", "80": "MRD",
    }  # fmt: skip
    # Provinces within one region keep it.
    for old, new in reference.successor_codes().items():
        if new not in split:
            assert regions[new] == reference.REGION_OF_63[old]


def test_indicators_cover_the_blueprint(tables):
    indicators = tables["indicators"]
    assert len(indicators) >= 16 and indicators["indicator_code"].is_unique
    assert set(indicators["pillar_code"]) == set(tables["pillars"]["pillar_code"]) == set("ABCDE")
    assert set(indicators["aggregation"]) == set(schema.AGGREGATIONS)
    assert sorted(indicators.loc[indicators["headline"], "indicator_code"]) == [
        "MMR",
        "NER_BASIC",
        "POV_MD",
        "WATER_RURAL",
    ]
    assert (indicators["base_year"] == settings.PLAN_BASE_YEAR).all()
    assert (indicators["target_year"] == settings.PLAN_TARGET_YEAR).all()
    ratio = indicators["aggregation"] == "ratio"
    assert (indicators.loc[ratio, "scale"] > 1).all() and (indicators.loc[~ratio, "scale"] == 1).all()
    by_code = indicators.set_index("indicator_code")
    assert by_code.loc["POV_MD", "scale"] == 100 and not by_code.loc["POV_MD", "higher_is_better"]
    assert [b["year"] for b in by_code.loc["POV_MD", "series_breaks"]] == [2022]
    assert by_code.loc["MMR", "scale"] == 100000 and by_code.loc["IMR", "scale"] == 1000
    assert by_code.loc["WATER_RURAL", "limit_value"] == 100 and by_code.loc["NER_BASIC", "limit_value"] == 100


def test_leads_and_ministries(tables):
    leads, ministries, indicators = tables["indicator_leads"], tables["ministries"], tables["indicators"]
    assert leads["ministry_code"].nunique() >= 8
    assert set(leads["ministry_code"]) <= set(ministries["ministry_code"])
    current = leads[leads["valid_to"].isna()].set_index("indicator_code")["ministry_code"]
    assert current.index.is_unique
    assert current.to_dict() == indicators.set_index("indicator_code")["ministry_code"].to_dict()
    assert (
        current["POV_MD"] == "MAE" and current["LABOUR_TRAINED"] == "MOHA" and current["WATER_RURAL"] == "MAE"
    )
    # Each earlier lead ends the day before the next one starts.
    for _, group in leads.groupby("indicator_code"):
        ends, starts = list(group["valid_to"])[:-1], list(group["valid_from"])[1:]
        assert all(
            s == reference.MINISTRY_MERGER_FIRST_DAY and e == reference.MINISTRY_MERGER_LAST_DAY
            for e, s in zip(ends, starts, strict=True)
        )
    # A former ministry has a successor that exists now.
    former = ministries[ministries["valid_to"].notna()]
    current_codes = set(ministries.loc[ministries["valid_to"].isna(), "ministry_code"])
    assert set(former["successor_code"]) <= current_codes


def test_targets(tables):
    targets, indicators = tables["targets"], tables["indicators"]
    assert set(targets["indicator_code"]) <= set(indicators["indicator_code"])
    national_2025 = targets[(targets["area_id"] == "VN") & (targets["year"] == 2025)]
    assert set(national_2025["indicator_code"]) == set(targets["indicator_code"])
    assert national_2025["indicator_code"].is_unique
    low = indicators.set_index("indicator_code")["min_value"]
    high = indicators.set_index("indicator_code")["max_value"]
    better_up = indicators.set_index("indicator_code")["higher_is_better"]
    for row in targets.itertuples():
        bounds = [row.target_value] + ([] if pd.isna(row.target_upper) else [row.target_upper])
        if row.target_type == "level":
            assert all(low[row.indicator_code] <= b <= high[row.indicator_code] for b in bounds)
        else:  # an annual change (points a year) moves in the desired direction
            assert row.target_type == "annual_change"
            assert all((b > 0) == better_up[row.indicator_code] for b in bounds)
        assert row.source_vi and row.source_en


def test_readme_documents_every_file_and_indicator(tables):
    readme = (settings.DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    for file_name, _ in schema.TABLES.values():
        assert f"`{file_name}" in readme, file_name
    for code in tables["indicators"]["indicator_code"]:
        assert f"`{code}`" in readme, code
    assert "SIMULATED" in readme
