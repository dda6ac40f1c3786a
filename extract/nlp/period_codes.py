"""Period codes: how a named period is written (2020Q4, 2020H1, 2023-01/2023-09, asof:2020-12),
and the calendar periods of a fiscal year, its quarters and halves (Alibaba's 2020财年第三季度 is
2019Q4). :mod:`.periods` finds the mentions; this module writes their codes.
"""
from __future__ import annotations

import re

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "首": 1, "次": 2}

#: a fiscal year named by the year it ends in (2020财年, 2023/24财年, 2023/24年度), its quarters, first quarters
#: and halves (see :func:`_fiscal_code`)
FISCAL = re.compile(r"(?:(?P<y>(?:19|20)\d{2})|(?<![\d.A-Za-z/])(?P<yy>\d{2}))\s*(?:/\s*(?P<fy2>\d{2}|(?:19|20)\d{2}))?\s*"
                    r"(?:财(?:政)?年(?:度)?|(?(fy2)年度|(?!)))\s*的?\s*(?:(?:第\s*)?(?P<q>[一二三四1-4])\s*(?:财季|季度|季)|Q(?P<q2>[1-4])(?![\d])|"
                    r"前\s*(?P<nq>[一二三两1-3])\s*个?\s*(?:财季|季度)|前\s*(?P<nmo>十[一二]?|[一二三四五六七八九]|1[01]|[1-9])\s*个\s*月|"
                    r"(?P<fh>上|下)半(?:年|财年)|(?P<fmid>中期)(?=业绩|报告|财报|收益|溢利|利润|股息))?")

#: an English fiscal quarter or year (FY20Q3, FY2020 Q3, FY2024)
FISCAL_EN = re.compile(r"(?<![A-Za-z])FY\s*(?:(?P<y>(?:19|20)\d{2})|(?P<yy>\d{2}))(?![\d])\s*(?:Q(?P<q2>[1-4])(?![\d]))?")


def fiscal_groups(m: re.Match) -> dict:
    """A fiscal match's groups with a two-digit year (20财年) and a Q-quarter (财年Q3) written out."""
    g = m.groupdict()
    if g.get("yy") and not g.get("y"):
        g["y"] = str(2000 + int(g["yy"]))
    if g.get("q2") and not g.get("q"):
        g["q"] = g["q2"]
    if g.get("fmid") and not g.get("fh"):
        g["fh"] = "上"  # 2024/25财年中期业绩: the fiscal year's first half
    return g


def _fmt(kind: str, y: int, q: int | None = None, h: str | None = None, m: int | None = None,
         asof: bool = False) -> str:
    if q:
        p = f"{y}Q{q}"
        if asof:
            p = f"asof:{y}-{q * 3:02d}"
    elif h:
        p = f"{y}H{2 if h == '下' else 1}"
    elif m:
        p = f"{y}-{m:02d}"
        if asof:
            p = "asof:" + p
    else:
        p = str(y)
    return p


_CN_MONTH = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12}


def _month_number(x: str | None) -> int | None:
    if not x:
        return None
    return int(x) if x.isdigit() else _CN_MONTH.get(x)


def _span_months(g: dict) -> tuple[int | None, int]:
    """(first month, last month) of a span rule's match."""
    if g.get("nq"):
        return 1, 3 * (_month_number(g["nq"]) or 0)
    if g.get("nm"):
        return 1, _month_number(g["nm"]) or 0
    return _month_number(g.get("m1")), _month_number(g.get("m2")) or 0


def _span_code(y: int, m1: int, m2: int) -> str:
    """Months m1..m2 of year y as the shortest code: a quarter, a half, the year, else the ISO 8601
    interval of months.

    >>> _span_code(2023, 1, 9), _span_code(2023, 1, 6), _span_code(2023, 4, 6), _span_code(2023, 1, 12)
    ('2023-01/2023-09', '2023H1', '2023Q2', '2023')
    """
    if (m1, m2) == (1, 12):
        return str(y)
    if (m1, m2) in ((1, 6), (7, 12)):
        return f"{y}H{1 if m1 == 1 else 2}"
    if m2 - m1 == 2 and m1 % 3 == 1:
        return f"{y}Q{(m1 + 2) // 3}"
    if m1 == m2:  # (截至2023年11月30日止一个月: the month)
        return f"{y}-{m1:02d}"
    return f"{y}-{m1:02d}/{y}-{m2:02d}"


def _fiscal_end(g: dict) -> int:
    """The calendar year a fiscal year ends in: 2020财年 -> 2020, 2023/24财年 -> 2024."""
    y2 = g.get("fy2")
    if y2:
        return int(y2) if len(y2) == 4 else int(g["y"][:2] + y2)
    return int(g["y"])


def _fiscal_code(g: dict, published: tuple[int, int] | None = None, fiscal_end: int | None = None) -> str:
    """The period code of a fiscal year, quarter, span of quarters or half. A fiscal year ends
    in March, June, September or December; which one is the latest whose period had ended by
    the publication date (Alibaba's 2020财年第三季度, reported in February 2020, is 2019Q4;
    a calendar-year company's 2018财年第三季度, reported in November 2018, is 2018Q3). Without a
    date, or when none has ended (a target), the fiscal year is the calendar year; the month
    the article's fiscal year ends in (``fiscal_end``, from its first fiscal quarter) wins.

    >>> [_fiscal_code(g, (2020, 2)) for g in ({"y": "2020", "q": "三"}, {"y": "2020", "nq": "三"}, {"y": "2019"})]
    ['2019Q4', '2019-04/2019-12', '2019']
    >>> _fiscal_code({"y": "2019"}, (2020, 2), fiscal_end=3)
    '2018-04/2019-03'
    >>> [_fiscal_code({"y": "2018", "q": "3"}, (2018, 11)), _fiscal_code({"y": "2024", "q": "4"}, (2024, 10))]
    ['2018Q3', '2024Q3']
    >>> _fiscal_code({"y": "2024", "fy2": "25"}, (2025, 5))
    '2024-04/2025-03'
    """
    if fiscal_end:
        return _fiscal_span(g, fiscal_end)[0]
    if g.get("fy2") and not fiscal_end_month(g, published):
        # 2024/25财年: a year written over two never ends in December; it ends in March (Hong
        # Kong's and most such companies'), unless the article says otherwise (fiscal_end)
        return _fiscal_span(g, 3)[0]
    return _fiscal_span(g, fiscal_end_month(g, published) or 12)[0]


def _fiscal_span(g: dict, end_month: int) -> tuple[str, tuple[int, int]]:
    """The code of the fiscal period ``g`` names when the fiscal year ends in ``end_month``,
    and the (year, month) it ends in."""
    first = _fiscal_end(g) * 12 + end_month - 12  # months since year 0 of the fiscal year's first month
    if g.get("q"):
        k1, k2 = 3 * _CN[g["q"]] - 3, 3 * _CN[g["q"]] - 1
    elif g.get("nq"):
        k1, k2 = 0, 3 * _CN.get(g["nq"], 2) - 1
    elif g.get("nmo"):  # 2020财年前九个月: the fiscal year's first months
        k1, k2 = 0, (_month_number(g["nmo"]) or 12) - 1
    elif g.get("fh"):
        k1, k2 = (0, 5) if g["fh"] == "上" else (6, 11)
    else:
        k1, k2 = 0, 11
    (y1, m1), (y2, m2) = [((first + k) // 12, (first + k) % 12 + 1) for k in (k1, k2)]
    return (_span_code(y1, m1, m2) if y1 == y2 else f"{y1}-{m1:02d}/{y2}-{m2:02d}"), (y2, m2)


def quarter_end(code: str) -> tuple[int, int] | None:
    """The (year, month) a quarter ends in: a calendar one (2024Q3) or three months of a fiscal
    year that ends in another month (2024-08/2024-10); None for other periods.

    >>> quarter_end("2024Q3"), quarter_end("2024-08/2024-10"), quarter_end("2024-01/2024-09")
    ((2024, 9), (2024, 10), None)
    """
    if m := re.fullmatch(r"(\d{4})Q([1-4])", code):
        return int(m.group(1)), 3 * int(m.group(2))
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", code)
    if m and (int(m.group(3)) * 12 + int(m.group(4))) - (int(m.group(1)) * 12 + int(m.group(2))) == 2:
        return int(m.group(3)), int(m.group(4))
    return None


def months_to(end: tuple[int, int], delta: int, asof: bool = False) -> str:
    """The three months to ``delta`` months after ``end`` (year, month), or the end of them
    (``asof``): the quarter before a fiscal quarter that is no calendar one.

    >>> months_to((2024, 10), -3), months_to((2024, 1), 3), months_to((2024, 10), -3, asof=True)
    ('2024-05/2024-07', '2024-02/2024-04', 'asof:2024-07')
    """
    e = end[0] * 12 + end[1] - 1 + delta
    if asof:
        return f"asof:{e // 12}-{e % 12 + 1:02d}"
    s = e - 2
    return _span_code(e // 12, s % 12 + 1, e % 12 + 1) if s // 12 == e // 12 else f"{s // 12}-{s % 12 + 1:02d}/{e // 12}-{e % 12 + 1:02d}"


def fiscal_quarter_of(end: tuple[int, int], q: int, fiscal_end: int, ahead: bool = False) -> str:
    """The code of fiscal quarter ``q`` of the fiscal year (ending in ``fiscal_end``) that the
    quarter ending at ``end`` is in: 英伟达's 第四季度 after its quarter to October 2024; in an
    outlook (``ahead``), a quarter before that one is the next fiscal year's.

    >>> fiscal_quarter_of((2024, 10), 4, 1), fiscal_quarter_of((2019, 12), 4, 3), fiscal_quarter_of((2024, 10), 1, 10, True)
    ('2024-11/2025-01', '2020Q1', '2024-11/2025-01')
    """
    cy, cm = end
    fy = cy if cm <= fiscal_end else cy + 1
    code, last = _fiscal_span({"y": str(fy), "q": str(q)}, fiscal_end)
    return _fiscal_span({"y": str(fy + 1), "q": str(q)}, fiscal_end)[0] if ahead and last < end else code


def fiscal_end_month(g: dict, published: tuple[int, int] | None) -> int | None:
    """The month a fiscal quarter's year ends in: the latest whose quarter had ended by the
    publication date (see :func:`_fiscal_code`); None without a date or a quarter."""
    if not published or not (g.get("q") or g.get("nq") or g.get("nmo") or g.get("fh")):
        return None
    ended = [(last, m) for m in (3, 6, 9, 12) if (last := _fiscal_span(g, m)[1]) < published]
    return max(ended)[1] if ended else None


def fiscal_year_end(text: str, published: tuple[int, int] | None) -> int | None:
    """The month the fiscal year of ``text``'s first fiscal quarter ends in (2020财年第三季度
    reported in February 2020: 3), for the article's other fiscal periods."""
    for m in (*FISCAL.finditer(text), *FISCAL_EN.finditer(text)):
        month = fiscal_end_month(fiscal_groups(m), published)
        if month:
            return month
    return None


#: a fiscal year named by the day it ends, not December's (截至2024年3月31日止财年, 截至3月31日止年度)
#: (截至2024年11月30日的2025财年第二财季: its year named between; 2025财年第一财季(2024年6月1日至8月31日): the days in brackets)
FY_ENDED = re.compile(r"截至\s*(?:(?:19|20)\d{2}\s*年\s*)?(?P<m>1[0-2]|[1-9])\s*月\s*(?P<d>[0-3]?\d)\s*日\s*止?\s*的?\s*"
                      r"(?:财年|财政年度|年度|全年|(?:(?:19|20)\d{2}\s*(?:财年|财政年度)\s*)?第(?P<q>[一二三四1-4])(?:财季|财政季度))"
                      r"|第(?P<q2>[一二三四1-4])(?:财季|财政季度)\s*[(（]\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:1[0-2]|[1-9])\s*月\s*[0-3]?\d\s*日\s*"
                      r"(?:至|到|-|－|—|~)\s*(?:(?:19|20)\d{2}\s*年\s*)?(?P<m2>1[0-2]|[1-9])\s*月\s*(?P<d2>[0-3]?\d)\s*日\s*[)）]")


def _fy_end(m: re.Match) -> int | None:
    """The month a fiscal year ends in, from the day its year or its Nth fiscal quarter ends
    (截至3月31日止第四财季: March; 截至12月31日止第三财季: March); None for December's."""
    month, q = int(m.group("m") or m.group("m2")), m.group("q") or m.group("q2")
    month = (month - 2) % 12 + 1 if int(m.group("d") or m.group("d2")) < 15 else month  # (截至2024年11月3日: a year to October)
    end = month if not q else (month + 3 * (4 - "一二三四1234".index(q) % 4 - 1) - 1) % 12 + 1
    return end if end != 12 else None


def fiscal_end_named(text: str) -> int | None:
    """The month the fiscal year ends in, as ``text`` names the day its year or a fiscal quarter
    ends (截至2024年3月31日止财年, 截至3月31日止第四财季), else None."""
    m = FY_ENDED.search(text)
    return _fy_end(m) if m else None


def period_end(code: str | None) -> str | None:
    """``2025Q2`` -> ``asof:2025-06``; ``2024H1`` -> ``asof:2024-06``; ``2023`` -> ``asof:2023-12``.

    >>> [period_end(c) for c in ("2025Q2", "2024H2", "2023", "2021-03", "2023-04/2024-03", "asof:2020-12", None)]
    ['asof:2025-06', 'asof:2024-12', 'asof:2023-12', 'asof:2021-03', 'asof:2024-03', 'asof:2020-12', None]
    """
    if not code:
        return None
    if code.startswith("asof:"):
        return code[:12]
    code = code.split("/")[-1]
    m = re.fullmatch(r"(\d{4})(?:Q([1-4])|H([12])|-(\d{2}))?", code)
    if not m:
        return None
    y, q, h, mo = m.groups()
    month = int(q) * 3 if q else int(h) * 6 if h else int(mo) if mo else 12
    return f"asof:{y}-{month:02d}"


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|-\d{1,2}-\d{1,2})")
_DATELINE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年\-/.]\s*(1[0-2]|0?[1-9])\s*[月\-/.]\s*([0-3]?\d)\s*日?")


def article_year(text: str, given: int | None = None) -> int | None:
    """The year an article was written: ``given`` (``--year``), else a full date in its first
    lines (a dateline), else the latest year it mentions (a report mentions its own year)."""
    if given:
        return given
    head = text[:300]
    m = _DATELINE.search(head)
    if m:
        return int(m.group(1))
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def fiscal_quarter(code: str, end_month: int, pub: tuple[int, int] | None) -> str:
    """The calendar quarter that a company whose fiscal year ends in ``end_month`` means by its
    quarter number (the N of ``code``, 2019Q3), the last such one ended by ``pub``: 阿里巴巴's
    第三季度 (a year ending in March) in February 2020 is 2019Q4.

    >>> fiscal_quarter("2019Q3", 3, (2020, 2)), fiscal_quarter("2024Q1", 6, (2024, 11))
    ('2019Q4', '2024Q3')
    """
    n = int(code[-1])
    month = (end_month + 3 * n - 1) % 12 + 1
    y = pub[0] if pub and month <= pub[1] else (pub[0] - 1 if pub else int(code[:4]))
    return months_to((y, month), 0)  # (英伟达's, a year ending in January: 2024-08/2024-10)


def _quarter_before(y: int, q: int) -> tuple[int, int]:
    return (y, q - 1) if q > 1 else (y - 1, 4)


def _reported_year(y: int, last_month: int, published: tuple[int, int] | None) -> int:
    """The year of a reported period whose year the text does not say: ``y``, unless the period
    would end after publication (12月, reported in February), then the year before."""
    return y - 1 if published is not None and (y, last_month) > published else y


def last_quarter(codes: list[str]) -> str | None:
    """The quarter a single quarter (单季度) is, after the first of ``codes`` (the periods named
    before it, latest first, then the one in context) that ends with a quarter: a quarter itself,
    a half's last (2024H1 -> 2024Q2), the first months to a quarter's end (2024-01/2024-09 -> 2024Q3).

    >>> last_quarter(["2024-01/2024-09"]), last_quarter(["", "2024H1"]), last_quarter(["2024"])
    ('2024Q3', '2024Q2', None)
    """
    for code in codes:
        if m := re.fullmatch(r"(\d{4})Q[1-4]", code):
            return code
        if m := re.fullmatch(r"(\d{4})H([12])", code):
            return f"{m[1]}Q{2 * int(m[2])}"
        if m := re.fullmatch(r"(\d{4})-01/\1-(03|06|09|12)", code):
            return f"{m[1]}Q{int(m[2]) // 3}"
    return None
