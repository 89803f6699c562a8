"""Texts of the commune view (the "Xã, phường" tab of the Province profile) and of the benchmark report."""

MESSAGES = {
    "commune.tab": {"vi": "Xã, phường", "en": "Communes"},
    "commune.intro": {
        "vi": "Số liệu từng xã, phường, đặc khu của {province} ({n} đơn vị, {set}). Số liệu của tỉnh là tổng hợp "
        "của các xã theo đúng quy tắc của chỉ tiêu (tử số và mẫu số cộng dồn).",
        "en": "Figures for each commune, ward and special zone of {province} ({n} units, {set}). The province's "
        "figure is the aggregate of its communes by the indicator's rule (numerators and denominators summed).",
        "en_one": "Figures for the only commune, ward or special zone of {province} ({n} unit, {set}). The province's "
        "figure is the aggregate of its communes by the indicator's rule (numerators and denominators summed).",
    },
    "commune.set.34": {"vi": "đơn vị hành chính từ 01/7/2025", "en": "units from 1 July 2025"},
    "commune.set.63": {"vi": "đơn vị hành chính trước 01/7/2025", "en": "units before 1 July 2025"},
    "commune.none": {
        "vi": "Bộ dữ liệu chưa có số liệu cấp xã cho bộ đơn vị hành chính này.",
        "en": "The dataset has no commune-level figures for this set of administrative units.",
    },
    "commune.indicator": {"vi": "Chỉ tiêu có số liệu cấp xã", "en": "Indicator with commune figures"},
    "commune.year": {"vi": "Năm", "en": "Year"},
    "commune.top_n": {"vi": "Số xã đầu, cuối", "en": "Top and bottom"},
    "commune.year_missing": {
        "vi": "Chưa có số liệu cấp xã năm {year} trên bộ đơn vị này; đang hiển thị năm {shown}.",
        "en": "No commune figures for {year} on this set of units; showing {shown}.",
    },
    "commune.year_new_only": {
        "vi": "Năm {year} chỉ có số liệu theo đơn vị hành chính mới (từ 01/7/2025): chọn \"34 tỉnh, thành\" ở thanh "
        "bên để xem; đang hiển thị năm {shown}.",
        "en": "{year} is reported on the new units only (from 1 July 2025): choose \"34 provinces\" in the sidebar "
        "to see it; showing {shown}.",
    },
    "commune.no_values": {
        "vi": "Không có số liệu cấp xã của tỉnh này cho chỉ tiêu và năm đã chọn.",
        "en": "No commune figures for this province, indicator and year.",
    },
    "commune.province_value": {"vi": "Toàn tỉnh", "en": "Province"},
    "commune.metric_province": {"vi": "Toàn tỉnh ({n} xã)", "en": "Province ({n} communes)", "en_one": "Province ({n} commune)"},
    "commune.unit": {"vi": "Đơn vị: {unit}", "en": "Unit: {unit}"},
    "commune.metric_reported": {"vi": "Số xã có số liệu", "en": "Communes with figures"},
    "commune.metric_median": {"vi": "Trung vị các xã", "en": "Median commune"},
    "commune.metric_range": {"vi": "Thấp nhất – cao nhất", "en": "Lowest – highest"},
    "commune.map_title": {"vi": "{name} theo xã, {province}, năm {year}", "en": "{name} by commune, {province}, {year}"},
    "commune.map_hint": {
        "vi": "Mỗi điểm là trung tâm một xã, phường (không có nền bản đồ). Điểm rỗng: chưa có số liệu.",
        "en": "Each point is the centre of a commune or ward (no base map). Hollow points: no figures.",
    },
    "commune.hist_title": {"vi": "{name}: phân bố các xã, {province}, năm {year}", "en": "{name}: distribution of communes, {province}, {year}"},
    "commune.threshold": {"vi": "Ngưỡng", "en": "Threshold"},
    "commune.threshold_help": {
        "vi": "Đếm số xã ở phía chưa đạt của ngưỡng; mặc định là mục tiêu quốc gia.",
        "en": "Counts the communes on the wrong side of the threshold; the national target by default.",
    },
    "commune.count_above": {
        "vi": "**{k}/{n}** xã có giá trị **trên** ngưỡng {threshold} (chưa đạt); {rest} xã bằng hoặc dưới ngưỡng.",
        "en": "**{k} of {n}** communes are **above** the threshold of {threshold} (behind); {rest} are at or below it.",
    },
    "commune.count_below": {
        "vi": "**{k}/{n}** xã có giá trị **dưới** ngưỡng {threshold} (chưa đạt); {rest} xã bằng hoặc trên ngưỡng.",
        "en": "**{k} of {n}** communes are **below** the threshold of {threshold} (behind); {rest} are at or above it.",
    },
    "commune.chart_communes": {"vi": "Số xã", "en": "Communes"},
    "commune.no_data": {"vi": "Không có số liệu", "en": "No data"},
    "commune.rank_title": {
        "vi": "{name}: {n} xã tốt nhất và {n} xã kém nhất, {province}, {year}",
        "en": "{name}: the {n} best and {n} furthest-behind communes, {province}, {year}",
    },
    "commune.best": {"vi": "{n} xã tốt nhất", "en": "{n} best"},
    "commune.worst": {"vi": "{n} xã kém nhất", "en": "{n} furthest behind"},
    "commune.behind_title": {"vi": "Các xã xa mục tiêu nhất", "en": "Communes furthest behind"},
    "commune.behind_title_no_target": {"vi": "Các xã có giá trị kém nhất", "en": "Communes with the worst values"},
    "commune.col_commune": {"vi": "Xã, phường", "en": "Commune"},
    "commune.col_value": {"vi": "Giá trị", "en": "Value"},
    "commune.col_gap": {"vi": "Còn cách mục tiêu {target}", "en": "Distance to the {target} target"},
    "commune.col_change": {"vi": "Thay đổi từ {year}", "en": "Change since {year}"},
    "commune.col_rank": {"vi": "Hạng", "en": "Rank"},
    "commune.col_status": {"vi": "Tình trạng số liệu", "en": "Data status"},
    "commune.full_list": {"vi": "Danh sách đầy đủ ({n} xã)", "en": "Full list ({n} communes)", "en_one": "Full list ({n} commune)"},
    "commune.download": {"vi": "Tải danh sách (CSV)", "en": "Download the list (CSV)"},
    "commune.derived_note": {
        "vi": "* Tính lại: giá trị trước năm 2025 của xã, phường mới được tính từ các xã cũ đã hợp thành (tử số, "
        "mẫu số cộng dồn). Xã cũ bị chia cho nhiều xã mới được tính trọn vào xã mới chính (xem data/demo/README.md).",
        "en": "* Rebuilt: values before 2025 of a new commune are computed from the former communes it was formed "
        "from (numerators and denominators summed). A former commune divided among several new ones counts whole "
        "in its main successor (see data/demo/README.md).",
    },
}
