"""One national value: every page's question and every slide show the same national figure for an
indicator-year, on both boundary sets (the Overview, Regions, Profile, Pillars, Ministries and decks)."""

from __future__ import annotations

import pandas as pd
import pytest

from ascc import db, slides, status


def _national_values(boundary: str, codes: list[str], years: list[int]) -> dict[str, dict[tuple[str, int], float]]:
    """Source name -> {(indicator, year): national value} as each page and slide kind gets it."""
    seen: dict[str, dict[tuple[str, int], float]] = {}

    def put(source: str, code: str, year, value) -> None:
        if pd.notna(value):
            seen.setdefault(source, {})[(code, int(year))] = float(value)

    for year in years:
        # Overview (and Pillars, Ministries: the same national_summary) as of each year
        summary = db.run_query("national_summary", lang="vi", year=year, headline_only=None)
        for r in summary[summary["latest_year"] == year].itertuples():
            put("overview.summary", r.indicator_code, year, r.latest_value)
    trend = db.run_query("national_trend", codes=None)
    for r in trend.itertuples():
        put("overview.trend", r.indicator_code, r.year, r.value)
    series = db.run_query("progress_series", level="nation", boundary=boundary, breakdown="total")
    for r in series.itertuples():
        put("status.nation", r.indicator_code, r.year, r.value)
    provinces = db.run_query("provinces_list", lang="en", boundary=boundary, region=None)
    area = provinces["area_id"].iloc[0]
    for code in codes:
        rt = db.run_query("region_trend", lang="en", indicator=code, boundary=boundary, breakdown="total")
        for r in rt[rt["area_id"] == "VN"].itertuples():
            put("regions.trend", code, r.year, r.value)
        peer = db.run_query("province_peer_trend", lang="en", indicator=code, area=area, breakdown="total")
        for r in peer[peer["role"] == "nation"].itertuples():
            put("profile.peer_trend", code, r.year, r.value)
        for kind in ("national_trend", "region_trend"):
            data = slides.fetch(slides.make_spec(kind, indicator=code, boundary=boundary, year=None), "en")
            rows = data.table[data.table["role"] == "nation"]
            for r in rows.itertuples():
                put(f"deck.{kind}", code, r.year, r.value)
        data = slides.fetch(slides.make_spec("province_trend", indicator=code, area=area, year=None), "vi")
        for r in data.table[data.table["role"] == "nation"].itertuples():
            put("deck.province_trend", code, r.year, r.value)
        for year in years:
            rs = db.run_query("region_summary", lang="en", indicator=code, boundary=boundary, year=year,
                              breakdown="total")
            put("regions.summary", code, year, rs.loc[rs["area_id"] == "VN", "value"].iloc[0])
        data = slides.fetch(slides.make_spec("region_compare", indicator=code, boundary=boundary,
                                             year=years[-1]), "en")
        put("deck.region_compare", code, years[-1],
            data.table.loc[data.table["area_id"] == "VN", "value"].iloc[0] if (data.table["area_id"] == "VN").any() else None)
    profile = db.run_query("province_profile", lang="en", area_id=area, year=None)
    for r in profile.itertuples():
        if pd.notna(r.latest_year):
            put("profile.table", r.indicator_code, r.latest_year, r.nation_value)
    return seen


def _assert_one_value(seen: dict[str, dict[tuple[str, int], float]]) -> int:
    reference: dict[tuple[str, int], tuple[str, float]] = {}
    compared = 0
    for source, values in seen.items():
        for key, value in values.items():
            if key in reference:
                first_source, first = reference[key]
                assert value == pytest.approx(first, rel=1e-12), f"{key}: {first_source} {first} != {source} {value}"
                compared += 1
            else:
                reference[key] = (source, value)
    return compared


@pytest.mark.parametrize("boundary", ["63", "34"])
def test_bundled_national_value_is_the_same_everywhere(use_bundled, boundary):
    codes = db.run_query("indicator_list", lang="en")["indicator_code"].tolist()
    years = list(range(2016, 2026))
    seen = _national_values(boundary, codes, years)
    assert _assert_one_value(seen) > 1000
    # the status engine assesses the same national series on both boundary sets
    assert status.status_of("nation", "63") == status.status_of("nation", "34")


def test_bundled_national_value_does_not_change_with_the_boundary_set(use_bundled):
    # POV_MD 2022 used to read 6.00 % (Overview), 6.71 % (regional trends on the 34 set), 6.15 % (63 set)
    values = set()
    for boundary in ("63", "34"):
        rt = db.run_query("region_trend", lang="vi", indicator="POV_MD", boundary=boundary, breakdown="total")
        values.add(round(float(rt[(rt["area_id"] == "VN") & (rt["year"] == 2022)]["value"].iloc[0]), 9))
    summary = db.run_query("national_summary", lang="vi", year=2022, headline_only=None).set_index("indicator_code")
    values.add(round(float(summary.loc["POV_MD", "latest_value"]), 9))
    assert len(values) == 1


@pytest.mark.parametrize("boundary", ["63", "34"])
def test_fixture_national_value_is_the_same_everywhere(use_fixture, boundary):
    seen = _national_values(boundary, ["POV", "WATER", "IDX", "INC", "DIS"], list(range(2016, 2026)))
    assert _assert_one_value(seen) > 100
