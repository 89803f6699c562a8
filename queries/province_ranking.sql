-- Question: how do the provinces of a boundary set rank on one indicator in one year?
-- Grain: one row per province of the chosen boundary set (all of them, also those without a value).
-- Parameters:
--   $lang       varchar  'vi' or 'en': language of names
--   $indicator  varchar  indicator code
--   $boundary   varchar  '34' or '63'
--   $year       integer  the year
--   $breakdown  varchar  'total' or a group such as 'residence:rural'
-- Notes: estimated = rebuilt with reference (population) weights; gap says why a rebuilt value is missing
--   ('incomplete', 'no_weight'). Rank 1 is the best province (direction-aware); ties share a rank. On the 63 set, a year
--   reported only on the new boundaries (2025) gives value NULL and new_boundaries_only = TRUE.
with ind as (
    select * from indicators where indicator_code = $indicator
),
prov as (
    select a.area_id, a.code, a.region_code,
           case when $lang = 'en' then a.short_en else a.short_vi end as name,
           case when $lang = 'en' then a.name_en else a.name_vi end as full_name,
           a.tile_vi as tile_label,
           case when $lang = 'en' then r.name_en else r.name_vi end as region_name,
           a.sort_order
    from areas a
    left join areas r on r.area_id = 'R-' || a.region_code
    where a.level = 'province' and a.boundary_set = $boundary
),
val as (
    select area_id, value, status, derived, complete, n_reported, n_members, estimated, gap, source, batch_id,
           case when (select higher_is_better from ind) then value else -value end as score
    from province_results
    where indicator_code = $indicator and year = $year and breakdown = $breakdown
),
newer as (
    select count(*) > 0 as any_new
    from province_results
    where indicator_code = $indicator and year = $year and breakdown = $breakdown
      and boundary_set = '34' and not derived
)
select
    p.area_id,
    p.code,
    p.name,
    p.full_name,
    p.tile_label,
    p.region_code,
    p.region_name,
    v.value,
    v.status,
    coalesce(v.derived, false) as derived,
    coalesce(v.complete, false) as complete,
    coalesce(v.estimated, false) as estimated,
    v.gap,
    v.source,
    v.batch_id,
    cast(coalesce(v.n_reported, 0) as integer) as n_reported,
    cast(coalesce(v.n_members, 0) as integer) as n_members,
    case when v.value is not null then rank() over (order by v.score desc nulls last) end as rank,
    count(v.value) over () as n_ranked,
    ($boundary = '63' and v.value is null and (select any_new from newer)) as new_boundaries_only
from prov p
left join val v using (area_id)
order by v.value is null, rank, p.sort_order
