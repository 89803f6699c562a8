"""A small deterministic dataset for tests: 2 regions, 4 former and 3 new provinces, 5 indicators.

Every number is written out (no randomness) so tests can compute expected values by hand.

Former -> new provinces:  P63-02 + P63-08 -> P34-08 (NMM);  P63-01 -> P34-01 (RRD);
                          P63-26 -> P34-25 (RRD).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ascc import dataset

D = dt.date
OLD_END, NEW_START = D(2025, 6, 30), D(2025, 7, 1)

PILLARS = pd.DataFrame(
    [
        ("A", "ASCC", "Gắn kết", "Engaged", "mô tả A", "description A", 1),
        ("B", "ASCC", "Bao trùm", "Inclusive", "mô tả B", "description B", 2),
        ("C", "ASCC", "Bền vững", "Sustainable", "mô tả C", "description C", 3),
        ("D", "ASCC", "Tự cường", "Resilient", "mô tả D", "description D", 4),
        ("E", "ASCC", "Năng động", "Dynamic", "mô tả E", "description E", 5),
    ],
    columns=["pillar_code", "community", "name_vi", "name_en", "description_vi", "description_en", "sort_order"],
)

MINISTRIES = pd.DataFrame(
    [
        ("MOLISA", "Bộ Lao động – Thương binh và Xã hội", "Ministry of Labour", "Bộ LĐTBXH", "MOLISA", D(2002, 8, 5), D(2025, 2, 28), "MOHA", 1),
        ("MOHA", "Bộ Nội vụ", "Ministry of Home Affairs", "Bộ NV", "MOHA", D(2002, 8, 5), None, None, 2),
        ("MAE", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment", "Bộ NN&MT", "MAE", D(2025, 3, 1), None, None, 3),
        ("MOH", "Bộ Y tế", "Ministry of Health", "Bộ YT", "MOH", D(2002, 8, 5), None, None, 4),
    ],
    columns=["ministry_code", "name_vi", "name_en", "abbr_vi", "abbr_en", "valid_from", "valid_to", "successor_code", "sort_order"],
)


def _indicator(code, name_vi, name_en, unit_vi, unit_en, decimals, hib, pillar, ministry, agg, scale, limit, headline, order, breaks=()):
    return {
        "indicator_code": code, "name_vi": name_vi, "name_en": name_en, "short_vi": name_vi, "short_en": name_en,
        "unit_vi": unit_vi, "unit_en": unit_en, "decimals": decimals, "higher_is_better": hib,
        "pillar_code": pillar, "ministry_code": ministry, "sdg_target": "1.2", "aggregation": agg,
        "scale": scale, "weight_kind": "population" if agg in ("ratio", "weighted_mean") else "none",
        "limit_value": limit, "min_value": 0.0, "max_value": 100.0 if unit_en == "%" else None,
        "base_year": 2016, "target_year": 2025, "headline": headline, "sort_order": order,
        "definition_vi": f"Định nghĩa {code}", "definition_en": f"Definition of {code}",
        "source_vi": "Nguồn thử", "source_en": "Test source",
        "series_breaks": [{"year": y, "reason_vi": rv, "reason_en": re_} for y, rv, re_ in breaks],
    }


INDICATORS = pd.DataFrame(
    [
        _indicator("POV", "Tỷ lệ hộ nghèo", "Poverty rate", "%", "%", 2, False, "B", "MAE", "ratio", 100.0, 0.0, True, 1,
                   breaks=[(2022, "Chuẩn nghèo mới", "New poverty standard")]),
        _indicator("WATER", "Nước sạch", "Clean water", "%", "%", 1, True, "C", "MAE", "ratio", 100.0, 100.0, True, 2),
        _indicator("IDX", "Chỉ số hài lòng", "Satisfaction index", "%", "%", 1, True, "A", "MOHA", "mean", 1.0, 100.0, True, 3),
        _indicator("INC", "Thu nhập bình quân", "Income per capita", "nghìn đồng", "thousand VND", 0, True, "E", "MOHA", "weighted_mean", 1.0, None, False, 4),
        _indicator("DIS", "Người chết do thiên tai", "Disaster deaths", "người", "persons", 0, False, "D", "MOH", "sum", 1.0, 0.0, False, 5),
    ]
)

LEADS = pd.DataFrame(
    [
        ("POV", "MOLISA", D(2016, 1, 1), D(2025, 2, 28), "trước sáp nhập", "before the merger"),
        ("POV", "MAE", D(2025, 3, 1), None, "chuyển từ Bộ LĐTBXH", "moved from MOLISA"),
        ("WATER", "MAE", D(2016, 1, 1), None, "", ""),
        ("IDX", "MOHA", D(2016, 1, 1), None, "", ""),
        ("INC", "MOHA", D(2016, 1, 1), None, "", ""),
        ("DIS", "MOH", D(2016, 1, 1), None, "", ""),
    ],
    columns=["indicator_code", "ministry_code", "valid_from", "valid_to", "note_vi", "note_en"],
)


def _area(area_id, level, bset, code, name_vi, name_en, short_vi, region, parent, pop, vfrom, vto, order):
    return {
        "area_id": area_id, "level": level, "boundary_set": bset, "code": code, "name_vi": name_vi,
        "name_en": name_en, "name_ascii": name_en, "short_vi": short_vi, "short_en": name_en,
        "tile_vi": short_vi[:7], "region_code": region, "parent_id": parent, "lat": 21.0, "lon": 105.0,
        "population": pop, "valid_from": vfrom, "valid_to": vto, "sort_order": order,
    }


AREAS = pd.DataFrame(
    [
        _area("VN", "nation", None, "VN", "Cả nước", "Viet Nam", "Cả nước", None, None, 4_000_000.0, None, None, 0),
        _area("R-RRD", "region", None, "RRD", "Đồng bằng sông Hồng", "Red River Delta", "ĐBSH", None, "VN", 3_000_000.0, None, None, 1),
        _area("R-NMM", "region", None, "NMM", "Trung du và miền núi phía Bắc", "Northern Midlands and Mountains", "TDMNPB", None, "VN", 1_000_000.0, None, None, 2),
        _area("P63-01", "province", "63", "01", "Thành phố Hà Nội", "Ha Noi", "Hà Nội", "RRD", "R-RRD", 2_000_000.0, None, OLD_END, 1),
        _area("P63-02", "province", "63", "02", "Tỉnh Hà Giang", "Ha Giang", "Hà Giang", "NMM", "R-NMM", 400_000.0, None, OLD_END, 2),
        _area("P63-08", "province", "63", "08", "Tỉnh Tuyên Quang", "Tuyen Quang", "Tuyên Quang", "NMM", "R-NMM", 600_000.0, None, OLD_END, 8),
        _area("P63-26", "province", "63", "26", "Tỉnh Vĩnh Phúc", "Vinh Phuc", "Vĩnh Phúc", "RRD", "R-RRD", 1_000_000.0, None, OLD_END, 26),
        _area("P34-01", "province", "34", "01", "Thành phố Hà Nội", "Ha Noi", "Hà Nội", "RRD", "R-RRD", 2_000_000.0, NEW_START, None, 1),
        _area("P34-08", "province", "34", "08", "Tỉnh Tuyên Quang", "Tuyen Quang", "Tuyên Quang", "NMM", "R-NMM", 1_000_000.0, NEW_START, None, 8),
        _area("P34-25", "province", "34", "25", "Tỉnh Phú Thọ", "Phu Tho", "Phú Thọ", "RRD", "R-RRD", 1_000_000.0, NEW_START, None, 25),
    ]
)

LINEAGE = pd.DataFrame(
    [("P63-01", "P34-01", NEW_START), ("P63-02", "P34-08", NEW_START), ("P63-08", "P34-08", NEW_START), ("P63-26", "P34-25", NEW_START)],
    columns=["former_id", "successor_id", "effective"],
)

TARGETS = pd.DataFrame(
    [
        ("POV", "VN", 2025, 1.0, None, "level", True, "Mục tiêu thử", "Test target"),
        ("WATER", "VN", 2025, 65.0, None, "level", True, "Mục tiêu thử", "Test target"),
        ("IDX", "VN", 2025, 90.0, None, "level", True, "Mục tiêu thử", "Test target"),
    ],
    columns=["indicator_code", "area_id", "year", "target_value", "target_upper", "target_type", "illustrative",
             "source_vi", "source_en"],
)

FORMER = ("P63-01", "P63-02", "P63-08", "P63-26")
NEW = ("P34-01", "P34-08", "P34-25")


def _ratio(code, area, year, num, den, scale=100.0, status="final", breakdown="total"):
    return {"indicator_code": code, "area_id": area, "year": year, "breakdown": breakdown,
            "value": num / den * scale, "numerator": float(num), "denominator": float(den), "weight": None,
            "status": status, "source": "test", "batch_id": "fx-0001"}


def _plain(code, area, year, value, weight=None, status="final"):
    return {"indicator_code": code, "area_id": area, "year": year, "breakdown": "total", "value": float(value),
            "numerator": None, "denominator": None, "weight": weight, "status": status, "source": "test",
            "batch_id": "fx-0001"}


# Households per former province (denominator of POV) and rural population (denominator of WATER).
HOUSEHOLDS = {"P63-01": 1000, "P63-02": 200, "P63-08": 300, "P63-26": 500}
POOR_2016 = {"P63-01": 20, "P63-02": 80, "P63-08": 60, "P63-26": 25}


def results() -> pd.DataFrame:
    """All result rows: POV and WATER as ratios, IDX mean, INC weighted mean, DIS sum."""
    rows = []
    for year in range(2016, 2025):
        k = year - 2016
        bump = 10 if year >= 2022 else 0  # the 2022 series break lifts poverty counts
        for area in FORMER:
            if area == "P63-26" and year == 2019:
                continue  # a missing province-year
            poor = POOR_2016[area] - 2 * k + bump
            rows.append(_ratio("POV", area, year, poor, HOUSEHOLDS[area]))
            rows.append(_ratio("WATER", area, year, 40 + 3 * k + (10 if area == "P63-01" else 0), 100))
            rows.append(_plain("IDX", area, year, 70 + k + (5 if area == "P63-01" else 0)))
            rows.append(_plain("INC", area, year, 3000 + 100 * k + (2000 if area == "P63-01" else 0),
                               weight=float(HOUSEHOLDS[area] * 4)))
            rows.append(_plain("DIS", area, year, (k % 3) + (2 if area == "P63-02" else 0)))
        # breakdowns of POV for P63-02: urban + rural partition the total
        poor = POOR_2016["P63-02"] - 2 * k + bump
        rows.append(_ratio("POV", "P63-02", year, poor // 4, 50, breakdown="residence:urban"))
        rows.append(_ratio("POV", "P63-02", year, poor - poor // 4, 150, breakdown="residence:rural"))
    # 2025 on the new boundaries, preliminary
    rows += [
        _ratio("POV", "P34-01", 2025, 8, 1000, status="preliminary"),
        _ratio("POV", "P34-08", 2025, 90, 500, status="preliminary"),
        _ratio("POV", "P34-25", 2025, 12, 500, status="preliminary"),
        _ratio("WATER", "P34-01", 2025, 77, 100, status="preliminary"),
        _ratio("WATER", "P34-08", 2025, 130, 200, status="preliminary"),
        _ratio("WATER", "P34-25", 2025, 66, 100, status="preliminary"),
    ]
    # national rows: POV 2016 = 185/2000, 2020 = 153/2000, 2024 = 161/2000 (after the break), 2025 = 110/2000
    rows += [
        _ratio("POV", "VN", 2016, 185, 2000),
        _ratio("POV", "VN", 2020, 153, 2000),
        _ratio("POV", "VN", 2024, 161, 2000),
        _ratio("POV", "VN", 2025, 110, 2000, status="preliminary"),
        _ratio("WATER", "VN", 2016, 500, 1000),
        _ratio("WATER", "VN", 2024, 620, 1000),
        _plain("IDX", "VN", 2016, 72.0),
        _plain("IDX", "VN", 2024, 91.0),
        _plain("INC", "VN", 2024, 5000.0, weight=8000.0),
    ]
    return pd.DataFrame(rows)


# Communes (only when build(..., communes=True)): two former communes in each of P63-02 and P63-08, three
# new communes in P34-08. C63-00003 (in P63-08) joins C63-00002 (in P63-02) in C34-00011.
COMMUNE_AREAS = pd.DataFrame(
    [
        _area("C63-00001", "commune", "63", "00001", "Xã Một", "Mot Commune", "Một", None, "P63-02", None, None, OLD_END, 1),
        _area("C63-00002", "commune", "63", "00002", "Xã Hai", "Hai Commune", "Hai", None, "P63-02", None, None, OLD_END, 2),
        _area("C63-00003", "commune", "63", "00003", "Xã Ba", "Ba Commune", "Ba", None, "P63-08", None, None, OLD_END, 3),
        _area("C63-00004", "commune", "63", "00004", "Phường Bốn", "Bon Ward", "Bốn", None, "P63-08", None, None, OLD_END, 4),
        _area("C34-00010", "commune", "34", "00010", "Xã Mười", "Muoi Commune", "Mười", None, "P34-08", None, NEW_START, None, 10),
        _area("C34-00011", "commune", "34", "00011", "Xã Mười Một", "Muoi Mot Commune", "Mười Một", None, "P34-08", None, NEW_START, None, 11),
        _area("C34-00012", "commune", "34", "00012", "Phường Mười Hai", "Muoi Hai Ward", "Mười Hai", None, "P34-08", None, NEW_START, None, 12),
    ]
)

COMMUNE_LINEAGE = pd.DataFrame(
    [("C63-00001", "C34-00010", NEW_START), ("C63-00002", "C34-00011", NEW_START),
     ("C63-00003", "C34-00011", NEW_START), ("C63-00004", "C34-00012", NEW_START)],
    columns=["former_id", "successor_id", "effective"],
)

# Households of each former commune: they add up to HOUSEHOLDS of P63-02 (200) and P63-08 (300).
COMMUNE_HOUSEHOLDS = {"C63-00001": 120, "C63-00002": 80, "C63-00003": 100, "C63-00004": 200}
# 2025 on the new communes: (poor, households), adding up to P34-08's 90 / 500.
COMMUNE_2025 = {"C34-00010": (30, 120), "C34-00011": (40, 180), "C34-00012": (20, 200)}


def commune_results() -> pd.DataFrame:
    """POV per commune: each province's poor households split among its communes, adding up exactly."""
    rows = []
    for year in range(2016, 2025):
        k = year - 2016
        bump = 10 if year >= 2022 else 0
        poor = POOR_2016["P63-02"] - 2 * k + bump  # a quarter in C63-00001 (2016: 20/120 and 60/80)
        rows.append(_ratio("POV", "C63-00001", year, poor // 4, COMMUNE_HOUSEHOLDS["C63-00001"]))
        rows.append(_ratio("POV", "C63-00002", year, poor - poor // 4, COMMUNE_HOUSEHOLDS["C63-00002"]))
        poor = POOR_2016["P63-08"] - 2 * k + bump  # two thirds in C63-00003 (2016: 40/100 and 20/200)
        rows.append(_ratio("POV", "C63-00003", year, poor * 2 // 3, COMMUNE_HOUSEHOLDS["C63-00003"]))
        rows.append(_ratio("POV", "C63-00004", year, poor - poor * 2 // 3, COMMUNE_HOUSEHOLDS["C63-00004"]))
    rows += [_ratio("POV", area, 2025, num, den, status="preliminary") for area, (num, den) in COMMUNE_2025.items()]
    return pd.DataFrame(rows)


MANIFEST = {
    "kind": "demo",
    "title_vi": "Bộ dữ liệu thử",
    "title_en": "Test dataset",
    "version": "fixture-1",
    "built_at": "2026-01-01T00:00:00Z",
    "data_as_of": "2026-01-01",
    "how": "tests/fixture_data.py",
    "notice_vi": "Dữ liệu thử",
    "notice_en": "Test data",
}


def build(out: Path, *, kind: str = "demo", communes: bool = False) -> Path:
    """Write the fixture dataset into ``out`` (with ``communes``, also the communes of P63-02, P63-08, P34-08)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    dataset.write_table(out, "pillars", PILLARS)
    dataset.write_table(out, "ministries", MINISTRIES)
    dataset.write_table(out, "indicator_leads", LEADS)
    dataset.write_table(out, "indicators", INDICATORS)
    dataset.write_table(out, "areas", pd.concat([AREAS, COMMUNE_AREAS], ignore_index=True) if communes else AREAS)
    dataset.write_table(out, "lineage", pd.concat([LINEAGE, COMMUNE_LINEAGE], ignore_index=True) if communes else LINEAGE)
    dataset.write_table(out, "targets", TARGETS)
    dataset.write_results(out, results(), batch_id="fx-0001")
    if communes:
        dataset.write_results(out, commune_results(), batch_id="fx-0001-communes")
    dataset.write_manifest(out, {**MANIFEST, "kind": kind})
    return out
