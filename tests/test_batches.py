"""Batches: init-dataset, the log, latest-batch-wins, rollback, the lock, crash safety, concurrent imports."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from ascc import batches, dataset, db, ingest, schema, settings
from ascc.cli import main as cli_main
from tests import fixture_data
from tests.bad_files.corpus import csv

ROOT = Path(__file__).resolve().parent.parent
SEED = csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2022,40.0", "HH_COMPUTER,Hà Nội,2023,41.0")
TWO_YEARS = csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2022,50.0", "HH_COMPUTER,Hà Nội,2023,53.2")
OLD = {2022: 40.0, 2023: 41.0}
NEW = {2022: 50.0, 2023: 53.2}


@pytest.fixture()
def official(tmp_path, monkeypatch) -> Path:
    """An official dataset (init-dataset) holding one seed batch for Hà Nội 2022-2023."""
    folder = tmp_path / "official"
    batches.init_dataset(folder)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    assert ingest.run_import(SEED, "seed.csv", ingest.Options(), who="seed").outcome == "committed"
    yield folder
    db.clear_cache()


def hanoi() -> dict[int, float]:
    df = db.run_query("ingest_current_values", codes=["HH_COMPUTER"], years=None)
    df = df[df["area_id"] == "P63-01"]
    return dict(zip(df["year"].astype(int), df["value"], strict=True))


def file_hashes(folder: Path) -> dict[str, str]:
    return {str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(folder.rglob("*")) if f.is_file()}


def cli(folder: Path, *args: str, env: dict | None = None, popen: bool = False):
    """Run ``python -m ascc`` in a child process (as a data officer would)."""
    cmd = [sys.executable, "-m", "ascc", *args, "--data-dir", str(folder), "--lang", "en"]
    full_env = {**os.environ, **(env or {})}
    if popen:
        return subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120)


# --- init-dataset -------------------------------------------------------------------------------------------


def test_init_dataset_copies_the_reference_tables_and_holds_no_results(tmp_path, capsys):
    folder = tmp_path / "new"
    assert cli_main(["init-dataset", str(folder), "--lang", "en"]) == 0
    assert "Empty official dataset created" in capsys.readouterr().out
    for name in batches.REFERENCE_TABLES:
        file_name = schema.TABLES[name][0]
        assert (folder / file_name).read_bytes() == (settings.DEFAULT_DATA_DIR / file_name).read_bytes()
    assert dataset.read_manifest(folder)["kind"] == "official"
    assert not (folder / "results").exists()
    assert batches.read_log(folder).empty and (folder / batches.LOG_FILE).exists()
    assert cli_main(["init-dataset", str(folder)]) == 2  # never over an existing dataset


def test_init_dataset_rebuilds_reference_tables_without_a_source(tmp_path):
    (tmp_path / "nothing").mkdir()
    batches.init_dataset(tmp_path / "new", source=tmp_path / "nothing")
    areas = pq.read_table(tmp_path / "new" / "areas.parquet").to_pandas()
    areas = areas[areas["level"] == "province"]
    assert (areas["boundary_set"] == "63").sum() == 63 and (areas["boundary_set"] == "34").sum() == 34
    assert "rebuilt" in dataset.read_manifest(tmp_path / "new")["how"]


# --- the log and the view -----------------------------------------------------------------------------------


def test_batch_ids_sort_in_commit_order_even_if_the_clock_steps_back():
    log = pd.DataFrame({"batch_id": ["b20300101T000000000-aaaaaa"]})
    earlier = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    new = batches.new_batch_id(log, now=earlier)
    assert new > "b20300101T000000000-aaaaaa" and new.startswith("b20300101T000000001-")
    assert batches.new_batch_id(pd.DataFrame({"batch_id": []}), now=earlier).startswith("b20260101T000000000-")


def test_latest_batch_wins_and_rollback_brings_earlier_values_back(official, capsys):
    assert hanoi() == OLD
    version = db.dataset_info().version
    report = ingest.run_import(TWO_YEARS, "new.csv", ingest.Options(), who="officer@molisa.gov.vn")
    assert report.outcome == "committed" and hanoi() == NEW
    assert db.dataset_info().version != version
    assert cli_main(["batches", "--data-dir", str(official), "--lang", "en"]) == 0
    listing = capsys.readouterr().out
    assert report.batch_id in listing and "officer@molisa.gov.vn" in listing and "in use" in listing
    assert cli_main(["rollback", report.batch_id, "--data-dir", str(official), "--note", "wrong file", "--lang", "en"]) == 0
    assert hanoi() == OLD  # the earlier values reappear
    history = db.run_query("batch_list").set_index("batch_id")
    assert history.loc[report.batch_id, "status"] == "withdrawn" and history.loc[report.batch_id, "withdrawn_note"] == "wrong file"
    # Nothing was deleted: the withdrawn batch's files are still on disk.
    assert len(list(official.glob(f"results/year=*/{report.batch_id}.parquet"))) == 2
    assert cli_main(["rollback", report.batch_id, "--data-dir", str(official), "--lang", "en"]) == 1
    assert "already withdrawn" in capsys.readouterr().err
    assert cli_main(["rollback", "b-no-such-batch", "--data-dir", str(official)]) == 1
    log = batches.read_log(official)
    assert log["seq"].tolist() == [1, 2, 3] and log["status"].tolist() == ["committed", "committed", "withdrawn"]


def test_the_first_commit_registers_existing_files_as_a_baseline(tmp_path, monkeypatch):
    folder = fixture_data.build(tmp_path / "d", kind="official")  # results of batch fx-0001, no log
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    before = db.run_query("national_trend", codes=["POV"]).set_index("year")["value"]
    report = ingest.run_import(csv("indicator,area,year,value", "POV,Cả nước,2016,9.0"), "pov.csv", ingest.Options(), who="t")
    assert report.outcome == "committed", report.to_text("en")
    log = batches.read_log(folder)
    assert log["batch_id"].tolist() == ["fx-0001", report.batch_id] and log["note"].iloc[0] == "baseline"
    after = db.run_query("national_trend", codes=["POV"]).set_index("year")["value"]
    assert after[2016] == 9.0 and after.drop(2016).equals(before.drop(2016))
    batches.withdraw(folder, report.batch_id, who="t")
    assert db.run_query("national_trend", codes=["POV"]).set_index("year")["value"].equals(before)
    db.clear_cache()


def test_files_of_unlogged_batches_are_invisible_and_set_aside_by_the_next_commit(official):
    # What a crash between moving a file into place and writing the log leaves behind.
    row = {"indicator_code": "HH_COMPUTER", "area_id": "P63-01", "breakdown": "total", "value": 99.0, "numerator": None,
           "denominator": None, "weight": None, "status": "final", "source": "x", "batch_id": "b20990101T000000000-dead00",
           "year": 2022}
    dataset.write_results(official, pd.DataFrame([row]), batch_id="b20990101T000000000-dead00")
    assert hanoi() == OLD
    assert ingest.run_import(TWO_YEARS, "new.csv", ingest.Options(), who="t").outcome == "committed"
    assert not list(official.glob("results/year=*/b20990101T000000000-dead00.parquet"))
    assert list(official.glob(".orphans/*/year=2022/b20990101T000000000-dead00.parquet"))
    assert hanoi() == NEW


def test_recovery_removes_stale_temporary_files_of_interrupted_writes_and_nothing_else(official):
    # Issue 15 L5: what an interrupted write of the log or the manifest leaves in the dataset folder.
    stale = official / ".tmp-k2j4h1.parquet.part"
    stale.write_bytes(b"PAR1 half a log")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    fresh = official / ".tmp-x8d7f0.json"  # as if another writer were at it now: not touched
    fresh.write_text("{")
    before = file_hashes(official)
    assert ingest.run_import(TWO_YEARS, "new.csv", ingest.Options(), who="t").outcome == "committed"
    assert not stale.exists() and fresh.read_text() == "{"
    after = file_hashes(official)
    rewritten = {batches.LOG_FILE, schema.MANIFEST_FILE, stale.name}  # by the commit itself, and the stale file
    assert {k: v for k, v in before.items() if k not in rewritten} == {k: after[k] for k in before if k not in rewritten}
    assert hanoi() == NEW


def test_orphans_are_kept_for_a_while_then_pruned(official):
    now = dt.datetime.now(dt.UTC)
    stamps = {age: (now - dt.timedelta(days=age)).strftime("%Y%m%dT%H%M%S%f") for age in (1, batches.ORPHANS_KEEP_DAYS + 1)}
    for stamp in stamps.values():
        orphan = official / batches.ORPHANS_DIR / stamp / "year=2022" / "b20990101T000000000-dead00.parquet"
        orphan.parent.mkdir(parents=True)
        orphan.write_bytes(b"PAR1")
    by_hand = official / batches.ORPHANS_DIR / "kept-by-hand" / "note.txt"  # not made by recovery: never removed
    by_hand.parent.mkdir()
    by_hand.write_text("look at this")
    assert ingest.run_import(TWO_YEARS, "new.csv", ingest.Options(), who="t").outcome == "committed"
    left = sorted(p.name for p in (official / batches.ORPHANS_DIR).iterdir())
    assert left == sorted([stamps[1], "kept-by-hand"])
    assert by_hand.read_text() == "look at this" and hanoi() == NEW


def test_rollback_is_refused_on_the_demo_dataset(tmp_path):
    folder = fixture_data.build(tmp_path / "demo")
    with pytest.raises(batches.BatchError) as exc:
        batches.withdraw(folder, "fx-0001", who="t")
    assert exc.value.code == "demo_dataset"


def test_the_lock_times_out_with_a_clear_reason(official):
    with batches.lock(official), pytest.raises(batches.BatchError) as exc, batches.lock(official, timeout=0.2):
        pass
    assert exc.value.code == "locked" and exc.value.params == {"seconds": "0.2"}
    with batches.lock(official, timeout=0.2):
        pass  # released again


# --- crash safety --------------------------------------------------------------------------------------------


def _check_unchanged(folder: Path, before: dict[str, str]) -> None:
    after = file_hashes(folder)
    for name, digest in before.items():
        if name == batches.LOCK_FILE:
            continue
        assert after.get(name) == digest, f"{name} changed"
    db.clear_cache()
    assert hanoi() == OLD  # readable, and queries see the dataset exactly as before


@pytest.mark.parametrize("step", ["locked", "staged", "moved-1", "moved"])
def test_a_crash_before_the_log_entry_changes_nothing_visible(official, tmp_path, step):
    path = tmp_path / "new.csv"
    path.write_bytes(TWO_YEARS)
    before = file_hashes(official)
    proc = cli(official, "import", str(path), env={batches.HOOK_ENV: f"{step}:kill"})
    assert proc.returncode == -signal.SIGKILL, proc.stdout + proc.stderr
    if step == "moved-1":
        # Half of the batch is in the results folder: the view must not show it.
        new_files = [f for f in official.glob("results/year=*/b*.parquet") if str(f.relative_to(official)) not in before]
        assert len(new_files) == 1
    _check_unchanged(official, before)
    if step != "moved-1":
        return
    # The next import works and sets the leftovers aside.
    assert cli(official, "import", str(path)).returncode == 0
    db.clear_cache()
    assert hanoi() == NEW
    assert not (official / batches.STAGING_DIR).exists()
    assert list(official.glob(".orphans/*/year=*/b*.parquet"))


def test_a_crash_after_the_log_entry_leaves_the_whole_batch(official, tmp_path):
    path = tmp_path / "new.csv"
    path.write_bytes(TWO_YEARS)
    proc = cli(official, "import", str(path), env={batches.HOOK_ENV: "logged:kill"})
    assert proc.returncode == -signal.SIGKILL
    db.clear_cache()
    assert hanoi() == NEW


def test_sigkill_from_outside_in_the_middle_of_publishing(official, tmp_path):
    path = tmp_path / "new.csv"
    path.write_bytes(TWO_YEARS)
    before = file_hashes(official)
    proc = cli(official, "import", str(path), env={batches.HOOK_ENV: "moved-1:sleep=60"}, popen=True)
    deadline = time.monotonic() + 60
    while not [f for f in official.glob("results/year=*/b*.parquet") if str(f.relative_to(official)) not in before]:
        assert proc.poll() is None and time.monotonic() < deadline, "the import did not reach the first move"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    _check_unchanged(official, before)


# --- concurrent imports ---------------------------------------------------------------------------------------


def _wait_until_locked(folder: Path, proc) -> None:
    fd = os.open(folder / batches.LOCK_FILE, os.O_RDWR)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "the first import never took the lock"
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
            except BlockingIOError:
                return
            time.sleep(0.05)
    finally:
        os.close(fd)


def test_two_concurrent_imports_are_serialised(official, tmp_path):
    first, second, third = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    first.write_bytes(TWO_YEARS)
    second.write_bytes(csv("indicator,area,year,value", "HH_COMPUTER,Hải Phòng,2023,30.4"))
    third.write_bytes(csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2023,60.0"))
    # The first holds the lock until the test lets it go (not for a fixed time a slow start could outlast).
    go = tmp_path / "go"
    a = cli(official, "import", str(first), env={batches.HOOK_ENV: f"locked:wait={go}"}, popen=True)
    _wait_until_locked(official, a)
    b = cli(official, "import", str(second), env={"ASCC_IMPORT_LOCK_TIMEOUT": "0.3"})
    assert b.returncode == 2 and "Another import is running" in b.stdout
    c = cli(official, "import", str(third), popen=True)  # waits for the first, then commits
    go.touch()
    out_a, _ = a.communicate(timeout=120)
    out_c, _ = c.communicate(timeout=120)
    assert a.returncode == 0 and c.returncode == 0, out_a + out_c
    log = batches.read_log(official)
    ids = log["batch_id"].tolist()
    assert len(ids) == 3 and ids == sorted(ids)  # seed, first, third: ids sort in commit order
    assert "a.csv" in log["file_name"].iloc[1] and "c.csv" in log["file_name"].iloc[2]
    db.clear_cache()
    assert hanoi() == {2022: 50.0, 2023: 60.0}


def test_baseline_files_named_otherwise_than_their_batch_are_kept(tmp_path, monkeypatch):
    # The demo builder writes "demo-0001-communes.parquet" with rows of batch demo-0001.
    folder = fixture_data.build(tmp_path / "d", kind="official")
    extra = folder / "results" / "year=2016" / "fx-0001-extra.parquet"
    (folder / "results" / "year=2016" / "fx-0001.parquet").rename(extra)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    before = len(db.run_query("ingest_current_values", codes=None, years=[2016]))
    report = ingest.run_import(csv("indicator,area,year,value", "POV,Cả nước,2017,9.0"), "pov.csv", ingest.Options(), who="t")
    assert report.outcome == "committed"
    assert extra.exists() and batches.read_log(folder)["batch_id"].tolist() == ["fx-0001", report.batch_id]
    assert len(db.run_query("ingest_current_values", codes=None, years=[2016])) == before
    db.clear_cache()


def test_the_same_file_committed_by_another_process_is_seen_under_the_lock(official, tmp_path, monkeypatch):
    # Issue 15 M2: this process remembers the dataset version for VERSION_TTL_S; another process commits
    # the same file meanwhile. The recheck under the lock must see it: nothing new, no second batch.
    monkeypatch.setattr(settings, "VERSION_TTL_S", 1e9)  # the remembered version never expires by time
    data = csv("indicator,area,year,value", "HH_COMPUTER,Hải Phòng,2023,30.4")
    (tmp_path / "same.csv").write_bytes(data)
    # a dry run in this process: it remembers the version and the answer of the comparison query
    dry = ingest.run_import(data, "same.csv", ingest.Options(dry_run=True), who="test")
    assert dry.outcome == "checked" and dry.preview.new == 1
    assert cli(official, "import", str(tmp_path / "same.csv")).returncode == 0  # another process commits it
    report = ingest.run_import(data, "same.csv", ingest.Options(), who="test")
    assert report.outcome == "rejected" and "nothing_new" in [p.code for p in report.problems]
    log = batches.read_log(official)
    assert (log["sha256"] == hashlib.sha256(data).hexdigest()).sum() == 1
