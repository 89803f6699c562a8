"""Texts of the report to the Prime Minister (ascc.report, the Report page): headings, sentences, captions."""

MESSAGES = {
    "page.report": {"vi": "Báo cáo", "en": "Report"},
    # --- the Report page
    "report.page_title": {"vi": "Báo cáo Thủ tướng Chính phủ (Word)", "en": "Report to the Prime Minister (Word)"},
    "report.page_intro": {
        "vi": "Báo cáo tổng kết mười năm thực hiện Đề án 161, lập tự động từ số liệu: tóm tắt, kết quả theo đặc tính "
        "ASCC, bộ chủ trì và vùng, các tỉnh chậm tiến độ, những vấn đề kế hoạch giai đoạn tới cần giải quyết, phụ lục "
        "chỉ tiêu và phương pháp. Mọi con số trùng với các trang của bảng điều khiển. Tệp Word chỉnh sửa được "
        "(tiêu đề, bảng, mục lục, số trang).",
        "en": "The report closing ten years of Project 161, built from the data: executive summary, results by ASCC "
        "characteristic, lead ministry and region, the provinces behind, what the next plan must address, and "
        "annexes on the indicators and the method. Every figure is the one the pages show. The Word file is "
        "editable (headings, tables, contents, page numbers).",
    },
    "report.lang": {"vi": "Ngôn ngữ của báo cáo", "en": "Language of the report"},
    "report.scope": {
        "vi": "Báo cáo dùng lựa chọn hiện tại ở thanh bên: bộ dữ liệu **{dataset}**, năm **{year}**, địa giới **{boundary}**.",
        "en": "The report uses the current choices of the sidebar: dataset **{dataset}**, year **{year}**, "
        "boundaries **{boundary}**.",
    },
    "report.outline": {"vi": "Nội dung", "en": "Contents"},
    "report.download": {"vi": "Tải báo cáo (.docx)", "en": "Download the report (.docx)"},
    "report.download_help": {
        "vi": "Báo cáo được lập khi nhấn nút (vài giây, gồm cả vẽ biểu đồ).",
        "en": "The report is built when the button is clicked (a few seconds, charts included).",
    },
    "report.latest": {"vi": "số liệu mới nhất", "en": "latest data"},
    # --- cover
    "report.title": {
        "vi": "Báo cáo Thủ tướng Chính phủ: tổng kết mười năm thực hiện Đề án 161",
        "en": "Report to the Prime Minister: ten years of Project 161",
    },
    "report.subtitle": {
        "vi": "Việt Nam thực hiện Kế hoạch tổng thể xây dựng Cộng đồng Văn hóa – Xã hội ASEAN 2025 "
        "(Quyết định 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ)",
        "en": "Viet Nam's implementation of the ASEAN Socio-Cultural Community Blueprint 2025 "
        "(Decision 161/QĐ-TTg of the Prime Minister, 25 January 2016)",
    },
    "report.period": {"vi": "Giai đoạn 2016–2025", "en": "Period 2016–2025"},
    "report.conference": {
        "vi": "Hoàn thiện theo kết luận của Hội nghị toàn quốc tổng kết Đề án 161 (Hà Nội, tháng 8/2025)",
        "en": "Completed as agreed by the national conference reviewing Project 161 (Hanoi, August 2025)",
    },
    "report.cover.dataset": {"vi": "Bộ dữ liệu: {title}", "en": "Dataset: {title}"},
    "report.cover.kind.demo": {
        "vi": "Loại dữ liệu: MÔ PHỎNG để minh họa, không phải số liệu thống kê chính thức",
        "en": "Kind of data: SIMULATED for demonstration, not official statistics",
    },
    "report.cover.kind.official": {
        "vi": "Loại dữ liệu: số liệu thống kê công bố (chính thức)",
        "en": "Kind of data: published (official) statistics",
    },
    "report.cover.as_of": {"vi": "Số liệu đến ngày {date} (phiên bản {version})", "en": "Data as of {date} (version {version})"},
    "report.cover.scope": {
        "vi": "Số liệu đến năm: {year} · địa giới: {boundary}",
        "en": "Figures up to: {year} · boundaries: {boundary}",
    },
    "report.cover.made": {
        "vi": "Lập ngày {date} từ bảng điều khiển ASCC Việt Nam; mọi con số trùng với các trang của bảng điều khiển.",
        "en": "Prepared on {date} from the ASCC Viet Nam dashboard; every figure is the one its pages show.",
    },
    "report.demo_header": {
        "vi": "DỮ LIỆU MÔ PHỎNG – KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC",
        "en": "SIMULATED DATA – NOT OFFICIAL STATISTICS",
    },
    "report.footer": {"vi": "Báo cáo tổng kết Đề án 161 · Trang ", "en": "Project 161 final report · Page "},
    "report.toc": {"vi": "Mục lục", "en": "Contents"},
    "report.toc_hint": {
        "vi": "Mục lục là một trường của Word: Word cập nhật số trang khi mở tệp (hoặc nhấp chuột phải → Cập nhật trường).",
        "en": "The contents are a Word field: Word fills in the page numbers when the file is opened (or right-click → "
        "Update field).",
    },
    "report.label.table": {"vi": "Bảng", "en": "Table"},
    "report.label.figure": {"vi": "Hình", "en": "Figure"},
    # --- headings
    "report.h.summary": {"vi": "Tóm tắt", "en": "Executive summary"},
    "report.h.headline": {"vi": "Các chỉ tiêu chủ chốt", "en": "The headline indicators"},
    "report.h.pillars": {"vi": "Kết quả theo đặc tính của Cộng đồng VH-XH ASEAN", "en": "Results by ASCC characteristic"},
    "report.h.pillar": {"vi": "Đặc tính {code}: {name}", "en": "Characteristic {code}: {name}"},
    "report.h.ministries": {"vi": "Kết quả theo bộ chủ trì", "en": "Results by lead ministry"},
    "report.h.regions": {"vi": "Kết quả theo vùng kinh tế – xã hội", "en": "Results by socio-economic region"},
    "report.h.next": {
        "vi": "Những vấn đề kế hoạch giai đoạn tới cần giải quyết",
        "en": "What the next plan must address",
    },
    "report.h.annex_a": {"vi": "Phụ lục A. Danh mục chỉ tiêu", "en": "Annex A. The indicators"},
    "report.h.annex_b": {"vi": "Phụ lục B. Phương pháp", "en": "Annex B. Method"},
    # --- executive summary (every figure from the Overview's queries and the status engine)
    "report.s.scope": {
        "vi": "Báo cáo tổng hợp {n} chỉ tiêu theo dõi việc thực hiện năm đặc tính của Cộng đồng Văn hóa – Xã hội "
        "ASEAN tại Việt Nam, số liệu cả nước đến năm {year}, đánh giá so với mục tiêu năm 2025 và năm gốc 2016.",
        "en": "This report covers {n} indicators monitoring Viet Nam's implementation of the five characteristics "
        "of the ASEAN Socio-Cultural Community, with national figures up to {year}, assessed against the 2025 "
        "targets from the 2016 base.",
        "en_one": "This report covers {n} indicator monitoring Viet Nam's implementation of the five characteristics "
        "of the ASEAN Socio-Cultural Community, with national figures up to {year}, assessed against the 2025 "
        "targets from the 2016 base.",
    },
    "report.s.counts": {"vi": "Trong {n} chỉ tiêu có số liệu cả nước, {parts}.", "en": "Of the {n} indicators with national figures, {parts}.",
                        "en_one": "Of the {n} indicator with national figures, {parts}."},
    "report.count.achieved": {"vi": "{n} chỉ tiêu đã đạt mục tiêu", "en": "{n} have achieved the target"},
    "report.count.on_track": {"vi": "{n} chỉ tiêu đúng tiến độ", "en": "{n} are on track"},
    "report.count.accelerate": {"vi": "{n} chỉ tiêu cần đẩy nhanh", "en": "{n} need acceleration"},
    "report.count.limited": {"vi": "{n} chỉ tiêu tiến bộ hạn chế", "en": "{n} made limited progress"},
    "report.count.deteriorating": {"vi": "{n} chỉ tiêu đang xấu đi", "en": "{n} are deteriorating"},
    "report.count.insufficient": {"vi": "{n} chỉ tiêu chưa đủ số liệu để đánh giá", "en": "{n} lack the data to be assessed"},
    # one indicator (English verbs agree; Vietnamese reads the same)
    "report.count.achieved_one": {"vi": "1 chỉ tiêu đã đạt mục tiêu", "en": "1 has achieved the target"},
    "report.count.on_track_one": {"vi": "1 chỉ tiêu đúng tiến độ", "en": "1 is on track"},
    "report.count.accelerate_one": {"vi": "1 chỉ tiêu cần đẩy nhanh", "en": "1 needs acceleration"},
    "report.count.limited_one": {"vi": "1 chỉ tiêu tiến bộ hạn chế", "en": "1 made limited progress"},
    "report.count.deteriorating_one": {"vi": "1 chỉ tiêu đang xấu đi", "en": "1 is deteriorating"},
    "report.count.insufficient_one": {"vi": "1 chỉ tiêu chưa đủ số liệu để đánh giá", "en": "1 lacks the data to be assessed"},
    "report.and": {"vi": "và", "en": "and"},
    "report.s.no_data": {
        "vi": "{n} chỉ tiêu chưa có số liệu cả nước: {names}.",
        "en": "{n} indicators have no national figures yet: {names}.",
        "en_one": "{n} indicator has no national figures yet: {names}.",
    },
    "report.s.headline_intro": {"vi": "Các chỉ tiêu chủ chốt (như trang Tổng quan):", "en": "The headline indicators (as on the Overview page):"},
    "report.s.headline": {
        "vi": "{name}: {value} năm {year}{change}; {target}; {status}.",
        "en": "{name}: {value} in {year}{change}; {target}; {status}.",
    },
    "report.s.change": {"vi": " ({change} so với năm {base})", "en": " ({change} since {base})"},
    "report.s.target": {"vi": "mục tiêu {year}: {target}", "en": "{year} target: {target}"},
    "report.s.gap": {"vi": "còn cách mục tiêu {gap}", "en": "{gap} from the target"},
    "report.s.no_target": {"vi": "không có mục tiêu", "en": "no target set"},
    "report.s.gains_intro": {"vi": "Cải thiện lớn nhất kể từ năm gốc:", "en": "The largest gains since the base year:"},
    "report.s.gain": {"vi": "{name} {move} ({rel})", "en": "{name} {move} ({rel})"},
    "report.s.no_gains": {"vi": "Chưa có chỉ tiêu nào cải thiện so với năm gốc.", "en": "No indicator has improved on its base year yet."},
    "report.s.behind_intro": {
        "vi": "Các tỉnh, thành chậm nhất: thường nằm trong ba tỉnh chậm nhất của một chỉ tiêu (như trang Theo bộ "
        "chủ trì) với tình trạng chậm tiến độ:",
        "en": "The provinces furthest behind: most often among the three provinces furthest behind on an indicator "
        "(as on the Lead ministries page) with a status behind schedule:",
    },
    "report.s.behind_item": {"vi": "{name} ({n} chỉ tiêu: {codes})", "en": "{name} ({n} indicators: {codes})",
                                "en_one": "{name} ({n} indicator: {codes})"},
    "report.s.none_behind": {"vi": "Không có tỉnh nào chậm tiến độ.", "en": "No province is behind schedule."},
    # --- tables and captions
    "report.col.base": {"vi": "Năm gốc", "en": "Base"},
    "report.col.latest": {"vi": "Mới nhất", "en": "Latest"},
    "report.col.target": {"vi": "Mục tiêu", "en": "Target"},
    "report.col.status": {"vi": "Tình trạng", "en": "Status"},
    "report.col.way": {"vi": "Đã đi / cần đạt", "en": "Covered / expected"},
    "report.col.behind": {"vi": "Chỉ tiêu chậm tiến độ", "en": "Indicators behind"},
    "report.col.definition": {"vi": "Định nghĩa và nguồn", "en": "Definition and source"},
    "report.col.values": {"vi": "Giá trị cả nước", "en": "National values"},
    "report.col.target_cite": {"vi": "Mục tiêu và căn cứ", "en": "Target and citation"},
    "report.col.count": {"vi": "Số chỉ tiêu", "en": "Indicators"},
    "report.col.total": {"vi": "Tổng", "en": "Total"},
    "report.cap.counts": {
        "vi": "Số chỉ tiêu theo tình trạng tiến độ và đặc tính ASCC, cả nước",
        "en": "Indicators by progress status and ASCC characteristic, Viet Nam",
    },
    "report.cap.headline": {"vi": "Các chỉ tiêu chủ chốt, cả nước", "en": "The headline indicators, Viet Nam"},
    "report.cap.pillar": {
        "vi": "Đặc tính {code}: các chỉ tiêu, giá trị cả nước và tình trạng",
        "en": "Characteristic {code}: indicators, national values and status",
    },
    "report.fig.pillar": {
        "vi": "Đặc tính {code}: phần chặng đường tới mục tiêu đã đi (cả nước) so với mức cần đạt đến nay",
        "en": "Characteristic {code}: share of the way to the target covered (national) against what is expected by now",
    },
    "report.cap.ministry": {
        "vi": "{ministry}: chỉ tiêu chủ trì, tình trạng cả nước và các tỉnh chậm nhất",
        "en": "{ministry}: indicators led, national status and the provinces furthest behind",
    },
    "report.cap.region": {
        "vi": "Vùng {region}: các tỉnh, thành theo các chỉ tiêu chủ chốt",
        "en": "{region}: provinces on the headline indicators",
    },
    "report.cap.annex": {
        "vi": "Danh mục chỉ tiêu: định nghĩa, đơn vị, nguồn, giá trị năm gốc và mới nhất, mục tiêu và tình trạng",
        "en": "The indicators: definition, unit, source, base and latest values, target and status",
    },
    "report.cap.bands": {"vi": "Các mức tình trạng tiến độ", "en": "The progress statuses"},
    "report.cap.split": {
        "vi": "Tỉnh mới gồm các tỉnh cũ thuộc hai vùng và vùng được gán",
        "en": "New provinces combining former provinces of two regions, and the region assigned",
    },
    "report.source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "report.source_status": {
        "vi": "Tình trạng: phương pháp của Cơ quan Thống kê Canada (Open SDG), xem Phụ lục B.",
        "en": "Status: the Statistics Canada method (Open SDG), see Annex B.",
    },
    "report.pillar_intro": {
        "vi": "{n} chỉ tiêu; tình trạng cả nước: {parts}.",
        "en": "{n} indicators; national status: {parts}.",
        "en_one": "{n} indicator; national status: {parts}.",
    },
    "report.pillar_intro_one": {"vi": "1 chỉ tiêu; tình trạng cả nước: {parts}.", "en": "1 indicator; national status: {parts}."},
    "report.pillar_none": {"vi": "Đặc tính này chưa có chỉ tiêu trong bộ dữ liệu.", "en": "This characteristic has no indicator in the dataset."},
    "report.ministry_intro": {
        "vi": "Phân công bộ chủ trì từ ngày 01/7/2025 (sau khi sắp xếp các bộ ngày 01/3/2025), như trang Theo bộ chủ trì.",
        "en": "Lead ministries as assigned from 1 July 2025 (after the ministry merger of 1 March 2025), as on the Lead "
        "ministries page.",
    },
    "report.moved": {"vi": "trước đây: {abbr}", "en": "previously {abbr}"},
    "report.region_intro": {
        "vi": "Mỗi bảng xếp các tỉnh, thành của vùng theo chỉ tiêu chủ chốt thứ nhất; trong ngoặc là thứ hạng trong "
        "{n} tỉnh, thành cả nước (1 = tốt nhất), như trang So sánh vùng, tỉnh. Cột cuối: số chỉ tiêu mà tỉnh "
        "đang chậm tiến độ (cần đẩy nhanh, hạn chế hoặc xấu đi) trên số chỉ tiêu được đánh giá.",
        "en": "Each table lists the region's provinces ranked on the first headline indicator; in brackets the rank "
        "among the {n} provinces of the country (1 = best), as on the Regions and provinces page. Last column: the "
        "indicators on which the province is behind schedule (acceleration needed, limited progress or "
        "deterioration) out of those assessed.",
    },
    "report.region_row": {"vi": "Cả vùng", "en": "Whole region"},
    # --- what the next plan must address
    "report.next.intro": {
        "vi": "Từ kết quả trên, kế hoạch giai đoạn sau 2025 cần giải quyết:",
        "en": "From the results above, the plan after 2025 must address:",
    },
    "report.next.accelerate": {
        "vi": "Đẩy nhanh các chỉ tiêu chậm tiến độ ở cấp quốc gia: {items}.",
        "en": "Accelerate the indicators behind schedule nationally: {items}.",
    },
    "report.next.provinces": {
        "vi": "Hỗ trợ có trọng tâm cho các tỉnh, thành chậm nhất: {items}.",
        "en": "Targeted support for the provinces furthest behind: {items}.",
    },
    "report.next.data": {
        "vi": "Bổ sung số liệu cho các chỉ tiêu chưa đủ số liệu để đánh giá: {items}.",
        "en": "Fill the data gaps of the indicators that cannot be assessed: {items}.",
    },
    "report.next.targets": {
        "vi": "Đặt mục tiêu cho các chỉ tiêu chưa có mục tiêu: {items}.",
        "en": "Set targets for the indicators that have none: {items}.",
    },
    "report.next.estimated": {
        "vi": "Thu thập tử số và mẫu số (không chỉ tỷ lệ) theo 34 tỉnh, thành mới: giá trị gộp của {n} chỉ tiêu "
        "hiện phải ước tính theo quy mô dân số (†).",
        "en": "Collect numerators and denominators (not only rates) on the 34 new provinces: the aggregates of {n} "
        "indicators must now be estimated with population weights (†).",
        "en_one": "Collect numerators and denominators (not only rates) on the 34 new provinces: the aggregate of {n} "
        "indicator must now be estimated with population weights (†).",
    },
    "report.next.none": {"vi": "Không có chỉ tiêu nào chậm tiến độ ở cấp quốc gia.", "en": "No indicator is behind schedule nationally."},
    # --- figures
    "report.alt.counts": {
        "vi": "Biểu đồ thanh xếp chồng: số chỉ tiêu theo tình trạng cho từng đặc tính ASCC, cả nước. {details}",
        "en": "Stacked bar chart: indicators by status for each ASCC characteristic, Viet Nam. {details}",
    },
    "report.alt.pillar": {
        "vi": "Biểu đồ thanh: phần chặng đường tới mục tiêu đã đi của từng chỉ tiêu, vạch đen là mức cần đạt đến nay. {details}",
        "en": "Bar chart: share of the way to the target covered by each indicator; the black tick is what is expected "
        "by now. {details}",
    },
    "report.no_charts": {
        "vi": "(Không vẽ được biểu đồ: máy không có trình duyệt Chrome/Chromium để xuất ảnh; các bảng giữ nguyên số liệu.)",
        "en": "(Charts not drawn: no Chrome/Chromium on this machine to render them; the tables hold the same figures.)",
    },
    # --- Annex B (formulas as text; the explanations are the Methodology page's)
    "report.b.status": {"vi": "B.1. Tình trạng tiến độ", "en": "B.1. Progress status"},
    "report.b.boundaries": {"vi": "B.2. Địa giới 63 và 34 tỉnh, thành", "en": "B.2. The 63 and 34 provinces"},
    "report.b.aggregates": {"vi": "B.3. Giá trị vùng, cả nước và ước tính", "en": "B.3. Regional and national values, estimates"},
    "report.b.data": {"vi": "B.4. Bộ dữ liệu", "en": "B.4. The dataset"},
}
