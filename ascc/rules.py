"""The aggregation rules in Python: the same rules as the SQL macros of queries/views/00_rules.sql.

Used where an aggregate is computed outside DuckDB (import checks, the demo builder, communes); a test
(tests/test_rules.py) checks that both give the same answers. Over the members that reported a value:

    ratio          sum(numerator) / sum(denominator) * scale when every member has both counts;
                   otherwise, for rates published without counts, sum(value * weight) / sum(weight) when
                   every member has a weight (an estimate when the weights are reference weights)
    weighted_mean  sum(value * weight) / sum(weight) when every member has a weight
    sum            sum(value)
    mean           plain mean of the values

Anything else gives None (NaN in frames): an aggregate the rule cannot compute is never guessed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ascc import schema

STATUS_ORDER = ("estimated", "preliminary", "final")  # weakest first


def _present(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and x is not pd.NA


def _columns(values, numerators=None, denominators=None, weights=None):
    n = len(values)
    cols = [np.asarray([np.nan if not _present(x) else float(x) for x in (c if c is not None else [None] * n)])
            for c in (values, numerators, denominators, weights)]  # fmt: skip
    reported = ~np.isnan(cols[0])
    return [c[reported] for c in cols]


def counts_ok(numerators: np.ndarray, denominators: np.ndarray) -> bool:
    """Every member has a numerator and a positive denominator."""
    return bool(np.all(~np.isnan(numerators) & ~np.isnan(denominators) & (np.nan_to_num(denominators) > 0)))


def weights_ok(weights: np.ndarray) -> bool:
    """Every member has a positive weight."""
    return bool(np.all(~np.isnan(weights) & (np.nan_to_num(weights) > 0)))


def aggregate(
    rule: str,
    values: Sequence,
    numerators: Sequence | None = None,
    denominators: Sequence | None = None,
    weights: Sequence | None = None,
    scale: float = 1.0,
) -> float | None:
    """The aggregate of the members by ``rule`` (schema.AGGREGATIONS); None when the rule cannot compute it."""
    if rule not in schema.AGGREGATIONS:
        raise ValueError(f"unknown aggregation rule {rule!r}")
    v, num, den, w = _columns(values, numerators, denominators, weights)
    if len(v) == 0:
        return None
    if rule == "ratio":
        if counts_ok(num, den):
            total = den.sum()
            return None if total == 0 else float(num.sum() / total * scale)
        if weights_ok(w):
            return float((v * w).sum() / w.sum())
        return None
    if rule == "weighted_mean":
        return float((v * w).sum() / w.sum()) if weights_ok(w) else None
    if rule == "sum":
        return float(v.sum())
    return float(v.mean())


def estimated(
    rule: str,
    values: Sequence,
    numerators: Sequence | None = None,
    denominators: Sequence | None = None,
    weights: Sequence | None = None,
    weight_is_reference: Sequence | None = None,
) -> bool:
    """Whether ``aggregate`` used reference weights (a rate without counts, a weighted mean without row weights)."""
    v, num, den, w = _columns(values, numerators, denominators, weights)
    if len(v) == 0 or weight_is_reference is None:
        return False
    present = [_present(x) for x in values]
    ref = any(bool(r) for r, p in zip(weight_is_reference, present, strict=True) if p and _present(r))
    if rule == "ratio":
        return not counts_ok(num, den) and weights_ok(w) and ref
    if rule == "weighted_mean":
        return weights_ok(w) and ref
    return False


def weakest_status(statuses: Iterable[str]) -> str:
    """The weakest status of the members: estimated < preliminary < final (unknown counts as final)."""
    rank = min((STATUS_ORDER.index(s) if s in STATUS_ORDER else 2 for s in statuses), default=2)
    return STATUS_ORDER[rank]


def aggregate_frame(rows: pd.DataFrame, keys: list[str], rule: str, scale: float) -> pd.DataFrame:
    """``aggregate`` per group of result rows (value, numerator, denominator, weight), with the counts and
    weight an aggregate carries upwards (counts only when every member has them, as the SQL macros)."""
    out = []
    for key, g in rows.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        v = g["value"].to_numpy(dtype=float)
        reported = ~np.isnan(v)
        num = g["numerator"].to_numpy(dtype=float)[reported]
        den = g["denominator"].to_numpy(dtype=float)[reported]
        w = g["weight"].to_numpy(dtype=float)[reported]
        has_counts = reported.any() and counts_ok(num, den)
        out.append(
            {
                **dict(zip(keys, key, strict=True)),
                "value": aggregate(rule, v, g["numerator"].to_numpy(dtype=float),
                                   g["denominator"].to_numpy(dtype=float), g["weight"].to_numpy(dtype=float), scale),
                "numerator": num.sum() if has_counts else np.nan,
                "denominator": den.sum() if has_counts else np.nan,
                "weight": w.sum() if reported.any() and weights_ok(w) else np.nan,
            }  # fmt: skip
        )
    frame = pd.DataFrame(out, columns=[*keys, "value", "numerator", "denominator", "weight"])
    frame["value"] = frame["value"].astype(float)
    return frame
