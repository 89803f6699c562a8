"""Plausibility of a file's values as a whole: a pattern that no single value shows.

Shares written as fractions
    A file giving 0.034 for 3.4 % passes every rule of a single value (0.034 % is a possible percentage; a
    rich province's poverty rate may be 0.5 %). The pattern gives it away: for an indicator measured in %, (nearly)
    all of one year's values of the file lie between 0 and 1 while the figures of the same areas (the dataset's,
    and the file's other years) are about a hundred times larger. Such a year is refused whole, with examples and
    the value meant: stored as they are, the figures would be a hundred times too small on every page, and a
    warning would let them through. Areas are compared with themselves only: a province may well be forty
    times below the national rate. NOTE: with no figures of the same areas to compare (a new indicator), a
    fraction file is not recognised.
"""

from __future__ import annotations

import pandas as pd

from ascc import db, i18n
from ascc.i18n import t
from ascc.ingest.model import Report
from ascc.ingest.reference import Reference

FRACTION_SHARE = 0.9  # of one year's values of an indicator in the file, between 0 and 1
FRACTION_RATIO = 30  # the same areas' figures are at least this many times larger (median; 100 for a fraction)
FRACTION_MIN_COMPARED = 3  # areas compared, at least


def _fmt(value: float, lang: str) -> str:
    return i18n.fmt_number(value, lang, 4).rstrip("0").rstrip(",.") or "0"


def refuse_fraction_shares(frame: pd.DataFrame, cells: list[tuple[int | None, str | None, bool]], report: Report,
                           ref: Reference) -> pd.DataFrame:
    """The valid rows without the years of a % indicator given as fractions (each such year reported once).

    ``cells`` gives, for each row of ``frame``, the value's column, its header and whether it was written with
    a % sign (or formatted as % in Excel): such a value says what it means and is left out of the pattern.
    """
    percent = [c for c in frame["indicator_code"].unique() if str(ref.indicators.loc[c, "unit_en"]).startswith("%")]
    if frame.empty or not percent:
        return frame
    current = db.run_query("ingest_current_values", codes=sorted(percent), years=None)
    known = pd.concat([current[["indicator_code", "area_id", "breakdown", "year", "value"]],
                       frame[["indicator_code", "area_id", "breakdown", "year", "value"]]], ignore_index=True)
    drop = pd.Series(False, index=frame.index)
    for (code, year), group in frame[frame["indicator_code"].isin(percent)].groupby(["indicator_code", "year"]):
        plain = group[[not cells[i][2] for i in group.index]]
        small = plain[(plain["value"] >= 0) & (plain["value"] <= 1)]
        if len(plain) < FRACTION_MIN_COMPARED or len(small) < FRACTION_SHARE * len(plain):
            continue
        others = known[(known["indicator_code"] == code) & (known["year"].astype(int) != int(year))
                       & (known["value"] > 1)]
        by_area = dict(iter(others.groupby(["area_id", "breakdown"])))
        compared = []  # (the file's row index, the area's figure of the nearest year, that year)
        for i, r in small[small["value"] > 0].iterrows():
            same = by_area.get((r["area_id"], r["breakdown"]))
            if same is not None:
                near = same.loc[(same["year"].astype(int) - int(year)).abs().idxmin()]
                compared.append((i, float(near["value"]), int(near["year"])))
        if len(compared) < FRACTION_MIN_COMPARED:
            continue
        ratio = pd.Series([v / frame.loc[i, "value"] for i, v, _ in compared]).median()
        if ratio < FRACTION_RATIO:
            continue
        drop |= frame.index.isin(group.index)
        _report(frame, cells, report, ref, code, int(year), small, len(group), compared, ratio)
    return frame[~drop].reset_index(drop=True)


def _report(frame, cells, report, ref, code, year, small, total, compared, ratio) -> None:
    first = small.index[0]
    col, header, _ = cells[first]
    examples, seen = {}, {}
    for lang in ("vi", "en"):
        examples[lang] = "; ".join(
            f"{t('ingest.where.row', lang, row=frame.loc[i, 'src_row']).lower()}: {_fmt(frame.loc[i, 'value'], lang)}"
            for i in small.index[:3]) + ("; …" if len(small) > 3 else "")
        i, value, near_year = compared[0]
        seen[lang] = f"{ref.matcher.name(frame.loc[i, 'area_id'], lang)} {near_year}: {_fmt(value, lang)}"
    report.add("percent_as_fraction", row=int(frame.loc[first, "src_row"]), col=col, header=header, params={
        "indicator": code, "year": year, "n": len(small), "total": total, "examples": examples, "compare": seen,
        "ratio": int(round(ratio)), "meant": {lang: _fmt(frame.loc[first, "value"] * 100, lang) for lang in ("vi", "en")},
    })
