"""Area matching: labels as files print them to area ids of the right boundary set.

Area matching
    By area id, GSO code, Vietnamese name with or without diacritics and prefixes (Tỉnh, Thành phố,
    TP.), tone-mark variants, English name, known aliases; then vietnamadminunits for spelling
    variants (reported as a warning). The boundary set follows the year: the 63 former provinces up to
    2024, the 34 new ones from 2025; a file's 2025 may also be on the 63 (the statistics office
    published 2025 on the former provinces): ``year_sets`` decides that from the year's labels. Nation
    and region rows are subtotals: they are imported as published values (``VN``, ``R-<code>``; the
    dashboard shows a published aggregate as it is) and compared with the aggregate of the imported
    provinces (a warning when they differ). A province dissolved before 2008 (Hà Tây) is named as such.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass

import pandas as pd

from ascc import settings
from ascc.ingest.constants import AREA_ALIASES, DISSOLVED, NATION_KEYS, REGION_ALIASES
from ascc.ingest.text import _text, area_key, key

# Years both boundary sets existed in: the former provinces until 30 June 2025, the new ones from 1 July.
# A year's figures are on one set or the other (as queries/checks/results_boundary_period.sql allows).
TRANSITION_YEARS = frozenset({settings.NEW_BOUNDARY_FIRST_YEAR})
# A year before the merger whose labels name this many of the 34 new provinces, and no former province merged
# away, is a table of the 34 with a wrong year: a list of 20 former provinces, all among the 34 whose names the
# new provinces kept, is not a table of the 63. NOTE: a shorter table of the 34 is not recognised.
NEW_SET_MIN_PROVINCES = 20


@dataclass
class AreaMatch:
    """The outcome of matching one area label in one year."""

    kind: str  # province | nation | region | other_set | dissolved | ambiguous | unknown
    area_id: str | None = None
    fuzzy: bool = False  # matched through a spelling variant: reported as a warning
    candidates: tuple[str, ...] = ()  # names (ambiguous) or a suggestion (unknown)
    successor: str | None = None  # other_set, dissolved: the province it became part of
    year: int | None = None  # dissolved: the year it did


class AreaMatcher:
    """Match area labels as they appear in files to area ids of the right boundary set."""

    def __init__(self, areas: pd.DataFrame):
        # Plain dicts: looking rows up in an Arrow-backed frame, cell by cell, is slow.
        self.areas: dict[str, dict] = {
            r["area_id"]: {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in areas.astype(object).to_dict("records")
        }
        self.index: dict[str, dict[str, set[str]]] = {"63": {}, "34": {}}
        self.nation: set[str] = set(NATION_KEYS)
        self.regions: dict[str, str] = {}
        for a in areas.astype(object).itertuples():
            names = [a.name_vi, a.short_vi, a.name_en, a.short_en, a.name_ascii]
            if a.level == "nation":
                self.nation |= {area_key(n) for n in names if n}
            elif a.level == "region":
                for k in {area_key(n) for n in names if n} | {key(a.code)} | REGION_ALIASES.get(a.code, set()):
                    self.regions[k] = a.area_id
            elif a.level == "province" and a.boundary_set in self.index:
                idx = self.index[a.boundary_set]
                keys = {area_key(n) for n in names if n}
                keys |= {k.replace(" ", "") for k in keys}
                keys |= {a.code, str(int(a.code))} if str(a.code).isdigit() else {a.code}
                for k in keys:
                    idx.setdefault(k, set()).add(a.area_id)
        for (bset, alias), code in AREA_ALIASES.items():
            self.index[bset].setdefault(alias, set()).add(f"P{bset}-{code}")
        self._cache: dict[tuple[str, str], AreaMatch] = {}

    @staticmethod
    def boundary_set(year: int) -> str:
        """The provinces a year is reported on: the 63 up to 2024, the 34 from 2025."""
        return "34" if year >= settings.NEW_BOUNDARY_FIRST_YEAR else "63"

    def name(self, area_id: str, lang: str = "vi") -> str:
        if area_id not in self.areas:
            return area_id
        row = self.areas[area_id]
        return row["short_en"] if lang == "en" else row["short_vi"]

    def subtotal(self, label) -> str | None:
        """VN or R-<code> when the label names the nation or a region, else None."""
        k = area_key(label)
        if k in self.nation:
            return "VN"
        # "Vùng Đồng bằng sông Hồng": the word "region" before a region's name.
        return self.regions.get(k) or self.regions.get(k.removeprefix("vung "))

    def year_sets(self, labels_by_year: dict[int, set]) -> dict[int, str]:
        """The boundary set of each year of a file, decided from the year's area labels.

        A transition year (2025) is matched on the 63 former provinces when its labels name former
        provinces that no longer exist ("Vinh Phuc", "Ha Giang") and none that exists only in the 34 set;
        labels of both sets ("Ha Noi") then take their former province too. Other years: ``boundary_set``.
        """
        out = {}
        for year, labels in labels_by_year.items():
            out[year] = self.boundary_set(year)
            if year not in TRANSITION_YEARS:
                continue
            sets = {self.label_set(label, year) for label in labels}
            if "63" in sets and "34" not in sets:
                out[year] = "63"
        return out

    def label_set(self, label, year: int) -> str | None:
        """Which boundary set a label names a province of in a year: "63" or "34" (that set only, as
        "Ha Giang" or "P34-08"), "both" ("Tuyen Quang", a name the new province kept), or None (not a province)."""
        k63, k34 = self.match(label, year, "63").kind, self.match(label, year, "34").kind
        if k63 == "province" and k34 == "province":
            return "both"
        if k63 == "province" and k34 == "other_set":
            return "63"
        if k34 == "province" and k63 != "province":
            return "34"
        return None

    def year_doubt(self, year: int, labels) -> str | None:
        """Why a year's labels fit neither boundary set, else None: "both_sets" when a transition year names
        provinces only of the 63 and provinces only of the 34 (a name of both could then be either);
        "new_set_early" when a year before the merger names NEW_SET_MIN_PROVINCES or more of the 34 and no
        former province merged away (a table of the 34 with a year of the 63)."""
        sets = {label: self.label_set(label, year) for label in labels}
        found = set(sets.values())
        if year in TRANSITION_YEARS and {"63", "34"} <= found:
            return "both_sets"
        if self.boundary_set(year) == "63" and "63" not in found:
            new = {self.match(label, year, "34").area_id for label, s in sets.items() if s in ("both", "34")}
            if len(new) >= NEW_SET_MIN_PROVINCES:
                return "new_set_early"
        return None

    def merged_into(self, area_id: str) -> list[str]:
        """The former provinces that became part of a new one (their area ids, in the areas' order)."""
        return [a for a, row in self.areas.items() if row.get("successor_id") == area_id]

    def match(self, label, year: int, bset: str | None = None) -> AreaMatch:
        """The area a label names in a year, on the year's boundary set (or ``bset``, see ``year_sets``)."""
        bset = bset or self.boundary_set(year)
        text = _text(label)
        cached = self._cache.get((text, bset))
        if cached is None:
            cached = self._cache[(text, bset)] = self._match(text, bset)
        return cached

    def _match(self, text: str, bset: str) -> AreaMatch:
        # From the surest way to the loosest: an id, a subtotal's name, a province's name, part of one,
        # a spelling variant the library knows; else unknown, with the closest name as a suggestion.
        k = area_key(text)
        found = (self._by_id(text.upper(), bset) or self._by_subtotal(text) or self._by_name(k, bset)
                 or self._dissolved(k) or self._by_part(k, bset) or self._library_match(text, k, bset))
        return found or self._unknown(k, bset)

    def _by_id(self, upper: str, bset: str) -> AreaMatch | None:
        if upper not in self.areas:
            return None
        row = self.areas[upper]
        if row["level"] == "nation":
            return AreaMatch("nation", "VN")
        if row["level"] == "region":
            return AreaMatch("region", upper)
        if row["boundary_set"] == bset:
            return AreaMatch("province", upper)
        return AreaMatch("other_set", upper, successor=row["successor_id"])

    def _by_subtotal(self, text: str) -> AreaMatch | None:
        sub = self.subtotal(text)
        if sub:
            return AreaMatch("nation" if sub == "VN" else "region", sub)
        return None

    def _by_name(self, k: str, bset: str) -> AreaMatch | None:
        for candidate in (k, k.replace(" ", "")):
            hits = self.index[bset].get(candidate, set())
            if len(hits) == 1:
                return AreaMatch("province", next(iter(hits)))
        other = "63" if bset == "34" else "34"
        hits = self.index[other].get(k, set())
        if len(hits) == 1:
            area_id = next(iter(hits))
            return AreaMatch("other_set", area_id, successor=self.areas[area_id]["successor_id"])
        return None

    def _dissolved(self, k: str) -> AreaMatch | None:
        # "Ha Tay": a province of old tables that joined another before the 63 (not a typo of "Hà Nam").
        if k not in DISSOLVED:
            return None
        code, year = DISSOLVED[k]
        return AreaMatch("dissolved", successor=f"P63-{code}", year=year)

    def _by_part(self, k: str, bset: str) -> AreaMatch | None:
        # Part of a name ("Vũng Tàu", "Bình"): one province is a match to report, several are ambiguous.
        if len(k) < 3 or k.isdigit():
            return None
        partial = sorted({a for key_, ids in self.index[bset].items() if f" {k} " in f" {key_} " for a in ids})
        if len(partial) > 1:
            return AreaMatch("ambiguous", candidates=tuple(self.name(a) for a in partial))
        if len(partial) == 1 and len(k) >= 4:
            return AreaMatch("province", partial[0], fuzzy=True)
        return None

    def _unknown(self, k: str, bset: str) -> AreaMatch:
        close = difflib.get_close_matches(k, [x for x in self.index[bset] if not x.isdigit()], n=1, cutoff=0.6)
        suggestion = tuple(self.name(next(iter(self.index[bset][c]))) for c in close)
        return AreaMatch("unknown", candidates=suggestion)

    def _library_match(self, text: str, k: str, bset: str) -> AreaMatch | None:
        # vietnamadminunits standardises spelling variants; it also maps a former province to its
        # successor in FROM_2025 mode, which would silently put one province's figure on another:
        # such a result is refused unless the legacy parse names the same province.
        try:
            from vietnamadminunits import parse_address

            found = parse_address(text, mode="FROM_2025" if bset == "34" else "LEGACY", level=1)
            legacy = parse_address(text, mode="LEGACY", level=1) if bset == "34" else found
        except Exception:  # the library raises on some odd inputs; then it has nothing to offer
            return None
        if not found.province_code:
            return None
        area_id = f"P{bset}-{found.province_code}"
        if area_id not in self.areas:
            return None
        if bset == "34" and legacy.province_code and key(legacy.short_province) != key(found.short_province):
            former = f"P63-{legacy.province_code}"
            if former in self.areas:
                return AreaMatch("other_set", former, successor=self.areas[former]["successor_id"])
            return None
        ratio = difflib.SequenceMatcher(None, k, area_key(found.short_province)).ratio()
        if ratio < 0.75:
            return None
        return AreaMatch("province", area_id, fuzzy=True)
