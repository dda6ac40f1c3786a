"""The values a stated figure admits: its interval, from the stated precision and the hedge.

Tolerance follows the stated precision, as XBRL's ``decimals`` does: the surface ``2.71亿`` admits
[2.705亿, 2.715亿), ``3812亿元`` ±0.5亿, ``55%`` ±0.5%. A hedge moves the interval
(``ontology/hedge_reach.tsv``): 超过25% is (25%, ∞), 近100万 is [90万 − 0.5万, 100万], 100多万 is
(100万, 200万). ``rtol`` widens every interval by that fraction of its value on each side.

The data tables of diff (hedge reach, unit families, period pairs) are read here, once.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import DataError
from ..resources import ontology_path

INF = Decimal("Infinity")


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
