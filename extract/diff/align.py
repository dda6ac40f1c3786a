"""Compare the numeric claims of two reports: what they share, where they disagree, what only one says.

:func:`diff_documents` takes two lists of :class:`~extract.model.Document` (or of claims) and
returns a :class:`DiffResult` sorting every claim into one of five categories:

* **same**: the two reports state the same subject, metric, period and sense, and the intervals
  their figures admit overlap;
* **conflicting**: same subject, metric, period and sense, intervals apart;
* **related**: same subject and metric, but a different period (2020Q4 vs 2020) or sense (a level
  vs a year-on-year change, percent vs money, percent vs percentage points): shown side by side,
  never a conflict;
* **only_a** / **only_b**: the other report says nothing on that subject and metric (or what it
  says is already paired with another claim).

Claims are aligned on canonical keys (:mod:`extract.diff.keys`: subject, metric, unit family,
period kind) and compared by the intervals their figures admit (:mod:`extract.diff.tolerance`:
stated precision and hedge).

>>> from extract.model import Claim, Evidence
>>> ev = Evidence(text="x", start=0, end=1, raw_start=0, raw_end=1)
>>> a = Claim(subject="快手", metric="日活", value=2.71e8, unit="users", period="2020Q4", surface="2.71亿", evidence=ev)
>>> b = Claim(subject="快手科技", metric="DAU", value=2.714e8, unit="users", period="2020Q4", surface="2.714亿", evidence=ev)
>>> [p.category for p in diff_documents([a], [b]).pairs]
['same']
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Optional, Union

from ..errors import ZhkgError
from ..model import Claim, Document
from ..nlp.lexicon import LexEntry, load_lexicon
from .keys import entity_key, metric_key_of, period_kind, period_note, sense, unit_family
from .tolerance import Interval, _dec, claim_interval

Category = Literal["same", "conflicting", "related", "only_a", "only_b"]
CATEGORIES: tuple[Category, ...] = ("conflicting", "same", "related", "only_a", "only_b")


# ---- the diff -------------------------------------------------------------------------------------

class ConflictsFound(ZhkgError):
    """Raised by the CLI after printing a diff with conflicts: exit status 1, like ``diff``."""

    exit_code = 1


@dataclass(frozen=True)
class SourcedClaim:
    """A claim with the report it came from: its document id and its IRI in that report's graph."""

    doc: str
    claim: Claim
    iri: str = ""


@dataclass
class _Item:
    src: SourcedClaim
    subject: str
    subject_label: str
    metric: str
    metric_label: str
    family: str
    sense: str
    interval: Interval

    @property
    def claim(self) -> Claim:
        return self.src.claim

    @property
    def slot(self) -> tuple:
        return (self.sense, self.family, self.claim.period)


def _item(s: SourcedClaim, rtol: float) -> _Item:
    c = s.claim
    # shown as the claim names its subject (the JSONL's subject_label, the graph's label), which
    # every command accepts; the key (which may be the operator's) only aligns
    subject, _ = entity_key(c.subject, c.subject_text)
    subject_label = c.subject
    metric, metric_label = metric_key_of(c.metric, c.metric_key)
    family, factor = unit_family(c)
    iv = claim_interval(c.value, c.surface, c.qualifier, c.upper, percent=c.unit == "percent")
    iv = iv.widened(rtol, _dec(c.value)).scaled(factor)
    return _Item(s, subject, subject_label, metric, metric_label, family, sense(c), iv)


@dataclass(frozen=True)
class Pair:
    """One line of the diff: a claim of A, of B, or both, with its category and why."""

    category: Category
    subject: str
    metric: str
    a: Optional[SourcedClaim] = None
    b: Optional[SourcedClaim] = None
    reason: str = ""


@dataclass(frozen=True)
class Caveat:
    """A comparability warning: the reports cover different periods or segments of a metric."""

    subject: str
    metric: str
    message: str


@dataclass
class DiffResult:
    """Every claim of both reports, sorted into categories, and the comparability warnings."""

    pairs: list[Pair] = field(default_factory=list)
    warnings: list[Caveat] = field(default_factory=list)

    def of(self, category: Category) -> list[Pair]:
        return [p for p in self.pairs if p.category == category]

    @property
    def same(self) -> list[Pair]:
        return self.of("same")

    @property
    def conflicting(self) -> list[Pair]:
        return self.of("conflicting")

    @property
    def related(self) -> list[Pair]:
        return self.of("related")

    @property
    def only_a(self) -> list[Pair]:
        return self.of("only_a")

    @property
    def only_b(self) -> list[Pair]:
        return self.of("only_b")

    def counts(self) -> dict[str, int]:
        return {c: len(self.of(c)) for c in CATEGORIES}


Side = Union[Sequence[Document], Sequence[Claim], Sequence[SourcedClaim]]


def sourced(side: Side, name: str = "a") -> list[SourcedClaim]:
    """The claims of a side, each with its document id and IRI (bare claims get the document ``name``)."""
    from ..graph.iris import claim_iri

    out: list[SourcedClaim] = []
    for x in side:
        if isinstance(x, Document):
            out.extend(SourcedClaim(x.id, c, str(claim_iri(x.id, c))) for c in x.claims)
        elif isinstance(x, Claim):
            out.append(SourcedClaim(name, x, str(claim_iri(name, x))))
        elif isinstance(x, SourcedClaim):
            out.append(x)
        else:
            raise TypeError(f"expected Document, Claim or SourcedClaim, got {type(x).__name__}")
    return out


def _show(c: Claim) -> str:
    return c.surface or format_value(c.value, c.unit)


def format_value(value: float, unit: str) -> str:
    """A base-unit value the way Chinese news writes it.

    >>> format_value(2.71e8, "users"), format_value(0.55, "percent"), format_value(2.19e10, "CNY")
    ('2.71亿', '55%', '219亿元')
    """
    if unit == "percent":
        return f"{value * 100:.6g}%"
    suffix = {"CNY": "元", "USD": "美元", "HKD": "港元", "minutes": "分钟", "hours": "小时", "seconds": "秒"}.get(
        unit, unit.split(":", 1)[1] if unit.startswith("other:") else "")
    for mag, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= mag:
            return f"{value / mag:.6g}{word}{suffix}"
    return f"{value:.6g}{suffix}"


def _change_conflict(a: Claim, b: Claim, rtol: float) -> str:
    """Why the changes stated with two agreeing figures disagree (同比增长32% vs 30%), or ''."""
    cb = {ch.kind: ch for ch in b.changes()}
    for ca in a.changes():
        other = cb.get(ca.kind)
        if other is None or a.is_change_claim() or b.is_change_claim():
            continue
        pct = ca.kind in ("yoy", "qoq", "growth") or a.unit == "percent"
        ia = claim_interval(ca.value, ca.text, percent=pct).widened(rtol, _dec(ca.value))
        ib = claim_interval(other.value, other.text, percent=pct).widened(rtol, _dec(other.value))
        if not ia.meets(ib):
            fa, fb = (format_value(x.value, "percent" if pct else a.unit) for x in (ca, other))
            return f"{ca.kind} change differs: {fa} vs {fb}"
    return ""


def _distance(a: _Item, b: _Item) -> Decimal:
    va, vb = _dec(a.claim.value), _dec(b.claim.value)
    return abs(va - vb) / max(abs(va), abs(vb), Decimal("1e-12"))


def _related_reason(a: _Item, b: _Item) -> str:
    ca, cb = a.claim, b.claim
    if a.family != b.family:
        if {a.family, b.family} == {"percent", "points"}:
            return "percent vs percentage points: never compared"
        return f"different units: {a.family} vs {b.family}"
    if a.sense != b.sense:
        return f"different sense: {a.sense} vs {b.sense}"
    if ca.period != cb.period:
        return f"different period: {ca.period or 'none'} vs {cb.period or 'none'} ({period_kind(ca.period)} vs {period_kind(cb.period)})"
    return "different sense"


def _closeness(a: _Item, b: _Item) -> tuple:
    """Order of preference for a related partner: same family and sense first, then same period kind."""
    return (a.family != b.family, a.sense != b.sense, period_kind(a.claim.period) != period_kind(b.claim.period),
            _distance(a, b))


def _match_slot(xs: list[_Item], ys: list[_Item], subject: str, metric: str, rtol: float) -> list[Pair]:
    """Claims of A and B on the same subject, metric, period and sense: same or conflicting."""
    pairs: list[Pair] = []
    used_y: set[int] = set()
    left_x: list[_Item] = []
    for x in xs:  # one-to-one first: each A claim takes the nearest agreeing B claim
        cands = [(i, y) for i, y in enumerate(ys) if i not in used_y and x.interval.meets(y.interval)]
        if cands:
            i, y = min(cands, key=lambda t: _distance(x, t[1]))
            used_y.add(i)
            category, why = verdict(x, y, rtol)
            pairs.append(Pair(category, subject, metric, x.src, y.src, why))
        else:
            left_x.append(x)
    left_y = [y for i, y in enumerate(ys) if i not in used_y]

    def settle(item: _Item, others: list[_Item], mine_is_a: bool) -> Pair:
        agree = [o for o in others if item.interval.meets(o.interval)]
        o = min(agree or others, key=lambda o: _distance(item, o))
        a, b = (item, o) if mine_is_a else (o, item)
        if agree:
            return Pair("same", subject, metric, a.src, b.src, f"{_show(a.claim)} ≈ {_show(b.claim)} (repeated)")
        return Pair("conflicting", subject, metric, a.src, b.src, conflict_reason(a, b))

    for x in left_x:
        pairs.append(settle(x, ys, True))
    partners = {id(p.b) for p in pairs if p.category == "conflicting"}
    for y in left_y:
        if id(y.src) not in partners:
            pairs.append(settle(y, xs, False))
    return pairs


def verdict(a: _Item, b: _Item, rtol: float) -> tuple[Category, str]:
    """The rule: two claims on one slot (subject, metric, period, sense, unit family) are the
    same when the intervals their figures admit meet and the changes stated with them agree;
    otherwise they conflict. Returns the category and why."""
    if not a.interval.meets(b.interval):
        return "conflicting", conflict_reason(a, b)
    why = _change_conflict(a.claim, b.claim, rtol)
    return ("conflicting", why) if why else ("same", f"{_show(a.claim)} ≈ {_show(b.claim)}")


def conflict_reason(a: _Item, b: _Item) -> str:
    """``3812亿元 vs 3900亿元: 2.3% apart`` (the gap between the two intervals, relative to A)."""
    va = _dec(a.claim.value)
    gap = max(b.interval.lo - a.interval.hi, a.interval.lo - b.interval.hi)
    rel = f"{float(gap / abs(va)):.2%} apart" if va and gap.is_finite() else "intervals apart"
    return f"{_show(a.claim)} vs {_show(b.claim)}: {rel} beyond the stated precision"


def _unknown_period(x: _Item, ys: list[_Item]) -> Optional[_Item]:
    """A claim with no period: the claim of the other side it agrees with (same family and sense)."""
    cands = [y for y in ys if y.family == x.family and y.sense == x.sense and x.interval.meets(y.interval)]
    return min(cands, key=lambda y: _distance(x, y)) if cands else None


def _group(xs: list[_Item], ys: list[_Item], subject: str, metric: str, rtol: float) -> tuple[list[Pair], list[Caveat]]:
    pairs: list[Pair] = []
    slots_x: dict[tuple, list[_Item]] = {}
    slots_y: dict[tuple, list[_Item]] = {}
    for x in xs:
        slots_x.setdefault(x.slot, []).append(x)
    for y in ys:
        slots_y.setdefault(y.slot, []).append(y)
    left_x = [x for s, v in slots_x.items() if s not in slots_y for x in v]
    left_y = [y for s, v in slots_y.items() if s not in slots_x for y in v]
    for s in slots_x:
        if s in slots_y:
            pairs += _match_slot(slots_x[s], slots_y[s], subject, metric, rtol)
    # a claim with no period agrees with a claim of a stated period if the figures agree
    for items, others, other_left, is_a in ((left_x, ys, left_y, True), (left_y, xs, left_x, False)):
        for it in list(items):
            if it.claim.period is None and (o := _unknown_period(it, others)) is not None:
                a, b = (it, o) if is_a else (o, it)
                pairs.append(Pair("same", subject, metric, a.src, b.src,
                                  f"{_show(a.claim)} ≈ {_show(b.claim)}; period given by one report only "
                                  f"({a.claim.period or 'none'} vs {b.claim.period or 'none'})"))
                items.remove(it)
                if o in other_left:
                    other_left.remove(o)
    # what is left on both sides: related (different period or sense); else only in one report
    seen: set[tuple[int, int]] = set()
    for x in left_x:
        if left_y:
            y = min(left_y, key=lambda y: _closeness(x, y))
            seen.add((id(x), id(y)))
            pairs.append(Pair("related", subject, metric, x.src, y.src, _related_reason(x, y)))
        else:
            pairs.append(Pair("only_a", subject, metric, x.src, None, ""))
    paired_y = {j for _, j in seen}
    for y in left_y:
        if id(y) in paired_y:
            continue
        if left_x:
            x = min(left_x, key=lambda x: _closeness(x, y))
            pairs.append(Pair("related", subject, metric, x.src, y.src, _related_reason(x, y)))
        else:
            pairs.append(Pair("only_b", subject, metric, None, y.src, ""))
    # comparability: both report the metric with the same unit and sense, but for no common period
    caveats: list[Caveat] = []
    for fam_sense in {(x.family, x.sense) for x in xs} & {(y.family, y.sense) for y in ys}:
        pa = sorted({x.claim.period or "" for x in xs if (x.family, x.sense) == fam_sense})
        pb = sorted({y.claim.period or "" for y in ys if (y.family, y.sense) == fam_sense})
        if set(pa) & set(pb):
            continue
        shown_a, shown_b = ", ".join(p or "none" for p in pa), ", ".join(p or "none" for p in pb)
        caveats.append(Caveat(subject, metric, f"A gives {shown_a}, B gives {shown_b}: "
                                               f"{period_note(pa[0] or None, pb[0] or None)}"))
    return pairs, caveats


def _segment_caveats(xs: list[_Item], ys: list[_Item]) -> list[Caveat]:
    """A metric reported for different platforms of one operator in A and B (快手 vs 快手极速版)."""
    lex = load_lexicon()

    def operator(key: str) -> Optional[str]:
        e = lex.entity(key)
        return e.related if isinstance(e, LexEntry) and e.related else (e.label if isinstance(e, LexEntry) else None)

    out = []
    by_metric_a: dict[str, set[str]] = {}
    by_metric_b: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for it in xs:
        by_metric_a.setdefault(it.metric, set()).add(it.subject)
        labels[it.subject], labels[it.metric] = it.subject_label, it.metric_label
    for it in ys:
        by_metric_b.setdefault(it.metric, set()).add(it.subject)
        labels[it.subject], labels[it.metric] = it.subject_label, it.metric_label
    for m in sorted(set(by_metric_a) & set(by_metric_b)):
        only_a, only_b = by_metric_a[m] - by_metric_b[m], by_metric_b[m] - by_metric_a[m]
        for sa in sorted(only_a):
            for sb in sorted(only_b):
                oa, ob = operator(sa), operator(sb)
                if oa and oa == ob:
                    out.append(Caveat(labels[sa], labels[m], f"A reports {labels[m]} for {labels[sa]}, B for "
                                                             f"{labels[sb]}: different segments of {oa}"))
    return out


def diff_documents(a: Side, b: Side, rtol: float = 0.0) -> DiffResult:
    """Compare the claims of report ``a`` with those of report ``b``.

    ``a`` and ``b`` are lists of Documents, of Claims or of :class:`SourcedClaim`; ``rtol`` widens
    each figure's interval by that fraction of its value. Returns a :class:`DiffResult`: pairs in
    the order conflicting, same, related, only_a, only_b, each group by subject and metric.
    """
    if rtol < 0 or not math.isfinite(rtol):
        raise ZhkgError(f"rtol must be a finite number >= 0, got {rtol}")
    xs = [_item(s, rtol) for s in sourced(a, "a")]
    ys = [_item(s, rtol) for s in sourced(b, "b")]
    groups: dict[tuple[str, str], tuple[list[_Item], list[_Item]]] = {}
    labels: dict[tuple[str, str], tuple[str, str]] = {}
    for items, side in ((xs, 0), (ys, 1)):
        for it in items:
            k = (it.subject, it.metric)
            groups.setdefault(k, ([], []))[side].append(it)
            labels.setdefault(k, (it.subject_label, it.metric_label))
    result = DiffResult()
    for k in sorted(groups, key=lambda k: labels[k]):
        subject, metric = labels[k]
        pairs, caveats = _group(*groups[k], subject, metric, rtol)
        result.pairs += pairs
        result.warnings += caveats
    result.warnings += _segment_caveats(xs, ys)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    result.pairs.sort(key=lambda p: (order[p.category], p.subject, p.metric))
    return result


def flatten(docs: Iterable[Document]) -> list[SourcedClaim]:
    """Every claim of ``docs`` with its document id and IRI."""
    return sourced(list(docs))


__all__ = ["diff_documents", "DiffResult", "ConflictsFound", "Pair", "Caveat", "SourcedClaim", "format_value", "sourced"]
