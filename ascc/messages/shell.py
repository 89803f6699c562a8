"""Texts of the shared frame and of the files it hands out: the language names, the language switch, the
map's "no data" and the README of the dataset zip."""

MESSAGES = {
    # A language's name; the switch shows each one in its own language (i18n.lang_name), so a reader finds
    # theirs whichever language the screen is in.
    "lang.vi": {"vi": "Tiếng Việt", "en": "Vietnamese"},
    "lang.en": {"vi": "Tiếng Anh", "en": "English"},
    # The switch's label is the same in both languages, so anyone can find it.
    "sidebar.language_switch": {"vi": "Ngôn ngữ / Language", "en": "Ngôn ngữ / Language"},
    "map.no_data": {"vi": "Không có số liệu", "en": "No data"},
    # README.txt of the dataset zip (ascc.bundle)
    "bundle.readme": {
        "vi": """Bộ dữ liệu: {title}
Loại: {kind} · phiên bản {version} · số liệu đến {as_of}
{notice}
Các tệp (UTF-8, phân cách bằng dấu phẩy, dấu chấm thập phân):
- results.csv: mọi số liệu như được lưu (tỉnh cũ P63-*, tỉnh mới P34-*, dòng vùng R-* và cả nước VN đã công bố, xã):
  chỉ tiêu, khu vực, năm, nhóm dân cư, giá trị, đơn vị, tử số, mẫu số, trọng số, tình trạng, nguồn, đợt nhập.
- aggregates.csv: giá trị của vùng và cả nước như mọi trang hiển thị, theo từng bộ địa giới: số công bố, hoặc tính từ
  các tỉnh (basis = computed) với mức bao phủ (n_reported/n_areas, pop_share) và dấu ước tính theo dân số (estimated).
- indicators.csv: danh mục chỉ tiêu (tên, đơn vị, quy tắc tổng hợp, trọng số, thay đổi phương pháp, nguồn).
- targets.csv: mục tiêu và văn bản quy định.
- manifest.json: thông tin bộ dữ liệu.{sources}
""",
        "en": """Dataset: {title}
Kind: {kind} · version {version} · data as of {as_of}
{notice}
Files (UTF-8, comma-separated, decimal point):
- results.csv: every figure as stored (former provinces P63-*, new provinces P34-*, published region R-* and
  national VN rows, communes): indicator, area, year, population group, value, unit, numerator, denominator,
  weight, status, source, import batch.
- aggregates.csv: the regional and national values as every page shows them, per boundary set: published, or
  computed from the provinces (basis = computed) with their coverage (n_reported/n_areas, pop_share) and the
  population-weight estimate flag (estimated).
- indicators.csv: the indicator catalogue (names, units, aggregation rule, weight, series breaks, sources).
- targets.csv: targets and the documents that set them.
- manifest.json: about the dataset.{sources}
""",
    },
    "bundle.provenance": {
        "vi": "nguồn gốc các bảng của Tổng cục Thống kê",
        "en": "provenance of the statistics office's tables",
    },
}
