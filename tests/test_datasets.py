"""Several datasets in one app: a folder of datasets, the sidebar's choice kept in the URL."""

from __future__ import annotations

import pytest

from ascc import datasets, db, settings
from tests import fixture_data
from tests.apptest import new_app


@pytest.fixture()
def two_datasets(tmp_path, monkeypatch):
    root = tmp_path / "datasets"
    fixture_data.build(root / "public", kind="official")
    demo = fixture_data.build(root / "demo", kind="demo")
    # a different national figure in the demo, so the tests can tell which one a page read
    import pandas as pd

    from ascc import dataset

    rows = fixture_data.results()
    rows.loc[(rows.area_id == "VN") & (rows.indicator_code == "POV") & (rows.year == 2025), ["numerator", "value"]] = [
        120.0, 6.0]
    dataset.clear_results(demo)
    dataset.write_results(demo, pd.DataFrame(rows), batch_id="fx-0001")
    for key, title in (("public", "Published statistics"), ("demo", "Demo data")):
        manifest = root / key / "manifest.json"
        manifest.write_text(manifest.read_text().replace('"Test dataset"', f'"{title}"'))
    (root / "notes").mkdir()  # a folder without a manifest is not a dataset
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(root))
    datasets.clear()
    db.clear_cache()
    yield root
    datasets.clear()
    db.clear_cache()


def test_a_folder_of_datasets_lists_official_first(two_datasets):
    found = datasets.available()
    assert [d.key for d in found] == ["public", "demo"]
    assert settings.data_dir() == (two_datasets / "public").resolve()
    assert datasets.by_key("demo").kind == "demo" and datasets.by_key("nope").key == "public"


def test_a_single_dataset_folder_is_the_dataset(use_fixture):
    datasets.clear()
    assert [d.path for d in datasets.available()] == [use_fixture.resolve()]
    at = new_app(lang="en")
    assert not at.exception
    assert not [s for s in at.sidebar.selectbox if s.key == "f_dataset"]  # no choice, no widget


def test_sidebar_chooses_the_dataset_and_keeps_it_in_the_url(two_datasets):
    at = new_app(lang="en")
    assert not at.exception
    assert "5.50%" in [m.value for m in at.metric]  # the official dataset by default
    assert not any("DEMO" in str(w.value).upper() for w in at.warning)  # no demo notice on official data
    assert "ds" not in at.query_params
    at.selectbox(key="f_dataset").set_value("demo").run()
    assert "6.00%" in [m.value for m in at.metric]
    assert at.query_params["ds"] in (["demo"], "demo")
    assert any("DEMO" in str(w.value).upper() for w in at.warning)  # the demo notice on the demo only
    # a link with ?ds=demo opens the demo
    at = new_app(lang="vi", ds="demo")
    assert "6,00 %" in [m.value for m in at.metric]


def test_each_session_reads_its_own_dataset(two_datasets):
    a = new_app(lang="en", ds="demo")
    b = new_app(lang="en")
    assert "6.00%" in [m.value for m in a.metric] and "5.50%" in [m.value for m in b.metric]


def test_the_deck_follows_the_dataset(two_datasets):
    at = new_app(lang="en")
    at.session_state["deck"] = [{"kind": "national_trend", "indicator": "POV", "year": None, "id": "s1"}]
    at.selectbox(key="f_dataset").set_value("demo").run()
    assert at.session_state["deck"] == []  # the demo starts its own deck
    at.selectbox(key="f_dataset").set_value("public").run()
    assert [s["id"] for s in at.session_state["deck"]] == ["s1"]
