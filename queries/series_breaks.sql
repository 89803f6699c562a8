-- Question: where does each indicator's series break (a change of definition or method)?
-- Grain: one row per indicator per break year.
-- Parameters:
--   $lang   varchar    'vi' or 'en': language of the reason
--   $codes  varchar[]  indicator codes; NULL = all indicators
select
    indicator_code,
    cast(sb.year as integer) as year,
    case when $lang = 'en' then sb.reason_en else sb.reason_vi end as reason
from (select indicator_code, unnest(series_breaks) as sb from indicators) s
where ($codes is null or list_contains($codes, indicator_code))
order by indicator_code, year
