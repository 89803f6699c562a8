"""Translation and locale formatting: one function for every user-facing string, vi and en."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
import unicodedata

from babel.dates import format_date
from babel.numbers import format_decimal

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
_LOCALES = {"vi": "vi_VN", "en": "en_US"}

# Key -> {"vi": ..., "en": ...}. Keys are grouped by where they appear. Both languages side by
# side keep the catalogues complete (a convention test checks every key has both).
MESSAGES: dict[str, dict[str, str]] = {
    # app shell
    "app.title": {
        "vi": "Việt Nam thực hiện Cộng đồng Văn hóa – Xã hội ASEAN",
        "en": "Viet Nam's implementation of the ASEAN Socio-Cultural Community",
    },
    "app.subtitle": {
        "vi": "Theo dõi kết quả Đề án 161 (Quyết định 161/QĐ-TTg) giai đoạn 2016–2025",
        "en": "Monitoring the results of Project 161 (Decision 161/QĐ-TTg), 2016–2025",
    },
    "sidebar.language": {"vi": "Ngôn ngữ", "en": "Language"},
    "sidebar.boundary": {"vi": "Đơn vị hành chính", "en": "Provincial boundaries"},
    "sidebar.boundary.34": {"vi": "34 tỉnh, thành (từ 01/7/2025)", "en": "34 provinces (from 1 July 2025)"},
    "sidebar.boundary.63": {"vi": "63 tỉnh, thành (trước 01/7/2025)", "en": "63 provinces (before 1 July 2025)"},
    "sidebar.region": {"vi": "Vùng kinh tế – xã hội", "en": "Socio-economic region"},
    "sidebar.region.all": {"vi": "Cả nước", "en": "Whole country"},
    "sidebar.provinces": {"vi": "Tỉnh, thành phố", "en": "Provinces"},
    "sidebar.provinces.placeholder": {"vi": "Chọn hoặc gõ tên tỉnh…", "en": "Choose or type a province…"},
    "sidebar.year": {"vi": "Năm", "en": "Year"},
    "sidebar.year.latest": {"vi": "Mới nhất", "en": "Latest"},
    "sidebar.dataset": {"vi": "Bộ dữ liệu", "en": "Dataset"},
    "sidebar.copy_link": {"vi": "Sao chép liên kết", "en": "Copy link"},
    "sidebar.copy_link_help": {
        "vi": "Liên kết mở đúng trang này với mọi lựa chọn hiện tại (và các trang chiếu đang soạn). Bấm biểu tượng sao chép ở góc ô.",
        "en": "This link opens this page with every current choice (and the slides being collected). Click the copy icon in the box's corner.",
    },
    "sidebar.data_as_of": {"vi": "Số liệu đến ngày {date}", "en": "Data as of {date}"},
    "demo.notice": {
        "vi": "DỮ LIỆU MÔ PHỎNG – không phải số liệu thống kê chính thức. Các con số trên trang này được "
        "tạo ngẫu nhiên có kiểm soát để minh họa, hiệu chỉnh theo một số số liệu quốc gia đã công bố.",
        "en": "DEMO DATA – simulated, not official statistics. The figures on this page are generated "
        "for demonstration, calibrated to a few published national figures.",
    },
    "present.toggle": {"vi": "Chế độ trình chiếu", "en": "Presentation mode"},
    "present.help": {
        "vi": "Ẩn thanh bên và menu, chữ to, mỗi màn hình một biểu đồ (dùng nút Trước/Sau). Bộ lọc giữ nguyên.",
        "en": "Hides the sidebar and menus, enlarges type, one chart per screen (use Previous/Next). Filters stay.",
    },
    "present.prev": {"vi": "Trước", "en": "Previous"},
    "present.next": {"vi": "Sau", "en": "Next"},
    "present.exit": {"vi": "Thoát trình chiếu", "en": "Exit presentation"},
    "present.no_charts": {"vi": "Trang này không có biểu đồ để trình chiếu.", "en": "This page has no chart to present."},
    "demo.mark": {"vi": "DỮ LIỆU MÔ PHỎNG", "en": "DEMO DATA — simulated"},
    "page.overview": {"vi": "Tổng quan", "en": "Overview"},
    # overview
    "overview.title": {"vi": "Tổng quan cả nước", "en": "National overview"},
    "overview.intro": {
        "vi": "Bốn chỉ tiêu chủ chốt của Đề án 161 trên phạm vi cả nước, số liệu đến năm {year}.",
        "en": "The four headline indicators of Project 161 for the whole country, data up to {year}.",
    },
    "overview.national_note": {
        "vi": "Trang này hiển thị số liệu cả nước; bộ lọc vùng và tỉnh áp dụng cho các trang so sánh.",
        "en": "This page shows national figures; the region and province filters apply to the comparison pages.",
    },
    "card.latest": {"vi": "Năm {year}", "en": "In {year}"},
    "card.since": {"vi": "so với {year}", "en": "since {year}"},
    "card.break_since_base": {
        "vi": "Có thay đổi phương pháp từ năm gốc: so sánh cần thận trọng",
        "en": "Method changed since the base year: compare with care",
    },
    "card.target": {"vi": "Mục tiêu {year}: {target}", "en": "{year} target: {target}"},
    "card.to_target": {"vi": "Còn cách mục tiêu: {gap}", "en": "Distance to target: {gap}"},
    "card.target_met": {"vi": "Đã đạt mục tiêu", "en": "Target met"},
    "card.no_target": {"vi": "Không có mục tiêu", "en": "No target set"},
    "card.no_data": {"vi": "Chưa có số liệu", "en": "No data yet"},
    "chart.trend_title": {"vi": "{name}, cả nước, {start}–{end}", "en": "{name}, Viet Nam, {start}–{end}"},
    "chart.target": {"vi": "Mục tiêu {year}", "en": "{year} target"},
    "chart.value": {"vi": "Giá trị", "en": "Value"},
    "chart.year": {"vi": "Năm", "en": "Year"},
    "chart.preliminary": {"vi": "sơ bộ", "en": "preliminary"},
    "chart.source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "chart.series_break": {"vi": "Thay đổi phương pháp", "en": "Series break"},
    "chart.axis_not_zero": {"vi": "trục không bắt đầu từ 0", "en": "axis does not start at 0"},
    "chart.hollow_prelim": {"vi": "Điểm rỗng: số liệu sơ bộ hoặc ước tính", "en": "Hollow point: preliminary or estimated"},
    "chart.hollow_rebuilt": {"vi": "Điểm rỗng: tính lại theo địa giới 34 tỉnh (*)",
                             "en": "Hollow point: rebuilt on the 34 provinces (*)"},
    "table.title": {"vi": "Tất cả chỉ tiêu", "en": "All indicators"},
    "table.caption": {
        "vi": "Giá trị cả nước. Năm gốc là năm bắt đầu kế hoạch (2016) hoặc năm đầu tiên có số liệu.",
        "en": "National values. The base year is the plan's start (2016) or the first year with data.",
    },
    "col.indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "col.pillar": {"vi": "Đặc tính ASCC", "en": "ASCC characteristic"},
    "col.ministry": {"vi": "Bộ chủ trì", "en": "Lead ministry"},
    "col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "col.base": {"vi": "Năm gốc", "en": "Base year"},
    "col.base_value": {"vi": "Giá trị năm gốc", "en": "Base value"},
    "col.latest_year": {"vi": "Năm mới nhất", "en": "Latest year"},
    "col.latest": {"vi": "Giá trị mới nhất", "en": "Latest value"},
    "col.target": {"vi": "Mục tiêu 2025", "en": "2025 target"},
    "col.direction": {"vi": "Chiều tốt", "en": "Better when"},
    "col.status": {"vi": "Tình trạng số liệu", "en": "Data status"},
    "direction.up": {"vi": "↑ cao hơn", "en": "↑ higher"},
    "direction.down": {"vi": "↓ thấp hơn", "en": "↓ lower"},
    "value.status.final": {"vi": "chính thức", "en": "final"},
    "value.status.preliminary": {"vi": "sơ bộ", "en": "preliminary"},
    "value.status.estimated": {"vi": "ước tính", "en": "estimated"},
    "chart.region_value": {"vi": "Giá trị của vùng", "en": "Regional value"},
    "chart.nation": {"vi": "Cả nước", "en": "Viet Nam"},
    "chart.boundary_change": {"vi": "Địa giới mới từ 01/7/2025", "en": "New boundaries from 1 July 2025"},
    "mark.derived": {"vi": "tính lại theo địa giới mới", "en": "rebuilt on the new boundaries"},
    # The rebuild's footnote names the indicator's own rule (ascc.rules): only ratios sum numerators and
    # denominators.
    "mark.derived_note.ratio": {
        "vi": "* Giá trị tính lại theo địa giới 34 tỉnh từ số liệu của các tỉnh cũ (tử số và mẫu số cộng dồn).",
        "en": "* Value rebuilt on the 34-province boundaries from the former provinces' figures "
        "(numerators and denominators summed).",
    },
    "mark.derived_note.weighted_mean": {
        "vi": "* Giá trị tính lại theo địa giới 34 tỉnh: bình quân gia quyền giá trị của các tỉnh cũ.",
        "en": "* Value rebuilt on the 34-province boundaries: weighted mean of the former provinces' values.",
    },
    "mark.derived_note.sum": {
        "vi": "* Giá trị tính lại theo địa giới 34 tỉnh: tổng giá trị của các tỉnh cũ.",
        "en": "* Value rebuilt on the 34-province boundaries: sum of the former provinces' values.",
    },
    "mark.derived_note.mean": {
        "vi": "* Giá trị tính lại theo địa giới 34 tỉnh: trung bình cộng giá trị của các tỉnh cũ.",
        "en": "* Value rebuilt on the 34-province boundaries: plain mean of the former provinces' values.",
    },
    "mark.derived_note.estimated": {
        "vi": "* Giá trị tính lại theo địa giới 34 tỉnh: bình quân tỷ lệ của các tỉnh cũ theo quy mô dân số (†).",
        "en": "* Value rebuilt on the 34-province boundaries: mean of the former provinces' rates weighted by "
        "population (†).",
    },
    "mark.derived_note.any": {
        "vi": "* Giá trị tính lại theo địa giới 34 tỉnh từ số liệu của các tỉnh cũ, theo quy tắc của từng chỉ tiêu "
        "(xem trang Phương pháp).",
        "en": "* Value rebuilt on the 34-province boundaries from the former provinces' figures by each "
        "indicator's rule (see the Methodology page).",
    },
    "mark.estimated": {"vi": "ước tính theo quy mô dân số", "en": "estimated with population weights"},
    "mark.estimated_note": {
        "vi": "† Ước tính theo quy mô dân số: số liệu công bố chỉ có tỷ lệ (không có tử số, mẫu số), nên giá trị "
        "gộp là bình quân các tỷ lệ có trọng số là dân số (Tổng cục Thống kê, bảng E02.01).",
        "en": "† Estimated with population weights: the published figures are rates without numerators and "
        "denominators, so the aggregate is a mean of the rates weighted by population (NSO table E02.01).",
    },
    "mark.no_weight": {
        "vi": "Không tính được giá trị gộp cho {what}: số liệu chỉ có tỷ lệ và bộ dữ liệu chưa có trọng số "
        "“{weight}” của các tỉnh cho năm {year}. Nhập bảng trọng số (dân số, số hộ…) để tính.",
        "en": "No aggregate for {what}: the figures are rates without numerators and denominators, and the "
        "dataset has no “{weight}” weights of the provinces for {year}. Import reference weights to compute it.",
    },
    "mark.weight_kind.population": {"vi": "dân số", "en": "population"},
    "mark.weight_kind.households": {"vi": "số hộ", "en": "households"},
    "mark.weight_kind.live_births": {"vi": "số trẻ đẻ sống", "en": "live births"},
    "mark.weight_kind.labour_force": {"vi": "lực lượng lao động", "en": "labour force"},
    "mark.weight_kind.none": {"vi": "không có", "en": "none"},
    "mark.incomplete_rebuild": {
        "vi": "Chưa tính lại được theo địa giới 34 tỉnh cho năm {year}: một số tỉnh cũ chưa có số liệu ({n} tỉnh mới).",
        "en": "{year} cannot be rebuilt on the 34 provinces yet: some former provinces have no value ({n} new "
        "provinces affected).",
        "en_one": "{year} cannot be rebuilt on the 34 provinces yet: some former provinces have no value ({n} new "
        "province affected).",
    },
    "mark.new_boundaries": {
        "vi": "Năm {year} chỉ được báo cáo theo địa giới mới (34 tỉnh). Chọn “34 tỉnh, thành” để xem.",
        "en": "{year} is reported under the new boundaries (34 provinces) only. Choose “34 provinces” to see it.",
    },
    "mark.missing": {"vi": "{n} tỉnh chưa có số liệu năm {year}: {names}.", "en": "{n} provinces have no {year} value: {names}.", "en_one": "{n} province has no {year} value: {names}."},
    "page.regions": {"vi": "So sánh vùng, tỉnh", "en": "Regions and provinces"},
    "page.profile": {"vi": "Hồ sơ tỉnh", "en": "Province profile"},
    "regions.title": {"vi": "So sánh các vùng và tỉnh", "en": "Regions and provinces compared"},
    "regions.indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "regions.breakdown": {"vi": "Nhóm dân cư", "en": "Population group"},
    "regions.ranking_title": {
        "vi": "{name}: xếp hạng {n} tỉnh, thành cả nước, năm {year}",
        "en": "{name}: {n} provinces of Viet Nam ranked, {year}", "en_one": "{name}: {n} province of Viet Nam ranked, {year}",
    },
    "regions.ranking_help": {
        "vi": "Tỉnh tốt nhất ở trên cùng. Nhấp vào một thanh hoặc một ô bản đồ để chọn tỉnh.",
        "en": "Best province at the top. Click a bar or a map tile to select a province.",
    },
    "regions.summary_title": {"vi": "Tổng hợp theo vùng, năm {year}", "en": "Regional summary, {year}"},
    "regions.trend_title": {"vi": "{name}: xu hướng theo vùng, cả nước, {start}–{end}", "en": "{name}: trends by region, Viet Nam, {start}–{end}"},
    "regions.map_title": {"vi": "{name} theo tỉnh, cả nước, năm {year}", "en": "{name} by province, Viet Nam, {year}"},
    "regions.selected": {"vi": "Đã chọn: {names}", "en": "Selected: {names}"},
    "regions.open_profile": {"vi": "Xem hồ sơ {name} →", "en": "Open the profile of {name} →"},
    "regions.clear": {"vi": "Bỏ chọn", "en": "Clear selection"},
    "regions.map_hint": {
        "vi": "Bản đồ ô: mỗi tỉnh một ô bằng nhau, xếp theo vị trí địa lý, để tỉnh nhỏ cũng nhìn thấy rõ.",
        "en": "Tile map: one equal tile per province, placed geographically, so small provinces are as visible as large ones.",
    },
    "regions.no_values": {"vi": "Không có số liệu cho lựa chọn này.", "en": "No figures for this choice."},
    "profile.title": {"vi": "Hồ sơ tỉnh, thành phố", "en": "Province profile"},
    "profile.tab_profile": {"vi": "Hồ sơ", "en": "Profile"},
    "profile.tab_compare": {"vi": "So sánh 2–6 tỉnh", "en": "Compare 2–6 provinces"},
    "profile.formed_from": {
        "vi": "Vùng: {region}. Từ 01/7/2025 được hợp nhất từ các tỉnh cũ: **{names}**.",
        "en": "Region: {region}. Formed on 1 July 2025 from the former provinces: **{names}**.",
    },
    "profile.unchanged": {
        "vi": "Vùng: {region}. Địa giới không thay đổi khi sắp xếp ngày 01/7/2025.",
        "en": "Region: {region}. Boundaries unchanged by the 1 July 2025 merger.",
    },
    "profile.became": {
        "vi": "Vùng: {region}. Từ 01/7/2025 là một phần của **{name}**.",
        "en": "Region: {region}. Part of **{name}** from 1 July 2025.",
    },
    "profile.history_title": {"vi": "Các tỉnh cũ: {names}", "en": "The former provinces: {names}"},
    "profile.history_chart": {
        "vi": "{area}: {name}, tỉnh mới (tính lại trước 2025) và các tỉnh cũ, {start}–{end}",
        "en": "{area}: {name}, the new province (rebuilt before 2025) and its former provinces, {start}–{end}",
    },
    "profile.former": {"vi": "tỉnh cũ", "en": "former"},
    "profile.new": {"vi": "tỉnh mới", "en": "new province"},
    "profile.groups_title": {"vi": "Theo nhóm dân cư", "en": "By population group"},
    "profile.compare_pick": {"vi": "Chọn 2–6 tỉnh để so sánh", "en": "Choose 2–6 provinces to compare"},
    "profile.compare_hint": {
        "vi": "Chọn ít nhất hai tỉnh (tại đây hoặc ở bộ lọc bên trái).",
        "en": "Choose at least two provinces (here or in the filter on the left).",
    },
    "profile.compare_title": {"vi": "{name}: {areas} so với cả nước, {start}–{end}", "en": "{name}: {areas} against Viet Nam, {start}–{end}"},
    "col.change": {"vi": "Thay đổi", "en": "Change"},
    "col.trend": {"vi": "Xu hướng", "en": "Trend"},
    "col.group_a": {"vi": "Nhóm 1", "en": "Group 1"},
    "col.group_b": {"vi": "Nhóm 2", "en": "Group 2"},
    "col.gap": {"vi": "Chênh lệch (1 − 2)", "en": "Gap (1 − 2)"},
    "col.total": {"vi": "Chung", "en": "All"},
    "col.region": {"vi": "Vùng", "en": "Region"},
    "col.value": {"vi": "Giá trị", "en": "Value"},
    "col.median": {"vi": "Trung vị các tỉnh", "en": "Median province"},
    "col.best": {"vi": "Tỉnh tốt nhất", "en": "Best province"},
    "col.worst": {"vi": "Tỉnh kém nhất", "en": "Worst province"},
    "col.coverage": {"vi": "Số tỉnh có số liệu", "en": "Provinces reporting"},
    "col.rank": {"vi": "Thứ hạng", "en": "Rank"},
    "col.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "col.derived": {"vi": "Tính lại", "en": "Rebuilt"},
    "breakdown.total": {"vi": "Toàn bộ", "en": "All"},
    "breakdown.sex:female": {"vi": "Nữ", "en": "Female"},
    "breakdown.sex:male": {"vi": "Nam", "en": "Male"},
    "breakdown.residence:urban": {"vi": "Thành thị", "en": "Urban"},
    "breakdown.residence:rural": {"vi": "Nông thôn", "en": "Rural"},
    "breakdown.ethnicity:kinh": {"vi": "Dân tộc Kinh", "en": "Kinh majority"},
    "breakdown.ethnicity:minority": {"vi": "Dân tộc thiểu số", "en": "Ethnic minorities"},
    "status.achieved": {"vi": "Đã đạt mục tiêu", "en": "Target achieved"},
    "status.on_track": {"vi": "Đúng tiến độ", "en": "On track"},
    "status.accelerate": {"vi": "Cần đẩy nhanh", "en": "Acceleration needed"},
    "status.limited": {"vi": "Tiến bộ hạn chế", "en": "Limited progress"},
    "status.deteriorating": {"vi": "Đang xấu đi", "en": "Deterioration"},
    "status.insufficient": {"vi": "Chưa đủ số liệu", "en": "Insufficient data"},
    "status.legend": {"vi": "Chú giải tình trạng", "en": "Status legend"},
    "col.progress": {"vi": "Tiến độ", "en": "Progress"},
    "col.share": {"vi": "Đã đi được", "en": "Way covered"},
    "col.expected": {"vi": "Cần đạt đến nay", "en": "Expected by now"},
    "page.ministries": {"vi": "Theo bộ chủ trì", "en": "Lead ministries"},
    "ministries.title": {"vi": "Tiến độ theo bộ chủ trì", "en": "Progress by lead ministry"},
    "ministries.before_toggle": {
        "vi": "Xem phân công trước khi sắp xếp bộ (trước 01/3/2025)",
        "en": "Show the assignment before the ministry merger (before 1 March 2025)",
    },
    "ministries.pick": {"vi": "Bộ", "en": "Ministry"},
    "ministries.all": {"vi": "Tất cả các bộ", "en": "All ministries"},
    "ministries.merger_title": {"vi": "Sắp xếp các bộ từ 01/3/2025", "en": "The ministry merger of 1 March 2025"},
    "ministries.merger_line": {"vi": "- {name}: hợp nhất vào **{successor}** từ {date}.", "en": "- {name}: merged into **{successor}** from {date}."},
    "ministries.moved_intro": {"vi": "Các chỉ tiêu đổi bộ chủ trì:", "en": "Indicators whose lead ministry changed:"},
    "ministries.progress_title": {
        "vi": "{ministry}: phần chặng đường tới mục tiêu đã đi (cả nước, năm {year}) so với mức cần đạt đến nay",
        "en": "{ministry}: share of the way to the target covered (Viet Nam, {year}) against what is expected by now",
    },
    "ministries.behind_col": {"vi": "Tỉnh chậm nhất", "en": "Provinces furthest behind"},
    "page.pillars": {"vi": "Theo đặc tính ASCC", "en": "ASCC characteristics"},
    "pillars.title": {"vi": "Tiến độ theo 5 đặc tính của Cộng đồng Văn hóa – Xã hội ASEAN", "en": "Progress by the five ASCC characteristics"},
    "pillars.scope": {"vi": "Phạm vi: {area}.", "en": "Scope: {area}."},
    "pillars.scope_hint": {
        "vi": "Chọn một vùng hoặc đúng một tỉnh ở bộ lọc bên trái để xem riêng.",
        "en": "Choose a region, or exactly one province, in the filter on the left to see it alone.",
    },
    "pillars.source": {
        "vi": "Tình trạng tính theo phương pháp của Cơ quan Thống kê Canada (Open SDG); xem trang Phương pháp.",
        "en": "Status by the Statistics Canada method (Open SDG); see the Methodology page.",
    },
    "pillars.heatmap_title": {
        "vi": "Phần chặng đường từ năm gốc tới mục tiêu đã đi được, {area}, {start}–{end}",
        "en": "Share of the way from the base year to the target covered, {area}, {start}–{end}",
    },
    "pillars.heatmap_source": {
        "vi": "0 % = giá trị năm gốc (hoặc năm thay đổi phương pháp gần nhất), 100 % = đạt mục tiêu; chỉ tiêu không có mục tiêu không hiển thị.",
        "en": "0% = base-year value (or the latest series break), 100% = target reached; indicators without a target are not shown.",
    },
    "pillars.behind_title": {"vi": "Chỉ tiêu cần đẩy nhanh nhất", "en": "Indicators that most need acceleration"},
    "pillars.none_behind": {"vi": "Không có chỉ tiêu nào chậm tiến độ.", "en": "No indicator is behind."},
    "chart.n_indicators": {"vi": "Số chỉ tiêu", "en": "Number of indicators"},
    "chart.share_of_way": {"vi": "Phần chặng đường tới mục tiêu đã đi", "en": "Share of the way to the target"},
    "chart.expected_by_now": {"vi": "Mức cần đạt đến nay", "en": "Expected by now"},
    "error.no_data": {
        "vi": "Bộ dữ liệu chưa có kết quả nào. Hãy nhập số liệu (xem trang Dữ liệu) hoặc dùng bộ dữ liệu minh họa.",
        "en": "The dataset has no results yet. Import figures (see the Data page) or use the demo dataset.",
    },
}


def _merge_feature_catalogues() -> None:
    import importlib
    import pkgutil

    from ascc import messages

    for info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda m: m.name):
        extra = importlib.import_module(f"ascc.messages.{info.name}").MESSAGES
        clash = sorted(set(extra) & set(MESSAGES))
        if clash:
            raise KeyError(f"translation keys defined twice (ascc/messages/{info.name}.py): {clash}")
        MESSAGES.update(extra)


_merge_feature_catalogues()


def t(key: str, lang: str, **kwargs) -> str:
    """The message for a key in a language, with ``{placeholders}`` filled in.

    A missing key shows the key itself (visible in review, never a crash on a page). An entry may
    have a singular form ``"en_one"`` used when ``n`` is 1 ("1 province", not "1 provinces");
    Vietnamese nouns do not change with the number.
    """
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = (kwargs.get("n") == 1 and entry.get(f"{lang}_one")) or entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**kwargs) if kwargs else text


def both(key: str, **kwargs) -> dict[str, str]:
    """The message in every language, ``{"vi": ..., "en": ...}``: for a parameter that is shown later in a
    language not known yet (an import problem's words)."""
    return {lang: t(key, lang, **kwargs) for lang in LANGS}


def lang_name(code: str) -> str:
    """A language's name in that language ("Tiếng Việt", "English"), as a language switch shows it."""
    return t(f"lang.{norm_lang(code)}", norm_lang(code))


def fmt_date(value: dt.date | str | None, lang: str) -> str:
    """A date written out in the language ("31 October 2026", "31 tháng 10 năm 2026"), never ISO in text;
    text that is not a date passes through."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if norm_lang(lang) == "vi":
        return f"{value.day} tháng {value.month} năm {value.year}"  # as in Vietnamese official writing
    return format_date(value, format="long", locale="en_GB")


def fmt_share(share, lang: str, decimals: int = 0) -> str:
    """A share (0.54) as a percentage in the language's convention: "54 %" in Vietnamese, "54%" in English."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return fmt_value(share * 100, "%", lang, decimals)


def norm_lang(lang: str | None) -> str:
    """A supported language code; anything else falls back to Vietnamese."""
    return lang if lang in LANGS else DEFAULT_LANG


def col(name: str, lang: str) -> str:
    """The column holding a bilingual field in a language: col("name", "en") -> "name_en"."""
    return f"{name}_{norm_lang(lang)}"


def fmt_number(value, lang: str, decimals: int = 1) -> str:
    """A number in the language's convention: 1.234,5 in Vietnamese, 1,234.5 in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    # Half up, as statistical tables round (68.25 -> 68.3), not babel's default half-to-even (68.2); the
    # float's shortest decimal form is what is rounded, so 2.675 shows 2.68.
    # Precision for any double (up to about 1e308 with its decimals), so a huge number in a bad file is
    # shown in the message about it rather than raising decimal.InvalidOperation.
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        ctx.prec = 400
        return format_decimal(value, format=fmt, locale=_LOCALES[norm_lang(lang)])


def round_half_up(value: float, decimals: int) -> float:
    """A value rounded to ``decimals`` as it is shown (half up, on the float's shortest decimal form)."""
    return float(decimal.Decimal(repr(float(value))).quantize(decimal.Decimal(1).scaleb(-int(decimals)),
                                                                rounding=decimal.ROUND_HALF_UP))


def fmt_value(value, unit: str, lang: str, decimals: int = 1, *, signed: bool = False) -> str:
    """A value with its unit: "3,37 %" in Vietnamese, "3.37%" in English; other units after a space."""
    text = fmt_number(value, lang, decimals)
    if text == "–":
        return text
    if signed and value > 0:
        text = "+" + text
    if not unit:
        return text
    if unit == "%":
        return f"{text} %" if norm_lang(lang) == "vi" else f"{text}%"
    if unit in ("pp", "điểm %"):
        return f"{text} {unit}"
    return f"{text} {unit}"


def change_unit(unit: str, lang: str) -> str:
    """The unit of a difference of two values: percentage points for a percentage ("% of households" too)."""
    if unit.startswith("%"):
        return "điểm %" if norm_lang(lang) == "vi" else "pp"
    return unit


def slug(text: str) -> str:
    """Text as a lower-case ASCII file-name part: "Vùng Đồng bằng sông Hồng" -> "vung-dong-bang-song-hong"."""
    folded = unicodedata.normalize("NFD", str(text).replace("Đ", "D").replace("đ", "d"))
    folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def file_stem(*parts) -> str:
    """A readable, safe download name from parts joined by "_": codes, years and plain words (letters,
    digits, "_" and "-") stay as they are; names are slugged; empty parts are left out.

    ``file_stem("POV_MD", 2024, "ranking", "Vùng Đồng bằng sông Hồng")`` is
    "POV_MD_2024_ranking_vung-dong-bang-song-hong".
    """
    out = []
    for part in parts:
        text = "" if part is None else str(part).strip()
        if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
            text = slug(text)
        if text:
            out.append(text)
    return "_".join(out) or "download"
