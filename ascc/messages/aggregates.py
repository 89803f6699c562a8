"""Texts on how regional and national figures are chosen (published or computed) and on estimates."""

MESSAGES = {
    "data.import.bundled": {
        "vi": "Bộ số liệu công bố đi kèm ứng dụng được dựng lại từ các bảng gốc của Tổng cục Thống kê (python -m "
        "ascc build-public), không nhập thêm vào. Để nhập số liệu của bộ, ngành, địa phương, hãy tạo bộ dữ liệu "
        "chính thức riêng:",
        "en": "The bundled published statistics are rebuilt from the statistics office's tables (python -m ascc "
        "build-public) and take no imports. To import figures from ministries and provinces, create an official "
        "dataset of your own:",
    },
    "data.download_all": {"vi": "Tải toàn bộ bộ dữ liệu (.zip)", "en": "Download the whole dataset (.zip)"},
    "data.download_all_help": {
        "vi": "Mọi số liệu dạng bảng dài (CSV), giá trị vùng và cả nước như trên các trang, danh mục chỉ tiêu, mục "
        "tiêu kèm văn bản, thông tin nguồn.",
        "en": "Every figure in long CSV, the regional and national values as the pages show them, the indicator "
        "catalogue, targets with their documents, and source notes.",
    },
    "sidebar.dataset_choice": {"vi": "Bộ dữ liệu", "en": "Dataset"},
    "sidebar.dataset_help": {
        "vi": "Số liệu công bố của Tổng cục Thống kê, hoặc dữ liệu mô phỏng của Đề án 161 (cho các chỉ tiêu chưa "
        "có chuỗi số liệu công bố và để tập dượt).",
        "en": "Statistics published by the National Statistics Office, or the simulated Project 161 data (for "
        "indicators without a published series, and for rehearsal).",
    },
    "card.coverage": {"vi": " ({n}/{total} tỉnh, {share} % dân số)", "en": " ({n}/{total} provinces, {share}% of population)"},
    "col.basis": {"vi": "Số liệu", "en": "Figure"},
    "value.basis_short.computed": {"vi": "tính toán", "en": "computed"},
    "value.basis_short.published": {"vi": "công bố", "en": "published"},
    "hover.source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "hover.batch": {"vi": "đợt nhập {batch}", "en": "batch {batch}"},
    "value.basis.computed": {"vi": "tính toán từ các tỉnh", "en": "computed from the provinces"},
    "value.basis.published": {"vi": "số công bố", "en": "as published"},
    "method.one_value_title": {
        "vi": "Một con số cho cả nước và mỗi vùng",
        "en": "One figure for the nation and each region",
    },
    "method.one_value": {
        "vi": "Mọi trang, trang trình chiếu, báo cáo và tệp tải về dùng cùng một giá trị cho cả nước và cho mỗi vùng "
        "trong một năm:\n"
        "- **Số công bố trước**: khi một đợt nhập số liệu có dòng cả nước hoặc dòng vùng (ví dụ bảng của Tổng cục "
        "Thống kê), giá trị đó được hiển thị đúng như công bố. Cả nước là cùng một lãnh thổ ở cả hai bộ địa giới, "
        "nên giá trị cả nước không đổi khi chuyển giữa 63 và 34 tỉnh. Lãnh thổ của vùng khác nhau giữa hai bộ địa "
        "giới, nên dòng vùng công bố cho năm đến 2024 chỉ dùng cho 63 tỉnh cũ, từ 2025 chỉ dùng cho 34 tỉnh mới.\n"
        "- **Nếu không có số công bố**: giá trị được tính từ các tỉnh theo quy tắc tổng hợp của chỉ tiêu (cả nước: "
        "từ các tỉnh báo cáo trong năm, không từ giá trị tính lại). Khi thiếu tỉnh, tên kèm mức bao phủ, ví dụ "
        "“Cả nước (31/34 tỉnh, 88 % dân số)”, và không bao giờ ghi đơn thuần là “Cả nước”.\n"
        "- Mỗi giá trị ghi nguồn của chính các dòng số liệu tạo nên nó; khi rê chuột lên giá trị sẽ thấy nguồn, "
        "tình trạng (chính thức, sơ bộ, ước tính, tính toán) và đợt nhập.",
        "en": "Every page, slide, report and download uses the same value for the nation and for each region in a "
        "year:\n"
        "- **Published first**: when an import delivers a national or a region row (a statistics-office table, "
        "for example), that value is shown as published. The nation is the same territory on both boundary sets, "
        "so its value does not change between the 63 and 34 provinces. A region's territory differs between the "
        "sets, so a region row published for a year up to 2024 applies to the 63 former provinces only, from 2025 "
        "to the 34 new ones only.\n"
        "- **Otherwise computed** from the provinces by the indicator's aggregation rule (the nation: from the "
        "provinces as reported in the year, never from rebuilt values). When provinces are missing, the name "
        "carries the coverage, for example “Viet Nam (31/34 provinces, 88% of population)”, and is never labelled "
        "plainly as the nation.\n"
        "- Each value credits the sources of its own rows; its hover shows the source, the status (final, "
        "preliminary, estimated, computed) and the import batch.",
    },
    "method.estimated_title": {
        "vi": "Tỷ lệ công bố không có tử số, mẫu số: ước tính theo quy mô dân số",
        "en": "Rates published without numerators: estimated with population weights",
    },
    "method.estimated": {
        "vi": "Nhiều bảng số liệu (mọi bảng tỉnh của Tổng cục Thống kê) chỉ công bố tỷ lệ, không có tử số và mẫu số. "
        "Khi đó không thể cộng tử số và mẫu số; tỉnh mới (trước 2025), vùng và cả nước (khi không có số công bố) "
        "được **ước tính** bằng bình quân các tỷ lệ, có trọng số là quy mô mà chỉ tiêu khai báo (dân số, số hộ, "
        "số trẻ đẻ sống, lực lượng lao động). Trọng số tham chiếu là dân số trung bình của từng tỉnh theo năm "
        "(Tổng cục Thống kê, bảng E02.01); năm chưa có trọng số dùng năm gần nhất trước đó. Các giá trị này được "
        "đánh dấu † “ước tính theo quy mô dân số” trên biểu đồ, bảng, chú thích và trang trình chiếu. Tỷ lệ của hộ "
        "gia đình hay trẻ đẻ sống được gia quyền theo dân số là một xấp xỉ. Khi không có trọng số của loại chỉ tiêu "
        "cần, trang ghi rõ lý do thay vì để trống.",
        "en": "Many tables (every provincial table of the statistics office) publish rates without numerators and "
        "denominators. These cannot be summed; a new province (before 2025), a region and the nation (when no "
        "figure is published) are then **estimated** as a mean of the rates weighted by the size the indicator "
        "names (population, households, live births, labour force). The reference weight is each province's "
        "average population by year (NSO table E02.01); a year without a weight takes the latest earlier one. Such "
        "values are marked † “estimated with population weights” in charts, tables, hovers and slides. Weighting "
        "a rate of households or live births by population is an approximation. Where no weight of the needed "
        "kind exists, the page says so instead of showing nothing.",
    },
}
