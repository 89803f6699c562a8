"""Source credits from the rows a chart, table, slide or download shows (not from the indicator catalogue)."""

from __future__ import annotations

import pandas as pd


def credit(rows: pd.DataFrame | None, fallback: str = "") -> str:
    """The distinct sources of the rows (a rebuilt or computed row lists its members' sources), in a stable
    order; the fallback (the catalogue's source) only when the rows name none."""
    if rows is None or "source" not in rows.columns:
        return fallback
    seen: list[str] = []
    for value in rows["source"].dropna():
        for part in str(value).split("; "):
            part = part.strip()
            if part and part not in seen:
                seen.append(part)
    return "; ".join(sorted(seen)) if seen else fallback
