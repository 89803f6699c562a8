-- Question: which indicators have commune values on a boundary set, and in which years?
-- Grain: one row per indicator with commune values on the set (reported, or rebuildable on the 34 set).
-- Parameters:
--   $lang      varchar  'vi' or 'en': language of names and units
--   $boundary  varchar  '34' (communes from 1 July 2025) or '63' (before)
-- Notes: on the 34 set a year before 2025 counts when former communes reported it (commune_results
--   rebuilds those values). Commune area ids start with C63- or C34- (data/README.md).
--   Reads commune_years (queries/views/40_commune_years.sql), computed once per dataset version.
with yrs as (
    select distinct indicator_code, year
    from commune_years
    where boundary_set = $boundary or ($boundary = '34' and boundary_set = '63')
)
select
    i.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as name,
    case when $lang = 'en' then i.short_en else i.short_vi end as short_name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    cast(i.decimals as integer) as decimals,
    i.higher_is_better,
    i.aggregation,
    i.scale,
    case when $lang = 'en' then i.source_en else i.source_vi end as source,
    t.target_value,
    t.target_upper,
    t.target_type,
    cast(i.target_year as integer) as target_year,
    cast(i.base_year as integer) as base_year,
    list(y.year order by y.year) as years,
    min(y.year) as first_year,
    max(y.year) as last_year
from yrs y
join indicators i using (indicator_code)
left join targets t on t.indicator_code = i.indicator_code and t.area_id = 'VN' and t.year = i.target_year
group by all
order by any_value(i.sort_order)
