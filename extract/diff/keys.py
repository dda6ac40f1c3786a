"""Canonical keys, before claims are aligned on (subject, metric, period):

* subject and metric: :func:`entity_key` and :func:`metric_key_of` of
  :mod:`extract.graph.labels`, the one rule the saved queries also resolve names by (快手APP,
  Kuaishou, 快手 and 快手科技 are one subject; DAU, 日活 and 日活跃用户 one metric).
* unit: families from ``ontology/unit_families.tsv`` (CNY, percent, points, duration, number …);
  figures of different families are never compared (a percent is never compared with percentage
  points).
* period: its kind (year, half, quarter …), and the note ``ontology/period_pairs.tsv`` gives a
  pair of kinds.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from ..graph.labels import entity_key, metric_key_of  # noqa: F401  (re-exported: the keys of diff)
from ..model import Claim
from .tolerance import tables


def _is_points(c: Claim) -> bool:
    if c.surface and re.search("百分点|基点", c.surface):
        return True
    return c.unit == "percent" and c.is_change_claim() and any(ch.kind == "abs" for ch in c.changes())


def unit_family(c: Claim) -> tuple[str, Decimal]:
    """(family, factor to the family's base) of a claim's unit; percentage points are ``points``.

    >>> from extract.model import Evidence
    >>> ev = Evidence(text="x", start=0, end=1, raw_start=0, raw_end=1)
    >>> unit_family(Claim(subject="s", metric="m", value=2, unit="hours", evidence=ev))
    ('duration', Decimal('3600'))
    """
    unit = "points" if _is_points(c) else c.unit
    row = tables().families.get(unit)
    return (row.family, row.factor) if row else (unit, Decimal(1))


def sense(c: Claim) -> str:
    """``level`` for a figure, ``change:<kind>`` for a bare change (订单量同比增长14.5%)."""
    if c.is_change_claim():
        kinds = sorted({ch.kind for ch in c.changes() if ch.value == c.value})
        return "change:" + "+".join(kinds)
    return "level"


def period_kind(code: Optional[str]) -> str:
    """year half quarter month day span asof none.

    >>> [period_kind(p) for p in ("2020", "2020Q4", "2020H1", "2021-03", "2023-01/2023-09", "asof:2020-12", None)]
    ['year', 'quarter', 'half', 'month', 'span', 'asof', 'none']
    """
    if not code:
        return "none"
    if code.startswith("asof:"):
        return "asof"
    if "/" in code:
        return "span"
    if "Q" in code:
        return "quarter"
    if "H" in code:
        return "half"
    return {4: "year", 7: "month", 10: "day"}.get(len(code), "year")


def period_note(pa: Optional[str], pb: Optional[str]) -> str:
    ka, kb = period_kind(pa), period_kind(pb)
    notes = tables().period_notes
    key = frozenset(("same",)) if ka == kb else frozenset((ka, kb))
    return notes.get(key, f"a {ka} against a {kb}: not comparable as they stand")
