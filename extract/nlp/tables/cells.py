"""The pure parsers of tables: the period a column header names, the scale a table states, the
number in a cell (normalized, Simplified text in; ``None`` on what they do not understand)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_CN_DIGIT = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
             "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"[一二][〇零○ＯO一二三四五六七八九]{3}(?=\s*年)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_END_MONTH = re.compile(r"(1[0-2]|0?[1-9])\s*月\s*(?:[0-3]?\d)\s*日")
_SPAN = re.compile(r"(?:止|的|截至|截止|结束)\s*(?:(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})\s*个\s*月|(?P<year>年度|年))"
                   r"|(?P<n2>[一二三四五六七八九十]{1,2}|\d{1,2})\s*个\s*月\s*(?:已?结束|截至|截止)")
_QUARTER = re.compile(r"(?:第\s*)?(?P<q>[一二三四1-4])\s*季度?|Q(?P<q2>[1-4])")
_HALF = re.compile(r"(?P<h>上|下)半年|中期")
_AT = re.compile(r"^\s*(?:于|於|截至|截止|as at)\s*", re.IGNORECASE)
_CHANGE = re.compile(r"变动|变化|增减|增长|同比|按年|change|%\s*$|^\s*%", re.IGNORECASE)
_NOTE = re.compile(r"^\s*(?:附注|注释|notes?)\s*$", re.IGNORECASE)


def cn_years(text: str) -> str:
    """Years written in Chinese numerals as digits.

    >>> cn_years("二零二四年及二〇二三年")
    '2024年及2023年'
    """
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGIT[c] for c in m.group(0)), text)


def one_line(s: str) -> str:
    r"""A label as one line: the spaces and line breaks in it left out, but one space kept between
    two Latin words (``Diluted earnings\nper ADS``).

    >>> one_line("经调整\n净利润"), one_line("Diluted earnings\n per ADS"), one_line("Q1 营收")
    ('经调整净利润', 'Diluted earnings per ADS', 'Q1营收')
    """
    return re.sub(r"\s+", lambda m: " " if _latin(s, m.start() - 1) and _latin(s, m.end()) else "", s.strip())


def _latin(s: str, i: int) -> bool:
    return 0 <= i < len(s) and (s[i].isascii() and (s[i].isalnum() or s[i] in "()$&-"))


_MONTH_RANGE = re.compile(r"(?<!\d)(\d{1,2})\s*[-—–~～至]\s*(\d{1,2})\s*月")


def header_period(own: str, context: str = "") -> str | None:
    """The period a column header names: ``own`` is the column's own header text, ``context``
    header text that speaks for every column (it names no year).

    >>> header_period("2024年"), header_period("2023年", "截至12月31日止年度")
    ('2024', '2023')
    >>> header_period("2024年", "截至6月30日止六个月"), header_period("2024年", "截至3月31日止三个月")
    ('2024H1', '2024Q1')
    >>> header_period("二零二四年十二月三十一日"), header_period("于2024年12月31日")
    ('asof:2024-12', 'asof:2024-12')
    >>> header_period("2024年3月31日", "三个月已结束"), header_period("2024年3月31日", "截至以下日期止三个月")
    ('2024Q1', '2024Q1')
    >>> header_period("同比变动"), header_period("2024年第四季度")
    (None, '2024Q4')
    >>> header_period("2024年1-9月"), header_period("2024年", "截至9月30日止九个月")
    ('2024-01/2024-09', '2024-01/2024-09')
    """
    own, context = _hk_periods(_latin_periods(cn_years(own))), _hk_periods(_latin_periods(cn_years(context)))
    y = _YEAR.search(own)
    if not y:
        return None
    year = int(y.group(1))
    both = f"{context} {own}"
    if months := _MONTH_RANGE.search(own):  # 2024年1-9月: those months
        from ..period_codes import _span_code

        return _span_code(year, int(months.group(1)), int(months.group(2))) if 1 <= int(months.group(1)) <= int(months.group(2)) <= 12 else None
    span = _SPAN.search(both)
    q = _QUARTER.search(own) or (None if span else _QUARTER.search(context))
    if q:
        return f"{year}Q{_num(q.group('q') or q.group('q2'))}"
    h = _HALF.search(own) or _HALF.search(context)
    end = _END_MONTH.search(both) or _END_MONTH_CN.search(both)
    month = _month(end) if end else None
    if span and (span.group("n") or span.group("n2")):
        n = _num(span.group("n") or span.group("n2"))
        month = month or 12
        if n == 3:
            return f"{year}Q{(month + 2) // 3}"
        if n == 6:
            return f"{year}H{1 if month <= 6 else 2}"
        if n == 12:
            return str(year)
        if n <= month:  # 截至9月30日止九个月: January to September
            from ..period_codes import _span_code

            return _span_code(year, month - n + 1, month)
        return None
    if h and not span:
        return f"{year}H{2 if h.group('h') == '下' else 1}"
    if span or re.search(r"年度|全年|财年|fy", both, re.IGNORECASE):
        return str(year)
    if month and (_AT.match(own) or _AT.match(context) or not span):
        # a date alone (于2024年12月31日, 二零二四年十二月三十一日): a stock at that date
        return f"asof:{year}-{month:02d}"
    return str(year)


_LATIN_Q = re.compile(r"(?<![A-Za-z])(?:Q(?P<q>[1-4])\s*['’]?\s*(?P<y>(?:19|20)\d{2}|\d{2})|(?P<q2>[1-4])Q\s*['’]?\s*(?P<y2>(?:19|20)\d{2}|\d{2})"
                      r"|(?P<y3>(?:19|20)\d{2}|(?<!\d)\d{2})\s*(?P<hq>[QH])(?P<n3>[1-4])|H(?P<h>[12])\s*['’]?\s*(?P<y4>(?:19|20)\d{2}|\d{2})"
                      r"|FY\s*['’]?(?P<y5>(?:19|20)\d{2}|\d{2}))(?!\d)", re.IGNORECASE)


def _latin_periods(s: str) -> str:
    """Periods written the Latin way as Chinese ones: ``Q1'24`` -> ``2024年第1季度``, ``1H24`` ->
    ``2024年上半年``, ``FY2024`` -> ``2024年度``.

    >>> _latin_periods("Q1'24"), _latin_periods("2024 Q4"), _latin_periods("H1 2023"), _latin_periods("FY23")
    ('2024年第1季度', '2024年第4季度', '2023年上半年', '2023年度')
    """
    def year(y: str) -> str:
        return y if len(y) == 4 else f"20{y}"

    def sub(m: re.Match[str]) -> str:
        g = m.groupdict()
        if g["q"] or g["q2"]:
            return f"{year(g['y'] or g['y2'])}年第{g['q'] or g['q2']}季度"
        if g["y3"]:
            n, y = g["n3"], year(g["y3"])
            if g["hq"].upper() == "Q":
                return f"{y}年第{n}季度"
            return f"{y}年{'上' if n == '1' else '下'}半年"
        if g["h"]:
            return f"{year(g['y4'])}年{'上' if g['h'] == '1' else '下'}半年"
        return f"{year(g['y5'])}年度"

    return _LATIN_Q.sub(sub, s)


_HK_Q = re.compile(r"(?<![\d.])(?P<yy>[12]\d)(?=\s*年\s*(?:第\s*)?[一二三四1-4首次]\s*季|\s*年\s*[上下]半年)|(?P<fs>[首次])季(?![度节])"
                   r"|(?P<qm>3|6|9|12|三|六|九|十二)\s*月\s*(?:底|末)?\s*止?\s*(?:的|之)?\s*(?:季度|季)(?!末|底)")


def _hk_periods(s: str) -> str:
    """Hong Kong and shorthand quarters as the usual words: ``23年第四季度`` -> ``2023年第四季度``,
    ``首季`` -> ``第1季``, ``2024年6月季度`` (the quarter ending in June) -> ``2024年第2季``.

    >>> _hk_periods("23年第四季度"), _hk_periods("2024年首季"), _hk_periods("2024年6月季度")
    ('2023年第四季度', '2024年第1季', '2024年第2季')
    """
    def sub(m: re.Match[str]) -> str:
        if m.group("yy"):
            return f"20{m.group('yy')}"
        if m.group("fs"):
            return f"第{1 if m.group('fs') == '首' else 2}季"
        return f"第{(_num(m.group('qm')) + 2) // 3}季"

    return _HK_Q.sub(sub, s)


_END_MONTH_CN = re.compile(r"(十[一二]?|[一二三四五六七八九])\s*月\s*[一二三]?十?[一二三四五六七八九]?\s*日")


def _month(m: re.Match[str]) -> int:
    g = m.group(1)
    return int(g) if g.isdigit() else _MONTHS[g]


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    return _MONTHS.get(s, 0)


@dataclass(frozen=True)
class Scale:
    """A table's stated scale: the currency unit and the multiplier (人民币百万元: CNY, 1e6)."""

    unit: str
    factor: float
    text: str


_SCALE_EN = re.compile(r"(?P<cur>RMB|HK\$|US\$|HKD|USD|CNY)\s*(?P<mag>'000|’000|thousands?|millions?|billions?|千元|百万元)",
                       re.IGNORECASE)
_EN_MAG = {"'000": 1e3, "’000": 1e3, "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
           "billion": 1e9, "billions": 1e9, "千元": 1e3, "百万元": 1e6}


@cache
def _scale_rx() -> tuple[re.Pattern[str], dict[str, str], dict[str, int]]:
    """The scale pattern from the data files: money words of ontology/units.tsv, magnitude
    words of ontology/magnitudes.tsv."""
    from ..numbers.data import tables

    t = tables()
    money = {r.word: r.unit for r in t.units if r.kind == "money" and not r.unit.startswith("other:")
             and any("\u4e00" <= c <= "\u9fff" for c in r.word)}
    mags = {r.word: r.value for r in t.magnitudes if r.value >= 1000}
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    # 人民币百万元, 港币千元, 百万港元, 千美元, 人民币元
    rx = re.compile(rf"(?P<pre>{alt(money)})?\s*(?P<mag>{alt(mags)})?\s*(?P<post>{alt(money)})")
    return rx, money, mags


def find_scale(text: str, table_header: bool = False) -> Scale | None:
    """The last scale statement in ``text``: in brackets or after 单位/以 (in running text), or
    anywhere in a table's header cells (``table_header``).

    >>> find_scale("(人民币百万元,百分比除外)")
    Scale(unit='CNY', factor=1000000.0, text='人民币百万元')
    >>> find_scale("单位:千港元").unit, find_scale("(RMB'000)").factor, find_scale("营收增长至100亿元")
    ('HKD', 1000.0, None)
    >>> find_scale("单位:元 币种:人民币"), find_scale("每股1元")
    (Scale(unit='CNY', factor=1.0, text='元'), None)
    """
    rx, money, mags = _scale_rx()
    best: Scale | None = None
    for m in rx.finditer(text):
        if not (m.group("pre") or m.group("mag")) and not table_header and m.group("post") == "元" \
                and not re.search(r"单位\s*[:：]?\s*$", text[max(0, m.start() - 6):m.start()]):
            continue  # a bare 元 in prose states no scale (单位:元, an A-share report's, does)
        a, b = m.span()
        if a and (text[a - 1].isdigit() or text[a - 1] in ".十百千万亿两几数"):
            continue  # 100亿元 is an amount, not a scale
        framed = table_header or re.search(r"[(（\[【]\s*$|(?:单位|以|金额)\s*[:：为]?\s*$", text[max(0, a - 12):a]) \
            or re.match(r"\s*[)）\]】,，;；]|\s*列示|\s*计", text[b:b + 6])
        if not framed:
            continue
        cur = money.get(m.group("pre") or "") or money[m.group("post")]
        if m.group("pre") and m.group("post") == "元":
            cur = money[m.group("pre")]
        best = Scale(cur, float(mags.get(m.group("mag") or "", 1)), m.group(0).strip())
    for m in _SCALE_EN.finditer(text):
        cur = {"RMB": "CNY", "HK$": "HKD", "US$": "USD"}.get(m.group("cur").upper(), m.group("cur").upper())
        if best is None or m.start() > text.rfind(best.text):
            best = Scale(cur, _EN_MAG[m.group("mag").lower()], m.group(0))
    return best


_NUMBER = re.compile(r"^(?:[+＋]|(?P<neg>[(（\-−–]|－))?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                     r"(?P<pct>%|个百分点|百分点|ppt?s?)?\s*[)）]?\s*$")


def cell_number(text: str) -> tuple[float, str | None] | None:
    """The number in a cell and its mark (``%``, ``个百分点`` or ``None``); ``None`` when the
    cell holds no number (``—``, ``不适用``, a label).

    >>> cell_number("126,898"), cell_number("(1,234.5)"), cell_number("11.8%"), cell_number("+53.5%"), cell_number("—")
    ((126898.0, None), (-1234.5, None), (11.8, '%'), (53.5, '%'), None)
    >>> cell_number("RMB 31,144"), cell_number("(US$ 5)")
    ((31144.0, None), (-5.0, None))
    """
    s = re.sub(r"^([(（]?)(?:RMB|US\$|HK\$|人民币|美元|港元|\$)", r"\1", text.replace(" ", "").replace("\n", ""))
    m = _NUMBER.match(s)
    if not m:
        return None
    v = float(m.group("num").replace(",", ""))
    if m.group("neg") and (m.group("neg") not in "(（" or s.rstrip().endswith((")", "）"))):
        v = -v
    pct = m.group("pct")
    return v, ("个百分点" if pct and pct not in "%" else pct)


def find_magnitude_scale(text: str) -> float | None:
    """The factor of a scale that names no currency (以百万计, in millions), the last one.

    >>> find_magnitude_scale("(以百万计,每股ADS除外)"), find_magnitude_scale("收入")
    (1000000.0, None)
    >>> find_magnitude_scale("(In millions except per ADS)")
    1000000.0
    """
    from .words import table_words

    best, at = None, -1
    low = text.lower()
    for word, factor in table_words().magnitude_scales:
        k = low.rfind(word.lower())
        if k > at:
            best, at = factor, k
    return best


CURRENCY_WORDS = (("人民币", "CNY"), ("RMB", "CNY"), ("美元", "USD"), ("US$", "USD"), ("USD", "USD"),
                   ("港元", "HKD"), ("港币", "HKD"), ("HK$", "HKD"), ("HKD", "HKD"))


def header_currency(text: str) -> str | None:
    """The currency a header names (人民币, US$), the first one.

    >>> header_currency("2024年第一季度 美元"), header_currency("2024年")
    ('USD', None)
    """
    hits = [(text.find(w), c) for w, c in CURRENCY_WORDS if w in text]
    return min(hits)[1] if hits else None
