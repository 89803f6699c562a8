"""The query runner: parameter checks, caching by data version, empty datasets, thread safety."""

from __future__ import annotations

import shutil
import threading
import time

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
    # 2020 was computed from the provinces; the published national row now wins
    assert before.set_index("year").loc[2020, "basis"] == "computed"
    assert after.set_index("year").loc[2020, "basis"] == "published"
    assert after.set_index("year").loc[2020, "value"] == pytest.approx(56.0)
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


# --- materialised aggregates (ascc.db.materialise) ---------------------------------------------

_SAMPLE = [
    ("region_summary", dict(lang="en", indicator="POV", boundary="34", year=2020, breakdown="total")),
    ("province_ranking", dict(lang="vi", indicator="POV", boundary="34", year=2020, breakdown="total")),
    ("years_available", {}),
]


def _answers() -> list[pd.DataFrame]:
    return [db.run_query(name, **params) for name, params in _SAMPLE]


def _dataset_with_cache(tmp_path, monkeypatch, **kw):
    """A fresh fixture dataset in force, its aggregates cached under tmp_path/cache."""
    data = fixture_data.build(tmp_path / "d", **kw)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    monkeypatch.setenv(settings.CACHE_DIR_ENV, str(tmp_path / "cache"))
    db.clear_cache()
    return data


def test_aggregates_are_computed_once_and_read_back_by_a_new_connection(tmp_path, monkeypatch):
    data = _dataset_with_cache(tmp_path, monkeypatch, communes=True)
    first = _answers()
    folders = [p for p in (tmp_path / "cache").glob("*/*") if p.is_dir()]
    assert len(folders) == 1 and (folders[0] / "complete").exists()
    assert {p.name for p in folders[0].glob("*.parquet")} == {f"{n}.parquet" for n in db.MATERIALISED}
    # A new process (here: a new connection) reads the folder: the same answers, nothing rebuilt.
    stamp = (folders[0] / "province_results.parquet").stat().st_mtime_ns
    db.clear_cache()
    assert all(a.equals(b) for a, b in zip(first, _answers(), strict=True))
    assert (folders[0] / "province_results.parquet").stat().st_mtime_ns == stamp
    # What the cache holds equals the rules computed from the raw files (no cache at all).
    _, con = db.connection()
    cached = con.execute("select * from province_results order by all").df()
    raw = db._define_views(data.resolve())
    assert cached.equals(raw.execute("select * from province_results order by all").df())
    raw.close()
    db.clear_cache()


def test_processes_meeting_a_new_version_together_compute_it_once(tmp_path, monkeypatch):
    # Replicas behind a load balancer see an import at the same moment; one computes the aggregates,
    # the others wait on the lock file and read its copy. Threads with connections of their own stand
    # in for the processes (flock locks belong to each open file, so they exclude each other as well).
    data = _dataset_with_cache(tmp_path, monkeypatch)
    version = db.dataset_version(data.resolve())
    builds, real_build = [], db._build
    barrier = threading.Barrier(3)

    def counting_build(con, folder):
        builds.append(folder)
        time.sleep(0.3)  # widens the window in which the others arrive
        real_build(con, folder)

    monkeypatch.setattr(db, "_build", counting_build)
    answers, errors = [], []

    def replica():
        try:
            con = db._define_views(data.resolve())
            barrier.wait()
            db.materialise(con, data.resolve(), version)
            answers.append(con.execute("select count(*), sum(value) from province_results").fetchone())
            con.close()
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=replica) for _ in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert len(builds) == 1
    assert len(set(answers)) == 1 and answers[0][0] > 0
    db.clear_cache()


def test_new_data_gets_a_new_cache_folder(tmp_path, monkeypatch):
    data = _dataset_with_cache(tmp_path, monkeypatch)
    before = db.run_query("region_summary", **_SAMPLE[0][1])
    newer = {**fixture_data._ratio("POV", "P63-01", 2020, 1, 1000), "batch_id": "fx-0002"}
    dataset.write_results(data, pd.DataFrame([newer]), batch_id="fx-0002")
    after = db.run_query("region_summary", **_SAMPLE[0][1])
    assert not before.equals(after)
    assert len([p for p in (tmp_path / "cache").glob("*/*") if p.is_dir()]) == 2
    db.clear_cache()


def test_unwritable_cache_folder_computes_in_memory(tmp_path, monkeypatch):
    _dataset_with_cache(tmp_path, monkeypatch)
    expected = _answers()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv(settings.CACHE_DIR_ENV, str(blocker))
    db.clear_cache()
    assert all(a.equals(b) for a, b in zip(expected, _answers(), strict=True))
    db.clear_cache()


def test_version_is_remembered_briefly_and_own_writes_are_seen_at_once(tmp_path, monkeypatch):
    data = fixture_data.build(tmp_path / "d")
    db.clear_cache()
    monkeypatch.setattr(settings, "VERSION_TTL_S", 3600.0)
    first = db.dataset_version(data)
    # Another process's file (written behind this process's back): not seen until the memo expires...
    extra = data / "results" / "year=2020" / "other-process.parquet"
    shutil.copy2(next((data / "results" / "year=2020").glob("*.parquet")), extra)
    assert db.dataset_version(data) == first
    monkeypatch.setattr(settings, "VERSION_TTL_S", 0.0)
    second = db.dataset_version(data)
    assert second != first
    # ...while a write of this process is seen at once, whatever the delay.
    monkeypatch.setattr(settings, "VERSION_TTL_S", 3600.0)
    newer = {**fixture_data._ratio("POV", "P63-01", 2020, 1, 1000), "batch_id": "fx-0003"}
    dataset.write_results(data, pd.DataFrame([newer]), batch_id="fx-0003")
    assert db.dataset_version(data) not in (first, second)
    db.clear_cache()
