-- Question: which indicators can be chosen, with what unit and direction?
-- Grain: one row per indicator.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names and units
select
    i.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as name,
    case when $lang = 'en' then i.short_en else i.short_vi end as short_name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    cast(i.decimals as integer) as decimals,
    i.higher_is_better,
    i.aggregation,
    i.weight_kind,
    i.pillar_code,
    i.headline,
    case when $lang = 'en' then i.source_en else i.source_vi end as source,
    t.target_value,
    t.target_upper,
    t.target_type,
    cast(i.target_year as integer) as target_year,
    (select list(distinct breakdown order by breakdown) from results r where r.indicator_code = i.indicator_code)
        as breakdowns
from indicators i
left join targets t on t.indicator_code = i.indicator_code and t.area_id = 'VN' and t.year = i.target_year
order by i.sort_order
