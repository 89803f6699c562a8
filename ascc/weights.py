"""Import and export of reference weights (population, households ... per province and year), each import one batch.

``python -m ascc weights import FILE [--derive-new]`` / ``python -m ascc weights export FILE``

File
    Read as catalogue and targets files are (ascc.catalogue.read_sheet: CSV or XLSX, a header row within
    the first 30 rows, one decimal mark per file). Columns:

    area         a province id of either set (``P63-24``, ``P34-24``), or a province name, matched as the
                 results importer matches names: on the boundaries of the row's year (the 63 former
                 provinces up to 2024, the 34 new ones from 2025). A name of the other set is refused with
                 its id to write instead (NSO's 2025 tables are still on the 63: give those by id).
    year         a whole year in ingest.YEAR_MIN..YEAR_MAX
    weight_kind  one of schema.WEIGHT_KINDS but ``none`` (or its name: "dân số", "số hộ", "live births" ...)
    value        a count above 0 (persons, households, live births ...; thousands separators as the
                 results importer reads them)
    source_vi, source_en  the publisher and table; one language is enough (it fills the other, with a note)

    One row per weight kind x province x year (a key given twice is refused). ``export`` writes the table
    in force in this form (ids in ``area``), so an exported file re-imports unchanged.

A batch **replaces the weights of the (weight_kind, area, year) keys it names**; every other weight stays.
It is checked whole (row/column messages in both languages), committed under the dataset lock as one
batch of the log with note ``weights`` and withdrawn with ``python -m ascc rollback BATCH`` (storage:
ascc.versions). Imports into the demo dataset are refused.

``--derive-new`` (``derive_new=True``): for each kind and year of the file, a new province the file gives no
weight for gets the **sum of its former provinces** (through ``lineage``) when the file gives every one of
them; the report lists the provinces computed so, and those left out because a former province is missing.
The derived rows belong to the batch (a rollback withdraws them too).
"""

from __future__ import annotations

import hashlib
import math
import statistics
import sys
from pathlib import Path

import pandas as pd

from ascc import batches, catalogue, db, i18n, ingest, schema, settings, versions
from ascc.catalogue import Checker, Report, Row, Sheet, _diff, _records, read_sheet
from ascc.i18n import t
from ascc.ingest import Rejected, _text, key

TABLE = "weights"
COLUMNS = ("area", "year", "weight_kind", "value", "source_vi", "source_en")
REQUIRED = ("area", "year", "weight_kind", "value")
KINDS = tuple(k for k in schema.WEIGHT_KINDS if k != "none")
# Header aliases besides the column names themselves (compared after ingest.key()).
ALIASES = {
    "area": {"area id", "ma dia ban", "dia ban", "tinh", "tinh thanh", "tinh thanh pho", "province", "ma tinh"},
    "year": {"nam"},
    "weight_kind": {"kind", "loai trong so", "loai", "trong so"},
    "value": {"gia tri", "weight", "so luong"},
    "source_vi": {"nguon"},
    "source_en": {"source"},
}
# Names of the kinds in files (compared after ingest.key()).
KIND_ALIASES = {key(k): k for k in KINDS} | {
    "dan so": "population", "so dan": "population",
    "ho": "households", "so ho": "households", "ho gia dinh": "households", "so ho gia dinh": "households",
    "tre de song": "live_births", "so tre de song": "live_births", "sinh song": "live_births",
    "luc luong lao dong": "labour_force", "labor force": "labour_force",
}
# A file whose values are this many times those in force for the same provinces is warned (a unit slip:
# NSO tables give population in thousands).
SCALE_WARNING = 20.0


def _kind_names(kind: str) -> dict:
    return {lang: t(f"weight_kind.{kind}", lang) for lang in i18n.LANGS}


# --- checking -------------------------------------------------------------------------------------------------


class Areas:
    """The provinces of both sets, how names are matched, and which former provinces make each new one."""

    def __init__(self, frame: pd.DataFrame):
        self.matcher = ingest.AreaMatcher(frame)
        provinces = frame[frame["level"] == "province"]
        self.members: dict[str, list[str]] = {a: [] for a in provinces.loc[provinces["boundary_set"] == "34", "area_id"]}
        for former, successor in zip(provinces["area_id"], provinces["successor_id"], strict=True):
            if isinstance(successor, str) and successor in self.members:
                self.members[successor].append(former)

    def names(self, ids: list[str]) -> dict:
        return {lang: ", ".join(f"{a} {self.matcher.name(a, lang)}" for a in ids) for lang in i18n.LANGS}


def _area(ck: Checker, row: Row, areas: Areas, year: int) -> str | None:
    """The province id a row names (an id of either set, or a name on the year's boundaries), else None."""
    label = ck.text(row, "area")
    if ck.bad:
        return None
    if not label:
        ck.add("missing_area", row, "area")
        return None
    matcher = areas.matcher
    known = matcher.areas.get(label.upper())
    if known is not None:  # an id: either set, any year
        if known["level"] != "province":
            ck.add("weight_not_province", row, "area", text=label)
            return None
        return label.upper()
    m = matcher.match(label, year)
    if m.kind == "province":
        if m.fuzzy:
            ck.add("area_fuzzy", row, "area", "warning", text=label, name=matcher.name(m.area_id))
        return m.area_id
    if m.kind in ("nation", "region"):
        ck.add("weight_not_province", row, "area", text=label)
    elif m.kind == "other_set":
        bset = matcher.boundary_set(year)
        ck.add("weight_area_other_set", row, "area", text=label, year=year, boundary=bset,
               other="63" if bset == "34" else "34", area_id=m.area_id)
    elif m.kind == "ambiguous":
        ck.add("ambiguous_area", row, "area", text=label, candidates=m.candidates[:8])
    else:
        ck.add("unknown_area", row, "area", text=label, year=year, suggestion=m.candidates[0] if m.candidates else "–")
    return None


def check_rows(sheet: Sheet, report: Report, areas: Areas) -> list[dict]:
    """Validate weight rows; return them (WEIGHTS columns + src_row)."""
    ck = Checker(sheet, report, ("value",))
    seen: dict[tuple, int] = {}
    out: list[dict] = []
    for row in sheet.rows:
        ck.start()
        if ck.formula(row, "year"):
            continue
        year, _ = ingest._year(ck.raw(row, "year"))
        if year is None:
            ck.add("bad_year", row, "year", text=_text(ck.raw(row, "year")) or "–")
            continue
        if not ingest.YEAR_MIN <= year <= ingest.YEAR_MAX:
            ck.add("year_out_of_range", row, "year", year=year, low=ingest.YEAR_MIN, high=ingest.YEAR_MAX)
            continue
        area_id = _area(ck, row, areas, year)
        formula = ck.formula(row, "weight_kind")
        kind_raw = None if formula else _text(ck.raw(row, "weight_kind"))
        kind = KIND_ALIASES.get(key(kind_raw)) if kind_raw else None
        if kind is None and not formula:
            ck.add("bad_choice", row, "weight_kind", text=kind_raw or "–", choices=KINDS)
        value = ck.number(row, "value")
        source_vi, source_en = ck.text(row, "source_vi"), ck.text(row, "source_en")
        if ck.bad:
            continue
        if value is None:
            ck.add("weight_no_value", row, "value")
            continue
        if value <= 0:
            ck.add("bad_weight", row, "value", value=float(value))
            continue
        if not source_vi and not source_en:
            ck.add("weight_no_source", row, "source_vi" if "source_vi" in row.cells else "source_en")
            continue
        if not source_vi or not source_en:
            filled, given = ("source_vi", "source_en") if not source_vi else ("source_en", "source_vi")
            ck.add("citation_filled", row, given, "info", filled=filled, given=given)
            source_vi, source_en = source_vi or source_en, source_en or source_vi
        k = (kind, area_id, year)
        if k in seen:
            ck.add("duplicate_weight", row, "area", first=seen[k], kind=_kind_names(kind), area=area_id, year=year)
            continue
        seen[k] = row.row
        out.append({"src_row": row.row, "area_id": area_id, "year": year, "weight_kind": kind,
                    "value": float(value), "source_vi": source_vi, "source_en": source_en})
    report.n_candidates = len(sheet.rows)
    return out


def derive_new(rows: list[dict], areas: Areas, report: Report) -> list[dict]:
    """The new provinces' weights as the sum of their former provinces', per kind and year of the file,
    where the file gives every former province and not the new one (reported per kind and year)."""
    given = {(r["weight_kind"], r["area_id"], r["year"]): r for r in rows}
    former = {f for members in areas.members.values() for f in members}
    out = []
    for kind, year in sorted({(k, y) for k, a, y in given if a in former}):
        done, missing = [], []
        for new_id, members in sorted(areas.members.items()):
            parts = [given.get((kind, f, year)) for f in members]
            if (kind, new_id, year) in given or not any(parts):
                continue
            if not all(parts):
                missing.append(new_id)
                continue
            sources = {lang: "; ".join(sorted({p[f"source_{lang}"] for p in parts})) for lang in i18n.LANGS}
            out.append({"src_row": None, "area_id": new_id, "year": year, "weight_kind": kind,
                        "value": float(sum(p["value"] for p in parts)),
                        **{f"source_{lang}": t("weights.derived_source", lang, sources=sources[lang])
                           for lang in i18n.LANGS}})
            done.append(new_id)
        if done:
            report.add("weights_derived", "info", params={"kind": _kind_names(kind), "year": year, "n": len(done),
                                                          "areas": areas.names(done)})
        if missing:
            report.add("weights_not_derived", "warning", params={"kind": _kind_names(kind), "year": year,
                                                                 "n": len(missing), "areas": areas.names(missing)})
    return out


def _check_scale(rows: list[dict], current: pd.DataFrame, report: Report) -> None:
    """Warn once per kind when the file's values are far from those in force for the same provinces."""
    held: dict[tuple[str, str], dict[int, float]] = {}
    for r in _records(current):
        held.setdefault((r["weight_kind"], r["area_id"]), {})[int(r["year"])] = r["value"]
    ratios: dict[str, list[float]] = {}
    for r in rows:
        years = held.get((r["weight_kind"], r["area_id"]))
        if years:
            nearest = min(years, key=lambda y: (abs(y - r["year"]), y))
            ratios.setdefault(r["weight_kind"], []).append(r["value"] / years[nearest])
    for kind, values in sorted(ratios.items()):
        factor = statistics.median(values)
        if not 1 / SCALE_WARNING <= factor <= SCALE_WARNING:
            rounded = float(f"{factor:.1g}")  # one significant digit: 0.001, 1,000
            decimals = max(0, -math.floor(math.log10(rounded)))
            shown = {lang: i18n.fmt_number(rounded, lang, decimals) for lang in i18n.LANGS}
            report.add("weight_scale", "warning", params={"kind": _kind_names(kind), "factor": shown})


def _changed(old: dict, new: dict) -> list[str]:
    # Counts read back from a file equal the stored float up to its last bits (NSO's thousands x 1,000).
    return [c for c in _diff(old, new) if c != "value" or not math.isclose(old[c], new[c], rel_tol=1e-9)]


def _key(r: dict) -> tuple:
    return (r["weight_kind"], r["area_id"], int(r["year"]))


def compare(report: Report, rows: pd.DataFrame, current: pd.DataFrame) -> None:
    """Count new, changed and unchanged weights against the table in force (nothing is removed)."""
    old = {_key(r): r for r in _records(current)}
    catalogue.tally(report, old, {_key(r): r for r in _records(rows.drop(columns=["src_row"]))}, diff=_changed)


def _new_report(data: bytes, file_name: str) -> Report:
    return Report(Path(file_name).name, hashlib.sha256(data).hexdigest(), len(data), table=TABLE)


def check(data: bytes, file_name: str, data_dir: Path, sheet: str | None = None, *, derive: bool = False) -> Report:
    """Read and validate a weights file against the dataset's areas and weights in force (writes nothing)."""
    report = _new_report(data, file_name)
    try:
        parsed = read_sheet(data, file_name, TABLE, sheet, report, names=COLUMNS, anchor="area", required=REQUIRED,
                            aliases=ALIASES)
    except Rejected as exc:
        report.problems.append(exc.problem)
        return report
    if not parsed.rows:
        report.add("no_data_rows")
        return report
    areas = Areas(db.run_query("ingest_areas"))
    current = versions.current(data_dir, TABLE)
    rows = check_rows(parsed, report, areas)
    _check_scale(rows, current, report)
    if derive:
        rows += derive_new(rows, areas, report)
    report.rows = pd.DataFrame(rows, columns=["src_row", *schema.WEIGHTS.names])
    if not report.errors and rows:
        compare(report, report.rows, current)
        if report.new + report.changed == 0:
            report.add("nothing_changed", params={"n": report.unchanged})
    return report


def run_import(data: bytes, file_name: str, *, who: str, dry_run: bool = False, sheet: str | None = None,
               derive: bool = False, lock_timeout: float | None = None) -> Report:
    """Check a weights file and, unless it has errors or this is a dry run, commit it as one batch."""
    data_dir = settings.data_dir()
    refused = ingest.refusal(data_dir)  # the demo, or a bundled dataset rebuilt from its sources
    if refused:
        report = _new_report(data, file_name)
        report.add(refused, params={"folder": str(data_dir)})
        report.outcome = "refused"
        return report
    if dry_run:
        report = check(data, file_name, data_dir, sheet, derive=derive)
        report.outcome = "checked" if report.can_commit else "rejected"
        return report
    try:
        with batches.lock(data_dir, lock_timeout):
            report = check(data, file_name, data_dir, sheet, derive=derive)  # against the weights as they are now
            if not report.can_commit:
                report.outcome = "rejected"
                return report
            rows = report.rows.drop(columns=["src_row"])
            years = ",".join(str(y) for y in sorted(set(rows["year"])))
            report.batch_id = versions.commit(data_dir, TABLE, rows, file_name=report.file_name,
                                              sha256=report.sha256, who=who, years=years)
    except batches.BatchError as exc:
        report = _new_report(data, file_name)
        report.add(exc.code, params=exc.params)
        report.outcome = "refused"
        return report
    report.outcome = "committed"
    return report


# --- export ----------------------------------------------------------------------------------------------------------


def export(path: Path, data_dir: Path) -> int:
    """Write the weights in force to a CSV or XLSX file (by extension); return the number of rows."""
    frame = versions.current(data_dir, TABLE)
    values = [round(float(v), 6) for v in frame["value"]]  # no float noise (524200.00000000006) in the file
    rows = [[r["area_id"], int(r["year"]), r["weight_kind"], int(v) if v.is_integer() else v, r["source_vi"],
             r["source_en"]] for r, v in zip(_records(frame), values, strict=True)]
    return catalogue.write_rows(path, TABLE, COLUMNS, rows)


# --- command line (registered in ascc/cli.py) ------------------------------------------------------------------------


def cli_command(args) -> int:
    """``python -m ascc weights import|export FILE``."""
    folder = ingest._use_data_dir(args)
    path = Path(args.file)
    if args.action == "export":
        try:
            n = export(path, folder)
        except Rejected as exc:
            print(exc.problem.message(args.lang), file=sys.stderr)
            return 2
        print(t("catalogue.exported_weights", args.lang, n=n, path=path.resolve()))
        return 0
    if not path.is_file():
        print(t("cli.no_file", args.lang, path=path), file=sys.stderr)
        return 2
    data = path.read_bytes() if path.stat().st_size <= ingest.MAX_FILE_BYTES else b"\0" * (ingest.MAX_FILE_BYTES + 1)
    report = run_import(data, path.name, who=ingest._who(args), dry_run=args.dry_run, sheet=args.sheet,
                        derive=args.derive_new)
    print(report.to_text(args.lang))
    if report.outcome == "committed":
        db.connection()  # the new version's aggregates, computed now (as after an import of results)
    if report.outcome in ("committed", "checked"):
        return 0
    return 2 if report.outcome == "refused" else 1
