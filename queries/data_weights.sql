-- Question: which reference weights does the dataset hold (what value-only rates are rebuilt and
--           aggregated with), for which years and how many provinces, from which source?
-- Grain: one row per weight kind x boundary set ('63' former, '34' new provinces); empty without weights.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of the sources
-- Notes: source lists the distinct sources of the rows, joined by "; ".
select
    w.weight_kind,
    a.boundary_set,
    min(cast(w.year as integer)) as first_year,
    max(cast(w.year as integer)) as last_year,
    count(distinct w.year) as n_years,
    count(distinct w.area_id) as n_provinces,
    string_agg(distinct case when $lang = 'en' then coalesce(w.source_en, w.source_vi)
                             else coalesce(w.source_vi, w.source_en) end, '; '
               order by case when $lang = 'en' then coalesce(w.source_en, w.source_vi)
                             else coalesce(w.source_vi, w.source_en) end) as source
from weights w
join areas a using (area_id)
where a.level = 'province'
group by w.weight_kind, a.boundary_set
order by w.weight_kind, a.boundary_set desc
