"""The whole-dataset download: every figure, the values the pages show, metadata and sources."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from ascc import bundle, db
from tests import fixture_data
from tests.apptest import new_app


def test_zip_holds_every_figure_and_the_metadata(use_fixture):
    z = zipfile.ZipFile(io.BytesIO(bundle.dataset_zip("en")))
    assert set(z.namelist()) == {"README.txt", "results.csv", "aggregates.csv", "indicators.csv", "targets.csv",
                                 "manifest.json"}
    results = pd.read_csv(z.open("results.csv"))
    raw = fixture_data.results()
    assert len(results) == len(raw)
    merged = results.merge(raw, on=["indicator_code", "area_id", "year", "breakdown"], suffixes=("", "_raw"))
    assert len(merged) == len(raw) and (merged["value"] - merged["value_raw"]).abs().max() < 1e-12
    aggregates = pd.read_csv(z.open("aggregates.csv"))
    vn = aggregates[(aggregates.area_id == "VN") & (aggregates.indicator_code == "POV") & (aggregates.year == 2019)
                    & (aggregates.breakdown == "total")]
    assert set(vn["area_name"]) == {"Viet Nam (3/4 provinces, 75% of population)"}
    trend = db.run_query("national_trend", codes=["POV"]).set_index("year")
    assert vn["value"].iloc[0] == pytest.approx(trend.loc[2019, "value"])  # the same value as the pages
    indicators = pd.read_csv(z.open("indicators.csv"))
    assert indicators.set_index("indicator_code").loc["POV", "series_breaks"].startswith("2022: Chuẩn nghèo mới |")
    assert "DEMO" in z.read("README.txt").decode().upper()  # the fixture is a demo dataset


def test_data_page_offers_the_download(use_fixture):
    at = new_app("pages/data.py", lang="vi")
    assert not at.exception
    assert any("Tải toàn bộ" in b.proto.label for b in at.get("download_button"))


def test_download_queries_have_fixed_columns(use_fixture):
    assert list(db.run_query("download_results", lang="vi").columns) == [
        "indicator_code", "indicator_name", "area_id", "area_name", "level", "boundary_set", "year", "breakdown",
        "value", "unit", "numerator", "denominator", "weight", "status", "source", "batch_id"]
    assert list(db.run_query("download_aggregates", lang="en").columns) == [
        "indicator_code", "indicator_name", "boundary_set", "area_id", "area_name", "year", "breakdown", "value",
        "unit", "basis", "estimated", "n_reported", "n_areas", "pop_share", "status", "source", "batch_id"]
    ind = db.run_query("download_indicators")
    assert ind["indicator_code"].tolist() == ["POV", "WATER", "IDX", "INC", "DIS"]
    assert {"weight_kind", "aggregation", "series_breaks", "source_vi", "source_en"} <= set(ind.columns)
