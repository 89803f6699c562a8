-- View: region_results — regional and national aggregates computed from the provinces of a boundary set.
-- Grain: one row per boundary set ('63' or '34') x area (R-* region or VN) x indicator x year x breakdown.
-- Parameters: none (a view; queries filter it).
-- Rules: the same aggregation rules as province_results, applied to the provinces of the chosen set
--   (on the 34 set, rebuilt values for years before 2025). A new province that spans two GSO regions
--   belongs to one region only (areas.region_code; the rule is documented in data/README.md), so no
--   province is counted twice. Provinces without a value are left out and counted in n_missing.
--   The 63 set has no 2025 values (2025 is reported on the new boundaries only).
create or replace view region_results as
with prov as (
    select p.*, a.region_code, i.aggregation, i.scale
    from province_results p
    join areas a using (area_id)
    join indicators i using (indicator_code)
),
grouped as (
    select boundary_set, 'R-' || region_code as area_id, indicator_code, year, breakdown, aggregation, scale,
           value, numerator, denominator, weight, status, derived
    from prov
    union all
    select boundary_set, 'VN', indicator_code, year, breakdown, aggregation, scale,
           value, numerator, denominator, weight, status, derived
    from prov
),
totals as (
    select a.boundary_set, 'R-' || a.region_code as area_id, count(*) as n_areas
    from areas a where a.level = 'province' group by all
    union all
    select a.boundary_set, 'VN', count(*) from areas a where a.level = 'province' group by all
)
select
    g.boundary_set,
    g.area_id,
    g.indicator_code,
    g.year,
    g.breakdown,
    case any_value(g.aggregation)
        when 'ratio' then sum(g.numerator) filter (where g.value is not null and g.denominator > 0)
                          / nullif(sum(g.denominator) filter (where g.value is not null and g.denominator > 0), 0)
                          * any_value(g.scale)
        when 'weighted_mean' then sum(g.value * g.weight) filter (where g.weight > 0)
                                  / nullif(sum(g.weight) filter (where g.weight > 0), 0)
        when 'sum' then sum(g.value)
        else avg(g.value)
    end as value,
    sum(g.numerator) filter (where g.value is not null) as numerator,
    sum(g.denominator) filter (where g.value is not null) as denominator,
    sum(g.weight) filter (where g.value is not null) as weight,
    case min(case g.status when 'estimated' then 0 when 'preliminary' then 1 else 2 end)
        when 0 then 'estimated' when 1 then 'preliminary' else 'final' end as status,
    bool_or(g.derived) as derived,
    count(g.value) as n_reported,
    any_value(t.n_areas) as n_areas
from grouped g
join totals t on t.boundary_set = g.boundary_set and t.area_id = g.area_id
group by g.boundary_set, g.area_id, g.indicator_code, g.year, g.breakdown
