"""The whole import: check a file, then commit its rows through ascc.batches (all or nothing)."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from ascc import batches, dataset, settings
from ascc.ingest.candidates import extract
from ascc.ingest.layout import find_layout
from ascc.ingest.model import _FATAL, Options, Rejected, Report
from ascc.ingest.reading import read_grid
from ascc.ingest.reference import Reference, load_reference
from ascc.ingest.subtotals import preview
from ascc.ingest.text import column_letter, neutral
from ascc.ingest.validation import validate


def refusal(data_dir: Path) -> str | None:
    """Why a dataset takes no imports: ``demo_dataset`` (simulated), ``bundled_dataset`` (rebuilt from its
    sources by a command), or None."""
    manifest = dataset.read_manifest(data_dir)
    if manifest.get("kind") == "demo":
        return "demo_dataset"
    if manifest.get("bundled"):
        return "bundled_dataset"
    return None


def check(data: bytes, file_name: str, options: Options, ref: Reference | None = None) -> Report:
    """Read and validate a file (writes nothing): the report with its valid rows."""
    report = Report(file_name=Path(file_name).name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                    options=options)
    if options.indicator is not None:
        ref = ref or load_reference()
        code = ref.indicator_code(options.indicator)
        if code is None:
            report.add("unknown_indicator_option", params={"text": options.indicator})
            return report
        options = dataclasses.replace(options, indicator=code)
        report.options = options
    try:
        grid = read_grid(data, file_name, options.sheet)
        report.format = {"kind": grid.kind, "encoding": grid.encoding, "delimiter": grid.delimiter, "sheet": grid.sheet}
        report.problems += grid.notes
        ref = ref or load_reference()
        layout = find_layout(grid, options, report)
    except Rejected as exc:
        report.problems.append(exc.problem)
        return report
    report.layout = layout.kind
    report.indicator = options.indicator
    if options.item and layout.kind == "long":
        report.add("item_ignored", "warning", params={"item": options.item})
    if layout.kind == "wide":
        report.columns_used = [f"{column_letter(c)} ({label})" for c, _, _, label in layout.value_cols]
    candidates = extract(grid, layout, options, report, ref)
    report.n_candidates = len(candidates)
    if not candidates:
        report.add("no_data_rows")
        return report
    report.rows = validate(candidates, layout, grid, report, ref)
    if report.rows.empty and not report.errors:
        report.add("no_data_rows")
    return report


def run_import(data: bytes, file_name: str, options: Options, *, who: str, lock_timeout: float | None = None,
               lang: str = "vi") -> Report:
    """Check a file and, unless it is refused or a dry run, commit its rows as one batch (all or nothing)."""
    data_dir = settings.data_dir()
    refused = refusal(data_dir)
    if refused:
        report = Report(Path(file_name).name, hashlib.sha256(data).hexdigest(), len(data), options)
        report.add(refused, params={"folder": str(data_dir)})
        report.outcome = "refused"
        return report
    ref = load_reference()
    report = check(data, file_name, options, ref)
    if report.n_valid:
        report.preview = preview(report.rows, ref, lang)
        if report.preview.new + report.preview.changed == 0 and not any(p.code in _FATAL for p in report.errors):
            report.add("nothing_new", params={"n": report.preview.unchanged})
    if not report.can_commit:
        report.outcome = "rejected"
        return report
    if options.dry_run:
        report.outcome = "checked"
        return report
    _commit(report, ref, data_dir, who=who, lock_timeout=lock_timeout, lang=lang)
    return report


def _commit(report: Report, ref: Reference, data_dir: Path, *, who: str, lock_timeout: float | None,
            lang: str) -> None:
    """Commit the report's rows as one batch under the dataset's lock, and set the report's outcome."""
    try:
        with batches.lock(data_dir, lock_timeout):
            # Recompare under the lock: another import may have committed since the check. The dataset
            # version this process remembers may be up to settings.VERSION_TTL_S old, so it is read afresh
            # (else the same file imported twice at once commits twice).
            dataset.touched()
            report.preview = preview(report.rows, ref, lang)
            if report.preview.new + report.preview.changed == 0:
                report.add("nothing_new", params={"n": report.preview.unchanged})
                report.outcome = "rejected"
                return
            note = "; ".join(report.columns_used)
            report.batch_id = batches.commit(
                data_dir, report.rows.drop(columns=["src_row"]), file_name=neutral(report.file_name), sha256=report.sha256,
                who=who, note=note,
            )
    except batches.BatchError as exc:
        report.add(exc.code, params=exc.params)
        report.outcome = "refused"
        return
    report.outcome = "committed"
