-- Question: where does the nation stand on each indicator: base-year value, value as of a year,
--           change since the base year, the target and the distance to it?
-- Grain: one row per indicator (all, or the headline ones); national level (area VN), breakdown total.
-- Parameters:
--   $lang           varchar  'vi' or 'en': language of names, units and sources
--   $year           integer  last year to consider ("as of"); NULL = the latest year with data
--   $headline_only  boolean  TRUE = headline indicators only; NULL or FALSE = all indicators
with nat as (
    -- the one national value (region_results: published, else computed; the same on both sets)
    select indicator_code, year, value, status, basis, estimated, source, n_reported, n_areas, pop_share
    from region_results
    where area_id = 'VN' and boundary_set = '34' and breakdown = 'total' and value is not null
      and ($year is null or year <= $year)
),
latest as (
    select indicator_code, year as latest_year, value as latest_value, status as latest_status,
           basis as latest_basis, estimated as latest_estimated, source as latest_source,
           n_reported as latest_n_reported, n_areas as latest_n_areas, pop_share as latest_pop_share
    from nat
    qualify row_number() over (partition by indicator_code order by year desc) = 1
),
base as (
    select n.indicator_code, n.year as base_year, n.value as base_value
    from nat n
    join indicators i using (indicator_code)
    where n.year >= i.base_year
    qualify row_number() over (partition by n.indicator_code order by n.year) = 1
),
tgt as (
    -- A level target is met at its nearer bound (of a range 93-95, the lower bound when higher is better,
    -- the upper one when lower is better). The latest value and that bound are compared at the
    -- indicator's published decimals, rounded half up (away from zero) as the pages print them (as ascc.progress
    -- does): scaled by 10^decimals and rounded to whole numbers. An annual change (points a year) is a
    -- pace, not a level: it has no gap and no target_met here (its status comes from ascc.progress).
    select t.indicator_code, t.year as target_year, t.target_value, t.target_upper, t.target_type,
           case when $lang = 'en' then t.source_en else t.source_vi end as target_source,
           cast(s.bound - s.latest as double) / s.scale as gap,
           case when i.higher_is_better then s.latest >= s.bound else s.latest <= s.bound end as target_met
    from targets t
    join indicators i using (indicator_code)
    left join latest l using (indicator_code)
    cross join lateral (
        select cast(10 ** i.decimals as integer) as scale,
               round(cast(l.latest_value as decimal(38, 10)) * scale, 0) as latest,
               case when t.target_type = 'level' then round(cast(case
                   when i.higher_is_better then least(t.target_value, coalesce(t.target_upper, t.target_value))
                   else greatest(t.target_value, coalesce(t.target_upper, t.target_value))
               end as decimal(38, 10)) * scale, 0) end as bound
    ) s
    where t.area_id = 'VN' and t.year = i.target_year
)
select
    i.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as name,
    case when $lang = 'en' then i.short_en else i.short_vi end as short_name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    cast(i.decimals as integer) as decimals,
    i.higher_is_better,
    i.headline,
    i.aggregation,
    i.limit_value,
    i.pillar_code,
    case when $lang = 'en' then p.name_en else p.name_vi end as pillar_name,
    i.ministry_code,
    case when $lang = 'en' then m.abbr_en else m.abbr_vi end as ministry_abbr,
    case when $lang = 'en' then m.name_en else m.name_vi end as ministry_name,
    cast(b.base_year as integer) as base_year,
    b.base_value,
    cast(l.latest_year as integer) as latest_year,
    l.latest_value,
    l.latest_status,
    l.latest_basis,
    coalesce(l.latest_estimated, false) as latest_estimated,
    l.latest_source,
    l.latest_n_reported,
    l.latest_n_areas,
    l.latest_pop_share,
    l.latest_value - b.base_value as change,
    cast(coalesce(t.target_year, i.target_year) as integer) as target_year,
    t.target_value,
    t.target_upper,
    t.target_type,
    t.target_source,
    t.gap,
    t.target_met,
    coalesce(len(list_filter(i.series_breaks,
        lambda sb: sb.year > b.base_year and sb.year <= l.latest_year)), 0) > 0 as break_since_base,
    case when $lang = 'en' then i.source_en else i.source_vi end as source,
    cast(i.sort_order as integer) as sort_order
from indicators i
left join pillars p using (pillar_code)
left join ministries m on m.ministry_code = i.ministry_code
left join latest l using (indicator_code)
left join base b using (indicator_code)
left join tgt t using (indicator_code)
where ($headline_only is null or not $headline_only or i.headline)
order by i.sort_order, i.indicator_code
