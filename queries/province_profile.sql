-- Question: for one province, where does each indicator stand: latest value beside its region, the
--           nation and the target; its rank among provinces; its base-year value and change?
-- Grain: one row per indicator (all indicators, also those without data for the province).
-- Parameters:
--   $lang     varchar  'vi' or 'en': language of names and units
--   $area_id  varchar  province area id (P63-* or P34-*); its boundary set is used for ranks and regions
--   $year     integer  last year to consider ("as of"); NULL = the latest year with data
-- Notes: values on the 34 set before 2025 are rebuilt from the former provinces (derived = TRUE).
--   Region and nation values are aggregates of the set's provinces in the province's latest year.
with me as (
    select area_id, boundary_set, region_code from areas where area_id = $area_id
),
mine as (
    select p.* from province_results p, me
    where p.area_id = me.area_id and p.breakdown = 'total' and p.value is not null
      and ($year is null or p.year <= $year)
),
latest as (
    select indicator_code, year as latest_year, value as latest_value, status as latest_status,
           derived as latest_derived, estimated as latest_estimated
    from mine
    qualify row_number() over (partition by indicator_code order by year desc) = 1
),
base as (
    select m.indicator_code, m.year as base_year, m.value as base_value
    from mine m join indicators i using (indicator_code)
    where m.year >= i.base_year
    qualify row_number() over (partition by m.indicator_code order by m.year) = 1
),
peers as (
    select p.indicator_code, p.year, p.area_id,
           rank() over (partition by p.indicator_code, p.year
                        order by case when i.higher_is_better then p.value else -p.value end desc) as rnk,
           count(*) over (partition by p.indicator_code, p.year) as n
    from province_results p
    join indicators i using (indicator_code)
    join me on p.boundary_set = me.boundary_set
    where p.breakdown = 'total' and p.value is not null
)
select
    i.indicator_code,
    case when $lang = 'en' then i.short_en else i.short_vi end as short_name,
    case when $lang = 'en' then i.name_en else i.name_vi end as name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    cast(i.decimals as integer) as decimals,
    i.higher_is_better,
    i.pillar_code,
    cast(l.latest_year as integer) as latest_year,
    l.latest_value,
    l.latest_status,
    coalesce(l.latest_derived, false) as latest_derived,
    cast(b.base_year as integer) as base_year,
    b.base_value,
    l.latest_value - b.base_value as change,
    reg.value as region_value,
    nat.value as nation_value,
    coalesce(l.latest_estimated or reg.estimated or nat.estimated, false) as estimated,
    area_label('', reg.basis, reg.n_reported, reg.n_areas, reg.pop_share, $lang) as region_coverage,
    area_label('', nat.basis, nat.n_reported, nat.n_areas, nat.pop_share, $lang) as nation_coverage,
    t.target_value,
    t.target_upper,
    t.target_type,
    cast(i.target_year as integer) as target_year,
    cast(pr.rnk as integer) as rank,
    cast(pr.n as integer) as n_ranked,
    case when $lang = 'en' then i.source_en else i.source_vi end as source
from indicators i
cross join me
left join latest l using (indicator_code)
left join base b using (indicator_code)
left join region_results reg
       on reg.indicator_code = i.indicator_code and reg.year = l.latest_year and reg.breakdown = 'total'
      and reg.boundary_set = me.boundary_set and reg.area_id = 'R-' || me.region_code
left join region_results nat
       on nat.indicator_code = i.indicator_code and nat.year = l.latest_year and nat.breakdown = 'total'
      and nat.boundary_set = me.boundary_set and nat.area_id = 'VN'
left join targets t on t.indicator_code = i.indicator_code and t.area_id = 'VN' and t.year = i.target_year
left join peers pr on pr.indicator_code = i.indicator_code and pr.year = l.latest_year and pr.area_id = me.area_id
order by i.sort_order
