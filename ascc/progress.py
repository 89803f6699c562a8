"""Progress status of an indicator against the plan: the Statistics Canada method, as used by Open SDG.

Method
------
Base and latest value. ``t0`` is the plan's base year (2016) or, when that year has no value, the first
later year that has one; ``y0`` is the value in ``t0``. ``ti`` is the latest year with a value and ``yi``
that value. Only the segment after the latest series break counts: a break in year ``b`` (``b`` not
after ``ti``) means the values from ``b`` on form a new series, so the window starts in the later of the
base year and ``b``.

Observed growth (compound annual growth rate)::

    CAGR_obs = (yi / y0) ^ (1 / (ti - t0)) - 1

With a target ``yT`` for year ``tT``::

    CAGR_req = (yT / y0) ^ (1 / (tT - t0)) - 1
    R        = d * CAGR_obs / |CAGR_req|      d = +1 when higher is better, -1 when lower is better

Whenever the target lies in the desired direction from the base, ``R`` is simply ``CAGR_obs / CAGR_req``.

    target achieved   the latest value meets the target (yi >= yT, or yi <= yT when lower is better)
    on track          R >= 0.95
    accelerate        0.60 <= R < 0.95   (progress made, acceleration needed)
    limited           0 <= R < 0.60      (limited progress)
    deteriorating     R < 0

Without a target, the growth is taken in the desired direction, ``g = d * CAGR_obs``, and compared with
fixed rates scaled by a limit factor ``C`` in [0, 1]::

    on track          g >= 1.5 % * C
    accelerate        0.5 % * C <= g < 1.5 % * C
    limited           0 <= g < 0.5 % * C
    deteriorating     g < 0

Limit factor C. Near a natural limit (100 % coverage, a rate of 0) fixed growth rates stop making sense:
from 99 % coverage the value can grow by 1 % in all, so 1.5 % a year is out of reach. Only a limit that
lies in the desired direction from the base counts (a ceiling when higher is better, a floor when lower
is better); a limit on the other side bounds deterioration, not progress, and is ignored (C = 1). The
headroom ``u`` is the share of the way to the limit still open, measured the same way on both sides::

    ceiling L (higher is better):  u = (L - y0) / L
    floor L (lower is better):     u = (y0 - L) / y0        (clipped to [0, 1])
    C = min(1, u / 0.5)

So the thresholds stay whole while at least half the way to the limit is open, and shrink in
proportion to the headroom after that: at 75 % coverage C = 0.5 (on track from 0.75 % a year), at 90 %
C = 0.2 (0.3 % a year), at 99 % C = 0.02 (0.03 % a year). Why this shape: growing at the on-track rate
closes between 1.5 % and 3 % of the remaining gap each year, wherever the base is, so "on track" asks a
similar effort near the limit as far from it, and it stays reachable without crossing the limit.
Both forms give the same C for an indicator and its mirror image (v -> k / v, which turns a ceiling
into a floor). A floor of 0 (rates that should fall) gives u = 1 and C = 1: relative declines towards
zero are not squeezed, since halving a 2 % rate is as possible as halving a 40 % one. At the limit
(u = 0) C = 0, so holding the limit (g >= 0) is on track and only a fall is deterioration.

Published precision
-------------------
Values and targets are compared as published: with ``decimals`` (the indicator's published decimals)
every value of the series and every bound of a level target is first rounded to that many decimals, half up
(away from zero) on the decimal figure, as statistical tables round and exactly as the pages print them
(``round_published``, ``i18n.fmt_number``; DuckDB's ``round`` of a decimal in SQL). So 94.99998 against a target of 95 with one decimal is 95.0 against 95.0: "achieved", as a reader
of the table would judge; and a series stored as 95.000001 -> 94.99998 shows no change, not a
deterioration. Growth rates are computed on the rounded values. ``decimals=None`` compares the values
as given.

Kinds of target
---------------
A target is a level (``target_type`` "level") or an annual change ("annual_change").

Level, one value: as above.

Level, a range (``target_value`` .. ``target_upper``, e.g. 93-95 %): a value inside the range or beyond
it in the desired direction has met it, so the range is judged by its nearer bound, the one reached
first when moving in the desired direction (the lower bound when higher is better, the upper one when
lower is better; the dataset stores it as ``target_value``). The required growth is computed towards
that bound too: a range asks for at least its nearer bound.

Annual change (percentage points, or units, a year; e.g. -1 to -1.5 for a poverty rate that must
fall 1-1.5 points a year, Resolution 16/2021/QH15): the expected path is the previous value plus the
change each year. The growth model does not apply (the target is a pace, not a level), so the window's
observed average annual change is compared with the required one, the nearer bound of the range (the
one with the smaller magnitude, -1.0 here)::

    change_obs = (yi - y0) / (ti - t0)
    change_req = the nearer bound
    R          = change_obs / change_req           same bands as above

    target achieved   ti >= tT and the change over the window meets the nearer bound:
                      yi - y0 <= change_req * (ti - t0) for a fall (>= for a rise); yi - y0 is the
                      difference of two published values, taken at their decimals

The pace itself is not rounded to the values' decimals (a fall of 1.5 points a year stays 1.5 for an
indicator published in whole numbers).

Before the target year a pace at or above the required one is "on track", not "achieved": the target
is a pace to keep until tT. The level the pace implies in the target year is
``target_level = y0 + change_req * (tT - t0)``; expected progress by now is measured towards it. A
required change of 0 (hold the level) gives no R: no change or a change in the desired direction is
"on track" (``achieved`` from tT on), any other change "deteriorating". NOTE: a change measured in
points, not a growth rate, is the natural reading of "falls 1-1.5 points a year"; the growth model
would ask a rate of 3 % to fall faster in relative terms than a rate of 10 %.

Rules
-----
* Values that are None or NaN are ignored; years may come in any order; a year given twice is an error.
* At least two values in the window (``t0 < ti``), else "insufficient" (``too_few_points``).
* The latest value meeting the target gives "achieved" before any growth is computed: it needs only
  the latest value and the target.
* Values of both signs in the window, or a target of the opposite sign, give "insufficient"
  (``mixed_signs``): the growth model is exponential. A series of negative values is measured on its
  magnitudes with the desired direction flipped (for negative values, "higher" means "smaller
  magnitude"), as Statistics Canada does.
* A zero base, latest or target value is replaced by 0.001 in the growth formulas (the method names
  the base and target; the latest value is included so that a series that stays at 0 shows no growth
  rather than -100 %). NOTE: the result then depends on the unit of the indicator.
* Target on the wrong side. When the base already met the target (the target is worse than or equal
  to the base) and the latest value no longer meets it, the value has necessarily moved the wrong way
  past the target: the status is "deteriorating" (``target_lost``), and ``R`` (negative by the formula
  above) says how fast relative to the slack the target allowed; ``R`` is None when target = base.
* Without a base year before the target year (``tT <= t0``) the required growth is undefined:
  "insufficient" (``no_target_period``).
* Band edges: R and g are compared after rounding to 12 decimals, so a ratio that is 0.95 on paper is
  not put a band lower by binary rounding.

Expected progress by now (ESCAP style), reported beside the status::

    expected_share = (ti - t0) / (tT - t0), clipped to [0, 1]   share of the plan period elapsed
    achieved_share = (yi - y0) / (yT - y0)                      share of the way to the target covered
    progress_gap   = achieved_share - expected_share            below 0: behind schedule

``achieved_share`` is not clipped: above 1 the target is passed, below 0 the value moved away from it.
It is None when the base already met the target (no way left to cover); ``expected_share`` needs
``tT > t0`` and not a target; ``progress_gap`` needs both.

Reasons: ``too_few_points``, ``mixed_signs``, ``no_target_period``, ``target_met``, ``target_lost``,
``ratio`` (status from R), ``change_ratio`` (status from R of annual changes) and ``no_target_growth``
(status from g and C).

NOTE: the method is not symmetric under v -> k / v: the mirrored growth is g / (1 + g), not g, so a
series and its reciprocal can fall in neighbouring bands near a band edge (signs, "achieved" and C
agree exactly).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ascc.settings import PLAN_BASE_YEAR, PLAN_TARGET_YEAR

# Best to worst, then the status for series that cannot be assessed.
STATUSES = ("achieved", "on_track", "accelerate", "limited", "deteriorating", "insufficient")
# Behind schedule: the statuses that call for action (faster progress needed, too slow, going the wrong
# way). One definition for every page that counts or lists indicators "behind".
BEHIND = ("accelerate", "limited", "deteriorating")

# Colour and a distinct shape per status, so colour is never the only signal. Colours reach at least
# 3:1 contrast on white (WCAG 1.4.11, for projectors) and stay apart under simulated deuteranopia,
# protanopia and tritanopia: the good statuses are blue-greens, the bad ones get darker from amber to red.
# "text" is the colour of words written on the status colour (a badge): white where it reaches 4.5:1
# (WCAG 1.4.3 for small text), the house's dark text on the light amber and grey.
STATUS_STYLE: dict[str, dict[str, str]] = {
    "achieved": {"color": "#00594F", "icon": "✔", "text": "#FFFFFF"},
    "on_track": {"color": "#15806F", "icon": "▲", "text": "#FFFFFF"},
    "accelerate": {"color": "#B98900", "icon": "◆", "text": "#1B1F24"},
    "limited": {"color": "#C05200", "icon": "■", "text": "#FFFFFF"},
    "deteriorating": {"color": "#A01026", "icon": "▼", "text": "#FFFFFF"},
    "insufficient": {"color": "#949494", "icon": "?", "text": "#1B1F24"},
}

RATIO_ON_TRACK = 0.95
RATIO_ACCELERATE = 0.60
GROWTH_ON_TRACK = 0.015
GROWTH_ACCELERATE = 0.005
ZERO_REPLACEMENT = 0.001
# Headroom share below which the no-target thresholds start to shrink (see "Limit factor C").
FULL_HEADROOM = 0.5
_EDGE_DECIMALS = 12
TARGET_TYPES = ("level", "annual_change")

# Sorting worst first: the statuses that call for action, then the good ones, "insufficient" last.
_WORST_FIRST = ("deteriorating", "limited", "accelerate", "on_track", "achieved", "insufficient")


@dataclass(frozen=True)
class Assessment:
    """The progress status of one series and the figures behind it.

    ``base_year``/``base_value`` are t0/y0 actually used; ``segment_start`` is the first year the window
    admits (the later of the plan's base year and the latest series break). ``target``,
    ``target_upper`` (other bound of a range) and the values are as assessed: at the published decimals
    when these were given, before any 0.001 replacement. ``target_level`` is the level the status is
    measured against (the nearer bound of a range; for an annual change the level its pace implies in
    the target year). ``change_observed``/``change_required`` are the average annual changes of an
    annual-change target. Figures are filled in whenever they can be computed, whatever the status;
    None otherwise.
    """

    status: str
    reason: str
    higher_is_better: bool
    base_year: int | None
    base_value: float | None
    latest_year: int | None
    latest_value: float | None
    target: float | None
    target_year: int | None
    segment_start: int
    cagr_observed: float | None = None
    cagr_required: float | None = None
    ratio: float | None = None
    limit_factor: float | None = None
    expected_share: float | None = None
    achieved_share: float | None = None
    progress_gap: float | None = None
    target_upper: float | None = None
    target_type: str = "level"
    target_level: float | None = None
    change_observed: float | None = None
    change_required: float | None = None


FRAME_COLUMNS = ("indicator_code", "area_id", *(f.name for f in fields(Assessment)))


def status_rank(status: str, *, worst_first: bool = False) -> int:
    """Sort key of a status: best first (its place in STATUSES), or worst first with "insufficient" last."""
    order = _WORST_FIRST if worst_first else STATUSES
    if status not in order:
        raise ValueError(f"unknown progress status {status!r}")
    return order.index(status)


def status_from_ratio(ratio: float) -> str:
    """The band of R = observed / required growth (target not yet met)."""
    r = round(ratio, _EDGE_DECIMALS)
    if r >= RATIO_ON_TRACK:
        return "on_track"
    if r >= RATIO_ACCELERATE:
        return "accelerate"
    if r >= 0:
        return "limited"
    return "deteriorating"


def status_from_growth(growth: float, limit_factor: float = 1.0) -> str:
    """The band of the growth g taken in the desired direction, with thresholds scaled by C."""
    g = round(growth, _EDGE_DECIMALS)
    if g >= round(GROWTH_ON_TRACK * limit_factor, _EDGE_DECIMALS):
        return "on_track"
    if g >= round(GROWTH_ACCELERATE * limit_factor, _EDGE_DECIMALS):
        return "accelerate"
    if g >= 0:
        return "limited"
    return "deteriorating"


def limit_factor(base: float, limit: float | None, *, higher_is_better: bool) -> float:
    """C in [0, 1] for a positive base value: 1 far from the limit, shrinking with the headroom near it."""
    if limit is None:
        return 1.0
    if higher_is_better:
        if limit < base:
            return 1.0  # a floor under an indicator that should rise bounds deterioration only
        headroom = (limit - base) / limit if limit > 0 else 0.0
    else:
        if limit > base:
            return 1.0  # a ceiling over an indicator that should fall bounds deterioration only
        headroom = (base - limit) / base if base > 0 else 0.0
    return min(1.0, max(0.0, headroom) / FULL_HEADROOM)


def cagr(start: float, end: float, years: float) -> float:
    """Compound annual growth rate from ``start`` to ``end`` over ``years`` (positive values)."""
    return (end / start) ** (1.0 / years) - 1.0


def round_published(value: Any, decimals: Any) -> float | None:
    """A value at the published precision: rounded half up on its decimal figure, as printed.

    None/NaN give None; ``decimals`` None (or missing) returns the value unrounded.
    """
    number = _number(value)
    if number is None or _is_missing(decimals) or math.isinf(number):
        return number
    step = Decimal(1).scaleb(-int(decimals))
    return float(Decimal(repr(number)).quantize(step, rounding=ROUND_HALF_UP))


def nearer_bound(
    target: float, upper: float | None, *, higher_is_better: bool, target_type: str = "level"
) -> float:
    """The bound of a target range that a value must reach (see "Kinds of target"); ``target`` if no range.

    Level: the lower bound when higher is better, the upper one when lower is better. Annual change:
    the bound of smaller magnitude (the smaller required pace).
    """
    if upper is None:
        return target
    if target_type == "annual_change":
        return min(target, upper, key=abs)
    return min(target, upper) if higher_is_better else max(target, upper)


def assess(
    years: Iterable[Any],
    values: Iterable[Any],
    *,
    higher_is_better: bool,
    base_year: int = PLAN_BASE_YEAR,
    target: float | None = None,
    target_year: int = PLAN_TARGET_YEAR,
    limit: float | None = None,
    breaks: Iterable[int] = (),
    target_upper: float | None = None,
    target_type: str = "level",
    decimals: int | None = None,
) -> Assessment:
    """Assess one series (one indicator in one area) by the method in the module docstring.

    ``years`` and ``values`` run in parallel, in any order; ``target`` is the value sought in
    ``target_year`` (None: the no-target rule), ``target_upper`` the other bound of a range (None for
    one value) and ``target_type`` "level" or "annual_change" (``target`` is then a change a year);
    ``limit`` is the natural limit of the scale (100 for a coverage in %, 0 for a rate that should
    fall; None if open); ``breaks`` are the years in which a new series starts; ``decimals`` the
    published decimals at which values and targets are compared (None: as given). Raises ValueError
    for a repeated or non-integer year or an unknown target type.
    """
    if target_type not in TARGET_TYPES:
        raise ValueError(f"unknown target type {target_type!r}")
    series = {y: round_published(v, decimals) for y, v in _clean_series(years, values).items()}
    # A level is published like the values; a pace (points a year) is a figure of its own, kept as set.
    places = decimals if target_type == "level" else None
    target = round_published(target, places)
    target_upper = round_published(target_upper, places) if target is not None else None
    limit = _number(limit)
    target_year = int(target_year)
    latest_year = max(series) if series else None
    start = int(base_year)
    for b in breaks:
        if latest_year is not None and start < int(b) <= latest_year:
            start = int(b)  # the latest break wins; a break after the latest value changes nothing yet
    window = {y: v for y, v in series.items() if y >= start}
    head = {
        "higher_is_better": bool(higher_is_better),
        "target": target,
        "target_year": target_year,
        "segment_start": start,
        "target_upper": target_upper,
        "target_type": target_type,
    }
    if target is not None:
        # From here on ``target`` is the bound to reach: the nearer bound of a range.
        target = nearer_bound(
            target, target_upper, higher_is_better=bool(higher_is_better), target_type=target_type
        )
        if target_type == "level":
            head["target_level"] = target
    if window:
        t0, ti = min(window), max(window)
        head |= {"base_year": t0, "base_value": window[t0], "latest_year": ti, "latest_value": window[ti]}
    else:
        t0 = ti = None
        head |= {"base_year": None, "base_value": None, "latest_year": latest_year, "latest_value": None}
        if latest_year is not None:
            head["latest_value"] = series[latest_year]
    if len(window) < 2:
        return Assessment(status="insufficient", reason="too_few_points", **head)

    y0, yi = window[t0], window[ti]
    figures: dict[str, Any] = {}
    if target_year > t0:
        figures["expected_share"] = min(1.0, max(0.0, (ti - t0) / (target_year - t0)))
    if target is not None and target_type == "annual_change":
        return _assess_change(head, figures, t0, y0, ti, yi, change=target, decimals=decimals)
    if target is not None and (target > y0 if higher_is_better else target < y0):
        # Only a target ahead of the base has a "way to the target" to cover.
        figures["achieved_share"] = (yi - y0) / (target - y0)
    if "expected_share" in figures and "achieved_share" in figures:
        figures["progress_gap"] = figures["achieved_share"] - figures["expected_share"]

    if target is not None and (yi >= target if higher_is_better else yi <= target):
        status, reason = "achieved", "target_met"
    else:
        status, reason = None, None

    negative = any(v < 0 for v in window.values())
    positive = any(v > 0 for v in window.values())
    target_opposite = target is not None and (target > 0 if negative else target < 0)
    if (negative and positive) or target_opposite:
        return Assessment(status=status or "insufficient", reason=reason or "mixed_signs", **head, **figures)

    # Work on magnitudes: for a negative series "higher is better" means "smaller magnitude is better".
    hib = bool(higher_is_better) != negative
    sign = -1.0 if negative else 1.0
    m0, mi = _positive(sign * y0), _positive(sign * yi)
    d = 1.0 if hib else -1.0
    figures["cagr_observed"] = cagr(m0, mi, ti - t0)

    if target is None:
        c = limit_factor(sign * y0, None if limit is None else sign * limit, higher_is_better=hib)
        growth = d * figures["cagr_observed"]
        return Assessment(
            status=status_from_growth(growth, c), reason="no_target_growth", limit_factor=c, **head, **figures
        )

    if target_year <= t0:
        return Assessment(
            status=status or "insufficient", reason=reason or "no_target_period", **head, **figures
        )
    required = cagr(m0, _positive(sign * target), target_year - t0)
    figures["cagr_required"] = required
    if required != 0:
        figures["ratio"] = d * figures["cagr_observed"] / abs(required)
    if status is None:
        if d * required <= 0:
            # The base already met the target and the latest value does not: it went the wrong way past it.
            status, reason = "deteriorating", "target_lost"
        else:
            status, reason = status_from_ratio(figures["ratio"]), "ratio"
    return Assessment(status=status, reason=reason, **head, **figures)


def _assess_change(
    head: dict[str, Any],
    figures: dict[str, Any],
    t0: int,
    y0: float,
    ti: int,
    yi: float,
    *,
    change: float,
    decimals: int | None,
) -> Assessment:
    """The status against an annual-change target (see "Kinds of target"): the pace, not the level."""
    target_year = head["target_year"]
    observed = (yi - y0) / (ti - t0)
    figures |= {"change_observed": observed, "change_required": change}
    if target_year > t0:
        head = head | {"target_level": y0 + change * (target_year - t0)}
        if change != 0:
            figures["achieved_share"] = (yi - y0) / (change * (target_year - t0))
            if "expected_share" in figures:
                figures["progress_gap"] = figures["achieved_share"] - figures["expected_share"]
    # The change over the window (a difference of two published values, so exact at their decimals)
    # against the change the pace asks for over as many years.
    places = _EDGE_DECIMALS if decimals is None else int(decimals)
    total_observed, total_required = round(yi - y0, places), round(change * (ti - t0), _EDGE_DECIMALS)
    if change != 0:
        figures["ratio"] = observed / change
        meets = total_observed <= total_required if change < 0 else total_observed >= total_required
        status = status_from_ratio(figures["ratio"])
    else:
        d = 1.0 if head["higher_is_better"] else -1.0
        meets = d * total_observed >= 0
        status = "on_track" if meets else "deteriorating"
    if meets and ti >= target_year:
        return Assessment(status="achieved", reason="target_met", **head, **figures)
    return Assessment(status=status, reason="change_ratio", **head, **figures)


def assess_groups(
    rows: Iterable[Mapping[str, Any]],
    *,
    indicator_meta: Mapping[str, Mapping[str, Any]] | Iterable[Mapping[str, Any]],
    targets: Iterable[Mapping[str, Any]] = (),
) -> list[dict[str, Any]]:
    """One assessment per (indicator_code, area_id) group of long rows (indicator_code, area_id, year, value).

    ``indicator_meta``: per indicator ``higher_is_better`` and optionally ``base_year``, ``target_year``,
    ``limit_value``, ``series_breaks`` (years, or the dataset's ``{"year": ...}`` structs),
    ``decimals`` (published decimals: values and targets are compared rounded to them) and a target
    for every area: ``target_value``, ``target_upper`` and ``target_type`` (default "level"); either a
    mapping code -> meta or rows with ``indicator_code``. ``targets``: rows of the targets table
    (indicator_code, area_id, year, target_value and optionally target_upper, target_type); an area's
    own target overrides the indicator's, and of several target years the plan's target year is taken,
    else the latest. Rows must hold one breakdown (filter to ``total`` first): a year repeated within a
    group is an error. Returns dicts with the keys of FRAME_COLUMNS, sorted by indicator and area.
    """
    if not isinstance(indicator_meta, Mapping):
        indicator_meta = {m["indicator_code"]: m for m in indicator_meta}
    groups: dict[tuple[str, str], tuple[list[Any], list[Any]]] = {}
    for row in rows:
        years, values = groups.setdefault((row["indicator_code"], row["area_id"]), ([], []))
        years.append(row["year"])
        values.append(row["value"])
    area_targets: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for row in targets:
        if _number(row["target_value"]) is not None:
            area_targets.setdefault((row["indicator_code"], row["area_id"]), {})[int(row["year"])] = (
                _target_of(row)
            )

    out = []
    for (code, area), (years, values) in sorted(groups.items()):
        if code not in indicator_meta:
            raise ValueError(f"no metadata for indicator {code!r}")
        meta = indicator_meta[code]
        plan_target_year = _meta_int(meta, "target_year", PLAN_TARGET_YEAR)
        target, target_year = _target_of(meta), plan_target_year
        if (code, area) in area_targets:
            options = area_targets[(code, area)]
            target_year = plan_target_year if plan_target_year in options else max(options)
            target = options[target_year]
        decimals = meta.get("decimals")
        try:
            result = assess(
                years,
                values,
                higher_is_better=bool(meta["higher_is_better"]),
                base_year=_meta_int(meta, "base_year", PLAN_BASE_YEAR),
                target_year=target_year,
                limit=_number(meta.get("limit_value")),
                breaks=_break_years(meta.get("series_breaks")),
                decimals=None if _is_missing(decimals) else int(decimals),
                **target,
            )
        except ValueError as exc:
            raise ValueError(f"{code} / {area}: {exc}") from exc
        out.append({"indicator_code": code, "area_id": area, **asdict(result)})
    return out


def assess_frame(df: Any, *, indicator_meta: Any, targets: Any = None) -> Any:
    """``assess_groups`` for pandas frames: one row per (indicator_code, area_id), columns FRAME_COLUMNS.

    ``indicator_meta`` and ``targets`` may be frames (such as the ``indicators`` and ``targets`` tables)
    or what ``assess_groups`` takes. The columns are the same also when ``df`` is empty.
    """
    import pandas as pd  # only this wrapper needs pandas; the method itself is plain Python

    def records(obj: Any) -> Any:
        return obj.to_dict("records") if isinstance(obj, pd.DataFrame) else obj

    rows = assess_groups(
        records(df[["indicator_code", "area_id", "year", "value"]]),
        indicator_meta=records(indicator_meta),
        targets=records(targets) if targets is not None else (),
    )
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except TypeError:
        # pandas.NA refuses float(); it is the only non-number we read as "no value"
        if type(value).__name__ == "NAType":
            return True
        raise


def _number(value: Any) -> float | None:
    return None if _is_missing(value) else float(value)


def _positive(value: float) -> float:
    return ZERO_REPLACEMENT if value == 0 else value


def _year(value: Any) -> int:
    if _is_missing(value) or float(value) != int(float(value)):
        raise ValueError(f"not a year: {value!r}")
    return int(float(value))


def _clean_series(years: Iterable[Any], values: Iterable[Any]) -> dict[int, float]:
    years, values = list(years), list(values)
    if len(years) != len(values):
        raise ValueError(f"{len(years)} years but {len(values)} values")
    as_int = [_year(y) for y in years]
    duplicates = sorted({y for y in as_int if as_int.count(y) > 1})
    if duplicates:
        raise ValueError(f"years given more than once: {duplicates}")
    return {y: float(v) for y, v in sorted(zip(as_int, values, strict=True)) if not _is_missing(v)}


def _target_of(row: Mapping[str, Any]) -> dict[str, Any]:
    """The target arguments of ``assess`` from a row with target_value and optional target_upper/type."""
    kind = row.get("target_type")
    return {
        "target": _number(row.get("target_value")),
        "target_upper": _number(row.get("target_upper")),
        "target_type": "level" if kind is None or _is_missing_text(kind) else str(kind),
    }


def _is_missing_text(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value) or type(value).__name__ == "NAType"


def _meta_int(meta: Mapping[str, Any], key: str, default: int) -> int:
    value = meta.get(key)
    return default if _is_missing(value) else int(value)


def _break_years(breaks: Any) -> list[int]:
    if breaks is None or (isinstance(breaks, float) and math.isnan(breaks)):
        return []
    return [int(b["year"]) if isinstance(b, Mapping) else int(b) for b in breaks]
