"""Versioned reference tables (the indicator catalogue, targets, reference weights): each import is a batch of the log,
and a rollback.

Storage design (as for results in ascc.batches: nothing is lost, the batch log is the record):

* ``<name>.parquet`` (``indicators.parquet``, ``targets.parquet``, ``weights.parquet``) is the table in
  force, the file the ``indicators``, ``targets`` and ``weights`` views read (ascc/db.py). Once a table has
  been imported it is always **derived**: the base, then the rows of every batch of that table the log
  records as committed and not withdrawn, in log order.
* ``tables/<name>/base.parquet`` is the table as it was before its first import (written once, by that
  import: for a dataset made by init-dataset, the reference catalogue, an empty targets table and the NSO
  population weights).
* ``tables/<name>/<batch_id>.parquet`` holds the rows one batch delivered. A batch **replaces every row
  of the keys it names** (``KEYS``: an indicator's definition; all targets of an indicator; the weight of
  a kind for a province and year), so replaying the batches in order, the latest batch naming a key wins,
  as the latest batch wins for results. The log entry's ``note`` names the table (``indicators``,
  ``targets`` or ``weights``).
* Commit, under the dataset lock (the caller holds it): (1) write the batch's rows (invisible: no log
  entry names them yet); (2) append the log entry: the commit point; (3) replace ``<name>.parquet`` by
  the replay. ``batches.withdraw`` appends a "withdrawn" entry and replays: the batch's rows disappear
  and the rows they replaced reappear. It refuses to withdraw a catalogue batch while results or targets
  still use an indicator that would leave the catalogue (``check_withdraw``).
* NOTE: (2) and (3) are two atomic replaces, not one. A crash between them leaves ``<name>.parquet`` one
  version behind the log until the next import or withdrawal, which replays every imported table first
  (``sync``). One file for the views to read keeps ascc/db.py and every reader of the tables unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ascc import batches, dataset, schema

VERSIONED = ("indicators", "targets", "weights")
TABLES_DIR = "tables"
BASE = "base"
# The order rows are kept in (the table in force is rewritten whole on each change).
_ORDER = {"indicators": ["sort_order", "indicator_code"], "targets": ["indicator_code", "area_id", "year", "target_type"],
          "weights": ["weight_kind", "area_id", "year"]}
# What a batch's rows replace: every row of the table in force with the same key.
KEYS = {"indicators": ["indicator_code"], "targets": ["indicator_code"], "weights": ["weight_kind", "area_id", "year"]}


def folder(data_dir: Path, name: str) -> Path:
    """Where the base and the batches of a versioned table are kept."""
    return Path(data_dir) / TABLES_DIR / name


def _read(path: Path, name: str) -> pd.DataFrame:
    table_schema = schema.TABLES[name][1]
    if not path.exists():
        return table_schema.empty_table().to_pandas()
    table = pq.read_table(path)
    # A file written before a column was added (an older dataset) gets the column empty.
    for f in table_schema:
        if f.name not in table.column_names:
            table = table.append_column(f.name, pa.nulls(len(table), f.type))
    return table.select(table_schema.names).cast(table_schema).to_pandas()


def current(data_dir: Path, name: str) -> pd.DataFrame:
    """The table in force (empty, with its fixed columns, when the dataset has no such file)."""
    return _read(Path(data_dir) / schema.TABLES[name][0], name)


def table_of(log: pd.DataFrame, batch_id: str) -> str | None:
    """The versioned table a batch of the log delivered, or None for a batch of results."""
    entry = log[(log["batch_id"] == batch_id) & (log["status"] == "committed")]
    if entry.empty:
        return None
    note = entry["note"].iloc[0]
    return note if note in VERSIONED else None


def _batches_of(log: pd.DataFrame, name: str) -> list[str]:
    live = batches.committed_ids(log)
    entries = log[(log["status"] == "committed") & (log["note"] == name)].sort_values("seq")
    return [b for b in entries["batch_id"] if b in live]


def replay(data_dir: Path, name: str, log: pd.DataFrame) -> pd.DataFrame:
    """The table as the log says it is: the base, then each live batch replacing the keys it names."""
    data_dir = Path(data_dir)
    base = folder(data_dir, name) / f"{BASE}.parquet"
    frame = _read(base, name) if base.exists() else current(data_dir, name)
    for batch_id in _batches_of(log, name):
        rows = _read(folder(data_dir, name) / f"{batch_id}.parquet", name)
        keys = KEYS[name]
        kept = frame[~frame.set_index(keys).index.isin(rows.set_index(keys).index)]
        frame = pd.concat([kept, rows], ignore_index=True) if len(kept) else rows
    return frame.sort_values(_ORDER[name], kind="stable", ignore_index=True)


def _table(frame: pd.DataFrame, name: str) -> pa.Table:
    return dataset.to_table(frame, schema.TABLES[name][1])


def _write(frame: pd.DataFrame, name: str, target: Path) -> None:
    batches._write_atomic(_table(frame, name), target)


def sync(data_dir: Path, log: pd.DataFrame) -> list[str]:
    """Rewrite every imported table whose file differs from its replay; return the names rewritten.

    Runs under the lock, after a withdrawal and before an import (recovers from a crash between the log
    entry and the table's replacement).
    """
    data_dir = Path(data_dir)
    done = []
    for name in VERSIONED:
        if not (folder(data_dir, name) / f"{BASE}.parquet").exists():
            continue  # never imported: the file is the table
        wanted = replay(data_dir, name, log)
        if not _table(wanted, name).equals(_table(current(data_dir, name), name)):
            _write(wanted, name, data_dir / schema.TABLES[name][0])
            done.append(name)
    return done


def commit(data_dir: Path, name: str, rows: pd.DataFrame, *, file_name: str, sha256: str, who: str,
           years: str = "") -> str:
    """Publish rows of a versioned table as one new batch; return its id. The caller holds the lock."""
    if name not in VERSIONED:
        raise ValueError(f"{name} is not a versioned table")
    if rows.empty:
        raise batches.BatchError("nothing_to_import")
    data_dir = Path(data_dir)
    log = batches.ensure_log(data_dir)
    sync(data_dir, log)
    base = folder(data_dir, name) / f"{BASE}.parquet"
    if not base.exists():
        _write(current(data_dir, name), name, base)
    batch_id = batches.new_batch_id(log)
    # 1. the batch's rows, invisible until the log names the batch
    _write(rows, name, folder(data_dir, name) / f"{batch_id}.parquet")
    # 2. the commit point
    codes = ",".join(sorted(set(rows["indicator_code"]))) if "indicator_code" in rows else ""
    log = batches._entry(log, batch_id=batch_id, status="committed", logged_at=None, who=who, file_name=file_name,
                         sha256=sha256, rows=len(rows), indicators=codes, years=years, note=name)
    batches._write_log(data_dir, log)
    # 3. the table in force
    _write(replay(data_dir, name, log), name, data_dir / schema.TABLES[name][0])
    batches._touch_manifest(data_dir, batch_id)
    return batch_id


def check_withdraw(data_dir: Path, batch_id: str, log: pd.DataFrame) -> None:
    """Refuse (BatchError "indicator_in_use") to withdraw a catalogue batch while other live batches use
    an indicator that would leave the catalogue (results or targets of it would lose their definition)."""
    if table_of(log, batch_id) != "indicators":
        return
    after = batches._entry(log, batch_id=batch_id, status="withdrawn", logged_at=None)
    gone = set(current(data_dir, "indicators")["indicator_code"]) - set(replay(data_dir, "indicators", after)["indicator_code"])
    if not gone:
        return
    live = batches.committed_ids(log) - {batch_id}
    users = log[(log["status"] == "committed") & log["batch_id"].isin(live)]
    using = [b for b, codes in zip(users["batch_id"], users["indicators"], strict=True)
             if gone & set(str(codes or "").split(","))]
    own_targets = set(current(data_dir, "targets")["indicator_code"]) & gone
    if using or own_targets:
        raise batches.BatchError("indicator_in_use", codes=", ".join(sorted(gone)),
                                 batches=", ".join(using) or "–")
