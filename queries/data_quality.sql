-- Question: for each indicator and year with figures, which provinces of that year's boundary set
--           are missing, how many values are preliminary or estimated, and how many values are rebuilt
--           (derived) on the 34 new provinces from the former ones?
-- Grain: one row per indicator per year with at least one province value (breakdown total).
-- Parameters:
--   $lang            varchar  'vi' or 'en': language of names
--   $first_new_year  integer  first year reported on the 34 provinces (earlier years: the 63); NULL = 2025
with years as (
    select r.indicator_code, cast(r.year as integer) as year,
           case when r.year >= coalesce($first_new_year, 2025) then '34' else '63' end as boundary_set
    from results r
    join areas a using (area_id)
    where a.level = 'province' and r.breakdown = 'total'
    group by all
),
expected as (
    select y.indicator_code, y.year, y.boundary_set, a.area_id, a.sort_order,
           case when $lang = 'en' then a.short_en else a.short_vi end as area_name
    from years y
    join areas a on a.level = 'province' and a.boundary_set = y.boundary_set
),
reported as (
    select indicator_code, cast(year as integer) as year, area_id, status
    from results
    where breakdown = 'total'
),
derived as (
    select indicator_code, year, count(*) as n_derived
    from province_results
    where derived and complete and breakdown = 'total'
    group by all
),
national as (
    select indicator_code, cast(year as integer) as year, any_value(status) as national_status
    from results
    where area_id = 'VN' and breakdown = 'total'
    group by all
)
select
    e.indicator_code,
    case when $lang = 'en' then i.short_en else i.short_vi end as indicator,
    e.year,
    e.boundary_set,
    count(*) as n_expected,
    count(r.area_id) as n_reported,
    count(*) - count(r.area_id) as n_missing,
    coalesce(string_agg(e.area_name, ', ' order by e.sort_order) filter (where r.area_id is null), '') as missing,
    count(*) filter (where r.status = 'preliminary') as n_preliminary,
    count(*) filter (where r.status = 'estimated') as n_estimated,
    coalesce(any_value(d.n_derived), 0) as n_derived,
    any_value(n.national_status) as national_status
from expected e
join indicators i using (indicator_code)
left join reported r on r.indicator_code = e.indicator_code and r.year = e.year and r.area_id = e.area_id
left join derived d on d.indicator_code = e.indicator_code and d.year = e.year
left join national n on n.indicator_code = e.indicator_code and n.year = e.year
group by e.indicator_code, i.short_en, i.short_vi, i.sort_order, e.year, e.boundary_set
order by i.sort_order, e.year
