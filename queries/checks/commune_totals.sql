-- Invariant: for ratio indicators, a province's communes add up to the province: where a province reported
--            a year and its communes did too, the communes' numerators and denominators sum to the
--            province's (commune figures are a split of the province's, not a second estimate).
-- Grain: one row per indicator x province x year x breakdown whose communes do not add up (must return zero rows).
-- Parameters: none.
with sums as (
    select r.indicator_code, c.parent_id as area_id, r.year, r.breakdown,
           sum(r.numerator) as num, sum(r.denominator) as den
    from results_latest r
    join areas c on c.area_id = r.area_id and c.level = 'commune'
    where starts_with(r.area_id, 'C')
    group by all
)
select s.*, p.numerator as province_num, p.denominator as province_den
from sums s
join results p on p.indicator_code = s.indicator_code and p.area_id = s.area_id and p.year = s.year
              and p.breakdown = s.breakdown
join indicators i on i.indicator_code = s.indicator_code
where i.aggregation = 'ratio'
  and (abs(s.num - p.numerator) > 0.5 or abs(s.den - p.denominator) > 0.5)
