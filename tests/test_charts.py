"""Chart builders inspected through fig.to_dict(): house look, reference lines per subplot, subplot grid."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from ascc import charts, db, settings
from ascc.i18n import t
from tests.apptest import values


def _ranking(lang: str = "en") -> pd.DataFrame:
    return db.run_query("province_ranking", lang=lang, indicator="POV", boundary="34", year=2025, breakdown="total")


def _trend(lang: str = "en") -> pd.DataFrame:
    return db.run_query("region_trend", lang=lang, indicator="POV", boundary="34", breakdown="total")


def _valid(fig: go.Figure) -> dict:
    """The figure as a dict, after checking that plotly accepts every property (built anew, validated)."""
    spec = fig.to_dict()
    go.Figure(spec)
    return spec


def _texts(spec: dict) -> list[str]:
    return [a["text"] for a in spec["layout"].get("annotations", [])]


def test_trend_chart_marks_target_break_and_boundary_change(use_fixture):
    series = db.run_query("national_trend", codes=["POV"])
    fig = charts.trend_chart(
        series, lang="en", title="Poverty (%)", unit="%", decimals=2, source="Test source", demo=True,
        target_value=1.0, target_year=2025, breaks=[(2022, "New poverty standard")], boundary_change_year=2024.5,
    )  # fmt: skip
    spec = _valid(fig)
    shapes = spec["layout"]["shapes"]
    assert shapes[0] == {"type": "line", "xref": "x domain", "yref": "y", "x0": 0, "x1": 1, "y0": 1.0, "y1": 1.0,
                         "line": {"color": charts.TARGET, "width": 1.5, "dash": "dot"}}  # fmt: skip
    assert [(s["x0"], s["xref"], s["yref"]) for s in shapes[1:]] == [(2021.5, "x", "y domain"), (2024.5, "x", "y domain")]
    assert _texts(spec) == [t("chart.series_break", "en"), "Source: Test source", t("demo.mark", "en")]
    assert spec["layout"]["separators"] == ".,"
    target = t("chart.target", "en", year=2025) + ": 1.00%"
    assert [tr["name"] for tr in spec["data"][1:]] == [target, t("chart.boundary_change", "en"), t("chart.hollow_prelim", "en")]


def test_a_long_title_in_a_narrow_chart_wraps_instead_of_running_under_the_demo_mark(use_fixture):
    series = db.run_query("national_trend", codes=["POV"])
    title = "Multidimensional poverty, Viet Nam, 2016-2025 (% of households)"
    kw = dict(lang="en", title=title, unit="%", decimals=2, source="S", demo=True)
    one_line = _valid(charts.trend_chart(series, **kw))["layout"]
    wrapped = _valid(charts.trend_chart(series, **kw, title_width=44))["layout"]
    assert one_line["title"]["text"] == title
    assert wrapped["title"]["text"] == "Multidimensional poverty, Viet Nam,<br>2016-2025 (% of households)"
    # room for the second line and, in a narrow chart, for the demo mark on a row of its own under the title
    # (at 1366 px a half-width chart has no room for it at the end of a title line)
    assert wrapped["margin"]["t"] == one_line["margin"]["t"] + 22 + charts.MARK_ROW
    assert wrapped["height"] == one_line["height"] + charts.MARK_ROW  # the plot keeps its height
    mark = [a for a in wrapped["annotations"] if a["text"] == t("demo.mark", "en")][0]
    assert (mark["x"], mark["xanchor"]) == (0, "left") and mark["yshift"] == 22 + 6  # above the legend row
    level = [a for a in one_line["annotations"] if a["text"] == t("demo.mark", "en")][0]
    assert level["yshift"] == one_line["margin"]["t"] - 34  # a full-width chart: level with the title
    short = _valid(charts.trend_chart(series, **{**kw, "title": "Poverty (%)"}, title_width=44))["layout"]
    assert short["title"]["text"] == "Poverty (%)" and short["margin"]["t"] == one_line["margin"]["t"] + charts.MARK_ROW
    # The unit in brackets is not split across the lines.
    vi = _valid(charts.trend_chart(series, **{**kw, "title": "Hộ nghèo đa chiều, cả nước, 2016–2025 (% số hộ)"},
                                   title_width=44))["layout"]  # fmt: skip
    assert vi["title"]["text"] == "Hộ nghèo đa chiều, cả nước, 2016–2025<br>(% số hộ)"


def test_ranking_bar_orders_best_first_with_nation_and_target_lines(use_fixture):
    fig = charts.ranking_bar(
        _ranking(), lang="vi", title="Xếp hạng", unit="%", decimals=2, source="Nguồn thử", demo=False,
        nation_value=5.5, target_value=1.0, target_year=2025, region_values={"RRD": 1.33, "NMM": 18.0},
        selected=("P34-08",),
    )  # fmt: skip
    spec = _valid(fig)
    layout = spec["layout"]
    # lower is better for POV, ranked by the query: rank 1 (Ha Noi) at the top, i.e. last category
    assert list(layout["yaxis"]["categoryarray"]) == ["Tuyen Quang", "Phu Tho", "Ha Noi"]
    assert [(s["x0"], s["line"]["color"]) for s in layout["shapes"]] == [(5.5, charts.NATION_COLOR), (1.0, charts.TARGET)]
    assert all(s["yref"] == "y domain" for s in layout["shapes"])
    assert _texts(spec) == ["Nguồn: Nguồn thử"]  # no demo mark on official data
    assert layout["margin"]["l"] == 130 and layout["separators"] == ",."
    bars = [t for t in spec["data"] if t["type"] == "bar"]
    assert {b["name"] for b in bars} == {"Red River Delta", "Northern Midlands and Mountains"}


@pytest.mark.parametrize("n_areas", [1, 2, 3, 4, 6, 7])
def test_subplot_grid_matches_make_subplots(n_areas):
    rows = int(np.ceil(n_areas / 3))
    ref = make_subplots(rows=rows, cols=3, shared_xaxes=True, shared_yaxes=True, vertical_spacing=0.14,
                        horizontal_spacing=0.04).to_dict()["layout"]  # fmt: skip
    cells = charts.subplot_grid(rows, 3, vertical_spacing=0.14, horizontal_spacing=0.04)
    assert len(cells) == rows * 3
    for axis, x_domain, y_domain in cells:
        assert x_domain == pytest.approx(ref["xaxis" + axis]["domain"])
        assert y_domain == pytest.approx(ref["yaxis" + axis]["domain"])


def test_small_multiples_draws_reference_lines_in_every_panel(use_fixture):
    fig = charts.small_multiples(
        _trend(), lang="en", title="Trends", unit="%", decimals=2, source="Test source", demo=True,
        target_value=1.0, target_year=2025, break_years=(2022,), boundary_change_year=2024.5,
    )  # fmt: skip
    spec = _valid(fig)
    layout = spec["layout"]
    # two regions on a 1 x 3 grid: three panels, y shared along the row
    assert [k for k in layout if k.startswith(("xaxis", "yaxis"))] == ["xaxis", "yaxis", "xaxis2", "yaxis2", "xaxis3", "yaxis3"]
    assert layout["yaxis2"]["matches"] == "y" and layout["yaxis2"]["showticklabels"] is False
    refs = [(s["xref"], s["yref"]) for s in layout["shapes"]]
    assert refs == [("x domain", "y"), ("x", "y domain"), ("x", "y domain"),
                    ("x2 domain", "y2"), ("x2", "y2 domain"), ("x2", "y2 domain")]  # fmt: skip
    assert _texts(spec)[:2] == ["Red River Delta", "Northern Midlands and Mountains"]  # panel titles
    panels = [t for t in spec["data"] if t.get("mode") == "lines+markers" and t.get("legendgroup") != "nation"]
    assert [(t["xaxis"], t["yaxis"]) for t in panels] == [("x", "y"), ("x2", "y2")]
    assert layout["legend"]["y"] > 1  # above the panel titles


def test_status_charts_and_heatmap_are_valid(use_fixture):
    counts = pd.DataFrame({"category": ["A", "B", "B"], "status": ["on_track", "limited", "achieved"], "n": [2, 1, 3]})
    stack = _valid(charts.status_stack(counts, lang="en", title="t", categories=[("A", "A. x"), ("B", "B. y")],
                                       source="s", demo=True))  # fmt: skip
    assert stack["layout"]["barmode"] == "stack" and stack["layout"]["margin"]["l"] == 10
    matrix = pd.DataFrame({2024: [0.5, np.nan], 2025: [1.2, -0.1]}, index=["Poverty", "Water"])
    heat = _valid(charts.progress_heatmap(matrix, lang="vi", title="t", source="s", demo=False))
    assert list(heat["data"][0]["text"][0]) == ["50 %", "≥100 %"]  # Vietnamese: a space before %
    assert "50 %" in heat["data"][0]["colorbar"]["ticktext"]
    heat_en = _valid(charts.progress_heatmap(matrix, lang="en", title="t", source="s", demo=False))
    assert list(heat_en["data"][0]["text"][0]) == ["50%", "≥100%"]
    rows = pd.DataFrame({"label": ["Poverty"], "status": ["accelerate"], "achieved_share": [0.4], "expected_share": [0.8]})
    bullets = _valid(charts.progress_bullets(rows, lang="en", title="t", source="s", demo=True))
    assert bullets["layout"]["xaxis"]["range"] == [-0.25, 1.25]


def test_presentation_copy_enlarges_a_copy_and_leaves_the_figure(use_fixture):
    fig = charts.ranking_bar(_ranking(), lang="en", title="Ranking", unit="%", decimals=2, source="Test source", demo=True)
    before = fig.to_json()
    big = _valid(charts.presentation_copy(fig))["layout"]
    assert fig.to_json() == before
    # a 1920 x 1080 slide: the chart area, and type legible from the back of a room (issue 14)
    assert (big["width"], big["height"]) == (charts.PRESENT_WIDTH, charts.PRESENT_HEIGHT)
    assert big["title"]["font"]["size"] >= 28 and big["title"]["text"] == "Ranking"
    assert big["yaxis"]["tickfont"]["size"] >= 16 and big["xaxis"]["tickfont"]["size"] >= 16
    assert big["legend"]["font"]["size"] >= 16
    source = next(a for a in big["annotations"] if "Test source" in a["text"])
    assert source["font"]["size"] >= 14
    # the footer and title room grow with the type, so nothing overlaps
    assert source["yshift"] == pytest.approx(fig.layout.annotations[0].yshift * charts.PRESENT_SCALE)
    assert big["margin"]["t"] == pytest.approx(fig.layout.margin.t * charts.PRESENT_SCALE)


def test_a_title_wrapped_for_a_column_is_one_line_on_a_slide(use_fixture):
    fig = charts.trend_chart(_trend().query("area_id == 'VN'"), lang="en", title="Poverty rate, Viet Nam, 2016-2025 (%)",
                             unit="%", decimals=1, source="s", demo=False, title_width=20)
    assert "<br>" in fig.layout.title.text
    big = charts.presentation_copy(fig).layout
    assert "<br>" not in big.title.text and big.margin.t < fig.layout.margin.t * charts.PRESENT_SCALE


@pytest.mark.parametrize("n, slides", [(10, 1), (24, 1), (34, 2), (63, 3)])
def test_long_rankings_are_split_over_slides(n, slides):
    names = [f"Province {i:02d}" for i in range(n)]
    fig = go.Figure(go.Bar(x=list(range(n)), y=names, orientation="h"),
                    layout={"title": {"text": "Ranking"}, "yaxis": {"categoryorder": "array", "categoryarray": names[::-1]}})
    parts = charts.presentation_slides(fig)
    assert len(parts) == slides
    if slides == 1:
        return
    # consecutive windows from the top of the ranking down, every province on exactly one slide
    seen = []
    order = names[::-1]  # the category array: the last is drawn at the top
    for i, part in enumerate(parts, start=1):
        lo, hi = part.layout.yaxis.range
        shown = [order[k] for k in range(len(order)) if lo < k < hi]
        assert 0 < len(shown) <= charts.PRESENT_MAX_BARS
        assert part.layout.title.text == f"Ranking ({i}/{slides})"
        seen += shown[::-1]
    assert seen == names


def test_progress_bullets_never_leave_an_indicator_furthest_behind_empty(use_fixture):
    rows = pd.DataFrame({
        "label": ["Poverty", "Water", "Deaths", "Income", "Vaccines"],
        "status": ["deteriorating", "insufficient", "deteriorating", "on_track", "achieved"],
        "achieved_share": [-0.12, np.nan, np.nan, 0.54, np.nan],
        "expected_share": [0.9, np.nan, 0.9, 0.9, 0.9],
        "target": [1.0, 65.0, np.nan, 90.0, 95.0],
    })  # fmt: skip
    for lang, minus, pct in (("vi", "−12 %", "54 %"), ("en", "−12%", "54%")):
        spec = _valid(charts.progress_bullets(rows, lang=lang, title="t", source="s", demo=False))
        bars, marks = spec["data"][0], spec["data"][1]
        # the negative share keeps a bar (to the left of 0); its figure is written at 0 with the mark
        assert values(bars["x"])[0] == pytest.approx(-0.12) and bars["text"][0] == ""
        assert bars["text"][3].startswith(pct)
        # every row without a bar to the right of 0 has a mark at 0 with its figure or status word
        assert list(marks["y"]) == ["Poverty", "Water", "Deaths", "Vaccines"] and values(marks["x"]) == [0, 0, 0, 0]
        texts = [s.strip() for s in marks["text"]]
        assert texts[0].startswith(minus) and "▼" in texts[0]
        assert texts[1] == "? " + t("status.insufficient", lang)  # no data: never "no target set"
        assert texts[2].startswith("▼") and texts[2].endswith(t("card.no_target", lang))
        assert texts[3] == "✔ " + t("status.achieved", lang)  # base already met: achieved, target exists
        assert list(marks["marker"]["symbol"]) == ["triangle-down", "circle-open", "triangle-down", "diamond"]
        assert spec["layout"]["separators"] == charts.separators(lang)


def test_every_kind_of_mark_has_a_legend_entry(use_fixture):
    # hollow points mean "preliminary" on a trend and "rebuilt" on the former-provinces chart: each says so
    series = pd.DataFrame({"year": [2020, 2021, 2022], "value": [5.0, 4.0, 3.0], "status": ["final", "final", "preliminary"]})
    trend = _valid(charts.trend_chart(series, lang="en", title="t", unit="%", decimals=1, source="s", demo=False))
    assert "Hollow point: preliminary or estimated" in [tr.get("name") for tr in trend["data"]]
    df = pd.DataFrame({"area_id": ["A", "A", "B", "B"], "name": ["New", "New", "Old", "Old"], "year": [2021, 2022] * 2,
                       "value": [1.0, 2.0, 1.5, 2.5], "derived": [True, False, False, False]})
    multi = _valid(charts.multi_line(df, lang="vi", title="t", unit="%", decimals=1, source="s", demo=False,
                                     highlight="A", breaks=[(2022, "Chuẩn nghèo mới")]))
    assert "Điểm rỗng: tính lại theo địa giới 34 tỉnh (*)" in [tr.get("name") for tr in multi["data"]]
    assert any(sh["line"]["color"] == charts.BREAK for sh in multi["layout"]["shapes"])
    assert "Thay đổi phương pháp" in [a["text"] for a in multi["layout"]["annotations"]]


def test_close_values_are_ranked_as_dots_and_labels_sit_clear_of_reference_lines():
    df = pd.DataFrame({"area_id": ["A", "B", "C"], "name": ["Alpha", "Beta", "Gamma"], "region_code": ["RRD", "NMM", "RRD"],
                       "region_name": ["Red River Delta", "Northern Midlands", "Red River Delta"],
                       "value": [88.4, 84.5, 80.0], "rank": [1, 2, 3], "derived": [False, False, True], "status": "final"})
    kw = dict(lang="vi", title="t", unit="%", decimals=1, source="s", demo=False, nation_value=84.5, target_value=90.0,
              target_year=2025)
    close = _valid(charts.ranking_bar(df, **kw))
    points = [tr for tr in close["data"] if tr.get("yaxis") != "y2" and tr["type"] == "scatter" and tr.get("mode") == "markers"
              and tr.get("name") in ("Red River Delta", "Northern Midlands")]
    assert len(points) == 2 and not [tr for tr in close["data"] if tr["type"] == "bar"]
    lo, hi = close["layout"]["xaxis"]["range"]
    assert 75 < lo < 80 and 90 < hi < 95  # not from zero, and the target line (90) stays on the axis
    assert "trục không bắt đầu từ 0" in close["layout"]["xaxis"]["title"]["text"]
    # the values are tick labels of the right-hand axis, outside the plot: no line can cross them
    assert list(close["layout"]["yaxis2"]["ticktext"]) == ["80,0 *", "84,5", "88,4"]
    assert close["layout"]["yaxis2"]["side"] == "right" and close["layout"]["yaxis2"]["matches"] == "y"
    assert not any(tr.get("text") is not None for tr in close["data"])
    # values spread from near zero stay bars from zero
    wide = _valid(charts.ranking_bar(df.assign(value=[20.0, 8.0, 0.5]), **kw))
    assert [tr["type"] for tr in wide["data"] if tr.get("name") == "Red River Delta"] == ["bar"]
    assert "range" not in wide["layout"]["xaxis"]


def test_the_status_symbols_after_ranking_values_are_in_the_legend():
    df = pd.DataFrame({"area_id": ["A", "B"], "name": ["Alpha", "Beta"], "region_code": ["RRD", "RRD"],
                       "region_name": ["Red River Delta"] * 2, "value": [2.0, 9.0], "rank": [1, 2], "derived": False,
                       "status": "final", "progress": ["achieved", "limited"]})
    spec = _valid(charts.ranking_bar(df, lang="en", title="t", unit="%", decimals=1, source="s", demo=False))
    names = [tr.get("name") for tr in spec["data"]]
    assert "✔ Target achieved" in names and "■ Limited progress" in names and "▲ On track" not in names


def test_figures_send_the_same_json_with_and_without_plotly_checks(use_bundled, monkeypatch):
    # The server builds figures without Plotly's property checks (settings.validate_figures); the tests
    # build them with. What reaches the browser must be the same: every chart of five pages, both ways.
    import json

    from ascc import figcache
    from tests.apptest import new_app

    cases = [("pages/regions.py", {"ind": "POV_MD", "year": "2021"}), ("pages/overview.py", {"year": "2022"}),
             ("pages/profile.py", {"area": "P34-38", "tab": "communes"}), ("pages/pillars.py", {}),
             ("pages/ministries.py", {}), ("pages/regions.py", {"ind": "SIPAS", "boundary": "63", "present": "1"})]  # fmt: skip

    def specs(validate: str) -> list[dict]:
        monkeypatch.setenv(settings.VALIDATE_FIGURES_ENV, validate)
        figcache.clear()
        out = []
        for page, query in cases:
            at = new_app(page, lang="en", **query)
            assert not at.exception
            out += [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
        return out

    checked, unchecked = specs("1"), specs("0")
    assert len(checked) >= 15
    assert checked == unchecked


def test_a_narrow_trend_chart_has_a_legend_row_for_each_entry(use_fixture):
    # half-width charts stacked their legend entries into three rows that rose into the title (1366 and 1500 px)
    series = db.run_query("national_trend", codes=["POV"])
    kw = dict(lang="vi", title="Hộ nghèo đa chiều, cả nước, 2016–2025 (% số hộ)", unit="%", decimals=2, source="S",
              demo=True, target_value=1.0, target_year=2025, boundary_change_year=2024.5)
    wide = _valid(charts.trend_chart(series, **kw))
    narrow = _valid(charts.trend_chart(series, **kw, title_width=44))
    entries = sum(1 for tr in narrow["data"] if tr.get("showlegend", True))
    assert entries >= 2
    extra = 22 + charts.MARK_ROW + 22 * (entries - 1)  # the title's second line, the mark row, the legend rows
    assert narrow["layout"]["margin"]["t"] == wide["layout"]["margin"]["t"] + extra
    big = charts.presentation_copy(go.Figure(narrow)).layout
    mark = next(a for a in big.annotations if a.text == t("demo.mark", "vi"))
    assert mark.yshift == pytest.approx((22 * entries + 6) * charts.PRESENT_SCALE)  # still above the legend on a slide
