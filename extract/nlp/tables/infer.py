"""Columns of a text table that its header does not name, told by the figures of its rows.

A flattened header loses words a table still has columns for: a US$ column restating the
current quarter's RMB figures (``总收入 31,000 4,290``), a change column whose word the reader
does not know. The rows say what such a column is, or nothing is read:

- a **restatement** (:func:`restatement`): every row's figure is the figure of the column before
  times one rate (within the rounding of the printed figures), at least two rows, not the same
  figures; it is no claim;
- a **change** (:func:`change_kind`): the percentage is the change of the current period's
  figure against one other column's, the same column in every row that shows one (at least two
  rows): ``yoy`` or ``qoq`` as the two periods are a year or a quarter apart;
- a change **beside those the header names** (``YoY`` over two percentages): its kind is told by
  the periods (:func:`period_relation`), and the figures must not say otherwise (:func:`agrees`).
"""
from __future__ import annotations

import re

from .cells import cell_number
from .columns import _relation

#: the header word a change column told by the figures gets, by kind
CHANGE_WORDS = {"yoy": "同比", "qoq": "环比"}


def _num(cells, k: int):
    c = cells[k] if k < len(cells) else None
    return cell_number(c[0]) if c else None


def restatement(rows, k: int) -> bool:
    """Are the cells of column ``k`` (0-based among a row's cells) the figures of column ``k - 1``
    in another currency?

    >>> rows = [(None, [("31,000", 0, 0), ("4,290", 0, 0)], 0, 0), (None, [("5,000", 0, 0), ("692", 0, 0)], 0, 0)]
    >>> restatement(rows, 1), restatement(rows[:1], 1)
    (True, False)
    """
    pairs = []
    for _, cells, _, _ in rows:
        x, y = _num(cells, k - 1), _num(cells, k)
        if x and y and not x[1] and not y[1] and x[0]:
            pairs.append((x[0], y[0], len(cells[k][0].partition(".")[2])))
    if len(pairs) < 2:
        return False
    rates = sorted(y / x for x, y, _ in pairs)
    rate = rates[len(rates) // 2]
    if abs(rate - 1) < 0.02:
        return False
    return all(abs(y - x * rate) <= max(0.6 * 10 ** -dec, 0.006 * abs(y)) for x, y, dec in pairs)


def change_kind(rows, values: list[tuple[int, str | None]], current: int, k: int) -> str | None:
    """The kind of the change in column ``k``: ``values`` are the value columns (index, period),
    ``current`` the index of the current period's; ``None`` when the rows do not say.

    >>> rows = [(None, [("31,000", 0, 0), ("30,100", 0, 0), ("33,500", 0, 0), ("3%", 0, 0)], 0, 0),
    ...         (None, [("5,000", 0, 0), ("4,000", 0, 0), ("4,500", 0, 0), ("25%", 0, 0)], 0, 0)]
    >>> change_kind(rows, [(0, "2024Q1"), (1, "2023Q1"), (2, "2023Q4")], 0, 3)
    'yoy'
    """
    votes: dict[int, int] = {}
    misses = 0
    for _, cells, _, _ in rows:
        cur, d = _num(cells, current), _num(cells, k)
        if not cur or not d or cur[1] or d[1] != "%" or cur[0] <= 0:
            continue
        dec = len(cells[k][0].rstrip("%)） \n").partition(".")[2])
        hits = []
        for j, _ in values:
            v = _num(cells, j)
            if j == current or not v or v[1] or v[0] <= 0:
                continue
            if abs((cur[0] / v[0] - 1) * 100 - d[0]) <= 0.5 * 10 ** -dec + 0.05:
                hits.append(j)
        if len(hits) == 1:
            votes[hits[0]] = votes.get(hits[0], 0) + 1
        elif not hits:
            misses += 1  # a percentage that is no change of this row's figures
    if len(votes) != 1 or sum(votes.values()) < 2 or misses * 4 > sum(votes.values()):
        return None
    base = dict(values)[next(iter(votes))]
    cur_period = dict(values)[current]
    return _relation(cur_period, base) if cur_period and base else None


def period_relation(cur: str | None, base: str | None) -> str | None:
    """``yoy`` when ``base`` is the period ``cur`` a year before, ``qoq`` when it is the quarter
    (half) just before, else ``None``.

    >>> period_relation("2024Q1", "2023Q1"), period_relation("2024Q1", "2023Q4"), period_relation("2024Q1", "2023Q3")
    ('yoy', 'qoq', None)
    >>> period_relation("2024", "2023"), period_relation("2024H1", "2023H2")
    ('yoy', 'qoq')
    """
    if not cur or not base:
        return None
    a, b = re.fullmatch(r"(\d{4})(\D.*)?", cur), re.fullmatch(r"(\d{4})(\D.*)?", base)
    if not a or not b:
        return None
    if a.group(2) == b.group(2) and int(a.group(1)) - int(b.group(1)) == 1:
        return "yoy"
    if a.group(2) and b.group(2) and _relation(cur, base) == "qoq":
        return "qoq"
    return None


def agrees(rows, current: int, base: int, k: int) -> bool:
    """Do the percentages of column ``k`` agree with the change of column ``current``'s figures
    against column ``base``'s (within their rounding), in every row but a few (one in five)
    that can show it?

    >>> rows = [(None, [("31,000", 0, 0), ("30,100", 0, 0), ("3 %", 0, 0)], 0, 0),
    ...         (None, [("5,000", 0, 0), ("4,000", 0, 0), ("25%", 0, 0)], 0, 0)]
    >>> agrees(rows, 0, 1, 2), agrees(rows, 1, 0, 2)
    (True, False)
    """
    hits = misses = 0
    for _, cells, _, _ in rows:
        cur, b, d = _num(cells, current), _num(cells, base), _num(cells, k)
        if not cur or not b or not d or cur[1] or b[1] or d[1] != "%" or cur[0] <= 0 or b[0] <= 0:
            continue
        dec = len(cells[k][0].rstrip("%)） \n").partition(".")[2])
        if abs((cur[0] / b[0] - 1) * 100 - d[0]) <= 0.5 * 10 ** -dec + 0.05:
            hits += 1
        else:
            misses += 1
    return misses * 4 <= hits
