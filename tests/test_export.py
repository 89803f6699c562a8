"""Slide decks: specs, headline sentences, and decks built from the fixture opened again with python-pptx."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Emu

from ascc import cli, db, export, headlines, progress, slides

ALL_KINDS = [
    {"kind": "national_trend", "indicator": "POV"},
    {"kind": "ranking", "indicator": "POV", "boundary": "34", "year": 2024},
    {"kind": "ranking", "indicator": "WATER", "boundary": "63", "year": 2020, "region": "RRD"},
    {"kind": "region_compare", "indicator": "POV", "boundary": "34", "year": 2024},
    {"kind": "region_trend", "indicator": "POV", "boundary": "34"},
    {"kind": "province_trend", "indicator": "POV", "area": "P34-08"},
    {"kind": "map", "indicator": "POV", "boundary": "34", "year": 2024},
]


def _open(data: bytes):
    return Presentation(io.BytesIO(data))


def _named(slide, name: str):
    return [s for s in slide.shapes if s.name == name]


def _charts(slide):
    return [s.chart for s in slide.shapes if s.has_chart]


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


# --- specs -------------------------------------------------------------------------------------


def test_normalise_fills_defaults_and_rejects_bad_specs():
    spec = slides.normalise({"kind": "ranking", "indicator": "POV", "year": "2024"})
    assert spec == {"kind": "ranking", "indicator": "POV", "boundary": "34", "year": 2024, "region": None,
                    "breakdown": "total"}
    assert slides.normalise({**spec, "title": "Mine", "id": "x"})["title"] == "Mine"
    with pytest.raises(slides.SpecError):
        slides.normalise({"kind": "pie", "indicator": "POV"})
    with pytest.raises(slides.SpecError):
        slides.normalise({"kind": "ranking", "indicator": "POV", "boundary": "35"})
    with pytest.raises(slides.SpecError):
        slides.normalise({"kind": "province_trend", "indicator": "POV"})
    with pytest.raises(slides.SpecError):
        slides.normalise({"kind": "national_trend", "indicator": "POV", "colour": "red"})
    # A page may pass its whole view: parameters of other kinds are dropped.
    assert slides.normalise({"kind": "national_trend", "indicator": "POV", "region": "RRD", "boundary": "63"}) == \
        {"kind": "national_trend", "indicator": "POV", "year": None}


def test_unknown_indicator_or_region(use_fixture):
    with pytest.raises(slides.SpecError, match="unknown indicator"):
        slides.fetch({"kind": "national_trend", "indicator": "NOPE"}, "en")
    with pytest.raises(slides.SpecError, match="unknown region"):
        slides.fetch({"kind": "ranking", "indicator": "POV", "region": "XX"}, "en")


def test_batches(use_fixture):
    pack = slides.region_pack("POV", year=2024)
    assert [s["kind"] for s in pack] == ["national_trend", "region_compare", "region_trend", "ranking", "ranking"]
    assert [s["region"] for s in pack[3:]] == ["RRD", "NMM"]
    per_province = slides.province_pack("POV", "RRD", year=2024)
    assert [s.get("area") for s in per_province] == ["P34-01", "P34-25", None]
    assert per_province[-1]["kind"] == "ranking" and per_province[-1]["region"] == "RRD"


# --- headlines (pure) --------------------------------------------------------------------------

INFO = {"indicator": "X", "name": "Tỷ lệ X", "short_name": "X rate", "unit": "%", "decimals": 1,
        "higher_is_better": False, "source": "s", "target_value": None, "target_year": None,
        "breakdown": "total", "breakdown_label": "", "break_year": None}


def _trend(rows):
    return pd.DataFrame(rows, columns=["series", "role", "area_id", "year", "value", "color", "status", "derived"])


def test_region_trend_headline_picks_the_most_improved_region():
    table = _trend([
        ("North", "region", "R-N", 2016, 21.2, "#000", "final", False),
        ("North", "region", "R-N", 2024, 9.8, "#000", "final", False),
        ("South", "region", "R-S", 2016, 5.0, "#000", "final", False),
        ("South", "region", "R-S", 2024, 4.0, "#000", "final", False),
        ("Viet Nam", "nation", "VN", 2016, 10.0, "#000", "final", False),
        ("Viet Nam", "nation", "VN", 2024, 6.26, "#000", "final", False),
    ])
    en = headlines.headline("region_trend", table, INFO, "en")
    assert en == ("X rate in the North fell from 21.2% in 2016 to 9.8% in 2024, the largest improvement of the "
                  "two regions; Viet Nam: 10.0% → 6.3%")
    vi = headlines.headline("region_trend", table, INFO, "vi")
    assert vi == ("Tỷ lệ X ở vùng North giảm từ 21,2 % năm 2016 xuống 9,8 % năm 2024, cải thiện nhiều nhất trong "
                  "2 vùng; cả nước: 10,0 % → 6,3 %")
    worse = table.assign(value=[9.8, 21.2, 4.0, 5.0, 6.0, 6.0])
    assert "smallest deterioration" in headlines.headline("region_trend", worse, INFO, "en")
    assert "South rose from 4.0% in 2016 to 5.0%" in headlines.headline("region_trend", worse, INFO, "en")


def test_movement_judged_on_the_values_as_shown():
    assert headlines.movement(4.04, 3.96, 2016, 2024, INFO, "en") == "stayed at 4.0% from 2016 to 2024"
    # 1,234.5 shown with no decimals is 1.235: half up, as statistical tables round
    assert headlines.movement(1234.5, 2000, 2016, 2024, {**INFO, "unit": "người", "decimals": 0}, "vi") == \
        "tăng từ 1.235 người năm 2016 lên 2.000 người năm 2024"


def test_target_clause_met_and_gap():
    info = {**INFO, "target_value": 3.0, "target_year": 2025}
    assert headlines.target_clause(2.5, info, "en") == "; the 2025 target (3.0%) is met"
    assert headlines.target_clause(4.26, info, "vi") == "; còn cách mục tiêu năm 2025 (3,0 %) 1,3 điểm %"
    assert headlines.short_unit("% số hộ") == "%"


# --- decks from the fixture --------------------------------------------------------------------


def _expected_series(spec: dict, lang: str) -> dict[str, dict]:
    """What each chart must show, straight from the queries: series name -> {category: value}."""
    kind = spec["kind"]
    if kind in ("ranking", "map"):
        df = db.run_query("province_ranking", lang=lang, indicator=spec["indicator"], boundary=spec.get("boundary", "34"),
                          year=spec["year"], breakdown="total")
        if spec.get("region"):
            df = df[df["region_code"] == spec["region"]]
        df = df[df["value"].notna()].sort_values("rank")
        return {"bars": dict(zip(df["name"], df["value"], strict=True))}
    if kind == "region_compare":
        df = db.run_query("region_summary", lang=lang, indicator=spec["indicator"], boundary="34", year=spec["year"],
                          breakdown="total")
        return {"bars": dict(zip(df["name"], df["value"], strict=True))}
    if kind == "national_trend":
        df = db.run_query("national_trend", codes=[spec["indicator"]])
        return {"nation": {str(y): v for y, v in zip(df["year"], df["value"], strict=True)}}
    if kind == "region_trend":
        df = db.run_query("region_trend", lang=lang, indicator=spec["indicator"], boundary="34", breakdown="total")
    else:
        df = db.run_query("province_peer_trend", lang=lang, indicator=spec["indicator"], area=spec["area"],
                          breakdown="total")
    # One series per area: an aggregate named with its coverage in some years ("Đông Nam Bộ (1/2 tỉnh, ...)")
    # is one line under its name without the coverage.
    def series_name(part):
        return part["name"].iloc[0] if part["name"].nunique() == 1 else min(part["name"], key=len).split(" (")[0]

    return {series_name(part): {str(y): v for y, v in zip(part["year"], part["value"], strict=True)}
            for _, part in df.groupby("area_id", sort=False)}


def _decimals(code: str) -> int:
    df = db.run_query("indicator_list", lang="en")
    return int(df.loc[df["indicator_code"] == code, "decimals"].iloc[0])


def _check_chart(slide, spec: dict, lang: str) -> None:
    charts = _charts(slide)
    assert charts, f"{spec['kind']}: no native chart"
    # The chart holds the values at the published precision (rounded half up), as the headline shows them.
    dec = _decimals(spec["indicator"])
    expected = {series: {k: progress.round_published(v, dec) for k, v in values.items()}
                for series, values in _expected_series(spec, lang).items()}
    if "bars" in expected:
        # One series (split over two charts when long): categories start with the area name.
        cats, vals = [], []
        for chart in charts:
            cats += list(chart.plots[0].categories)
            vals += list(chart.plots[0].series[0].values)
        bars = expected["bars"]
        assert len(cats) == len(bars)
        names = [next(n for n in bars if str(c) == n or str(c).startswith(n + " ")) for c in cats]
        for name, val in zip(names, vals, strict=True):
            assert _close(val, bars[name]), (name, val, bars[name])
        if spec["kind"] != "region_compare":
            assert names == list(bars)  # rank order, best first
        return
    chart = charts[0]
    years = [str(c) for c in chart.plots[0].categories]
    shown = {s.name: dict(zip(years, s.values, strict=True)) for s in chart.plots[0].series}
    for name, by_year in expected.items():
        key = name if name in shown else next(iter(shown))  # national trend: the one value series
        for year, value in by_year.items():
            assert _close(shown[key][year], value), (name, year)
        assert all(v is None for y, v in shown[key].items() if y not in by_year)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_deck_in_both_languages(use_fixture, lang):
    data = export.build_deck(ALL_KINDS, lang=lang, map_images=False, organisation="Org X")
    prs = _open(data)
    assert len(prs.slides) == len(ALL_KINDS) + 1
    assert math.isclose(Emu(prs.slide_width).inches, 13.333, abs_tol=0.01)
    assert math.isclose(Emu(prs.slide_height).inches, 7.5, abs_tol=0.01)
    cover = prs.slides[0]
    assert "Org X" in " ".join(s.text_frame.text for s in cover.shapes if s.has_text_frame)
    as_of = "1 January 2026" if lang == "en" else "1 tháng 1 năm 2026"
    source = "test"  # the rows' own source (the fixture's rows), not the catalogue's "Test source"
    for spec, slide in zip(ALL_KINDS, list(prs.slides)[1:], strict=True):
        _check_chart(slide, spec, lang)
        sd = slides.fetch(spec, lang)
        headline = _named(slide, export.SHAPE_HEADLINE)[0].text_frame.text
        assert headline == headlines.headline(spec["kind"], sd.table, sd.info, lang)
        footer = _named(slide, export.SHAPE_FOOTER)[0].text_frame.text
        assert source in footer and as_of in footer
        notes = slide.notes_slide.notes_text_frame.text
        assert headline in notes and ("Key numbers" if lang == "en" else "Số liệu chính") in notes
        assert _named(slide, export.SHAPE_DEMO), "demo mark on every slide"
        assert _named(slide, export.SHAPE_TITLE)[0].text_frame.text == sd.title
    assert _named(cover, export.SHAPE_DEMO)


def test_headline_figures_come_from_the_data(use_fixture):
    # Fixture: national poverty 161/2000 in 2024 and 110/2000 in 2025 (after the 2022 break), target 1.
    prs = _open(export.build_deck(ALL_KINDS[:2], lang="en", map_images=False))
    text = [_named(s, export.SHAPE_HEADLINE)[0].text_frame.text for s in list(prs.slides)[1:]]
    # The national series is the one national value: 2022 has no VN row, so it is computed from the four
    # provinces (177/2000 = 8.85 %), and the series after the 2022 break starts there.
    assert text[0] == ("Poverty rate in Viet Nam fell from 8.85% in 2022 to 5.50% in 2025 (the method changed in "
                       "2022); 4.50 pp from the 2025 target of 1.00%")
    # 2024 on the 34 set, rebuilt: Ha Noi 14/1000, Phu Tho 19/500, Tuyen Quang (74 + 54)/500.
    assert text[1].startswith("In 2024, Ha Noi ranks first (1.40%) and Tuyen Quang last (25.60%) of the 3 provinces")
    prs = _open(export.build_deck(ALL_KINDS[:1], lang="vi", map_images=False))
    assert _named(prs.slides[1], export.SHAPE_HEADLINE)[0].text_frame.text == (
        "Tỷ lệ hộ nghèo của cả nước giảm từ 8,85 % năm 2022 xuống 5,50 % năm 2025 (phương pháp thay đổi từ năm 2022); "
        "còn cách mục tiêu năm 2025 (1,00 %) 4,50 điểm %"
    )
    notes = prs.slides[1].notes_slide.notes_text_frame.text
    assert "2016 9,25 %" in notes and "2025 5,50 % (sơ bộ)" in notes


def test_ranking_bars_take_the_status_colours_and_user_titles(use_fixture):
    from ascc import progress, status

    spec = {**ALL_KINDS[1], "title": "  Một tiêu đề riêng  "}
    prs = _open(export.build_deck([spec], lang="vi", map_images=False))
    slide = prs.slides[1]
    assert _named(slide, export.SHAPE_TITLE)[0].text_frame.text == "Một tiêu đề riêng"
    statuses = status.status_of("province", "34", as_of=2024)
    sd = slides.fetch(spec, "vi")
    series = _charts(slide)[0].plots[0].series[0]
    for i, area in enumerate(sd.table["area_id"]):
        want = progress.STATUS_STYLE[statuses.get(("POV", area), "insufficient")]["color"]
        assert str(series.points[i].format.fill.fore_color.rgb) == want[1:].upper()
    assert series.values == tuple(progress.round_published(v, 2) for v in sd.table["value"])


def test_no_demo_mark_on_an_official_dataset(tmp_path, monkeypatch):
    from ascc import settings
    from tests import fixture_data

    monkeypatch.setenv(settings.DATA_DIR_ENV, str(fixture_data.build(tmp_path / "official", kind="official")))
    db.clear_cache()
    try:
        prs = _open(export.build_deck(ALL_KINDS[:2], lang="en", map_images=False))
    finally:
        db.clear_cache()
    for slide in prs.slides:
        assert not _named(slide, export.SHAPE_DEMO)
        assert "DEMO" not in slide.notes_slide.notes_text_frame.text


def test_map_falls_back_to_bars_without_a_browser(use_fixture, monkeypatch):
    monkeypatch.setenv(export.BROWSER_ENV, "/nonexistent/chromium")
    assert export.browser_path() is None
    prs = _open(export.build_deck([ALL_KINDS[-1]], lang="en"))
    slide = prs.slides[1]
    assert _charts(slide) and not _named(slide, export.SHAPE_MAP)
    assert "Map shown as a ranked bar chart (no browser available for map images)." in \
        _named(slide, export.SHAPE_NOTE)[0].text_frame.text
    # Switched off by the environment even when a browser exists.
    monkeypatch.delenv(export.BROWSER_ENV)
    monkeypatch.setenv(export.MAP_IMAGES_ENV, "0")
    assert not _named(_open(export.build_deck([ALL_KINDS[-1]], lang="vi")).slides[1], export.SHAPE_MAP)


def test_map_is_a_picture_when_a_browser_exists(use_fixture):
    pytest.importorskip("kaleido")
    if export.browser_path() is None:
        pytest.skip("no Chrome/Chromium for Kaleido on this machine")
    prs = _open(export.build_deck([ALL_KINDS[-1]], lang="vi", map_images=True))
    slide = prs.slides[1]
    pictures = _named(slide, export.SHAPE_MAP)
    assert pictures and pictures[0].image.content_type == "image/png"
    assert not _charts(slide)
    assert "Hà Nội" in " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


# --- command line ------------------------------------------------------------------------------


def test_cli_builds_a_deck_on_the_bundled_dataset(use_bundled, tmp_path):
    out = tmp_path / "x.pptx"
    rc = cli.main(["export-deck", "--indicator", "POV_MD", "--by", "region", "--year", "2024", "--lang", "en",
                   "--boundary", "34", "--out", str(out)])
    assert rc == 0
    prs = _open(out.read_bytes())
    assert len(prs.slides) == 1 + 3 + 6  # title, national trend, regions compared, regional trends, 6 regions
    assert all(_charts(s) for s in list(prs.slides)[1:])


def test_cli_by_province(use_fixture, tmp_path):
    out = tmp_path / "p.pptx"
    assert cli.main(["export-deck", "--indicator", "POV", "--by", "province", "--region", "RRD", "--year", "2024",
                     "--lang", "vi", "--out", str(out)]) == 0
    assert len(_open(out.read_bytes()).slides) == 1 + 2 + 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--indicator", "NOPE"], "unknown indicator 'NOPE'"),
        (["--indicator", "POV", "--region", "XX"], "unknown region 'XX'"),
        (["--indicator", "POV", "--year", "1999"], "no POV values for 1999"),
        (["--indicator", "POV", "--by", "province"], "--by province needs --region"),
    ],
)
def test_cli_rejects_bad_arguments(use_fixture, tmp_path, capsys, args, message):
    out = tmp_path / "bad.pptx"
    assert cli.main(["export-deck", *args, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


# --- issue 14: titles, number formats, rounded chart data, the map's region -------------------


def test_slide_titles_are_title_placeholders(use_fixture):
    from pptx.enum.shapes import PP_PLACEHOLDER

    prs = _open(export.build_deck(ALL_KINDS[:2], lang="en", map_images=False))
    for slide, size in zip(prs.slides, (36, 24, 24), strict=True):
        title = slide.shapes.title
        assert title is not None and title.is_placeholder and title.name == export.SHAPE_TITLE
        assert title.placeholder_format.type == PP_PLACEHOLDER.TITLE
        assert title.text_frame.paragraphs[0].runs[0].font.size.pt == size
    assert prs.slides[1].shapes.title.text_frame.text == slides.fetch(ALL_KINDS[0], "en").title
    assert math.isclose(Emu(prs.slides[1].shapes.title.left).inches, export.BOX_TITLE[0], abs_tol=0.01)


@pytest.mark.parametrize(("lang", "prefix"), [("vi", "[$-42A]"), ("en", "[$-409]")])
def test_chart_number_formats_follow_the_deck_language_and_decimals(use_fixture, lang, prefix):
    from lxml import etree

    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    prs = _open(export.build_deck([ALL_KINDS[1], ALL_KINDS[0]], lang=lang, map_images=False))
    bar, line = (_charts(s)[0] for s in list(prs.slides)[1:])
    for chart in (bar, line):
        xml = etree.fromstring(chart.part.blob)
        labels = xml.xpath("//c:dLbls/c:numFmt | //c:dLbl/c:numFmt", namespaces=ns)
        assert labels, "every data label carries a number format"
        assert {(f.get("formatCode"), f.get("sourceLinked")) for f in labels} == {(prefix + "#,##0.00", "0")}
        axis = xml.xpath("//c:valAx/c:numFmt", namespaces=ns)[0]
        assert axis.get("formatCode") in (prefix + "#,##0", prefix + "#,##0.0") and axis.get("sourceLinked") == "0"


def test_chart_data_is_rounded_to_the_published_decimals(use_fixture):
    import openpyxl
    from lxml import etree

    prs = _open(export.build_deck([ALL_KINDS[0]], lang="en", map_images=False))
    chart = _charts(prs.slides[1])[0]
    xml = etree.fromstring(chart.part.blob)
    cached = [v.text for v in xml.iter("{http://schemas.openxmlformats.org/drawingml/2006/chart}v")]
    numbers = [float(v) for v in cached if v.replace(".", "").isdigit() and "." in v]
    assert numbers and all(len(v.split(".")[1]) <= 2 for v in cached if v.replace(".", "").isdigit() and "." in v)
    # 2019: (poor / households) of the fixture = 9.4666... -> 9.47 everywhere, also in "Edit Data".
    assert "9.47" in cached and not any(v.startswith("9.4666") for v in cached)
    wb = openpyxl.load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
    cells = [c.value for row in wb.active.iter_rows(min_row=2, min_col=2) for c in row if isinstance(c.value, float)]
    assert 9.47 in cells and all(round(v, 2) == v for v in cells)


def test_map_spec_keeps_its_region(use_fixture):
    spec = {"kind": "map", "indicator": "POV", "boundary": "34", "year": 2024, "region": "RRD"}
    assert slides.normalise(spec)["region"] == "RRD"
    data = slides.fetch(spec, "en")
    rrd = set(slides.provinces_of("RRD", "34")["area_id"])
    assert set(data.table["area_id"]) <= rrd and data.info["region_name"] in data.title
    fig = export.map_figure(data, height=600)
    tiles = next(t for t in fig.data if t.name == "provinces")
    assert {c[0] for c in tiles.customdata} == rrd  # only the region's tiles
    national = export.map_figure(slides.fetch({**spec, "region": None}, "en"), height=600)
    assert national.layout.height == 600  # as tall as asked, as wide as the map's aspect
    assert len(next(t for t in national.data if t.name == "provinces").customdata) > len(rrd)


@pytest.mark.parametrize("lang, words", [("en", "Method change from 2022"), ("vi", "Thay đổi phương pháp từ năm 2022")])
def test_a_trend_slide_says_where_the_series_breaks(use_fixture, lang, words):
    # The native chart cannot draw the break line (issue 14): the note under it names the year and reason.
    prs = _open(export.build_deck([{"kind": "national_trend", "indicator": "POV"}], lang=lang, map_images=False))
    note = _named(prs.slides[1], export.SHAPE_NOTE)[0].text_frame.text
    assert words in note
    water = _open(export.build_deck([{"kind": "national_trend", "indicator": "WATER"}], lang=lang, map_images=False))
    notes = _named(water.slides[1], export.SHAPE_NOTE)
    assert not notes or words not in notes[0].text_frame.text  # no break, no note
