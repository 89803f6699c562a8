"""Progress status (ascc.progress): every band and rule on hand-computed cases, then properties."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ascc import progress
from ascc.progress import STATUS_STYLE, STATUSES, assess, status_rank

approx = pytest.approx


def about(x: float) -> object:
    """Equal to a figure written out by hand to about six significant digits."""
    return approx(x, rel=1e-5)


# 1/ WITH A TARGET: ONE CASE PER BAND


def test_lower_is_better_needs_acceleration():
    # y0 = 10 (2016), yi = 8 (2020), target 5 in 2025
    # CAGR_obs = (8/10)^(1/4) - 1 = -0.054258; CAGR_req = (5/10)^(1/9) - 1 = -0.074125
    # R = d * CAGR_obs / |CAGR_req| = -1 * -0.054258 / 0.074125 = 0.7320 -> 0.60 <= R < 0.95
    a = assess([2016, 2020], [10, 8], higher_is_better=False, target=5)
    assert a.status == "accelerate" and a.reason == "ratio"
    assert a.cagr_observed == approx(0.8**0.25 - 1)
    assert a.cagr_observed == about(-0.0542584)
    assert a.cagr_required == approx(0.5 ** (1 / 9) - 1)
    assert a.cagr_required == about(-0.0741253)
    assert a.ratio == about(0.7319822)
    assert (a.base_year, a.base_value, a.latest_year, a.latest_value) == (2016, 10, 2020, 8)
    assert (a.target, a.target_year, a.segment_start) == (5, 2025, 2016)
    assert a.limit_factor is None  # C only serves the no-target rule


def test_on_track():
    # 50 -> 70 over 4 years, target 90 in 2025: (1.4)^(1/4) - 1 = 0.087757; (1.8)^(1/9) - 1 = 0.067489
    # R = 0.087757 / 0.067489 = 1.3003 -> on track
    a = assess([2016, 2020], [50, 70], higher_is_better=True, target=90)
    assert a.status == "on_track"
    assert a.cagr_observed == about(0.0877573)
    assert a.cagr_required == about(0.0674895)
    assert a.ratio == about(1.3003105)


def test_limited_progress():
    # 50 -> 52: (1.04)^(1/4) - 1 = 0.009853; R = 0.009853 / 0.067489 = 0.1460 -> 0 <= R < 0.60
    a = assess([2016, 2020], [50, 52], higher_is_better=True, target=90)
    assert a.status == "limited"
    assert a.ratio == about(0.1459991)


def test_deterioration():
    # 50 -> 45: (0.9)^(1/4) - 1 = -0.025996; R = -0.025996 / 0.067489 = -0.3852 -> R < 0
    a = assess([2016, 2020], [50, 45], higher_is_better=True, target=90)
    assert a.status == "deteriorating"
    assert a.ratio == about(-0.3851896)


def test_target_achieved_in_the_desired_direction():
    a = assess([2016, 2020], [50, 92], higher_is_better=True, target=90)
    assert (a.status, a.reason) == ("achieved", "target_met")
    assert a.ratio is not None  # the figures are still reported
    # exactly on the target counts as met; lower is better: at or below the target
    assert assess([2016, 2020], [50, 90], higher_is_better=True, target=90).status == "achieved"
    assert assess([2016, 2020], [10, 5], higher_is_better=False, target=5).status == "achieved"
    assert assess([2016, 2020], [10, 4.9], higher_is_better=False, target=5).status == "achieved"
    # just above the target is not "met" when lower is better: R = ((0.51)^(1/4) - 1) / -0.074125 = 2.09
    a = assess([2016, 2020], [10, 5.1], higher_is_better=False, target=5)
    assert (a.status, a.reason) == ("on_track", "ratio")


def test_target_equal_to_base_and_not_met_is_lost():
    # CAGR_req = (80/80)^(1/9) - 1 = 0: no division, R is None; 79 < 80 moved away from the target
    a = assess([2016, 2020], [80, 79], higher_is_better=True, target=80)
    assert (a.status, a.reason) == ("deteriorating", "target_lost")
    assert a.cagr_required == 0 and a.ratio is None
    assert a.achieved_share is None and a.progress_gap is None


def test_target_on_the_wrong_side_of_the_base():
    # Base 80 already met the target 75 (higher is better); 70 no longer does.
    # CAGR_obs = (70/80)^(1/4) - 1 = -0.032832; CAGR_req = (75/80)^(1/9) - 1 = -0.007145
    # R = +1 * -0.032832 / |-0.007145| = -4.595 -> deteriorating (the plain quotient would be +4.6)
    a = assess([2016, 2020], [80, 70], higher_is_better=True, target=75)
    assert (a.status, a.reason) == ("deteriorating", "target_lost")
    assert a.ratio == approx(-4.5948811)
    assert a.achieved_share is None  # no way to the target was left to cover
    # still above the target: achieved, whatever the trend
    assert assess([2016, 2020], [80, 78], higher_is_better=True, target=75).status == "achieved"


# 2/ ZERO REPLACEMENT, NEGATIVE SERIES, MIXED SIGNS


def test_zero_base_is_replaced_by_a_thousandth():
    # y0 = 0 -> 0.001: CAGR_obs = (2/0.001)^(1/4) - 1 = 5.687403; CAGR_req = (10/0.001)^(1/9) - 1 = 1.782559
    # R = 3.1906 -> on track
    a = assess([2016, 2020], [0, 2], higher_is_better=True, target=10)
    assert a.status == "on_track"
    assert a.base_value == 0  # reported as given
    assert a.cagr_observed == approx(2000**0.25 - 1)
    assert a.cagr_observed == about(5.6874030)
    assert a.cagr_required == about(1.7825594)
    assert a.ratio == about(3.1905826)


def test_zero_target_is_replaced_by_a_thousandth():
    # 4 -> 2, lower is better, target 0 -> 0.001: CAGR_obs = 0.5^(1/4) - 1 = -0.159104
    # CAGR_req = (0.001/4)^(1/9) - 1 = -0.602103; R = 0.159104 / 0.602103 = 0.2642 -> limited
    a = assess([2016, 2020], [4, 2], higher_is_better=False, target=0)
    assert a.status == "limited"
    assert a.target == 0
    assert a.ratio == about(0.2642466)


def test_a_series_that_stays_at_zero_shows_no_growth():
    # both ends replaced: (0.001/0.001) - 1 = 0 -> limited without a target, not -100 %
    a = assess([2016, 2020], [0, 0], higher_is_better=True)
    assert a.cagr_observed == 0 and a.status == "limited"


def test_negative_series_use_magnitudes_with_the_direction_flipped():
    # -10 -> -8 with target -5, higher is better = magnitudes 10 -> 8 towards 5, lower is better
    a = assess([2016, 2020], [-10, -8], higher_is_better=True, target=-5)
    b = assess([2016, 2020], [10, 8], higher_is_better=False, target=5)
    assert (a.status, a.ratio, a.cagr_observed) == (b.status, b.ratio, b.cagr_observed)
    assert (a.status, a.ratio) == ("accelerate", about(0.7319822))


def test_mixed_signs_cannot_be_assessed():
    a = assess([2016, 2018, 2020], [-1, 2, 3], higher_is_better=True)
    assert (a.status, a.reason) == ("insufficient", "mixed_signs")
    assert a.cagr_observed is None and a.ratio is None
    # a target of the other sign than the series is the same problem
    b = assess([2016, 2020], [5, 3], higher_is_better=False, target=-1)
    assert (b.status, b.reason) == ("insufficient", "mixed_signs")
    # zero is neither sign: 0 -> 3 is assessable
    assert assess([2016, 2020], [0, 3], higher_is_better=True).reason == "no_target_growth"


def test_a_met_target_does_not_need_the_growth_model():
    a = assess([2016, 2020], [-3, 2], higher_is_better=True, target=0)
    assert (a.status, a.reason) == ("achieved", "target_met")


# 3/ DATA REQUIREMENTS AND THE SERIES WINDOW


def test_one_point_is_insufficient():
    a = assess([2018], [5.0], higher_is_better=True, target=9)
    assert (a.status, a.reason) == ("insufficient", "too_few_points")
    assert (a.base_year, a.latest_year, a.latest_value) == (2018, 2018, 5.0)
    assert a.expected_share is None and a.cagr_observed is None


def test_no_data_is_insufficient():
    a = assess([], [], higher_is_better=True)
    assert (a.status, a.reason, a.latest_year) == ("insufficient", "too_few_points", None)
    b = assess([2016, 2017], [None, float("nan")], higher_is_better=True)
    assert b.status == "insufficient" and b.latest_year is None


def test_two_points_are_enough():
    # 2017 is the first year with data at or after 2016: t0 = 2017; (12/10)^(1/3) - 1 = 0.062659 -> on track
    a = assess([2017, 2020], [10, 12], higher_is_better=True)
    assert (a.status, a.base_year) == ("on_track", 2017)
    assert a.cagr_observed == approx(1.2 ** (1 / 3) - 1)


def test_values_before_the_base_year_are_not_used():
    a = assess([2014, 2015, 2020], [1, 2, 3], higher_is_better=True)
    assert (a.status, a.reason, a.latest_value) == ("insufficient", "too_few_points", 3)
    b = assess([2014, 2016, 2020], [1, 2, 3], higher_is_better=True, base_year=2014)
    assert (b.base_year, b.base_value) == (2014, 1)


def test_only_the_segment_after_the_latest_break_counts():
    years, values = [2016, 2019, 2022], [20, 40, 38]
    # whole series: (38/20)^(1/6) - 1 = +0.112907 -> on track
    assert assess(years, values, higher_is_better=True).status == "on_track"
    # new method from 2019: (38/40)^(1/3) - 1 = -0.016952 -> deteriorating
    a = assess(years, values, higher_is_better=True, breaks=[2018, 2019])
    assert (a.status, a.segment_start, a.base_year, a.base_value) == ("deteriorating", 2019, 2019, 40)
    assert a.cagr_observed == about(-0.0169524)
    # a break not yet followed by later data changes nothing; a break in the latest year leaves one point
    assert assess(years, values, higher_is_better=True, breaks=[2024]).segment_start == 2016
    assert assess(years, values, higher_is_better=True, breaks=[2022]).reason == "too_few_points"
    # a break before the plan's base year: the window still starts at the base year
    assert assess(years, values, higher_is_better=True, breaks=[2010]).segment_start == 2016


def test_unsorted_input_and_missing_values():
    a = assess([2020, 2018, 2016, 2019], [8, None, 10, float("nan")], higher_is_better=False, target=5)
    b = assess([2016, 2020], [10, 8], higher_is_better=False, target=5)
    assert a == b
    assert assess([2016, 2020], [10, pd.NA], higher_is_better=True).reason == "too_few_points"


def test_duplicate_years_are_rejected():
    with pytest.raises(ValueError, match="more than once"):
        assess([2016, 2018, 2018], [1, 2, 3], higher_is_better=True)
    with pytest.raises(ValueError, match="more than once"):
        assess([2016, 2018, 2018], [1, 2, None], higher_is_better=True)
    with pytest.raises(ValueError, match="years but"):
        assess([2016, 2018], [1], higher_is_better=True)
    with pytest.raises(ValueError, match="not a year"):
        assess([2016, 2018.5], [1, 2], higher_is_better=True)


def test_no_period_left_before_the_target_year():
    # first value in 2025 = target year: the required growth has no years to run over
    a = assess([2025, 2026], [5, 6], higher_is_better=True, target=9)
    assert (a.status, a.reason) == ("insufficient", "no_target_period")
    assert a.expected_share is None


# 4/ WITHOUT A TARGET: THRESHOLDS 1.5 % * C AND 0.5 % * C


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (101.6, "on_track"),  # g = 1.6 %
        (101.5, "on_track"),  # g = 1.5 % exactly (0.014999999999999902 in binary, rounded at the edge)
        (101.4, "accelerate"),  # g = 1.4 %
        (100.6, "accelerate"),  # g = 0.6 %
        (100.5, "accelerate"),  # g = 0.5 % exactly
        (100.4, "limited"),  # g = 0.4 %
        (100.0, "limited"),  # g = 0
        (99.9, "deteriorating"),  # g = -0.1 %
    ],
)
def test_no_target_thresholds_without_limit(latest, status):
    # one year apart, so g = latest / 100 - 1; C = 1
    a = assess([2016, 2017], [100, latest], higher_is_better=True)
    assert (a.status, a.reason, a.limit_factor) == (status, "no_target_growth", 1.0)


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (75 * 1.0075, "on_track"),  # g = 0.75 % = 1.5 % * C
        (75.5, "accelerate"),  # g = 0.667 %
        (75 * 1.0025, "accelerate"),  # g = 0.25 % = 0.5 % * C
        (75.1, "limited"),  # g = 0.133 %
    ],
)
def test_no_target_thresholds_scaled_by_the_limit(latest, status):
    # coverage 75 %, ceiling 100: u = (100 - 75) / 100 = 0.25; C = min(1, 0.25 / 0.5) = 0.5
    a = assess([2016, 2017], [75, latest], higher_is_better=True, limit=100)
    assert a.limit_factor == 0.5
    assert a.status == status


def test_lower_is_better_without_target_flips_the_sign():
    # 100 -> 98 in a year: CAGR = -2 %, g = +2 % -> on track; 100 -> 101: g = -1 % -> deteriorating
    assert assess([2016, 2017], [100, 98], higher_is_better=False).status == "on_track"
    assert assess([2016, 2017], [100, 101], higher_is_better=False).status == "deteriorating"


def test_coverage_near_full_without_target():
    # 99 % -> 99.3 % over 4 years: g = (99.3/99)^(1/4) - 1 = 0.0757 %
    # C = min(1, ((100 - 99) / 100) / 0.5) = 0.02: on track from 0.03 %, accelerate from 0.01 %
    a = assess([2016, 2020], [99, 99.3], higher_is_better=True, limit=100)
    assert a.limit_factor == approx(0.02)
    assert a.cagr_observed == about(0.000756716)
    assert a.status == "on_track"
    # the same series without the limit falls short of 0.5 %: limited
    assert assess([2016, 2020], [99, 99.3], higher_is_better=True).status == "limited"
    # a fall stays a fall: (98.9/99)^(1/4) - 1 = -0.0253 %
    assert assess([2016, 2020], [99, 98.9], higher_is_better=True, limit=100).status == "deteriorating"


def test_limit_factor_values():
    lf = progress.limit_factor
    assert lf(50, 100, higher_is_better=True) == 1.0  # half the way open: whole thresholds
    assert lf(90, 100, higher_is_better=True) == approx(0.2)
    assert lf(99, 100, higher_is_better=True) == approx(0.02)
    assert lf(100, 100, higher_is_better=True) == 0.0  # at the limit
    assert lf(40, None, higher_is_better=True) == 1.0
    assert lf(2, 0, higher_is_better=False) == 1.0  # a rate falling towards 0 is not squeezed
    assert lf(1.1, 1, higher_is_better=False) == approx(((1.1 - 1) / 1.1) / 0.5)
    assert (
        lf(30, 100, higher_is_better=False) == 1.0
    )  # a ceiling bounds a falling indicator's deterioration only
    assert lf(30, 0, higher_is_better=True) == 1.0  # a floor bounds a rising indicator's deterioration only
    # the same relative distance from a ceiling and from the mirrored floor (v -> 1/v) gives the same C
    assert lf(90, 100, higher_is_better=True) == approx(lf(1 / 90, 1 / 100, higher_is_better=False))


def test_holding_the_limit_is_on_track():
    # C = 0: thresholds 0, so g >= 0 is on track and only a fall deteriorates
    assert assess([2016, 2020], [100, 100], higher_is_better=True, limit=100).status == "on_track"
    assert assess([2016, 2020], [100, 99], higher_is_better=True, limit=100).status == "deteriorating"
    assert assess([2016, 2020], [0, 0], higher_is_better=False, limit=0).status == "on_track"


# 5/ EXACT BAND EDGES


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (0.95, "on_track"),
        (0.9499999, "accelerate"),
        (0.60, "accelerate"),
        (0.5999999, "limited"),
        (0.0, "limited"),
        (-0.0000001, "deteriorating"),
    ],
)
def test_ratio_band_edges(ratio, status):
    assert progress.status_from_ratio(ratio) == status


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (119, "on_track"),  # R = 0.19 / 0.20 = 0.95
        (118.99, "accelerate"),
        (112, "accelerate"),  # R = 0.12 / 0.20 = 0.60 (0.6000000000000006 in binary)
        (111.99, "limited"),
        (100, "limited"),  # R = 0
        (99.99, "deteriorating"),
    ],
)
def test_ratio_band_edges_end_to_end(latest, status):
    # 100 in 2016, target 120 in 2017: CAGR_req = 0.2; CAGR_obs = latest / 100 - 1
    a = assess([2016, 2017], [100, latest], higher_is_better=True, target=120, target_year=2017)
    assert a.status == status


def test_growth_band_edges():
    f = progress.status_from_growth
    assert [f(0.015), f(0.0149999), f(0.005), f(0.0049999), f(0.0), f(-1e-9)] == [
        "on_track",
        "accelerate",
        "accelerate",
        "limited",
        "limited",
        "deteriorating",
    ]
    assert f(0.003, 0.2) == "on_track" and f(0.0029, 0.2) == "accelerate"  # 1.5 % * 0.2 = 0.3 %


# 6/ EXPECTED PROGRESS BY NOW


def test_expected_progress_measure():
    # 10 -> 8 towards 5: achieved (8 - 10) / (5 - 10) = 0.40 of the way; elapsed (2020 - 2016) / 9 = 0.444
    a = assess([2016, 2020], [10, 8], higher_is_better=False, target=5)
    assert a.expected_share == approx(4 / 9)
    assert a.achieved_share == approx(0.4)
    assert a.progress_gap == approx(0.4 - 4 / 9)
    assert a.progress_gap == about(-0.0444444)
    # ahead of schedule: 50 -> 80 towards 90: 30 / 40 = 0.75 of the way after 4 of 9 years
    b = assess([2016, 2020], [50, 80], higher_is_better=True, target=90)
    assert (b.achieved_share, b.progress_gap) == (0.75, approx(0.75 - 4 / 9))
    # moving away from the target: negative share, not clipped
    assert assess([2016, 2020], [50, 45], higher_is_better=True, target=90).achieved_share == approx(-0.125)
    # elapsed share is clipped to 1 after the target year, and exists without a target
    c = assess([2016, 2027], [50, 60], higher_is_better=True)
    assert (c.expected_share, c.achieved_share, c.progress_gap) == (1.0, None, None)


# 7/ STYLE AND SORTING


def test_statuses_styles_and_ranks():
    assert STATUSES == ("achieved", "on_track", "accelerate", "limited", "deteriorating", "insufficient")
    assert set(STATUS_STYLE) == set(STATUSES)
    icons = [s["icon"] for s in STATUS_STYLE.values()]
    colors = [s["color"] for s in STATUS_STYLE.values()]
    assert len(set(icons)) == len(icons) and all(len(i) == 1 for i in icons)
    assert len(set(colors)) == len(colors)

    def luminance(hex_color: str) -> float:
        channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for c in colors:  # 3:1 against white at least, for graphical objects on a projector
        assert 1.05 / (luminance(c) + 0.05) >= 3.0, c
    for s in STATUS_STYLE.values():  # words on a status colour (badges, counts in bars): 4.5:1 (WCAG 1.4.3)
        hi, lo = sorted((luminance(s["color"]), luminance(s["text"])), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, s
    assert sorted(STATUSES, key=status_rank) == list(STATUSES)
    assert sorted(STATUSES, key=lambda s: status_rank(s, worst_first=True)) == [
        "deteriorating",
        "limited",
        "accelerate",
        "on_track",
        "achieved",
        "insufficient",
    ]
    with pytest.raises(ValueError):
        status_rank("unknown")


# 8/ MANY SERIES AT ONCE


META = {
    "POV": {
        "higher_is_better": False,
        "base_year": 2016,
        "target_year": 2025,
        "target_value": 5,
        "series_breaks": None,
    },
    "COV": {
        "higher_is_better": True,
        "base_year": 2016,
        "target_year": 2025,
        "limit_value": 100.0,
        "target_value": float("nan"),
        "series_breaks": [{"year": 2019, "reason_vi": "đổi phương pháp", "reason_en": "new method"}],
    },
}


def _long(rows):
    return pd.DataFrame(rows, columns=["indicator_code", "area_id", "year", "value"])


def test_assess_frame_one_row_per_group():
    df = _long(
        [
            ("POV", "VN", 2020, 8.0),
            ("POV", "VN", 2016, 10.0),
            ("POV", "P34-01", 2016, 10.0),
            ("POV", "P34-01", 2020, 8.0),
            ("COV", "VN", 2016, 50.0),  # before the 2019 break: not used
            ("COV", "VN", 2019, 99.0),
            ("COV", "VN", 2023, 99.3),
        ]
    )
    targets = pd.DataFrame(
        {
            "indicator_code": ["POV", "POV"],
            "area_id": ["P34-01", "P34-01"],
            "year": [2025, 2030],
            "target_value": [9.0, 7.0],
        }
    )
    out = progress.assess_frame(df, indicator_meta=META, targets=targets)
    assert list(out.columns) == list(progress.FRAME_COLUMNS)
    assert list(zip(out.indicator_code, out.area_id, strict=True)) == [
        ("COV", "VN"),
        ("POV", "P34-01"),
        ("POV", "VN"),
    ]
    rows = out.set_index(["indicator_code", "area_id"])
    # COV: from the 2019 break, 99 -> 99.3 over 4 years with C = 0.02 (as in the coverage test) -> on track
    assert rows.loc[("COV", "VN"), "status"] == "on_track"
    assert rows.loc[("COV", "VN"), "segment_start"] == 2019
    assert rows.loc[("COV", "VN"), "limit_factor"] == approx(0.02)
    # POV / VN: the indicator's target 5 -> R = 0.732 as in the first test
    assert rows.loc[("POV", "VN"), "status"] == "accelerate"
    assert rows.loc[("POV", "VN"), "ratio"] == about(0.7319822)
    # POV / P34-01: its own 2025 target 9 (the plan's target year, not the later 2030 row) is already met
    assert rows.loc[("POV", "P34-01"), ["status", "target", "target_year"]].tolist() == [
        "achieved",
        9.0,
        2025,
    ]


def test_assess_frame_takes_the_indicators_table_and_keeps_its_columns_when_empty():
    meta = pd.DataFrame([{"indicator_code": code, **m} for code, m in META.items()])
    out = progress.assess_frame(
        _long([("POV", "VN", 2016, 10.0), ("POV", "VN", 2020, 8.0)]), indicator_meta=meta
    )
    assert out.status.tolist() == ["accelerate"]
    empty = progress.assess_frame(_long([]), indicator_meta=META)
    assert list(empty.columns) == list(progress.FRAME_COLUMNS) and empty.empty


def test_assess_groups_names_the_group_in_errors():
    rows = [{"indicator_code": "POV", "area_id": "VN", "year": 2016, "value": 1.0}] * 2
    with pytest.raises(ValueError, match="POV / VN"):
        progress.assess_groups(rows, indicator_meta=META)
    with pytest.raises(ValueError, match="no metadata"):
        progress.assess_groups([{**rows[0], "indicator_code": "XYZ"}], indicator_meta=META)


# 9/ PROPERTIES

YEARS = st.lists(st.integers(2014, 2026), min_size=2, max_size=6, unique=True)
# Whole hundredths between 5 and 20 keep clear of the 0.001 replacement and of near-equal pairs, and
# give growth rates that land in every band.
VALUE = st.integers(500, 2000).map(lambda n: n / 100)
MAYBE = st.none() | st.integers(300, 3000).map(lambda n: n / 100)
BREAKS = st.lists(st.integers(2015, 2026), max_size=1)
BAND_ORDER = ["achieved", "on_track", "accelerate", "limited", "deteriorating"]


@settings(max_examples=200, deadline=None)
@given(st.data(), YEARS, st.booleans(), MAYBE, MAYBE, BREAKS)
def test_a_better_latest_value_never_worsens_the_status(data, years, hib, target, limit, breaks):
    values = data.draw(st.lists(VALUE, min_size=len(years), max_size=len(years)))
    better = data.draw(VALUE)
    latest = years.index(max(years))
    if (better > values[latest]) != hib or better == values[latest]:
        values[latest], better = better, values[latest]  # make `better` the improvement
    improved = [*values[:latest], better, *values[latest + 1 :]]
    kw = {"higher_is_better": hib, "target": target, "limit": limit, "breaks": breaks}
    before, after = assess(years, values, **kw), assess(years, improved, **kw)
    if before.status == "insufficient":
        # Too little to judge progress stays so, unless the better value meets the target: a met target
        # is achieved whatever the period (found by Hypothesis: 5.0 -> 5.01 against 5.01, base 2025).
        assert after.status == "insufficient" or (after.status == "achieved" and after.reason == "target_met")
        return
    assert BAND_ORDER.index(after.status) <= BAND_ORDER.index(before.status)


@settings(max_examples=200, deadline=None)
@given(st.data(), YEARS, st.booleans(), MAYBE, MAYBE, BREAKS)
def test_negating_a_series_and_its_direction_changes_nothing(data, years, hib, target, limit, breaks):
    values = data.draw(st.lists(VALUE, min_size=len(years), max_size=len(years)))

    def neg(x):
        return None if x is None else -x

    a = assess(years, values, higher_is_better=hib, target=target, limit=limit, breaks=breaks)
    b = assess(
        years,
        [-v for v in values],
        higher_is_better=not hib,
        target=neg(target),
        limit=neg(limit),
        breaks=breaks,
    )
    assert (a.status, a.reason, a.cagr_observed, a.ratio, a.limit_factor) == (
        b.status,
        b.reason,
        b.cagr_observed,
        b.ratio,
        b.limit_factor,
    )


@settings(max_examples=200, deadline=None)
@given(st.data(), YEARS, st.booleans(), MAYBE, MAYBE)
def test_the_reciprocal_mirror_keeps_the_verdict(data, years, hib, target, limit):
    # v -> 1000 / v with the direction swapped describes the same progress (a rate and its inverse).
    # Growth flips exactly in sign but not in size: 1 + CAGR' = 1 / (1 + CAGR), so R' = R * (1 + CAGR_req)
    # / (1 + CAGR_obs). Achieved, deterioration, "some progress" and C agree exactly; the three progress
    # bands may differ near an edge (see the module NOTE and the next test).
    values = data.draw(st.lists(VALUE, min_size=len(years), max_size=len(years)))

    def inv(x):
        return None if x is None else 1000 / x

    a = assess(years, values, higher_is_better=hib, target=target, limit=limit)
    b = assess(
        years, [inv(v) for v in values], higher_is_better=not hib, target=inv(target), limit=inv(limit)
    )

    def verdict(status):
        return "progress" if status in ("on_track", "accelerate", "limited") else status

    assert verdict(a.status) == verdict(b.status)
    if a.cagr_observed is not None:
        assert 1 + b.cagr_observed == approx(1 / (1 + a.cagr_observed), rel=1e-9)
    if a.ratio is not None:
        assert b.ratio == approx(a.ratio * (1 + a.cagr_required) / (1 + a.cagr_observed), rel=1e-9, abs=1e-12)
    if a.limit_factor is not None:
        assert b.limit_factor == approx(a.limit_factor, rel=1e-9, abs=1e-12)


def test_the_reciprocal_mirror_can_cross_a_band_edge():
    # 100 -> 101.5: g = 1.5 % (on track). Mirrored 1/100 -> 1/101.5, lower is better:
    # g' = 1 - 100/101.5 = 1.5 % / 1.015 = 1.478 % -> accelerate. Documented, not a bug.
    a = assess([2016, 2017], [100, 101.5], higher_is_better=True)
    b = assess([2016, 2017], [1 / 100, 1 / 101.5], higher_is_better=False)
    assert (a.status, b.status) == ("on_track", "accelerate")
    assert -b.cagr_observed == approx(0.015 / 1.015)
    assert math.isclose(a.limit_factor, b.limit_factor)


# 10/ PUBLISHED PRECISION: VALUES AND TARGETS COMPARED AS PUBLISHED


def test_a_value_equal_to_the_target_as_published_has_met_it():
    # 94.99998 published with one decimal is 95.0: the table shows 95.0 against 95.0, so it is achieved
    a = assess([2016, 2024], [80.0, 94.99998], higher_is_better=True, target=95, decimals=1)
    assert (a.status, a.reason, a.latest_value, a.target) == ("achieved", "target_met", 95.0, 95.0)
    # compared as stored, the same series falls short by 0.00002 (what the Overview showed before)
    assert assess([2016, 2024], [80.0, 94.99998], higher_is_better=True, target=95).status == "on_track"
    # lower is better: 13.04 is 13.0 at one decimal (met), 13.04 at two (not met)
    assert (
        assess([2016, 2024], [20, 13.04], higher_is_better=False, target=13, decimals=1).status == "achieved"
    )
    assert assess([2016, 2024], [20, 13.04], higher_is_better=False, target=13, decimals=2).reason == "ratio"


def test_noise_beyond_the_published_decimals_does_not_flip_the_status():
    # Stored 95.000001 in the base year and 94.99998 now, target 95, one decimal: 95.0 -> 95.0 is no change
    # and meets the target. As stored, the base "met" the target and the latest value "lost" it.
    years, values = [2016, 2020, 2024], [95.000001, 95.0, 94.99998]
    assert assess(years, values, higher_is_better=True, target=95).status == "deteriorating"
    a = assess(years, values, higher_is_better=True, target=95, decimals=1)
    assert (a.status, a.base_value, a.latest_value) == ("achieved", 95.0, 95.0)
    # 89.999996 against 90 (CULTURED_FAM in the demo): on track as stored, achieved as published
    assert assess([2016, 2025], [80.0, 89.999996], higher_is_better=True, target=90).status == "on_track"
    assert (
        assess([2016, 2025], [80.0, 89.999996], higher_is_better=True, target=90, decimals=1).status
        == "achieved"
    )
    # without a target: 50.00001 -> 49.99999 is no change at one decimal (g = 0: limited), not a fall
    assert assess([2016, 2020], [50.00001, 49.99999], higher_is_better=True).status == "deteriorating"
    b = assess([2016, 2020], [50.00001, 49.99999], higher_is_better=True, decimals=1)
    assert (b.status, b.cagr_observed) == ("limited", 0.0)


def test_growth_is_computed_on_the_published_values():
    # 10.04 -> 8.04 at one decimal is 10.0 -> 8.0: CAGR_obs = 0.8^(1/4) - 1, as in the first test
    a = assess([2016, 2020], [10.04, 8.04], higher_is_better=False, target=5.04, decimals=1)
    b = assess([2016, 2020], [10, 8], higher_is_better=False, target=5)
    assert (a.status, a.cagr_observed, a.cagr_required, a.ratio) == (
        b.status,
        b.cagr_observed,
        b.cagr_required,
        b.ratio,
    )


@pytest.mark.parametrize(
    ("value", "decimals", "published"),
    [
        (2.675, 2, 2.68),  # half up on the decimal figure 2.675 (Python's round gives 2.67)
        (0.125, 2, 0.13),
        (94.85, 1, 94.9),
        (68.25, 1, 68.3),  # as statistical tables round (babel's default half to even gave 68.2)
        (94.95, 1, 95.0),
        (94.99998, 1, 95.0),
        (41.5, 0, 42.0),
        (-3.25, 1, -3.3),
    ],
)
def test_round_published_rounds_as_the_pages_print(value, decimals, published):
    from ascc import i18n

    assert progress.round_published(value, decimals) == published
    assert float(i18n.fmt_number(value, "en", decimals).replace(",", "")) == published


@settings(max_examples=300, deadline=None)
@given(st.floats(-1e6, 1e6, allow_nan=False), st.integers(0, 3))
def test_round_published_agrees_with_the_printed_figure(value, decimals):
    from ascc import i18n

    printed = i18n.fmt_number(value, "en", decimals).replace(",", "")
    assert progress.round_published(value, decimals) == float(printed)


def test_round_published_without_decimals_or_value():
    assert progress.round_published(94.99998, None) == 94.99998
    assert progress.round_published(None, 1) is None and progress.round_published(float("nan"), 1) is None
    assert progress.round_published(pd.NA, 1) is None


def test_assess_groups_takes_the_published_decimals_from_the_metadata():
    rows = [
        {"indicator_code": "COV", "area_id": "VN", "year": y, "value": v}
        for y, v in ((2016, 80.0), (2024, 94.99998))
    ]
    meta = {"COV": {"higher_is_better": True, "target_value": 95.0, "decimals": 1}}
    assert progress.assess_groups(rows, indicator_meta=meta)[0]["status"] == "achieved"
    assert (
        progress.assess_groups(rows, indicator_meta={"COV": {**meta["COV"], "decimals": None}})[0]["status"]
        == "on_track"
    )


# 11/ RANGE TARGETS (93-95 %)


def test_a_range_is_met_inside_it_or_beyond_it_in_the_desired_direction():
    kw = {"higher_is_better": True, "target": 93, "target_upper": 95}
    for latest in (93, 94, 95, 96.5):
        a = assess([2016, 2020], [80, latest], **kw)
        assert (a.status, a.reason) == ("achieved", "target_met"), latest
    a = assess([2016, 2020], [80, 90], **kw)
    # not yet: the required growth runs to the nearer bound, 93: (93/80)^(1/9) - 1 = 0.016877
    assert a.status == "on_track" and a.cagr_required == approx((93 / 80) ** (1 / 9) - 1)
    assert (a.target, a.target_upper, a.target_level) == (93, 95, 93)
    assert a.achieved_share == approx((90 - 80) / (93 - 80))
    # the same range stored the other way round is judged the same way
    b = assess([2016, 2020], [80, 90], higher_is_better=True, target=95, target_upper=93)
    assert (b.status, b.ratio, b.target_level) == (a.status, a.ratio, 93)
    # at the published decimals: 92.96 is 93.0
    assert assess([2016, 2020], [80, 92.96], decimals=1, **kw).status == "achieved"


def test_a_range_when_lower_is_better_is_judged_by_its_upper_bound():
    kw = {"higher_is_better": False, "target": 5, "target_upper": 4}
    assert assess([2016, 2020], [10, 4.5], **kw).status == "achieved"  # inside 4-5
    assert assess([2016, 2020], [10, 3], **kw).status == "achieved"  # beyond it, lower
    a = assess([2016, 2020], [10, 8], **kw)
    # towards 5, the nearer bound: R = 0.7320 as in the first test
    assert (a.status, a.target_level) == ("accelerate", 5) and a.ratio == about(0.7319822)


# 12/ ANNUAL-CHANGE TARGETS (-1 TO -1.5 POINTS A YEAR)

PACE = {"target": -1.0, "target_upper": -1.5, "target_type": "annual_change"}


def test_annual_change_target_of_resolution_16_for_poverty():
    # POV_MD in the demo: break in 2022, 6.00 (2022) -> 3.30 (2025); -1 to -1.5 points a year by 2025.
    # change_obs = (3.30 - 6.00) / 3 = -0.90 a year; change_req = -1.0 (the nearer bound)
    # R = -0.90 / -1.0 = 0.90 -> acceleration needed (short of 1 point a year, so not achieved)
    years, values = [2016, 2020, 2022, 2023, 2024, 2025], [9.2, 4.8, 6.0, 5.0, 4.1, 3.3]
    a = assess(years, values, higher_is_better=False, breaks=[2022], decimals=2, **PACE)
    assert (a.status, a.reason, a.base_year, a.segment_start) == ("accelerate", "change_ratio", 2022, 2022)
    assert a.change_observed == approx(-0.9) and a.change_required == -1.0 and a.ratio == approx(0.9)
    assert (a.target, a.target_upper, a.target_type) == (-1.0, -1.5, "annual_change")
    assert a.cagr_observed is None and a.cagr_required is None  # the growth model does not apply
    # the expected path: 6.00 - 1 point a year reaches 3.00 in 2025; 2.70 of the 3.00 points are covered
    assert a.target_level == approx(3.0)
    assert (a.expected_share, a.achieved_share) == (1.0, approx(0.9)) and a.progress_gap == approx(-0.1)


def test_annual_change_met_by_the_target_year_is_achieved():
    # 6.00 -> 3.00 over 2022-2025: exactly -1 point a year (3.00 - 6.00 is -3.0000000000000004 in binary)
    a = assess([2022, 2025], [6.0, 3.0], higher_is_better=False, **PACE)
    assert (a.status, a.reason) == ("achieved", "target_met")
    # at the published decimals, 2.99999999 is 3.00
    assert (
        assess([2022, 2025], [6.0, 3.00000001], higher_is_better=False, decimals=2, **PACE).status
        == "achieved"
    )
    assert assess([2022, 2025], [6.0, 3.00000001], higher_is_better=False, **PACE).status == "on_track"
    # faster than the far bound too: achieved
    assert assess([2022, 2025], [6.0, 1.0], higher_is_better=False, **PACE).status == "achieved"
    # before the target year the same pace is on track: the target is a pace to keep until 2025
    b = assess([2022, 2024], [6.0, 4.0], higher_is_better=False, **PACE)
    assert (b.status, b.reason, b.ratio) == ("on_track", "change_ratio", 1.0)


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (3.15, "on_track"),  # -0.95 a year: R = 0.95
        (3.2, "accelerate"),  # -0.93: R = 0.933
        (4.2, "accelerate"),  # -0.60: R = 0.60
        (4.3, "limited"),  # -0.567
        (6.0, "limited"),  # no change: R = 0
        (6.3, "deteriorating"),  # +0.1 a year: R < 0
    ],
)
def test_annual_change_bands(latest, status):
    a = assess([2022, 2025], [6.0, latest], higher_is_better=False, decimals=2, **PACE)
    assert a.status == status


def test_annual_change_rising_and_kept_as_set():
    # a rise of 1-1.5 points a year: 50 -> 53 over three years meets it in 2025
    rise = {"target": 1.0, "target_upper": 1.5, "target_type": "annual_change"}
    assert assess([2022, 2025], [50, 53], higher_is_better=True, **rise).status == "achieved"
    assert assess([2022, 2025], [50, 52], higher_is_better=True, **rise).status == "accelerate"  # R = 0.667
    # the pace is not rounded to the values' decimals: -1.5 a year stays -1.5 with whole-number values
    # (rounded to whole numbers it would be -2, and 10 -> 7 over two years would fall short)
    fall = {"target": -1.5, "target_type": "annual_change"}
    a = assess([2023, 2025], [10, 7], higher_is_better=False, decimals=0, **fall)
    assert (a.status, a.target) == ("achieved", -1.5)
    assert assess([2023, 2025], [10, 8], higher_is_better=False, decimals=0, **fall).ratio == approx(2 / 3)


def test_annual_change_of_zero_holds_the_level():
    hold = {"target": 0.0, "target_type": "annual_change"}
    assert assess([2022, 2024], [5, 5], higher_is_better=False, **hold).status == "on_track"
    assert assess([2022, 2025], [5, 4], higher_is_better=False, **hold).status == "achieved"
    a = assess([2022, 2025], [5, 5.3], higher_is_better=False, **hold)
    assert (a.status, a.ratio) == ("deteriorating", None)


def test_annual_change_needs_two_points_and_a_known_type():
    a = assess([2025], [3.3], higher_is_better=False, **PACE)
    assert (a.status, a.reason) == ("insufficient", "too_few_points")
    with pytest.raises(ValueError, match="target type"):
        assess([2022, 2025], [6.0, 3.0], higher_is_better=False, target=-1.0, target_type="rate")


def test_assess_frame_takes_target_kinds_from_meta_and_area_targets():
    meta = {
        "POV": {"higher_is_better": False, "decimals": 2, "series_breaks": [2022], "target_value": -1.0,
                "target_upper": -1.5, "target_type": "annual_change"},
        "WAT": {"higher_is_better": True, "decimals": 1, "target_value": 93.0, "target_upper": 95.0,
                "target_type": "level"},
    }  # fmt: skip
    df = _long(
        [
            ("POV", "VN", 2022, 6.0), ("POV", "VN", 2025, 3.3),
            ("POV", "P34-01", 2022, 6.0), ("POV", "P34-01", 2025, 3.3),
            ("WAT", "VN", 2016, 80.0), ("WAT", "VN", 2024, 92.96),
        ]
    )  # fmt: skip
    # P34-01 has a level target of its own: 3.5 % by 2025 (met by 3.3)
    own = pd.DataFrame({"indicator_code": ["POV"], "area_id": ["P34-01"], "year": [2025], "target_value": [3.5],
                        "target_upper": [float("nan")], "target_type": ["level"]})  # fmt: skip
    rows = progress.assess_frame(df, indicator_meta=meta, targets=own).set_index(
        ["indicator_code", "area_id"]
    )
    assert rows.loc[("POV", "VN"), ["status", "target_type", "ratio"]].tolist() == [
        "accelerate",
        "annual_change",
        approx(0.9),
    ]
    assert rows.loc[("POV", "P34-01"), ["status", "target", "target_type"]].tolist() == [
        "achieved",
        3.5,
        "level",
    ]
    assert rows.loc[("WAT", "VN"), ["status", "target_upper", "latest_value"]].tolist() == [
        "achieved",
        95.0,
        93.0,
    ]
    # a meta row without a target type (older datasets) reads as a level
    plain = progress.assess_frame(
        df[df.indicator_code == "WAT"],
        indicator_meta={"WAT": {"higher_is_better": True, "target_value": 93.0}},
    )
    assert plain["target_type"].tolist() == ["level"]


@settings(max_examples=200, deadline=None)
@given(
    st.data(),
    YEARS,
    st.booleans(),
    st.integers(1, 30),
    st.integers(0, 20),
    BREAKS,
    st.sampled_from([None, 0, 1, 2]),
)
def test_a_better_latest_value_never_worsens_an_annual_change_status(
    data, years, hib, pace, extra, breaks, decimals
):
    values = data.draw(st.lists(VALUE, min_size=len(years), max_size=len(years)))
    better = data.draw(VALUE)
    latest = years.index(max(years))
    if (better > values[latest]) != hib or better == values[latest]:
        values[latest], better = better, values[latest]
    improved = [*values[:latest], better, *values[latest + 1 :]]
    sign = 1 if hib else -1
    kw = {"higher_is_better": hib, "target": sign * pace / 10, "target_upper": sign * (pace + extra) / 10,
          "target_type": "annual_change", "breaks": breaks, "decimals": decimals}  # fmt: skip
    before, after = assess(years, values, **kw), assess(years, improved, **kw)
    if before.status == "insufficient":
        assert after.status == "insufficient"
        return
    assert BAND_ORDER.index(after.status) <= BAND_ORDER.index(before.status)
