"""Texts of the Methodology page (long, so kept apart from the interface catalogue)."""

MESSAGES = {
    "page.methodology": {"vi": "Phương pháp", "en": "Methodology"},
    "method.title": {"vi": "Phương pháp và nguồn số liệu", "en": "Methodology and data sources"},
    "method.intro": {
        "vi": "Trang này giải thích cách tính tình trạng tiến độ của mỗi chỉ tiêu, cách tính lại số liệu theo "
        "địa giới 34 tỉnh, thành và nguồn của từng chỉ tiêu. Mọi trang, bản trình chiếu và tệp xuất đều dùng "
        "chung một bộ quy tắc này.",
        "en": "This page explains how each indicator's progress status is computed, how figures are rebuilt on "
        "the 34-province boundaries, and where each indicator comes from. Every page, slide deck and export uses "
        "these same rules.",
    },
    "method.status_title": {"vi": "1. Tình trạng tiến độ", "en": "1. Progress status"},
    "method.status_text": {
        "vi": "Phương pháp của Cơ quan Thống kê Canada, được các nền tảng báo cáo SDG quốc gia (Open SDG) sử dụng. "
        "Gọi y₀ là giá trị năm gốc t₀ (năm bắt đầu Đề án, 2016, hoặc năm đầu tiên có số liệu sau đó), yᵢ là giá trị "
        "mới nhất ở năm tᵢ. Tăng trưởng bình quân năm quan sát được:",
        "en": "The Statistics Canada method, as used by national SDG reporting platforms (Open SDG). Let y₀ be the "
        "value in the base year t₀ (the plan's start, 2016, or the first later year with data) and yᵢ the latest "
        "value, in year tᵢ. The observed compound annual growth is:",
    },
    "method.with_target": {
        "vi": "Khi có mục tiêu y_T cho năm t_T (2025), so sánh với mức tăng trưởng cần thiết:",
        "en": "With a target y_T for year t_T (2025), it is compared with the growth required:",
    },
    "method.bands": {
        "vi": "| Tình trạng | Điều kiện |\n|---|---|\n"
        "| ✔ Đã đạt mục tiêu | giá trị mới nhất đã đạt mục tiêu theo chiều tốt (mục tiêu thay đổi hằng năm: xem dưới) |\n"
        "| ▲ Đúng tiến độ | R ≥ 0,95 |\n| ◆ Cần đẩy nhanh | 0,60 ≤ R < 0,95 |\n"
        "| ■ Tiến bộ hạn chế | 0 ≤ R < 0,60 |\n| ▼ Đang xấu đi | R < 0 |\n"
        "| ? Chưa đủ số liệu | ít hơn hai điểm số liệu, hoặc giá trị đổi dấu |",
        "en": "| Status | Condition |\n|---|---|\n"
        "| ✔ Target achieved | the latest value already meets the target in the desired direction (annual-change targets: see below) |\n"
        "| ▲ On track | R ≥ 0.95 |\n| ◆ Acceleration needed | 0.60 ≤ R < 0.95 |\n"
        "| ■ Limited progress | 0 ≤ R < 0.60 |\n| ▼ Deterioration | R < 0 |\n"
        "| ? Insufficient data | fewer than two data points, or values of both signs |",
    },
    "method.target_kinds": {
        "vi": "**Các loại mục tiêu.**\n"
        "- *Một mức* (95 % vào năm 2025): đã đạt khi giá trị mới nhất đạt mức đó theo chiều tốt; nếu chưa, "
        "tình trạng theo R như trên.\n"
        "- *Một khoảng* (93–95 %): giá trị nằm trong khoảng, hoặc vượt ra ngoài khoảng theo chiều tốt, là đã đạt; "
        "vì vậy khoảng được đánh giá theo **cận gần hơn**, cận gặp trước khi đi theo chiều tốt (93 % khi càng cao "
        "càng tốt, cận trên khi càng thấp càng tốt). Mức tăng trưởng cần thiết CAGR_req cũng được tính tới cận đó.\n"
        "- *Mức thay đổi hằng năm* (ví dụ tỷ lệ hộ nghèo đa chiều giảm 1–1,5 điểm % mỗi năm, Nghị quyết "
        "16/2021/QH15): đây là một nhịp độ, không phải một mức, nên không được vẽ thành đường mục tiêu. Mức thay "
        "đổi bình quân năm quan sát được trong giai đoạn đánh giá (sau lần đứt chuỗi gần nhất), tính bằng điểm %, "
        "được so với mức thay đổi cần thiết là cận gần hơn (giảm 1 điểm %/năm): R = thay đổi quan sát / thay đổi "
        "cần thiết, với cùng các ngưỡng 0,95 / 0,60 / 0. Mục tiêu đã đạt khi năm mới nhất là năm mục tiêu hoặc sau "
        "đó và mức thay đổi trong giai đoạn ít nhất bằng mức cần thiết; trước năm mục tiêu, giữ được nhịp độ là "
        "“đúng tiến độ”. Mức cần đạt đến nay được tính tới mức mà nhịp độ đó dẫn tới vào năm mục tiêu, "
        "y₀ + (t_T − t₀) × thay đổi cần thiết.",
        "en": "**Kinds of target.**\n"
        "- *A level* (95 % by 2025): achieved when the latest value meets it in the desired direction; otherwise "
        "the status comes from R as above.\n"
        "- *A range* (93–95 %): a value inside the range, or beyond it in the desired direction, has met it; so a "
        "range is judged by its **nearer bound**, the one reached first when moving in the desired direction (93 % "
        "when higher is better, the upper bound when lower is better). The required growth CAGR_req is computed "
        "towards that bound too.\n"
        "- *An annual change* (for example the multidimensional poverty rate falls 1–1.5 percentage points a year, "
        "Resolution 16/2021/QH15): a pace, not a level, so it is never drawn as a target line. The observed "
        "average change a year over the window (after the latest series break), in percentage points, is compared "
        "with the required change, the nearer bound (−1 point a year): R = observed change / required change, "
        "with the same bands 0.95 / 0.60 / 0. The target is achieved when the latest year is the target year or "
        "later and the change over the window is at least the required one; before the target year, keeping the "
        "pace is “on track”. Expected progress by now is measured towards the level that pace reaches in the "
        "target year, y₀ + (t_T − t₀) × required change.",
    },
    "method.precision": {
        "vi": "**So sánh theo độ chính xác công bố.** Giá trị và mục tiêu được so sánh như khi công bố: mỗi giá trị "
        "và mỗi mục tiêu dạng mức được làm tròn trước đến số chữ số thập phân công bố của chỉ tiêu (làm tròn nửa "
        "lên như các biểu thống kê, đúng như bảng và biểu đồ hiển thị). Ví dụ 94,99998 % so với mục tiêu 95 %, công bố một chữ "
        "số thập phân, là 95,0 % so với 95,0 %: đã đạt mục tiêu. Tốc độ tăng trưởng cũng được tính trên các giá "
        "trị đã làm tròn, nên những sai khác nhỏ hơn độ chính xác công bố không làm thay đổi tình trạng.",
        "en": "**Compared at the published precision.** Values and targets are compared as published: each value "
        "and each level target is first rounded to the indicator's published decimals (half up, as statistical "
        "tables round, exactly as the tables and charts print them). For example 94.99998 % against a target of 95 %, published with one "
        "decimal, is 95.0 % against 95.0 %: target achieved. Growth rates are computed on the rounded values too, "
        "so differences smaller than the published precision never change a status.",
    },
    "method.no_target": {
        "vi": "Khi không có mục tiêu, dùng tăng trưởng g theo chiều tốt (đổi dấu khi chỉ tiêu càng thấp càng tốt): "
        "g ≥ 1,5 %·C: đúng tiến độ; 0,5 %·C ≤ g < 1,5 %·C: cần đẩy nhanh; 0 ≤ g < 0,5 %·C: tiến bộ hạn chế; g < 0: "
        "xấu đi. Hệ số C thu nhỏ các ngưỡng khi giá trị đã gần giới hạn tự nhiên (ví dụ độ bao phủ 100 %): "
        "C = min(1, u / 0,5) với u là phần khoảng cách tới giới hạn còn lại.",
        "en": "Without a target, the growth g in the desired direction (sign flipped when lower is better) is used: "
        "g ≥ 1.5%·C on track; 0.5%·C ≤ g < 1.5%·C acceleration needed; 0 ≤ g < 0.5%·C limited progress; g < 0 "
        "deterioration. The factor C shrinks the thresholds when the value is already close to a natural limit "
        "(for example 100% coverage): C = min(1, u / 0.5), where u is the share of the way to the limit still open.",
    },
    "method.rules": {
        "vi": "- Cần ít nhất hai điểm số liệu kể từ năm gốc.\n"
        "- Khi chỉ tiêu thay đổi phương pháp (đứt chuỗi), chỉ dùng đoạn sau lần thay đổi gần nhất "
        "(ví dụ tỷ lệ hộ nghèo đa chiều theo chuẩn 2022–2025).\n"
        "- Giá trị gốc hoặc mục tiêu bằng 0 được thay bằng 0,001.\n"
        "- Nếu năm gốc đã đạt mục tiêu nhưng giá trị mới nhất không còn đạt: đang xấu đi.\n"
        "- Tỉnh và vùng được so với mục tiêu quốc gia, trừ khi có mục tiêu riêng.",
        "en": "- At least two data points from the base year on.\n"
        "- Where an indicator's method changed (a series break), only the segment after the latest break is used "
        "(for example multidimensional poverty under the 2022–2025 standard).\n"
        "- A base or target of zero is replaced by 0.001.\n"
        "- If the base already met the target but the latest value no longer does: deterioration.\n"
        "- Provinces and regions are measured against the national target unless they have their own.",
    },
    "method.expected": {
        "vi": "Mức cần đạt đến nay (theo cách của ESCAP): phần chặng đường từ năm gốc tới mục tiêu đã đi được "
        "((yᵢ − y₀) / (y_T − y₀)), so với phần thời gian của kế hoạch đã trôi qua ((tᵢ − t₀) / (t_T − t₀)).",
        "en": "Expected progress by now (ESCAP style): the share of the way from the base to the target already "
        "covered ((yᵢ − y₀) / (y_T − y₀)), against the share of the plan period elapsed ((tᵢ − t₀) / (t_T − t₀)).",
    },
    "method.boundary_title": {"vi": "2. Địa giới 63 và 34 tỉnh, thành", "en": "2. The 63 and 34 provinces"},
    "method.boundary_text": {
        "vi": "Từ 01/7/2025, 63 tỉnh, thành được sắp xếp thành 34 (Nghị quyết 202/2025/QH15). Số liệu đến năm 2024 "
        "được báo cáo theo 63 tỉnh cũ; từ năm 2025 theo 34 tỉnh mới. Ở chế độ 34 tỉnh, các năm trước 2025 được "
        "tính lại từ các tỉnh cũ hợp thành, theo quy tắc tổng hợp của từng chỉ tiêu, và được đánh dấu * "
        "(“tính lại”):\n"
        "- **tỷ lệ**: tổng tử số / tổng mẫu số × hệ số (không bao giờ lấy trung bình các tỷ lệ);\n"
        "- **bình quân gia quyền**: Σ(giá trị × quyền số) / Σ quyền số (ví dụ thu nhập theo dân số);\n"
        "- **tổng**: cộng các giá trị;\n"
        "- **chỉ số**: trung bình cộng của các tỉnh cũ (chỉ số không được cộng hay gia quyền).\n"
        "Giá trị tính lại chỉ có khi mọi tỉnh cũ hợp thành đều có số liệu. Ở chế độ 63 tỉnh, năm 2025 được ghi là "
        "“chỉ báo cáo theo địa giới mới”. Giá trị của vùng và cả nước: xem mục “Một con số cho cả nước và mỗi vùng” "
        "bên dưới.",
        "en": "From 1 July 2025 the 63 provinces were merged into 34 (Resolution 202/2025/QH15). Figures up to 2024 "
        "are reported on the 63 former provinces; from 2025 on the 34 new ones. In the 34-province view, years "
        "before 2025 are rebuilt from the former provinces that formed each new one, by the indicator's "
        "aggregation rule, and marked * (“rebuilt”):\n"
        "- **ratio**: sum of numerators / sum of denominators × scale (never an average of rates);\n"
        "- **weighted mean**: Σ(value × weight) / Σ weight (for example income weighted by population);\n"
        "- **sum**: the values added up;\n"
        "- **index**: the plain mean of the former provinces (indices are neither summed nor weighted).\n"
        "A rebuilt value exists only when every former province reported. In the 63-province view, 2025 is shown "
        "as “reported under the new boundaries”. For the values of regions and the nation see “One figure for the "
        "nation and each region” below.",
    },
    "method.split_text": {
        "vi": "Bảy tỉnh mới gồm các tỉnh cũ thuộc hai vùng kinh tế – xã hội. Quy tắc duy nhất được áp dụng: tỉnh mới "
        "thuộc vùng có tỷ trọng dân số năm 2024 (NSO, biểu E02.01) lớn nhất trong các tỉnh cũ hợp thành.",
        "en": "Seven new provinces combine former provinces from two socio-economic regions. One rule is applied: a "
        "new province belongs to the region holding the largest share of its former provinces' 2024 population "
        "(NSO table E02.01).",
    },
    "method.sources_title": {"vi": "3. Chỉ tiêu, định nghĩa và nguồn", "en": "3. Indicators, definitions and sources"},
    "method.vintage": {
        "vi": "Bộ dữ liệu: {title} · phiên bản {version} · số liệu đến ngày {as_of} · tạo lúc {built}.",
        "en": "Dataset: {title} · version {version} · data as of {as_of} · built {built}.",
    },
    "method.demo_title": {"vi": "4. Về dữ liệu mô phỏng", "en": "4. About the demo data"},
    "method.demo_text": {
        "vi": "Bộ dữ liệu kèm theo ứng dụng là dữ liệu MÔ PHỎNG: được tạo ngẫu nhiên có kiểm soát (cố định hạt "
        "giống), hiệu chỉnh theo một số số liệu quốc gia đã công bố (Ngân hàng Thế giới WDI, Niên giám Thống kê) "
        "để trông hợp lý khi diễn tập. Đây KHÔNG phải số liệu thống kê chính thức; mọi trang, biểu đồ và bản "
        "trình chiếu đều mang dấu “DỮ LIỆU MÔ PHỎNG”. Các mục tiêu ghi “minh họa” không phải mục tiêu chính thức. "
        "Chi tiết: data/demo/README.md.",
        "en": "The dataset bundled with the app is SIMULATED: generated with a fixed seed and calibrated to a few "
        "published national figures (World Bank WDI, the Statistical Yearbook) so that it looks plausible for a "
        "rehearsal. It is NOT official statistics; every page, chart and slide carries a “DEMO DATA” mark. Targets "
        "marked “illustrative” are not official targets. Details: data/demo/README.md.",
    },
    "method.official_text": {
        "vi": "Bộ dữ liệu đang dùng là bộ dữ liệu chính thức do cán bộ dữ liệu nhập; xem trang Dữ liệu để biết từng "
        "đợt nhập.",
        "en": "The dataset in use is an official dataset loaded by data managers; see the Data page for each batch.",
    },
    "col.definition": {"vi": "Định nghĩa", "en": "Definition"},
    "col.source": {"vi": "Nguồn", "en": "Source"},
    "col.aggregation": {"vi": "Quy tắc tổng hợp", "en": "Aggregation rule"},
    "col.target_source": {"vi": "Nguồn mục tiêu", "en": "Target source"},
    "col.members": {"vi": "Các tỉnh cũ (vùng)", "en": "Former provinces (region)"},
    "col.assigned_region": {"vi": "Vùng được gán", "en": "Region assigned"},
    "aggregation.ratio": {"vi": "tỷ lệ (tổng tử số / tổng mẫu số)", "en": "ratio (sum of numerators / sum of denominators)"},
    "aggregation.weighted_mean": {"vi": "bình quân gia quyền", "en": "weighted mean"},
    "aggregation.sum": {"vi": "tổng", "en": "sum"},
    "aggregation.mean": {"vi": "trung bình cộng (chỉ số)", "en": "plain mean (index)"},
}
