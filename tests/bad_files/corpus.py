"""Bad import files, each with the reason the importer must give and where (row, column letter).

Every file is built in memory from the literals below, so the corpus is the same on every run.
``python -m tests.bad_files.corpus OUT_DIR`` writes the files to a folder for a look in Excel.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HEADER = "indicator,area,year,value"


def csv(*lines: str, encoding: str = "utf-8") -> bytes:
    """A small CSV file from its lines."""
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx(rows: list[list], *, sheet: str = "Data", percent_cells: tuple[str, ...] = ()) -> bytes:
    """A one-sheet workbook from rows of cell values (strings starting with = become formulas)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for ref in percent_cells:
        ws[ref].number_format = "0.0%"
    # Fixed document times, so the bytes do not depend on the clock.
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def rezip(data: bytes, parts: dict[str, Callable[[bytes], bytes] | bytes]) -> bytes:
    """A workbook with some parts replaced: new bytes, or a function of the old ones (times kept as they were)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            change = parts.get(info.filename, src.read(info))
            dst.writestr(info, change(src.read(info)) if callable(change) else change)
        for name, new in parts.items():
            if name not in src.namelist():
                dst.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), new, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def with_dimension(data: bytes, ref: str) -> bytes:
    """A one-sheet workbook whose sheet declares another dimension (<dimension ref=...>) than its cells span."""
    return rezip(data, {"xl/worksheets/sheet1.xml": lambda xml: re.sub(rb'<dimension ref="[^"]*"/>',
                                                                       f'<dimension ref="{ref}"/>'.encode(), xml)})


@dataclass(frozen=True)
class Case:
    """One bad file and what the importer must say about it."""

    name: str
    file_name: str
    data: bytes
    code: str  # reason code of the expected error
    row: int | None = None  # Excel row of the problem (None: the file as a whole)
    col: str | None = None  # Excel column letter (None: the whole row or file)
    options: dict = field(default_factory=dict)  # indicator, year, sheet, item


GOOD_ROW = "HH_COMPUTER,Hà Nội,2023,53.2"
# The 34 provinces from 1 July 2025, each named after one of the 63 former provinces.
NEW_34 = ("Hà Nội", "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên", "Lạng Sơn",
          "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
          "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng", "Đồng Nai",
          "Hồ Chí Minh", "Tây Ninh", "Đồng Tháp", "Vĩnh Long", "An Giang", "Cần Thơ", "Cà Mau")
# The former provinces merged away on 1 July 2025 (the other 34 of the 63 kept their names).
MERGED_29 = ("Hà Giang", "Bắc Kạn", "Yên Bái", "Hòa Bình", "Bắc Giang", "Vĩnh Phúc", "Hải Dương", "Thái Bình", "Hà Nam",
             "Nam Định", "Quảng Bình", "Quảng Nam", "Bình Định", "Phú Yên", "Ninh Thuận", "Bình Thuận", "Kon Tum",
             "Đắk Nông", "Bình Phước", "Bình Dương", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
             "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu")


def provinces(names, year: int) -> list[str]:
    """Rows of HH_COMPUTER for the given provinces and year (values 20.0, 20.5, ...)."""
    return [f"HH_COMPUTER,{name},{year},{20 + i / 2:.1f}" for i, name in enumerate(names)]


CASES: list[Case] = [
    Case("empty", "empty.csv", b"", "empty_file"),
    Case("only_bom", "only_bom.csv", b"\xef\xbb\xbf\r\n", "empty_file"),
    Case("binary_named_csv", "binary.csv", bytes(range(256)) * 8, "format_mismatch"),
    Case("csv_named_xlsx", "really_csv.xlsx", csv(HEADER, GOOD_ROW), "format_mismatch"),
    Case("html_named_xlsx", "web_page.xlsx", b"<html><body><table><tr><td>H\xc3\xa0 N\xe1\xbb\x99i</td></tr></table></body></html>",
         "format_mismatch"),
    Case("html_named_csv", "web_page.csv", b"<!DOCTYPE html>\n<html><table></table></html>", "format_mismatch"),
    Case("pdf_named_csv", "report.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "format_mismatch"),
    Case("zip_named_xlsx", "archive.xlsx", b"PK\x03\x04" + b"\x00" * 60, "format_mismatch"),
    Case("old_xls", "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "old_excel"),
    Case("unsupported_type", "data.ods", b"PK\x03\x04", "unsupported_type"),
    Case("too_large", "huge.csv", csv(HEADER) + b"0" * (20 * 1024 * 1024), "too_large"),
    Case("no_header", "no_header.csv", csv("a,b,c", "1,2,3"), "no_header"),
    Case("missing_year_column", "no_year.csv", csv("indicator,area,value", "HH_COMPUTER,Hà Nội,53.2"), "missing_column", 1),
    Case("header_only", "header_only.csv", csv(HEADER), "no_data_rows"),
    Case("wide_without_indicator", "yearbook.csv", csv("Tỉnh,2023", "Hà Nội,53.2"), "indicator_required", 1),
    Case("wide_two_columns_no_total", "by_sex.xlsx",
         xlsx([["Tỷ lệ theo giới"], [None, 2023, None], [None, "Nam", "Nữ"], ["Hà Nội", 50.1, 49.2]]),
         "item_required", 3, options={"indicator": "HH_COMPUTER"}),
    Case("wide_year_not_in_table", "yearbook_2023.csv", csv("Tỉnh,2023", "Hà Nội,53.2"), "year_not_in_table", 1,
         options={"indicator": "HH_COMPUTER", "year": 2020}),
    Case("unknown_sheet", "one_sheet.xlsx", xlsx([HEADER.split(","), ["HH_COMPUTER", "Hà Nội", 2023, 53.2]]),
         "unknown_sheet", options={"sheet": "Số liệu 2024"}),
    Case("unknown_indicator_option", "yearbook_x.csv", csv("Tỉnh,2023", "Hà Nội,53.2"), "unknown_indicator_option",
         options={"indicator": "NO_SUCH_CODE"}),
    Case("unknown_indicator", "unknown_indicator.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTR,Hải Phòng,2023,30.4"),
         "unknown_indicator", 3, "A"),
    Case("unknown_area", "unknown_area.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Atlantis,2023,30.4"), "unknown_area", 3, "B"),
    Case("ambiguous_area", "ambiguous_area.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Bình,2023,30.4"), "ambiguous_area", 3, "B"),
    # 2025 may be on the 63 former provinces (as the statistics office published it), one set for the whole year;
    # from 2026 only on the 34.
    Case("former_province_in_2026", "merged.csv", csv(HEADER, "HH_COMPUTER,Hà Giang,2026,9.4"),
         "area_other_boundary_set", 2, "B"),
    # A 2025 naming provinces only of the 34 (P34-08) and only of the 63 (Hà Giang) fits neither set: the whole
    # year is refused (with --valid-only too), as a name of both ("Tuyên Quang") could then be either.
    Case("both_sets_in_2025", "mixed_sets.csv", csv(HEADER, "HH_COMPUTER,P34-08,2025,30.1", "HH_COMPUTER,Hà Giang,2025,9.4"),
         "year_both_boundary_sets", 2, "B"),
    Case("former_63_with_a_new_id_in_2025_valid_only", "gso_2025.csv",
         csv(HEADER, *provinces(NEW_34 + MERGED_29, 2025), "HH_COMPUTER,P34-46,2025,40.0"), "year_both_boundary_sets", 2,
         "B", options={"valid_only": True}),
    # The 34 new provinces with a year before the merger would land on the former provinces of the same names.
    Case("new_34_labelled_2023", "tinh_34_2023.csv", csv(HEADER, *provinces(NEW_34, 2023)), "new_provinces_before_merger",
         2, "B", options={"valid_only": True}),
    Case("unknown_item", "items.csv", csv("Tỉnh,2023 Tổng số,2023 Nam,2023 Nữ", "Hà Nội,53.2,54.0,52.4"), "unknown_item", 1,
         options={"indicator": "HH_COMPUTER", "item": "Thành thị"}),
    Case("ambiguous_item", "items_prefix.csv", csv("Tỉnh,2023 Nhóm 1,2023 Nhóm 2", "Hà Nội,53.2,54.0"), "ambiguous_item", 1,
         options={"indicator": "HH_COMPUTER", "item": "nhom"}),
    Case("dissolved_province_after_it_merged", "ha_tay.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hà Tây,2010,20.1"),
         "dissolved_area", 3, "B"),
    Case("missing_area", "missing_area.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,,2023,30.4"), "missing_area", 3, "B"),
    Case("non_numeric", "non_numeric.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,2023,ba mươi"), "non_numeric", 3, "D"),
    Case("decimal_comma_among_points", "mixed_marks.csv",
         csv("indicator;area;year;value", "HH_COMPUTER;Hà Nội;2023;53.2", "HH_COMPUTER;Vĩnh Phúc;2023;34.1",
             "HH_COMPUTER;Hải Phòng;2023;30,4"), "decimal_mark_mixed", 4, "D"),
    Case("ambiguous_thousands", "thousands.csv",
         csv("indicator;area;year;value", "INCOME_PC;Hà Nội;2023;6,869", "INCOME_PC;Hải Phòng;2023;6,392"),
         "ambiguous_number", 2, "D"),
    Case("split_decimal_comma", "split.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,2023,30,4"), "extra_cells", 3, "E"),
    Case("xlsx_cell_beside_the_table", "beside.xlsx",
         xlsx([HEADER.split(","), ["HH_COMPUTER", "Hà Nội", 2023, 53.2], ["HH_COMPUTER", "Hải Phòng", 2023, 30.4, "kiểm tra lại"]]),
         "extra_cells_xlsx", 3, "E"),
    Case("header_below_row_30", "deep_header.csv", csv(*["Bảng số liệu,,,"] * 30, HEADER, GOOD_ROW), "no_header"),
    # 2.6 million cells declared by a file of a few kilobytes: refused before a cell is read.
    Case("xlsx_dimension_too_many_cells", "claims_many_cells.xlsx",
         with_dimension(xlsx([HEADER.split(","), ["HH_COMPUTER", "Hà Nội", 2023, 53.2]]), "A1:Z100000"), "too_many_cells"),
    Case("percent_sign_wrong_unit", "percent.csv", csv(HEADER, "INCOME_PC,Hà Nội,2023,6869%"), "percent_not_allowed", 2, "D"),
    Case("above_100_percent", "above_100.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,2023,130.4"), "out_of_range", 3, "D"),
    Case("negative_rate", "negative.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,2023,-3.4"), "out_of_range", 3, "D"),
    Case("numerator_above_denominator", "num_den.csv",
         csv("indicator,area,year,value,numerator,denominator", "HH_COMPUTER,Hà Nội,2023,53.2,532,1000",
             "HH_COMPUTER,Hải Phòng,2023,,1200,1000"), "numerator_above_denominator", 3, "E"),
    Case("value_inconsistent", "inconsistent.csv",
         csv("indicator,area,year,value,numerator,denominator", "HH_COMPUTER,Hà Nội,2023,53.2,532,1000",
             "HH_COMPUTER,Hải Phòng,2023,50.0,304,1000"), "value_inconsistent", 3, "D"),
    Case("zero_denominator", "zero_den.csv",
         csv("indicator,area,year,value,numerator,denominator", "HH_COMPUTER,Hà Nội,2023,,0,0"), "bad_denominator", 2, "F"),
    Case("duplicate_row", "duplicate.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Vĩnh Phúc,2023,34.1", "HH_COMPUTER,TP Hà Nội,2023,53.3"),
         "duplicate", 4, "B"),
    Case("year_out_of_range", "old_year.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,1999,30.4"), "year_out_of_range", 3, "C"),
    Case("bad_year", "bad_year.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,năm ngoái,30.4"), "bad_year", 3, "C"),
    Case("unknown_breakdown_group", "by_sex.csv", csv("indicator,area,year,value,breakdown", "HH_COMPUTER,Hà Nội,2023,53.2,sex:nam"),
         "bad_breakdown", 2, "E"),
    Case("unknown_breakdown_dimension", "by_area.csv",
         csv("indicator,area,year,value,breakdown", "HH_COMPUTER,Hà Nội,2023,53.2,area:urban"), "bad_breakdown", 2, "E"),
    Case("formula_year", "formula_year.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,=2022,30.4"), "formula", 3, "C"),
    Case("arabic_indic_year", "arabic_year.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,٢٠٢٢,30.4"), "other_digits",
         3, "C"),
    Case("full_width_value", "full_width.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,2023,３０.４"), "other_digits",
         3, "D"),
    Case("bad_status", "bad_status.csv", csv("indicator,area,year,value,status", "HH_COMPUTER,Hà Nội,2023,53.2,maybe"),
         "bad_status", 2, "E"),
    Case("formula_value", "formula.csv", csv(HEADER, GOOD_ROW, "HH_COMPUTER,Hải Phòng,2023,=10*3"), "formula", 3, "D"),
    Case("csv_injection_area", "injection.csv", csv(HEADER, GOOD_ROW, 'HH_COMPUTER,"@SUM(1+1)*cmd|\'/C calc\'!A0",2023,30.4'),
         "formula", 3, "B"),
    Case("csv_injection_source", "injection_source.csv",
         csv("indicator,area,year,value,source", 'HH_COMPUTER,Hà Nội,2023,53.2,"+HYPERLINK(""http://x"")"'), "formula", 2, "E"),
    Case("xlsx_formula", "formula.xlsx",
         xlsx([HEADER.split(","), ["HH_COMPUTER", "Hà Nội", 2023, 53.2], ["HH_COMPUTER", "Hải Phòng", 2023, "=D2-22.8"]]),
         "formula", 3, "D"),
]


def write_all(out: Path) -> list[Path]:
    """Write every file of the corpus into a folder (for a look in Excel)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in CASES:
        path = out / f"{case.name}__{case.file_name}"
        path.write_bytes(case.data)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "bad_files_out")):
        print(p)
