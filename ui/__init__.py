"""Streamlit glue shared by app.py and the pages: the sidebar, URL state, notices (the only UI package)."""
