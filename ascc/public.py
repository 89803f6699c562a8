"""The public-statistics dataset: indicators of the NSO provincial tables in data/sources/nso, their targets.

Each indicator follows the statistics office's own table (the file, the item of a table with several
items a year, the unit and precision as published). Targets are only those a document sets for the
same measure, each with its citation (../shared/reference/targets.md); where none is known the
indicator has no target.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ascc import dataset, db, nso, reference, settings
from ascc.reference import _OLD, PCT

NSO_VI = "Tổng cục Thống kê (NSO), bảng PX-Web {table}"
NSO_EN = "National Statistics Office (NSO), PX-Web table {table}"

# Indicator code -> (source file under data/sources/nso, the item chosen for tables with several a year, or
# None). The table id (E14.48) is in the file name.
TABLES: dict[str, tuple[str, str | None]] = {
    "POV_MD": ("nso_E1448_multidim_poverty_rate_by_province_2016_2024.csv", None),
    "WATER_HYG": ("nso_E1453_hygienic_water_by_province_2018_2025.csv", None),
    "IMR": ("nso_E0218_infant_mortality_by_province.csv", None),
    "U5MR": ("nso_E0219_under5_mortality_by_province_2016_2025.csv", None),
    "LITERACY": ("nso_E0227_literacy_15plus_by_province.csv", None),
    "LABOUR_CERT": ("nso_E0255_trained_labour_share_by_province.csv", None),
    "UNEMP": ("nso_E0263_unemployment_rate_working_age_by_province_2018_2025.csv", None),
    "INCOME_PC": ("nso_E1428_income_per_capita_by_source_by_province.csv", "Total"),
    # The table's item ends "(Time)": the item chosen is named without its unit (a prefix is enough).
    "INCOME_GAP": (
        "nso_E1432_income_top_vs_bottom_quintile_by_province.csv",
        "The highest income quintile compared with the lowest income quintile",
    ),
    "HI_COVERAGE": ("nso_E0324_health_insurance_coverage_by_province_2015_2024.csv", None),
    "SI_COVERAGE": ("nso_E0323_social_insurance_coverage_by_province_2015_2024.csv", None),
    "INTERNET": ("nso_E1465_internet_users_pct_by_province_2024_2025.csv", None),
}


def table_id(file_name: str) -> str:
    """'nso_E1448_...' -> 'E14.48'."""
    code = file_name.split("_")[1]
    return f"{code[:3]}.{code[3:]}"


def _source(code: str) -> tuple[str, str]:
    table = table_id(TABLES[code][0])
    return NSO_VI.format(table=table), NSO_EN.format(table=table)


_LEAD_SAME = ("Không thay đổi", "Unchanged")
# Lead periods shared by several indicators (the March 2025 merger).
_TO_MOHA = ("MOHA", None, "Bộ LĐTBXH hợp nhất vào Bộ Nội vụ từ 01/03/2025", "MOLISA merged into MOHA on 1 March 2025")
_NSO_LEADS = (
    ("MPI", _OLD, "Tổng cục Thống kê thuộc Bộ KH&ĐT", "GSO was part of MPI"),
    ("MOF", None, "Bộ KH&ĐT hợp nhất vào Bộ Tài chính từ 01/03/2025 (Cục Thống kê)",
     "MPI merged into MOF on 1 March 2025 (National Statistics Office)"),
)

# Specs in the format of reference.INDICATOR_SPECS (names, unit, precision as published, direction, pillar,
# lead ministry before and after 1 March 2025, SDG target, aggregation rule and its weight).
SPECS: list[dict] = [
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
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 0.0,
        "range": (0.0, 100.0),
        "headline": True,
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH là cơ quan thường trực giảm nghèo", "MOLISA led poverty reduction"),
            ("MAE", None, "Nhiệm vụ giảm nghèo chuyển sang Bộ NN&MT từ 01/03/2025",
             "Poverty reduction moved to MAE on 1 March 2025"),
        ],
        "definition_vi": "Số hộ nghèo theo chuẩn nghèo đa chiều trên tổng số hộ, % (Tổng cục Thống kê, Khảo sát mức "
        "sống dân cư). Chuẩn 2016–2020 đến năm 2021, chuẩn 2022–2025 (Nghị định 07/2021/NĐ-CP) từ năm 2022. Khác "
        "với số hộ nghèo theo rà soát hành chính hằng năm của Bộ LĐTBXH (nay Bộ NN&MT).",
        "definition_en": "Poor households under the multidimensional poverty standard as a share of all households, % "
        "(NSO, Household Living Standards Survey). The 2016–2020 standard up to 2021, the 2022–2025 standard "
        "(Decree 07/2021/NĐ-CP) from 2022. Not the labour ministry's administrative poor-household count.",
        "series_breaks": [
            (2022, "Chuẩn nghèo đa chiều giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP): ngưỡng và chiều thiếu hụt "
             "mới, không so sánh trực tiếp với năm 2021.",
             "The 2022–2025 multidimensional poverty standard (Decree 07/2021/NĐ-CP): new thresholds and "
             "deprivations, not comparable with 2021."),
        ],
    },
    {
        "code": "WATER_HYG",
        "pillar": "C",
        "name_vi": "Tỷ lệ dân số sử dụng nguồn nước hợp vệ sinh",
        "name_en": "Population using a hygienic water source",
        "short_vi": "Nước hợp vệ sinh",
        "short_en": "Hygienic water",
        "unit": PCT,
        "decimals": 2,
        "higher_is_better": True,
        "sdg": "6.1",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "headline": True,
        "leads": [
            ("MARD", _OLD, "Bộ NN&PTNT chủ trì cấp nước sạch nông thôn", "MARD led rural water supply"),
            ("MAE", None, "Bộ NN&PTNT hợp nhất vào Bộ NN&MT từ 01/03/2025", "MARD merged into MAE on 1 March 2025"),
        ],
        "definition_vi": "Dân số sử dụng nguồn nước hợp vệ sinh trên tổng dân số, % (Tổng cục Thống kê, Khảo sát "
        "mức sống dân cư). Tên tiếng Anh của bảng ghi “dân số”; niên giám tiếng Việt có chỗ ghi theo hộ.",
        "definition_en": "Population using a hygienic water source as a share of the population, % (NSO, Household "
        "Living Standards Survey). The table's English title says population; the Vietnamese yearbook wording "
        "may refer to households.",
    },
    {
        "code": "IMR",
        "pillar": "D",
        "name_vi": "Tỷ suất tử vong trẻ em dưới 1 tuổi",
        "name_en": "Infant mortality rate",
        "short_vi": "Tử vong trẻ dưới 1 tuổi",
        "short_en": "Infant mortality",
        "unit": ("‰", "per 1,000 live births"),
        "decimals": 2,
        "higher_is_better": False,
        "sdg": "3.2",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 1000.0,
        "limit": 0.0,
        "range": (0.0, 200.0),
        "headline": True,
        "leads": [("MOH", None, *_LEAD_SAME)],
        "definition_vi": "Số trẻ chết dưới 1 tuổi trên 1.000 trẻ đẻ sống trong năm (Tổng cục Thống kê). Khác với ước "
        "tính mô hình của Ngân hàng Thế giới; không trộn hai nguồn trong một chuỗi.",
        "definition_en": "Deaths under age 1 per 1,000 live births in the year (NSO). Differs from the World Bank's "
        "modelled estimates; the two sources are never mixed in one series.",
    },
    {
        "code": "U5MR",
        "pillar": "D",
        "name_vi": "Tỷ suất tử vong trẻ em dưới 5 tuổi",
        "name_en": "Under-5 mortality rate",
        "short_vi": "Tử vong trẻ dưới 5 tuổi",
        "short_en": "Under-5 mortality",
        "unit": ("‰", "per 1,000 live births"),
        "decimals": 2,
        "higher_is_better": False,
        "sdg": "3.2",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 1000.0,
        "limit": 0.0,
        "range": (0.0, 250.0),
        "leads": [("MOH", None, *_LEAD_SAME)],
        "definition_vi": "Số trẻ chết dưới 5 tuổi trên 1.000 trẻ đẻ sống (Tổng cục Thống kê).",
        "definition_en": "Deaths under age 5 per 1,000 live births (NSO).",
    },
    {
        "code": "LITERACY",
        "pillar": "B",
        "name_vi": "Tỷ lệ dân số từ 15 tuổi trở lên biết chữ",
        "name_en": "Literacy rate, population aged 15 and over",
        "short_vi": "Biết chữ (15+)",
        "short_en": "Literacy (15+)",
        "unit": PCT,
        "decimals": 2,
        "higher_is_better": True,
        "sdg": "4.6",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [("MOET", None, *_LEAD_SAME)],
        "definition_vi": "Dân số từ 15 tuổi trở lên biết chữ trên dân số cùng độ tuổi, % (Tổng cục Thống kê).",
        "definition_en": "Literate population aged 15 and over as a share of the population of that age, % (NSO).",
    },
    {
        "code": "LABOUR_CERT",
        "pillar": "E",
        "name_vi": "Tỷ lệ lao động từ 15 tuổi trở lên đã qua đào tạo có bằng, chứng chỉ",
        "name_en": "Trained labour force aged 15 and over (with degrees or certificates)",
        "short_vi": "Lao động qua đào tạo có bằng, chứng chỉ",
        "short_en": "Trained labour (certified)",
        "unit": PCT,
        "decimals": 2,
        "higher_is_better": True,
        "sdg": "4.4",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "headline": True,
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH quản lý giáo dục nghề nghiệp", "MOLISA managed vocational training"),
            _TO_MOHA,
        ],
        "definition_vi": "Lao động từ 15 tuổi trở lên đã qua đào tạo, có bằng cấp, chứng chỉ, trên lực lượng lao động "
        "cùng độ tuổi, % (Tổng cục Thống kê, Điều tra lao động việc làm). Không gồm lao động qua đào tạo không có "
        "chứng chỉ, nên thấp hơn nhiều so với chỉ tiêu “70 % lao động qua đào tạo”.",
        "definition_en": "Labour force aged 15+ trained with a degree or certificate as a share of the labour force of "
        "that age, % (NSO, Labour Force Survey). Excludes training without a certificate, so it is far below the "
        "“70 % trained labour” goal.",
    },
    {
        "code": "UNEMP",
        "pillar": "E",
        "name_vi": "Tỷ lệ thất nghiệp của lực lượng lao động trong độ tuổi",
        "name_en": "Unemployment rate, working-age labour force",
        "short_vi": "Thất nghiệp (trong độ tuổi)",
        "short_en": "Unemployment (working age)",
        "unit": PCT,
        "decimals": 2,
        "higher_is_better": False,
        "sdg": "8.5",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 0.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH quản lý việc làm", "MOLISA managed employment"),
            _TO_MOHA,
        ],
        "definition_vi": "Người thất nghiệp trong độ tuổi lao động trên lực lượng lao động trong độ tuổi, % (Tổng cục "
        "Thống kê, Điều tra lao động việc làm). Cả thành thị và nông thôn: không phải chỉ tiêu “thất nghiệp khu "
        "vực thành thị” của Nghị quyết 16/2021/QH15.",
        "definition_en": "Unemployed persons of working age as a share of the working-age labour force, % (NSO, Labour "
        "Force Survey). Urban and rural together: not the urban unemployment target of Resolution 16/2021/QH15.",
    },
    {
        "code": "INCOME_PC",
        "pillar": "E",
        "name_vi": "Thu nhập bình quân đầu người một tháng (giá hiện hành)",
        "name_en": "Monthly income per capita (current prices)",
        "short_vi": "Thu nhập bình quân",
        "short_en": "Income per capita",
        "unit": ("nghìn đồng/tháng", "thousand VND/month"),
        "decimals": 0,
        "higher_is_better": True,
        "sdg": "10.1",
        "aggregation": "weighted_mean",
        "weight_kind": "population",
        "scale": 1.0,
        "limit": None,
        "range": (0.0, 100000.0),
        "leads": [
            *_NSO_LEADS,
        ],
        "definition_vi": "Thu nhập bình quân một người một tháng, nghìn đồng, giá hiện hành, mục “Tổng số” (Tổng cục "
        "Thống kê, Khảo sát mức sống dân cư; trước 2018 hai năm một lần). Vùng và cả nước khi không có số công bố: "
        "bình quân theo dân số.",
        "definition_en": "Monthly income per person, thousand VND, current prices, item “Total” (NSO, Household Living "
        "Standards Survey; every other year before 2018). Regions and the nation, where not published: mean "
        "weighted by population.",
    },
    {
        "code": "INCOME_GAP",
        "pillar": "B",
        "name_vi": "Chênh lệch thu nhập giữa nhóm giàu nhất và nhóm nghèo nhất",
        "name_en": "Income of the richest fifth relative to the poorest fifth",
        "short_vi": "Chênh lệch giàu – nghèo",
        "short_en": "Income gap (top/bottom fifth)",
        "unit": ("lần", "times"),
        "decimals": 2,
        "higher_is_better": False,
        "sdg": "10.1",
        "aggregation": "weighted_mean",
        "weight_kind": "population",
        "scale": 1.0,
        "limit": 1.0,
        "range": (1.0, 50.0),
        "leads": [
            *_NSO_LEADS,
        ],
        "definition_vi": "Thu nhập bình quân đầu người của nhóm 20 % giàu nhất so với nhóm 20 % nghèo nhất, lần (Tổng "
        "cục Thống kê, Khảo sát mức sống dân cư). Vùng và cả nước khi không có số công bố: bình quân theo dân số "
        "(một xấp xỉ: tỷ số này không cộng dồn được).",
        "definition_en": "Income per capita of the richest 20 % relative to the poorest 20 %, times (NSO, Household "
        "Living Standards Survey). Regions and the nation, where not published: mean weighted by population (an "
        "approximation: this ratio does not add up).",
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
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 130.0),
        "leads": [("MOH", None, *_LEAD_SAME)],
        "definition_vi": "Người có thẻ bảo hiểm y tế trên dân số, % (Tổng cục Thống kê theo số liệu Bảo hiểm xã hội Việt "
        "Nam). Một số tỉnh vượt 100 % vì thẻ được tính theo nơi cấp, dân số theo nơi cư trú: giữ như công bố.",
        "definition_en": "Persons holding a health-insurance card as a share of the population, % (NSO, from Viet Nam "
        "Social Security). Some provinces exceed 100 % because cards are counted where issued and people where they "
        "live: kept as published.",
    },
    {
        "code": "SI_COVERAGE",
        "pillar": "B",
        "name_vi": "Tỷ lệ tham gia bảo hiểm xã hội",
        "name_en": "Share covered by social insurance",
        "short_vi": "Tham gia BHXH",
        "short_en": "Social-insurance coverage",
        "unit": PCT,
        "decimals": 1,
        "higher_is_better": True,
        "sdg": "1.3",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MOLISA", _OLD, "Bộ LĐTBXH quản lý chính sách BHXH", "MOLISA managed social-insurance policy"),
            _TO_MOHA,
        ],
        "definition_vi": "Tỷ lệ tham gia bảo hiểm xã hội, % (Tổng cục Thống kê, bảng E03.23). Bảng không ghi rõ mẫu số "
        "(có thể là lực lượng lao động): so sánh giữa các tỉnh, không so với chỉ tiêu khác.",
        "definition_en": "Share covered by social insurance, % (NSO table E03.23). The table does not state the "
        "denominator (probably the labour force): compare provinces, not other indicators.",
    },
    {
        "code": "INTERNET",
        "pillar": "E",
        "name_vi": "Tỷ lệ dân số sử dụng Internet",
        "name_en": "Population using the Internet",
        "short_vi": "Sử dụng Internet",
        "short_en": "Internet users",
        "unit": PCT,
        "decimals": 2,
        "higher_is_better": True,
        "sdg": "17.8",
        "aggregation": "ratio",
        "weight_kind": "population",
        "scale": 100.0,
        "limit": 100.0,
        "range": (0.0, 100.0),
        "leads": [
            ("MIC", _OLD, "Bộ TT&TT quản lý viễn thông", "MIC managed telecommunications"),
            ("MOST", None, "Bộ TT&TT hợp nhất vào Bộ KH&CN từ 01/03/2025", "MIC merged into MOST on 1 March 2025"),
        ],
        "definition_vi": "Dân số sử dụng Internet trên tổng dân số, % (Tổng cục Thống kê).",
        "definition_en": "Population using the Internet as a share of the population, % (NSO).",
    },
]  # fmt: skip

for _spec in SPECS:
    _spec["source_vi"], _spec["source_en"] = _source(_spec["code"])

_RES16_VI = "Nghị quyết 16/2021/QH15 (27/7/2021) của Quốc hội về kế hoạch phát triển kinh tế - xã hội 5 năm 2021–2025"
_RES16_EN = "National Assembly Resolution 16/2021/QH15 (27 Jul 2021) on the five-year socio-economic plan 2021–2025"

# Targets with their citation (code, year, value, upper bound, type, source vi, source en). None is illustrative.
TARGETS: list[tuple] = [
    ("POV_MD", 2025, -1.0, -1.5, "annual_change",
     f"{_RES16_VI}: tỷ lệ hộ nghèo (chuẩn đa chiều) duy trì mức giảm 1–1,5%/năm",
     f"{_RES16_EN}: the multidimensional poverty rate falls 1–1.5 percentage points a year"),
    ("LABOUR_CERT", 2025, 28.0, 30.0, "level",
     f"{_RES16_VI}: tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 28–30%",
     f"{_RES16_EN}: trained labour 70 %, of which with degrees or certificates 28–30 %"),
    ("HI_COVERAGE", 2025, 95.0, None, "level",
     f"{_RES16_VI}: tỷ lệ tham gia bảo hiểm y tế đạt 95% dân số",
     f"{_RES16_EN}: health insurance covers 95 % of the population"),
]  # fmt: skip


# --- the build -------------------------------------------------------------------------------------

TITLE = ("Số liệu công bố – Tổng cục Thống kê", "Published statistics – National Statistics Office")
ROW_SOURCE = "TCTK (NSO), bảng PX-Web {table}"  # one text in both languages: the table id says it all
SNAPSHOT = "2026-09-30"  # when the mirror of the NSO tables was taken (PROVENANCE.md)
BUILT_AT = "2026-09-30T00:00:00Z"  # fixed, so that builds are byte-identical


class BuildError(RuntimeError):
    """A source table did not import cleanly: the report says where."""


def targets() -> pd.DataFrame:
    """The cited targets (schema.TARGETS)."""
    return pd.DataFrame(
        [
            {"indicator_code": code, "area_id": "VN", "year": year, "target_value": value, "target_upper": upper,
             "target_type": kind, "illustrative": False, "source_vi": vi, "source_en": en}
            for code, year, value, upper, kind, vi, en in TARGETS
        ]  # fmt: skip
    )


def reference_tables() -> dict[str, pd.DataFrame]:
    """The dataset's reference tables: provinces of both sets (no communes: the tables are provincial)."""
    areas = reference.areas()
    areas = areas[areas["level"] != "commune"].reset_index(drop=True)
    lineage = reference.lineage()
    lineage = lineage[lineage["former_id"].str.startswith("P")].reset_index(drop=True)
    return {
        "pillars": reference.pillars(),
        "ministries": reference.ministries(),
        "indicators": reference.indicators(SPECS),
        "indicator_leads": reference.indicator_leads(SPECS),
        "areas": areas,
        "lineage": lineage,
        "targets": targets(),
        "weights": reference.weights(areas, lineage),
    }


def table_rows(code: str, ref) -> pd.DataFrame:
    """The rows of one indicator's source table, read and checked by the importer as a user's file would be."""
    from ascc import ingest

    file_name, item = TABLES[code]
    data = (nso.SOURCES_DIR / file_name).read_bytes()
    report = ingest.check(data, file_name, ingest.Options(indicator=code, item=item), ref)
    if report.errors or not report.n_valid:
        raise BuildError(f"{file_name}:\n{report.to_text('en')}")
    rows = report.rows.drop(columns=["src_row"])
    rows["source"] = ROW_SOURCE.format(table=table_id(file_name))
    return rows


def build_public(out_dir: Path) -> dict:
    """Write the public-statistics dataset into ``out_dir`` from data/sources/nso through the importer."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in reference_tables().items():
        dataset.write_table(out, name, frame)
    dataset.clear_results(out)
    manifest = {
        "kind": "official",
        "title_vi": TITLE[0],
        "title_en": TITLE[1],
        "version": "building",
        "built_at": BUILT_AT,
        "data_as_of": SNAPSHOT,
        "how": "python -m ascc build-public",
        "bundled": True,  # rebuilt from its sources: imports are refused (ascc.ingest.refusal)
        "sources": ["nso"],
        "notice_vi": "Số liệu công bố của Tổng cục Thống kê (bảng PX-Web theo tỉnh), xem data/sources/nso/PROVENANCE.md.",
        "notice_en": "Statistics published by the National Statistics Office (provincial PX-Web tables), see "
        "data/sources/nso/PROVENANCE.md.",
    }
    dataset.write_manifest(out, manifest)
    token = settings.chosen_dataset.set(out.resolve())
    try:
        db.clear_cache()
        from ascc import ingest

        ref = ingest.load_reference()
        for code in TABLES:
            batch = f"nso-{table_id(TABLES[code][0])}"
            dataset.write_results(out, table_rows(code, ref).assign(batch_id=batch), batch_id=batch)
    finally:
        settings.chosen_dataset.reset(token)
        db.clear_cache()
    manifest["version"] = dataset.content_version(out)
    dataset.write_manifest(out, manifest)
    return manifest
