"""One numeral read as a number: ``parse_number`` (``2.71亿`` -> 271000000.0, ``两千万``,
``1,234.5``, ``１２３``); ``None`` on junk, never an exception.

>>> parse_number("2.71亿"), parse_number("两千万"), parse_number("junk")
(271000000.0, 20000000.0, None)
"""
from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional

import cn2an

from .regex import _CN_ONLY, _SPACE_IN_NUMBER, _WIDTH, _Compiled, _compiled


@lru_cache(maxsize=4096)
def _cn2an(s: str) -> Optional[Decimal]:
    try:
        v = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises ValueError, but also KeyError/IndexError on odd input
        return None
    return Decimal(str(v))


def _arabic_chain(s: str, c: _Compiled) -> Optional[Decimal]:
    """``2.71亿``, ``1,234.5``, ``3亿5000万``, ``1.2万亿``: Arabic numbers each with a magnitude,
    magnitudes strictly decreasing."""
    total, pos, last = Decimal(0), 0, None
    for m in c.chain_re.finditer(s):
        if m.start() != pos or last == 1 or (last is not None and not m.group("m")):
            return None                         # 1万2 (colloquial 12000) is left alone
        n = Decimal(m.group("n").replace(",", ""))
        mag = c.magnitudes[m.group("m")] if m.group("m") else 1
        if last is not None and mag >= last:
            return None
        total += n * mag
        pos, last = m.end(), mag
    return total if pos == len(s) and pos else None


def _cn_number(s: str, c: _Compiled) -> Optional[Decimal]:
    """A Chinese numeral through cn2an; what it rejects (一点二万, 三点五亿) by splitting off the
    trailing magnitude by hand."""
    v = _cn2an(s)
    if v is not None:
        return v
    for word in sorted(c.magnitudes, key=len, reverse=True):
        if s.endswith(word) and len(s) > len(word):
            body = s[: -len(word)]
            if "点" in body and not any(ch in body for ch in "万亿"):
                b = _cn2an(body)
                return None if b is None else b * c.magnitudes[word]
    return None


def _parse_decimal(text: str) -> Optional[Decimal]:
    c = _compiled()
    s = _SPACE_IN_NUMBER.sub("", text.translate(_WIDTH).strip())
    sign = 1
    if s[:1] in ("-", "负"):
        sign, s = -1, s[1:]
    if not s:
        return None
    if s in c.magnitudes:
        v: Optional[Decimal] = Decimal(c.magnitudes[s])
    elif s[0] in "0123456789":
        v = _arabic_chain(s, c)
    elif _CN_ONLY.fullmatch(s):
        v = _cn_number(s, c)
    else:
        v = None
    if v is None or not v.is_finite():
        return None
    return sign * v


def parse_number(text: str) -> float | None:
    """The value of one numeral, or None if ``text`` is not exactly one.

    Arabic (``1,234.5``, full-width ``１２３``), Chinese (``两千万``, ``一百零五``, ``二〇二〇``),
    mixed (``2.71亿``, ``1.2万亿``, ``3亿5000万``) and bare magnitudes (``百万``). Units and
    hedges are not numerals: ``55%``, ``百分之三十二``, ``一成``, ``100多万`` give None here;
    :func:`find_quantities` reads them. Never raises.

    >>> parse_number("1,234.5"), parse_number("一百零五"), parse_number("1.2万亿")
    (1234.5, 105.0, 1200000000000.0)
    """
    if not isinstance(text, str) or len(text) > 200:
        return None
    try:
        v = _parse_decimal(text)
        f = None if v is None else float(v)
    except (InvalidOperation, ValueError, ArithmeticError):
        return None
    return f if f is not None and math.isfinite(f) else None
