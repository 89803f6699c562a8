"""The datasets the app can show: one folder, or a folder of datasets the sidebar chooses among."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ascc import settings

T = TypeVar("T")


@dataclass(frozen=True)
class Dataset:
    """One dataset folder: its key (the folder name, used in the URL), kind and titles."""

    key: str
    path: Path
    kind: str
    title_vi: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_vi


_listing: dict[Path, tuple[float, tuple[Dataset, ...]]] = {}
_LISTING_TTL_S = 5.0


def _read(path: Path) -> Dataset | None:
    try:
        manifest = json.loads((path / settings.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    kind = manifest.get("kind", "official")
    return Dataset(path.name, path.resolve(), kind, manifest.get("title_vi") or path.name,
                   manifest.get("title_en") or path.name)  # fmt: skip


def available(root: Path | None = None) -> tuple[Dataset, ...]:
    """The datasets under ``root`` (default: settings.datasets_root()): the root itself when it is a
    dataset, else each sub-folder with a manifest. Official datasets first (the default is the first),
    then the demo; by folder name within a kind. Listed again at most every few seconds."""
    root = (root or settings.datasets_root()).resolve()
    now = time.monotonic()
    hit = _listing.get(root)
    if hit is not None and now - hit[0] < _LISTING_TTL_S:
        return hit[1]
    if (root / settings.MANIFEST).exists():
        found = tuple(d for d in (_read(root),) if d is not None)
    elif root.is_dir():
        found = tuple(d for d in (_read(p) for p in sorted(root.iterdir()) if p.is_dir()) if d is not None)
        found = tuple(sorted(found, key=lambda d: (d.kind == "demo", d.key)))
    else:
        found = ()
    _listing[root] = (now, found)
    return found


def by_key(key: str | None) -> Dataset:
    """The dataset with this key (the URL's ``ds``), else the default one. Raises LookupError if none."""
    found = available()
    if not found:
        raise LookupError(f"no dataset under {settings.datasets_root()}")
    return next((d for d in found if d.key == key), found[0])


def use(key: str | None) -> Dataset:
    """Make the dataset with this key (or the default) the one this script run reads; return it."""
    chosen = by_key(key)
    settings.chosen_dataset.set(chosen.path)
    return chosen


def bound(fn: Callable[[], T]) -> Callable[[], T]:
    """``fn`` made to read the dataset in force now when it is called later, elsewhere (a deferred download
    is made by the server outside the page's run, where no dataset has been chosen)."""
    path = settings.data_dir()

    def call() -> T:
        token = settings.chosen_dataset.set(path)
        try:
            return fn()
        finally:
            settings.chosen_dataset.reset(token)

    return call


def clear() -> None:
    """Forget the listing (tests create and remove datasets)."""
    _listing.clear()
