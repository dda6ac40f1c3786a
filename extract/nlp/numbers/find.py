"""Numbers and quantities in Chinese business text: the pure layer under the claims component.

``parse_number`` reads one numeral (``2.71亿`` -> 271000000.0, ``两千万``, ``1,234.5``, ``１２３``);
``find_quantities`` finds every number mention in a sentence with its unit, magnitude, hedge and
range, and flags the ones that state no quantity (years, dates, ordinals, list markers, phone
numbers, URLs, IDs, versions). Unit words, magnitudes, hedges and non-number words are data in
``ontology/`` (see :mod:`extract.nlp.numbers.data`); the patterns are built from them once
(:mod:`extract.nlp.numbers.regex`); one numeral is read by :mod:`extract.nlp.numbers.parse`.

>>> [(q.value, q.unit, q.qualifier) for q in find_quantities("日活用户破6000万,同比增长18%")]
[(60000000.0, None, '破'), (0.18, 'percent', None)]
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal, Optional

from .data import UnitRow
from .parse import _parse_decimal
from .regex import _CN_DIGITS, _WIDTH, _Compiled, _compiled
from .ranges import _between

QuantityKind = Literal["money", "percent", "points", "duration", "users", "count", "measure",
                       "multiple", "date", "bare"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number mention.

    ``start``/``end`` index the text given to :func:`find_quantities` and cover hedge, currency
    prefix, number, magnitude, unit and trailing hedge; ``surface`` is ``text[start:end]``.
    ``value`` is in base units (亿 = 1e8; percentages and 个百分点 as fractions: 55% -> 0.55);
    ``upper`` is the upper end of a range (3-5亿: value 3e8, upper 5e8). ``unit`` is a contract
    unit (CNY USD HKD percent minutes hours seconds users count other:<word>) or None when the
    text gives none (kind ``bare``: 2.71亿 alone; the claim layer decides from the metric).
    ``kind`` is one of money percent points duration users count measure multiple bare, or date
    (the number is part of a date or quarter, always a non-claim). ``qualifier`` is the hedge as
    written (超过, 近, 多, 数百万) and ``hedge_dir`` what it says of the true value: gt ge lt le
    approx, or None. ``non_claim`` is None for a quantity that may be a claim, else the reason:
    year, year-like, date, time, quarter, ordinal, list, phone, url, email, id, latin, version,
    event, indefinite (一个 used as an article), footnote; ``is_year`` marks years (2020年, 2019-2020年).
    """

    start: int
    end: int
    surface: str
    value: float
    unit: Optional[str] = None
    kind: QuantityKind = "bare"
    unit_word: Optional[str] = None
    magnitude_word: Optional[str] = None
    qualifier: Optional[str] = None
    hedge_dir: Optional[Literal["gt", "ge", "lt", "le", "approx"]] = None
    upper: Optional[float] = None
    is_year: bool = False
    non_claim: Optional[str] = None

    @property
    def is_claim(self) -> bool:
        return self.non_claim is None


# ---------------------------------------------------------------------------------------------
# find_quantities

_DIGIT_RUN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SENTENCE_END = "\n。！？；;!?"
_LIST_AFTER = "、.,，)）"
_CN_BIG = ("万亿", "亿", "万")


@dataclass
class _Side:
    """One number of a match (a range has two): its value before the unit, and its unit."""

    num: str
    raw: Decimal
    mag_word: Optional[str]
    unit: Optional[UnitRow]
    end: int          # end of the side, its unit included when valid
    num_end: int      # end of number and magnitude, unit excluded
    mid: Optional[str]


def _side(m: re.Match, p: str, c: _Compiled) -> Optional[_Side]:
    num = m.group(p + "num")
    mag, more, mid, mag2 = (m.group(p + x) for x in ("mag", "more", "mid", "mag2"))
    if num[0] in "百千万亿":                      # a bare magnitude (近百, 数百万, 过亿)
        raw: Optional[Decimal] = Decimal(c.magnitudes[num])
        mag_word = num
    else:
        raw = _parse_decimal(num + (mag or "") + (more or ""))
        mag_word = mag
        if mag_word is None and num[0] not in "0123456789":
            mag_word = next((w for w in _CN_BIG if num.endswith(w) and len(num) > len(w)), None)
    if raw is None:
        return None
    if mid and mag2:
        raw *= c.magnitudes[mag2]
        mag_word = mag2
    num_end = max(m.end(g) for g in (p + "num", p + "mag", p + "more", p + "mid", p + "mag2")
                  if m.group(g) is not None)
    unit = c.units_post[m.group(p + "unit")] if m.group(p + "unit") else None
    if unit is not None and unit.word == "成" and (mag_word or raw > 10):
        unit = None                             # 10亿成交额 is not 成 (a tenth)
    return _Side(num, raw, mag_word, unit, m.end(p + "unit") if unit else num_end, num_end, mid)


def _is_yearlike(side: _Side) -> bool:
    n = side.num
    if n.isascii():
        return len(n) == 4 and n.isdigit() and 1900 <= int(n) <= 2099 and side.mag_word is None
    return len(n) == 4 and all(ch in _CN_DIGITS for ch in n) and 1900 <= side.raw <= 2099


def _is_cn_digit_string(num: str) -> bool:
    return len(num) >= 2 and all(ch in _CN_DIGITS for ch in num)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _footnote_marker(num: str, scan: str, start: int, end: int) -> bool:
    """A single digit glued between Chinese words with no measure word after it is a footnote
    mark of the term before it (非公认会计准则2运营收入), of a line (2综合损益表) or of a heading
    it ends (财务摘要1): Chinese counts take a measure word, so such a digit counts nothing."""
    if len(num) != 1 or num == "0":
        return False
    before = scan[start - 1] if start else "\n"
    after = scan[end:end + 1]
    if after in ("", "\n"):  # a heading's mark at the end of its line (第一季度财务摘要1)
        return _is_han(before)
    return _is_han(after) and (_is_han(before) or before in "\n、")


def _prev_char(scan: str, i: int) -> str:
    while i > 0 and scan[i - 1] in " \t":
        i -= 1
    return scan[i - 1] if i > 0 else "\n"


def _quantity(m: re.Match, text: str, scan: str, c: _Compiled) -> Optional[Quantity]:
    a = _side(m, "a", c)
    if a is None:
        return None
    b = _side(m, "b", c) if m.group("bnum") else None
    post = m.group("post")
    if b is not None and ((_is_yearlike(b) and not _is_yearlike(a))
                          or (a.unit and b.unit and a.unit.kind != b.unit.kind)
                          or (a.unit and not b.unit and b.mag_word)  # 增长25%至3200万: no range
                          or (m.group("sep") == "-" and scan[m.start("sep") - 1:m.start("sep")] == " "
                              and scan[m.end("sep"):m.end("sep") + 1] != " ")):  # 1700.1 -31.5%: a sign
        b = None                                # 增长95.3%至2020年: not a range
    if m.group("bnum") and b is None:
        post = None
    end = (m.end("post") if post else (b.end if b else a.end))
    is_cn = a.num[0] not in "0123456789"
    bare_mag = a.num[0] in "百千万亿"

    # the hedge before the number, if it may stand there
    hg = "hedge2" if m.group("hedge2") else "hedge"
    hedge = c.hedges.get((m.group(hg), "pre")) if m.group(hg) else None
    if hedge and hedge.applies == "magnitude" and not (bare_mag or a.num[0] in "十百千"):
        hedge = None
    if bare_mag and hedge is None and a.num not in c.alone:
        return None
    pre = c.units_pre.get(m.group("pre")) if m.group("pre") else None
    num_start = m.start("preneg") if m.group("preneg") else m.start("aneg") if m.group("aneg") else m.start("anum")
    spans_hedge = hedge is not None and hedge.qualifier != "none"   # 达 stays outside the span
    start = min([num_start] + ([m.start("pre")] if pre else [])
                + ([m.start(hg)] if spans_hedge else []))

    # unit: a currency or 百分之 before the number, a unit word after it (or after the range)
    post_unit = a.unit or (b.unit if b else None)
    if pre and pre.kind == "percent":
        unit = pre
    elif pre and post_unit and post_unit.kind == "money" and post_unit.word != "元":
        unit = post_unit
    else:
        unit = pre or post_unit
    mult = unit.multiplier if unit else Decimal(1)

    raw_a = -a.raw if m.group("aneg") or m.group("preneg") else a.raw
    upper = None
    if b is not None:
        if a.mag_word is None and b.mag_word is not None:
            raw_a *= c.magnitudes[b.mag_word]
        upper = float((-b.raw if m.group("bneg") else b.raw) * mult)
    if unit is not None and unit.word == "折":
        if 10 <= raw_a < 100 and raw_a == int(raw_a):
            raw_a /= 10  # 七五折, 75折: a two-digit discount is tenths and hundredths (0.75)
        if upper is not None and 10 <= upper * 10 < 100 and upper * 10 == int(upper * 10):
            upper /= 10  # (七至七五折: 0.7 to 0.75)
    if unit is not None and unit.word == "成" and b is None and (tenth := _TENTH.match(scan, end)):
        # 四成五, 两成三至8.8亿元: the digit after 成 is its tenths (45%, 23%)
        raw_a += (Decimal(_CN_DIGIT.index(tenth.group(1)) + 1) if tenth.group(1) in _CN_DIGIT else Decimal(tenth.group(1))) / 10
        end = tenth.end()
    value = float(raw_a * mult)
    if not math.isfinite(value) or (upper is not None and not math.isfinite(upper)):
        return None

    # hedges: before, between number and magnitude (100多万), after (50%左右)
    qualifier, hdir = None, None
    if hedge and hedge.qualifier != "none":
        qualifier = hedge.word if hedge.qualifier == "word" else text[m.start(hg):a.num_end]
        hdir = hedge.dir
    mid = a.mid or (b.mid if b else None)
    if qualifier is None and mid:
        qualifier, hdir = mid, c.hedges[(mid, "mid")].dir
    if qualifier is None and post:
        qualifier, hdir = post, c.hedges[(post, "post")].dir

    kind = unit.kind if unit else "bare"
    plain = unit is None and a.mag_word is None and hedge is None and not a.mid and b is None

    # what is not a claim
    reason, is_year = None, False
    word = post_unit.word if post_unit else None
    if is_cn and (_is_cn_digit_string(a.num) and not (_is_yearlike(a) and word and word.startswith("年"))
                  and not (word == "折" and len(a.num) == 2)):  # (七五折: a discount's two digits)
        return None                               # 三一重工, 一二线城市: not numerals
    if is_cn and unit is None and not any(ch in a.num for ch in "百千万亿点") and not mid:
        return None                               # 一些, 十大: a bare small Chinese numeral
    if word and word[0] == "年" and _is_yearlike(a) or (kind == "date" and _is_yearlike(a)):
        reason, is_year = "year", True
    elif kind == "date":
        reason = "quarter" if word == "季度" else "date"
    elif _prev_char(scan, start) == "第" or scan[start - 1:start] == "第":
        reason = "ordinal"
    elif is_cn and a.num == "一" and kind in ("count", "measure", "users", "duration") and not hedge:
        reason = "indefinite"
    if reason is None and not pre and not hedge:
        before = scan[num_start - 1] if num_start else ""
        before2 = scan[num_start - 2] if num_start > 1 else ""
        if before.isascii() and before.isalpha():
            reason = "quarter" if before in "QqHh" and a.raw in (1, 2, 3, 4) and plain else "latin"
        elif before == "-" and before2.isascii() and before2.isalpha() \
                and not re.search(r"(?i)(?:yoy|qoq)$", scan[max(0, num_start - 4):num_start - 1]):
            reason = "latin"  # (A-1; not yoy-18.5%: a signed change)
        elif before == " " and before2.isascii() and before2.isalpha() and plain:
            reason = "version"
    if reason is None and plain:
        after = scan[end:end + 1]
        after2 = scan[end + 1:end + 2]
        if (after.isascii() and after.isalpha()) or (after == "-" and after2.isascii() and after2.isalpha()):
            if _is_yearlike(a) and after in "QqHh":
                reason, is_year = "year", True
            else:
                reason = "latin"
        elif _footnote_marker(a.num, scan, num_start, end):
            reason = "footnote"                 # 非公认会计准则2运营收入, 年度活跃客户账户3截至…
        elif a.num.isdigit() and int(a.num) < 100 and not m.group("aneg"):
            if scan[num_start - 1:num_start] in "(（" and num_start and after in ")）":
                reason = "list"
            elif _prev_char(scan, num_start) in _SENTENCE_END + ":：" and after and after in _LIST_AFTER + " \n":
                reason = "list"                 # 1、 1. 1, and a section number alone: "。 2 他们"; 榜单:1.问界
        if reason is None and _is_yearlike(a):
            reason, is_year = "year-like", True

    if is_year:
        kind, unit = "date", None
    return Quantity(
        start=start, end=end, surface=text[start:end], value=value,
        unit=None if unit is None or unit.unit == "-" else unit.unit, kind=kind,
        unit_word=(post_unit.word if post_unit else (pre.word if pre else None)),
        magnitude_word=a.mag_word or (b.mag_word if b else None),
        qualifier=qualifier, hedge_dir=None if hdir in (None, "exact") else hdir,
        upper=upper, is_year=is_year, non_claim=reason)


_CN_DIGIT = "一二三四五六七八九"
#: the tenths of a 成 (四成五): one digit, no more number after it
_TENTH = re.compile(r"([一二三四五六七八九]|[1-9])(?![\d一二三四五六七八九十百千万亿.％%成])")


def find_quantities(text: str) -> list[Quantity]:
    """Every number mention in ``text``, in order, as :class:`Quantity` (spans index ``text``).

    Mentions that state no quantity (dates, years, ordinals, list markers, phone numbers, URLs,
    IDs, versions) are returned with ``non_claim`` set to the reason; idioms (十分, 一些) and bare
    small Chinese numerals are not returned at all. Never raises on a string.

    >>> [(q.surface, q.value, q.unit, q.non_claim) for q in find_quantities("2020年营收219亿元")]
    [('2020年', 2020.0, None, 'year'), ('219亿元', 21900000000.0, 'CNY', None)]
    """
    if not isinstance(text, str) or not text:
        return []
    c = _compiled()
    t = text.translate(_WIDTH)
    out: list[Quantity] = []
    pieces, last = [], 0
    for mm in c.mask_re.finditer(t):
        s, e = mm.span()
        if e == s:
            continue
        reason = c.mask_reasons[mm.lastgroup]
        if reason != "drop":
            for d in _DIGIT_RUN.finditer(t, s, e):
                ds, de = d.span()
                yearish = reason == "date" and len(d.group()) == 4
                out.append(Quantity(ds, de, text[ds:de], float(d.group()),
                                    kind="date" if reason in ("date", "time") else "bare",
                                    is_year=yearish, non_claim="year" if yearish else reason))
        pieces += [t[last:s], "\x00" * (e - s)]
        last = e
    pieces.append(t[last:])
    scan = "".join(pieces)
    pos = 0
    while (mm := c.main_re.search(scan, pos)) is not None:
        q = _quantity(mm, text, scan, c)
        if q is not None:
            out.append(q)
        pos = q.end if q is not None and q.end > mm.start() else mm.end()
    out.extend(_doublings(text, t, out))
    out.sort(key=lambda q: q.start)
    return _between(text, _shared_units(text, _dimes(text, out)))


_LIST_SEP = re.compile(r"\s*(?:、|/\s*[+＋]?|和|及|与)\s*")  # (同比+3.0/+5.1pct: a sign may lead the next)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _shared_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """500、580、680亿元 and 1.2/1.5/1.8元: bare numbers listed before a number with its magnitude
    and unit share them (5e10, 5.8e10, 6.8e10 CNY).

    >>> [q.value for q in _shared_units("为500、580、680亿元", find_quantities("为500、580、680亿元"))]
    [50000000000.0, 58000000000.0, 68000000000.0]
    >>> [q.value for q in find_quantities("为441亿、530亿、6.4万亿元")]
    [44100000000.0, 53000000000.0, 6400000000000.0]
    >>> [q.value for q in find_quantities("分别下降18个、21个和17个基点")]
    [0.0018, 0.0021, 0.0017]
    """

    out = list(qs)
    shared: set[int] = set()  # the numbers given a later one's unit (18个、21个和17个基点: once, not twice)
    for i in range(len(out) - 1, 0, -1):
        last = out[i]
        if last.kind == "bare" or last.non_claim or last.unit is None or i in shared:
            continue
        m = _DIGITS.search(last.surface)
        if m is None:
            continue
        try:  # (the scale of the unit, not the sign of the last number: -1.3/-0.9pct)
            factor = abs(last.value / float(m.group().replace(",", "")))
        except (ValueError, ZeroDivisionError):
            continue
        mags = _compiled().magnitudes
        unit_only = factor / float(mags[last.magnitude_word]) if last.magnitude_word in mags else factor
        j = i - 1
        while j >= 0 and (out[j].kind == "bare" or last.kind == "points" and out[j].surface.endswith("个")) \
                and out[j].non_claim in (None, "version") and _LIST_SEP.fullmatch(text, out[j].end, out[j + 1].start):
            # (下降0.01个、13.09个百分点: the first number's 个 is of the points the last names)
            # 441亿、530亿、640亿元: a number with its own magnitude shares only the unit; a
            # listed number is no version number (对应PE 44/35/29倍: 44 after a Latin word)
            own = out[j].magnitude_word is not None
            # (to 12 significant digits: 288.6 × 1e8 is 28860000000, not 28860000000.000004)
            out[j] = replace(out[j], value=float(f"{out[j].value * (unit_only if own else factor):.12g}"), unit=last.unit,
                             kind=last.kind, unit_word=last.unit_word, non_claim=None,
                             magnitude_word=out[j].magnitude_word if own else last.magnitude_word)
            shared.add(j)
            j -= 1
    return out


#: 翻番 / 翻一番 (×2), 翻两番 (×4), 翻了近两番: doubling n times is a multiple of 2**n
_DOUBLING = re.compile(r"(?<=翻)(?:了)?\s*(?P<hedge>近|约|超过|超)?(?:(?P<n>[一两二三四1-4])?番|倍(?![数率]))")
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _doublings(text: str, scan: str, found: list[Quantity]) -> list[Quantity]:
    """The multiples that 翻…番 and 翻倍 state (a number word that is no numeral of its own)."""
    out = []
    for m in _DOUBLING.finditer(scan):
        a = m.start("hedge") if m.group("hedge") else (m.start("n") if m.group("n") else m.start() - 1)
        if any(q.start < m.end() and a < q.end for q in found):
            continue
        hedge = m.group("hedge")
        out.append(Quantity(a, m.end(), text[a:m.end()], float(2 ** _DOUBLINGS.get(m.group("n") or "一", 1)),
                            unit="other:倍", kind="multiple", unit_word="番", qualifier=hedge,
                            hedge_dir={"近": "le", "约": "approx", "超过": "gt", "超": "gt"}.get(hedge)))
    for m in _FOLD.finditer(scan):  # (按年升逾倍: more than one fold, 逾1倍)
        a = m.start("hedge")
        if not any(q.start < m.end() and a < q.end for q in found):
            hedge = m.group("hedge")
            out.append(Quantity(a, m.end(), text[a:m.end()], 1.0, unit="other:倍", kind="multiple", unit_word="倍",
                                qualifier=hedge, hedge_dir={"近": "le", "约": "approx"}.get(hedge, "gt")))
    return out


#: a fold said with its hedge alone (升逾倍, 增长超倍): one fold
_FOLD = re.compile(r"(?<=[升增涨长加])(?:了)?\s*(?P<hedge>逾|超过|超|近|约)倍(?![数率])")


#: dimes before cents (5角2仙: 0.52 of the cents' currency)
_DIME = re.compile(r"([0-9])\s*角\s*$")


def _dimes(text: str, found: list[Quantity]) -> list[Quantity]:
    """每股派5角2仙: the dimes and the cents after them are one amount (0.52), not a bare 5."""
    out: list[Quantity] = []
    for q in found:
        m = _DIME.search(text, max(0, q.start - 3), q.start) if q.kind == "money" and q.surface.endswith("仙") else None
        if m is not None and out and out[-1].start == m.start(1) and out[-1].kind == "bare":
            bare = out.pop()
            q = replace(q, start=bare.start, surface=text[bare.start:q.end], value=round(bare.value * 0.1 + q.value, 6))
        out.append(q)
    return out
