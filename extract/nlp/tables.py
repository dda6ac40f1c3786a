"""Financial tables read as tables: each numeric cell -> a claim with its period, unit and scale.

A table (from a PDF, :mod:`extract.inputs.pdf`) is rows of cells, each cell with its span in the
extracted text. Reading it:

- **header rows** are the rows before the first row with a number in it; a column's header is
  what its header cells say (``2024年``), completed by header text that names no year and so
  speaks for every column (``截至6月30日止六个月`` makes ``2024年`` the half year ``2024H1``);
- a column whose header names a change (``同比变动``, ``变动(%)``) gives the change of the
  row's claim for the latest period; a ``附注`` (notes) column is skipped;
- the **scale** is stated in a header cell or in the text before the table (``人民币百万元``,
  ``百万港元``, ``RMB'000``); ``百分比除外`` cells written with ``%`` are percentages; a row
  label may state its own unit (``每股盈利(人民币元)``, ``毛利率(%)``);
- each **data row** has its label (the metric as worded: 收入, 毛利, 经调整利润净额) in the
  first cell; ``(1,234)`` is negative, ``—`` and ``不适用`` are no value.

A money table with no stated scale gives no claims (its cells are left out with the reason):
guessing 元 for 人民币百万元 would be off by a million.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..inputs.source import Table
from ..model import Change, Claim, Evidence

# --------------------------------------------------------------------------------------------
# pure parsers (normalized, Simplified text in; None on what they do not understand)

_CN_DIGIT = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
             "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"[一二][〇零○ＯO一二三四五六七八九]{3}(?=\s*年)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_END_MONTH = re.compile(r"(1[0-2]|0?[1-9])\s*月\s*(?:[0-3]?\d)\s*日")
_SPAN = re.compile(r"止\s*(?:(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})\s*个\s*月|(?P<year>年度|年))")
_QUARTER = re.compile(r"(?:第\s*)?(?P<q>[一二三四1-4])\s*季度|Q(?P<q2>[1-4])")
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


def header_period(own: str, context: str = "") -> str | None:
    """The period a column header names: ``own`` is the column's own header text, ``context``
    header text that speaks for every column (it names no year).

    >>> header_period("2024年"), header_period("2023年", "截至12月31日止年度")
    ('2024', '2023')
    >>> header_period("2024年", "截至6月30日止六个月"), header_period("2024年", "截至3月31日止三个月")
    ('2024H1', '2024Q1')
    >>> header_period("二零二四年十二月三十一日"), header_period("于2024年12月31日")
    ('asof:2024-12', 'asof:2024-12')
    >>> header_period("同比变动"), header_period("2024年第四季度")
    (None, '2024Q4')
    """
    own, context = cn_years(own), cn_years(context)
    y = _YEAR.search(own)
    if not y:
        return None
    year = int(y.group(1))
    both = f"{context} {own}"
    span = _SPAN.search(both)
    q = _QUARTER.search(own) or (None if span else _QUARTER.search(context))
    if q:
        return f"{year}Q{_num(q.group('q') or q.group('q2'))}"
    h = _HALF.search(own) or _HALF.search(context)
    end = _END_MONTH.search(both) or _END_MONTH_CN.search(both)
    month = _month(end) if end else None
    if span and span.group("n"):
        n = _num(span.group("n"))
        month = month or 12
        if n == 3:
            return f"{year}Q{(month + 2) // 3}"
        if n == 6:
            return f"{year}H{1 if month <= 6 else 2}"
        if n == 12:
            return str(year)
        return None  # nine months and the like: no period of the contract says it
    if h and not span:
        return f"{year}H{2 if h.group('h') == '下' else 1}"
    if span or re.search(r"年度|全年|财年|fy", both, re.IGNORECASE):
        return str(year)
    if month and (_AT.match(own) or _AT.match(context) or not span):
        # a date alone (于2024年12月31日, 二零二四年十二月三十一日): a stock at that date
        return f"asof:{year}-{month:02d}"
    return str(year)


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
    from .numbers.data import tables

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
    """
    rx, money, mags = _scale_rx()
    best: Scale | None = None
    for m in rx.finditer(text):
        if not (m.group("pre") or m.group("mag")) and not table_header and m.group("post") == "元":
            continue  # a bare 元 in prose states no scale
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


_NUMBER = re.compile(r"^(?P<neg>[(（-]|－)?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                     r"(?P<pct>%|个百分点|百分点|ppt?s?)?\s*[)）]?\s*$")


def cell_number(text: str) -> tuple[float, str | None] | None:
    """The number in a cell and its mark (``%``, ``个百分点`` or ``None``); ``None`` when the
    cell holds no number (``—``, ``不适用``, a label).

    >>> cell_number("126,898"), cell_number("(1,234.5)"), cell_number("11.8%"), cell_number("—")
    ((126898.0, None), (-1234.5, None), (11.8, '%'), None)
    """
    s = text.replace(" ", "").replace("\n", "")
    m = _NUMBER.match(s)
    if not m:
        return None
    v = float(m.group("num").replace(",", ""))
    if m.group("neg") and (m.group("neg") not in "(（" or s.rstrip().endswith((")", "）"))):
        v = -v
    pct = m.group("pct")
    return v, ("个百分点" if pct and pct not in "%" else pct)


# --------------------------------------------------------------------------------------------
# a table -> claims


@dataclass
class TableClaims:
    claims: list[Claim]
    left_out: list[str]


def read_table(table: Table, cell_text, row_text, scale_before: Scale | None, subject,
               lex, page_of=None) -> TableClaims:
    """Claims of ``table``.

    ``cell_text(cell)`` is a cell's normalized text; ``row_text(k)`` is ``(text, start, end,
    raw_start, raw_end)`` of row ``k``'s line in the normalized article; ``scale_before`` the
    scale stated before the table; ``subject`` the article's topic entity (or ``None``).
    """
    rows = [[cell_text(c) if c is not None else "" for c in r] for r in table.rows]
    ncols = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    first_data = next((k for k, r in enumerate(rows) if any(cell_number(x) for x in r[1:])), len(rows))
    header = rows[:first_data]
    header_text = " ".join(x for r in header for x in r if x)
    scale = find_scale(header_text, table_header=True) or scale_before
    context = " ".join(x for r in header for x in r if x and not _YEAR.search(cn_years(x)))
    cols: dict[int, tuple[str, str | None]] = {}  # column -> (kind, period)
    for j in range(1, ncols):
        own = " ".join(r[j] for r in header if r[j])
        if _NOTE.match(own):
            continue
        period = header_period(own, context)
        if period is None and own and _CHANGE.search(own):
            cols[j] = ("change", None)
        else:
            cols[j] = ("value", period)
    values = [j for j, (k, _) in cols.items() if k == "value"]
    latest = max(values, key=lambda j: (cols[j][1] or ""), default=None)
    out: list[Claim] = []
    left: list[str] = []
    for k in range(first_data, len(rows)):
        row = rows[k]
        label = _label(row[0])
        nums = {j: cell_number(row[j]) for j in range(1, ncols) if j in cols}
        nums = {j: v for j, v in nums.items() if v is not None}
        if not label or not nums:
            continue
        metric, own_unit = _metric_unit(label)
        change = None
        for j, (kind, _) in cols.items():
            if kind == "change" and j in nums:
                v, mark = nums[j]
                change = Change(kind="abs" if mark == "个百分点" else "yoy", value=round(v / 100, 10),
                                text=row[j])
        text, a, b, ra, rb = row_text(k)
        for j in values:
            if j not in nums:
                continue
            v, mark = nums[j]
            unit, value = _value(v, mark, own_unit, scale)
            if unit is None:
                left.append(f"table on page {table.page}, row {k + 1} column {j + 1} ({label} {row[j]}): "
                            "no stated scale (人民币百万元, 千港元 …) for this table")
                continue
            ev = Evidence(text=text, start=a, end=b, raw_start=ra, raw_end=rb, page=table.page,
                          table=table.index, row=k + 1, column=j + 1)
            key = _metric_key(metric, lex)
            out.append(Claim(subject=subject.label if subject else "未知",
                             subject_cls=subject.cls if subject and subject.cls in _CLASSES else None,
                             subject_text=subject.label if subject else None,
                             metric=metric, metric_key=key, value=value, unit=unit, period=cols[j][1],
                             change=change if (j == latest and change is not None) else None,
                             evidence=ev, surface=row[j], confidence=0.9))
    return TableClaims(out, left)


_CLASSES = ("Organization", "Company", "Platform", "Person", "Program", "Place")
_OWN_UNIT = re.compile(r"[(（]\s*(?P<u>[^()（）]{1,12})\s*[)）]\s*$")


def _label(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    return s.rstrip(":：").strip()


def _metric_unit(label: str) -> tuple[str, Scale | str | None]:
    """The metric as worded, and the unit its label states: ``毛利率(%)`` -> percent,
    ``每股盈利(人民币元)`` -> CNY at 1."""
    m = _OWN_UNIT.search(label)
    if m:
        u = m.group("u")
        if u in ("%", "百分比"):
            return label[:m.start()], "percent"
        sc = find_scale(u, table_header=True)
        if sc is not None:
            return label[:m.start()], sc
    if label.endswith("率") or label.endswith("%"):
        return label.rstrip("%"), "percent"
    return label, None


def _value(v: float, mark: str | None, own, scale: Scale | None) -> tuple[str | None, float]:
    if mark == "%" or mark == "个百分点" or own == "percent":
        return "percent", round(v / 100, 10)
    sc = own if isinstance(own, Scale) else scale
    if sc is None:
        return None, v
    return sc.unit, round(v * sc.factor, 6)


def _metric_key(metric: str, lex) -> str | None:
    if lex is None:
        return None
    from .components.entities import metric_spans

    hits = [(b - a, e) for a, b, e in metric_spans(metric, lex)]
    if not hits:
        return None
    size, entry = max(hits, key=lambda h: h[0])
    return entry.key if size * 2 >= len(metric) else None
