-- Question: which targets does the dataset hold, and which document sets each (its citation)?
-- Grain: one row per target (indicator x area x year x target type), national targets first.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names, units and citations
-- Notes: target_upper is the other bound of a range (NULL for one value); for target_type
--   'annual_change' target_value and target_upper are changes a year. illustrative is true for a demo
--   target no document sets (never in an official dataset).
select
    t.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    cast(i.decimals as integer) as decimals,
    t.area_id,
    coalesce(case when $lang = 'en' then a.short_en else a.short_vi end, t.area_id) as area,
    cast(t.year as integer) as year,
    t.target_value,
    t.target_upper,
    coalesce(t.target_type, 'level') as target_type,
    coalesce(t.illustrative, false) as illustrative,
    case when $lang = 'en' then coalesce(t.source_en, t.source_vi) else coalesce(t.source_vi, t.source_en) end as source
from targets t
left join indicators i using (indicator_code)
left join areas a using (area_id)
order by coalesce(i.sort_order, 32767), t.indicator_code, t.area_id <> 'VN', coalesce(a.sort_order, 0), t.area_id,
         t.year, target_type
