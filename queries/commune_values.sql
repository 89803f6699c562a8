-- Question: how do the communes of one province compare on one indicator in one year, and how far
--           has each moved since the base year?
-- Grain: one row per commune of the province (on the province's own boundary set), also those without
--        a value.
-- Parameters:
--   $lang       varchar  'vi' or 'en': language of names
--   $indicator  varchar  indicator code
--   $province   varchar  province area id (P63-* or P34-*); its communes are those of the same set
--   $year       integer  the year
--   $base_year  integer  the year to measure change from (the indicator's base year, 2016); NULL = no change
-- Notes: rank 1 is the best commune (direction-aware); ties share a rank. base_value is the value in
--   $base_year (on the 34 set before 2025 rebuilt from the former communes), change = value - base_value. numerator, denominator and weight let the caller aggregate the communes by
--   the indicator's rule (they add up to the province).
with ind as (
    select * from indicators where indicator_code = $indicator
),
com as (
    select area_id, code,
           case when $lang = 'en' then short_en else short_vi end as name,
           case when $lang = 'en' then name_en else name_vi end as full_name,
           lat, lon, sort_order
    from areas
    where level = 'commune' and parent_id = $province
),
vals as (
    select area_id, year, value, numerator, denominator, weight, status, derived, complete
    from commune_results
    where indicator_code = $indicator and province_id = $province and breakdown = 'total'
      and year in ($year, $base_year)
),
cur as (
    select v.*, case when (select higher_is_better from ind) then v.value else -v.value end as score
    from vals v
    where v.year = $year
),
base as (
    select area_id, value as base_value from vals where year = $base_year and value is not null
)
select
    c.area_id,
    c.code,
    c.name,
    c.full_name,
    c.lat,
    c.lon,
    cur.value,
    cur.numerator,
    cur.denominator,
    cur.weight,
    cur.status,
    coalesce(cur.derived, false) as derived,
    coalesce(cur.complete, false) as complete,
    case when cur.value is not null then rank() over (order by cur.score desc nulls last) end as rank,
    count(cur.value) over () as n_ranked,
    count(*) over () as n_communes,
    cast($base_year as integer) as base_year,
    b.base_value,
    cur.value - b.base_value as change
from com c
left join cur using (area_id)
left join base b using (area_id)
order by cur.value is null, rank, c.sort_order
