"""Province geography: tile-grid layouts, true-shape boundaries (63 and 34) and the two archipelagos."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.ops import unary_union

# --------------------------------------------------------------------------------------------
# Tile grids: one square per province, (col, row) with col growing east and row growing south.
# Hand-placed so the grid reads as Viet Nam's S-shape: the northern mountains on top, Hà Nội amid
# the Red River Delta, the Central Highlands inland west of the central coast, Hồ Chí Minh City in
# the South East and Cà Mau at the bottom. Keys are GSO province codes of each boundary set.
# --------------------------------------------------------------------------------------------

# fmt: off
TILE_GRID_63: dict[str, tuple[int, int]] = {
    # Northern midlands and mountains, Red River Delta
    "12": (2, 0), "10": (3, 0), "02": (4, 0), "04": (5, 0),  # Lai Châu, Lào Cai, Hà Giang, Cao Bằng
    "11": (1, 1), "14": (2, 1), "15": (3, 1), "08": (4, 1), "06": (5, 1), "20": (6, 1),
    # Điện Biên, Sơn La, Yên Bái, Tuyên Quang, Bắc Kạn, Lạng Sơn
    "25": (3, 2), "26": (4, 2), "19": (5, 2), "24": (6, 2), "22": (7, 2),
    # Phú Thọ, Vĩnh Phúc, Thái Nguyên, Bắc Giang, Quảng Ninh
    "17": (3, 3), "01": (4, 3), "27": (5, 3), "30": (6, 3), "31": (7, 3),
    # Hòa Bình, Hà Nội, Bắc Ninh, Hải Dương, Hải Phòng
    "38": (3, 4), "35": (4, 4), "33": (5, 4), "34": (6, 4),  # Thanh Hóa, Hà Nam, Hưng Yên, Thái Bình
    "40": (3, 5), "37": (4, 5), "36": (5, 5),  # Nghệ An, Ninh Bình, Nam Định
    # North Central and South Central Coast, Central Highlands
    "42": (3, 6),  # Hà Tĩnh
    "44": (4, 7),  # Quảng Bình
    "45": (4, 8),  # Quảng Trị
    "46": (5, 9), "48": (6, 9),  # Huế, Đà Nẵng
    "49": (6, 10),  # Quảng Nam
    "62": (5, 11), "51": (6, 11),  # Kon Tum, Quảng Ngãi
    "64": (5, 12), "52": (6, 12),  # Gia Lai, Bình Định
    "66": (5, 13), "54": (6, 13),  # Đắk Lắk, Phú Yên
    "70": (3, 14), "67": (4, 14), "68": (5, 14), "56": (6, 14),
    # Bình Phước, Đắk Nông, Lâm Đồng, Khánh Hòa
    # South East, Mekong River Delta
    "72": (2, 15), "74": (3, 15), "75": (4, 15), "60": (5, 15), "58": (6, 15),
    # Tây Ninh, Bình Dương, Đồng Nai, Bình Thuận, Ninh Thuận
    "87": (1, 16), "80": (2, 16), "79": (3, 16), "77": (4, 16),
    # Đồng Tháp, Long An, TP. Hồ Chí Minh, Bà Rịa - Vũng Tàu
    "89": (0, 17), "92": (1, 17), "86": (2, 17), "82": (3, 17),  # An Giang, Cần Thơ, Vĩnh Long, Tiền Giang
    "91": (0, 18), "93": (1, 18), "84": (2, 18), "83": (3, 18),  # Kiên Giang, Hậu Giang, Trà Vinh, Bến Tre
    "96": (0, 19), "95": (1, 19), "94": (2, 19),  # Cà Mau, Bạc Liêu, Sóc Trăng
}

TILE_GRID_34: dict[str, tuple[int, int]] = {
    "12": (1, 0), "15": (2, 0), "08": (3, 0), "04": (4, 0),  # Lai Châu, Lào Cai, Tuyên Quang, Cao Bằng
    "11": (0, 1), "14": (1, 1), "25": (2, 1), "19": (3, 1), "20": (4, 1),
    # Điện Biên, Sơn La, Phú Thọ, Thái Nguyên, Lạng Sơn
    "38": (1, 2), "01": (2, 2), "24": (3, 2), "22": (4, 2),  # Thanh Hóa, Hà Nội, Bắc Ninh, Quảng Ninh
    "40": (1, 3), "37": (2, 3), "33": (3, 3), "31": (4, 3),  # Nghệ An, Ninh Bình, Hưng Yên, Hải Phòng
    "42": (1, 4),  # Hà Tĩnh
    "44": (2, 5),  # Quảng Trị
    "46": (3, 6), "48": (4, 6),  # Huế, Đà Nẵng
    "51": (4, 7),  # Quảng Ngãi
    "52": (4, 8),  # Gia Lai
    "66": (4, 9),  # Đắk Lắk
    "68": (3, 10), "56": (4, 10),  # Lâm Đồng, Khánh Hòa
    "80": (1, 11), "79": (2, 11), "75": (3, 11),  # Tây Ninh, TP. Hồ Chí Minh, Đồng Nai
    "82": (1, 12), "86": (2, 12),  # Đồng Tháp, Vĩnh Long
    "91": (0, 13), "92": (1, 13),  # An Giang, Cần Thơ
    "96": (0, 14),  # Cà Mau
}

# fmt: on

TILE_GRIDS: dict[str, dict[str, tuple[int, int]]] = {"63": TILE_GRID_63, "34": TILE_GRID_34}

# --------------------------------------------------------------------------------------------
# The Hoàng Sa and Trường Sa archipelagos. Official Vietnamese maps show and label both: Hoàng Sa
# as a special zone of Đà Nẵng and Trường Sa as a special zone of Khánh Hòa. Both provinces kept
# their GSO codes (48 and 56) through the 2025 merger, so one parent code serves both sets.
# lat/lon are approximate centres for a label; extent (min lon, min lat, max lon, max lat) is a box
# around the islets for true-shape maps; tile positions sit in the sea east of the tile grid's coast.
# --------------------------------------------------------------------------------------------

ARCHIPELAGOS: tuple[dict[str, Any], ...] = (
    {
        "id": "HS",
        "lat": 16.5,
        "lon": 112.0,
        "label_vi": "QĐ. Hoàng Sa (Đà Nẵng)",
        "label_en": "Hoang Sa Archipelago (Da Nang)",
        "province_code": "48",
        "extent": (110.9, 15.4, 113.1, 17.3),
        "tile": {"63": (8.0, 8.5), "34": (6.0, 5.5)},
    },
    {
        "id": "TS",
        "lat": 10.0,
        "lon": 114.0,
        "label_vi": "QĐ. Trường Sa (Khánh Hòa)",
        "label_en": "Truong Sa Archipelago (Khanh Hoa)",
        "province_code": "56",
        "extent": (113.3, 9.2, 115.4, 11.4),
        "tile": {"63": (8.0, 15.5), "34": (6.0, 11.5)},
    },
)

# ISO 3166-2:VN subdivision code -> GSO province code of the 63 former provinces.
# ISO codes: ISO 3166-2:VN (ISO Online Browsing Platform, https://www.iso.org/obp/ui/#iso:code:3166:VN).
# GSO codes: Decision 124/2004/QĐ-TTg, list of administrative unit codes of Viet Nam (GSO).
# fmt: off
ISO_3166_2_TO_GSO_63: dict[str, str] = {
    "VN-HN": "01", "VN-03": "02", "VN-04": "04", "VN-53": "06", "VN-07": "08", "VN-02": "10",
    "VN-71": "11", "VN-01": "12", "VN-05": "14", "VN-06": "15", "VN-14": "17", "VN-69": "19",
    "VN-09": "20", "VN-13": "22", "VN-54": "24", "VN-68": "25", "VN-70": "26", "VN-56": "27",
    "VN-61": "30", "VN-HP": "31", "VN-66": "33", "VN-20": "34", "VN-63": "35", "VN-67": "36",
    "VN-18": "37", "VN-21": "38", "VN-22": "40", "VN-23": "42", "VN-24": "44", "VN-25": "45",
    "VN-26": "46", "VN-DN": "48", "VN-27": "49", "VN-29": "51", "VN-31": "52", "VN-32": "54",
    "VN-34": "56", "VN-36": "58", "VN-40": "60", "VN-28": "62", "VN-30": "64", "VN-33": "66",
    "VN-72": "67", "VN-35": "68", "VN-58": "70", "VN-37": "72", "VN-57": "74", "VN-39": "75",
    "VN-43": "77", "VN-SG": "79", "VN-41": "80", "VN-46": "82", "VN-50": "83", "VN-51": "84",
    "VN-49": "86", "VN-45": "87", "VN-44": "89", "VN-47": "91", "VN-CT": "92", "VN-73": "93",
    "VN-52": "94", "VN-55": "95", "VN-59": "96",
}
# fmt: on

CODES_63: tuple[str, ...] = tuple(sorted(TILE_GRID_63))
CODES_34: tuple[str, ...] = tuple(sorted(TILE_GRID_34))

# Decimals kept in output coordinates: 4 decimals of a degree is about 11 m, far below what a
# national map can show, and keeps the GeoJSON small for the browser.
COORD_DECIMALS = 4
# Douglas-Peucker tolerance (degrees, about 110 m) for the dissolved 34-province map.
SIMPLIFY_34 = 0.001


def area_id(boundary_set: str, code: str) -> str:
    """The dataset's area id of a province: ``P63-02``, ``P34-08``."""
    _check_set(boundary_set)
    return f"P{boundary_set}-{code}"


def tile_layout(boundary_set: str) -> pd.DataFrame:
    """The tile position of every province of a boundary set: columns area_id, col, row (row 0 on top)."""
    grid = TILE_GRIDS[_check_set(boundary_set)]
    codes = sorted(grid)
    return pd.DataFrame(
        {
            "area_id": [area_id(boundary_set, c) for c in codes],
            "col": [grid[c][0] for c in codes],
            "row": [grid[c][1] for c in codes],
        }
    )


def archipelago_labels() -> list[dict[str, Any]]:
    """The Hoàng Sa and Trường Sa archipelagos: id, lat, lon, label_vi, label_en, province_code, extent."""
    keys = ("id", "lat", "lon", "label_vi", "label_en", "province_code", "extent")
    return [{k: a[k] for k in keys} for a in ARCHIPELAGOS]


def archipelago_tiles(boundary_set: str) -> pd.DataFrame:
    """Where the archipelago markers sit on a tile grid.

    Columns id, col, row (floats, in the sea east of the coast), parent_area_id (Đà Nẵng or
    Khánh Hòa of that set), label_vi, label_en.
    """
    _check_set(boundary_set)
    return pd.DataFrame(
        {
            "id": [a["id"] for a in ARCHIPELAGOS],
            "col": [float(a["tile"][boundary_set][0]) for a in ARCHIPELAGOS],
            "row": [float(a["tile"][boundary_set][1]) for a in ARCHIPELAGOS],
            "parent_area_id": [area_id(boundary_set, a["province_code"]) for a in ARCHIPELAGOS],
            "label_vi": [a["label_vi"] for a in ARCHIPELAGOS],
            "label_en": [a["label_en"] for a in ARCHIPELAGOS],
        }
    )


# --------------------------------------------------------------------------------------------
# True-shape boundaries
# --------------------------------------------------------------------------------------------


def load_boundaries_63(path: str | Path) -> dict:
    """Read an ADM1 GeoJSON of Viet Nam (63 former provinces) and return it keyed by area id.

    See ``boundaries_63_from_geojson`` for what the file may contain and what comes back.
    """
    with open(path, encoding="utf-8") as f:
        return boundaries_63_from_geojson(json.load(f))


def boundaries_63_from_geojson(source: Mapping[str, Any]) -> dict:
    """One feature per former province, ``id`` = ``P63-<GSO code>``, from a FeatureCollection.

    A feature is matched by its GSO ``code`` property when it has one, otherwise by its ISO 3166-2
    code (``shapeISO`` as in geoBoundaries, or ``iso``). Several features of one province (the
    separate "Côn Đảo" feature of Bà Rịa–Vũng Tàu in geoBoundaries) are merged into one. Raises
    ValueError naming the features that match no province and the provinces left without a shape.
    """
    parts: dict[str, list[Any]] = {}
    unmatched: list[str] = []
    for i, feature in enumerate(source.get("features") or []):
        props = feature.get("properties") or {}
        code = _gso_code_of(props)
        if code is None or code not in TILE_GRID_63 or not feature.get("geometry"):
            unmatched.append(_describe(i, props))
            continue
        parts.setdefault(code, []).append(_polygonal(shape(feature["geometry"])))
    missing = [c for c in CODES_63 if c not in parts]
    if unmatched or missing:
        problems = []
        if unmatched:
            problems.append("features matching no former province: " + "; ".join(unmatched))
        if missing:
            problems.append("former provinces without a shape (GSO codes): " + ", ".join(missing))
        raise ValueError("Cannot build the 63-province boundaries: " + " | ".join(problems))
    geoms = {code: unary_union(geoms) if len(geoms) > 1 else geoms[0] for code, geoms in parts.items()}
    return _feature_collection("63", geoms)


def dissolve_to_34(
    fc63: Mapping[str, Any],
    lineage_df: pd.DataFrame,
    *,
    simplify_tolerance: float | None = SIMPLIFY_34,
) -> dict:
    """The 34 new provinces as the union of their former provinces' shapes, ``id`` = ``P34-<code>``.

    ``fc63`` comes from ``load_boundaries_63``; ``lineage_df`` has the LINEAGE columns former_id
    (P63-*) and successor_id (P34-*). The 2025 merger joined whole provinces, so a union of members
    is exact. ``simplify_tolerance`` (degrees) thins the outlines while keeping every polygon, so
    the small islets of Hoàng Sa (in Đà Nẵng) and Trường Sa (in Khánh Hòa) stay on the map.
    Raises ValueError when a shape has no successor or a successor has a member without a shape.
    """
    missing_cols = {"former_id", "successor_id"} - set(lineage_df.columns)
    if missing_cols:
        raise ValueError(f"lineage frame lacks columns: {sorted(missing_cols)}")
    links = lineage_df.loc[
        lineage_df["former_id"].astype(str).str.startswith("P63-")
        & lineage_df["successor_id"].astype(str).str.startswith("P34-"),
        ["former_id", "successor_id"],
    ].drop_duplicates()
    doubled = links["former_id"][links["former_id"].duplicated()].unique().tolist()
    if doubled:
        raise ValueError(f"former provinces with more than one successor in the lineage: {doubled}")
    successor = dict(zip(links["former_id"], links["successor_id"], strict=True))

    shapes = {f["id"]: _polygonal(shape(f["geometry"])) for f in fc63.get("features") or []}
    orphans = sorted(set(shapes) - set(successor))
    without_shape = sorted(set(successor) - set(shapes))
    if orphans or without_shape:
        raise ValueError(
            "Cannot dissolve to 34 provinces: "
            f"shapes without a successor in the lineage: {orphans or 'none'}; "
            f"lineage members without a shape: {without_shape or 'none'}"
        )
    members: dict[str, list[Any]] = {}
    for former, new in successor.items():
        members.setdefault(new.removeprefix("P34-"), []).append(shapes[former])
    geoms = {}
    for code, geoms_in in members.items():
        merged = _polygonal(unary_union(geoms_in))
        if simplify_tolerance:
            merged = _polygonal(merged.simplify(simplify_tolerance, preserve_topology=True))
        geoms[code] = merged
    return _feature_collection("34", geoms)


def polygon_count(fc: Mapping[str, Any], ids: Iterable[str] | None = None) -> int:
    """How many polygons the features (all, or those with the given ids) hold: a check that islets survive."""
    wanted = set(ids) if ids is not None else None
    total = 0
    for f in fc.get("features") or []:
        if wanted is None or f["id"] in wanted:
            g = shape(f["geometry"])
            total += len(g.geoms) if isinstance(g, MultiPolygon) else int(not g.is_empty)
    return total


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _check_set(boundary_set: str) -> str:
    if boundary_set not in TILE_GRIDS:
        raise ValueError(f"unknown boundary set {boundary_set!r}: expected '63' or '34'")
    return boundary_set


def _gso_code_of(props: Mapping[str, Any]) -> str | None:
    """The GSO code a feature's properties name: a ``code`` property, else its ISO 3166-2 code."""
    code = props.get("code")
    if code is not None and str(code).strip().isdigit():
        return str(code).strip().zfill(2)
    for key in ("shapeISO", "iso", "ISO", "iso_3166_2"):
        iso = props.get(key)
        if iso:
            return ISO_3166_2_TO_GSO_63.get(str(iso).strip().upper())
    return None


def _describe(index: int, props: Mapping[str, Any]) -> str:
    name = str(props.get("shapeName") or props.get("name") or props.get("name_vi") or "").strip()
    keys = ("code", "shapeISO", "iso")
    ids = ", ".join(f"{k}={props[k]!r}" for k in keys if props.get(k) is not None)
    return f"#{index} {name!r} ({ids or 'no code'})"


def _polygonal(geom: Any) -> Polygon | MultiPolygon:
    """A valid (Multi)Polygon: repaired when invalid, stray points and lines dropped."""
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    polys = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)]
    return unary_union(polys) if polys else Polygon()


def _round_coords(coords: Any, ndigits: int) -> Any:
    if coords and isinstance(coords[0], int | float):
        return [round(float(c), ndigits) for c in coords]
    return [_round_coords(c, ndigits) for c in coords]


def _feature_collection(boundary_set: str, geoms: Mapping[str, Any]) -> dict:
    features = []
    for code in sorted(geoms):
        # Snap to the output grid first so that rounding the coordinates cannot make a ring invalid.
        geometry = mapping(shapely.set_precision(geoms[code], 10.0**-COORD_DECIMALS))
        aid = area_id(boundary_set, code)
        features.append(
            {
                "type": "Feature",
                "id": aid,
                "properties": {"area_id": aid, "code": code, "boundary_set": boundary_set},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round_coords(geometry["coordinates"], COORD_DECIMALS),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
