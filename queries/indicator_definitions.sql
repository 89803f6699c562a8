-- Question: how is each indicator defined, measured, aggregated and sourced, and what is its target?
-- Grain: one row per indicator.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of texts
select
    i.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    cast(i.decimals as integer) as decimals,
    case when $lang = 'en' then i.definition_en else i.definition_vi end as definition,
    case when $lang = 'en' then i.source_en else i.source_vi end as source,
    i.aggregation,
    i.scale,
    i.higher_is_better,
    i.limit_value,
    i.sdg_target,
    cast(i.base_year as integer) as base_year,
    cast(i.target_year as integer) as target_year,
    t.target_value,
    t.target_upper,
    t.target_type,
    case when $lang = 'en' then t.source_en else t.source_vi end as target_source,
    case when $lang = 'en' then m.abbr_en else m.abbr_vi end as ministry_abbr,
    i.pillar_code
from indicators i
left join targets t on t.indicator_code = i.indicator_code and t.area_id = 'VN' and t.year = i.target_year
left join ministries m on m.ministry_code = i.ministry_code
order by i.sort_order
