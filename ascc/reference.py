"""Reference tables (pillars, ministries, indicators, leads, areas, lineage, targets) as DataFrames."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import unicodedata
from functools import cache
from importlib import resources

import pandas as pd

# ---------------------------------------------------------------------------------------------------
# Facts with their publishers
# ---------------------------------------------------------------------------------------------------

# The six GSO socio-economic regions, in GSO order: code -> (name_vi, short_vi, tile_vi, name_en, short_en).
REGIONS: dict[str, tuple[str, str, str, str, str]] = {
    "RRD": ("Đồng bằng sông Hồng", "ĐB sông Hồng", "ĐBSH", "Red River Delta", "Red River Delta"),
    "NMM": (
        "Trung du và miền núi phía Bắc",
        "TD&MN phía Bắc",
        "TDMNPB",
        "Northern Midlands and Mountains",
        "Northern Midlands & Mountains",
    ),
    "NCC": (
        "Bắc Trung Bộ và duyên hải miền Trung",
        "BTB&DH miền Trung",
        "BTB-DHM",
        "North Central and Central Coast",
        "North & Central Coast",
    ),
    "CH": ("Tây Nguyên", "Tây Nguyên", "TNguyên", "Central Highlands", "Central Highlands"),
    "SE": ("Đông Nam Bộ", "Đông Nam Bộ", "ĐNB", "South East", "South East"),
    "MRD": ("Đồng bằng sông Cửu Long", "ĐB sông Cửu Long", "ĐBSCL", "Mekong River Delta", "Mekong Delta"),
}

# Region of each of the 63 former provinces (GSO code -> region): the GSO six-region scheme used in the
# GSO Statistical Yearbook (General Statistics Office of Viet Nam).
REGION_OF_63: dict[str, str] = {
    "01": "RRD", "02": "NMM", "04": "NMM", "06": "NMM", "08": "NMM", "10": "NMM", "11": "NMM", "12": "NMM",
    "14": "NMM", "15": "NMM", "17": "NMM", "19": "NMM", "20": "NMM", "22": "RRD", "24": "NMM", "25": "NMM",
    "26": "RRD", "27": "RRD", "30": "RRD", "31": "RRD", "33": "RRD", "34": "RRD", "35": "RRD", "36": "RRD",
    "37": "RRD", "38": "NCC", "40": "NCC", "42": "NCC", "44": "NCC", "45": "NCC", "46": "NCC", "48": "NCC",
    "49": "NCC", "51": "NCC", "52": "NCC", "54": "NCC", "56": "NCC", "58": "NCC", "60": "NCC", "62": "CH",
    "64": "CH", "66": "CH", "67": "CH", "68": "CH", "70": "SE", "72": "SE", "74": "SE", "75": "SE",
    "77": "SE", "79": "SE", "80": "MRD", "82": "MRD", "83": "MRD", "84": "MRD", "86": "MRD", "87": "MRD",
    "89": "MRD", "91": "MRD", "92": "MRD", "93": "MRD", "94": "MRD", "95": "MRD", "96": "MRD",
}  # fmt: skip

# 2024 average population (persons) and area (km²) of the 63 former provinces: NSO (GSO) table E02.01
# "Area, population and population density by province", 2024 (preliminary).
STATS_2024_63: dict[str, tuple[int, float]] = {
    "01": (8717600, 3359.8), "02": (911400, 7927.6), "04": (558500, 6700.4), "06": (329300, 4853.3),
    "08": (820300, 5868.0), "10": (792200, 6364.3), "11": (656700, 9539.9), "12": (495500, 9068.7),
    "14": (1330600, 14108.9), "15": (864400, 6892.7), "17": (894500, 4590.8), "19": (1365200, 3522.0),
    "20": (814000, 8310.2), "22": (1396500, 6208.0), "24": (1962600, 3895.9), "25": (1543900, 3534.6),
    "26": (1225300, 1236.0), "27": (1546600, 822.7), "30": (1978200, 1668.3), "31": (2124500, 1526.4),
    "33": (1318100, 930.2), "34": (1890400, 1584.6), "35": (894200, 861.9), "36": (1894200, 1668.8),
    "37": (1030300, 1411.9), "38": (3764200, 11114.7), "40": (3472300, 16486.5), "42": (1329800, 5994.5),
    "44": (924800, 7998.8), "45": (659200, 4701.2), "46": (1178600, 4947.1), "48": (1276000, 1284.7),
    "49": (1543900, 10574.9), "51": (1259900, 5155.3), "52": (1518500, 6066.4), "54": (885200, 5026.0),
    "56": (1269300, 5200.1), "58": (612700, 3355.8), "60": (1266200, 7942.6), "62": (601800, 9677.3),
    "64": (1634900, 15510.1), "66": (1946200, 13070.4), "67": (695700, 6509.3), "68": (1362500, 9781.2),
    "70": (1062300, 6873.6), "72": (1202800, 4041.7), "74": (2870600, 2694.6), "75": (3365400, 5863.6),
    "77": (1194600, 1982.6), "79": (9543600, 2095.4), "80": (1756200, 4494.8), "82": (1796100, 2556.4),
    "83": (1306300, 2379.7), "84": (1023900, 2390.8), "86": (1037300, 1525.7), "87": (1601100, 3382.3),
    "89": (1912600, 3536.8), "91": (1766700, 6352.1), "92": (1271700, 1440.4), "93": (730000, 1622.2),
    "94": (1205300, 3298.2), "95": (928700, 2667.9), "96": (1212000, 5274.5),
}  # fmt: skip

# Customary English names where "short name without diacritics" is not what English texts use.
ENGLISH_EXCEPTIONS = {"Hồ Chí Minh": "Ho Chi Minh City"}

# Map-tile labels that the abbreviation rule cannot produce (uniqueness or custom).
TILE_EXCEPTIONS = {
    "Hồ Chí Minh": "TP.HCM",
    "Bà Rịa - Vũng Tàu": "BR-VT",
    "Hậu Giang": "Hậu G.",  # "HGiang" is Hà Giang
}
TILE_MAX = 7

MERGER_LAST_DAY_63 = dt.date(2025, 6, 30)
MERGER_FIRST_DAY_34 = dt.date(2025, 7, 1)  # Resolution 202/2025/QH15 took effect on 1 July 2025
MINISTRY_MERGER_LAST_DAY = dt.date(2025, 2, 28)
MINISTRY_MERGER_FIRST_DAY = dt.date(2025, 3, 1)  # the Government's new structure from 1 March 2025

# ---------------------------------------------------------------------------------------------------
# Provinces from vietnamadminunits (PyPI, MIT): names, codes, centroids, 63 -> 34 lineage
# ---------------------------------------------------------------------------------------------------


def _package_file(name: str):
    return resources.files("vietnamadminunits").joinpath("data", name)


@cache
def _provinces(table: str) -> tuple[tuple, ...]:
    """Distinct provinces of one table of the package's SQLite: (code, name, short, key, lat, lon)."""
    with resources.as_file(_package_file("dataset.db")) as path:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(
                f"select distinct provinceCode, province, provinceShort, provinceKey, provinceLat, provinceLon "
                f"from {table} order by provinceCode"
            ).fetchall()
        finally:
            con.close()
    return tuple((c, _nfc(n), _nfc(s), k, lat, lon) for c, n, s, k, lat, lon in rows)


def provinces_63() -> pd.DataFrame:
    """The 63 former provinces: code, name_vi, short_vi, key, lat, lon."""
    return pd.DataFrame(
        _provinces("admin_units_legacy"), columns=["code", "name_vi", "short_vi", "key", "lat", "lon"]
    )


def provinces_34() -> pd.DataFrame:
    """The 34 provinces from 1 July 2025: code, name_vi, short_vi, key, lat, lon."""
    return pd.DataFrame(
        _provinces("admin_units"), columns=["code", "name_vi", "short_vi", "key", "lat", "lon"]
    )


@cache
def successor_codes() -> dict[str, str]:
    """Former province code (63 set) -> new province code (34 set), from the package's converter."""
    with resources.as_file(_package_file("converter_2025.json")) as path:
        mapping = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    old_by_key = dict(zip(provinces_63()["key"], provinces_63()["code"], strict=True))
    new_by_key = dict(zip(provinces_34()["key"], provinces_34()["code"], strict=True))
    result: dict[str, str] = {}
    for new_key, old_keys in mapping.items():
        for old_key in old_keys:
            if old_by_key[old_key] in result:
                raise ValueError(f"{old_key} has two successors")
            result[old_by_key[old_key]] = new_by_key[new_key]
    if set(result) != set(old_by_key.values()) or set(result.values()) != set(new_by_key.values()):
        raise ValueError("the 63 -> 34 lineage is incomplete")
    return dict(sorted(result.items()))


@cache
def commune_counts_63() -> dict[str, int]:
    """Rural communes (xã) per former province, as listed in the package's legacy units (before 1 July 2025)."""
    with resources.as_file(_package_file("dataset.db")) as path:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "select provinceCode, count(*) from admin_units_legacy where wardType = 'Xã' "
                "group by provinceCode order by provinceCode"
            ).fetchall()
        finally:
            con.close()
    return dict(rows)


# ---------------------------------------------------------------------------------------------------
# Communes (wards, communes, townships, special zones) from vietnamadminunits: both sets, lineage
# ---------------------------------------------------------------------------------------------------

# Five island districts of the former set had no commune-level unit below them; they stand in for a
# commune, with their GSO district code (3 digits, so it cannot clash with a 5-digit ward code).
ISLAND_DISTRICT_TYPE = "Huyện"

# Centroids the package geocoded onto the mainland, replaced by approximate island positions (degrees):
# the former Hoàng Sa district (the Paracel archipelago, under Đà Nẵng) takes the package's own
# position of the new Hoàng Sa special zone; the three former units of Trường Sa district (the Spratly
# archipelago, under Khánh Hòa) take those of Trường Sa Lớn, Song Tử Tây and Sinh Tồn islands.
ISLAND_CENTROIDS_63 = {
    "498": (16.568, 112.135),  # Huyện Hoàng Sa
    "22736": (8.645, 111.920),  # Thị trấn Trường Sa (Trường Sa Lớn island)
    "22737": (11.430, 114.333),  # Xã Song Tử Tây
    "22739": (9.886, 114.329),  # Xã Sinh Tồn
}

# Units without resident population reports: no values are simulated for them (they stay on maps).
UNINHABITED_COMMUNES = {"63": ("498",), "34": ("20333",)}  # Hoàng Sa, before and after July 2025

COMMUNE_TYPES_EN = {
    "Phường": "Ward",
    "Xã": "Commune",
    "Thị trấn": "Township",
    "Đặc khu": "Special Zone",
    "Huyện": "District",
}


DISTRICT_TYPES_EN = {"Quận": "District", "Huyện": "District", "Thị xã": "Town", "Thành phố": "City"}


def _english_unit(name_vi: str, types: dict[str, str]) -> str:
    """ "Phường Phúc Xá" -> "Phuc Xa Ward"; "Quận Ba Đình" -> "Ba Dinh District"."""
    for prefix, english in types.items():
        if name_vi.startswith(prefix + " "):
            return f"{ascii_name(name_vi.removeprefix(prefix).strip())} {english}"
    return ascii_name(name_vi)


@cache
def _commune_rows(table: str) -> tuple[tuple, ...]:
    """Raw ward rows of one table of the package's SQLite, in code order."""
    district = "district, districtShort, districtKey, districtCode, districtLat, districtLon" if table.endswith("legacy") else (
        "null, null, null, null, null, null"
    )
    with resources.as_file(_package_file("dataset.db")) as path:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(
                f"select provinceCode, provinceKey, ward, wardShort, wardType, wardKey, wardCode, wardLat, wardLon, "
                f"{district} from {table} order by provinceCode, coalesce(wardCode, '')"
            ).fetchall()
        finally:
            con.close()
    return tuple(rows)


def _disambiguate(df: pd.DataFrame, extra: pd.Series) -> pd.Series:
    """Short names made unique within their province by adding ``extra`` (then the code) where needed."""
    short = df["short_vi"].copy()
    dup = short.groupby(df["province_code"]).transform(lambda s: s.duplicated(keep=False))
    short[dup] = short[dup] + " (" + extra[dup] + ")"
    dup = short.groupby(df["province_code"]).transform(lambda s: s.duplicated(keep=False))
    short[dup] = short[dup] + " " + df.loc[dup, "code"]
    return short


def communes_63() -> pd.DataFrame:
    """The former communes (before 1 July 2025): code, province_code, kind, names, key, lat, lon."""
    rows = []
    for pc, pkey, ward, short, kind, wkey, code, lat, lon, district, d_short, d_key, d_code, d_lat, d_lon in _commune_rows(
        "admin_units_legacy"
    ):
        if code is None:  # an island district without communes
            code, kind, ward, short, wkey, lat, lon = d_code, ISLAND_DISTRICT_TYPE, district, d_short, "", d_lat, d_lon
        lat, lon = ISLAND_CENTROIDS_63.get(code, (lat, lon))
        rows.append(
            {
                "code": code,
                "province_code": pc,
                "kind": kind,
                "name_vi": _nfc(ward) if kind == ISLAND_DISTRICT_TYPE else f"{_nfc(ward)}, {_nfc(district)}",
                "short_vi": _nfc(short),
                "district_short": _nfc(d_short),
                "key": f"{pkey}_{d_key}_{wkey or ''}",
                "lat": float(lat),
                "lon": float(lon),
            }
        )
    df = pd.DataFrame(rows)
    df["short_vi"] = _disambiguate(df, df["district_short"])
    return df.drop(columns="district_short")


def communes_34() -> pd.DataFrame:
    """The communes from 1 July 2025: code, province_code, kind, names, key (province_ward), lat, lon."""
    rows = [
        {
            "code": code,
            "province_code": pc,
            "kind": kind,
            "name_vi": _nfc(ward),
            "short_vi": _nfc(short),
            "key": f"{pkey}_{wkey}",
            "lat": float(lat),
            "lon": float(lon),
        }
        for pc, pkey, ward, short, kind, wkey, code, lat, lon, *_ in _commune_rows("admin_units")
    ]
    df = pd.DataFrame(rows)
    df["short_vi"] = _disambiguate(df, df["kind"].str.lower())
    return df


@cache
def commune_successors() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Former commune code -> new commune code, and the former communes that were divided.

    Rule: a former commune that the 2025 reorganisation kept whole goes to the new commune it joined
    (``DICT_PROVINCE_WARD_NO_DIVIDED``). A former commune divided among several new communes
    (``DICT_PROVINCE_WARD_DIVIDED``) goes, whole, to the one the package marks ``isDefaultNewWard``
    (the new commune holding its main part), so every former commune has exactly one successor and
    a province's communes add up to the province on both sets. One exception keeps every new commune
    with a predecessor: a new commune that is nobody's default takes the divided former commune of the
    same name if there is one, else the first by code among those listing it (only Phường Yên Sở,
    Hà Nội, which takes the former Phường Yên Sở, Hoàng Mai, instead of its default Phường Hoàng Mai).
    The second value maps each divided former commune to every new commune it was divided among.
    """
    with resources.as_file(_package_file("converter_2025.json")) as path:
        conv = json.loads(path.read_text(encoding="utf-8"))
    old_code = dict(zip(communes_63()["key"], communes_63()["code"], strict=True))
    new = communes_34()
    new_code = dict(zip(new["key"], new["code"], strict=True))
    result: dict[str, str] = {}
    divided: dict[str, tuple[str, ...]] = {}
    for pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in wards.items():
            for old in olds:
                result[old_code[old]] = new_code[f"{pkey}_{wkey}"]
    for pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in olds.items():
            (default,) = [o["newWardKey"] for o in options if o["isDefaultNewWard"]]
            result[old_code[old]] = new_code[f"{pkey}_{default}"]
            divided[old_code[old]] = tuple(new_code[f"{pkey}_{o['newWardKey']}"] for o in options)
    new_short = dict(zip(new["code"], new["key"].str.split("_").str[-1], strict=True))
    old_short = dict(zip(communes_63()["code"], communes_63()["key"].str.split("_").str[-1], strict=True))
    for orphan in sorted(set(new["code"]) - set(result.values())):
        candidates = sorted(old for old, options in divided.items() if orphan in options)
        same_name = [old for old in candidates if old_short[old] == new_short[orphan]]
        left = [old for old in same_name or candidates if list(result.values()).count(result[old]) > 1]
        if not left:
            raise ValueError(f"new commune {orphan} has no former commune")
        result[left[0]] = orphan
    if set(result) != set(old_code.values()) or set(result.values()) != set(new["code"]):
        raise ValueError("the commune lineage is incomplete")
    return dict(sorted(result.items())), divided


def population_by_region_34() -> dict[str, dict[str, int]]:
    """New province code -> {GSO region of its members: their 2024 population (NSO E02.01)}."""
    out: dict[str, dict[str, int]] = {}
    for old, new in successor_codes().items():
        by_region = out.setdefault(new, {})
        region = REGION_OF_63[old]
        by_region[region] = by_region.get(region, 0) + STATS_2024_63[old][0]
    return dict(sorted(out.items()))


def region_of_34() -> dict[str, str]:
    """Region of each new province: the region of its members holding the largest 2024 population.

    No official region assignment of the 34 exists (seven of them span two GSO regions), so this rule
    is the documented convention of the dataset.
    """
    return {new: max(w, key=lambda r: (w[r], r)) for new, w in population_by_region_34().items()}


def split_provinces_34() -> dict[str, dict[str, int]]:
    """New provinces whose members lie in more than one region: code -> {region: 2024 population}."""
    return {code: w for code, w in population_by_region_34().items() if len(w) > 1}


# ---------------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def ascii_name(text: str) -> str:
    """Vietnamese text without diacritics ("Đắk Lắk" -> "Dak Lak")."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def english_name(short_vi: str) -> str:
    """The English name of a province from its Vietnamese short name."""
    return ENGLISH_EXCEPTIONS.get(short_vi, ascii_name(short_vi))


def tile_label(short_vi: str) -> str:
    """A label of at most 7 characters: the short name if it fits, else initial + last syllables."""
    if short_vi in TILE_EXCEPTIONS:
        return TILE_EXCEPTIONS[short_vi]
    if len(short_vi) <= TILE_MAX:
        return short_vi
    words = short_vi.split()
    label = words[0][0] + "".join(words[1:])
    if len(label) > TILE_MAX:
        label = "".join(w[0] for w in words[:-1]) + words[-1]
    return label[:TILE_MAX]


# ---------------------------------------------------------------------------------------------------
# Areas and lineage
# ---------------------------------------------------------------------------------------------------


def _province_rows(
    df: pd.DataFrame, boundary_set: str, regions: dict[str, str], population: dict[str, float]
):
    valid_from, valid_to = (None, MERGER_LAST_DAY_63) if boundary_set == "63" else (MERGER_FIRST_DAY_34, None)
    for row in df.itertuples(index=False):
        region = regions[row.code]
        yield {
            "area_id": f"P{boundary_set}-{row.code}",
            "level": "province",
            "boundary_set": boundary_set,
            "code": row.code,
            "name_vi": row.name_vi,
            "name_en": english_name(row.short_vi),
            "name_ascii": ascii_name(row.short_vi),
            "short_vi": row.short_vi,
            "short_en": english_name(row.short_vi),
            "tile_vi": tile_label(row.short_vi),
            "region_code": region,
            "parent_id": f"R-{region}",
            "lat": float(row.lat),
            "lon": float(row.lon),
            "population": float(population[row.code]),
            "valid_from": valid_from,
            "valid_to": valid_to,
            "sort_order": int(row.code),
        }


def areas() -> pd.DataFrame:
    """One row per area: the nation, 6 regions, 63 former and 34 new provinces."""
    pop63 = {code: stats[0] for code, stats in STATS_2024_63.items()}
    pop34: dict[str, int] = {}
    for old, new in successor_codes().items():
        pop34[new] = pop34.get(new, 0) + pop63[old]
    rows = [
        {
            "area_id": "VN",
            "level": "nation",
            "boundary_set": None,
            "code": "VN",
            "name_vi": "Cả nước",
            "name_en": "Viet Nam",
            "name_ascii": "Viet Nam",
            "short_vi": "Cả nước",
            "short_en": "Viet Nam",
            "tile_vi": "VN",
            "region_code": None,
            "parent_id": None,
            "lat": None,
            "lon": None,
            "population": float(sum(pop63.values())),
            "valid_from": None,
            "valid_to": None,
            "sort_order": 0,
        }
    ]
    for order, (code, (name_vi, short_vi, tile_vi, name_en, short_en)) in enumerate(REGIONS.items(), start=1):
        rows.append(
            {
                "area_id": f"R-{code}",
                "level": "region",
                "boundary_set": None,
                "code": code,
                "name_vi": name_vi,
                "name_en": name_en,
                "name_ascii": ascii_name(name_vi),
                "short_vi": short_vi,
                "short_en": short_en,
                "tile_vi": tile_vi,
                "region_code": code,
                "parent_id": "VN",
                "lat": None,
                "lon": None,
                "population": float(sum(p for c, p in pop63.items() if REGION_OF_63[c] == code)),
                "valid_from": None,
                "valid_to": None,
                "sort_order": order,
            }
        )
    rows.extend(_province_rows(provinces_63(), "63", REGION_OF_63, pop63))
    rows.extend(_province_rows(provinces_34(), "34", region_of_34(), pop34))
    rows.extend(_commune_area_rows(communes_63(), "63"))
    rows.extend(_commune_area_rows(communes_34(), "34"))
    return pd.DataFrame(rows)


def _commune_area_rows(df: pd.DataFrame, boundary_set: str):
    """Area rows of communes: parent = their province of the same set; no region (the province has it)."""
    valid_from, valid_to = (None, MERGER_LAST_DAY_63) if boundary_set == "63" else (MERGER_FIRST_DAY_34, None)
    for row in df.itertuples(index=False):
        short_en = ascii_name(row.short_vi)
        yield {
            "area_id": f"C{boundary_set}-{row.code}",
            "level": "commune",
            "boundary_set": boundary_set,
            "code": row.code,
            "name_vi": row.name_vi,
            "name_en": ", ".join(_english_unit(part, types) for part, types in zip(
                row.name_vi.split(", "), (COMMUNE_TYPES_EN, DISTRICT_TYPES_EN), strict=False)),
            "name_ascii": short_en,
            "short_vi": row.short_vi,
            "short_en": short_en,
            "tile_vi": None,
            "region_code": None,
            "parent_id": f"P{boundary_set}-{row.province_code}",
            "lat": row.lat,
            "lon": row.lon,
            "population": None,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "sort_order": int(row.code),
        }


def lineage() -> pd.DataFrame:
    """One row per former province and per former commune: its successor and the date it took effect.

    Provinces come first (P63-* -> P34-*), then communes (C63-* -> C34-*, see commune_successors).
    """
    provinces = [(f"P63-{old}", f"P34-{new}") for old, new in successor_codes().items()]
    communes = [(f"C63-{old}", f"C34-{new}") for old, new in commune_successors()[0].items()]
    return pd.DataFrame(
        [
            {"former_id": former, "successor_id": successor, "effective": MERGER_FIRST_DAY_34}
            for former, successor in provinces + communes
        ]
    )


# ---------------------------------------------------------------------------------------------------
# Pillars and ministries
# ---------------------------------------------------------------------------------------------------

# The five characteristics of the ASCC Blueprint 2025 (ASEAN Secretariat, 2016).
PILLARS = [
    (
        "A",
        "Gắn kết và mang lại lợi ích cho người dân",
        "Engaged and beneficial",
        "Cộng đồng cam kết, có sự tham gia và trách nhiệm xã hội, mang lại lợi ích cho người dân ASEAN.",
        "A committed, participative and socially responsible community that engages and benefits the peoples.",
    ),
    (
        "B",
        "Bao trùm",
        "Inclusive",
        "Tiếp cận công bằng cơ hội cho mọi người; thúc đẩy và bảo vệ quyền con người, nhất là của nhóm yếu thế.",
        "Equitable access to opportunity for all; promotion and protection of human rights, especially of vulnerable groups.",
    ),
    (
        "C",
        "Bền vững",
        "Sustainable",
        "Phát triển xã hội và bảo vệ môi trường đáp ứng nhu cầu hiện tại và tương lai.",
        "Social development and environmental protection that meet present and future needs.",
    ),
    (
        "D",
        "Tự cường (có khả năng chống chịu)",
        "Resilient",
        "Tăng năng lực thích ứng và ứng phó với thiên tai, biến đổi khí hậu, rủi ro sức khỏe và các cú sốc kinh tế – xã hội.",
        "Enhanced capacity to adapt and respond to disasters, climate change, health risks and social and economic shocks.",
    ),
    (
        "E",
        "Năng động",
        "Dynamic",
        "Xã hội cởi mở, sáng tạo, thích ứng, có kỹ năng và tinh thần khởi nghiệp, đổi mới.",
        "An open, adaptive and creative community with skills, entrepreneurship and innovation.",
    ),
]


def pillars() -> pd.DataFrame:
    """One row per ASCC Blueprint 2025 characteristic (A-E)."""
    return pd.DataFrame(
        [
            {
                "pillar_code": code,
                "community": "ASCC",
                "name_vi": name_vi,
                "name_en": name_en,
                "description_vi": desc_vi,
                "description_en": desc_en,
                "sort_order": order,
            }
            for order, (code, name_vi, name_en, desc_vi, desc_en) in enumerate(PILLARS, start=1)
        ]
    )


# code, name_vi, name_en, abbr_vi, valid_from, valid_to, successor. A null valid_from means the ministry
# existed before the plan period; the merger dates follow the Government's restructuring of 1 March 2025.
_NEW = MINISTRY_MERGER_FIRST_DAY
_OLD = MINISTRY_MERGER_LAST_DAY
MINISTRIES = [
    ("MOHA", "Bộ Nội vụ", "Ministry of Home Affairs", "Bộ NV", None, None, None),
    ("MOH", "Bộ Y tế", "Ministry of Health", "Bộ YT", None, None, None),
    ("MOET", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", "Bộ GD&ĐT", None, None, None),
    ("MOCST", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism", "Bộ VHTTDL", None, None, None),
    ("MAE", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment", "Bộ NN&MT", _NEW, None, None),
    ("MOST", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "Bộ KH&CN", None, None, None),
    ("MOF", "Bộ Tài chính", "Ministry of Finance", "Bộ TC", None, None, None),
    ("MEMR", "Bộ Dân tộc và Tôn giáo", "Ministry of Ethnic and Religious Affairs", "Bộ DT&TG", _NEW, None, None),
    ("MOLISA", "Bộ Lao động – Thương binh và Xã hội", "Ministry of Labour, Invalids and Social Affairs", "Bộ LĐTBXH", None, _OLD, "MOHA"),
    ("MARD", "Bộ Nông nghiệp và Phát triển nông thôn", "Ministry of Agriculture and Rural Development", "Bộ NN&PTNT", None, _OLD, "MAE"),
    ("MONRE", "Bộ Tài nguyên và Môi trường", "Ministry of Natural Resources and Environment", "Bộ TN&MT", None, _OLD, "MAE"),
    ("MIC", "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", "Bộ TT&TT", None, _OLD, "MOST"),
    ("MPI", "Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", "Bộ KH&ĐT", None, _OLD, "MOF"),
    ("CEMA", "Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs", "UBDT", None, _OLD, "MEMR"),
]  # fmt: skip


def ministries() -> pd.DataFrame:
    """One row per lead ministry, current and former, with its main successor after March 2025."""
    return pd.DataFrame(
        [
            {
                "ministry_code": code,
                "name_vi": name_vi,
                "name_en": name_en,
                "abbr_vi": abbr_vi,
                "abbr_en": code,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "successor_code": successor,
                "sort_order": order,
            }
            for order, (code, name_vi, name_en, abbr_vi, valid_from, valid_to, successor) in enumerate(
                MINISTRIES, start=1
            )
        ]
    )


# ---------------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------------

PCT = ("%", "%")
SIMULATED_NOTE_VI = "Số liệu trong bộ dữ liệu demo là mô phỏng."
SIMULATED_NOTE_EN = "Values in the demo dataset are simulated."

# Each indicator: code, pillar, names, unit, rule, scale, direction, range, lead history, texts.
# ``leads`` is a list of (ministry, until) with until = None for the current lead; the first lead's
# period starts before the plan (null valid_from).
INDICATOR_SPECS: list[dict] = [
    {
        "code": "SIPAS",
        "pillar": "A",
        "name_vi": "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
        "name_en": "Satisfaction index of public administrative services (SIPAS)",
        "short_vi": "Chỉ số SIPAS",
        "short_en": "SIPAS index",
        "unit": PCT,
        "decimals": 2,
        "higher_is_better": True,
        "sdg": "16.6",
        "aggregation": "mean",
        "scale": 1.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [("MOHA", None, "Không thay đổi", "Unchanged")],
        "definition_vi": "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước "
        "(thang 0–100). Vùng và cả nước: trung bình cộng của các tỉnh.",
        "definition_en": "Satisfaction of citizens and organisations with the services of state administrative agencies "
        "(0–100). Regions and the nation: plain mean of the provinces.",
        "source_vi": "Bộ Nội vụ, khảo sát SIPAS hằng năm.",
        "source_en": "Ministry of Home Affairs, annual SIPAS survey.",
    },
    {
        "code": "CULTURED_FAM",
        "pillar": "A",
        "name_vi": 'Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa"',
        "name_en": 'Households recognised as "cultured families"',
        "short_vi": "Gia đình văn hóa",
        "short_en": "Cultured families",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": None,
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [("MOCST", None, "Không thay đổi", "Unchanged")],
        "definition_vi": 'Số hộ đạt danh hiệu "Gia đình văn hóa" trên tổng số hộ, %.',
        "definition_en": 'Households awarded the "cultured family" title as a share of all households, %.',
        "source_vi": 'Bộ Văn hóa, Thể thao và Du lịch; báo cáo phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa".',
        "source_en": 'Ministry of Culture, Sports and Tourism; reports of the "All people unite to build a cultural life" movement.',
    },
    {
        "code": "NEW_RURAL",
        "pillar": "A",
        "name_vi": "Tỷ lệ xã đạt chuẩn nông thôn mới",
        "name_en": "Communes meeting the new-rural-area standard",
        "short_vi": "Xã nông thôn mới",
        "short_en": "New-rural communes",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": None,
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            (
                "MARD",
                _OLD,
                "Bộ NN&PTNT điều phối Chương trình MTQG xây dựng nông thôn mới",
                "MARD coordinated the new-rural NTP",
            ),
            (
                "MAE",
                None,
                "Bộ NN&PTNT hợp nhất vào Bộ NN&MT từ 01/03/2025",
                "MARD merged into MAE on 1 March 2025",
            ),
        ],
        "definition_vi": "Số xã được công nhận đạt chuẩn nông thôn mới trên tổng số xã, %.",
        "definition_en": "Communes recognised as meeting the new-rural-area standard as a share of all communes, %.",
        "source_vi": "Văn phòng Điều phối nông thôn mới Trung ương (Bộ NN&PTNT, nay Bộ NN&MT).",
        "source_en": "Central Coordination Office for New Rural Development (MARD, now MAE).",
    },
    {
        "code": "POV_MD",
        "pillar": "B",
        "name_vi": "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
        "name_en": "Multidimensional poverty rate (households)",
        "short_vi": "Hộ nghèo đa chiều",
        "short_en": "Multidimensional poverty",
        "unit": ("% số hộ", "% of households"),
        "decimals": 2,
        "higher_is_better": False,
        "sdg": "1.2",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": None,
        "range": (0.0, 100.0),
        "headline": True,
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH là cơ quan thường trực giảm nghèo", "MOLISA led poverty reduction"),
            (
                "MAE",
                None,
                "Nhiệm vụ giảm nghèo chuyển sang Bộ NN&MT từ 01/03/2025",
                "Poverty reduction moved to MAE on 1 March 2025",
            ),
        ],
        "definition_vi": "Số hộ nghèo theo chuẩn nghèo đa chiều trên tổng số hộ, %. Chuẩn 2016–2020 (Quyết định "
        "59/2015/QĐ-TTg) đến năm 2021; chuẩn 2022–2025 (Nghị định 07/2021/NĐ-CP) từ năm 2022.",
        "definition_en": "Poor households under the multidimensional poverty standard as a share of all households, %. "
        "The 2016–2020 standard (Decision 59/2015/QĐ-TTg) up to 2021; the 2022–2025 standard "
        "(Decree 07/2021/NĐ-CP) from 2022.",
        "source_vi": "Rà soát hộ nghèo hằng năm (Bộ LĐTBXH, nay Bộ NN&MT); Tổng cục Thống kê, Khảo sát mức sống dân cư.",
        "source_en": "Annual poor-household review (MOLISA, now MAE); GSO, Household Living Standards Survey.",
        "series_breaks": [
            (
                2022,
                "Áp dụng chuẩn nghèo đa chiều giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP) với ngưỡng thu nhập và "
                "chiều thiếu hụt mới: tỷ lệ tăng lên, không so sánh trực tiếp với năm 2021.",
                "The 2022–2025 multidimensional poverty standard (Decree 07/2021/NĐ-CP) raised the income "
                "thresholds and added deprivations: the rate jumps up and is not comparable with 2021.",
            )
        ],
    },
    {
        "code": "NER_BASIC",
        "pillar": "B",
        "name_vi": "Tỷ lệ đi học đúng tuổi cấp tiểu học và trung học cơ sở",
        "name_en": "Net enrolment rate, primary and lower secondary",
        "short_vi": "Đi học đúng tuổi (TH, THCS)",
        "short_en": "Net enrolment, basic education",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "4.1",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "headline": True,
        "leads": [("MOET", None, "Không thay đổi", "Unchanged")],
        "definition_vi": "Số học sinh 6–14 tuổi đang học đúng cấp tiểu học hoặc trung học cơ sở trên dân số 6–14 tuổi, %.",
        "definition_en": "Pupils aged 6–14 enrolled at the primary or lower-secondary level for their age, as a share "
        "of the population aged 6–14, %.",
        "source_vi": "Bộ Giáo dục và Đào tạo, thống kê giáo dục hằng năm.",
        "source_en": "Ministry of Education and Training, annual education statistics.",
    },
    {
        "code": "SI_COVERAGE",
        "pillar": "B",
        "name_vi": "Tỷ lệ lực lượng lao động tham gia bảo hiểm xã hội",
        "name_en": "Labour force covered by social insurance",
        "short_vi": "Tham gia BHXH",
        "short_en": "Social insurance coverage",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "1.3",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH quản lý nhà nước về BHXH", "MOLISA held social-insurance policy"),
            (
                "MOHA",
                None,
                "Bộ LĐTBXH hợp nhất vào Bộ Nội vụ từ 01/03/2025",
                "MOLISA merged into MOHA on 1 March 2025",
            ),
        ],
        "definition_vi": "Số người tham gia bảo hiểm xã hội (bắt buộc và tự nguyện) trên lực lượng lao động trong độ tuổi, %.",
        "definition_en": "Persons contributing to social insurance (compulsory and voluntary) as a share of the "
        "working-age labour force, %.",
        "source_vi": "Bảo hiểm xã hội Việt Nam; Tổng cục Thống kê, Điều tra lao động việc làm.",
        "source_en": "Viet Nam Social Security; GSO, Labour Force Survey.",
    },
    {
        "code": "HI_COVERAGE",
        "pillar": "B",
        "name_vi": "Tỷ lệ dân số tham gia bảo hiểm y tế",
        "name_en": "Population covered by health insurance",
        "short_vi": "Bao phủ BHYT",
        "short_en": "Health-insurance coverage",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "3.8",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [("MOH", None, "Không thay đổi", "Unchanged")],
        "definition_vi": "Số người có thẻ bảo hiểm y tế trên dân số trung bình, %.",
        "definition_en": "Persons holding a health-insurance card as a share of the average population, %.",
        "source_vi": "Bộ Y tế; Bảo hiểm xã hội Việt Nam.",
        "source_en": "Ministry of Health; Viet Nam Social Security.",
    },
    {
        "code": "WATER_RURAL",
        "pillar": "C",
        "name_vi": "Tỷ lệ dân số nông thôn sử dụng nước sạch đạt quy chuẩn",
        "name_en": "Rural population using clean water meeting the national standard",
        "short_vi": "Nước sạch nông thôn",
        "short_en": "Rural clean water",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "6.1",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "headline": True,
        "leads": [
            ("MARD", _OLD, "Bộ NN&PTNT quản lý cấp nước sạch nông thôn", "MARD managed rural water supply"),
            (
                "MAE",
                None,
                "Bộ NN&PTNT hợp nhất vào Bộ NN&MT từ 01/03/2025",
                "MARD merged into MAE on 1 March 2025",
            ),
        ],
        "definition_vi": "Dân số nông thôn sử dụng nước sạch đạt quy chuẩn kỹ thuật quốc gia (QCVN) trên dân số nông thôn, %.",
        "definition_en": "Rural residents using clean water that meets the national technical regulation (QCVN) "
        "as a share of the rural population, %.",
        "source_vi": "Bộ NN&PTNT (nay Bộ NN&MT), Bộ chỉ số theo dõi – đánh giá nước sạch nông thôn.",
        "source_en": "MARD (now MAE), rural water supply monitoring indicators.",
    },
    {
        "code": "FOREST_COVER",
        "pillar": "C",
        "name_vi": "Tỷ lệ diện tích rừng trên diện tích đất",
        "name_en": "Forest area as a share of land area",
        "short_vi": "Diện tích rừng",
        "short_en": "Forest area",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "15.1",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MARD", _OLD, "Bộ NN&PTNT quản lý lâm nghiệp", "MARD managed forestry"),
            (
                "MAE",
                None,
                "Bộ NN&PTNT hợp nhất vào Bộ NN&MT từ 01/03/2025",
                "MARD merged into MAE on 1 March 2025",
            ),
        ],
        "definition_vi": "Diện tích có rừng trên tổng diện tích đất tự nhiên, % (định nghĩa của FAO, như chỉ tiêu "
        "AG.LND.FRST.ZS của Ngân hàng Thế giới).",
        "definition_en": "Forest area as a share of total land area, % (FAO definition, as in World Bank "
        "indicator AG.LND.FRST.ZS).",
        "source_vi": "Bộ NN&PTNT (nay Bộ NN&MT), công bố hiện trạng rừng; FAO, qua Ngân hàng Thế giới (WDI).",
        "source_en": "MARD (now MAE), annual forest status; FAO via World Bank WDI.",
    },
    {
        "code": "WASTE_URBAN",
        "pillar": "C",
        "name_vi": "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt chuẩn",
        "name_en": "Urban household solid waste collected and treated to standard",
        "short_vi": "Xử lý rác đô thị",
        "short_en": "Urban waste treated",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "11.6",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MONRE", _OLD, "Bộ TN&MT quản lý chất thải rắn", "MONRE managed solid waste"),
            (
                "MAE",
                None,
                "Bộ TN&MT hợp nhất vào Bộ NN&MT từ 01/03/2025",
                "MONRE merged into MAE on 1 March 2025",
            ),
        ],
        "definition_vi": "Khối lượng chất thải rắn sinh hoạt đô thị được thu gom và xử lý đạt quy chuẩn trên khối "
        "lượng phát sinh, %.",
        "definition_en": "Urban household solid waste collected and treated to the national standard as a share "
        "of the waste generated, % (tonnes).",
        "source_vi": "Bộ TN&MT (nay Bộ NN&MT), báo cáo hiện trạng môi trường.",
        "source_en": "MONRE (now MAE), state-of-the-environment reports.",
    },
    {
        "code": "LATRINE_RURAL",
        "pillar": "C",
        "name_vi": "Tỷ lệ hộ gia đình nông thôn có nhà tiêu hợp vệ sinh",
        "name_en": "Rural households with a hygienic latrine",
        "short_vi": "Nhà tiêu hợp vệ sinh",
        "short_en": "Hygienic latrines",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "6.2",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [("MOH", None, "Không thay đổi", "Unchanged")],
        "definition_vi": "Số hộ nông thôn có nhà tiêu hợp vệ sinh trên tổng số hộ nông thôn, %.",
        "definition_en": "Rural households with a hygienic latrine as a share of all rural households, %.",
        "source_vi": "Bộ Y tế (Cục Quản lý môi trường y tế).",
        "source_en": "Ministry of Health (Health Environment Management Agency).",
    },
    {
        "code": "MMR",
        "pillar": "D",
        "name_vi": "Tỷ số tử vong mẹ",
        "name_en": "Maternal mortality ratio",
        "short_vi": "Tử vong mẹ",
        "short_en": "Maternal mortality",
        "unit": ("/100.000 trẻ đẻ sống", "per 100,000 live births"),
        "decimals": 0,
        "higher_is_better": False,
        "sdg": "3.1",
        "aggregation": "ratio",
        "scale": 100000.0,
        "limit": None,
        "range": (0.0, 1000.0),
        "headline": True,
        "leads": [("MOH", None, "Không thay đổi", "Unchanged")],
        "definition_vi": "Số bà mẹ tử vong do thai sản trên 100.000 trẻ đẻ sống.",
        "definition_en": "Maternal deaths per 100,000 live births.",
        "source_vi": "Bộ Y tế, thống kê y tế; Tổng cục Thống kê (Tổng điều tra dân số).",
        "source_en": "Ministry of Health, health statistics; GSO (Population and Housing Census).",
    },
    {
        "code": "IMR",
        "pillar": "D",
        "name_vi": "Tỷ suất tử vong trẻ em dưới 1 tuổi",
        "name_en": "Infant mortality rate",
        "short_vi": "Tử vong trẻ dưới 1 tuổi",
        "short_en": "Infant mortality",
        "unit": ("‰", "per 1,000 live births"),
        "decimals": 1,
        "higher_is_better": False,
        "sdg": "3.2",
        "aggregation": "ratio",
        "scale": 1000.0,
        "limit": None,
        "range": (0.0, 200.0),
        "leads": [("MOH", None, "Không thay đổi", "Unchanged")],
        "definition_vi": "Số trẻ em tử vong dưới 1 tuổi trên 1.000 trẻ đẻ sống.",
        "definition_en": "Deaths of children under one year of age per 1,000 live births.",
        "source_vi": "Tổng cục Thống kê, Điều tra biến động dân số; Ngân hàng Thế giới (WDI SP.DYN.IMRT.IN).",
        "source_en": "GSO, Population Change Survey; World Bank WDI (SP.DYN.IMRT.IN).",
    },
    {
        "code": "IMMUNISATION",
        "pillar": "D",
        "name_vi": "Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ",
        "name_en": "Infants fully immunised",
        "short_vi": "Tiêm chủng đầy đủ",
        "short_en": "Full immunisation",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "3.b",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [("MOH", None, "Không thay đổi", "Unchanged")],
        "definition_vi": "Số trẻ dưới 1 tuổi được tiêm đủ các vắc xin của Chương trình Tiêm chủng mở rộng trên số "
        "trẻ dưới 1 tuổi, %.",
        "definition_en": "Infants who received all vaccines of the Expanded Programme on Immunisation as a share "
        "of all infants, %.",
        "source_vi": "Bộ Y tế, Chương trình Tiêm chủng mở rộng.",
        "source_en": "Ministry of Health, Expanded Programme on Immunisation.",
    },
    {
        "code": "DISASTER_DEATHS",
        "pillar": "D",
        "name_vi": "Số người chết và mất tích do thiên tai",
        "name_en": "Persons dead or missing in natural disasters",
        "short_vi": "Chết, mất tích do thiên tai",
        "short_en": "Disaster deaths and missing",
        "unit": ("người", "persons"),
        "decimals": 0,
        "higher_is_better": False,
        "sdg": "1.5",
        "aggregation": "sum",
        "scale": 1.0,
        "limit": None,
        "range": (0.0, 10000.0),
        "leads": [
            ("MARD", _OLD, "Bộ NN&PTNT thường trực phòng, chống thiên tai", "MARD led disaster prevention"),
            (
                "MAE",
                None,
                "Bộ NN&PTNT hợp nhất vào Bộ NN&MT từ 01/03/2025",
                "MARD merged into MAE on 1 March 2025",
            ),
        ],
        "definition_vi": "Số người chết và mất tích do thiên tai trong năm (người). Vùng và cả nước: tổng các tỉnh.",
        "definition_en": "Persons dead or missing in natural disasters during the year. Regions and the nation: "
        "sum of the provinces.",
        "source_vi": "Cơ quan thường trực phòng, chống thiên tai (Cục Quản lý đê điều và Phòng, chống thiên tai).",
        "source_en": "Standing office for disaster prevention and control (Viet Nam Disaster and Dyke Management Authority).",
    },
    {
        "code": "LABOUR_TRAINED",
        "pillar": "E",
        "name_vi": "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
        "name_en": "Workers with a qualification (degree or certificate)",
        "short_vi": "Lao động qua đào tạo",
        "short_en": "Trained workers",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "4.4",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH quản lý lao động, việc làm", "MOLISA managed labour and employment"),
            (
                "MOHA",
                None,
                "Lao động, việc làm chuyển về Bộ Nội vụ từ 01/03/2025 (giáo dục nghề nghiệp chuyển về Bộ GD&ĐT)",
                "Labour and employment moved to MOHA on 1 March 2025 (vocational education went to MOET)",
            ),
        ],
        "definition_vi": "Số lao động có việc làm đã qua đào tạo có bằng cấp, chứng chỉ trên lực lượng lao động, %.",
        "definition_en": "Workers holding a degree or certificate as a share of the labour force, %.",
        "source_vi": "Tổng cục Thống kê, Điều tra lao động việc làm.",
        "source_en": "GSO, Labour Force Survey.",
    },
    {
        "code": "UNEMP",
        "pillar": "E",
        "name_vi": "Tỷ lệ thất nghiệp",
        "name_en": "Unemployment rate",
        "short_vi": "Thất nghiệp",
        "short_en": "Unemployment",
        "unit": PCT,
        "decimals": 2,
        "higher_is_better": False,
        "sdg": "8.5",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": None,
        "range": (0.0, 100.0),
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH quản lý lao động, việc làm", "MOLISA managed labour and employment"),
            (
                "MOHA",
                None,
                "Bộ LĐTBXH hợp nhất vào Bộ Nội vụ từ 01/03/2025",
                "MOLISA merged into MOHA on 1 March 2025",
            ),
        ],
        "definition_vi": "Số người thất nghiệp trên lực lượng lao động, %.",
        "definition_en": "Unemployed persons as a share of the labour force, %.",
        "source_vi": "Tổng cục Thống kê, Điều tra lao động việc làm; ILO qua Ngân hàng Thế giới (WDI SL.UEM.TOTL.ZS).",
        "source_en": "GSO, Labour Force Survey; ILO modelled estimate via World Bank WDI (SL.UEM.TOTL.ZS).",
    },
    {
        "code": "INCOME_PC",
        "pillar": "E",
        "name_vi": "Thu nhập bình quân đầu người một tháng",
        "name_en": "Monthly income per capita",
        "short_vi": "Thu nhập bình quân",
        "short_en": "Income per capita",
        "unit": ("nghìn đồng/tháng", "thousand VND/month"),
        "decimals": 0,
        "higher_is_better": True,
        "sdg": None,
        "aggregation": "weighted_mean",
        "scale": 1.0,
        "limit": None,
        "range": (0.0, 100000.0),
        "leads": [
            ("MPI", _OLD, "Tổng cục Thống kê thuộc Bộ KH&ĐT", "GSO was part of MPI"),
            (
                "MOF",
                None,
                "Bộ KH&ĐT hợp nhất vào Bộ Tài chính từ 01/03/2025 (Cục Thống kê)",
                "MPI merged into MOF on 1 March 2025 (National Statistics Office)",
            ),
        ],
        "definition_vi": "Thu nhập bình quân đầu người một tháng theo giá hiện hành (nghìn đồng). Vùng và cả nước: "
        "bình quân gia quyền theo dân số.",
        "definition_en": "Monthly income per capita at current prices (thousand VND). Regions and the nation: "
        "population-weighted mean.",
        "source_vi": "Tổng cục Thống kê, Khảo sát mức sống dân cư.",
        "source_en": "GSO, Household Living Standards Survey.",
    },
    {
        "code": "INTERNET",
        "pillar": "E",
        "name_vi": "Tỷ lệ dân số sử dụng Internet",
        "name_en": "Population using the Internet",
        "short_vi": "Sử dụng Internet",
        "short_en": "Internet users",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "17.8",
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MIC", _OLD, "Bộ TT&TT quản lý viễn thông, Internet", "MIC managed telecoms and the Internet"),
            (
                "MOST",
                None,
                "Bộ TT&TT hợp nhất vào Bộ KH&CN từ 01/03/2025",
                "MIC merged into MOST on 1 March 2025",
            ),
        ],
        "definition_vi": "Số người sử dụng Internet trong 3 tháng qua trên dân số, %.",
        "definition_en": "Persons who used the Internet in the last three months as a share of the population, %.",
        "source_vi": "Bộ TT&TT (nay Bộ KH&CN); Tổng cục Thống kê.",
        "source_en": "MIC (now MOST); GSO.",
    },
    {
        "code": "HH_COMPUTER",
        "pillar": "E",
        "name_vi": "Tỷ lệ hộ có máy tính",
        "name_en": "Households with a computer",
        "short_vi": "Hộ có máy tính",
        "short_en": "Households with a computer",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": None,
        "aggregation": "ratio",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MIC", _OLD, "Bộ TT&TT quản lý chuyển đổi số", "MIC managed digital transformation"),
            (
                "MOST",
                None,
                "Bộ TT&TT hợp nhất vào Bộ KH&CN từ 01/03/2025",
                "MIC merged into MOST on 1 March 2025",
            ),
        ],
        "definition_vi": "Số hộ có máy vi tính trên tổng số hộ, %.",
        "definition_en": "Households owning a computer as a share of all households, %.",
        "source_vi": "Tổng cục Thống kê, Niên giám thống kê (biểu V14.60.2).",
        "source_en": "GSO, Statistical Yearbook (table V14.60.2).",
    },
]

# What each indicator's value-only rows are weighted by when aggregated (schema.WEIGHT_KINDS). The only
# reference weight published for every province and year is the population (NSO table E02.01), so rates
# of people, households, births or the labour force use it and say "estimated with population weights";
# rates of communes, land or waste, the SIPAS index and counts have no such weight.
WEIGHT_KIND: dict[str, str] = {
    code: "population"
    for code in (
        "CULTURED_FAM", "POV_MD", "NER_BASIC", "SI_COVERAGE", "HI_COVERAGE", "WATER_RURAL", "LATRINE_RURAL",
        "MMR", "IMR", "IMMUNISATION", "LABOUR_TRAINED", "UNEMP", "INCOME_PC", "INTERNET", "HH_COMPUTER",
    )
}  # fmt: skip

# National targets (area VN) of the demo: code, year, value, upper bound of a range (or None), type,
# illustrative, source vi, source en. Named sources only where the document sets that target; every
# other target is illustrative and exists in the demo dataset only (an official dataset imports its
# targets with their citations: python -m ascc targets import).
ILLUSTRATIVE_VI = "Mục tiêu minh họa cho bộ dữ liệu demo"
ILLUSTRATIVE_EN = "Illustrative target for the demo"
_RES16_VI = "Nghị quyết 16/2021/QH15 (27/7/2021) của Quốc hội về kế hoạch phát triển kinh tế - xã hội 5 năm 2021–2025"
_RES16_EN = "National Assembly Resolution 16/2021/QH15 (27 Jul 2021) on the five-year socio-economic plan 2021–2025"
TARGETS: list[tuple] = [
    ("SIPAS", 2025, 90.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("CULTURED_FAM", 2025, 90.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    (
        "NEW_RURAL", 2025, 80.0, None, "level", False,
        "Quyết định 263/QĐ-TTg (22/02/2022), Chương trình MTQG xây dựng nông thôn mới 2021–2025: ít nhất 80% số xã đạt chuẩn",
        "Decision 263/QĐ-TTg (22 Feb 2022), new-rural NTP 2021–2025: at least 80 % of communes meet the standard",
    ),
    (
        "POV_MD", 2025, -1.0, -1.5, "annual_change", False,
        f"{_RES16_VI}: tỷ lệ hộ nghèo (chuẩn đa chiều) duy trì mức giảm 1–1,5%/năm",
        f"{_RES16_EN}: the multidimensional poverty rate falls 1–1.5 percentage points a year",
    ),
    ("NER_BASIC", 2025, 97.5, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    (
        "SI_COVERAGE", 2025, 45.0, None, "level", False,
        "Nghị quyết 28-NQ/TW (2018) về cải cách chính sách BHXH: khoảng 45% lực lượng lao động trong độ tuổi tham gia BHXH vào năm 2025",
        "Resolution 28-NQ/TW (2018) on social-insurance reform: about 45 % of the working-age labour force covered by 2025",
    ),
    (
        "HI_COVERAGE", 2025, 95.0, None, "level", False,
        f"{_RES16_VI}: tỷ lệ tham gia bảo hiểm y tế đạt 95% dân số",
        f"{_RES16_EN}: health insurance covers 95 % of the population",
    ),
    ("WATER_RURAL", 2025, 62.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    (
        "WATER_RURAL", 2030, 65.0, None, "level", False,
        "Quyết định 1978/QĐ-TTg (24/11/2021), Chiến lược quốc gia cấp nước sạch và vệ sinh nông thôn: 65% dân số nông thôn dùng nước sạch đạt quy chuẩn vào năm 2030",
        "Decision 1978/QĐ-TTg (24 Nov 2021), National Strategy on Rural Water Supply and Sanitation: 65 % of the rural population using clean water meeting the standard by 2030",
    ),
    ("FOREST_COVER", 2025, 48.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("WASTE_URBAN", 2025, 95.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("LATRINE_RURAL", 2025, 85.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("MMR", 2025, 42.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("IMR", 2025, 13.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("IMMUNISATION", 2025, 95.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("LABOUR_TRAINED", 2025, 30.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("INTERNET", 2025, 80.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
    ("HH_COMPUTER", 2025, 30.0, None, "level", True, ILLUSTRATIVE_VI, ILLUSTRATIVE_EN),
]  # fmt: skip


def indicators(specs: list[dict] | None = None) -> pd.DataFrame:
    """One row per indicator with its rule, scale, direction, range, current lead and texts."""
    rows = []
    for order, spec in enumerate(INDICATOR_SPECS if specs is None else specs, start=1):
        low, high = spec["range"]
        rows.append(
            {
                "indicator_code": spec["code"],
                "name_vi": spec["name_vi"],
                "name_en": spec["name_en"],
                "short_vi": spec["short_vi"],
                "short_en": spec["short_en"],
                "unit_vi": spec["unit"][0],
                "unit_en": spec["unit"][1],
                "decimals": spec["decimals"],
                "higher_is_better": spec["higher_is_better"],
                "pillar_code": spec["pillar"],
                "ministry_code": spec["leads"][-1][0],
                "sdg_target": spec["sdg"],
                "aggregation": spec["aggregation"],
                "scale": spec["scale"],
                "weight_kind": spec.get("weight_kind") or WEIGHT_KIND.get(spec["code"], "none"),
                "limit_value": spec["limit"],
                "min_value": low,
                "max_value": high,
                "base_year": 2016,
                "target_year": 2025,
                "headline": spec.get("headline", False),
                "sort_order": order,
                "definition_vi": spec["definition_vi"],
                "definition_en": spec["definition_en"],
                "source_vi": spec["source_vi"],
                "source_en": spec["source_en"],
                "series_breaks": [
                    {"year": year, "reason_vi": vi, "reason_en": en}
                    for year, vi, en in spec.get("series_breaks", [])
                ],
            }
        )
    return pd.DataFrame(rows)


def indicator_leads(specs: list[dict] | None = None) -> pd.DataFrame:
    """One row per indicator and lead ministry period (the March 2025 merger moved many indicators)."""
    rows = []
    for spec in INDICATOR_SPECS if specs is None else specs:
        valid_from = None
        for ministry, until, note_vi, note_en in spec["leads"]:
            rows.append(
                {
                    "indicator_code": spec["code"],
                    "ministry_code": ministry,
                    "valid_from": valid_from,
                    "valid_to": until,
                    "note_vi": note_vi,
                    "note_en": note_en,
                }
            )
            valid_from = until + dt.timedelta(days=1) if until else None
    return pd.DataFrame(rows)


def targets() -> pd.DataFrame:
    """One row per target: national (VN) 2025 targets, and a 2030 one where a strategy sets it."""
    return pd.DataFrame(
        [
            {
                "indicator_code": code,
                "area_id": "VN",
                "year": year,
                "target_value": value,
                "target_upper": upper,
                "target_type": kind,
                "illustrative": illustrative,
                "source_vi": source_vi,
                "source_en": source_en,
            }
            for code, year, value, upper, kind, illustrative, source_vi, source_en in TARGETS
        ]
    )


def weights(area_table: pd.DataFrame | None = None, lineage_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reference weights per area and year: population of both province sets, NSO table E02.01."""
    from ascc import nso

    return nso.population_weights(
        areas() if area_table is None else area_table, lineage() if lineage_table is None else lineage_table
    )


def all_tables() -> dict[str, pd.DataFrame]:
    """Every reference table by its name in ascc.schema.TABLES (all but results and the batch log)."""
    area_table, lineage_table = areas(), lineage()
    return {
        "pillars": pillars(),
        "ministries": ministries(),
        "indicators": indicators(),
        "indicator_leads": indicator_leads(),
        "areas": area_table,
        "lineage": lineage_table,
        "targets": targets(),
        "weights": weights(area_table, lineage_table),
    }
