"""The XLSX template users fill in: a data sheet, instructions and the reference lists."""

from __future__ import annotations

import io

import pandas as pd

from ascc.i18n import t
from ascc.ingest.reference import Reference, load_reference
from ascc.ingest.text import column_letter


def template_xlsx() -> bytes:
    """An XLSX template: a data sheet, instructions (vi and en), indicator codes and both sets of area names."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    ref = load_reference()
    wb = openpyxl.Workbook()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F3")
    _data_sheet(wb.active, len(ref.indicators), bold, fill)
    _instructions_sheet(wb.create_sheet("Hướng dẫn - Instructions"), bold)
    _reference_sheets(wb, ref)
    for sheet in wb.worksheets[2:]:
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = fill
        for col in "ABCDEFGH":
            sheet.column_dimensions[col].width = 24
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _data_sheet(data, n_ind: int, bold, fill) -> None:
    """The sheet to fill in: a long table's header, with lists for the indicator and status columns."""
    from openpyxl.worksheet.datavalidation import DataValidation

    data.title = "Dữ liệu - Data"
    heads = [t(f"ingest.template.col_{f}", "vi") + " / " + f for f in
             ("indicator", "area", "year", "value", "numerator", "denominator", "status", "source")]
    data.append(heads)
    for c, _ in enumerate(heads, start=1):
        data.cell(row=1, column=c).font = bold
        data.cell(row=1, column=c).fill = fill
        data.column_dimensions[column_letter(c - 1)].width = 22
    data.freeze_panes = "A2"
    dv = DataValidation(type="list", formula1=f"='Chỉ tiêu - Indicators'!$A$2:$A${n_ind + 1}", allow_blank=True)
    status = DataValidation(type="list", formula1='"final,preliminary,estimated"', allow_blank=True)
    data.add_data_validation(dv)
    data.add_data_validation(status)
    dv.add("A2:A5000")
    status.add("G2:G5000")


def _instructions_sheet(guide, bold) -> None:
    """The instructions in Vietnamese, then in English."""
    from openpyxl.styles import Alignment, Font

    guide.column_dimensions["A"].width = 110
    for lang in ("vi", "en"):
        for line in t("ingest.template.instructions", lang).split("\n"):
            guide.append([line])
            guide.cell(row=guide.max_row, column=1).alignment = Alignment(wrap_text=True)
            if line and not line.startswith(("-", " ")) and guide.max_row > 0 and line.endswith(":"):
                guide.cell(row=guide.max_row, column=1).font = bold
        guide.append([""])
    guide.cell(row=1, column=1).font = Font(bold=True, size=13)


def _reference_sheets(wb, ref: Reference) -> None:
    """The indicator codes, the provinces of both boundary sets, the nation and the regions."""
    ind = wb.create_sheet("Chỉ tiêu - Indicators")
    ind.append(["indicator_code", "Tên chỉ tiêu", "Indicator", "Đơn vị", "Unit", "min", "max", "aggregation"])
    for r in ref.indicators.itertuples():
        ind.append([r.indicator_code, r.name_vi, r.name_en, r.unit_vi, r.unit_en,
                    None if pd.isna(r.min_value) else r.min_value, None if pd.isna(r.max_value) else r.max_value,
                    r.aggregation])
    for bset, title in (("63", "Tỉnh 63 - Provinces to 2024"), ("34", "Tỉnh 34 - Provinces from 2025")):
        sheet = wb.create_sheet(title)
        sheet.append(["area_id", "Mã GSO / GSO code", "Tên / Name (vi)", "Name (en)", "Vùng / Region"])
        for a in ref.areas[(ref.areas["level"] == "province") & (ref.areas["boundary_set"] == bset)].itertuples():
            sheet.append([a.area_id, a.code, a.short_vi, a.short_en, a.region_code])
    other = wb.create_sheet("Cả nước, vùng - Nation, regions")
    other.append(["area_id", "Tên / Name (vi)", "Name (en)"])
    for a in ref.areas[ref.areas["level"].isin(["nation", "region"])].itertuples():
        other.append([a.area_id, a.short_vi, a.short_en])
