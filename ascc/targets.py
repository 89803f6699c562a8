"""Targets as readers see them: a level (95 %), a range (93–95 %) or an annual change (−1 to −1.5 points a year).

One place says what kind a target is, which bound a value must reach, whether a value meets it at the
indicator's published decimals, and how it reads in Vietnamese and English, so that cards, tables,
charts, slides and headlines agree with the progress engine (ascc.progress, "Kinds of target").
An annual change is a pace, not a level: it is never drawn as a level line.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pandas as pd

from ascc import i18n, progress
from ascc.i18n import t

LEVEL = "level"
ANNUAL_CHANGE = "annual_change"
# Decimals at most shown for a pace (the figures of a resolution: 1, 1.5, 0.25 points a year).
_PACE_DECIMALS = 3


def _number(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


@dataclass(frozen=True)
class Target:
    """One target: ``value`` (one value, or the bound of a range nearer the base), ``upper`` (the other
    bound of a range, None for one value) and ``kind`` (LEVEL or ANNUAL_CHANGE, a change a year)."""

    value: float
    upper: float | None = None
    kind: str = LEVEL

    @property
    def is_pace(self) -> bool:
        """An annual change: judged on the change a year, never drawn as a level."""
        return self.kind == ANNUAL_CHANGE

    @property
    def is_range(self) -> bool:
        return self.upper is not None and self.upper != self.value

    @property
    def low(self) -> float:
        return self.value if self.upper is None else min(self.value, self.upper)

    @property
    def high(self) -> float:
        return self.value if self.upper is None else max(self.value, self.upper)

    def bound(self, higher_is_better: bool) -> float:
        """The bound a value must reach (a range's nearer bound; the smaller pace of an annual change)."""
        return progress.nearer_bound(self.value, self.upper, higher_is_better=higher_is_better, target_type=self.kind)

    def met(self, latest: Any, higher_is_better: bool, decimals: int | None) -> bool | None:
        """Whether a level is met by a value, both at the published decimals; None for a pace or no value."""
        latest = progress.round_published(latest, decimals)
        if self.is_pace or latest is None:
            return None
        bound = progress.round_published(self.bound(higher_is_better), decimals)
        return latest >= bound if higher_is_better else latest <= bound

    def gap(self, latest: Any, higher_is_better: bool, decimals: int | None) -> float | None:
        """Bound minus value at the published decimals (a level only; None for a pace or no value)."""
        latest = progress.round_published(latest, decimals)
        if self.is_pace or latest is None:
            return None
        return progress.round_published(self.bound(higher_is_better), decimals) - latest

    def text(self, unit: str, lang: str, decimals: int, *, with_unit: bool = True) -> str:
        """"95,0 %", "93,0–95,0 %", "giảm 1–1,5 điểm %/năm" / "95.0%", "93.0–95.0%", "−1 to −1.5 percentage
        points a year". ``with_unit=False`` leaves the unit off a level (for a table with a unit column);
        a pace always has its unit, which is not the values' unit."""
        if self.is_pace:
            return pace_text([self.value, self.value if self.upper is None else self.upper], unit, lang)
        shown = unit if with_unit else ""
        if not self.is_range:
            return i18n.fmt_value(self.value, shown, lang, decimals)
        return i18n.fmt_number(self.low, lang, decimals) + "–" + i18n.fmt_value(self.high, shown, lang, decimals)


def of(value: Any, upper: Any = None, kind: Any = None) -> Target | None:
    """The target of a row's target_value, target_upper and target_type; None when there is no value."""
    number = _number(value)
    if number is None:
        return None
    kind = kind if isinstance(kind, str) and kind else LEVEL
    if kind not in progress.TARGET_TYPES:
        raise ValueError(f"unknown target type {kind!r}")
    return Target(number, _number(upper), kind)


def of_row(row: Any) -> Target | None:
    """``of`` for a row (mapping, Series or named tuple) with target_value and optional target_upper/type."""
    get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
    return of(get("target_value"), get("target_upper", None), get("target_type", None))


def fmt(value: Any, upper: Any, kind: Any, unit: str, lang: str, decimals: int, *, with_unit: bool = True) -> str:
    """The text of a target (Target.text), or "–" when there is none."""
    target = of(value, upper, kind)
    return "–" if target is None else target.text(unit, lang, decimals, with_unit=with_unit)


def label(target: Target, year: Any, unit: str, lang: str, decimals: int) -> str:
    """A legend or series name: "Mục tiêu 2025: 93,0–95,0 %" / "2025 target: −1 to −1.5 percentage points a year"."""
    return t("chart.target", lang, year=int(year)) + ": " + target.text(unit, lang, decimals)


def pace_text(bounds: Any, unit: str, lang: str, decimals: int | None = None) -> str:
    """A change a year, or a range of them: "giảm 1–1,5 điểm %/năm" / "−1 to −1.5 percentage points a year".

    ``decimals``: the decimals shown (None: each figure as written, "1–1,5" rather than "1,0–1,5").
    A percentage changes in percentage points.
    """
    lang = i18n.norm_lang(lang)
    # The smaller pace first, as read.
    bounds = sorted({float(b) for b in ([bounds] if isinstance(bounds, int | float) else bounds)}, key=abs)
    if all(b == 0 for b in bounds):
        return t("target.pace_hold", lang)
    falling = bounds[-1] < 0
    words = [i18n.fmt_number(abs(b), lang, _places(b) if decimals is None else decimals) for b in bounds]
    if lang == "en":
        words = [("−" if b < 0 else "+" if b > 0 else "") + w for b, w in zip(bounds, words, strict=True)]
    amount = words[0] if len(words) == 1 else t("target.pace_range", lang, low=words[0], high=words[1])
    if unit.startswith("%"):
        one = len(bounds) == 1 and abs(bounds[0]) == 1
        unit = t("target.pp_one" if one else "target.pp", lang)
    return t("target.pace_down" if falling else "target.pace_up", lang, amount=amount, unit=unit)


def _places(x: float) -> int:
    exponent = Decimal(repr(abs(x))).normalize().as_tuple().exponent
    return min(_PACE_DECIMALS, max(0, -int(exponent)))
