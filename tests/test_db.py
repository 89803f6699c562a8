"""The query runner: parameter checks, caching by data version, empty datasets, thread safety."""

from __future__ import annotations

import shutil
import threading

import pandas as pd
import pytest

from ascc import dataset, db, settings
from tests import fixture_data


def test_missing_and_extra_parameters_named(use_fixture):
    with pytest.raises(db.QueryError, match=r"national_trend.*missing parameters \['codes'\]"):
        db.run_query("national_trend")
    with pytest.raises(db.QueryError, match=r"unexpected parameters \['zzz'\]"):
        db.run_query("national_trend", codes=None, zzz=1)


def test_unknown_or_unsafe_query_name(use_fixture):
    with pytest.raises(db.QueryError):
        db.run_query("no_such_query")
    with pytest.raises(db.QueryError):
        db.run_query("../pyproject")


def test_comments_and_strings_do_not_count_as_parameters():
    _, names = db.load_query("national_summary")
    assert names == {"lang", "year", "headline_only"}


def test_results_are_cached_and_copies_are_independent(use_fixture):
    a = db.run_query("national_trend", codes=["POV"])
    a.loc[0, "value"] = -1
    b = db.run_query("national_trend", codes=["POV"])
    assert b.loc[0, "value"] == pytest.approx(9.25)


def test_new_batch_is_seen_without_restart(tmp_path, monkeypatch):
    data = fixture_data.build(tmp_path / "d")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    before = db.run_query("national_trend", codes=["WATER"])
    row = {**fixture_data._ratio("WATER", "VN", 2020, 560, 1000), "batch_id": "fx-0002"}
    dataset.write_results(data, pd.DataFrame([row]), batch_id="fx-0002")
    after = db.run_query("national_trend", codes=["WATER"])
    assert len(after) == len(before) + 1
    assert 2020 in after["year"].tolist()
    db.clear_cache()


def test_latest_batch_wins(tmp_path, monkeypatch):
    data = fixture_data.build(tmp_path / "d")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    row = {**fixture_data._ratio("WATER", "VN", 2024, 640, 1000), "batch_id": "fx-0002"}
    dataset.write_results(data, pd.DataFrame([row]), batch_id="fx-0002")
    df = db.run_query("national_trend", codes=["WATER"]).set_index("year")
    assert df.loc[2024, "value"] == pytest.approx(64.0)
    assert db.run_query("checks/results_unique_key").empty
    db.clear_cache()


def test_dataset_without_results(tmp_path, monkeypatch):
    data = fixture_data.build(tmp_path / "d", kind="official")
    shutil.rmtree(data / "results")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    db.clear_cache()
    df = db.run_query("national_summary", lang="vi", year=None, headline_only=None)
    assert len(df) == 5 and df["latest_value"].isna().all()
    assert db.run_query("years_available").empty
    assert not db.dataset_info().is_demo
    db.clear_cache()


def test_threads_share_one_connection_safely(use_fixture):
    errors, results = [], []

    def work(i):
        try:
            for j in range(20):
                df = db.run_query("provinces_list", lang="vi" if (i + j) % 2 else "en", boundary="63", region=None)
                results.append(len(df))
        except Exception as exc:
            errors.append(exc)

    db.clear_cache()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert set(results) == {4}
