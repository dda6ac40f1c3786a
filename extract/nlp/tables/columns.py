"""A table's columns: a period's figures, a change (yoy, qoq) or notes, read from the header."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import _CHANGE, _YEAR, _latin_periods, cn_years, header_currency, header_period


@dataclass
class Column:
    """A column of a table: ``value`` (a period's figures), ``change`` (the change of the
    current period's figure: ``yoy``, ``qoq``, or ``None`` when the periods decide) or ``note``."""

    index: int
    kind: str
    header: str = ""
    period: str | None = None
    change_kind: str | None = None
    currency: str | None = None  # a currency the column's own header names (US$ beside RMB)


def table_columns(header: list[list[str]], ncols: int) -> list[Column]:
    """The columns ``1..ncols-1`` of a table whose header rows are ``header`` (cell texts): each
    column's period from its own header completed by the header text that names no year."""
    from .words import table_words

    words = table_words()
    context = " ".join(x for r in header for x in r if x and not _YEAR.search(_latin_periods(cn_years(x))))
    cols = []
    for j in range(1, ncols):
        own = " ".join(r[j] for r in header if j < len(r) and r[j])
        if any(own.strip().startswith(n) for n in words.note) and not _YEAR.search(own):
            cols.append(Column(j, "note", own))
            continue
        kind = words.change_kind(own)
        if kind is not None or (own and _CHANGE.search(own) and header_period(own, context) is None):
            cols.append(Column(j, "change", own, change_kind=kind if kind in ("yoy", "qoq") else None))
            continue
        cols.append(Column(j, "value", own, header_period(own, context), currency=header_currency(own)))
    values = [c for c in cols if c.kind == "value"]
    # a column restating another period's figures in another currency (a convenience
    # translation: 2024年第一季度 美元 beside 人民币) is no claim of its own
    for c in values:
        twin = [d for d in values if d is not c and d.period == c.period and d.currency != c.currency]
        if twin and c.currency and any(d.index < c.index for d in twin):
            c.kind = "restated"
        # the same period again right after, neither naming its currency (the sign is in the
        # cells: RMB 31,000 US$ 4,290): the translation of the column before
        before = next((d for d in values if d.index == c.index - 1), None)
        if before is not None and c.period and before.period == c.period and not (c.currency or before.currency):
            c.kind = "restated"
    values = [c for c in cols if c.kind == "value"]
    latest = current_column(values)
    for c in cols:
        if c.kind == "change" and c.change_kind is None and latest is not None:
            base = _base_column(c, values, latest)
            c.change_kind = _relation(latest.period, base.period if base else None)
    return cols


def current_column(values: list[Column]) -> Column | None:
    """The value column of the latest period (the first such column)."""
    dated = [c for c in values if c.period]
    if not dated:
        return values[0] if values else None
    return max(dated, key=lambda c: (_period_key(c.period), -c.index))


def _period_key(p: str) -> tuple:
    m = re.match(r"(?:asof:)?(\d{4})(?:-(\d{2})|Q(\d)|H(\d))?", p)
    if not m:
        return (0,)
    y = int(m.group(1))
    end = int(m.group(2) or 0) or (int(m.group(3)) * 3 if m.group(3) else 0) or \
        (int(m.group(4)) * 6 if m.group(4) else 12)
    return (y, end)


def _base_column(change: Column, values: list[Column], latest: Column) -> Column | None:
    """The value column a change column compares the current one with: the nearest one to its
    left that is not the current one, else the nearest other."""
    others = [c for c in values if c is not latest]
    left = [c for c in others if c.index < change.index]
    if left:
        return max(left, key=lambda c: c.index)
    return others[0] if others else None


def _relation(cur: str | None, base: str | None) -> str:
    """``qoq`` when ``base`` is the quarter (half) before ``cur``, else ``yoy``.

    >>> _relation("2024Q1", "2023Q4"), _relation("2024Q1", "2023Q1"), _relation("2024", "2023")
    ('qoq', 'yoy', 'yoy')
    """
    if not cur or not base:
        return "yoy"
    a, b = re.fullmatch(r"(\d{4})([QH])(\d)", cur), re.fullmatch(r"(\d{4})([QH])(\d)", base)
    if a and b and a.group(2) == b.group(2):
        per = 4 if a.group(2) == "Q" else 2
        n = lambda m: int(m.group(1)) * per + int(m.group(3))  # noqa: E731
        if n(a) - n(b) == 1:
            return "qoq"
    return "yoy"
