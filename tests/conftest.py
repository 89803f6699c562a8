"""Shared test fixtures: the small deterministic dataset, pointed to by ASCC_DATA_DIR."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from ascc import dataset, db, settings
from tests import fixture_data

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory) -> Path:
    """The fixture dataset, written once per test session."""
    return fixture_data.build(tmp_path_factory.mktemp("fixture-data"))


@pytest.fixture()
def use_fixture(fixture_dir, monkeypatch) -> Path:
    """Point the app at the fixture dataset for one test."""
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(fixture_dir))
    db.clear_cache()
    yield fixture_dir
    db.clear_cache()


@pytest.fixture()
def use_bundled(monkeypatch) -> Path:
    """Point the app at the bundled demo dataset in data/demo (data/ also holds the published statistics, first)."""
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(settings.DEFAULT_DATA_DIR))
    db.clear_cache()
    yield settings.DEFAULT_DATA_DIR
    db.clear_cache()


@pytest.fixture(autouse=True)
def no_dataset_choice_leaks():
    """A dataset chosen in this thread (datasets.use: a page run by AppTest, a CLI command run in-process)
    ends with its test, so the next test reads the dataset its own ASCC_DATA_DIR names."""
    token = settings.chosen_dataset.set(None)
    yield
    settings.chosen_dataset.reset(token)


@pytest.fixture()
def without_poverty(tmp_path, monkeypatch):
    """The fixture dataset in which the headline indicator POV has no figures at all."""
    folder = fixture_data.build(tmp_path / "nopov", kind="official")
    shutil.rmtree(folder / "results")
    rest = fixture_data.results()
    dataset.write_results(folder, rest[rest["indicator_code"] != "POV"], batch_id="fx-0001")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    db.clear_cache()
    yield folder
    db.clear_cache()


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test when the folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
# Materialised aggregates (ascc.db.materialise) of the test datasets go to a folder of this run, not to
# the user's cache; the servers started by the browser tests inherit it.
os.environ[settings.CACHE_DIR_ENV] = tempfile.mkdtemp(prefix="ascc-test-cache-")
# Plotly checks every property of the figures the tests build (the server skips that; see settings).
os.environ.setdefault(settings.VALIDATE_FIGURES_ENV, "1")  # ASCC_VALIDATE_FIGURES=0 runs them as the server does
