"""Limits, field names and the vi/en aliases the importer recognises."""

from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024  # as server.maxUploadSize in .streamlit/config.toml
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an XLSX is a zip: refuse zip bombs
MAX_ROWS = 100_000
# An XLSX is checked before it is parsed (a 1 MB file can unzip to 200 MB of cells that take minutes to read):
# any one part of it unzipped, how much a part over ZIP_RATIO_MIN_BYTES may grow when unzipped (ordinary
# sheets grow 5 to 25 times, zip bombs hundreds of times), and the cells of the sheet read, as its
# <dimension> declares them and as they are read (the declaration can be wrong). One million cells is a
# long table of MAX_ROWS rows and ten columns, as much as a CSV may hold; reading it takes seconds.
MAX_XLSX_PART_BYTES = 64 * 1024 * 1024
MAX_ZIP_RATIO = 100
ZIP_RATIO_MIN_BYTES = 1024 * 1024
MAX_CELLS = 1_000_000
YEAR_MIN, YEAR_MAX = 2000, 2035
HEADER_SCAN_ROWS = 30
APPROX_TOLERANCE = 0.02  # relative, for subtotals compared with a population-weighted mean

TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
EXTENSIONS = (*TEXT_EXTENSIONS, *XLSX_EXTENSIONS, ".xls")

FIELDS = ("indicator", "area", "year", "value", "numerator", "denominator", "weight", "status", "source",
          "breakdown")
NUMBER_FIELDS = ("value", "numerator", "denominator", "weight")

# Header aliases (compared after key(): lower case, no diacritics, punctuation as spaces). A header cell
# "Giá trị / value" matches through either part.
HEADERS: dict[str, set[str]] = {
    "indicator": {"indicator", "indicator code", "code", "ma chi tieu", "chi tieu", "ma", "ma so", "ma chi so"},
    "area": {"area", "area id", "area name", "province", "province city", "tinh", "tinh thanh", "tinh thanh pho",
             "dia phuong", "dia ban", "ten tinh", "ten tinh thanh pho", "ten dia phuong", "don vi hanh chinh"},
    "year": {"year", "nam", "nam so lieu", "ky so lieu"},
    "value": {"value", "gia tri", "so lieu", "gia tri chi tieu"},
    "numerator": {"numerator", "tu so"},
    "denominator": {"denominator", "mau so"},
    "weight": {"weight", "trong so", "quyen so"},
    "status": {"status", "trang thai", "tinh trang", "tinh trang so lieu"},
    "source": {"source", "nguon", "nguon so lieu"},
    "breakdown": {"breakdown", "phan to", "nhom dan cu"},
}
# The items of a table with several a year that are its total ("2010 Total", "Bình quân chung").
TOTAL_COLUMNS = {"tong so", "tong", "chung", "binh quan chung", "total", "all", "overall", "toan bo", "ca nuoc",
                 "general average"}
STATUS_ALIASES = {
    "final": "final", "chinh thuc": "final", "official": "final",
    "preliminary": "preliminary", "prel": "preliminary", "so bo": "preliminary", "provisional": "preliminary",
    "estimated": "estimated", "estimate": "estimated", "est": "estimated", "uoc tinh": "estimated",
    "uoc": "estimated",
}
MISSING_MARKERS = {"", "-", "–", "—", "..", "...", "…", "x", "n/a", "na", "nan", "null", "none"}
NOTE_PREFIXES = ("ghi chu", "chu thich", "nguon", "source", "note", "notes", "luu y")
NATION_KEYS = {"ca nuoc", "toan quoc", "tong so", "tong cong", "viet nam", "vietnam", "whole country",
               "entire country", "national", "nation", "total", "vn", "country"}
REGION_ALIASES = {
    "RRD": {"red river delta", "dbsh", "dong bang song hong"},
    "NMM": {"northern midlands and mountain areas", "northern midlands and mountainous areas",
            "trung du va mien nui phia bac", "tdmnpb"},
    "NCC": {"north central and central coastal areas", "north central area and south central coastal area",
            "north central and central coast", "bac trung bo va duyen hai mien trung",
            "northern central area and central coastal area"},
    "CH": {"central highlands", "tay nguyen"},
    "SE": {"south east", "southeast", "dong nam bo"},
    "MRD": {"mekong river delta", "mekong delta", "dong bang song cuu long", "dbscl"},
}
# Names the tables do not hold: (boundary set, key) -> GSO code. Thừa Thiên Huế became Thành phố Huế
# on 1 January 2025; yearbooks before that print the old name.
AREA_ALIASES = {
    ("63", "thua thien hue"): "46", ("34", "thua thien hue"): "46",
    ("63", "hcm"): "79", ("34", "hcm"): "79", ("63", "tphcm"): "79", ("34", "tphcm"): "79",
    ("63", "sai gon"): "79", ("34", "sai gon"): "79",
}
# Provinces dissolved before the 63 of 2008-2025, which old tables still list (".." in every later year):
# area_key -> (GSO code, in the 63 set, of the province it became part of; the year). Hà Tây joined Hà Nội
# on 1 August 2008 (Resolution 15/2008/QH12).
DISSOLVED = {"ha tay": ("01", 2008)}
