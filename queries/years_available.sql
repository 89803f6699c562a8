-- Question: which years does the dataset hold results for?
-- Grain: one row per year with at least one result.
-- Parameters: none.
select cast(year as integer) as year, count(*) as n_results
from results
group by year
order by year
