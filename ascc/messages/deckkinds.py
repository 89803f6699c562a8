"""Texts of the status-summary slides (headline cards, pillar summary, ministry ranking) and of gaps in trends."""

MESSAGES = {
    "export.title.headlines": {"vi": "Các chỉ tiêu chính, {place}, năm {year}", "en": "Headline indicators, {place}, {year}"},
    "export.title.pillars": {
        "vi": "Số chỉ tiêu theo tình trạng trong 5 đặc tính ASCC, {place}, năm {year}",
        "en": "Indicators by status in the five ASCC characteristics, {place}, {year}",
    },
    "export.title.ministries": {
        "vi": "Bộ chủ trì xếp theo tỷ lệ chỉ tiêu chậm tiến độ, {place}, năm {year} (số chỉ tiêu)",
        "en": "Lead ministries ranked by the share of indicators behind schedule, {place}, {year} (number of indicators)",
    },
    "deck.kind.headlines": {"vi": "Thẻ chỉ tiêu chính", "en": "Headline cards"},
    "deck.kind.pillars": {"vi": "Tóm tắt theo đặc tính", "en": "Pillar summary"},
    "deck.kind.ministries": {"vi": "Xếp hạng bộ chủ trì", "en": "Ministry ranking"},
    "deck.batch_summaries": {"vi": "Thêm 3 trang tóm tắt tình trạng", "en": "Add the three status summaries"},
    "deck.batch_summaries_help": {
        "vi": "Thẻ chỉ tiêu chính, tóm tắt theo 5 đặc tính và xếp hạng bộ chủ trì (cả nước, năm mới nhất).",
        "en": "Headline cards, the five characteristics summarised and the lead ministries ranked (Viet Nam, latest year).",
    },
    # Headline sentences of the summary slides.
    "export.headline.headlines": {
        "vi": "{good}/{n} chỉ tiêu chính đạt hoặc đúng tiến độ; {behind} chậm tiến độ.",
        "en": "{good} of {n} headline indicators achieved or on track; {behind} behind schedule.",
        "en_one": "{good} of {n} headline indicator achieved or on track; {behind} behind schedule.",
    },
    "export.headline.pillars": {
        "vi": "{behind}/{n} chỉ tiêu chậm tiến độ; nhiều nhất ở đặc tính {pillar} ({k}).",
        "en": "{behind} of {n} indicators behind schedule; most in characteristic {pillar} ({k}).",
        "en_one": "{behind} of {n} indicator behind schedule; most in characteristic {pillar} ({k}).",
    },
    "export.headline.pillars_none": {
        "vi": "Không chỉ tiêu nào chậm tiến độ ({n} chỉ tiêu).",
        "en": "No indicator is behind schedule ({n} indicators).",
        "en_one": "No indicator is behind schedule ({n} indicator).",
    },
    "export.headline.ministries": {
        "vi": "{name} chậm nhất: {counts} ({share}).",
        "en": "{name} is furthest behind: {counts} ({share}).",
    },
    "export.headline.ministries_none": {
        "vi": "Không bộ nào có chỉ tiêu chậm tiến độ.",
        "en": "No ministry has an indicator behind schedule.",
    },
    "export.col.indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "export.col.value": {"vi": "Giá trị", "en": "Value"},
    "export.col.year": {"vi": "Năm", "en": "Year"},
    "export.col.change": {"vi": "Thay đổi", "en": "Change"},
    "export.col.status": {"vi": "Tình trạng", "en": "Status"},
    "export.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "slide.place_nation": {"vi": "cả nước", "en": "Viet Nam"},
    "cards.change": {"vi": "{change} so với {year}", "en": "{change} since {year}"},
    "cards.no_status": {"vi": "Chưa đánh giá", "en": "Not assessed"},
    # A trend with a year inside its span that has no figure: the line breaks there, and says so.
    "chart.gap_note": {"vi": "Không có số liệu năm {years}", "en": "No figure for {years}"},
    "chart.gap_note_series": {"vi": "{series}: không có số liệu năm {years}", "en": "{series}: no figure for {years}"},
}
