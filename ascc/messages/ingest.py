"""Texts of data import, the batch log and the Data page (reasons of every import problem, vi and en)."""

MESSAGES = {
    # where a problem is, as the user sees it in Excel
    "ingest.where.row": {"vi": "Dòng {row}", "en": "Row {row}"},
    "ingest.where.col": {"vi": "Cột {col}{header}", "en": "Column {col}{header}"},
    "ingest.where.cell": {"vi": "Dòng {row}, cột {col}{header}", "en": "Row {row}, column {col}{header}"},
    "ingest.severity.error": {"vi": "Lỗi", "en": "Error"},
    "ingest.severity.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "ingest.severity.info": {"vi": "Ghi chú", "en": "Note"},
    # reasons: the file as a whole
    "ingest.reason.empty_file": {"vi": "Tệp rỗng: không có dữ liệu nào.", "en": "The file is empty: it holds no data."},
    "ingest.reason.too_large": {
        "vi": "Tệp quá lớn (giới hạn {limit} MB).",
        "en": "The file is too large (the limit is {limit} MB).",
    },
    "ingest.reason.unsupported_type": {
        "vi": "Không nhận loại tệp “{ext}”. Hãy dùng CSV (.csv, .txt) hoặc Excel (.xlsx).",
        "en": "Files of type “{ext}” are not accepted. Use CSV (.csv, .txt) or Excel (.xlsx).",
    },
    "ingest.reason.old_excel": {
        "vi": "Đây là sổ tính Excel kiểu cũ (.xls). Hãy mở trong Excel và lưu lại dưới dạng .xlsx.",
        "en": "This is an old-style Excel workbook (.xls). Open it in Excel and save it as .xlsx.",
    },
    "ingest.reason.format_mismatch": {
        "vi": "Tệp có đuôi “{ext}” nhưng nội dung là {actual}. Hãy lưu lại đúng định dạng (CSV hoặc .xlsx) rồi nhập lại.",
        "en": "The file is named “{ext}” but contains {actual}. Save it in the right format (CSV or .xlsx) and import it again.",
    },
    "ingest.reason.bad_encoding": {
        "vi": "Không đọc được bảng mã của tệp (cần UTF-8, UTF-16, UTF-32 hoặc Windows-1258): {detail}.",
        "en": "The file's text encoding cannot be read (UTF-8, UTF-16, UTF-32 or Windows-1258 expected): {detail}.",
    },
    "ingest.reason.corrupt_xlsx": {
        "vi": "Không mở được sổ tính Excel (tệp hỏng hoặc không phải .xlsx): {detail}.",
        "en": "The Excel workbook cannot be opened (damaged, or not really .xlsx): {detail}.",
    },
    "ingest.reason.hidden_sheets_skipped": {
        "vi": "Đã đọc trang tính “{sheet}”; bỏ qua trang ẩn: {hidden}. Muốn nhập một trang ẩn thì ghi tên trang đó "
        "(--sheet, hoặc ô “Trang tính”).",
        "en": "Sheet “{sheet}” was read; hidden sheets are skipped: {hidden}. To import a hidden sheet, give its name "
        "(--sheet, or the “Sheet” box).",
    },
    "ingest.reason.xlsx_unzipped_too_large": {
        "vi": "Sổ tính giải nén ra {size} MB (giới hạn {limit} MB): quá lớn để đọc. Hãy chép riêng bảng cần nhập "
        "sang một sổ tính mới.",
        "en": "The workbook unzips to {size} MB (the limit is {limit} MB): too large to read. Copy just the table "
        "to import into a new workbook.",
    },
    "ingest.reason.xlsx_part_too_large": {
        "vi": "Một phần của sổ tính ({part}) giải nén ra {size} MB (giới hạn {limit} MB mỗi phần): quá lớn để đọc. "
        "Hãy chép riêng bảng cần nhập sang một sổ tính mới.",
        "en": "One part of the workbook ({part}) unzips to {size} MB (the limit is {limit} MB a part): too large to "
        "read. Copy just the table to import into a new workbook.",
    },
    "ingest.reason.zip_ratio": {
        "vi": "Một phần của sổ tính ({part}) giải nén ra gấp {ratio} lần kích thước nén ({size} MB từ {packed} KB; "
        "giới hạn {limit} lần): sổ tính bình thường không nén được nhiều như vậy, nên tệp bị từ chối (có thể là "
        "“bom nén”). Hãy chép riêng bảng cần nhập sang một sổ tính mới.",
        "en": "One part of the workbook ({part}) unzips to {ratio} times its packed size ({size} MB from {packed} KB; "
        "the limit is {limit} times): ordinary workbooks do not pack that tightly, so the file is refused (it may "
        "be a zip bomb). Copy just the table to import into a new workbook.",
    },
    "ingest.reason.too_many_cells": {
        "vi": "Trang tính “{sheet}” trải trên {cells} ô ({ref}; giới hạn {limit} ô): quá lớn để đọc. Hãy chép riêng "
        "bảng cần nhập sang một sổ tính mới (hoặc xóa các dòng, cột thừa).",
        "en": "Sheet “{sheet}” spans {cells} cells ({ref}; the limit is {limit} cells): too large to read. Copy "
        "just the table to import into a new workbook (or delete the surplus rows and columns).",
    },
    "ingest.reason.too_many_cells_read": {
        "vi": "Trang tính “{sheet}” có hơn {limit} ô (đã dừng đọc ở dòng này): quá lớn để đọc. Hãy chép riêng bảng "
        "cần nhập sang một sổ tính mới (hoặc xóa các dòng, cột thừa).",
        "en": "Sheet “{sheet}” holds more than {limit} cells (reading stopped at this row): too large to read. Copy "
        "just the table to import into a new workbook (or delete the surplus rows and columns).",
    },
    "ingest.reason.unknown_sheet": {
        "vi": "Không có trang tính “{sheet}”. Các trang có trong tệp: {sheets}.",
        "en": "There is no sheet “{sheet}”. The file's sheets are: {sheets}.",
    },
    "ingest.reason.unclosed_quote": {
        "vi": "Dấu ngoặc kép (\") mở ở ô này không được đóng: {lines} dòng sau bị đọc gộp vào một ô. Sửa dấu ngoặc kép "
        "rồi nhập lại; không dòng nào được nhập.",
        "en": "A double quote (\") opened in this cell is never closed: the {lines} lines after it were read into "
        "one cell. Fix the quote and import again; nothing was imported.",
    },
    "ingest.reason.cell_too_long": {
        "vi": "Một ô dài hơn {limit} ký tự (thường do dấu ngoặc kép không được đóng): không đọc được tệp.",
        "en": "A cell is longer than {limit} characters (usually an unclosed double quote): the file cannot be read.",
    },
    "ingest.reason.too_many_rows": {
        "vi": "Tệp có hơn {limit} dòng; hãy chia thành nhiều tệp.",
        "en": "The file has more than {limit} rows; split it into several files.",
    },
    "ingest.reason.no_header": {
        "vi": "Không tìm thấy dòng tiêu đề trong {rows} dòng đầu (chỉ tìm trong các dòng này: nếu tiêu đề ở dưới, "
        "hãy xóa bớt các dòng phía trên): cần các cột tỉnh/thành và giá trị (bảng dọc), hoặc các cột năm như "
        "“2023”, “Sơ bộ 2023” (bảng niên giám).",
        "en": "No header row found in the first {rows} rows (only these are searched: if the header is further "
        "down, delete rows above it): a long table needs area and value columns; a yearbook table needs year "
        "columns such as “2023” or “Prel. 2023”.",
    },
    "ingest.reason.missing_column": {
        "vi": "Thiếu cột “{column}” (hoặc chọn giá trị đó khi nhập: --indicator / --year).",
        "en": "The “{column}” column is missing (or give it for the whole file: --indicator / --year).",
    },
    "ingest.reason.duplicate_column": {
        "vi": "Cột được đặt tên hai lần: {columns}.",
        "en": "Columns named twice: {columns}.",
    },
    "ingest.reason.indicator_required": {
        "vi": "Đây là bảng niên giám (các năm theo cột): hãy chọn chỉ tiêu của bảng (--indicator MÃ).",
        "en": "This is a yearbook table (years as columns): choose the table's indicator (--indicator CODE).",
    },
    "ingest.reason.item_required": {
        "vi": "Bảng có nhiều mục cho mỗi năm ({items}) và năm {year} không có mục tổng (“Tổng số”, “Chung”): hãy "
        "chọn mục cần nhập (--item TÊN_MỤC).",
        "en": "The table has several items a year ({items}) and {year} has no total item (“Total”, “General "
        "average”): choose the item to import (--item NAME).",
    },
    "ingest.reason.unknown_item": {
        "vi": "Năm {year} không có mục “{item}”. Các mục của bảng: {items}.",
        "en": "{year} has no item “{item}”. The table's items: {items}.",
    },
    "ingest.reason.ambiguous_item": {
        "vi": "“{item}” khớp với nhiều mục của năm {year}: {items}. Hãy ghi rõ hơn.",
        "en": "“{item}” matches several items of {year}: {items}. Write more of the name.",
    },
    "ingest.reason.year_not_in_table": {
        "vi": "Bảng không có cột năm {year} (các năm có: {years}).",
        "en": "The table has no column for {year} (its years: {years}).",
    },
    "ingest.reason.no_data_rows": {
        "vi": "Không có dòng số liệu nào dưới tiêu đề.",
        "en": "There are no data rows under the header.",
    },
    "ingest.reason.bundled_dataset": {
        "vi": "Bộ dữ liệu đang dùng ({folder}) đi kèm ứng dụng và được dựng lại từ nguồn của nó (python -m ascc "
        "build-public): không nhập số liệu vào đó, vì lần dựng sau sẽ xóa chúng. Hãy tạo bộ dữ liệu của mình "
        "(python -m ascc init-dataset THƯ_MỤC) và dùng nó (ASCC_DATA_DIR=THƯ_MỤC hoặc --data-dir THƯ_MỤC).",
        "en": "The dataset in use ({folder}) is bundled with the app and rebuilt from its sources (python -m ascc "
        "build-public): figures are not imported into it, as the next build would drop them. Create your own "
        "dataset (python -m ascc init-dataset DIR) and use it (ASCC_DATA_DIR=DIR or --data-dir DIR).",
    },
    "ingest.reason.demo_dataset": {
        "vi": "Bộ dữ liệu đang dùng ({folder}) là dữ liệu mô phỏng: không nhập số liệu thật vào đó, để số liệu "
        "thật và mô phỏng không bao giờ lẫn vào nhau. Hãy tạo bộ dữ liệu chính thức (python -m ascc "
        "init-dataset THƯ_MỤC) và dùng nó (ASCC_DATA_DIR=THƯ_MỤC hoặc --data-dir THƯ_MỤC).",
        "en": "The dataset in use ({folder}) is the simulated demo: real figures are never imported into it, so "
        "simulated and real figures never mix. Create an official dataset (python -m ascc init-dataset DIR) "
        "and use it (ASCC_DATA_DIR=DIR or --data-dir DIR).",
    },
    "ingest.reason.locked": {
        "vi": "Một lần nhập khác đang chạy trên bộ dữ liệu này; đã chờ {seconds} giây. Hãy thử lại sau.",
        "en": "Another import is running on this dataset; waited {seconds} seconds. Try again later.",
    },
    "ingest.reason.nothing_new": {
        "vi": "Cả {n} giá trị đều trùng với số liệu hiện có: không có gì để nhập.",
        "en": "All {n} values equal the current figures: there is nothing to import.", "en_one": "The file's {n} value equals the current figure: there is nothing to import.",
    },
    "ingest.reason.nothing_to_import": {"vi": "Không có dòng hợp lệ nào để nhập.", "en": "There are no valid rows to import."},
    "ingest.reason.unknown_indicator_option": {
        "vi": "Không có chỉ tiêu “{text}” trong bộ dữ liệu.",
        "en": "The dataset has no indicator “{text}”.",
    },
    "ingest.reason.unknown_batch": {"vi": "Không có lô “{batch}” trong nhật ký.", "en": "There is no batch “{batch}” in the log."},
    "ingest.reason.already_withdrawn": {"vi": "Lô “{batch}” đã được rút trước đó.", "en": "Batch “{batch}” was already withdrawn."},
    "ingest.reason.folder_not_empty": {
        "vi": "Thư mục {folder} đã có tệp; hãy chọn một thư mục mới hoặc trống.",
        "en": "The folder {folder} already holds files; choose a new or empty folder.",
    },
    # reasons: layout
    "ingest.reason.ignored_column": {"vi": "Cột không dùng đến, bỏ qua.", "en": "Column not used; ignored."},
    "ingest.reason.item_used": {
        "vi": "Nhập mục “{item}” (một cột mỗi năm); không nhập các mục: {others}.",
        "en": "Item “{item}” is imported (one column a year); the other items are not: {others}.",
    },
    "ingest.reason.item_ignored": {
        "vi": "Bảng không có nhiều mục cho mỗi năm: bỏ qua lựa chọn mục “{item}”.",
        "en": "The table has no items within a year: the item “{item}” is ignored.",
    },
    "ingest.reason.year_on_former_provinces": {
        "vi": "Năm {year} được công bố theo 63 tỉnh cũ: giữ nguyên như vậy; 34 tỉnh mới được tính lại từ các tỉnh cũ.",
        "en": "{year} is published on the 63 former provinces: kept there; the 34 provinces are rebuilt from them.",
    },
    "ingest.reason.notes_skipped": {
        "vi": "{n} dòng ghi chú dưới bảng được bỏ qua.",
        "en": "{n} note rows under the table are skipped.",
        "en_one": "{n} note row under the table is skipped.",
    },
    "ingest.reason.extra_cells": {
        "vi": "Dòng có nhiều ô hơn tiêu đề: có thể một số thập phân viết bằng dấu phẩy trong tệp phân cách bằng "
        "dấu phẩy (hãy đặt số trong dấu ngoặc kép, hoặc dùng dấu chấm phẩy làm dấu phân cách).",
        "en": "The row has more cells than the header: probably a decimal comma in a comma-separated file (quote "
        "the number, or separate columns with semicolons).",
    },
    "ingest.reason.extra_cells_xlsx": {
        "vi": "Dòng có ô ở bên phải cột cuối cùng có tiêu đề: hãy đặt tiêu đề cho cột đó, hoặc xóa các ô này (ghi "
        "chú để dưới bảng).",
        "en": "The row has cells to the right of the last column with a header: give that column a header, or "
        "clear these cells (notes go below the table).",
    },
    "ingest.reason.ignored_row": {
        "vi": "Dòng “{text}” không có số liệu và không phải tên tỉnh: coi là tiêu đề phụ, bỏ qua.",
        "en": "Row “{text}” has no figures and names no province: taken as a sub-heading and skipped.",
    },
    "ingest.reason.unknown_area_empty": {
        "vi": "Dòng “{text}” không phải tên tỉnh và chỉ có ô trống (“..”): bỏ qua.",
        "en": "Row “{text}” names no known area and holds only missing values (“..”): skipped.",
    },
    "ingest.reason.dissolved_area_empty": {
        "vi": "“{text}” đã nhập vào {successor} năm {year} và không có số liệu: bỏ qua.",
        "en": "“{text}” merged into {successor} in {year} and has no figures: skipped.",
    },
    # reasons: cells
    "ingest.reason.formula": {
        "vi": "Ô “{text}” là công thức hoặc giống công thức (bắt đầu bằng =, +, -, @): không bao giờ tính công thức. "
        "Hãy dán giá trị (Paste values).",
        "en": "Cell “{text}” is a formula or looks like one (starts with =, +, -, @): formulas are never evaluated. "
        "Paste the values instead.",
    },
    "ingest.reason.unknown_indicator": {
        "vi": "Không có chỉ tiêu “{text}” (gần nhất: {suggestion}).",
        "en": "Unknown indicator “{text}” (closest: {suggestion}).",
    },
    "ingest.reason.bad_year": {"vi": "Năm “{text}” không hợp lệ.", "en": "“{text}” is not a valid year."},
    "ingest.reason.year_out_of_range": {
        "vi": "Năm {year} nằm ngoài khoảng {low}–{high}.",
        "en": "Year {year} is outside {low}–{high}.",
    },
    "ingest.reason.missing_area": {"vi": "Thiếu tên tỉnh, thành.", "en": "The area is missing."},
    "ingest.reason.unknown_area": {
        "vi": "Không nhận ra địa danh “{text}” cho năm {year} (gần nhất: {suggestion}).",
        "en": "“{text}” is not a known area for {year} (closest: {suggestion}).",
    },
    "ingest.reason.ambiguous_area": {
        "vi": "“{text}” có thể là nhiều tỉnh: {candidates}. Hãy ghi đầy đủ tên.",
        "en": "“{text}” could be several provinces: {candidates}. Write the full name.",
    },
    "ingest.reason.area_other_boundary_set": {
        "vi": "“{text}” không thuộc {boundary} tỉnh, thành của năm {year} (tỉnh này nay thuộc: {successor}). Số "
        "liệu đến năm 2024 theo 63 tỉnh cũ, từ năm 2026 theo 34 tỉnh mới; năm 2025 theo một trong hai, như nhau "
        "cho mọi dòng của năm.",
        "en": "“{text}” is not one of the {boundary} provinces of {year} (this one is now part of: {successor}). "
        "Figures up to 2024 are on the 63 former provinces, from 2026 on the 34 new ones; 2025 on either, the "
        "same for every row of the year.",
    },
    "ingest.reason.dissolved_area_before": {
        "vi": "“{text}” là tỉnh riêng đến khi nhập vào {successor} năm {year}; bộ dữ liệu không có địa bàn này nên số "
        "liệu năm {value_year} của tỉnh không được nhập.",
        "en": "“{text}” was a province of its own until it merged into {successor} in {year}; the dataset has no "
        "such area, so its {value_year} figure is not imported.",
    },
    "ingest.reason.dissolved_area": {
        "vi": "“{text}” đã nhập vào {successor} năm {year}: không nhập được số liệu của tỉnh này; hãy ghi số liệu "
        "cho {successor}.",
        "en": "“{text}” merged into {successor} in {year}: figures on it cannot be imported; give them for "
        "{successor}.",
    },
    "ingest.reason.area_fuzzy": {
        "vi": "“{text}” được hiểu là {name} (tên viết khác): hãy kiểm tra.",
        "en": "“{text}” was read as {name} (a variant spelling): please check.",
    },
    "ingest.reason.non_numeric": {"vi": "“{text}” không phải là số.", "en": "“{text}” is not a number."},
    "ingest.reason.decimal_mark_mixed": {
        "vi": "“{text}” dùng dấu thập phân khác với phần còn lại của tệp (tệp dùng {mark} làm dấu thập phân).",
        "en": "“{text}” uses a different decimal mark from the rest of the file (the file uses {mark}).",
    },
    "ingest.reason.ambiguous_number": {
        "vi": "“{text}” không rõ là số nguyên có dấu phân cách hàng nghìn hay số thập phân, và tệp không có số "
        "nào khác cho biết. Hãy bỏ dấu phân cách hàng nghìn.",
        "en": "“{text}” could be a thousands separator or a decimal mark, and no other number in the file tells "
        "which. Remove the thousands separators.",
    },
    "ingest.reason.percent_not_allowed": {
        "vi": "Có dấu % nhưng đơn vị của chỉ tiêu là “{unit}”.",
        "en": "A % sign, but the indicator's unit is “{unit}”.",
    },
    "ingest.reason.bad_status": {
        "vi": "Tình trạng “{text}” không hợp lệ (chính thức, sơ bộ, ước tính / final, preliminary, estimated).",
        "en": "Status “{text}” is not valid (final, preliminary, estimated).",
    },
    "ingest.reason.bad_breakdown": {
        "vi": "Nhóm dân cư “{text}” không hợp lệ (gần nhất: {suggestion}). Các nhóm hợp lệ: {choices}.",
        "en": "Breakdown “{text}” is not valid (closest: {suggestion}). The valid breakdowns: {choices}.",
    },
    "ingest.reason.region_row": {
        "vi": "Dòng tổng vùng “{text}” được nhập làm số liệu công bố của vùng năm {year}.",
        "en": "Regional row “{text}” is imported as the region's published value for {year}.",
    },
    "ingest.reason.nation_row": {
        "vi": "Dòng cả nước “{text}” được nhập làm số liệu cả nước năm {year}.",
        "en": "National row “{text}” is imported as the national value for {year}.",
    },
    "ingest.reason.parts_ignored": {
        "vi": "Tử số, mẫu số chỉ dùng cho chỉ tiêu tỷ lệ: bỏ qua.",
        "en": "Numerator and denominator apply to ratio indicators only: ignored.",
    },
    "ingest.reason.weight_ignored": {
        "vi": "Trọng số chỉ dùng cho chỉ tiêu bình quân gia quyền: bỏ qua.",
        "en": "A weight applies to weighted-mean indicators only: ignored.",
    },
    "ingest.reason.bad_denominator": {"vi": "Mẫu số {value} phải lớn hơn 0.", "en": "The denominator {value} must be above 0."},
    "ingest.reason.negative_numerator": {"vi": "Tử số {value} không được âm.", "en": "The numerator {value} cannot be negative."},
    "ingest.reason.numerator_above_denominator": {
        "vi": "Tử số {numerator} lớn hơn mẫu số {denominator}.",
        "en": "The numerator {numerator} is above the denominator {denominator}.",
    },
    "ingest.reason.bad_weight": {"vi": "Trọng số {value} phải lớn hơn 0.", "en": "The weight {value} must be above 0."},
    "ingest.reason.value_computed": {
        "vi": "Không có giá trị: tính từ tử số và mẫu số ({value}).",
        "en": "No value given: computed from the numerator and denominator ({value}).",
    },
    "ingest.reason.missing_value": {
        "vi": "Không có số liệu (“{text}”): dòng này không được nhập.",
        "en": "No figure (“{text}”): this row is not imported.",
    },
    "ingest.reason.value_inconsistent": {
        "vi": "Giá trị {value} không khớp với tử số/mẫu số ({expected}).",
        "en": "The value {value} does not match numerator/denominator ({expected}).",
    },
    "ingest.reason.out_of_range": {
        "vi": "Giá trị {value} nằm ngoài khoảng hợp lý {low} – {high} của chỉ tiêu.",
        "en": "The value {value} is outside the indicator's plausible range {low} – {high}.",
    },
    "ingest.reason.above_limit": {
        "vi": "Giá trị {value} vượt giới hạn tự nhiên {limit}: giữ nguyên như số liệu công bố.",
        "en": "The value {value} is above the natural limit {limit}: kept as published.",
    },
    "ingest.reason.below_limit": {
        "vi": "Giá trị {value} thấp hơn giới hạn tự nhiên {limit}: giữ nguyên như số liệu công bố.",
        "en": "The value {value} is below the natural limit {limit}: kept as published.",
    },
    "ingest.reason.percent_cell_scaled": {
        "vi": "Ô định dạng phần trăm trong Excel: đọc là {value} %.",
        "en": "A cell formatted as a percentage in Excel: read as {value}%.",
    },
    "ingest.reason.duplicate": {
        "vi": "Trùng với dòng {first}: “{text}” năm {year} đã có giá trị.",
        "en": "Duplicate of row {first}: “{text}” already has a value for {year}.",
    },
    "ingest.reason.subtotal_not_compared": {
        "vi": "{name}: không đối chiếu được vì thiếu {n} tỉnh trong tệp.",
        "en": "{name}: not checked, {n} of its provinces are missing from the file.",
        "en_one": "{name}: not checked, {n} of its provinces is missing from the file.",
    },
    "ingest.reason.subtotal_mismatch": {
        "vi": "{name}: giá trị trong tệp {given} khác với {method} của {n} tỉnh trong tệp ({computed}).",
        "en": "{name}: the file's value {given} differs from the {method} of its {n} provinces in the file ({computed}).", "en_one": "{name}: the file's value {given} differs from the {method} of its {n} province in the file ({computed}).",
    },
    "ingest.reason.subtotal_ok": {
        "vi": "{name}: giá trị {given} khớp với {method} của {n} tỉnh ({computed}).",
        "en": "{name}: the value {given} agrees with the {method} of its {n} provinces ({computed}).", "en_one": "{name}: the value {given} agrees with the {method} of its {n} province ({computed}).",
    },
    "ingest.method.ratio": {"vi": "tổng tử số / tổng mẫu số", "en": "sum of numerators / sum of denominators"},
    "ingest.method.sum": {"vi": "tổng", "en": "sum"},
    "ingest.method.mean": {"vi": "bình quân giản đơn", "en": "plain mean"},
    "ingest.method.weighted": {"vi": "bình quân gia quyền theo trọng số", "en": "weighted mean"},
    "ingest.method.population": {
        "vi": "bình quân gia quyền theo dân số 2024 (gần đúng, sai số cho phép 2 %)",
        "en": "mean weighted by 2024 population (approximate, 2% tolerance)",
    },
    "ingest.method.plain": {
        "vi": "bình quân giản đơn (gần đúng, sai số cho phép 2 %)",
        "en": "plain mean (approximate, 2% tolerance)",
    },
    # the report
    "ingest.report.file": {"vi": "Tệp: {name} (sha256 {sha}…, {size} byte)", "en": "File: {name} (sha256 {sha}…, {size} bytes)"},
    "ingest.report.format": {"vi": "Định dạng: {fmt}", "en": "Format: {fmt}"},
    "ingest.report.layout_long": {"vi": "Bố cục: bảng dọc (mỗi dòng một giá trị)", "en": "Layout: long table (one value per row)"},
    "ingest.report.layout_wide": {
        "vi": "Bố cục: bảng niên giám (tỉnh theo dòng, năm theo cột), chỉ tiêu {indicator}",
        "en": "Layout: yearbook table (areas as rows, years as columns), indicator {indicator}",
    },
    "ingest.report.column_used": {"vi": "Cột được nhập: {column}", "en": "Column imported: {column}"},
    "ingest.report.counts": {
        "vi": "Đã đọc {read} giá trị; hợp lệ {valid}; {errors} lỗi, {warnings} cảnh báo.",
        "en": "{read} values read; {valid} valid; {errors} errors, {warnings} warnings.",
    },
    "ingest.report.errors": {"vi": "Lỗi ({n}):", "en": "Errors ({n}):"},
    "ingest.report.warnings": {"vi": "Cảnh báo ({n}):", "en": "Warnings ({n}):"},
    "ingest.report.notes": {"vi": "Ghi chú ({n}):", "en": "Notes ({n}):"},
    "ingest.report.more": {"vi": "… và {n} mục khác", "en": "… and {n} more"},
    "ingest.report.preview": {
        "vi": "So với số liệu đang hiển thị: {new} giá trị mới, {changed} thay đổi, {unchanged} không đổi.",
        "en": "Against the figures shown now: {new} new, {changed} changed, {unchanged} unchanged values.",
    },
    "ingest.outcome.committed": {
        "vi": "ĐÃ NHẬP {n} giá trị thành lô {batch}. Bảng điều khiển hiển thị ngay.",
        "en": "IMPORTED {n} values as batch {batch}. The dashboard shows them now.", "en_one": "IMPORTED {n} value as batch {batch}. The dashboard shows it now.",
    },
    "ingest.outcome.would_commit": {
        "vi": "KIỂM TRA XONG: có thể nhập {n} giá trị (chưa ghi gì vào bộ dữ liệu).",
        "en": "CHECKED: {n} values can be imported (nothing was written to the dataset).", "en_one": "CHECKED: {n} value can be imported (nothing was written to the dataset).",
    },
    "ingest.outcome.rejected_none_valid": {
        "vi": "KHÔNG NHẬP: bộ dữ liệu không thay đổi. Tệp không có dòng hợp lệ nào: sửa các lỗi trên rồi nhập lại.",
        "en": "NOT IMPORTED: the dataset is unchanged. The file has no valid row: fix the errors above and import again.",
    },
    "ingest.outcome.rejected": {
        "vi": "KHÔNG NHẬP: bộ dữ liệu không thay đổi. Sửa các lỗi trên, hoặc chỉ nhập các dòng hợp lệ (--valid-only).",
        "en": "NOT IMPORTED: the dataset is unchanged. Fix the errors above, or import the valid rows only (--valid-only).",
    },
    "ingest.format.xlsx": {"vi": "Excel, trang “{sheet}”", "en": "Excel, sheet “{sheet}”"},
    "ingest.format.csv": {"vi": "CSV, {encoding}, phân cách “{sep}”", "en": "CSV, {encoding}, separator “{sep}”"},
    "ingest.format.decimal_point": {"vi": "dấu thập phân là dấu chấm", "en": "decimal point"},
    "ingest.format.decimal_comma": {"vi": "dấu thập phân là dấu phẩy", "en": "decimal comma"},
    # the template
    "ingest.template.col_indicator": {"vi": "Mã chỉ tiêu", "en": "Indicator code"},
    "ingest.template.col_area": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "ingest.template.col_year": {"vi": "Năm", "en": "Year"},
    "ingest.template.col_value": {"vi": "Giá trị", "en": "Value"},
    "ingest.template.col_numerator": {"vi": "Tử số", "en": "Numerator"},
    "ingest.template.col_denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "ingest.template.col_status": {"vi": "Tình trạng", "en": "Status"},
    "ingest.template.col_source": {"vi": "Nguồn", "en": "Source"},
    "ingest.template.instructions": {
        "vi": "HƯỚNG DẪN NHẬP SỐ LIỆU – Đề án 161\n"
        "Điền trang “Dữ liệu - Data”: mỗi dòng một giá trị của một chỉ tiêu, một tỉnh, một năm.\n"
        "Các cột:\n"
        "- Mã chỉ tiêu: xem trang “Chỉ tiêu - Indicators”.\n"
        "- Tỉnh, thành phố: tên có hoặc không dấu, có hoặc không “Tỉnh”/“Thành phố”, tên tiếng Anh hoặc mã GSO. "
        "Đến năm 2024 dùng 63 tỉnh cũ; từ năm 2025 dùng 34 tỉnh mới (xem hai trang danh sách). “Cả nước” là số liệu "
        "cả nước; dòng tổng vùng chỉ dùng để đối chiếu, không được lưu.\n"
        "- Năm: 2000–2035.\n"
        "- Giá trị: số, theo đơn vị của chỉ tiêu. Cả tệp dùng một loại dấu thập phân (chấm hoặc phẩy). "
        "Dấu % chỉ dùng với chỉ tiêu tính bằng %. Không dùng công thức: hãy dán giá trị.\n"
        "- Tử số, mẫu số (không bắt buộc, chỉ tiêu tỷ lệ): giá trị phải bằng tử số / mẫu số × hệ số.\n"
        "- Tình trạng: chính thức (final), sơ bộ (preliminary) hoặc ước tính (estimated); để trống là chính thức.\n"
        "- Nguồn: cơ quan, ấn phẩm hoặc biểu số liệu.\n"
        "Cũng nhận bảng niên giám thống kê như khi tải về (tỉnh theo dòng, năm theo cột, có dòng tiêu đề, ghi chú, "
        "cả nước và các vùng): chọn chỉ tiêu khi nhập.\n"
        "Mọi lỗi được báo theo dòng và cột; khi có lỗi, không có gì được ghi (trừ khi chọn chỉ nhập dòng hợp lệ). "
        "Mỗi lần nhập là một lô có thể rút lại; số liệu cũ không bao giờ bị xóa.",
        "en": "HOW TO FILL IN THIS TEMPLATE – Project 161\n"
        "Fill in the “Dữ liệu - Data” sheet: one row per value of one indicator, one area, one year.\n"
        "Columns:\n"
        "- Indicator code: see the “Chỉ tiêu - Indicators” sheet.\n"
        "- Province: the Vietnamese name with or without diacritics and with or without “Tỉnh”/“Thành phố”, the "
        "English name or the GSO code. Up to 2024 use the 63 former provinces; from 2025 the 34 new ones (see the "
        "two lists). “Cả nước” is the national value; regional subtotal rows are only checked, not stored.\n"
        "- Year: 2000–2035.\n"
        "- Value: a number in the indicator's unit. The whole file uses one decimal mark (point or comma). A % sign "
        "only for indicators measured in %. No formulas: paste values.\n"
        "- Numerator, denominator (optional, ratio indicators): the value must equal numerator / denominator × scale.\n"
        "- Status: final, preliminary or estimated (chính thức, sơ bộ, ước tính); empty means final.\n"
        "- Source: the agency, publication or table.\n"
        "Statistical-yearbook tables as downloaded (areas as rows, years as columns, with title rows, notes, national "
        "and regional rows) are accepted too: choose the indicator when importing.\n"
        "Every problem is reported with its row and column; with any error nothing is written (unless you choose to "
        "import the valid rows only). Each import is a batch that can be withdrawn; earlier figures are never deleted.",
    },
    # the Data page
    "page.data": {"vi": "Dữ liệu", "en": "Data"},
    "data.title": {"vi": "Dữ liệu: danh mục, chất lượng và nhập số liệu", "en": "Data: catalogue, quality and import"},
    "data.intro": {
        "vi": "Danh mục các chỉ tiêu và mức độ đầy đủ của số liệu; các lô số liệu đã nhập. Cán bộ quản lý dữ liệu "
        "đã đăng nhập có thể nhập số liệu mới.",
        "en": "The indicator catalogue and how complete the figures are; the batches imported so far. Signed-in data "
        "managers can import new figures.",
    },
    "data.tab_catalogue": {"vi": "Danh mục chỉ tiêu", "en": "Indicator catalogue"},
    "data.tab_quality": {"vi": "Chất lượng số liệu", "en": "Data quality"},
    "data.tab_batches": {"vi": "Các lô đã nhập", "en": "Import batches"},
    "data.tab_import": {"vi": "Nhập số liệu", "en": "Import"},
    "data.col.code": {"vi": "Mã", "en": "Code"},
    "data.col.name": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "data.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "data.col.ministry": {"vi": "Bộ chủ trì", "en": "Lead ministry"},
    "data.col.years": {"vi": "Các năm", "en": "Years"},
    "data.col.provinces": {"vi": "Số tỉnh có số liệu (63 / 34)", "en": "Provinces with data (63 / 34)"},
    "data.col.national": {"vi": "Số năm có số liệu cả nước", "en": "Years with a national value"},
    "data.col.latest_batch": {"vi": "Lô mới nhất", "en": "Latest batch"},
    "data.col.definition": {"vi": "Định nghĩa", "en": "Definition"},
    "data.col.source": {"vi": "Nguồn", "en": "Source"},
    "data.definition_pick": {"vi": "Xem định nghĩa và nguồn của chỉ tiêu", "en": "Definition and source of an indicator"},
    "data.no_years": {"vi": "chưa có", "en": "none yet"},
    "data.quality.missing": {"vi": "Tỉnh-năm còn thiếu", "en": "Missing province-years"},
    "data.quality.preliminary": {"vi": "Giá trị sơ bộ", "en": "Preliminary values"},
    "data.quality.estimated": {"vi": "Giá trị ước tính", "en": "Estimated values"},
    "data.quality.derived": {"vi": "Giá trị tính lại theo 34 tỉnh", "en": "Values rebuilt on the 34 provinces"},
    "data.quality.only_gaps": {"vi": "Chỉ hiện các năm còn thiếu hoặc có số liệu sơ bộ", "en": "Only years with gaps or preliminary values"},
    "data.quality.empty": {"vi": "Chưa có số liệu nào.", "en": "No figures yet."},
    "data.quality.caption": {
        "vi": "Số tỉnh cần có theo địa giới của năm: 63 tỉnh đến năm 2024, 34 tỉnh từ năm 2025. Giá trị tính lại là "
        "số liệu 34 tỉnh mới được tính từ các tỉnh cũ (trước năm 2025).",
        "en": "Provinces expected under the year's boundaries: 63 up to 2024, 34 from 2025. Rebuilt values are the 34 "
        "new provinces' figures computed from the former provinces (before 2025).",
    },
    "data.col.year": {"vi": "Năm", "en": "Year"},
    "data.col.boundary": {"vi": "Địa giới", "en": "Boundaries"},
    "data.col.reported": {"vi": "Số tỉnh có số liệu", "en": "Provinces reporting"},
    "data.col.missing": {"vi": "Tỉnh còn thiếu", "en": "Provinces missing"},
    "data.col.preliminary": {"vi": "Sơ bộ", "en": "Preliminary"},
    "data.col.estimated": {"vi": "Ước tính", "en": "Estimated"},
    "data.col.derived": {"vi": "Tính lại (34 tỉnh)", "en": "Rebuilt (34)"},
    "data.col.national_status": {"vi": "Số liệu cả nước", "en": "National value"},
    "data.batches.none": {
        "vi": "Bộ dữ liệu này chưa có nhật ký lô (dữ liệu mô phỏng hoặc chưa nhập lần nào).",
        "en": "This dataset has no batch log yet (simulated data, or nothing imported so far).",
    },
    "data.col.batch": {"vi": "Lô", "en": "Batch"},
    "data.col.status": {"vi": "Tình trạng", "en": "Status"},
    "data.col.when": {"vi": "Thời điểm (UTC)", "en": "When (UTC)"},
    "data.col.who": {"vi": "Người nhập", "en": "By"},
    "data.col.file": {"vi": "Tệp", "en": "File"},
    "data.col.rows": {"vi": "Số dòng", "en": "Rows"},
    "data.col.indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "data.col.note": {"vi": "Ghi chú", "en": "Note"},
    "data.batch.committed": {"vi": "đang dùng", "en": "in use"},
    "data.batch.withdrawn": {"vi": "đã rút", "en": "withdrawn"},
    "data.withdraw.title": {"vi": "Rút một lô", "en": "Withdraw a batch"},
    "data.withdraw.help": {
        "vi": "Số liệu của lô bị ẩn và các giá trị trước đó hiện lại; không có gì bị xóa.",
        "en": "The batch's figures are hidden and the values they replaced reappear; nothing is deleted.",
    },
    "data.withdraw.pick": {"vi": "Lô cần rút", "en": "Batch to withdraw"},
    "data.withdraw.note": {"vi": "Lý do", "en": "Reason"},
    "data.withdraw.confirm": {"vi": "Tôi xác nhận rút lô này", "en": "I confirm withdrawing this batch"},
    "data.withdraw.button": {"vi": "Rút lô", "en": "Withdraw"},
    "data.withdraw.done": {"vi": "Đã rút lô {batch}.", "en": "Batch {batch} withdrawn."},
    "data.template": {"vi": "Tải mẫu nhập số liệu (Excel)", "en": "Download the import template (Excel)"},
    "data.template.help": {
        "vi": "Có hướng dẫn (tiếng Việt và tiếng Anh), danh sách mã chỉ tiêu và tên tỉnh (63 và 34).",
        "en": "With instructions (Vietnamese and English) and the lists of indicator codes and province names (63 and 34).",
    },
    "data.import.demo": {
        "vi": "Bộ dữ liệu đang dùng là dữ liệu mô phỏng nên không nhận số liệu thật. Tạo bộ dữ liệu chính thức bằng "
        "lệnh dưới đây rồi chạy ứng dụng với ASCC_DATA_DIR trỏ tới thư mục đó.",
        "en": "The dataset in use is the simulated demo, so it takes no real figures. Create an official dataset with "
        "the command below and run the app with ASCC_DATA_DIR pointing to that folder.",
    },
    "data.import.cli_only": {
        "vi": "Chưa cấu hình đăng nhập ([auth] trong .streamlit/secrets.toml), nên trang này không nhận tệp. "
        "Hãy nhập bằng dòng lệnh:",
        "en": "Sign-in is not configured ([auth] in .streamlit/secrets.toml), so this page accepts no files. "
        "Import from the command line:",
    },
    "data.signin.prompt": {
        "vi": "Chỉ cán bộ quản lý dữ liệu đã đăng nhập mới được nhập số liệu.",
        "en": "Only signed-in data managers can import figures.",
    },
    "data.signin": {"vi": "Đăng nhập", "en": "Sign in"},
    "data.signin.failed": {
        "vi": "Không đăng nhập được ({detail}). Máy chủ cần gói Authlib (pip install \"streamlit[auth]\") và "
        "mục [auth] đầy đủ trong .streamlit/secrets.toml.",
        "en": "Sign-in failed ({detail}). The server needs Authlib (pip install \"streamlit[auth]\") and a complete "
        "[auth] section in .streamlit/secrets.toml.",
    },
    "data.signout": {"vi": "Đăng xuất", "en": "Sign out"},
    "data.signed_in": {"vi": "Đăng nhập: {email} ({role})", "en": "Signed in: {email} ({role})"},
    "data.no_role": {
        "vi": "Tài khoản {email} chưa được giao vai trò quản lý dữ liệu; hãy liên hệ quản trị hệ thống.",
        "en": "The account {email} has no data-manager role; ask the administrator.",
    },
    "data.import.file": {"vi": "Tệp số liệu (CSV hoặc Excel .xlsx, tối đa 20 MB)", "en": "Data file (CSV or Excel .xlsx, up to 20 MB)"},
    "data.import.indicator": {"vi": "Chỉ tiêu (cho bảng niên giám)", "en": "Indicator (for yearbook tables)"},
    "data.import.from_file": {"vi": "— theo cột trong tệp —", "en": "— from the file's column —"},
    "data.import.year": {"vi": "Năm (nếu tệp không có cột năm, hoặc chỉ nhập một năm của bảng)", "en": "Year (if the file has no year column, or to import one year of a table)"},
    "data.import.all_years": {"vi": "— tất cả —", "en": "— all —"},
    "data.import.sheet": {
        "vi": "Trang tính (để trống: trang đang mở khi lưu, nếu không bị ẩn)",
        "en": "Sheet (empty: the one the workbook opens on, unless hidden)",
    },
    "data.import.valid_only": {
        "vi": "Chỉ nhập các dòng hợp lệ (bỏ qua các dòng lỗi)",
        "en": "Import the valid rows only (skip rows with errors)",
    },
    "data.import.button": {"vi": "Nhập {n} giá trị", "en": "Import {n} values", "en_one": "Import {n} value"},
    "data.import.too_large": {"vi": "Tệp lớn hơn {limit} MB.", "en": "The file is larger than {limit} MB."},
    "data.import.new": {"vi": "Mới", "en": "New"},
    "data.import.changed": {"vi": "Thay đổi", "en": "Changed"},
    "data.import.unchanged": {"vi": "Không đổi", "en": "Unchanged"},
    "data.import.problems": {"vi": "Các vấn đề", "en": "Problems"},
    "data.import.changes": {"vi": "Các giá trị thay đổi (cũ → mới)", "en": "Values that change (old → new)"},
    "data.import.report_download": {"vi": "Tải báo cáo kiểm tra", "en": "Download the check report"},
    "data.col.severity": {"vi": "Mức", "en": "Level"},
    "data.col.row": {"vi": "Dòng", "en": "Row"},
    "data.col.column": {"vi": "Cột", "en": "Column"},
    "data.col.header": {"vi": "Tiêu đề cột", "en": "Header"},
    "data.col.reason": {"vi": "Lý do", "en": "Reason"},
    "data.col.area": {"vi": "Địa bàn", "en": "Area"},
    "data.col.breakdown": {"vi": "Nhóm", "en": "Group"},
    "data.col.old": {"vi": "Giá trị cũ", "en": "Old value"},
    "data.col.new": {"vi": "Giá trị mới", "en": "New value"},
    "data.col.old_status": {"vi": "Tình trạng cũ", "en": "Old status"},
    "data.col.new_status": {"vi": "Tình trạng mới", "en": "New status"},
    # command line
    "cli.no_file": {"vi": "Không tìm thấy tệp {path}.", "en": "File not found: {path}."},
    "cli.init.done": {
        "vi": "Đã tạo bộ dữ liệu chính thức rỗng tại {folder}. Dùng: ASCC_DATA_DIR={folder} streamlit run app.py; "
        "nhập: python -m ascc import TỆP --data-dir {folder}",
        "en": "Empty official dataset created in {folder}. Use it: ASCC_DATA_DIR={folder} streamlit run app.py; "
        "import: python -m ascc import FILE --data-dir {folder}",
    },
    "cli.batches.none": {"vi": "Bộ dữ liệu {folder} chưa có lô nào.", "en": "The dataset {folder} has no batches."},
    "cli.rollback.done": {
        "vi": "Đã rút lô {batch}: số liệu của lô được ẩn, các giá trị trước đó hiện lại.",
        "en": "Batch {batch} withdrawn: its figures are hidden and the values they replaced reappear.",
    },
    # reasons: plausibility of the file as a whole (issue 15, L3)
    "ingest.reason.other_digits": {
        "vi": "“{text}” được viết bằng chữ số khác 0–9 (nếu đọc thì là “{reading}”): hãy viết lại bằng các chữ số "
        "0–9; giá trị không được đoán.",
        "en": "“{text}” is written with digits other than 0–9 (it would read “{reading}”): write it with the digits "
        "0–9; values are never guessed.",
    },
    "ingest.reason.new_provinces_before_merger": {
        "vi": "Dòng {rows}: {n} tỉnh, thành của năm {year} trông như 34 tỉnh, thành mới từ ngày 1/7/2025 (không có "
        "tỉnh cũ nào đã sáp nhập, như {others}). Số liệu trước ngày 1/7/2025 thuộc 63 tỉnh cũ, và tỉnh mới rộng hơn "
        "tỉnh cũ cùng tên ({name} mới gồm cả {others}): các dòng này không được nhập. Hãy nhập năm {year} theo 63 "
        "tỉnh cũ, hoặc kiểm tra lại năm.",
        "en": "Rows {rows}: the {n} provinces named for {year} look like the 34 provinces formed on 1 July 2025 (none of the "
        "former provinces merged away, such as {others}, is among them). Figures before 1 July 2025 belong to the "
        "63 former provinces, and a new province is more than the former one whose name it kept (the new {name} "
        "also includes {others}): these rows are not imported. Give {year} on the 63 former provinces, or check "
        "the year.",
    },
    "ingest.reason.year_both_boundary_sets": {
        "vi": "Dòng {rows}: năm {year} có cả tỉnh cũ đã sáp nhập ngày 1/7/2025 ({former}) và tỉnh chỉ có trong 34 "
        "tỉnh mới ({new}). Số liệu của một năm theo cùng một bộ tỉnh cho mọi dòng, và số liệu của tỉnh cũ không bao "
        "giờ được ghi cho tỉnh mới cùng tên: các dòng năm {year} không được nhập. Hãy nhập năm {year} theo 63 tỉnh "
        "cũ hoặc theo 34 tỉnh mới.",
        "en": "Rows {rows}: {year} names both former provinces merged on 1 July 2025 ({former}) and areas only of the "
        "34 new provinces ({new}). A year's figures are on one set for every row, and a former province's figure "
        "never goes onto the new province of the same name: the rows of {year} are not imported. Give {year} on "
        "the 63 former provinces or on the 34 new ones.",
    },
    "ingest.reason.percent_as_fraction": {
        "vi": "{indicator} năm {year}: {n} trên {total} giá trị của tệp nằm giữa 0 và 1 ({examples}), trong khi số "
        "liệu đã có của cùng địa bàn lớn hơn khoảng {ratio} lần ({compare}). Đơn vị là %: có phải tỷ lệ được ghi "
        "dưới dạng phân số? Ý bạn là {meant} %? Hãy nhân với 100 (hoặc định dạng ô là % trong Excel) rồi nhập "
        "lại; {total} giá trị này không được nhập.",
        "en": "{indicator} {year}: {n} of the file's {total} values are between 0 and 1 ({examples}), while the "
        "figures already known for the same areas are about {ratio} times larger ({compare}). The unit is %: "
        "are these shares written as fractions? Did you mean {meant} %? Multiply by 100 (or format the cells as "
        "% in Excel) and import again; these {total} values are not imported.",
    },
    # what a file really is, in "the file is {actual}" (ingest.reason.format_mismatch)
    "ingest.kind.xlsx": {"vi": "sổ tính Excel (.xlsx)", "en": "an Excel workbook (.xlsx)"},
    "ingest.kind.zip": {"vi": "tệp nén ZIP", "en": "a ZIP archive"},
    "ingest.kind.xls": {"vi": "sổ tính Excel cũ (.xls)", "en": "an old Excel workbook (.xls)"},
    "ingest.kind.pdf": {"vi": "tài liệu PDF", "en": "a PDF document"},
    "ingest.kind.html": {"vi": "trang web (HTML)", "en": "a web page (HTML)"},
    "ingest.kind.text": {"vi": "văn bản CSV", "en": "CSV text"},
    "ingest.kind.binary": {"vi": "tệp nhị phân, không phải bảng", "en": "a binary file, not a table"},
    # the decimal mark a file uses, in ingest.reason.decimal_mark_mixed
    "ingest.decimal_mark.point": {"vi": "dấu chấm", "en": "points"},
    "ingest.decimal_mark.comma": {"vi": "dấu phẩy", "en": "commas"},
}
