"""Where many articles disagree: the conflicts of a corpus, by diff's own rule.

Two articles conflict on a slot (canonical subject, metric, period, sense and unit family,
:mod:`extract.diff.keys`) when :func:`extract.diff.align.diff_documents` of the two would call a
pair of their claims conflicting: a figure of one admits no figure of the other (stated precision
and hedge, :mod:`extract.diff.tolerance`), or two agreeing figures come with changes that
disagree. The HTML report and ``zhkg diff`` use this one rule, so 2.71亿 against 约2.7亿 is no
conflict in either. Claims without a period are never in conflict (diff pairs them as the same or
leaves them).

:func:`find_conflicts` returns one :class:`ConflictGroup` per slot where two articles or more
disagree, with the distinct values and the articles stating each.

>>> from extract.model import Claim, Document, Evidence
>>> ev = Evidence(text="x", start=0, end=1, raw_start=0, raw_end=1)
>>> def doc(i, surface, value, q=None):
...     c = Claim(subject="快手", metric="日活", value=value, unit="users", period="2020Q4",
...               surface=surface, qualifier=q, evidence=ev)
...     return Document(id=f"d{i}#1", source="-", sha256="0", text="x", claims=[c])
>>> find_conflicts([doc(1, "2.71亿", 2.71e8), doc(2, "2.7亿", 2.7e8, "约")])
[]
>>> [g.values() for g in find_conflicts([doc(1, "2.71亿", 2.71e8), doc(2, "2.71亿", 2.71e8), doc(3, "3.2亿", 3.2e8)])]
[[('2.71亿', 271000000.0, ['d1#1', 'd2#1']), ('3.2亿', 320000000.0, ['d3#1'])]]
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from ..model import Claim, Document
from .align import SourcedClaim, _Item, _item, _match_slot, _show, sourced


@dataclass
class ConflictGroup:
    """The claims of several articles on one slot, two articles or more disagreeing."""

    subject: str  # display labels, as diff prints them
    metric: str
    period: str
    unit: str  # the unit family (CNY, percent, users …)
    sense: str  # level, or change:yoy …
    claims: list[SourcedClaim]

    @property
    def documents(self) -> list[str]:
        return sorted({s.doc for s in self.claims})

    def values(self) -> list[tuple[str, float, list[str]]]:
        """The distinct values stated, as written (hedge word first), each with the value in
        base units and the articles stating it; by value."""
        out: dict[str, tuple[float, set[str]]] = {}
        for s in self.claims:
            shown = shown_value(s.claim)
            out.setdefault(shown, (s.claim.value, set()))[1].add(s.doc)
        return [(k, v, sorted(ds)) for k, (v, ds) in sorted(out.items(), key=lambda t: (t[1][0], t[0]))]


def shown_value(c: Claim) -> str:
    """A claim's figure as written, its hedge word first (``约3800亿元``)."""
    s = _show(c)
    return f"{c.qualifier}{s}" if c.qualifier and not s.startswith(c.qualifier) else s


def _signature(items: list[_Item]) -> tuple:
    """What the rule looks at in one article's claims on a slot: intervals and changes."""
    return tuple(sorted((str(it.interval), tuple((ch.kind, ch.value, ch.text or "") for ch in it.claim.changes()))
                        for it in items))


def find_conflicts(docs: Iterable[Document | SourcedClaim], rtol: float = 0.0) -> list[ConflictGroup]:
    """The slots on which two articles or more of ``docs`` disagree (see the module doc), ordered
    by subject, metric and period. Articles that state the same figures are compared once."""
    slots: dict[tuple, dict[str, list[_Item]]] = {}
    for s in sourced(list(docs)):
        if not s.claim.period:
            continue
        it = _item(s, rtol)
        slots.setdefault((it.subject, it.metric, it.slot), {}).setdefault(s.doc, []).append(it)
    out = []
    for key, by_doc in slots.items():
        if len(by_doc) < 2:
            continue
        kinds: dict[tuple, list[_Item]] = {}
        for items in by_doc.values():
            kinds.setdefault(_signature(items), items)
        if any(p.category == "conflicting"
               for xs, ys in combinations(kinds.values(), 2) for p in _match_slot(xs, ys, "", "", rtol)):
            first = next(iter(by_doc.values()))[0]
            sense, family, period = key[2]
            out.append(ConflictGroup(first.subject_label, first.metric_label, period, family, sense,
                                     [it.src for items in by_doc.values() for it in items]))
    out.sort(key=lambda g: (g.subject, g.metric, g.period, g.sense, g.unit))
    return out


__all__ = ["ConflictGroup", "find_conflicts", "shown_value"]
