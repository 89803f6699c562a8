"""Write and read a dataset folder: tables with fixed schemas, hive-partitioned results, manifest."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ascc import schema

# Bumped by every write of this process (here and in ascc.batches), so that ascc.db sees its own writes
# at once instead of after its version memo expires (settings.VERSION_TTL_S).
_generation = 0


def touched() -> None:
    """Record that this process changed a dataset folder."""
    global _generation
    _generation += 1


def generation() -> int:
    """How many writes this process has made (see touched())."""
    return _generation


def to_table(df: pd.DataFrame, table_schema: pa.Schema) -> pa.Table:
    """Cast a frame to a fixed schema: same columns, same order, same types; extra columns refused."""
    missing = [f.name for f in table_schema if f.name not in df.columns]
    extra = [c for c in df.columns if c not in table_schema.names and c != "year"]
    if missing or extra:
        raise ValueError(f"columns do not match the schema: missing {missing}, unexpected {extra}")
    return pa.Table.from_pandas(df[table_schema.names], schema=table_schema, preserve_index=False)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet_atomic(table: pa.Table, target: Path) -> None:
    """Write a Parquet file next to its target, flush it, then move it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name does not end in .parquet, so no reader's glob can see a half-written file.
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet.part", dir=target.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        touched()
        _fsync_dir(target.parent)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_table(data_dir: Path, name: str, df: pd.DataFrame) -> Path:
    """Write one reference table (not ``results``) with its fixed schema."""
    file_name, table_schema = schema.TABLES[name]
    if name == "results":
        raise ValueError("use write_results for the results folder")
    target = Path(data_dir) / file_name
    write_parquet_atomic(to_table(df, table_schema), target)
    return target


def content_version(out_dir: Path) -> str:
    """Short sha256 over every Parquet file's relative path and bytes (a built dataset's version)."""
    digest = hashlib.sha256()
    for path in sorted(Path(out_dir).rglob("*.parquet")):
        digest.update(path.relative_to(out_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def write_results(data_dir: Path, df: pd.DataFrame, batch_id: str) -> list[Path]:
    """Write result rows (with a ``year`` column) as one file per year partition for one batch.

    Files are named after the batch, so a batch never overwrites another one's rows.
    """
    if "year" not in df.columns:
        raise ValueError("results need a 'year' column")
    written = []
    root = Path(data_dir) / "results"
    for year, part in df.groupby("year", sort=True):
        table = to_table(part.drop(columns=["year"]), schema.RESULTS)
        target = root / f"year={int(year)}" / f"{batch_id}.parquet"
        write_parquet_atomic(table, target)
        written.append(target)
    return written


def write_manifest(data_dir: Path, manifest: dict) -> Path:
    """Write manifest.json (kind must be demo or official)."""
    if manifest.get("kind") not in schema.DATASET_KINDS:
        raise ValueError(f"manifest kind must be one of {schema.DATASET_KINDS}")
    target = Path(data_dir) / schema.MANIFEST_FILE
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2, sort_keys=True)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    touched()
    return target


def read_manifest(data_dir: Path) -> dict:
    """The manifest of a dataset folder; a folder without one is treated as an official dataset."""
    path = Path(data_dir) / schema.MANIFEST_FILE
    if not path.is_file():
        return {"kind": "official", "version": "none", "title_vi": "", "title_en": ""}
    return json.loads(path.read_text(encoding="utf-8"))


def clear_results(data_dir: Path) -> None:
    """Remove the results folder (used by the demo builder before writing afresh)."""
    shutil.rmtree(Path(data_dir) / "results", ignore_errors=True)
