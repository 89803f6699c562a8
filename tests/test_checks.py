"""Data invariants in queries/checks/ return zero rows on the fixture and on the bundled dataset,
and do catch broken data."""

from __future__ import annotations

import pandas as pd
import pytest

from ascc import dataset, db, settings
from tests import fixture_data

CHECKS = [q for q in db.query_names() if q.startswith("checks/")]


def test_there_are_checks():
    assert len(CHECKS) >= 6


@pytest.mark.parametrize("check", CHECKS)
def test_fixture_passes(use_fixture, check):
    bad = db.run_query(check)
    assert bad.empty, bad.head().to_string()


@pytest.mark.parametrize("check", CHECKS)
def test_bundled_dataset_passes(use_bundled, check):
    if not (settings.DEFAULT_DATA_DIR / "areas.parquet").exists():
        pytest.skip("bundled dataset not built")
    bad = db.run_query(check)
    assert bad.empty, bad.head().to_string()


def _broken(tmp_path, monkeypatch, rows):
    data = fixture_data.build(tmp_path / "d")
    dataset.write_results(data, pd.DataFrame(rows), batch_id="fx-0002")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    db.clear_cache()


def test_checks_catch_inconsistent_ratio_and_unknown_area(tmp_path, monkeypatch):
    wrong = {**fixture_data._ratio("WATER", "VN", 2019, 500, 1000), "value": 55.0, "batch_id": "fx-0002"}
    unknown = {**fixture_data._ratio("WATER", "P63-99", 2019, 5, 10), "batch_id": "fx-0002"}
    wrong_set = {**fixture_data._ratio("WATER", "P34-01", 2019, 5, 10), "batch_id": "fx-0002"}
    too_late = {**fixture_data._ratio("WATER", "P63-02", 2026, 5, 10), "batch_id": "fx-0002"}
    # 2025 on a former province is allowed: the statistics office published 2025 on the 63 provinces
    former_2025 = {**fixture_data._ratio("DIS", "P63-02", 2025, 5, 10), "batch_id": "fx-0002"}
    _broken(tmp_path, monkeypatch, [wrong, unknown, wrong_set, too_late, former_2025])
    assert len(db.run_query("checks/results_ratio_consistent")) == 1
    assert db.run_query("checks/results_known_keys")["area_id"].tolist() == ["P63-99"]
    assert sorted(db.run_query("checks/results_boundary_period")["area_id"]) == ["P34-01", "P63-02"]
    assert db.run_query("checks/results_boundary_period")["year"].astype(int).tolist().count(2026) == 1
    db.clear_cache()


def test_check_catches_breakdown_not_adding_up(tmp_path, monkeypatch):
    row = {**fixture_data._ratio("POV", "P63-02", 2016, 1, 50, breakdown="residence:urban"), "batch_id": "fx-0002"}
    _broken(tmp_path, monkeypatch, [row])
    assert len(db.run_query("checks/breakdowns_partition_total")) == 1
    db.clear_cache()
