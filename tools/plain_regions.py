"""The reference page of the load test: the Regions question answered as a Streamlit user often writes it.

On every rerun it reads every result file with pandas, keeps the latest batch, rebuilds the 34 new
provinces from the former ones, ranks them on the chosen indicator and year, and draws the ranking and
the regional averages with plotly express: no query engine, no cache. The numbers are the same as the
app's (tools.bench.pandas_ranking is checked against the app's queries in the benchmark). Run by
``python -m ascc bench --load``; not part of the dashboard.
"""

import pandas as pd
import plotly.express as px
import streamlit as st

from ascc import settings
from tools.bench import pandas_ranking

st.set_page_config(page_title="Regions (plain pandas)", layout="wide")
data_dir = settings.data_dir()
indicators = pd.read_parquet(data_dir / "indicators.parquet")
codes = list(indicators["indicator_code"])
years = sorted(int(p.name.split("=")[1]) for p in (data_dir / "results").glob("year=*"))
code = st.selectbox("Indicator", codes, index=codes.index(st.query_params.get("ind", codes[0])) if st.query_params.get("ind") in codes else 0)
year_text = st.query_params.get("year", str(years[-1]))
year = st.selectbox("Year", years, index=years.index(int(year_text)) if year_text.isdigit() and int(year_text) in years else len(years) - 1)

provinces, regions = pandas_ranking(data_dir, code, year)
areas = pd.read_parquet(data_dir / "areas.parquet").set_index("area_id")
ranking = provinces.dropna().sort_values().rename("value").to_frame().join(areas[["name_en", "region_code"]])
st.plotly_chart(px.bar(ranking, x="value", y="name_en", color="region_code", orientation="h",
                       title=f"{code} by province, {year}", height=900), use_container_width=True)  # fmt: skip
st.plotly_chart(px.bar(regions.rename("value").reset_index(), x="region_code", y="value", title=f"{code} by region, {year}"))
st.dataframe(ranking)
