"""Texts of the indicator catalogue and targets: import problems, reports, export, and the Data page's catalogue."""

MESSAGES = {
    # reasons of problems in a catalogue or targets file (ascc.catalogue; shown as ingest's are)
    "ingest.reason.catalogue_no_header": {
        "vi": "Không tìm thấy dòng tiêu đề có cột “{column}” trong 30 dòng đầu. Hãy xuất mẫu (export) để xem các cột.",
        "en": "No header row with a “{column}” column in the first 30 rows. Export the table to see its columns.",
    },
    "ingest.reason.catalogue_missing_column": {
        "vi": "Thiếu cột “{column}”.",
        "en": "The “{column}” column is missing.",
    },
    "ingest.reason.percent_not_here": {
        "vi": "Không dùng dấu % ở cột này: hãy ghi số.",
        "en": "No % sign in this column: write the number alone.",
    },
    "ingest.reason.bad_integer": {"vi": "“{text}” không phải là số nguyên.", "en": "“{text}” is not a whole number."},
    "ingest.reason.bad_bool": {
        "vi": "“{text}” không phải là có/không (true/false, 1/0, có/không).",
        "en": "“{text}” is not yes or no (true/false, 1/0, yes/no).",
    },
    "ingest.reason.bad_code": {
        "vi": "Mã chỉ tiêu “{text}” không hợp lệ: chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ "
        "(ví dụ GOV_INDEX).",
        "en": "Indicator code “{text}” is not valid: capital letters, digits and underscores, starting with a letter "
        "(e.g. GOV_INDEX).",
    },
    "ingest.reason.duplicate_code": {
        "vi": "Chỉ tiêu {text} đã có ở dòng {first}.",
        "en": "Indicator {text} is already on row {first}.",
    },
    "ingest.reason.missing_cell": {
        "vi": "Thiếu “{column}”: bắt buộc với chỉ tiêu mới và không được để trống.",
        "en": "“{column}” is missing: a new indicator needs it, and it cannot be left empty.",
    },
    "ingest.reason.bad_series_break": {
        "vi": "Không đọc được điểm gãy chuỗi “{text}”: mỗi dòng một điểm, dạng “2018: lý do tiếng Việt | reason in English”.",
        "en": "Series break “{text}” cannot be read: one break a line, as “2018: lý do tiếng Việt | reason in English”.",
    },
    "ingest.reason.series_break_twice": {
        "vi": "Năm {year} có hai điểm gãy chuỗi.",
        "en": "Two series breaks in {year}.",
    },
    "ingest.reason.one_language": {
        "vi": "Có “{have}” nhưng thiếu “{missing}”: tên, đơn vị, định nghĩa và nguồn cần cả tiếng Việt và tiếng Anh.",
        "en": "“{have}” is given but “{missing}” is not: names, units, definitions and sources need both Vietnamese "
        "and English.",
    },
    "ingest.reason.bad_choice": {
        "vi": "“{text}” không hợp lệ; chọn một trong: {choices}.",
        "en": "“{text}” is not valid; choose one of: {choices}.",
    },
    "ingest.reason.weight_kind_unused": {
        "vi": "Chỉ tiêu tổng hợp theo quy tắc “{aggregation}” không dùng trọng số: loại trọng số này không có tác dụng.",
        "en": "An indicator aggregated by “{aggregation}” is not weighted: this weight kind has no effect.",
    },
    "ingest.reason.unknown_pillar": {
        "vi": "Không có đặc tính (trụ cột) “{text}”; các mã hợp lệ: {choices}.",
        "en": "There is no characteristic (pillar) “{text}”; valid codes: {choices}.",
    },
    "ingest.reason.unknown_ministry": {
        "vi": "Không có bộ, ngành “{text}” (gần nhất: {suggestion}).",
        "en": "There is no ministry “{text}” (closest: {suggestion}).",
    },
    "ingest.reason.ministry_merged": {
        "vi": "Bộ {code} đã được hợp nhất (từ 01/3/2025); bộ kế thừa: {successor}.",
        "en": "Ministry {code} was merged (from 1 March 2025); its successor: {successor}.",
    },
    "ingest.reason.bad_decimals": {
        "vi": "Số chữ số thập phân {value} phải từ 0 đến 6.",
        "en": "Decimals {value} must be 0 to 6.",
    },
    "ingest.reason.bad_scale": {
        "vi": "Hệ số {value} phải lớn hơn 0 (100 cho tỷ lệ %, 1.000 cho ‰, 1 nếu không nhân).",
        "en": "The scale {value} must be above 0 (100 for a percentage, 1,000 per mille, 1 for none).",
    },
    "ingest.reason.scale_ignored": {
        "vi": "Hệ số chỉ dùng cho chỉ tiêu tỷ lệ; với quy tắc “{aggregation}” nó không có tác dụng.",
        "en": "The scale applies to ratios only; with the “{aggregation}” rule it has no effect.",
    },
    "ingest.reason.min_above_max": {
        "vi": "Giá trị nhỏ nhất {low} lớn hơn giá trị lớn nhất {high}.",
        "en": "The minimum {low} is above the maximum {high}.",
    },
    "ingest.reason.years_order": {
        "vi": "Năm gốc {base} phải trước năm mục tiêu {target}.",
        "en": "The base year {base} must come before the target year {target}.",
    },
    "ingest.reason.definition_changed": {
        "vi": "{code}: thay đổi {fields}. Số liệu đã nhập trước đây được cung cấp theo định nghĩa cũ; hãy kiểm tra lại "
        "hoặc ghi một điểm gãy chuỗi.",
        "en": "{code}: {fields} changed. Figures imported earlier were delivered under the former definition; check "
        "them, or record a series break.",
    },
    "ingest.reason.unknown_area_id": {
        "vi": "Không có mã địa bàn “{text}” (gần nhất: {suggestion}). Dùng VN, R-… (vùng), P63-… hoặc P34-… (tỉnh).",
        "en": "There is no area id “{text}” (closest: {suggestion}). Use VN, R-… (regions), P63-… or P34-… (provinces).",
    },
    "ingest.reason.target_area_period": {
        "vi": "“{text}” không phải là tỉnh, thành của năm {year}: năm {year} theo {boundary} tỉnh, thành (dùng {hint}).",
        "en": "“{text}” is not a province in {year}, which is on the {boundary} provinces (use {hint}).",
    },
    "ingest.reason.target_before_base": {
        "vi": "Năm mục tiêu {year} không sau năm gốc {base} của chỉ tiêu {code}.",
        "en": "The target year {year} is not after {code}'s base year {base}.",
    },
    "ingest.reason.illustrative_target": {
        "vi": "Mục tiêu minh họa không được nhập vào bộ dữ liệu chính thức: chỉ nhập mục tiêu có văn bản làm căn cứ.",
        "en": "An illustrative target cannot go into an official dataset: import only targets a document sets.",
    },
    "ingest.reason.no_citation": {
        "vi": "Mục tiêu không có nguồn: ghi văn bản, điều khoản và con số đặt ra mục tiêu (source_vi hoặc source_en).",
        "en": "The target has no citation: give the document, article and figure that set it (source_vi or source_en).",
    },
    "ingest.reason.citation_filled": {
        "vi": "“{filled}” để trống: dùng nội dung của “{given}”.",
        "en": "“{filled}” is empty: the text of “{given}” is used.",
    },
    "ingest.reason.change_sign": {
        "vi": "Mức thay đổi hằng năm {value} không cùng chiều với chỉ tiêu ({direction}).",
        "en": "The annual change {value} does not go the indicator's way ({direction}).",
    },
    "ingest.reason.duplicate_target": {
        "vi": "Trùng với dòng {first}: {code}, {area}, năm {year} đã có mục tiêu cùng loại.",
        "en": "Duplicate of row {first}: {code}, {area}, {year} already has a target of this type.",
    },
    "ingest.reason.nothing_changed": {
        "vi": "Cả {n} dòng đều trùng với bảng hiện hành: không có gì để nhập.",
        "en": "All {n} rows equal the table in force: there is nothing to import.", "en_one": "The file's {n} row equals the table in force: there is nothing to import.",
    },
    "ingest.reason.indicator_in_use": {
        "vi": "Không rút được: chỉ tiêu {codes} sẽ ra khỏi danh mục nhưng vẫn còn số liệu hoặc mục tiêu (các lô {batches}). "
        "Hãy rút các lô đó trước.",
        "en": "Cannot withdraw: indicator {codes} would leave the catalogue while figures or targets still use it "
        "(batches {batches}). Withdraw those first.",
    },
    "catalogue.direction.up": {"vi": "càng cao càng tốt: mức thay đổi dương", "en": "higher is better: a positive change"},
    "catalogue.direction.down": {"vi": "càng thấp càng tốt: mức thay đổi âm", "en": "lower is better: a negative change"},
    # the report
    "catalogue.report.counts": {
        "vi": "Đã đọc {read} dòng; hợp lệ {valid}; {errors} lỗi, {warnings} cảnh báo.",
        "en": "{read} rows read; {valid} valid; {errors} errors, {warnings} warnings.",
    },
    "catalogue.report.preview_indicators": {
        "vi": "So với danh mục hiện hành: {new} chỉ tiêu mới, {changed} thay đổi, {unchanged} không đổi.",
        "en": "Against the catalogue in force: {new} new, {changed} changed, {unchanged} unchanged indicators.",
    },
    "catalogue.report.preview_targets": {
        "vi": "So với các mục tiêu hiện hành của các chỉ tiêu này: {new} mới, {changed} thay đổi, {unchanged} không "
        "đổi, {removed} bị bỏ (tệp thay thế toàn bộ mục tiêu của chỉ tiêu có trong tệp).",
        "en": "Against the targets in force for these indicators: {new} new, {changed} changed, {unchanged} unchanged, "
        "{removed} removed (a file replaces all targets of the indicators it names).",
    },
    "catalogue.change.new": {"vi": "{item}: mới", "en": "{item}: new"},
    "catalogue.change.changed": {"vi": "{item}: thay đổi ({fields})", "en": "{item}: changed ({fields})"},
    "catalogue.change.removed": {"vi": "{item}: bị bỏ", "en": "{item}: removed"},
    "catalogue.outcome.committed_indicators": {
        "vi": "ĐÃ NHẬP {n} chỉ tiêu vào danh mục thành lô {batch}. Rút lại: python -m ascc rollback {batch}",
        "en": "IMPORTED {n} indicators into the catalogue as batch {batch}. To undo: python -m ascc rollback {batch}", "en_one": "IMPORTED {n} indicator into the catalogue as batch {batch}. To undo: python -m ascc rollback {batch}",
    },
    "catalogue.outcome.committed_targets": {
        "vi": "ĐÃ NHẬP {n} mục tiêu thành lô {batch}. Rút lại: python -m ascc rollback {batch}",
        "en": "IMPORTED {n} targets as batch {batch}. To undo: python -m ascc rollback {batch}", "en_one": "IMPORTED {n} target as batch {batch}. To undo: python -m ascc rollback {batch}",
    },
    "catalogue.outcome.would_commit_indicators": {
        "vi": "KIỂM TRA XONG: có thể nhập {n} chỉ tiêu (chưa ghi gì vào bộ dữ liệu).",
        "en": "CHECKED: {n} indicators can be imported (nothing was written to the dataset).", "en_one": "CHECKED: {n} indicator can be imported (nothing was written to the dataset).",
    },
    "catalogue.outcome.would_commit_targets": {
        "vi": "KIỂM TRA XONG: có thể nhập {n} mục tiêu (chưa ghi gì vào bộ dữ liệu).",
        "en": "CHECKED: {n} targets can be imported (nothing was written to the dataset).", "en_one": "CHECKED: {n} target can be imported (nothing was written to the dataset).",
    },
    "catalogue.outcome.rejected": {
        "vi": "KHÔNG NHẬP: bộ dữ liệu không thay đổi. Sửa các lỗi trên rồi nhập lại.",
        "en": "NOT IMPORTED: the dataset is unchanged. Fix the errors above and import again.",
    },
    # export
    "catalogue.exported_indicators": {
        "vi": "Đã xuất {n} chỉ tiêu ra {path} (sửa rồi nhập lại: python -m ascc indicators import TỆP).",
        "en": "{n} indicators written to {path} (edit, then: python -m ascc indicators import FILE).", "en_one": "{n} indicator written to {path} (edit, then: python -m ascc indicators import FILE).",
    },
    "catalogue.exported_targets": {
        "vi": "Đã xuất {n} mục tiêu ra {path} (sửa rồi nhập lại: python -m ascc targets import TỆP).",
        "en": "{n} targets written to {path} (edit, then: python -m ascc targets import FILE).", "en_one": "{n} target written to {path} (edit, then: python -m ascc targets import FILE).",
    },
    "catalogue.sheet.indicators": {"vi": "Chỉ tiêu - Indicators", "en": "Indicators"},
    "catalogue.sheet.targets": {"vi": "Mục tiêu - Targets", "en": "Targets"},
    "catalogue.instructions.indicators": {
        "vi": "Danh mục chỉ tiêu: hướng dẫn\n"
        "- Mỗi dòng một chỉ tiêu. Mã mới: thêm chỉ tiêu; mã đã có: thay định nghĩa của chỉ tiêu đó (cột không có "
        "trong tệp giữ nguyên giá trị hiện hành).\n"
        "- aggregation: ratio, weighted_mean, sum, mean. weight_kind: population, households, live_births, "
        "labour_force, none. decimals: số nguyên 0–6. scale > 0 (100 cho tỷ lệ %).\n"
        "- Tên, đơn vị, định nghĩa, nguồn: cả tiếng Việt (_vi) và tiếng Anh (_en).\n"
        "- series_breaks: mỗi dòng một điểm gãy chuỗi, dạng “2018: lý do tiếng Việt | reason in English”.\n"
        "- Nhập: python -m ascc indicators import TỆP --data-dir THƯ_MỤC; rút lại: python -m ascc rollback LÔ.",
        "en": "Indicator catalogue: instructions\n"
        "- One indicator a row. A new code adds an indicator; an existing code replaces its definition (columns "
        "left out of the file keep their current values).\n"
        "- aggregation: ratio, weighted_mean, sum, mean. weight_kind: population, households, live_births, "
        "labour_force, none. decimals: a whole number 0–6. scale > 0 (100 for a percentage).\n"
        "- Names, units, definitions, sources: both Vietnamese (_vi) and English (_en).\n"
        "- series_breaks: one break a line, as “2018: lý do tiếng Việt | reason in English”.\n"
        "- Import: python -m ascc indicators import FILE --data-dir FOLDER; undo: python -m ascc rollback BATCH.",
    },
    "catalogue.instructions.targets": {
        "vi": "Mục tiêu: hướng dẫn\n"
        "- Mỗi dòng một mục tiêu: indicator_code, area_id (mặc định VN), year, target_value, target_upper (cận kia "
        "của một khoảng, ví dụ 93–95 %), target_type (level: mức cần đạt; annual_change: mức thay đổi mỗi năm).\n"
        "- Mỗi mục tiêu phải có nguồn: văn bản, điều khoản, con số (source_vi, source_en; có một thứ tiếng là đủ).\n"
        "- Không nhập mục tiêu minh họa (illustrative) vào bộ dữ liệu chính thức.\n"
        "- Tệp thay thế toàn bộ mục tiêu của các chỉ tiêu có trong tệp.\n"
        "- Nhập: python -m ascc targets import TỆP --data-dir THƯ_MỤC; rút lại: python -m ascc rollback LÔ.",
        "en": "Targets: instructions\n"
        "- One target a row: indicator_code, area_id (default VN), year, target_value, target_upper (the other "
        "bound of a range, e.g. 93–95 %), target_type (level: a level to reach; annual_change: a change a year).\n"
        "- Every target cites its source: document, article, figure (source_vi, source_en; one language is enough).\n"
        "- No illustrative targets in an official dataset.\n"
        "- A file replaces all targets of the indicators it names.\n"
        "- Import: python -m ascc targets import FILE --data-dir FOLDER; undo: python -m ascc rollback BATCH.",
    },
    # the Data page: the catalogue and the targets
    "data.col.rule": {"vi": "Quy tắc tổng hợp", "en": "Aggregation rule"},
    "data.col.weight_kind": {"vi": "Trọng số", "en": "Weighted by"},
    "data.col.decimals": {"vi": "Số lẻ", "en": "Decimals"},
    "data.col.pillar": {"vi": "Đặc tính", "en": "Characteristic"},
    "data.col.breaks": {"vi": "Gãy chuỗi", "en": "Series breaks"},
    "data.col.target": {"vi": "Mục tiêu", "en": "Target"},
    "data.col.target_type": {"vi": "Loại", "en": "Kind"},
    "data.col.citation": {"vi": "Căn cứ", "en": "Citation"},
    "data.targets.title": {"vi": "Mục tiêu và căn cứ", "en": "Targets and their sources"},
    "data.targets.caption": {
        "vi": "Chỉ hiển thị mục tiêu có văn bản làm căn cứ; chỉ tiêu không có ở đây thì không có mục tiêu. "
        "Nhập mục tiêu: python -m ascc targets import TỆP.",
        "en": "Only targets that a document sets are shown; an indicator not listed here has no target. "
        "Import targets: python -m ascc targets import FILE.",
    },
    "data.targets.none": {
        "vi": "Bộ dữ liệu chưa có mục tiêu nào (nhập bằng: python -m ascc targets import TỆP).",
        "en": "The dataset has no targets yet (import them with: python -m ascc targets import FILE).",
    },
    "data.targets.illustrative": {"vi": "minh họa", "en": "illustrative"},
    "data.target.range": {"vi": "{low} đến {high}", "en": "{low} to {high}"},
    "data.target.per_year": {"vi": "{value} mỗi năm", "en": "{value} a year"},
    "weight_kind.population": {"vi": "dân số", "en": "population"},
    "weight_kind.households": {"vi": "số hộ", "en": "households"},
    "weight_kind.live_births": {"vi": "số trẻ đẻ sống", "en": "live births"},
    "weight_kind.labour_force": {"vi": "lực lượng lao động", "en": "labour force"},
    "weight_kind.none": {"vi": "không", "en": "none"},
    "target_type.level": {"vi": "mức cần đạt", "en": "level"},
    "target_type.annual_change": {"vi": "thay đổi hằng năm", "en": "annual change"},
    "cli.rollback.done_indicators": {
        "vi": "Đã rút lô {batch}: danh mục chỉ tiêu trở lại như trước lô này.",
        "en": "Batch {batch} withdrawn: the indicator catalogue is back to what it was without it.",
    },
    "cli.rollback.done_targets": {
        "vi": "Đã rút lô {batch}: các mục tiêu trở lại như trước lô này.",
        "en": "Batch {batch} withdrawn: the targets are back to what they were without it.",
    },
}
