"""All the tables flattened into a text: the market tables (rows are companies, :mod:`.market_text`),
the analysts' forecast tables (years marked A/E, :mod:`.forecast`) and the statistics bulletins'
indicator tables (:mod:`.indicators`) first, then the results
tables (rows are metrics, :mod:`.text`) around them; a market table's header would otherwise pass
for the periods of a results table whose rows are its companies."""
from __future__ import annotations

from .forecast import find_forecast_tables
from .indicators import find_indicator_tables
from .market_text import find_market_tables
from .text import TextTable
from .text import find_tables as find_results_tables


def find_tables(text: str, period: str | None = None) -> list[TextTable]:
    """The tables of ``text`` (normalized article text), in order, numbered from 1; ``period`` is
    the one the article reports on (its frame's), for the relative headers of results tables."""
    market = find_market_tables(text)
    market += [t for t in find_forecast_tables(text) if not any(a < t.end and t.start < b for a, b in
                                                              ((m.start, m.end) for m in market))]
    market += [t for t in find_indicator_tables(text) if not any(a < t.end and t.start < b for a, b in
                                                               ((m.start, m.end) for m in market))]
    out = sorted(market + find_results_tables(text, [(t.start, t.end) for t in market], period), key=lambda t: t.start)
    for k, t in enumerate(out, 1):
        t.table.index = k
    return out
