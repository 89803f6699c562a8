"""Targets as readers see them (ascc.targets): levels, ranges and annual changes in text, charts, headlines, slides."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from ascc import charts, db, headlines, slides, targets
from ascc.i18n import t

PACE = targets.Target(-1.0, -1.5, targets.ANNUAL_CHANGE)
RANGE = targets.Target(93.0, 95.0)
LEVEL = targets.Target(95.0)


def _valid(fig: go.Figure) -> dict:
    spec = fig.to_dict()
    go.Figure(spec)  # plotly accepts every property
    return spec


def _target_shapes(spec: dict) -> list[dict]:
    return [
        s for s in spec["layout"].get("shapes", [])
        if s.get("line", {}).get("color") == charts.TARGET or s.get("fillcolor") == charts.TARGET
    ]  # fmt: skip


# 1/ TEXT


@pytest.mark.parametrize(
    ("target", "unit", "vi", "en"),
    [
        (PACE, "% of households", "giảm 1–1,5 điểm %/năm", "−1 to −1.5 percentage points a year"),
        (targets.Target(-1.0, None, "annual_change"), "%", "giảm 1 điểm %/năm", "−1 percentage point a year"),
        (targets.Target(0.5, 1.0, "annual_change"), "%", "tăng 0,5–1 điểm %/năm", "+0.5 to +1 percentage points a year"),
        (RANGE, "%", "93,0–95,0 %", "93.0–95.0%"),
        (targets.Target(95.0, 93.0), "%", "93,0–95,0 %", "93.0–95.0%"),  # stored the other way round
        (LEVEL, "%", "95,0 %", "95.0%"),
    ],
)
def test_target_text_in_both_languages(target, unit, vi, en):
    assert target.text(unit, "vi", 1) == vi
    assert target.text(unit, "en", 1) == en


def test_target_text_without_the_unit_and_from_rows():
    assert RANGE.text("%", "en", 1, with_unit=False) == "93.0–95.0"
    assert PACE.text("%", "en", 1, with_unit=False) == "−1 to −1.5 percentage points a year"  # a pace keeps its unit
    assert targets.fmt(None, None, None, "%", "en", 1) == "–"
    assert targets.fmt(float("nan"), float("nan"), float("nan"), "%", "en", 1) == "–"
    row = pd.Series({"target_value": -1.0, "target_upper": -1.5, "target_type": "annual_change"})
    assert targets.of_row(row) == PACE
    assert targets.of(95, float("nan"), None) == LEVEL  # a row of an older dataset: a level
    with pytest.raises(ValueError, match="target type"):
        targets.of(1.0, None, "rate")


def test_met_and_gap_at_the_published_decimals():
    assert LEVEL.met(94.99998, True, 1) and LEVEL.gap(94.99998, True, 1) == 0.0
    assert not LEVEL.met(94.99998, True, 5)
    assert RANGE.met(94.0, True, 1) and RANGE.met(96.0, True, 1) and not RANGE.met(92.9, True, 1)
    assert RANGE.gap(92.0, True, 1) == 1.0  # to the nearer bound
    assert targets.Target(5.0, 4.0).met(4.5, False, 1)  # lower is better: inside 4-5 is met
    assert PACE.met(3.0, False, 2) is None and PACE.gap(3.0, False, 2) is None  # a pace has no level


def test_pace_text_of_an_observed_change():
    assert targets.pace_text(-0.9, "%", "vi", 2) == "giảm 0,90 điểm %/năm"
    assert targets.pace_text(-0.9, "%", "en", 2) == "−0.90 percentage points a year"
    assert targets.pace_text(0.0, "%", "en", 2) == t("target.pace_hold", "en")


# 2/ CHARTS: A LEVEL IS A LINE, A RANGE A BAND, A PACE NO SHAPE AT ALL


def _series():
    return pd.DataFrame({"year": [2022, 2023, 2024, 2025], "value": [6.0, 5.0, 4.1, 3.3], "status": ["final"] * 4})


def test_trend_chart_draws_each_kind_of_target():
    kw = dict(lang="en", title="Poverty", unit="%", decimals=2, source="s", demo=False, target_year=2025)
    pace = _valid(charts.trend_chart(_series(), target_value=-1.0, target_upper=-1.5, target_type="annual_change", **kw))
    assert _target_shapes(pace) == []
    assert not any(tr.get("marker", {}).get("symbol") == "star" for tr in pace["data"])
    assert [tr["name"] for tr in pace["data"] if tr.get("marker", {}).get("symbol") == "arrow-down"] == [
        "2025 target: −1 to −1.5 percentage points a year"]  # fmt: skip
    # a pace does not stretch the x axis to the target year or pull the y axis to -1
    assert pace["layout"]["xaxis"]["range"] == [2021.5, 2025.5]
    band = _valid(charts.trend_chart(_series(), target_value=3.0, target_upper=4.0, target_type="level", **kw))
    assert [(s["type"], s["y0"], s["y1"]) for s in _target_shapes(band)] == [("rect", 3.0, 4.0)]
    assert "2025 target: 3.00–4.00%" in [tr.get("name") for tr in band["data"]]
    line = _valid(charts.trend_chart(_series(), target_value=3.0, **kw))
    assert [(s["type"], s["y0"]) for s in _target_shapes(line)] == [("line", 3.0)]


def test_ranking_and_small_multiples_with_a_range_and_a_pace(use_fixture):
    ranking = db.run_query("province_ranking", lang="en", indicator="POV", boundary="34", year=2025, breakdown="total")
    kw = dict(lang="en", title="Ranking", unit="%", decimals=2, source="s", demo=False, target_year=2025)
    pace = _valid(charts.ranking_bar(ranking, target_value=-1.0, target_upper=-1.5, target_type="annual_change", **kw))
    assert _target_shapes(pace) == []
    assert any(tr.get("name") == "2025 target: −1 to −1.5 percentage points a year" for tr in pace["data"])
    band = _valid(charts.ranking_bar(ranking, target_value=2.0, target_upper=1.0, target_type="level", **kw))
    assert [(s["type"], s["x0"], s["x1"], s["yref"]) for s in _target_shapes(band)] == [("rect", 1.0, 2.0, "y domain")]
    trend = db.run_query("region_trend", lang="en", indicator="POV", boundary="34", breakdown="total")
    multi = _valid(charts.small_multiples(trend, target_value=2.0, target_upper=1.0, target_type="level", **kw))
    assert {s["type"] for s in _target_shapes(multi)} == {"rect"} and len(_target_shapes(multi)) == 2  # two panels
    multi_pace = _valid(charts.small_multiples(trend, target_value=-1.0, target_type="annual_change", **kw))
    assert _target_shapes(multi_pace) == []


# 3/ HEADLINES AND SLIDES

INFO = {"indicator": "X", "name": "Tỷ lệ X", "short_name": "X rate", "unit": "%", "decimals": 2,
        "higher_is_better": False, "source": "s", "target_value": None, "target_year": None,
        "breakdown": "total", "breakdown_label": "", "break_year": None}  # fmt: skip


def test_target_clause_for_a_pace_sets_the_observed_change_against_it():
    info = {**INFO, "target_value": -1.0, "target_upper": -1.5, "target_type": "annual_change", "target_year": 2025}
    en = headlines.target_clause(3.3, info, "en", (2022, 6.0, 2025))
    assert en == "; −0.90 percentage points a year on average, against the 2025 target of −1 to −1.5 percentage points a year"
    vi = headlines.target_clause(3.3, info, "vi", (2022, 6.0, 2025))
    assert vi == "; bình quân giảm 0,90 điểm %/năm, mục tiêu năm 2025: giảm 1–1,5 điểm %/năm"
    # met by 2025 (-1.00 a year, the difference of two published values): "met"
    assert headlines.target_clause(3.0, info, "en", (2022, 6.0, 2025)) == (
        "; the 2025 target (−1 to −1.5 percentage points a year) is met")  # fmt: skip
    assert headlines.target_clause(3.3, info, "en") == ""  # no period to measure a pace over


def test_target_clause_for_a_range_and_at_the_published_decimals():
    info = {**INFO, "higher_is_better": True, "decimals": 1, "target_value": 93.0, "target_upper": 95.0,
            "target_type": "level", "target_year": 2025}  # fmt: skip
    assert headlines.target_clause(94.0, info, "en") == "; the 2025 target (93.0–95.0%) is met"
    assert headlines.target_clause(91.5, info, "en") == "; 1.5 pp from the 2025 target of 93.0–95.0%"
    # 92.96 is 93.0 as published: met (compared as stored it fell short by 0.04)
    assert headlines.target_clause(92.96, info, "en") == "; the 2025 target (93.0–95.0%) is met"


def test_slides_draw_no_target_series_for_a_pace():
    table = pd.DataFrame({"series": "Viet Nam", "role": "nation", "area_id": "VN", "year": [2022, 2025],
                          "value": [6.0, 3.3], "color": "#000", "status": "final", "derived": False})  # fmt: skip
    info = {**INFO, "target_value": -1.0, "target_upper": -1.5, "target_type": "annual_change", "target_year": 2025}
    assert slides._with_target(table, info, "en").equals(table)
    ranged = slides._with_target(table, {**info, "target_value": 4.0, "target_upper": 3.0, "target_type": "level"}, "en")
    target = ranged[ranged["role"] == "target"]
    # drawn at the nearer bound (4.0 when lower is better), named with the whole range
    assert set(target["value"]) == {4.0} and set(target["series"]) == {"2025 target: 3.00–4.00%"}


def test_indicator_info_carries_the_target_kind(use_fixture):
    info = slides.indicator_info("POV", "en")
    assert (info["target_value"], info["target_upper"], info["target_type"]) == (1.0, None, "level")
