"""Versioned import batches of a dataset: the batch log, the import lock, atomic commit, rollback, init.

Storage design (nothing is ever lost, no reader ever sees half a batch):

* Every import that commits is one **batch** with an id ``b<UTC yyyymmddThhmmssfff>-<6 hex>``. Ids
  sort in commit order (a new id is forced above the last one in the log).
* Result rows of a batch live in ``results/year=YYYY/<batch_id>.parquet``, one file per year. Files
  are never rewritten or deleted once committed: an earlier value stays on disk as history.
* The **batch log** ``batches.parquet`` lists entries (seq, batch_id, status committed|withdrawn, when,
  who, file name, sha256, rows, ...). It is rewritten whole on each entry by write-fsync-os.replace,
  so replacing it is the single atomic **commit point** of an import and of a rollback.
* Commit, in order: (1) write every year file into ``.staging/<batch_id>/`` (outside the folder
  queries read) and fsync; (2) move each file into ``results/year=YYYY/`` with os.replace; (3) append
  the log entry (atomic replace); (4) remove the staging folder and refresh the manifest.
  The ``results`` view (ascc/db.py) shows only files of batches the log records as committed and not
  withdrawn, keeping for each indicator x area x year x breakdown the row of the latest batch. A crash
  before (3) leaves at most invisible files (set aside into ``.orphans/`` by the next commit, and removed
  from there after ORPHANS_KEEP_DAYS); a crash after (3) leaves a complete batch. Either way every query
  sees the dataset either wholly before or wholly after.
* **Rollback** appends a ``withdrawn`` entry for a batch: its rows disappear from the view and the
  values they replaced reappear. Nothing is deleted.
* Imports and rollbacks are serialised by ``fcntl.flock`` on ``.import.lock`` in the dataset folder;
  a second one waits up to a timeout, then fails with a clear message.
* A dataset without a log (the bundled demo, test fixtures) shows every file. The first commit into
  such an official dataset registers the batches already on disk as "baseline" entries before
  anything else is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import re
import secrets
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ascc import dataset, schema, settings

LOG_FILE = schema.TABLES["batches"][0]
LOCK_FILE = ".import.lock"
STAGING_DIR = ".staging"
FILE_MODE = 0o644  # dataset files are readable by the app's user, whoever imported them
ORPHANS_DIR = ".orphans"
# Housekeeping before each commit (see recover()): a temporary file of an interrupted write of the log or the
# manifest (".tmp-*" in the dataset folder) older than this is no write in progress (one takes well under a
# second) and is removed; what was set aside into .orphans/ is kept this many days for inspection, then removed.
STALE_TMP_SECONDS = 10 * 60
ORPHANS_KEEP_DAYS = 30
_ORPHANS_STAMP = "%Y%m%dT%H%M%S%f"  # the name of each .orphans/ entry: when recover() made it (UTC)

# How long an import waits for another one to finish before giving up (seconds).
LOCK_TIMEOUT = float(os.environ.get("ASCC_IMPORT_LOCK_TIMEOUT", "60"))

# Test hook for crash-safety tests: "<step>:kill" kills the process with SIGKILL at that step,
# "<step>:sleep=<seconds>" pauses there (to hold the lock or be killed from outside); "<step>:wait=<path>"
# pauses until that file exists (at most 120 s), so a test decides when the lock is let go. Steps: locked,
# staged, moved-1 (after the first file move), moved, logged.
HOOK_ENV = "ASCC_IMPORT_HOOK"

# The reference tables an official dataset starts with (all but the log and results).
REFERENCE_TABLES = ("pillars", "ministries", "indicators", "indicator_leads", "areas", "lineage", "weights")


_ID_RE = re.compile(r"^b\d{8}T\d{9}-[0-9a-f]{6}$")


class BatchError(RuntimeError):
    """A batch operation refused; ``code`` names the reason (a message key ``ingest.reason.<code>``)."""

    def __init__(self, code: str, **params):
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


def _hook(step: str) -> None:
    spec = os.environ.get(HOOK_ENV, "")
    if not spec:
        return
    want, _, action = spec.partition(":")
    if want != step:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action.startswith("sleep="):
        time.sleep(float(action.split("=", 1)[1]))
    elif action.startswith("wait="):
        go, deadline = Path(action.split("=", 1)[1]), time.monotonic() + 120
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.02)


# --- the log ---------------------------------------------------------------------------------------


def log_path(data_dir: Path) -> Path:
    """The batch log of a dataset folder."""
    return Path(data_dir) / LOG_FILE


def read_log(data_dir: Path) -> pd.DataFrame:
    """Every entry of the log, in order (empty with the fixed columns when there is no log)."""
    path = log_path(data_dir)
    if not path.exists():
        return schema.BATCHES.empty_table().to_pandas()
    return pq.read_table(path, schema=schema.BATCHES).to_pandas().sort_values("seq", ignore_index=True)


def _write_atomic(table: pa.Table, target: Path) -> None:
    # As dataset.write_parquet_atomic, but readable by the app's user too (mkstemp creates 0600 files,
    # and the command line may run as another user than the server): the mode is set before the move.
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet.part", dir=target.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.chmod(tmp, FILE_MODE)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        dataset.touched()
        _fsync_dir(target.parent)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_log(data_dir: Path, log: pd.DataFrame) -> None:
    table = pa.Table.from_pandas(log[schema.BATCHES.names], schema=schema.BATCHES, preserve_index=False)
    _write_atomic(table, log_path(data_dir))


def committed_ids(log: pd.DataFrame) -> set[str]:
    """Batches recorded as committed and not withdrawn."""
    done = set(log.loc[log["status"] == "committed", "batch_id"])
    return done - set(log.loc[log["status"] == "withdrawn", "batch_id"])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_batch_id(log: pd.DataFrame, now: dt.datetime | None = None) -> str:
    """A fresh batch id that sorts after every id in the log (the clock may step back)."""
    now = now or _now()
    last = max((b for b in log["batch_id"] if isinstance(b, str) and _ID_RE.match(b)), default=None)
    if last is not None:
        last_time = dt.datetime.strptime(last[1:19] + "000", "%Y%m%dT%H%M%S%f").replace(tzinfo=dt.UTC)
        now = max(now, last_time + dt.timedelta(milliseconds=1))
    stamp = now.strftime("%Y%m%dT%H%M%S") + f"{now.microsecond // 1000:03d}"
    return f"b{stamp}-{secrets.token_hex(3)}"


def _entry(log: pd.DataFrame, **fields) -> pd.DataFrame:
    row = {name: None for name in schema.BATCHES.names}
    row.update(fields)
    row["seq"] = int(log["seq"].max()) + 1 if len(log) else 1
    row["logged_at"] = row["logged_at"] or _now().isoformat(timespec="milliseconds")
    return pd.concat([log, pd.DataFrame([row])], ignore_index=True) if len(log) else pd.DataFrame([row])


# --- the lock --------------------------------------------------------------------------------------


@contextlib.contextmanager
def lock(data_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the dataset's import lock; wait up to ``timeout`` seconds, then raise BatchError("locked")."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    # Opening (O_CREAT without O_TRUNC) never changes the bytes of an existing lock file.
    fd = os.open(Path(data_dir) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BatchError("locked", seconds=f"{timeout:g}") from None
                time.sleep(0.1)
        try:
            _hook("locked")
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# --- files on disk -----------------------------------------------------------------------------------


def _result_files(data_dir: Path) -> list[Path]:
    return sorted((Path(data_dir) / "results").glob("year=*/*.parquet"))


def _batch_ids_in(path: Path) -> set[str]:
    # Imports name a file after its batch; other writers may not (the demo's "demo-0001-communes"),
    # so the rows say which batch they belong to.
    return set(pq.read_table(path, columns=["batch_id"]).column("batch_id").to_pylist())


def ensure_log(data_dir: Path) -> pd.DataFrame:
    """The log, created first if missing: batches already on disk become "baseline" entries.

    Must run under the lock and before any file of a new batch is written, because from the moment
    the log exists only logged batches are visible.
    """
    if log_path(data_dir).exists():
        return read_log(data_dir)
    log = read_log(data_dir)
    found: dict[str, list[Path]] = {}
    for f in _result_files(data_dir):
        for batch_id in _batch_ids_in(f):
            found.setdefault(batch_id, []).append(f)
    for batch_id, files in sorted(found.items()):
        rows = sum(pq.read_table(f, columns=["batch_id"]).column("batch_id").to_pylist().count(batch_id)
                   for f in files)
        years = ",".join(sorted({f.parent.name.removeprefix("year=") for f in files}))
        log = _entry(log, batch_id=batch_id, status="committed", logged_at=None, who="", file_name="",
                     sha256="", rows=rows, indicators="", years=years, note="baseline")
    _write_log(data_dir, log)
    return log


def recover(data_dir: Path, log: pd.DataFrame) -> list[Path]:
    """Set aside what a crashed import left behind: its staging folder and files of unlogged batches.

    Runs under the lock before a commit. Such files were never visible; they are moved (not deleted)
    into ``.orphans/<time>/`` so that even an unfinished delivery can be inspected (for ORPHANS_KEEP_DAYS:
    see tidy()).
    """
    data_dir = Path(data_dir)
    tidy(data_dir)
    moved = []
    quarantine = data_dir / ORPHANS_DIR / _now().strftime(_ORPHANS_STAMP)
    staging = data_dir / STAGING_DIR
    if staging.exists() and any(staging.iterdir()):
        quarantine.mkdir(parents=True, exist_ok=True)
        os.replace(staging, quarantine / STAGING_DIR)
        dataset.touched()
        moved.append(quarantine / STAGING_DIR)
    known = set(log["batch_id"])
    leftovers = [f for f in _result_files(data_dir) if f.stem not in known and not _batch_ids_in(f) <= known]
    leftovers += sorted((data_dir / "results").glob("year=*/.tmp-*"))
    for f in leftovers:
        target = quarantine / f.parent.name / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(f, target)
        dataset.touched()
        moved.append(target)
    return moved


def tidy(data_dir: Path, now: dt.datetime | None = None) -> list[Path]:
    """Remove what is of no more use: stale temporary files of interrupted writes, and old ``.orphans/`` entries.

    Runs under the lock (from recover()), so no import is writing; a temporary file must also be older than
    STALE_TMP_SECONDS, in case a writer outside the lock (a dataset builder) is. Only ``.orphans/`` entries
    named by recover() are removed, once older than ORPHANS_KEEP_DAYS; nothing else is touched.
    """
    data_dir = Path(data_dir)
    now = now or _now()
    removed = []
    for f in sorted(data_dir.glob(".tmp-*")):
        if f.is_file() and not f.is_symlink() and now.timestamp() - f.stat().st_mtime > STALE_TMP_SECONDS:
            f.unlink(missing_ok=True)
            removed.append(f)
    orphans = data_dir / ORPHANS_DIR
    for entry in sorted(orphans.iterdir()) if orphans.is_dir() else []:
        try:
            made = dt.datetime.strptime(entry.name, _ORPHANS_STAMP).replace(tzinfo=dt.UTC)
        except ValueError:
            continue  # not made by recover(): not ours to remove
        if now - made > dt.timedelta(days=ORPHANS_KEEP_DAYS) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
            removed.append(entry)
    return removed


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit(
    data_dir: Path,
    rows: pd.DataFrame,
    *,
    file_name: str,
    sha256: str,
    who: str,
    note: str = "",
    log: pd.DataFrame | None = None,
) -> str:
    """Publish result rows (RESULTS columns + ``year``) as one new batch; return its id.

    The caller holds the lock (``with lock(data_dir):``) and has validated the rows.
    """
    data_dir = Path(data_dir)
    if rows.empty:
        raise BatchError("nothing_to_import")
    log = ensure_log(data_dir) if log is None else log
    recover(data_dir, log)
    batch_id = new_batch_id(log)
    rows = rows.assign(batch_id=batch_id)
    # 1. stage every year's file outside the folder queries read
    staging = data_dir / STAGING_DIR / batch_id
    staged = []
    for year, part in rows.groupby("year", sort=True):
        table = dataset.to_table(part.drop(columns=["year"]), schema.RESULTS)
        target = staging / f"year={int(year)}" / f"{batch_id}.parquet"
        _write_atomic(table, target)
        staged.append((int(year), target))
    _hook("staged")
    # 2. move into place: still invisible, since the log does not name the batch yet
    for i, (year, source) in enumerate(staged):
        folder = data_dir / "results" / f"year={year}"
        folder.mkdir(parents=True, exist_ok=True)
        os.replace(source, folder / source.name)
        dataset.touched()
        _fsync_dir(folder)
        if i == 0:
            _hook("moved-1")
    _hook("moved")
    # 3. the commit point: one atomic replace of the log
    years = ",".join(str(y) for y, _ in staged)
    indicators = ",".join(sorted(rows["indicator_code"].unique()))
    log = _entry(log, batch_id=batch_id, status="committed", logged_at=None, who=who, file_name=file_name,
                 sha256=sha256, rows=len(rows), indicators=indicators, years=years, note=note)
    _write_log(data_dir, log)
    _hook("logged")
    # 4. tidy up; a crash here leaves an empty staging folder, removed by the next commit
    shutil.rmtree(data_dir / STAGING_DIR, ignore_errors=True)
    _touch_manifest(data_dir, batch_id)
    return batch_id


def withdraw(data_dir: Path, batch_id: str, *, who: str, note: str = "", timeout: float | None = None) -> None:
    """Roll a batch back: append a "withdrawn" entry (its files stay on disk as history).

    A batch of the indicator catalogue or of targets (ascc.versions) takes its table back to the version
    without it.
    """
    data_dir = Path(data_dir)
    if dataset.read_manifest(data_dir).get("kind") == "demo":
        raise BatchError("demo_dataset")
    with lock(data_dir, timeout):
        log = read_log(data_dir)
        known = set(log.loc[log["status"] == "committed", "batch_id"])
        if batch_id not in known:
            raise BatchError("unknown_batch", batch=batch_id)
        if batch_id not in committed_ids(log):
            raise BatchError("already_withdrawn", batch=batch_id)
        from ascc import versions  # built on this module

        versions.check_withdraw(data_dir, batch_id, log)
        first = log[(log["batch_id"] == batch_id) & (log["status"] == "committed")].iloc[0]
        log = _entry(log, batch_id=batch_id, status="withdrawn", logged_at=None, who=who, file_name=first["file_name"],
                     sha256=first["sha256"], rows=int(first["rows"]), indicators=first["indicators"],
                     years=first["years"], note=note)
        _write_log(data_dir, log)
        # A batch of the catalogue or of targets: the table in force without it (ascc.versions).
        versions.sync(data_dir, log)
        _touch_manifest(data_dir, f"{batch_id} withdrawn")


def _touch_manifest(data_dir: Path, version: str) -> None:
    # Cosmetic (the log is the record): the sidebar shows the date of the latest change.
    path = Path(data_dir) / schema.MANIFEST_FILE
    if not path.exists():
        return
    manifest = dataset.read_manifest(data_dir)
    _write_manifest(data_dir, {**manifest, "version": version, "data_as_of": _now().date().isoformat()})


def _write_manifest(data_dir: Path, manifest: dict) -> None:
    if manifest.get("kind") not in schema.DATASET_KINDS:
        raise ValueError(f"manifest kind must be one of {schema.DATASET_KINDS}")
    target = Path(data_dir) / schema.MANIFEST_FILE
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2, sort_keys=True)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, FILE_MODE)
    os.replace(tmp, target)
    dataset.touched()


# --- a new official dataset ---------------------------------------------------------------------------


def init_dataset(out: Path, *, source: Path | None = None) -> dict:
    """Create an empty official dataset: reference tables, an empty log, no targets, no results.

    The reference tables are copied from ``source`` (default: the bundled data/ folder) when it holds
    them, else rebuilt by ascc.reference. Refuses a folder that already holds files.
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BatchError("folder_not_empty", folder=str(out))
    out.mkdir(parents=True, exist_ok=True)
    source = Path(source) if source is not None else settings.DEFAULT_DATA_DIR
    files = [schema.TABLES[name][0] for name in REFERENCE_TABLES]
    if all((source / f).is_file() for f in files):
        for f in files:
            shutil.copyfile(source / f, out / f)
        how = f"python -m ascc init-dataset (reference tables copied from {source})"
    else:
        from ascc import reference

        for name, frame in reference.all_tables().items():
            if name in REFERENCE_TABLES:
                _write_atomic(dataset.to_table(frame, schema.TABLES[name][1]), out / schema.TABLES[name][0])
        how = "python -m ascc init-dataset (reference tables rebuilt by ascc.reference)"
    # No targets: an official dataset shows only targets imported with their citations
    # (python -m ascc targets import), never the demo's illustrative ones.
    _write_atomic(schema.TARGETS.empty_table(), out / schema.TABLES["targets"][0])
    _write_log(out, read_log(out))
    (out / LOCK_FILE).touch()
    now = _now()
    manifest = {
        "kind": "official",
        "title_vi": "Bộ dữ liệu chính thức – Đề án 161",
        "title_en": "Official dataset – Project 161",
        "version": "empty",
        "built_at": now.isoformat(timespec="seconds"),
        "data_as_of": now.date().isoformat(),
        "how": how,
        "notice_vi": "Số liệu do các bộ, ngành, địa phương cung cấp qua chức năng nhập dữ liệu.",
        "notice_en": "Figures delivered by ministries and provinces through the import function.",
    }
    _write_manifest(out, manifest)
    return manifest
