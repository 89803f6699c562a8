"""Texts of targets: ranges and annual changes (a pace, not a level), as cards, tables and charts show them."""

MESSAGES = {
    # "giảm 1–1,5 điểm %/năm" / "−1 to −1.5 percentage points a year" (the amount carries its sign in English)
    "target.pace_down": {"vi": "giảm {amount} {unit}/năm", "en": "{amount} {unit} a year"},
    "target.pace_up": {"vi": "tăng {amount} {unit}/năm", "en": "{amount} {unit} a year"},
    "target.pace_range": {"vi": "{low}–{high}", "en": "{low} to {high}"},
    "target.pace_hold": {"vi": "giữ nguyên mức", "en": "no change"},
    "target.pp": {"vi": "điểm %", "en": "percentage points"},
    "target.pp_one": {"vi": "điểm %", "en": "percentage point"},
    # the observed pace beside an annual-change target on a card
    "target.observed_pace": {"vi": "Bình quân {start}–{end}: {pace}", "en": "Average {start}–{end}: {pace}"},
    # headline sentence of a slide: the average change against an annual-change target
    "target.hl_pace": {
        "vi": "; bình quân {pace}, mục tiêu năm {year}: {target}",
        "en": "; {pace} on average, against the {year} target of {target}",
    },
}
