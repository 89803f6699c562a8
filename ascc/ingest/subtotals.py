"""Published subtotals compared with the imported provinces, and the preview against what is shown now."""

from __future__ import annotations

import pandas as pd

from ascc import db, rules
from ascc.i18n import t
from ascc.ingest.areas import AreaMatcher
from ascc.ingest.constants import APPROX_TOLERANCE
from ascc.ingest.model import Preview, Report
from ascc.ingest.reference import Reference, ind_decimals


def compare_subtotals(rows: pd.DataFrame, report: Report, ref: Reference, year_sets: dict[int, str] | None = None) -> None:
    """Compare the nation row and region rows with the aggregate of the imported provinces; warn when they differ.

    ``year_sets`` gives the boundary set a year's provinces are on (default: AreaMatcher.boundary_set).
    """
    published = rows[(rows["area_id"] == "VN") | rows["area_id"].str.startswith("R-")]
    items = [
        {"row": int(r.src_row), "col": None, "area_id": r.area_id, "indicator_code": r.indicator_code,
         "year": int(r.year), "breakdown": r.breakdown, "value": float(r.value), "numerator": r.numerator,
         "denominator": r.denominator}
        for r in published.itertuples()
    ]
    if not items:
        return
    provinces = rows.merge(ref.areas[["area_id", "boundary_set", "region_code", "population", "level"]], on="area_id")
    provinces = provinces[provinces["level"] == "province"]
    for item in items:
        bset = (year_sets or {}).get(item["year"]) or AreaMatcher.boundary_set(item["year"])
        _compare_subtotal(item, provinces, report, ref, bset)


def _members(item: dict, ref: Reference, bset: str) -> pd.DataFrame:
    """The provinces a subtotal covers: those of the boundary set, of one region for a region row."""
    members = ref.areas[(ref.areas["level"] == "province") & (ref.areas["boundary_set"] == bset)]
    if item["area_id"] != "VN":
        members = members[members["region_code"] == item["area_id"].removeprefix("R-")]
    return members


def _compare_subtotal(item: dict, provinces: pd.DataFrame, report: Report, ref: Reference, bset: str) -> None:
    # Compared only when the file holds every province the subtotal covers.
    ind = ref.indicators.loc[item["indicator_code"]]
    members = _members(item, ref, bset)
    got = provinces[(provinces["indicator_code"] == item["indicator_code"]) & (provinces["year"] == item["year"])
                    & (provinces["breakdown"] == item["breakdown"]) & provinces["area_id"].isin(members["area_id"])]
    name = ref.matcher.name(item["area_id"], "vi")
    where = {"row": item["row"], "col": item.get("col")}
    if got.empty:
        return
    missing = len(members) - len(got)
    if missing:
        report.add("subtotal_not_compared", "info", **where, params={"name": name, "n": missing})
        return
    decimals = ind_decimals(ind)
    computed, method, tol = _aggregate(ind, got, item["value"], exact_tol=0.5 * 10**-decimals + 1e-9)
    params = {"name": name, "given": float(item["value"]), "computed": float(computed), "n": len(got),
              "method": {"vi": t(f"ingest.method.{method}", "vi"), "en": t(f"ingest.method.{method}", "en")},
              "decimals": decimals + (1 if method in ("population", "plain") else 0)}
    if abs(computed - item["value"]) > tol:
        report.add("subtotal_mismatch", "warning", **where, params=params)
    else:
        report.add("subtotal_ok", "info", **where, params=params)


def _aggregate(ind: pd.Series, got: pd.DataFrame, given: float, exact_tol: float) -> tuple[float, str, float]:
    """(aggregate of the provinces, method, tolerance for comparing it with the published value)."""
    # The rule itself (ascc.rules, the same as the views' macros) when the rows carry what it needs;
    # otherwise a population-weighted mean, compared with a tolerance.
    aggregation, scale = ind["aggregation"], float(ind["scale"])
    rows_weight = got["weight"] if aggregation == "weighted_mean" else None
    exact = rules.aggregate(aggregation, got["value"].tolist(), got["numerator"].tolist(),
                            got["denominator"].tolist(), None if rows_weight is None else rows_weight.tolist(), scale)
    if exact is not None:
        method = {"ratio": "ratio", "sum": "sum", "mean": "mean", "weighted_mean": "weighted"}[aggregation]
        return exact, method, exact_tol
    approx_tol = max(APPROX_TOLERANCE * abs(given), exact_tol)
    if got["population"].notna().all() and got["population"].sum() > 0:
        computed = rules.aggregate("weighted_mean", got["value"].tolist(), weights=got["population"].tolist())
        return computed, "population", approx_tol
    return got["value"].mean(), "plain", approx_tol


def preview(rows: pd.DataFrame, ref: Reference, lang: str = "vi") -> Preview:
    """Counts of new, changed and unchanged values against what the dashboard shows now."""
    current = db.run_query("ingest_current_values", codes=sorted(rows["indicator_code"].unique()),
                           years=sorted(int(y) for y in rows["year"].unique()))
    keys = ["indicator_code", "area_id", "year", "breakdown"]
    cur = current.assign(year=current["year"].astype("int64"))
    merged = rows.assign(year=rows["year"].astype("int64")).merge(
        cur, on=keys, how="left", suffixes=("", "_old"), indicator=True
    )
    is_new = merged["_merge"] == "left_only"

    def differs(a, b):
        both_nan = a.isna() & b.isna()
        close = (a - b).abs() <= 1e-9 * a.abs().clip(lower=1)
        return ~(both_nan | close.fillna(False))

    changed = ~is_new & (
        differs(merged["value"], merged["value_old"])
        | differs(merged["numerator"], merged["numerator_old"])
        | differs(merged["denominator"], merged["denominator_old"])
        | differs(merged["weight"], merged["weight_old"])
        | (merged["status"] != merged["status_old"])
    )
    changes = merged[changed]
    table = pd.DataFrame(
        {
            "indicator_code": changes["indicator_code"],
            "area_id": changes["area_id"],
            "area": [ref.matcher.name(a, lang) for a in changes["area_id"]],
            "year": changes["year"].astype("int64"),
            "breakdown": changes["breakdown"],
            "old_value": changes["value_old"].astype("float64"),
            "new_value": changes["value"].astype("float64"),
            "old_status": changes["status_old"],
            "new_status": changes["status"],
            "old_batch": changes["batch_id_old"],
        }
    ).reset_index(drop=True)
    return Preview(int(is_new.sum()), int(changed.sum()), int((~is_new & ~changed).sum()), table)
