"""Real-browser tests (Playwright driving Debian's chromium against `streamlit run app.py`)."""
