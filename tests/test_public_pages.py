"""Every page on the published statistics (sparse real data: no communes, no breakdowns, indicators without
targets, every-other-year and short series, values above a natural limit): no exception, no blank chart,
no demo mark, an honest empty state."""

from __future__ import annotations

import pytest

from ascc import datasets, db, settings
from tests.apptest import new_app, plotly_figures, texts, values
from tests.test_pages import PAGES

PUBLIC = settings.PUBLIC_DATA_DIR


@pytest.fixture()
def use_public(monkeypatch):
    if not (PUBLIC / "manifest.json").exists():
        pytest.skip("data/public not built (python -m ascc build-public)")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(PUBLIC))
    datasets.clear()
    db.clear_cache()
    yield PUBLIC
    db.clear_cache()


def _no_blank_charts(at) -> None:
    for fig in plotly_figures(at):
        plotted = [t for t in fig["data"] if values(t.get("x")) or values(t.get("y")) or t.get("z")
                   or t.get("type") in ("choropleth", "choroplethmap")]
        assert plotted, fig.get("layout", {}).get("title")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_published_statistics(use_public, page, lang):
    at = new_app(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title
    assert not any("MÔ PHỎNG" in str(w.value) or "DEMO" in str(w.value) for w in at.warning)
    _no_blank_charts(at)


@pytest.mark.parametrize("indicator", ["POV_MD", "WATER_HYG", "INCOME_PC", "HI_COVERAGE", "INTERNET", "SI_COVERAGE"])
@pytest.mark.parametrize("boundary", ["34", "63"])
def test_regions_page_on_sparse_series(use_public, indicator, boundary):
    # income every other year before 2018, water from 2018, internet 2024-2025 only, insurance without
    # national rows, health insurance above 100 % in some provinces
    for year in ("2016", "2024"):
        at = new_app("pages/regions.py", lang="en", boundary=boundary, ind=indicator, year=year)
        assert not at.exception, (indicator, boundary, year, [e.value for e in at.exception])
        _no_blank_charts(at)
        if not plotly_figures(at):
            assert at.warning or at.info, "an empty view says why"


def test_overview_headline_cards_are_the_datasets_own(use_public):
    at = new_app(lang="en")
    labels = [m.label for m in at.metric]
    assert labels == ["Multidimensional poverty", "Hygienic water", "Infant mortality", "Trained labour (certified)"]
    text = texts(at)
    assert "TCTK (NSO), bảng PX-Web E14.48" in text


def test_data_page_offers_no_import_into_the_bundled_statistics(use_public):
    at = new_app("pages/data.py", lang="en")
    assert not at.exception
    assert any("take no imports" in str(i.value) for i in at.info)


def test_overview_trends_show_the_plan_period(use_public):
    # infant mortality is published from 2005 and trained labour from 2008: the half-page charts start in 2016
    at = new_app(lang="en")
    for fig in plotly_figures(at):
        xs = [x for t in fig["data"] for x in values(t.get("x")) if isinstance(x, int | float)]
        assert xs and min(xs) >= 2016, fig["layout"].get("title")
