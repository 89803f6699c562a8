-- View: province_results — every province value on both boundary sets, reported or rebuilt.
-- Grain: one row per indicator x province (P63-* and P34-*) x year x breakdown.
-- Parameters: none (a view; queries filter it).
-- Rules:
--   * Reported rows are taken as they are (derived = false).
--   * A new province (34 set) in a year it did not report (years before 2025) is rebuilt from its
--     former provinces through the lineage, by the indicator's aggregation rule:
--       ratio          sum(numerators) / sum(denominators) * scale   (never an average of rates)
--       weighted_mean  sum(value * weight) / sum(weight)
--       sum            sum(value)
--       mean           plain mean of the member values (indices are not summed or weighted)
--     Rebuilt rows are marked derived = true. A rebuilt value needs every former province to have
--     reported (and, for ratios and weighted means, numerator/denominator or weight): otherwise value is
--     NULL and complete = false, because a partial sum would silently understate the province.
--   * The status of a rebuilt value is the weakest of its members (estimated < preliminary < final).
create or replace view province_results as
with rep as (
    select r.indicator_code, r.area_id, cast(r.year as integer) as year, r.breakdown, r.value,
           r.numerator, r.denominator, r.weight, r.status, r.source, a.boundary_set
    from results r
    join areas a using (area_id)
    where a.level = 'province'
),
members as (
    select successor_id, count(*) as n_members from lineage group by successor_id
),
rebuilt as (
    select
        rep.indicator_code,
        l.successor_id as area_id,
        rep.year,
        rep.breakdown,
        case any_value(i.aggregation)
            when 'ratio' then
                case when count(rep.numerator) = count(*) and count(rep.denominator) = count(*)
                     then sum(rep.numerator) / nullif(sum(rep.denominator), 0) * any_value(i.scale) end
            when 'weighted_mean' then
                case when count(rep.weight) = count(*)
                     then sum(rep.value * rep.weight) / nullif(sum(rep.weight), 0) end
            when 'sum' then sum(rep.value)
            else avg(rep.value)
        end as value,
        sum(rep.numerator) as numerator,
        sum(rep.denominator) as denominator,
        sum(rep.weight) as weight,
        case min(case rep.status when 'estimated' then 0 when 'preliminary' then 1 else 2 end)
            when 0 then 'estimated' when 1 then 'preliminary' else 'final' end as status,
        string_agg(distinct rep.source, '; ') as source,
        count(rep.value) as n_reported,
        any_value(m.n_members) as n_members
    from rep
    join lineage l on l.former_id = rep.area_id
    join members m on m.successor_id = l.successor_id
    join indicators i on i.indicator_code = rep.indicator_code
    where rep.boundary_set = '63' and rep.value is not null
    group by rep.indicator_code, l.successor_id, rep.year, rep.breakdown
)
select indicator_code, area_id, boundary_set, year, breakdown, value, numerator, denominator, weight,
       status, source, false as derived, true as complete, 1 as n_reported, 1 as n_members
from rep
union all
select b.indicator_code, b.area_id, '34' as boundary_set, b.year, b.breakdown,
       case when b.n_reported = b.n_members then b.value end as value,
       b.numerator, b.denominator, b.weight, b.status, b.source,
       true as derived, b.n_reported = b.n_members and b.value is not null as complete,
       b.n_reported, b.n_members
from rebuilt b
where not exists (
    select 1 from rep
    where rep.indicator_code = b.indicator_code and rep.area_id = b.area_id
      and rep.year = b.year and rep.breakdown = b.breakdown
)
