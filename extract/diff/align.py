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

Canonicalization, before claims are aligned on (subject, metric, period):

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

Tolerance follows the stated precision, as XBRL's ``decimals`` does: the surface ``2.71亿`` admits
[2.705亿, 2.715亿), ``3812亿元`` ±0.5亿, ``55%`` ±0.5%. A hedge moves the interval
(``ontology/hedge_reach.tsv``): 超过25% is (25%, ∞), 近100万 is [90万 − 0.5万, 100万], 100多万 is
(100万, 200万). ``rtol`` widens every interval by that fraction of its value on each side.

>>> from extract.model import Claim, Evidence
>>> ev = Evidence(text="x", start=0, end=1, raw_start=0, raw_end=1)
>>> a = Claim(subject="快手", metric="日活", value=2.71e8, unit="users", period="2020Q4", surface="2.71亿", evidence=ev)
>>> b = Claim(subject="快手科技", metric="DAU", value=2.714e8, unit="users", period="2020Q4", surface="2.714亿", evidence=ev)
>>> [p.category for p in diff_documents([a], [b]).pairs]
['same']
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import DataError, ZhkgError
from ..nlp.lexicon import LexEntry, MetricEntry, fold, load_lexicon
from ..model import Claim, Document
from ..resources import ontology_path

Category = Literal["same", "conflicting", "related", "only_a", "only_b"]
CATEGORIES: tuple[Category, ...] = ("conflicting", "same", "related", "only_a", "only_b")
INF = Decimal("Infinity")


# ---- the data tables ------------------------------------------------------------------------------

class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReachRow(_Row):
    word: str
    lo: Decimal = Field(allow_inf_nan=True)
    hi: Union[Annotated[Decimal, Field(allow_inf_nan=True)], Literal["step"]]

    @field_validator("hi", mode="before")
    @classmethod
    def _hi(cls, v: str) -> object:
        return v if v == "step" else Decimal(v)


class FamilyRow(_Row):
    unit: str
    family: str
    factor: Decimal


class PeriodPairRow(_Row):
    a: str
    b: str
    note: str


def _read(name: str, model: type[_Row]) -> list:
    """Rows of ``ontology/<name>``: comment lines, a header naming the columns, TAB-separated rows."""
    path = ontology_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataError(f"cannot read ({e.strerror})", path=str(path)) from e
    header, rows = None, []
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        where = f"{path}:{no}"
        if header is None:
            if tuple(cells) != tuple(model.model_fields):
                raise DataError(f"header is {cells}, expected {list(model.model_fields)}", path=where)
            header = cells
            continue
        if len(cells) != len(header):
            raise DataError(f"expected {len(header)} tab-separated columns ({', '.join(header)}), got {len(cells)}",
                            path=where)
        try:
            rows.append(model(**dict(zip(header, cells))))
        except (ValidationError, ArithmeticError) as e:
            msg = e.errors()[0]["msg"] if isinstance(e, ValidationError) else str(e)
            raise DataError(msg, path=where) from None
    return rows


@dataclass(frozen=True)
class Tables:
    reach: dict[str, ReachRow]
    families: dict[str, FamilyRow]
    period_notes: dict[frozenset[str], str]


@cache
def tables() -> Tables:
    """hedge_reach.tsv, unit_families.tsv and period_pairs.tsv, read and validated once."""
    reach = {r.word: r for r in _read("hedge_reach.tsv", ReachRow)}
    for d in ("gt", "ge", "lt", "le", "approx", "exact"):
        if f"*{d}" not in reach:
            raise DataError(f"no default row *{d}", path=str(ontology_path("hedge_reach.tsv")))
    families = {r.unit: r for r in _read("unit_families.tsv", FamilyRow)}
    notes = {frozenset((r.a, r.b)): r.note for r in _read("period_pairs.tsv", PeriodPairRow)}
    return Tables(reach, families, notes)


# ---- intervals ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Interval:
    """The values a stated figure admits; ``lo_open``/``hi_open`` say whether an end is excluded.

    >>> Interval(Decimal(1), Decimal(2), hi_open=True).meets(Interval(Decimal(2), Decimal(3)))
    False
    >>> Interval(Decimal(1), Decimal(2)).meets(Interval(Decimal(2), Decimal(3)))
    True
    """

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False

    def meets(self, other: Interval) -> bool:
        """Do the two intervals share a value?"""
        if self.lo > other.lo or (self.lo == other.lo and self.lo_open):
            lo, lo_open = self.lo, self.lo_open
        else:
            lo, lo_open = other.lo, other.lo_open
        if self.hi < other.hi or (self.hi == other.hi and self.hi_open):
            hi, hi_open = self.hi, self.hi_open
        else:
            hi, hi_open = other.hi, other.hi_open
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def scaled(self, factor: Decimal) -> Interval:
        return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)

    def widened(self, rtol: float, value: Decimal) -> Interval:
        if not rtol:
            return self
        slack = abs(value) * Decimal(repr(float(rtol)))
        return Interval(self.lo - slack, self.hi + slack, self.lo_open, self.hi_open)

    def __str__(self) -> str:
        return (f"{'(' if self.lo_open else '['}{_num(self.lo)}, {_num(self.hi)}{')' if self.hi_open else ']'}")


def _num(d: Decimal) -> str:
    return "inf" if d == INF else "-inf" if d == -INF else f"{float(d):g}"


_ARABIC = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _dec(x: float) -> Decimal:
    return Decimal(repr(float(x)))


def _pow10(d: Decimal) -> Decimal:
    """The power of ten nearest to ``d`` (> 0): the scale of a magnitude times a unit multiplier."""
    return Decimal(1).scaleb(round(math.log10(float(d))))


def stated_steps(surface: Optional[str], value: float, percent: bool = False) -> tuple[Decimal, Decimal]:
    """(precision step, step of the last non-zero written digit) of a figure, in base units.

    From the Arabic numeral written in ``surface`` (``2.71亿`` → 0.01亿 = 1e6; ``3812亿元`` → 1亿;
    ``55%`` → 0.01; ``2190000万元`` → 1万); a Chinese numeral or a missing surface gives the last
    significant digit of ``value`` (两千万 → 1千万). A percentage without a surface is taken as
    written to at least whole percents.

    >>> [float(s) for s in stated_steps("2.71亿", 2.71e8)], [float(s) for s in stated_steps("100多万", 1e6)]
    ([1000000.0, 1000000.0], [10000.0, 1000000.0])
    """
    v = _dec(value)
    if surface:
        from ..nlp.numbers.find import find_quantities

        text = unicodedata.normalize("NFKC", surface)
        qs = [q for q in find_quantities(text) if q.is_claim or q.kind != "date"]
        nums = _ARABIC.findall(text)
        if qs and nums and v and (len(nums) == 1 or qs[0].upper is not None):
            q = qs[0]
            n = Decimal(nums[0].replace(",", ""))
            if n and abs(_dec(q.value) - v) <= abs(v) * Decimal("1e-9"):
                scale = _pow10(abs(_dec(q.value) / n))
                step = Decimal(1).scaleb(n.as_tuple().exponent) * scale
                last = Decimal(1).scaleb(n.normalize().as_tuple().exponent) * scale
                return step, last
    if not v:
        return Decimal(0), Decimal(0)
    step = Decimal(1).scaleb(v.normalize().as_tuple().exponent)
    if percent and step > Decimal("0.01"):
        step = Decimal("0.01")
    return step, step


def hedge_direction(qualifier: Optional[str], surface: Optional[str]) -> tuple[str, Optional[str]]:
    """(direction, hedge word) of a claim: from its qualifier through hedges.tsv, else from the
    hedge found in its surface; ``("exact", None)`` for a plain figure.

    >>> hedge_direction("近", None), hedge_direction(None, "超过25%"), hedge_direction("数百万", None)
    (('le', '近'), ('gt', '超过'), ('approx', '数'))
    """
    from ..nlp.numbers.data import tables as number_tables

    hedges = number_tables().hedges
    if qualifier:
        for h in sorted(hedges, key=lambda h: -len(h.word)):
            if qualifier == h.word or (h.qualifier == "phrase" and qualifier.startswith(h.word)):
                return h.dir, h.word
    if surface:
        from ..nlp.numbers.find import find_quantities

        qs = find_quantities(unicodedata.normalize("NFKC", surface))
        if qs and qs[0].hedge_dir:
            word = qs[0].qualifier or ""
            for h in hedges:
                if word == h.word or (h.qualifier == "phrase" and word.startswith(h.word)):
                    return qs[0].hedge_dir, h.word
            return qs[0].hedge_dir, None
    return "exact", None


def claim_interval(value: float, surface: Optional[str], qualifier: Optional[str] = None,
                   upper: Optional[float] = None, percent: bool = False) -> Interval:
    """The values a figure admits, from its stated precision and hedge (see the module doc).

    >>> str(claim_interval(2.71e8, "2.71亿")), str(claim_interval(0.25, "超过25%", "超过"))
    ('[2.705e+08, 2.715e+08)', '(0.25, inf]')
    >>> str(claim_interval(1e6, "近100万", "近"))
    '[895000, 1e+06]'
    """
    v = _dec(value)
    step, last = stated_steps(surface, value, percent)
    half = step / 2
    direction, word = hedge_direction(qualifier, surface)
    if direction == "exact" and word is None and upper is None:
        return Interval(v - half, v + half, hi_open=bool(half))
    tb = tables().reach
    row = tb.get(word or "") or tb[f"*{direction}"]
    if qualifier and word and qualifier != word:  # a phrase (数百万): the magnitude is no rounded figure
        half = Decimal(0)
    top = _dec(upper) if upper is not None else v
    if row.lo == -INF:
        lo, lo_open = (-INF if v < 0 else Decimal(0)), False
    elif row.lo == 1 and direction in ("gt", "ge"):
        lo, lo_open = v, direction == "gt"
    else:
        lo, lo_open = row.lo * v - half, False
    if row.hi == "step":
        hi, hi_open = top + last, True
    elif row.hi == INF:
        hi, hi_open = INF, False
    elif row.hi == 1 and direction in ("lt", "le"):
        hi, hi_open = top, direction == "lt"
    else:
        hi, hi_open = row.hi * top + half, bool(half) or row.hi != 1
    return Interval(lo, hi, lo_open, hi_open)


# ---- canonical keys -------------------------------------------------------------------------------

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
    subject, subject_label = entity_key(c.subject, c.subject_text)
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
    from ..graph.rdf import claim_iri

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
            why = _change_conflict(x.claim, y.claim, rtol)
            pairs.append(Pair("conflicting" if why else "same", subject, metric, x.src, y.src,
                              why or f"{_show(x.claim)} ≈ {_show(y.claim)}"))
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


__all__ = ["diff_documents", "DiffResult", "ConflictsFound", "Pair", "Caveat", "SourcedClaim", "Interval", "claim_interval",
           "stated_steps", "hedge_direction", "entity_key", "metric_key_of", "unit_family", "period_kind",
           "format_value", "sourced", "tables"]
