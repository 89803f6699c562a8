-- Question: how has one province moved on an indicator, against its region and the nation?
-- Grain: one row per area (the province, its region, the nation VN) per year with a value, on the
--   province's own boundary set; role says which of the three a row is.
-- Parameters:
--   $lang       varchar  'vi' or 'en': language of names
--   $indicator  varchar  indicator code
--   $area       varchar  province area id (P63-* or P34-*); an unknown id gives no rows
--   $breakdown  varchar  'total' or a group such as 'residence:rural'
-- Notes: the region and the nation are aggregates of the provinces of the same set (region_results),
--   so the three lines are comparable; on the 34 set years before 2025 are rebuilt (derived).
with prov as (
    select area_id, boundary_set, region_code
    from areas
    where area_id = $area and level = 'province'
),
series as (
    select 'province' as role, 1 as role_order, p.area_id, cast(p.year as integer) as year, p.value,
           p.status, coalesce(p.derived, false) as derived, p.estimated, p.source, p.batch_id,
           'reported' as basis, 1 as n_reported, 1 as n_areas, 1.0 as pop_share
    from province_results p
    join prov using (area_id)
    where p.indicator_code = $indicator and p.breakdown = $breakdown and p.value is not null
    union all
    select case when g.area_id = 'VN' then 'nation' else 'region' end,
           case when g.area_id = 'VN' then 3 else 2 end,
           g.area_id, cast(g.year as integer), g.value, g.status, coalesce(g.derived, false), g.estimated,
           g.source, g.batch_id, g.basis, g.n_reported, g.n_areas, g.pop_share
    from region_results g
    join prov on g.boundary_set = prov.boundary_set
             and g.area_id in ('R-' || prov.region_code, 'VN')
    where g.indicator_code = $indicator and g.breakdown = $breakdown and g.value is not null
)
select
    s.role,
    s.area_id,
    case
        when a.level = 'province' then (case when $lang = 'en' then a.short_en else a.short_vi end)
        else area_label(case when $lang = 'en' then a.name_en else a.name_vi end, s.basis, s.n_reported,
                        s.n_areas, s.pop_share, $lang)
    end as name,
    s.year,
    s.value,
    s.status,
    s.derived,
    s.estimated,
    s.basis,
    s.source,
    s.batch_id
from series s
join areas a using (area_id)
order by s.role_order, s.year
