-- Question: which indicators does the dataset hold, how are they defined, aggregated and sourced, where
--           do their series break, which years and provinces have figures, and which batch delivered the
--           newest figures of each?
-- Grain: one row per indicator (also those without any result).
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names, units, definitions, sources and series breaks
-- Notes: counts the province, region and national rows (`results`); commune rows are listed by
--   commune_indicators. The newest batch is the newest that delivered such rows. series_breaks is
--   "2022: reason" per break, joined by "; " in year order (NULL without a break).
with logged as (
    select batch_id, min(seq) as seq, min(logged_at) as logged_at
    from batches
    where status = 'committed'
    group by batch_id
),
cov as (
    select
        r.indicator_code,
        min(cast(r.year as integer)) as first_year,
        max(cast(r.year as integer)) as last_year,
        count(distinct r.year) as n_years,
        count(distinct r.area_id) filter (where a.level = 'province' and a.boundary_set = '63') as n_provinces_63,
        count(distinct r.area_id) filter (where a.level = 'province' and a.boundary_set = '34') as n_provinces_34,
        count(*) filter (where a.level = 'province' and r.breakdown = 'total') as n_province_years,
        count(*) filter (where r.area_id = 'VN' and r.breakdown = 'total') as n_national_years
    from results r
    join areas a using (area_id)
    group by r.indicator_code
),
breaks as (
    select indicator_code,
           string_agg(cast(sb.year as varchar) || ': ' || case when $lang = 'en' then sb.reason_en else sb.reason_vi end,
                      '; ' order by sb.year) as series_breaks
    from (select indicator_code, unnest(series_breaks) as sb from indicators)
    group by indicator_code
),
latest as (
    select r.indicator_code, r.batch_id, l.logged_at
    from results r
    left join logged l using (batch_id)
    qualify row_number() over (partition by r.indicator_code order by coalesce(l.seq, 0) desc, r.batch_id desc) = 1
)
select
    i.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as name,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    case when $lang = 'en' then i.definition_en else i.definition_vi end as definition,
    case when $lang = 'en' then i.source_en else i.source_vi end as source,
    case when $lang = 'en' then m.abbr_en else m.abbr_vi end as ministry,
    i.pillar_code,
    case when $lang = 'en' then p.name_en else p.name_vi end as pillar,
    i.aggregation,
    i.weight_kind,
    cast(i.decimals as integer) as decimals,
    i.scale,
    i.higher_is_better,
    b.series_breaks,
    c.first_year,
    c.last_year,
    coalesce(c.n_years, 0) as n_years,
    coalesce(c.n_provinces_63, 0) as n_provinces_63,
    coalesce(c.n_provinces_34, 0) as n_provinces_34,
    coalesce(c.n_province_years, 0) as n_province_years,
    coalesce(c.n_national_years, 0) as n_national_years,
    l.batch_id as latest_batch,
    l.logged_at as latest_batch_at
from indicators i
left join cov c using (indicator_code)
left join latest l using (indicator_code)
left join breaks b using (indicator_code)
left join ministries m on m.ministry_code = i.ministry_code
left join pillars p on p.pillar_code = i.pillar_code
order by i.sort_order, i.indicator_code
