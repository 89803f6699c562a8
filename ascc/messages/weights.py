"""Texts of the reference weights: import problems, reports, export, rollback, and the Data page's weights table."""

MESSAGES = {
    # reasons of problems in a weights file (ascc.weights; shown as ingest's are)
    "ingest.reason.weight_not_province": {
        "vi": "“{text}” không phải là tỉnh, thành: trọng số nhập theo tỉnh (P63-… hoặc P34-…); vùng và cả nước được "
        "tính từ các tỉnh.",
        "en": "“{text}” is not a province: weights are given per province (P63-… or P34-…); regions and the nation "
        "are computed from the provinces.",
    },
    "ingest.reason.weight_area_other_set": {
        "vi": "“{text}” là tỉnh, thành thuộc bộ {other} tỉnh, nhưng tên tỉnh của năm {year} được hiểu theo {boundary} "
        "tỉnh, thành. Để nhập trọng số của tỉnh này cho năm {year}, hãy ghi mã {area_id}.",
        "en": "“{text}” is a province of the {other} set, but names in {year} are read as the {boundary} provinces. "
        "To give this province's weight for {year}, write its id {area_id}.",
    },
    "ingest.reason.weight_no_value": {
        "vi": "Thiếu giá trị trọng số.",
        "en": "The weight's value is missing.",
    },
    "ingest.reason.weight_no_source": {
        "vi": "Trọng số không có nguồn: ghi cơ quan, bảng và năm công bố (source_vi hoặc source_en).",
        "en": "The weight has no source: give the publisher, table and release (source_vi or source_en).",
    },
    "ingest.reason.duplicate_weight": {
        "vi": "Trùng với dòng {first}: {kind} của {area} năm {year} đã có.",
        "en": "Duplicate of row {first}: {kind} of {area} in {year} is already given.",
    },
    "ingest.reason.weights_derived": {
        "vi": "{kind}, năm {year}: trọng số của {n} tỉnh mới được tính bằng tổng các tỉnh cũ hợp thành (tệp không "
        "có số của các tỉnh này): {areas}.",
        "en": "{kind}, {year}: the weights of {n} new provinces are computed as the sum of their former provinces "
        "(the file has none for them): {areas}.",
        "en_one": "{kind}, {year}: the weight of {n} new province is computed as the sum of its former provinces "
        "(the file has none for it): {areas}.",
    },
    "ingest.reason.weights_not_derived": {
        "vi": "{kind}, năm {year}: không tính được trọng số của {n} tỉnh mới vì thiếu tỉnh cũ trong tệp: {areas}.",
        "en": "{kind}, {year}: the weights of {n} new provinces are not computed, former provinces are missing from "
        "the file: {areas}.",
        "en_one": "{kind}, {year}: the weight of {n} new province is not computed, former provinces are missing from "
        "the file: {areas}.",
    },
    "ingest.reason.weight_scale": {
        "vi": "Trọng số “{kind}” trong tệp gấp khoảng {factor} lần trọng số hiện hành của cùng các tỉnh: hãy kiểm tra "
        "đơn vị (trọng số là số đếm: người, hộ, trẻ đẻ sống; không phải nghìn người).",
        "en": "The “{kind}” weights of the file are about {factor} times those in force for the same provinces: check "
        "the unit (weights are counts: persons, households, live births; not thousands).",
    },
    # the report, export and rollback (keys follow ascc.catalogue's, with the table name "weights")
    "catalogue.report.preview_weights": {
        "vi": "So với bảng trọng số hiện hành: {new} mới, {changed} thay đổi, {unchanged} không đổi (tệp thay thế "
        "trọng số của từng loại, tỉnh và năm có trong tệp).",
        "en": "Against the weights in force: {new} new, {changed} changed, {unchanged} unchanged (a file replaces the "
        "weight of each kind, province and year it names).",
    },
    "catalogue.outcome.committed_weights": {
        "vi": "ĐÃ NHẬP {n} trọng số thành lô {batch}. Rút lại: python -m ascc rollback {batch}",
        "en": "IMPORTED {n} weights as batch {batch}. To undo: python -m ascc rollback {batch}", "en_one": "IMPORTED {n} weight as batch {batch}. To undo: python -m ascc rollback {batch}",
    },
    "catalogue.outcome.would_commit_weights": {
        "vi": "KIỂM TRA XONG: có thể nhập {n} trọng số (chưa ghi gì vào bộ dữ liệu).",
        "en": "CHECKED: {n} weights can be imported (nothing was written to the dataset).", "en_one": "CHECKED: {n} weight can be imported (nothing was written to the dataset).",
    },
    "catalogue.exported_weights": {
        "vi": "Đã xuất {n} trọng số ra {path} (sửa rồi nhập lại: python -m ascc weights import TỆP).",
        "en": "{n} weights written to {path} (edit, then: python -m ascc weights import FILE).", "en_one": "{n} weight written to {path} (edit, then: python -m ascc weights import FILE).",
    },
    "catalogue.sheet.weights": {"vi": "Trọng số - Weights", "en": "Weights"},
    "catalogue.instructions.weights": {
        "vi": "Trọng số tham chiếu: hướng dẫn\n"
        "- Mỗi dòng một trọng số: area (mã tỉnh P63-… hoặc P34-…, hoặc tên tỉnh theo địa giới của năm), year, "
        "weight_kind (population, households, live_births, labour_force), value (số đếm > 0: người, hộ, trẻ đẻ "
        "sống), source_vi, source_en (có một thứ tiếng là đủ).\n"
        "- Tệp thay thế trọng số của từng loại, tỉnh và năm có trong tệp; các trọng số khác giữ nguyên.\n"
        "- Chỉ có số của 63 tỉnh cũ: thêm --derive-new để tính 34 tỉnh mới bằng tổng các tỉnh cũ hợp thành.\n"
        "- Nhập: python -m ascc weights import TỆP --data-dir THƯ_MỤC; rút lại: python -m ascc rollback LÔ.",
        "en": "Reference weights: instructions\n"
        "- One weight a row: area (a province id P63-… or P34-…, or a province name on the year's boundaries), "
        "year, weight_kind (population, households, live_births, labour_force), value (a count > 0: persons, "
        "households, live births), source_vi, source_en (one language is enough).\n"
        "- A file replaces the weight of each kind, province and year it names; other weights stay.\n"
        "- Figures for the 63 former provinces only: add --derive-new to give the 34 new provinces the sum of "
        "their former provinces.\n"
        "- Import: python -m ascc weights import FILE --data-dir FOLDER; undo: python -m ascc rollback BATCH.",
    },
    "weights.derived_source": {
        "vi": "Tổng các tỉnh cũ hợp thành ({sources})",
        "en": "Sum of the former provinces ({sources})",
    },
    "cli.rollback.done_weights": {
        "vi": "Đã rút lô {batch}: bảng trọng số trở lại như trước lô này.",
        "en": "Batch {batch} withdrawn: the reference weights are back to what they were without it.",
    },
    # the Data page: which weights the dataset holds
    "data.weights.title": {"vi": "Trọng số tham chiếu", "en": "Reference weights"},
    "data.weights.caption": {
        "vi": "Dùng để tính lại và gộp các tỷ lệ công bố không kèm tử số, mẫu số, theo loại trọng số của từng chỉ "
        "tiêu; năm không có trọng số lấy năm gần nhất. Nhập: python -m ascc weights import TỆP.",
        "en": "What rates published without numerators and denominators are rebuilt and aggregated with, by each "
        "indicator's weight kind; a year without weights takes the nearest year. Import: python -m ascc weights "
        "import FILE.",
    },
    "data.weights.none": {
        "vi": "Bộ dữ liệu chưa có trọng số nào (nhập bằng: python -m ascc weights import TỆP).",
        "en": "The dataset has no reference weights yet (import them with: python -m ascc weights import FILE).",
    },
    "data.weights.col.kind": {"vi": "Loại trọng số", "en": "Weight kind"},
    "data.weights.col.provinces": {"vi": "Số tỉnh", "en": "Provinces"},
}
