"""Settings: each with its default, the environment variable that overrides it, and why."""

from __future__ import annotations

import contextvars
import functools
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The dataset the app reads (Parquet files + manifest.json), or a folder of datasets (one per sub-folder
# with a manifest.json) among which the sidebar chooses. Default: the bundled data/ folder.
DATA_DIR_ENV = "ASCC_DATA_DIR"
DATASETS_DIR = PROJECT_ROOT / "data"
# The bundled datasets: the simulated Project 161 data (python -m ascc demo-data; also where the reference
# tables of a new official dataset come from) and the published statistics (python -m ascc build-public).
DEFAULT_DATA_DIR = DATASETS_DIR / "demo"
PUBLIC_DATA_DIR = DATASETS_DIR / "public"
MANIFEST = "manifest.json"

# Folder of the .sql files, one question per file.
# ASCC_QUERIES_DIR points at another copy (the benchmark's --queries, to measure a proposed change).
QUERIES_DIR = Path(os.environ.get("ASCC_QUERIES_DIR") or PROJECT_ROOT / "queries")

# GeoJSON of the 63 former provinces for the true-shape map (optional).
BOUNDARIES_ENV = "ASCC_BOUNDARIES"

# Folder of the materialised aggregates (queries/views/*.sql computed once per dataset version, as
# Parquet): a new process reads them instead of rebuilding the 34-province history from every result
# file. Default: $XDG_CACHE_HOME/ascc or ~/.cache/ascc; the system temp folder when neither is writable.
CACHE_DIR_ENV = "ASCC_CACHE_DIR"

# DuckDB's memory limit per process: computing the aggregates of a large dataset spills to the system
# temp folder beyond it instead of growing the server (benchmark: ≤ 1 GB at commune level).
DUCKDB_MEMORY_LIMIT = os.environ.get("ASCC_DUCKDB_MEMORY_LIMIT", "600MB")

# How long (seconds) a process trusts the dataset version it computed (ascc.db.dataset_version) before
# listing the folder again: every query asks for it, and under many sessions the file-system calls of
# each listing queue behind the GIL. Writes by this process are seen at once (ascc.dataset.touched);
# another process's import is seen within this delay.
VERSION_TTL_S = float(os.environ.get("ASCC_VERSION_TTL_S", "1.0"))

# Bound on the query-result cache (entries), so a long-running server does not grow without end.
QUERY_CACHE_ENTRIES = int(os.environ.get("ASCC_QUERY_CACHE_ENTRIES", "512"))

# Bound on the finished-figure cache (ascc.figcache, entries): reruns with the same inputs reuse a figure.
FIGURE_CACHE_ENTRIES = int(os.environ.get("ASCC_FIGURE_CACHE_ENTRIES", "256"))

# Whether Plotly checks every property of a figure as it is built (ascc.charts.new_figure). Off in the
# server: the builders' output is fixed code, checking took about a third of the time spent on figures
# (23 charts of five pages: 289 -> 65 ms) and the JSON sent is the same either way (tests/test_charts.py).
# The test suite turns it on (tests/conftest.py), so a wrong property name still fails a test.
VALIDATE_FIGURES_ENV = "ASCC_VALIDATE_FIGURES"


def validate_figures() -> bool:
    return os.environ.get(VALIDATE_FIGURES_ENV) == "1"


# Languages of the interface; the first is the default.
LANGUAGES = ("vi", "en")

# The plan period of Project 161 (Decision 161/QĐ-TTg): base year and target year by default.
PLAN_BASE_YEAR = 2016
PLAN_TARGET_YEAR = 2025

# First year reported on the 34-province boundaries (the merger took effect on 1 July 2025).
NEW_BOUNDARY_FIRST_YEAR = 2025


# The dataset a page run chose (ascc.datasets.use, from the sidebar or the URL). A context variable: each
# Streamlit script run has its own thread, so sessions never see each other's choice.
chosen_dataset: contextvars.ContextVar[Path | None] = contextvars.ContextVar("ascc_dataset", default=None)


def datasets_root() -> Path:
    """ASCC_DATA_DIR (a dataset or a folder of datasets), else the bundled data/ folder."""
    return _resolved(os.environ.get(DATA_DIR_ENV) or str(DATASETS_DIR))


def data_dir() -> Path:
    """The dataset folder in force now: the run's choice, else the root when it is a dataset, else the
    root's default dataset (ascc.datasets). The variable is read each call, so tests can switch it."""
    chosen = chosen_dataset.get()
    if chosen is not None:
        return chosen
    root = datasets_root()
    if (root / MANIFEST).exists() or not root.is_dir():
        return root
    from ascc import datasets  # the listing lives there; settings stays free of other imports

    found = datasets.available(root)
    return found[0].path if found else root


@functools.lru_cache(maxsize=16)
def _resolved(path: str) -> Path:
    # Resolving walks every component with a system call; every query asks for the folder.
    return Path(path).resolve()


def cache_dir() -> Path:
    """Root folder of the materialised-aggregate cache (see ascc.db.materialise)."""
    value = os.environ.get(CACHE_DIR_ENV)
    if value:
        return Path(value).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "ascc"


def boundaries_path() -> Path | None:
    """The 63-province GeoJSON for true-shape maps, when configured and present."""
    value = os.environ.get(BOUNDARIES_ENV)
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_file() else None
