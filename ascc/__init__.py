"""ASCC / Project 161 dashboard: UI-free code (settings, data access, i18n, charts, progress)."""

import os

import pandas as pd

__version__ = "0.1.0"

# pandas 3 keeps text columns ("str" dtype) in Arrow arrays by default. The dashboard's frames are small
# (tens to thousands of rows) and are filtered, indexed and turned into lists on every page run, where
# each Arrow-backed operation pays a conversion (building an index engine, take, tolist): py-spy put a
# fifth of a page run's CPU there (docs/benchmark.md). The same "str" dtype stored as Python objects has
# the same semantics (NaN for missing) without those conversions. ASCC_STRING_STORAGE=pyarrow restores
# pandas' default (to measure the difference).
pd.options.mode.string_storage = os.environ.get("ASCC_STRING_STORAGE", "python")
