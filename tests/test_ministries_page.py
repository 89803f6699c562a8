"""The Lead ministries page opens with the answer: ministries ranked by indicators behind schedule, then per
ministry the provinces holding it back with their values; choices kept in the URL; both languages."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from ascc import db, i18n, progress, progress_views, status
from tests.apptest import new_app, plotly_figures, texts

PAGE = "pages/ministries.py"
NOW = dt.date(2025, 7, 1)


# --- the pure parts -------------------------------------------------------------------------------------


def test_behind_is_one_definition():
    assert progress.BEHIND == ("accelerate", "limited", "deteriorating")
    assert set(progress.BEHIND) < set(progress.STATUSES)
    frame = pd.DataFrame({"status": list(progress.STATUSES), "progress_gap": np.nan})
    assert list(progress_views.needing_acceleration(frame)["status"]) == ["deteriorating", "limited", "accelerate"]
    assert progress_views.is_behind(frame["status"]).tolist() == [s in progress.BEHIND for s in progress.STATUSES]


def test_ministry_ranking_worst_first_with_counts():
    assessed = pd.DataFrame(
        [("A", "achieved"), ("A", "limited"), ("A", "insufficient"), ("B", "deteriorating"), ("B", "on_track"),
         ("C", "accelerate"), ("C", "deteriorating"), ("D", "achieved")],
        columns=["ministry_code", "status"],
    )  # fmt: skip
    out = progress_views.ministry_ranking(assessed, ["D", "A", "B", "C"])
    # C 2 of 2 behind, B 1 of 2, A 1 of 3 (its insufficient indicator is not behind), D 0 of 1
    assert out["ministry_code"].tolist() == ["C", "B", "A", "D"]
    assert out["rank"].tolist() == [1, 2, 3, 4]
    a = out.set_index("ministry_code").loc["A"]
    assert (a["n"], a["behind"], a["insufficient"], a["share_behind"]) == (3, 1, 1, pytest.approx(1 / 3))
    # ties on the share: more deteriorating first, then the given order
    tie = pd.DataFrame([("X", "accelerate"), ("Y", "deteriorating"), ("Z", "limited")], columns=["ministry_code", "status"])
    assert progress_views.ministry_ranking(tie, ["X", "Z", "Y"])["ministry_code"].tolist() == ["Y", "X", "Z"]


def test_distance_to_the_expected_path_is_in_the_unit_and_positive_when_behind():
    frame = pd.DataFrame({
        "base_value": [10.0, 10.0, 50.0, 5.0],
        "target_level": [1.0, 1.0, 90.0, np.nan],
        "expected_share": [0.5, 0.5, 1.0, 0.5],
        "achieved_share": [0.2, 0.8, 0.5, np.nan],
    })  # fmt: skip
    out = progress_views.with_path_distance(frame)
    # lower is better, path at 5.5, value 8.2: 2.7 behind; value 2.8: 2.7 ahead
    assert out["path_value"].tolist()[:3] == pytest.approx([5.5, 5.5, 90.0])
    assert out["shortfall"].tolist()[:3] == pytest.approx([2.7, -2.7, 20.0])
    assert np.isnan(out["path_value"].iloc[3]) and np.isnan(out["shortfall"].iloc[3])


# --- the page -------------------------------------------------------------------------------------------


def _expected_order(lang: str, boundary: str = "34") -> list[str]:
    """Ministries by share of indicators behind, computed here from the engine's national statuses."""
    leads = db.run_query("ministry_leads", lang=lang, as_of=NOW)
    nation = status.assessments("nation", boundary).set_index("indicator_code")["status"].to_dict()
    stats = {}
    for pos, (code, ind) in enumerate(zip(leads["ministry_code"], leads["indicator_code"], strict=True)):
        s = nation.get(ind, "insufficient")
        n, behind, first = stats.get(code, (0, 0, pos))
        stats[code] = (n + 1, behind + (s in ("accelerate", "limited", "deteriorating")), first)
    return sorted(stats, key=lambda c: (-stats[c][1] / stats[c][0], -stats[c][1], stats[c][2]))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_opens_with_the_ranking(use_fixture, lang):
    at = new_app(PAGE, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    abbr = dict(zip(*[db.run_query("ministry_leads", lang=lang, as_of=NOW)[c] for c in ("ministry_code", "ministry_abbr")], strict=True))
    order = _expected_order(lang)
    assert order == ["MOH", "MAE", "MOHA"]  # the fixture: 1 of 1, 1 of 2, 0 of 2 behind
    # the first chart is the ranking, worst at the top, with counts beside each ministry
    ranking = plotly_figures(at)[0]
    cats = list(ranking["data"][0]["y"])
    assert [c.split(" · ")[0] for c in cats] == [f"{i}. {abbr[c]}" for i, c in enumerate(order, 1)]
    counts = {"vi": "1/2 chỉ tiêu chậm tiến độ", "en": "1 of 2 behind"}[lang]
    assert counts in cats[1] and i18n.fmt_value(50, "%", lang, 0) in cats[1]
    title = ranking["layout"]["title"]["text"]
    assert title.endswith({"vi": "(số chỉ tiêu)", "en": "(number of indicators)"}[lang])
    notes = " ".join(a["text"] for a in ranking["layout"]["annotations"])
    assert i18n.t("demo.mark", lang) in notes and i18n.t("chart.source", lang, source="")[:5] in notes
    # the table beside it, in the same order
    table = at.dataframe[0].value
    assert table.iloc[:, 0].tolist() == [1, 2, 3]
    names = dict(zip(*[db.run_query("ministry_leads", lang=lang, as_of=NOW)[c] for c in ("ministry_code", "ministry_name")], strict=True))
    assert table.iloc[:, 1].tolist() == [names[c] for c in order]
    # then one section per ministry in the same order, and the merger history folded at the foot
    heads = [h.value for h in at.subheader][1:]
    assert [h.split(" (")[0] for h in heads] == [f"{i}. {names[c]}" for i, c in enumerate(order, 1)]
    assert len(at.expander) == 1 and not at.expander[0].proto.expanded
    # downloads: the ranking and each ministry's table, CSV and Excel
    keys = {b.proto.id for b in at.get("download_button")}
    assert len(keys) == 2 * (1 + len(order))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_provinces_furthest_behind_with_values_and_distance(use_fixture, lang):
    at = new_app(PAGE, lang=lang, min="MAE")
    table = at.table[0].value  # the MAE section
    pov = table[table.iloc[:, 0] == {"vi": "Tỷ lệ hộ nghèo", "en": "Poverty rate"}[lang]].iloc[0]
    # the engine's figures for Tuyên Quang (P34-08): 18.00 % in 2025 against a path at the 1 % target
    prov = status.assessments("province", "34").set_index(["indicator_code", "area_id"]).loc[("POV", "P34-08")]
    assert prov["status"] in progress.BEHIND and prov["latest_value"] == 18.0
    value = i18n.fmt_value(18.0, "%", lang, 2)
    gap = i18n.fmt_value(17.0, i18n.change_unit("%", lang), lang, 2)
    assert value == {"vi": "18,00 %", "en": "18.00%"}[lang]
    expected = {"vi": f"Tuyên Quang: {value} (■ chậm {gap})", "en": f"Tuyen Quang: {value} (■ {gap} behind)"}[lang]
    assert pov.iloc[-1].startswith(expected), pov.iloc[-1]
    assert {"vi": "chậm 4,50 điểm %", "en": "4.50 pp behind"}[lang] == pov.iloc[3]  # Viet Nam: 5.50 vs 1.00
    assert pov.iloc[2] == {"vi": "5,50 % (năm 2025)", "en": "5.50% (in 2025)"}[lang]
    # an indicator no province is behind on lists none
    water = table[table.iloc[:, 0] == {"vi": "Nước sạch", "en": "Clean water"}[lang]].iloc[0]
    assert water.iloc[-1] == "–"


def test_the_url_restores_the_ministry_and_the_before_toggle(use_fixture):
    at = new_app(PAGE, lang="en", min="MAE")
    assert at.selectbox[0].value == "MAE"
    assert len(plotly_figures(at)) == 2  # the ranking and the MAE section only
    at.selectbox[0].set_value("MOHA").run()
    assert at.query_params["min"] == ["MOHA"] or at.query_params["min"] == "MOHA"
    # before the March 2025 merger the labour ministry led poverty, and can be chosen from the URL
    at = new_app(PAGE, lang="en", before="1", min="MOLISA")
    assert at.toggle[0].value is True
    assert at.selectbox[0].value == "MOLISA"
    assert "Ministry of Labour" in texts(at)
    at.toggle[0].set_value(False).run()
    assert "before" not in at.query_params
    # an unknown ministry in the URL falls back to all
    at = new_app(PAGE, lang="en", min="NOPE")
    assert at.selectbox[0].value == "ALL" and not at.exception


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_indicator_without_figures_counts_as_insufficient_data(without_poverty, lang):
    at = new_app(PAGE, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    ranking = at.dataframe[0].value
    names = dict(zip(*[db.run_query("ministry_leads", lang=lang, as_of=NOW)[c] for c in ("ministry_code", "ministry_name")], strict=True))
    mae = ranking[ranking.iloc[:, 1] == names["MAE"]].iloc[0]
    assert mae.iloc[2] == {"vi": "0/2 chỉ tiêu chậm tiến độ · 1 chưa đủ số liệu", "en": "0 of 2 behind · 1 insufficient data"}[lang]
    # the bullet chart of MAE marks poverty at 0 as insufficient data rather than leaving its row empty
    bullets = next(f for f in plotly_figures(at) if "MAE" in f["layout"]["title"]["text"] or "NN&MT" in f["layout"]["title"]["text"])
    marks = bullets["data"][1]
    label = {"vi": "Tỷ lệ hộ nghèo", "en": "Poverty rate"}[lang]
    assert label in list(marks["y"])
    assert marks["text"][list(marks["y"]).index(label)].strip() == "? " + i18n.t("status.insufficient", lang)


def test_the_merger_is_dated_the_day_it_took_effect(use_fixture):
    # valid_to is the old ministry's last day (28/02/2025); the text says from when the successor leads
    for lang, date in (("vi", "1 tháng 3 năm 2025"), ("en", "1 March 2025")):
        shown = texts(new_app("pages/ministries.py", lang=lang))
        assert date in shown and "28/02" not in shown and "28 February" not in shown
