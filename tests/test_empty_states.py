"""Every page on an empty official dataset (a fresh init-dataset) and on an indicator without figures:
no exception, and an honest notice instead of charts of nothing."""

from __future__ import annotations

import pandas as pd
import pytest

from ascc import batches, db, settings
from tests import fixture_data
from tests.apptest import new_app, plotly_figures, texts, values
from tests.test_pages import PAGES

DATA_PAGES = [p for p in PAGES if p not in ("pages/data.py", "pages/methodology.py")]
NO_DATA = {"vi": "Bộ dữ liệu chưa có kết quả nào", "en": "The dataset has no results yet"}


@pytest.fixture(scope="module")
def empty_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("empty") / "official"
    batches.init_dataset(folder)
    return folder


@pytest.fixture()
def use_empty(empty_dir, monkeypatch):
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(empty_dir))
    db.clear_cache()
    yield empty_dir
    db.clear_cache()


@pytest.mark.parametrize("present", ["0", "1"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_a_fresh_official_dataset(use_empty, page, lang, present):
    at = new_app(page, lang=lang, present=present)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"
    if page in DATA_PAGES:
        # the notice says why there is nothing, and no chart of nothing is drawn
        assert NO_DATA[lang] in texts(at), texts(at)[:500]
        assert not plotly_figures(at)


def test_the_data_page_still_offers_the_catalogue_on_an_empty_dataset(use_empty):
    at = new_app("pages/data.py", lang="en")
    assert not at.exception
    assert NO_DATA["en"] not in texts(at)  # the Data page is where the first figures come in
    assert len(at.dataframe) >= 1


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_with_an_indicator_without_figures(without_poverty, page, lang):
    at = new_app(page, lang=lang, ind="POV")
    assert not at.exception, [e.value for e in at.exception]
    assert NO_DATA[lang] not in texts(at)  # the dataset has figures, only not for this indicator


def test_regions_says_there_are_no_figures_for_the_indicator(without_poverty):
    at = new_app("pages/regions.py", lang="en", ind="POV")
    assert at.selectbox(key="regions_indicator").value == "POV"
    assert "No figures for this choice." in texts(at)
    assert not plotly_figures(at)


def test_an_indicator_without_figures_is_counted_not_dropped(without_poverty):
    # Pillars: POV (characteristic B) counts as "insufficient data" in the status stack
    fig = plotly_figures(new_app("pages/pillars.py", lang="en"))[0]
    insufficient = next(tr for tr in fig["data"] if tr["name"].startswith("?"))
    by_pillar = dict(zip(insufficient["y"], values(insufficient["x"]), strict=True))
    assert by_pillar["B. Inclusive"] == 1
    assert sum(sum(values(tr["x"])) for tr in fig["data"]) == len(fixture_data.INDICATORS)
    # Ministries: its lead ministry still lists it, as insufficient data (in its section's table)
    at = new_app("pages/ministries.py", lang="en")
    rows = pd.concat([df.value for df in at.table], ignore_index=True)
    pov = rows[rows.iloc[:, 0] == "Poverty rate"]
    assert len(pov) == 1 and "Insufficient data" in pov.iloc[0, 1]
