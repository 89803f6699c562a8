-- Question: which ministries were merged in March 2025, and into which successor?
-- Grain: one row per ministry that ceased to exist (valid_to set) with a successor.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names
select
    m.ministry_code,
    case when $lang = 'en' then m.name_en else m.name_vi end as name,
    case when $lang = 'en' then m.abbr_en else m.abbr_vi end as abbr,
    m.valid_to,
    m.successor_code,
    case when $lang = 'en' then s.name_en else s.name_vi end as successor_name,
    case when $lang = 'en' then s.abbr_en else s.abbr_vi end as successor_abbr
from ministries m
left join ministries s on s.ministry_code = m.successor_code
where m.valid_to is not null
order by m.sort_order
