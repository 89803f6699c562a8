-- Question: for one province, how do population groups (sex, urban/rural, ethnicity) compare, and
--           how wide is the gap between the two groups of each dimension?
-- Grain: one row per indicator x breakdown dimension in the province's latest year with group values.
-- Parameters:
--   $lang     varchar  'vi' or 'en': language of names and units
--   $area_id  varchar  province area id (P63-* or P34-*)
--   $year     integer  last year to consider; NULL = latest
-- Notes: gap = group_a - group_b where the groups are ordered by name within the dimension
--   (female/male, minority/kinh... see group_a and group_b); values rebuilt on the 34 set are derived.
with g as (
    select p.indicator_code, p.year, split_part(p.breakdown, ':', 1) as dimension,
           split_part(p.breakdown, ':', 2) as grp, p.value, p.derived
    from province_results p
    where p.area_id = $area_id and p.breakdown <> 'total' and p.value is not null
      and ($year is null or p.year <= $year)
),
latest as (
    select indicator_code, dimension, max(year) as year from g group by all
),
pairs as (
    select g.indicator_code, g.dimension, g.year,
           list(g.grp order by g.grp) as groups,
           list(g.value order by g.grp) as vals,
           bool_or(g.derived) as derived
    from g join latest using (indicator_code, dimension, year)
    group by all
    having count(*) = 2
)
select
    p.indicator_code,
    case when $lang = 'en' then i.short_en else i.short_vi end as short_name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    cast(i.decimals as integer) as decimals,
    i.higher_is_better,
    p.dimension,
    cast(p.year as integer) as year,
    p.groups[1] as group_a,
    p.vals[1] as value_a,
    p.groups[2] as group_b,
    p.vals[2] as value_b,
    p.vals[1] - p.vals[2] as gap,
    t.value as total_value,
    p.derived
from pairs p
join indicators i using (indicator_code)
left join province_results t
       on t.indicator_code = p.indicator_code and t.area_id = $area_id and t.year = p.year and t.breakdown = 'total'
order by i.sort_order, p.dimension
