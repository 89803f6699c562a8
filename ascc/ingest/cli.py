"""The import commands of the command line (registered in ascc/cli.py)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ascc import batches, db, settings, versions
from ascc.i18n import t
from ascc.ingest.constants import MAX_FILE_BYTES
from ascc.ingest.model import Options
from ascc.ingest.pipeline import run_import


def _use_data_dir(args) -> Path:
    # The query runner reads the dataset folder from the environment: point it at --data-dir.
    folder = (getattr(args, "data_dir", None) or settings.data_dir()).resolve()
    os.environ[settings.DATA_DIR_ENV] = str(folder)
    return folder


def _who(args) -> str:
    return args.who or f"cli:{getpass.getuser()}"


def cli_init_dataset(args) -> int:
    """python -m ascc init-dataset DIR [--from DIR]"""
    try:
        batches.init_dataset(args.dir, source=args.source)
    except batches.BatchError as exc:
        print(t(f"ingest.reason.{exc.code}", args.lang, **exc.params), file=sys.stderr)
        return 2
    print(t("cli.init.done", args.lang, folder=args.dir.resolve()))
    return 0


def cli_import(args) -> int:
    """python -m ascc import FILE ...: exit 0 only when the batch committed (or, in a dry run, would)."""
    _use_data_dir(args)
    path = Path(args.file)
    if not path.is_file():
        print(t("cli.no_file", args.lang, path=path), file=sys.stderr)
        return 2
    # A file over the limit is not read: its size alone decides.
    data = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else b"\0" * (MAX_FILE_BYTES + 1)
    options = Options(args.indicator, args.year, args.sheet, args.dry_run, args.valid_only, item=args.item)
    report = run_import(data, path.name, options, who=_who(args), lang=args.lang)
    print(report.to_text(args.lang))
    if report.outcome == "committed":
        db.connection()  # compute the new version's aggregates now, so the dashboard's next visitor does not wait
    if report.outcome in ("committed", "checked"):
        return 0
    return 2 if report.outcome == "refused" else 1


def cli_batches(args) -> int:
    """python -m ascc batches: the batch log, newest first."""
    folder = _use_data_dir(args)
    df = db.run_query("batch_list")
    if df.empty:
        print(t("cli.batches.none", args.lang, folder=folder))
        return 0
    cols = {"batch_id": "data.col.batch", "status": "data.col.status", "committed_at": "data.col.when",
            "who": "data.col.who", "file_name": "data.col.file", "rows": "data.col.rows",
            "indicators": "data.col.indicators", "years": "data.col.years"}
    shown = df[list(cols)].assign(status=[t(f"data.batch.{s}", args.lang) for s in df["status"]])
    print(shown.rename(columns={k: t(v, args.lang) for k, v in cols.items()}).to_string(index=False))
    return 0


def cli_rollback(args) -> int:
    """python -m ascc rollback BATCH: withdraw a batch (a new log entry; nothing is deleted)."""
    folder = _use_data_dir(args)
    table = versions.table_of(batches.read_log(folder), args.batch)  # a batch of the catalogue or of targets?
    try:
        batches.withdraw(folder, args.batch, who=_who(args), note=args.note)
    except batches.BatchError as exc:
        print(t(f"ingest.reason.{exc.code}", args.lang, **{"folder": folder, **exc.params}), file=sys.stderr)
        return 1
    db.connection()  # the aggregates of the version without the batch, computed now (see cli_import)
    print(t(f"cli.rollback.done_{table}" if table else "cli.rollback.done", args.lang, batch=args.batch))
    return 0
