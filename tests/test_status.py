"""Status for every indicator x area through the one engine, the queries behind it, and the status pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ascc import charts, dataset, db, progress, progress_views, settings, status
from ascc.i18n import t
from tests import fixture_data
from tests.apptest import new_app, plotly_figures, texts, values


def test_progress_meta_and_targets(use_fixture):
    meta = db.run_query("progress_meta").set_index("indicator_code")
    assert list(meta.loc["POV", "series_breaks"]) == [2022]
    assert meta.loc["POV", "target_value"] == 1.0 and not meta.loc["POV", "higher_is_better"]
    assert db.run_query("area_targets").empty  # the fixture has national targets only


def test_progress_series_levels(use_fixture):
    nation = db.run_query("progress_series", level="nation", boundary="34", breakdown="total")
    assert set(nation["area_id"]) == {"VN"}
    pov = nation[nation["indicator_code"] == "POV"]
    # the one national value: published rows (2016, 2020, 2024, 2025), else aggregated from the provinces
    assert pov["year"].tolist() == list(range(2016, 2026))
    regions = db.run_query("progress_series", level="region", boundary="63", breakdown="total")
    assert set(regions["area_id"]) == {"R-RRD", "R-NMM"} and regions["year"].max() == 2024
    provinces = db.run_query("progress_series", level="province", boundary="34", breakdown="total")
    assert set(provinces["area_id"]) == {"P34-01", "P34-08", "P34-25"}


def test_national_status_matches_the_engine_by_hand(use_fixture):
    # POV nationally: break in 2022, so the segment is 2022 (177/2000 = 8.85 %, from the provinces) -> 2025
    # (5.5 %), target 1 % in 2025. CAGR_obs = (5.5/8.85)^(1/3) - 1 = -0.1466; CAGR_req = (1/8.85)^(1/3) - 1
    # = -0.5165; R = 0.284 -> limited progress.
    df = status.assessments("nation").set_index("indicator_code")
    row = df.loc["POV"]
    r = ((5.5 / 8.85) ** (1 / 3) - 1) / ((1 / 8.85) ** (1 / 3) - 1)
    assert row["base_year"] == 2022 and row["ratio"] == pytest.approx(r)
    assert row["status"] == "limited"
    # IDX: 91 in 2024 meets the target of 90 -> achieved. INC has no target: 4000 in 2016 (weighted mean of the
    # provinces) -> 5000 published in 2024: g = 1.25^(1/8) - 1 = 2.83 % >= 1.5 % -> on track
    assert df.loc["IDX", "status"] == "achieved"
    assert df.loc["INC", ["status", "reason", "base_value"]].tolist() == ["on_track", "no_target_growth", 4000.0]
    direct = progress.assess([2016, 2020, 2022, 2024, 2025], [9.25, 7.65, 8.85, 8.05, 5.5], higher_is_better=False,
                             target=1.0, breaks=(2022,), decimals=2)
    assert direct.status == row["status"] and direct.ratio == pytest.approx(row["ratio"])


def test_province_status_uses_rebuilt_history(use_fixture):
    df = status.assessments("province", "34").set_index(["indicator_code", "area_id"])
    # P34-08 WATER: rebuilt 2016 (40+40)/200 = 40 %, reported 2025 130/200 = 65 % >= target 65 -> achieved
    assert df.loc[("WATER", "P34-08"), "status"] == "achieved"
    assert df.loc[("WATER", "P34-08"), "base_value"] == pytest.approx(40.0)
    as_of = status.assessments("province", "34", as_of=2020).set_index(["indicator_code", "area_id"])
    assert as_of.loc[("WATER", "P34-08"), "latest_year"] == 2020


def test_views_for_the_pages(use_fixture):
    nation = status.assessments("nation")
    behind = progress_views.needing_acceleration(nation)
    assert set(behind["status"]) <= {"accelerate", "limited", "deteriorating"}
    provinces = status.assessments("province", "34")
    worst = progress_views.furthest_behind(provinces, "POV", n=2)
    assert len(worst) == 2
    # all indicators at once = one indicator at a time (worst status, then largest shortfall, then ratio)
    each = progress_views.furthest_behind_each(provinces, n=2)
    for code in provinces["indicator_code"].unique():
        d = provinces[(provinces["indicator_code"] == code) & (provinces["status"] != "insufficient")]
        key = d.assign(r=d["status"].map(lambda s: progress.status_rank(s, worst_first=True)),
                       g=d["progress_gap"].fillna(np.inf), q=d["ratio"].fillna(np.inf))  # fmt: skip
        expected = key.sort_values(["r", "g", "q"], kind="stable").head(2)["area_id"].tolist()
        assert each.loc[each["indicator_code"] == code, "area_id"].tolist() == expected
    series = db.run_query("progress_series", level="nation", boundary="34", breakdown="total")
    m = progress_views.share_matrix(series, nation, {"POV": "Poverty"})
    # POV: base 8.85 (2022) -> target 1.0; 2025 value 5.5 covers (5.5 - 8.85) / (1 - 8.85) = 42.7 %
    assert m.loc["Poverty", 2025] == pytest.approx((5.5 - 8.85) / (1 - 8.85))


def test_reference_queries(use_fixture):
    assert db.run_query("pillars_list", lang="en")["pillar_code"].tolist() == list("ABCDE")
    now = db.run_query("ministry_leads", lang="en", as_of=dt.date(2025, 7, 1)).set_index("indicator_code")
    assert now.loc["POV", "ministry_code"] == "MAE" and now.loc["POV", "previous_code"] == "MOLISA"
    assert now.loc["POV", "moved_note"] == "moved from MOLISA"
    before = db.run_query("ministry_leads", lang="en", as_of=dt.date(2024, 12, 31)).set_index("indicator_code")
    assert before.loc["POV", "ministry_code"] == "MOLISA" and before["previous_code"].isna().all()
    mergers = db.run_query("ministry_mergers", lang="vi")
    assert mergers["ministry_code"].tolist() == ["MOLISA"] and mergers["successor_code"].tolist() == ["MOHA"]
    names = db.run_query("area_names", lang="en").set_index("area_id")["name"]
    assert names["VN"] == "Viet Nam" and names["P34-08"] == "Tuyen Quang"
    defs = db.run_query("indicator_definitions", lang="en").set_index("indicator_code")
    assert defs.loc["POV", "definition"] == "Definition of POV" and defs.loc["POV", "target_value"] == 1.0
    split = db.run_query("split_provinces", lang="en")
    assert split.empty  # in the fixture every new province lies within one region


def test_overview_shows_the_engine_status(use_fixture):
    at = new_app(lang="en")
    engine = status.status_of("nation")
    expected = f"{progress.STATUS_STYLE[engine[('POV', 'VN')]]['icon']} {t('status.' + engine[('POV', 'VN')], 'en')}"
    assert expected in texts(at)  # the card badge
    table = at.dataframe[0].value.set_index("Indicator")
    assert table.loc["Poverty rate", "Progress"] == expected


@pytest.mark.parametrize("query", [{}, {"region": "NMM"}, {"prov": "P34-08"}])
def test_pillars_page_scopes(use_fixture, query):
    at = new_app("pages/pillars.py", lang="en", **query)
    assert not at.exception
    figs = plotly_figures(at)
    stack = figs[0]
    # the counts chart adds up to the number of indicators assessed for the scope
    total = sum(sum(values(tr["x"])) for tr in stack["data"])
    level = "province" if "prov" in query else "region" if "region" in query else "nation"
    area = query.get("prov") or (f"R-{query['region']}" if "region" in query else "VN")
    frame = status.assessments(level, "34")
    assert total == len(frame[frame["area_id"] == area])


def test_ministries_page_and_pre_merger_view(use_fixture):
    at = new_app("pages/ministries.py", lang="en")
    assert not at.exception
    assert [s.value for s in at.subheader][0].startswith("Ministry of Home Affairs") or at.subheader
    assert "MOLISA → MAE" in texts(at)
    at.toggle(key="ministries_before").set_value(True).run()
    assert any("Ministry of Labour" in s.value for s in at.subheader)


def test_methodology_page(use_fixture):
    for lang in ("vi", "en"):
        at = new_app("pages/methodology.py", lang=lang)
        assert not at.exception and len(at.header) == 4
        assert at.table[0].value.shape[0] == 5  # one row per indicator


# Targets of every kind on the fixture: poverty must fall 1-1.5 points a year (an annual change, as in
# Resolution 16/2021/QH15), clean water 60-70 % (a range), satisfaction 90 % with a 2025 value stored as
# 89.99996 (published with one decimal: 90.0).
TARGET_KINDS = pd.DataFrame(
    [
        ("POV", "VN", 2025, -1.0, -1.5, "annual_change", False, "Nghị quyết thử", "Test resolution"),
        ("WATER", "VN", 2025, 60.0, 70.0, "level", False, "Mục tiêu thử", "Test target"),
        ("IDX", "VN", 2025, 90.0, None, "level", False, "Mục tiêu thử", "Test target"),
    ],
    columns=list(fixture_data.TARGETS.columns),
)


@pytest.fixture(scope="module")
def target_kinds_dir(tmp_path_factory):
    out = fixture_data.build(tmp_path_factory.mktemp("target-kinds"))
    dataset.write_table(out, "targets", TARGET_KINDS)
    noisy = pd.DataFrame([{**fixture_data._plain("IDX", "VN", 2025, 89.99996, status="preliminary")}])
    dataset.write_results(out, noisy, batch_id="fx-0002-noise")
    return out


@pytest.fixture()
def use_target_kinds(target_kinds_dir, monkeypatch):
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(target_kinds_dir))
    db.clear_cache()
    yield target_kinds_dir
    db.clear_cache()


def test_status_and_overview_compare_at_the_published_decimals(use_target_kinds):
    # IDX: 89.99996 in 2025 is 90.0 as published (one decimal): it meets the target of 90 everywhere.
    engine = status.assessments("nation").set_index("indicator_code")
    summary = db.run_query("national_summary", lang="en", year=None, headline_only=None).set_index("indicator_code")
    assert summary.loc["IDX", "latest_value"] == pytest.approx(89.99996)
    assert engine.loc["IDX", ["status", "latest_value", "target"]].tolist() == ["achieved", 90.0, 90.0]
    assert bool(summary.loc["IDX", "target_met"]) and summary.loc["IDX", "gap"] == 0.0
    # WATER: 68.25 % in 2025 lies inside the range 60-70 %: met, measured from the nearer bound 60
    assert engine.loc["WATER", ["status", "target", "target_upper", "target_level"]].tolist() == [
        "achieved", 60.0, 70.0, 60.0]  # fmt: skip
    assert bool(summary.loc["WATER", "target_met"]) and summary.loc["WATER", "gap"] < 0  # past the nearer bound
    # one truth: wherever a level target exists, "met" in the summary is "achieved" by the engine
    for code in ("IDX", "WATER"):
        assert bool(summary.loc[code, "target_met"]) == (engine.loc[code, "status"] == "achieved")


def test_annual_change_target_status_and_summary(use_target_kinds):
    # POV: after the 2022 break, 8.85 % (2022) -> 5.50 % (2025): -1.12 points a year against -1 to -1.5.
    # R = (-3.35 / 3) / -1.0 = 1.117 and 2025 is the target year: the pace is met -> achieved.
    row = status.assessments("nation").set_index("indicator_code").loc["POV"]
    assert (row["status"], row["reason"], row["target_type"]) == ("achieved", "target_met", "annual_change")
    assert row["change_observed"] == pytest.approx(-3.35 / 3) and row["ratio"] == pytest.approx(3.35 / 3)
    assert row["target_level"] == pytest.approx(8.85 - 3)  # the level the pace reaches in 2025
    # the heatmap measures the way towards that level, as the status does (not towards "-1 %")
    series = db.run_query("progress_series", level="nation", boundary="34", breakdown="total")
    m = progress_views.share_matrix(series, status.assessments("nation"), {"POV": "Poverty"})
    assert m.loc["Poverty", 2025] == pytest.approx(row["achieved_share"]) == pytest.approx(3.35 / 3)
    # as of 2024 (8.05 %): -0.40 a year, R = 0.40 -> limited progress
    as_of = status.assessments("nation", as_of=2024).set_index("indicator_code").loc["POV"]
    assert as_of["status"] == "limited" and as_of["ratio"] == pytest.approx(0.4)
    # the summary has no gap and no "met" for a pace: they belong to levels
    summary = db.run_query("national_summary", lang="en", year=None, headline_only=None).set_index("indicator_code")
    assert summary.loc["POV", ["target_value", "target_upper", "target_type"]].tolist() == [-1.0, -1.5, "annual_change"]
    assert pd.isna(summary.loc["POV", "gap"]) and pd.isna(summary.loc["POV", "target_met"])
    meta = db.run_query("progress_meta").set_index("indicator_code")
    assert meta.loc["POV", ["target_type", "decimals"]].tolist() == ["annual_change", 2]


def test_overview_shows_each_kind_of_target(use_target_kinds):
    at = new_app(lang="en")
    assert not at.exception
    shown = texts(at)
    assert "2025 target: −1 to −1.5 percentage points a year" in shown
    assert "Average 2022–2025: −1.12 percentage points a year" in shown
    assert "2025 target: 60.0–70.0%" in shown and "2025 target: 90.0%" in shown
    table = at.dataframe[0].value.set_index("Indicator")
    assert table.loc["Poverty rate", "2025 target"] == "−1 to −1.5 percentage points a year"
    assert table.loc["Clean water", "2025 target"] == "60.0–70.0"
    assert table.loc["Satisfaction index", "Progress"].endswith(t("status.achieved", "en"))
    figs = {f["layout"]["title"]["text"].split(",")[0]: f for f in plotly_figures(at)}
    pov, water = figs["Poverty rate"], figs["Clean water"]
    # a pace is not a level: no target line or star on the poverty chart, only a legend entry with an arrow
    assert not any(sh.get("line", {}).get("color") == charts.TARGET for sh in pov["layout"].get("shapes", []))
    assert not any(tr.get("marker", {}).get("symbol") == "star" for tr in pov["data"])
    entry = [tr for tr in pov["data"] if tr.get("name", "").startswith("2025 target")]
    assert [tr["marker"]["symbol"] for tr in entry] == ["arrow-down"]
    # a range is a band from 60 to 70
    bands = [sh for sh in water["layout"]["shapes"] if sh["type"] == "rect"]
    assert [(sh["y0"], sh["y1"]) for sh in bands] == [(60.0, 70.0)]


def test_overview_in_vietnamese_writes_the_pace(use_target_kinds):
    at = new_app()
    assert "Mục tiêu 2025: giảm 1–1,5 điểm %/năm" in texts(at)
    assert "Bình quân 2022–2025: giảm 1,12 điểm %/năm" in texts(at)


def test_regions_page_draws_no_level_line_for_a_pace(use_target_kinds):
    at = new_app("pages/regions.py", lang="en", ind="POV")
    assert not at.exception
    for fig in plotly_figures(at):
        assert not any(sh.get("line", {}).get("color") == charts.TARGET for sh in fig["layout"].get("shapes", []))


@pytest.mark.parametrize(
    ("lang", "words", "pace"),
    [
        ("en", ("nearer bound", "annual change", "published decimals"), "−1 to −1.5 percentage points a year"),
        ("vi", ("cận gần hơn", "thay đổi hằng năm", "thập phân công bố"), "giảm 1–1,5 điểm %/năm"),
    ],
)
def test_methodology_explains_each_kind_of_target(use_target_kinds, lang, words, pace):
    at = new_app("pages/methodology.py", lang=lang)
    assert not at.exception
    shown = texts(at)
    assert all(w in shown for w in words)
    table = at.table[0].value
    assert pace in table[t("col.target", lang)].tolist()
    assert ("60,0–70,0 %" if lang == "vi" else "60.0–70.0%") in table[t("col.target", lang)].tolist()


def test_assessments_are_computed_once_for_every_server_process(tmp_path, monkeypatch):
    # Replicas behind the balancer read one copy per dataset version (ascc.db.computed_once), so a
    # province frame (hundreds of milliseconds on the full dataset) is computed once, not once each.
    from ascc import lookups

    data = fixture_data.build(tmp_path / "d")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(data))
    monkeypatch.setenv(settings.CACHE_DIR_ENV, str(tmp_path / "cache"))
    db.clear_cache()
    lookups.clear()
    first = status.assessments("province", "34", as_of=2020)
    assert len(list((tmp_path / "cache").glob("*/*/frames/assessments-province-34-total-2020-*.pickle"))) == 1
    # Another process: nothing in its memory, the frame is read from the cache folder, not computed.
    db.clear_cache()
    lookups.clear()
    monkeypatch.setattr(status, "_compute", lambda *args: pytest.fail(f"computed again: {args}"))
    pd.testing.assert_frame_equal(status.assessments("province", "34", as_of=2020), first)
    # A new release of the engine (other code, same data) computes its own frame.
    calls = []
    monkeypatch.setattr(status, "_compute", lambda *args: calls.append(args) or first)
    monkeypatch.setattr(status, "_ENGINE", (*status._ENGINE, Path(__file__)))
    db.clear_cache()
    lookups.clear()
    status.assessments("province", "34", as_of=2020)
    assert calls == [("province", "34", "total", 2020)]
    # New data (an import) is a new version: computed anew as well.
    newer = {**fixture_data._ratio("POV", "P63-01", 2020, 1, 1000), "batch_id": "fx-0009"}
    dataset.write_results(data, pd.DataFrame([newer]), batch_id="fx-0009")
    lookups.clear()
    status.assessments("province", "34", as_of=2020)
    assert len(calls) == 2
    db.clear_cache()
    lookups.clear()


def test_precompute_covers_what_the_pages_ask_first(use_fixture, monkeypatch):
    n = status.precompute(boundaries=("34",))
    years = db.run_query("years_available")["year"].tolist()
    assert n == len(status.LEVELS) * (len(years) + 1)
    monkeypatch.setattr(status, "_compute", lambda *args: pytest.fail(f"not precomputed: {args}"))
    from ascc import lookups

    lookups.clear()
    status.status_of("province", "34", as_of=years[-1])
    status.assessments("nation", "34")
