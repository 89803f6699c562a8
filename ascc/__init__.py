"""ASCC / Project 161 dashboard: UI-free code (settings, data access, i18n, charts, progress)."""

__version__ = "0.1.0"
