-- Invariant: for ratio indicators, the groups of one breakdown dimension add up to the total
--            (numerators and denominators), where all of them are present.
-- Grain: one row per indicator x area x year x dimension that does not add up (must return zero rows).
-- Parameters: none.
with parts as (
    select indicator_code, area_id, year, split_part(breakdown, ':', 1) as dimension,
           sum(numerator) as num, sum(denominator) as den
    from results_latest
    where breakdown <> 'total' and numerator is not null
    group by all
)
select p.*, t.numerator as total_num, t.denominator as total_den
from parts p
join results_latest t on t.indicator_code = p.indicator_code and t.area_id = p.area_id
              and t.year = p.year and t.breakdown = 'total'
join indicators i on i.indicator_code = p.indicator_code
where i.aggregation = 'ratio'
  and (abs(p.num - t.numerator) > 0.5 or abs(p.den - t.denominator) > 0.5)
