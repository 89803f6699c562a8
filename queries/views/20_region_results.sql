-- View: region_results — the one regional and national value of every indicator-year, on each boundary set.
-- Grain: one row per boundary set ('63' or '34') x area (R-* region or VN) x indicator x year x breakdown.
-- Parameters: none (a view; queries filter it). Every page, deck, report and download reads regional and
--   national values here, so a number is the same wherever it is shown.
-- Rules: the policy.
--   * Published first. An aggregate delivered in a batch (a VN or R-* row of results) is shown as
--     published (basis = 'published'). The nation is the same territory on both boundary sets, so a
--     published national row applies to both. A region differs in territory between the sets, so a
--     published region row applies to one set only: the set of the provinces its batch delivered for
--     that year (NSO's 2025 tables are still on the 63 former provinces), else the set the indicator
--     was reported on that year, else the set in force on 31 December.
--   * Otherwise computed (basis = 'computed') from the provinces by the indicator's rule (the macros of
--     00_rules.sql), over the provinces that reported; n_reported / n_areas and pop_share (the reported
--     provinces' share of the population of the year) give its coverage, and a page never labels a
--     partial aggregate plainly as the nation or the region.
--       - a region of the 63 set from the former provinces; of the 34 set from the new provinces
--         (rebuilt ones before 2025, complete ones only). A new province that spans two regions belongs
--         to one region (areas.region_code; rule in data/README.md), so none is counted twice.
--       - the nation from the provinces as reported in the year (on the set they were reported on; the
--         new set if both), never from rebuilt values, so its value does not change with the boundary set.
--   * estimated = true when reference weights stood in for missing counts or weights ("estimated with
--     population weights"); gap says why a computed aggregate has no value ('no_weight').
--   * status: the published row's, else the weakest of the members; source: the published row's, else
--     the members' sources.
create or replace view region_results as
with set_years as (
    -- the boundary set in force on 31 December of each year with results
    select distinct cast(r.year as integer) as year, a.boundary_set
    from (select distinct year from results) r
    join areas a on a.level = 'province'
     and (a.valid_to is null or make_date(cast(r.year as integer), 12, 31) <= a.valid_to)
     and (a.valid_from is null or make_date(cast(r.year as integer), 12, 31) >= a.valid_from)
),
reported as (
    -- the set an indicator's provinces were reported on in a year (NSO published 2025 on the 63 former
    -- provinces); when both were, the new one ('34' sorts first)
    select indicator_code, year, min(boundary_set) as boundary_set
    from province_results
    where not derived and value is not null
    group by all
),
batch_sets as (
    -- the set of the provinces a batch delivered for a year: a region row of the same table is on it
    select r.batch_id, cast(r.year as integer) as year, min(a.boundary_set) as boundary_set
    from results r join areas a using (area_id)
    where a.level = 'province'
    group by all
),
pop as (
    select area_id, year, value as population from area_weights where weight_kind = 'population'
),
prov as (
    select p.*, a.region_code, i.aggregation, i.scale, pop.population
    from province_results p
    join areas a using (area_id)
    join indicators i using (indicator_code)
    left join pop on pop.area_id = p.area_id and pop.year = p.year
),
members as (
    -- the provinces with a value: regions on their own set; the nation on the set reported, from
    -- reported values only
    select boundary_set, 'R-' || region_code as area_id, boundary_set as value_set, * exclude (boundary_set)
    from prov
    where value is not null
    union all
    select s.boundary_set, 'VN', p.boundary_set, p.* exclude (boundary_set)
    from prov p
    join reported y on y.indicator_code = p.indicator_code and y.year = p.year and y.boundary_set = p.boundary_set
    cross join (values ('63'), ('34')) s(boundary_set)
    where not p.derived and p.value is not null
),
totals as (
    -- provinces and population of each region and of the nation, per set and year
    select a.boundary_set, 'R-' || a.region_code as area_id, pop.year, count(*) as n_areas,
           sum(pop.population) as population
    from areas a join pop using (area_id)
    where a.level = 'province'
    group by all
    union all
    select a.boundary_set, 'VN', pop.year, count(*), sum(pop.population)
    from areas a join pop using (area_id)
    where a.level = 'province'
    group by all
),
computed as (
    select
        m.boundary_set, m.area_id, m.indicator_code, m.year, m.breakdown,
        rule_value(any_value(m.aggregation), m.value, m.numerator, m.denominator, m.weight,
                   any_value(m.scale)) as value,
        rule_numerator(m.value, m.numerator, m.denominator) as numerator,
        rule_denominator(m.value, m.numerator, m.denominator) as denominator,
        rule_weight(m.value, m.weight) as weight,
        weakest_status(m.status) as status,
        string_agg(distinct m.source, '; ' order by m.source) as source,
        bool_or(m.derived) as derived,
        rule_estimated(any_value(m.aggregation), m.value, m.numerator, m.denominator, m.weight,
                       m.weight_ref) as estimated,
        rule_gap(any_value(m.aggregation), m.value, m.numerator, m.denominator, m.weight) as gap,
        count(m.value) as n_reported,
        sum(m.population) as population_reported,
        any_value(m.value_set) as value_set
    from members m
    group by m.boundary_set, m.area_id, m.indicator_code, m.year, m.breakdown
),
published as (
    select s.boundary_set, r.area_id, r.indicator_code, cast(r.year as integer) as year, r.breakdown,
           r.value, r.numerator, r.denominator, r.weight, r.status, r.source, r.batch_id
    from results r
    join areas a using (area_id)
    cross join (values ('63'), ('34')) s(boundary_set)
    left join batch_sets b on b.batch_id = r.batch_id and b.year = cast(r.year as integer)
    left join reported y on y.indicator_code = r.indicator_code and y.year = cast(r.year as integer)
    where r.value is not null
      and (a.level = 'nation'
           or (a.level = 'region' and s.boundary_set = coalesce(b.boundary_set, y.boundary_set, (
                select min(d.boundary_set) from set_years d where d.year = cast(r.year as integer)))))
)
select p.boundary_set, p.area_id, p.indicator_code, p.year, p.breakdown, p.value, p.numerator,
       p.denominator, p.weight, p.status, p.source, p.batch_id,
       'published' as basis, false as derived, false as estimated, cast(null as varchar) as gap,
       cast(t.n_areas as integer) as n_reported, cast(t.n_areas as integer) as n_areas,
       1.0 as pop_share
from published p
left join totals t on t.boundary_set = p.boundary_set and t.area_id = p.area_id and t.year = p.year
union all
select c.boundary_set, c.area_id, c.indicator_code, c.year, c.breakdown, c.value, c.numerator,
       c.denominator, c.weight, c.status, c.source, cast(null as varchar) as batch_id,
       'computed' as basis, coalesce(c.derived, false) as derived, coalesce(c.estimated, false),
       c.gap, cast(c.n_reported as integer), cast(t.n_areas as integer) as n_areas,
       c.population_reported / nullif(t.population, 0) as pop_share
from computed c
left join totals t on t.boundary_set = c.value_set and t.area_id = c.area_id and t.year = c.year
where not exists (
    select 1 from published p
    where p.boundary_set = c.boundary_set and p.area_id = c.area_id and p.indicator_code = c.indicator_code
      and p.year = c.year and p.breakdown = c.breakdown
)
