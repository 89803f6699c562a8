"""Texts of the Lead ministries page: the ranking of ministries by indicators behind, and the provinces holding them back."""

MESSAGES = {
    "ministries.rank_title": {
        "vi": "Bộ nào chậm nhất? Xếp hạng theo tỷ lệ chỉ tiêu chậm tiến độ (cả nước)",
        "en": "Which ministry is furthest behind? Ranked by the share of its indicators behind schedule (national)",
    },
    "ministries.rank_help": {
        "vi": "Chậm tiến độ = {statuses}. Tỷ lệ tính trên tất cả chỉ tiêu của bộ; chỉ tiêu chưa đủ số liệu được "
        "nêu riêng.",
        "en": "Behind schedule = {statuses}. The share is of all the ministry's indicators; those with "
        "insufficient data are counted apart.",
    },
    # "3 of 5 behind · 1 insufficient data"
    "ministries.rank_counts": {"vi": "{behind}/{n} chỉ tiêu chậm tiến độ", "en": "{behind} of {n} behind"},
    "ministries.rank_insufficient": {"vi": "{n} chưa đủ số liệu", "en": "{n} insufficient data"},
    "ministries.col.rank": {"vi": "Hạng", "en": "Rank"},
    "ministries.col.ministry": {"vi": "Bộ chủ trì", "en": "Lead ministry"},
    "ministries.col.behind": {"vi": "Chậm tiến độ", "en": "Behind schedule"},
    "ministries.col.share_behind": {"vi": "Tỷ lệ chậm (%)", "en": "Share behind (%)"},
    "ministries.col.n": {"vi": "Số chỉ tiêu", "en": "Indicators"},
    "ministries.col.n_behind": {"vi": "Số chỉ tiêu chậm", "en": "Indicators behind"},
    "ministries.col.n_insufficient": {"vi": "Chưa đủ số liệu", "en": "Insufficient data"},
    "ministries.col.latest": {"vi": "Cả nước, mới nhất", "en": "Viet Nam, latest"},
    "ministries.col.path_gap": {"vi": "Cách lộ trình (cả nước)", "en": "Distance to the path (Viet Nam)"},
    "ministries.col.provinces": {
        "vi": "Tỉnh chậm nhất: giá trị (khoảng cách tới lộ trình)",
        "en": "Provinces furthest behind: value (distance to the expected path)",
    },
    "ministries.section": {"vi": "{rank}. {name} ({abbr}): {counts}", "en": "{rank}. {name} ({abbr}): {counts}"},
    "ministries.path_help": {
        "vi": "Lộ trình: mức cần đạt đến năm mới nhất nếu tiến đều từ năm gốc tới mục tiêu. Khoảng cách tính theo "
        "đơn vị của chỉ tiêu.",
        "en": "The path: the level a steady advance from the base year to the target would have reached by the "
        "latest year. Distances are in the indicator's unit.",
    },
    # distance of a value to the expected path, in the indicator's unit
    "ministries.behind_by": {"vi": "chậm {amount}", "en": "{amount} behind"},
    "ministries.ahead_by": {"vi": "vượt {amount}", "en": "{amount} ahead"},
    "ministries.none_behind": {"vi": "không có tỉnh nào chậm", "en": "no province behind"},
    "ministries.year": {"vi": "năm {year}", "en": "in {year}"},
    "ministries.merger_note": {
        "vi": "Xem các bộ đã sáp nhập và các chỉ tiêu đổi bộ chủ trì ở cuối trang.",
        "en": "The merged ministries and the indicators that changed lead are listed at the foot of the page.",
    },
    # downloads of a ministry's table: one row per indicator x area (Viet Nam and the provinces furthest behind)
    "ministries.dl.ministry_code": {"vi": "Mã bộ", "en": "Ministry code"},
    "ministries.dl.indicator_code": {"vi": "Mã chỉ tiêu", "en": "Indicator code"},
    "ministries.dl.area": {"vi": "Khu vực", "en": "Area"},
    "ministries.dl.latest_year": {"vi": "Năm mới nhất", "en": "Latest year"},
    "ministries.dl.latest_value": {"vi": "Giá trị mới nhất", "en": "Latest value"},
    "ministries.dl.path_value": {"vi": "Mức cần đạt đến nay (lộ trình)", "en": "Expected by now (path)"},
    "ministries.dl.shortfall": {"vi": "Chậm so với lộ trình (+ = chậm)", "en": "Behind the path (+ = behind)"},
    "ministries.dl.achieved_share": {"vi": "Phần chặng đường đã đi", "en": "Share of the way covered"},
    "ministries.dl.expected_share": {"vi": "Phần cần đi đến nay", "en": "Share expected by now"},
}
