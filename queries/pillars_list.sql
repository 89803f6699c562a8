-- Question: what are the ASCC characteristics ("pillars") results are grouped under?
-- Grain: one row per pillar.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names and descriptions
select
    pillar_code,
    community,
    case when $lang = 'en' then name_en else name_vi end as name,
    case when $lang = 'en' then description_en else description_vi end as description,
    cast(sort_order as integer) as sort_order
from pillars
order by sort_order, pillar_code
