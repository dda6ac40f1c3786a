"""Canonical keys, before claims are aligned on (subject, metric, period):

* subject: the lexicon entry of the canonical label (else of the subject as written), so 快手APP,
  Kuaishou and 快手 are one entity. A platform is the same subject as its operator when the
  operator is named after it (快手 / 快手科技, 京东 / 京东集团, 美团 / 美团): news names the company
  by its flagship app. A platform whose operator runs others under other names stays apart
  (微信 is not 腾讯, 抖音 is not 字节跳动, 快手极速版 is not 快手科技). Names not in the lexicon
  are compared in Simplified, case-folded form.
* metric: ``metric_key`` (the lexicon's canonical metric), else the lexicon entry of the wording
  (DAU / 日活跃用户 / 日活), else the wording itself, Simplified and case-folded.
* unit: families from ``ontology/unit_families.tsv`` (CNY, percent, points, duration, number …);
  figures of different families are never compared (a percent is never compared with percentage
  points).
* period: its kind (year, half, quarter …), and the note ``ontology/period_pairs.tsv`` gives a
  pair of kinds.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache
from typing import Optional

from ..model import Claim
from ..nlp.lexicon import LexEntry, MetricEntry, fold, load_lexicon
from .tolerance import tables


def _plain(text: str) -> str:
    """Simplified, case-folded, without spaces and punctuation: the key of an unlinked name."""
    from ..nlp.lexicon import _t2s

    t = _t2s().convert(unicodedata.normalize("NFKC", text))
    return fold(re.sub(r"[\s\W_]+", "", t)) or fold(text)


@cache
def entity_key(label: str, text: Optional[str] = None) -> tuple[str, str]:
    """(key, display label) of a subject, linked through the lexicon (see the module doc).

    >>> entity_key("快手")[0] == entity_key("快手科技")[0] == entity_key("Kuaishou")[0]
    True
    >>> entity_key("微信")[0] == entity_key("腾讯")[0]
    False
    """
    lex = load_lexicon()
    for s in (label, text):
        if not s:
            continue
        entries = [e for e in lex.by_surface(s) if isinstance(e, LexEntry)]
        if not entries:
            continue
        e = next((x for x in entries if x.cls in ("Company", "Organization")), entries[0])
        if e.cls == "Platform" and e.related:
            op = next((x for x in lex.entities if x.label == e.related and x.cls in ("Company", "Organization")), None)
            if op is not None and op.label.startswith(e.label):
                e = op
        return e.key, e.label
    return f"name:{_plain(label)}", label


@cache
def metric_key_of(metric: str, key: Optional[str] = None) -> tuple[str, str]:
    """(key, display label) of a metric: its lexicon key, else the lexicon entry of the wording,
    else the wording in plain form.

    >>> metric_key_of("DAU") == metric_key_of("日活") == metric_key_of("平均日活", "Metric:日活跃用户")
    True
    """
    lex = load_lexicon()
    if key:
        entry = lex.entity(key)
        return key, entry.label if entry else key.split(":", 1)[-1]
    entries = [e for e in lex.by_surface(metric) if isinstance(e, MetricEntry)]
    if entries:
        return entries[0].key, entries[0].label
    return f"wording:{_plain(metric)}", metric


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
