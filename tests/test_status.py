"""Status for every indicator x area through the one engine, the queries behind it, and the status pages."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from ascc import db, progress, progress_views, status
from ascc.i18n import t
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
    assert pov["year"].tolist() == [2016, 2020, 2024, 2025]
    regions = db.run_query("progress_series", level="region", boundary="63", breakdown="total")
    assert set(regions["area_id"]) == {"R-RRD", "R-NMM"} and regions["year"].max() == 2024
    provinces = db.run_query("progress_series", level="province", boundary="34", breakdown="total")
    assert set(provinces["area_id"]) == {"P34-01", "P34-08", "P34-25"}


def test_national_status_matches_the_engine_by_hand(use_fixture):
    # POV nationally: break in 2022, so the segment is 2024 (8.05 %) -> 2025 (5.5 %), target 1 % in 2025.
    # CAGR_obs = 5.5/8.05 - 1 = -0.3168; CAGR_req = 1/8.05 - 1 = -0.8758; R = 0.362 -> limited progress.
    df = status.assessments("nation").set_index("indicator_code")
    row = df.loc["POV"]
    assert row["base_year"] == 2024 and row["ratio"] == pytest.approx((5.5 / 8.05 - 1) / (1 / 8.05 - 1))
    assert row["status"] == "limited"
    # IDX: 91 in 2024 meets the target of 90 -> achieved; INC has no target: (5000 / ?) one point -> insufficient
    assert df.loc["IDX", "status"] == "achieved"
    assert df.loc["INC", "status"] == "insufficient"
    direct = progress.assess([2016, 2020, 2024, 2025], [9.25, 7.65, 8.05, 5.5], higher_is_better=False,
                             target=1.0, breaks=(2022,))
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
    # POV: base 8.05 (2024) -> target 1.0; 2025 value 5.5 covers (5.5 - 8.05) / (1 - 8.05) = 36.2 %
    assert m.loc["Poverty", 2025] == pytest.approx((5.5 - 8.05) / (1 - 8.05))


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
        assert at.dataframe[1].value.shape[0] == 5  # one row per indicator
