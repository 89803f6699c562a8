-- Question: for one indicator and year, what is each region's aggregate, its median, best and worst province?
-- Grain: one row per region plus one row for the nation (area_id 'VN'), on the chosen boundary set.
-- Parameters:
--   $lang       varchar  'vi' or 'en': language of names
--   $indicator  varchar  indicator code
--   $boundary   varchar  '34' or '63'
--   $year       integer  the year
--   $breakdown  varchar  'total' or a group such as 'sex:female'
-- Notes: the aggregate follows the indicator's rule over the provinces of the set (region_results);
--   best and worst are direction-aware; ties are broken by name.
with ind as (
    select * from indicators where indicator_code = $indicator
),
prov as (
    select p.area_id, p.value, a.region_code,
           case when $lang = 'en' then a.short_en else a.short_vi end as name
    from province_results p
    join areas a using (area_id)
    where p.indicator_code = $indicator and p.year = $year and p.breakdown = $breakdown
      and p.boundary_set = $boundary and p.value is not null
),
scoped as (
    select 'R-' || region_code as area_id, * exclude (area_id) from prov
    union all
    select 'VN', * exclude (area_id) from prov
),
stats as (
    select
        area_id,
        median(value) as median_value,
        arg_max(name, case when (select higher_is_better from ind) then value else -value end) as best_name,
        max_by(value, case when (select higher_is_better from ind) then value else -value end) as best_value,
        arg_min(name, case when (select higher_is_better from ind) then value else -value end) as worst_name,
        min_by(value, case when (select higher_is_better from ind) then value else -value end) as worst_value
    from scoped
    group by area_id
)
select
    a.area_id,
    a.level,
    area_label(case when $lang = 'en' then a.name_en else a.name_vi end, g.basis, g.n_reported, g.n_areas,
               g.pop_share, $lang) as name,
    g.value,
    g.status,
    g.basis,
    coalesce(g.estimated, false) as estimated,
    g.gap,
    g.pop_share,
    g.source,
    g.batch_id,
    coalesce(g.derived, false) as derived,
    cast(coalesce(g.n_reported, 0) as integer) as n_reported,
    cast(coalesce(g.n_areas, 0) as integer) as n_areas,
    s.median_value,
    s.best_name,
    s.best_value,
    s.worst_name,
    s.worst_value
from areas a
left join region_results g
       on g.area_id = a.area_id and g.indicator_code = $indicator and g.year = $year
      and g.breakdown = $breakdown and g.boundary_set = $boundary
left join stats s on s.area_id = a.area_id
where a.level in ('region', 'nation')
order by a.level = 'nation', a.sort_order
