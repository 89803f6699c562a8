-- Invariant: for ratio indicators with numerator and denominator, value = numerator / denominator * scale,
--            the denominator is positive and the numerator not negative.
-- Grain: one row per inconsistent result (must return zero rows).
-- Parameters: none.
select r.indicator_code, r.area_id, r.year, r.breakdown, r.value, r.numerator, r.denominator, i.scale
from results_latest r
join indicators i using (indicator_code)
where i.aggregation = 'ratio'
  and r.numerator is not null and r.denominator is not null
  and (r.denominator <= 0 or r.numerator < 0
       or abs(r.value - r.numerator / r.denominator * i.scale) > 1e-6 * greatest(1, abs(r.value)))
