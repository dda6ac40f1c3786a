"""Metric names of the lexicon in a text (DAU, 日活跃用户, 营收 …), and the common words no name or
metric runs into (``name_traps``: 流水 in 流水线, 中国 in 其中国内)."""
from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..names import name_pattern
from ..patterns import load_patterns

_METRIC_RX: dict[int, tuple[re.Pattern[str], dict[str, object]]] = {}


def metric_spans(text: str, lex: Lexicon) -> list[tuple[int, int, object]]:
    """Lexicon metric mentions (DAU, 日活跃用户, 营收 …) in ``text`` as (start, end, entry), none
    inside a longer common word (``name_traps``: 流水 in 流水线)."""
    hit = _METRIC_RX.get(id(lex))
    if hit is None:
        table = {s.lower(): e for e in lex.metrics for s in e.surfaces}
        hit = _METRIC_RX[id(lex)] = (name_pattern(table, edge="A-Za-z"), table)
    rx, table = hit
    traps = trap_spans(text)  # 流水 in 流水线 is no metric
    return [(m.start(), m.end(), table[m.group(0).lower()]) for m in rx.finditer(text)
            if not in_trap(m.start(), m.end(), traps)]


def trap_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the common words that names must not run into (``name_traps``)."""
    rx = load_patterns().name_traps
    return [t.span() for t in rx.finditer(text)] if rx else []


def in_trap(start: int, end: int, traps: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end and not (start <= a and b <= end) for a, b in traps)
