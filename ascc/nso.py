"""NSO (statistics office) PX-Web provincial tables as published: reading, labels, reference weights.

The files under data/sources/nso/ are copies of NSO tables (see their PROVENANCE.md): an optional title
line and blank line, a header whose first cell is "Cities, provincies" and whose other cells are years
("2023", "Prel. 2024") or year and item ("2011 Average population (Thous. pers.)"), then the national
row, six region rows and the 63 provinces in NSO's order and English labels; ``..`` is missing.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pandas as pd

from ascc import settings

SOURCES_DIR = settings.PROJECT_ROOT / "data" / "sources" / "nso"
POPULATION_FILE = "nso_E0201_area_population_density_by_province.csv"
POPULATION_ITEM = "Average population (Thous. pers.)"
POPULATION_SOURCE = (
    "Tổng cục Thống kê (NSO), bảng PX-Web E02.01: dân số trung bình",
    "National Statistics Office (NSO), PX-Web table E02.01: average population",
)

_HEADER_RE = re.compile(r"^\s*(?P<prel>Prel\.\s*)?(?P<year>(19|20)\d\d)\s*(?P<item>.*?)\s*$")
NATION_LABEL = "whole country"
REGION_LABELS = {
    "red river delta": "R-RRD",
    "northern midlands and mountain areas": "R-NMM",
    "northern central area and central coastal area": "R-NCC",
    "central highlands": "R-CH",
    "south east": "R-SE",
    "mekong river delta": "R-MRD",
}
# NSO labels that differ from the areas' English names beyond spacing and case.
ALIASES = {"thua thien-hue": "hue", "thua thien hue": "hue"}


def label_key(label: str) -> str:
    """A label folded for matching: no diacritics, lower case, single spaces ("Quang  Nam" = "Quang Nam")."""
    text = unicodedata.normalize("NFKD", str(label)).encode("ascii", "ignore").decode()
    text = " ".join(text.replace("\u00a0", " ").split()).lower()
    return ALIASES.get(text, text)


def read_table(path: Path | str) -> pd.DataFrame:
    """A PX-Web table in long form: label, year, item ('' for one item a year), value (NaN for ``..``), preliminary.

    Rows keep the file's order (``row`` counts from the first data row); labels are kept as published.
    """
    text = Path(path).read_text(encoding="utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text))]
    start = next(i for i, r in enumerate(rows) if r and r[0].strip().lower().startswith("cities, provinc"))
    header = rows[start]
    columns = []
    for cell in header[1:]:
        m = _HEADER_RE.match(cell)
        if not m:
            raise ValueError(f"{Path(path).name}: header cell {cell!r} is not a year")
        columns.append((int(m["year"]), m["item"], bool(m["prel"])))
    out = []
    for n, r in enumerate(rows[start + 1 :]):
        if not r or not r[0].strip():
            continue
        for (year, item, prel), cell in zip(columns, r[1:], strict=False):
            cell = cell.strip()
            value = float("nan") if cell in ("..", "", "...", "-") else float(cell)
            out.append({"row": n, "label": r[0], "year": year, "item": item, "value": value, "preliminary": prel})
    return pd.DataFrame(out, columns=["row", "label", "year", "item", "value", "preliminary"])


def province_ids(labels, areas: pd.DataFrame) -> pd.Series:
    """Area id of each NSO label: VN, a region id, a former province (P63-*), or None (e.g. "Ha Tay")."""
    provinces = areas[(areas["level"] == "province") & (areas["boundary_set"] == "63")]
    by_key = {label_key(name): area for name, area in zip(provinces["name_en"], provinces["area_id"], strict=True)}

    def one(label: str) -> str | None:
        k = label_key(label)
        if k == NATION_LABEL:
            return "VN"
        return REGION_LABELS.get(k) or by_key.get(k)

    return pd.Series([one(label) for label in labels], dtype=object)


def population_weights(areas: pd.DataFrame, lineage: pd.DataFrame, path: Path | None = None) -> pd.DataFrame:
    """Reference population weights (schema.WEIGHTS) of every province of both sets, from NSO table E02.01.

    The former provinces (P63-*) take the table's average population (thousand persons x 1,000) for every
    year it has; a new province (P34-*) takes the sum of its former provinces in the same year, so both sets
    cover the same people.
    """
    table = read_table(path or SOURCES_DIR / POPULATION_FILE)
    table = table[table["item"] == POPULATION_ITEM].assign(area_id=lambda d: province_ids(d["label"], areas).values)
    former = table[table["area_id"].fillna("").str.startswith("P63-") & table["value"].notna()]
    # thousand persons x 1,000, as whole persons (2 decimals of thousands: no fraction of a person is lost)
    former = former.assign(value=(former["value"] * 1000.0).round())[["area_id", "year", "value"]]
    links = lineage[lineage["former_id"].str.startswith("P63-")]
    new = (
        former.merge(links, left_on="area_id", right_on="former_id")
        .groupby(["successor_id", "year"], as_index=False)["value"]
        .sum()
        .rename(columns={"successor_id": "area_id"})
    )
    out = pd.concat([former, new], ignore_index=True)
    out["weight_kind"] = "population"
    out["source_vi"], out["source_en"] = POPULATION_SOURCE
    out["year"] = out["year"].astype("int16")
    return out.sort_values(["weight_kind", "area_id", "year"], ignore_index=True)[
        ["area_id", "year", "weight_kind", "value", "source_vi", "source_en"]
    ]
