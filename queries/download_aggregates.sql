-- Question: the one regional and national value of every indicator-year on each boundary set, as every page
--           shows it (published, or computed from the provinces with its coverage).
-- Grain: one row per boundary set x area (regions, VN) x indicator x year x breakdown (region_results).
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names and units
select
    g.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as indicator_name,
    g.boundary_set,
    g.area_id,
    area_label(case when $lang = 'en' then a.name_en else a.name_vi end, g.basis, g.n_reported, g.n_areas,
               g.pop_share, $lang) as area_name,
    g.year,
    g.breakdown,
    g.value,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    g.basis,
    g.estimated,
    g.n_reported,
    g.n_areas,
    g.pop_share,
    g.status,
    g.source,
    g.batch_id
from region_results g
join indicators i using (indicator_code)
join areas a using (area_id)
where g.value is not null
order by i.sort_order, g.indicator_code, g.boundary_set, g.year, a.level = 'nation', a.sort_order, g.breakdown
