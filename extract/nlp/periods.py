"""Periods named in a sentence: 2020年四季度 -> 2020Q4, 上半年 -> 2020H1, 截至2020年12月 ->
asof:2020-12, 去年/今年/同期/上一季度 resolved against the article's year.

:func:`find_periods` returns the period mentions of a sentence in order, each with its span, so
the claim builder can let a period govern the clauses after it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .patterns import WordRegex
from .period_codes import (_CN, _fiscal_code, fiscal_quarter, _fiscal_end, _fiscal_span, _fmt, _month_number, _span_code, _span_months,
                           _quarter_before, _reported_year, fiscal_quarter_of, last_quarter, months_to,
                           quarter_end)
from .period_rules import _LIST_BEFORE, ASOF_MONTH, _NEXT_QUARTER, _PREVIOUS_MONTH, _PREVIOUS_QUARTER, _RULES


def _relative_quarter(y: int, q: int, rel: str) -> tuple[int, int]:
    """The quarter ``rel`` (本季度, 上季度, 下个季度) names against quarter ``q`` of year ``y``."""
    if rel in _PREVIOUS_QUARTER:
        return _quarter_before(y, q)
    if rel in _NEXT_QUARTER:
        return (y, q + 1) if q < 4 else (y + 1, 1)
    return y, q


#: words of the future: a period in their sentence may be one to come
FUTURE = re.compile(r"预计|预期|预测|预估|将|有望|可望|计划|目标|指引|力争|争取|明年|即将|未来|展望")
#: a figure set against the market's expectations (超出市场预期, 分析师预期为…): said of the period
#: reported, no outlook
#: (法人预估,第二季营收…: no comparison before a comma, an outlook)
_AGAINST_EXPECTED = WordRegex(r"(?:超出|超过|高于|低于|不及|符合|好于|优于|逊于|胜于|超)(?:{expectation_holders})?(?:此前)?(?:的)?"
                               r"(?:一致|普遍|平均)?(?:预期|预估)(?=[,，。;；)）]|$|为|的|值|是|营收|收入|利润|每股)"
                               r"|(?:{expectation_holders})?(?:此前)?(?:的)?"
                               r"(?:一致|普遍|平均)?(?:预期|预估)(?=[。;；)）]|$|为|的|值|是|营收|收入|利润|每股)")


def outlook(text: str) -> bool:
    """Does ``text`` look ahead (预计第一季度收入…), not only compare with expectations?"""
    return bool(FUTURE.search(_AGAINST_EXPECTED.sub("", text)))

#: a year written out in a period mention (2023年, 23Q4): what a relative year is counted from
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d{2}|(?<![\d.])[12]\d\s*[年QH]")

#: a period named before a relative one in its sentence (2024年上半年…,去年同期: that one's, not the months' in context)
_NAMED_BEFORE = re.compile(r"(?:\d|[一二三四五六七八九十])\s*(?:月|季度|季|年)|[上下]半年|全年|本季|本月|当月")

_REL_YEARS = {"去年": -1, "上年": -1, "前年": -2, "今年": 0, "本年": 0, "明年": 1}
_REL_YEAR = re.compile(r"(去年|上年|前年|今年|本年|明年)\s*$")
_LISTED = re.compile(r"\s*(?:、|和|与|及|以及|至|到|-|~|—)\s*")


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: str  # 2020, 2020Q4, 2020H1, 2021-03, asof:2020-12
    year: int
    base: bool = False  # the base of a comparison (较2022年12月): it does not govern claims


_ENDED_MONTHS = {"年度": 12, "财政年度": 12, "财年": 12, "全年": 12, "半年": 6, "季度": 3, "季": 3, "月份": 1, "月": 1, **{f"{w}个月": n for n, ws in enumerate(("一1", "两二2", "三3", "四4", "五5",
                 "六6", "七7", "八8", "九9", ("十", "10"), ("十一", "11"), ("十二", "12")), 1) for w in ws}}
_COMPARED_WITH = re.compile(r"(?:较|比|相比|相较|较之|对比|(?<![不])[高低多少]于|不及)\s*(?:于)?\s*$")


def _compared(text: str, start: int, end: int | None = None) -> bool:
    """A period after 较/比/相比, or between 与 and 相比 (与第二季度相比), is the base of a
    comparison, not the claim's own period."""
    return bool(_COMPARED_WITH.search(text, max(0, start - 4), start)) or (
        end is not None and bool(_WITH_BEFORE.search(text, max(0, start - 2), start))
        and bool(_COMPARED_AFTER.match(text, end)))


_WITH_BEFORE = re.compile(r"(?:与|和|跟|同)\s*$")
_COMPARED_AFTER = re.compile(r"\s*(?:的?(?:水平)?)?\s*(?:相比|相较|比较)")


def find_periods(text: str, year: int | None, quarter: str | None = None,
                 published: tuple[int, int] | None = None, fiscal_end: int | None = None,
                 month: str | None = None, data_month: str | None = None, fiscal_by_start: bool = False) -> list[PeriodMention]:
    """Period mentions of ``text``; relative ones (去年, 本季度) need the article's ``year`` and,
    for 同期/上季度, the current ``quarter`` period (e.g. ``2021Q1``) when known; a fiscal
    quarter (2020财年第三季度) the publication ``(year, month)`` or the month the article's
    fiscal year ends in (``fiscal_end``); 本月/上月 the month named before them in ``text``, else
    the ``month`` in context (``2021-10``, or the last of months: ``2021-01/2021-10``), else the month of publication; 目前 the month a monthly
    data piece is about (``data_month``), else the month of publication.

    >>> [p.period for p in find_periods("2020年四季度,DAU 2.71亿;截至2020年12月,网民规模达9.89亿", 2021)]
    ['2020Q4', 'asof:2020-12']
    >>> [p.period for p in find_periods("毛利率从去年同期的23%增长至本季度的24%", 2021, "2021Q1")]
    ['2020Q1', '2021Q1']
    """
    out: list[PeriodMention] = []
    pending: list[tuple[int, int, str, bool]] = []  # 上一季度 with no quarter in context
    months: list[tuple[int, int, str, bool]] = []  # 本月, 上月: resolved once every month is found
    taken: list[tuple[int, int]] = []
    cur_q = re.match(r"(\d{4})Q([1-4])", quarter or "")
    cur_y = re.fullmatch(r"(\d{4})(?:H([12]))?", quarter or "")  # a year's or half's results in context
    cur_m = re.fullmatch(r"(\d{4})-(\d{2})", quarter or month or "")  # a month's figures in context
    cur_span = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", month or "")  # … or months' (1-10月)
    fiscal_q = quarter_end(quarter or "") if fiscal_end and fiscal_end != 12 else None  # a fiscal quarter in context
    for rx, kind, triggers in _RULES:
        if not any(c in text for c in triggers):
            continue
        for m in rx.finditer(text):
            a, b = m.span()
            if m.group(0).strip() == "" or any(x < b and a < y for x, y in taken):
                continue
            g = m.groupdict()
            if g.get("yy"):  # a two-digit year (18Q3): this century's
                g["y"] = str(2000 + int(g["yy"]))
            if g.get("hn"):
                g["h"] = "上" if g["hn"] == "1" else "下"
            if g.get("h") == "中" or g.get("h2"):  # (Hong Kong 中期: the first half)
                g["h"] = "上"
            if g.get("q2") or g.get("q3"):  # (首季, 次季; 今年首季)
                g["q"] = g.get("q2") or g["q3"]
            if g.get("fmid"):  # 2024/25财年中期: the fiscal year's first half
                g["fh"] = "上"
            if g.get("qm"):  # a quarter named by its end month
                g["q"] = str((_month_number(g["qm"]) or 3) // 3)
            asof = bool(g.get("asof")) or bool(g.get("end")) or bool(g.get("end2")) or bool(g.get("yend"))
            q = _CN.get(g.get("q") or "")
            h = g.get("h")
            # (ml: the last of months listed with one 月, 7、8、9三个月)
            mo = _month_number(g.get("m") or g["ml"]) if g.get("m") or g.get("ml") else (12 if g.get("yend") else None)
            if kind == "fiscal_this":
                ctx = re.match(r"(\d{4})(?:Q([1-4])|H([12]))?", quarter or "")
                if ctx is None:  # no reporting period in context: this fiscal year is unknown
                    taken.append((a, b))
                    continue
                cy = int(ctx.group(1))
                cm = 3 * int(ctx.group(2)) if ctx.group(2) else (6 * int(ctx.group(3)) if ctx.group(3) else 12)
                end = fiscal_end or 12
                g["y"] = str((cy if cm <= end else cy + 1) - bool(g.get("prev")))  # the fiscal year the quarter in context is in (上一财年: the one before)
                code = _fiscal_span(g, end)[0]
                out.append(PeriodMention(a, b, code, int(code[:4]), _compared(text, a, b)))
                taken.append((a, b))
                continue
            if kind == "fiscal":
                if fiscal_by_start and g.get("y") and not g.get("fy2"):  # (索尼2024财年: named by the year it starts in)
                    g["y"] = str(int(g["y"]) + 1)
                out.append(PeriodMention(a, b, _fiscal_code(g, published, fiscal_end), _fiscal_end(g), _compared(text, a, b)))
                taken.append((a, b))
                continue
            if kind == "ended":  # the months up to the end month, as their code
                if g.get("y") is None and year is None:
                    continue
                y, m2 = int(g["y"] or year), int(g["m"])
                y -= g.get("rely") in ("去年", "上年")  # 截至今年6月30日止六个月, 截至去年12月31日止年度
                if g.get("y") is None and not g.get("rely"):
                    y = _reported_year(y, m2, published)  # 截至12月31日的九个月, reported in February: last year's
                second = m.start("len2") if g.get("len2") else b
                for length, (a2, b2) in ((g["len"], (a, second)), (g.get("len2"), (second, b))):
                    if not length:
                        continue
                    n = _ENDED_MONTHS[length]
                    m1, y1 = m2 - n + 1, y
                    if m1 < 1:
                        m1, y1 = m1 + 12, y - 1
                    code = _span_code(y, m1, m2) if y1 == y else f"{y1}-{m1:02d}/{y}-{m2:02d}"
                    out.append(PeriodMention(a2, b2, code, y, _compared(text, a, b)))
                taken.append((a, b))
                continue
            if kind == "span":  # months m1..m2 of a year, written as what they are (1-3月 is Q1)
                m1, m2 = _span_months(g)
                if m1 is None or m2 <= m1:
                    continue
                prev = next((p for p in out if p.end <= a and _LISTED.fullmatch(text, p.end, a)), None)
                rel = _REL_YEAR.search(text, max(0, a - 4), a)  # 去年前三季度
                if g.get("y"):
                    y = int(g["y"])
                elif rel and year is not None:
                    y = year + _REL_YEARS[rel.group(1)]
                else:  # (1-10月 reported in March: last year's, as a bare month is)
                    y = prev.year if prev else _reported_year(year, m2, published) if year and not outlook(text) else year
                if y is None:
                    continue
                out.append(PeriodMention(a, b, _span_code(y, m1, m2), y, _compared(text, a, b)))
                taken.append((a, b))
                continue
            if kind == "yearend":  # 截至2020年底: the stock at the end of December
                y, mo, asof = int(g["y"]), 12, True
            elif kind in ("quarter", "half", "month", "year"):
                y = int(g["y"])
            elif kind == "report_q":
                if not g.get("y") and year is None:
                    continue
                y = int(g["y"]) if g.get("y") else year
            elif kind == "relative":
                rel = re.sub(r"同季度?$", "同期", re.sub(r"^(?:[上前]一年|一年前)", "上年", g["rel"]))  # (较一年前同季: 上年同期)  # (而2019年同季度为…, 上年同季: the same period; 上一年)
                # 2023年营收…较上年: 上年 is the year before the one the sentence named (not a base, 较2021年的), not
                # before the article's (a 2024 piece on 2023's results); 去年 is the year before publication's
                named = sorted((p for p in out if p.end <= a and p.year and _YEAR_WRITTEN.search(text, p.start, p.end)),
                               key=lambda p: p.start)  # (in the text's order: a glued 同期 below is re-added)
                own = [p for p in named if not p.base]
                base = own[-1].year if own and rel in ("上年", "上年同期") else year
                if not own and rel == "上年" and cur_y and not cur_y.group(2):
                    base = int(cur_y.group(1))  # 公布2023年度业绩。…由上年的25.1%: the year before the one reported
                if base is None:
                    continue
                y = {"去年": base - 1, "上年": base - 1, "前年": base - 2, "明年": base + 1}.get(rel, base)
                if rel == "本年" and cur_y and not cur_y.group(2):
                    y = int(cur_y.group(1))  # 本年度 in a year's results: the year reported
                if rel == "同期" and (re.search(r"(?:^|[,，;；。])\s*$", text[:a]) and re.match(r"\s*(?:实现|录得|完成|公司|集团|[,，]|[\u4e00-\u9fffA-Za-z]{2,16}?(?:按年|同比|按季|环比))", text[b:])
                                     or not re.search(r"(?:较|比|与|和|同|相比|对比|于|年)\s*$", text[:a])
                                     and re.match(r"[\u4e00-\u9fffA-Za-z]{2,12}?(?<!分别)(?:为|达到?|实现|录得)\s*(?:人民币|约)?\s*[\d.]", text[b:])):
                    continue  # 2023年…营收…;同期实现归母净利润… (同期,…; B公司同期营收为…): the same period, no comparison
                glued = named[-1] if named and rel == "同期" and re.fullmatch(r"\d{4}", named[-1].period) \
                    and not text[named[-1].end:a].strip() else None
                if glued is not None and not (q or h or mo):
                    # 较2017年同期的12.3亿元: that year's period of the quarter (half, month, months) in context
                    ctx = next((p.period[4:] for p in sorted(out, key=lambda p: -p.start) if p.end <= glued.start
                                and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12]|-\d{2})|(\d{4})-\d{2}/\1-\d{2}", p.period)), None)
                    ctx = re.sub(r"\d{4}", str(glued.year), ctx) if ctx and "/" in ctx else ctx
                    ctx = f"Q{cur_q.group(2)}" if cur_q else ctx
                    if ctx is None and (half := re.fullmatch(r"\d{4}(H[12])", quarter or "")):
                        ctx = half.group(1)  # (a half's results in context: 较2023年同期 is 2023H1)
                    out.remove(glued)
                    a = glued.start
                    out.append(PeriodMention(a, b, f"{glued.year}{ctx or ''}", glued.year, _compared(text, a, b)))
                    taken.append((a, b))
                    continue
                if rel == "同期" and re.match(r"[^,，。;；]{0,12}?分别", text[b:]) and _LIST_BEFORE.search(text, 0, a):
                    taken.append((a, b))  # 2022年、2023年及2024年…,同期净利润分别为…: the years listed, not a year back
                    continue
                if rel in ("去年同期", "上年同期", "同期"):
                    part = re.fullmatch(r"\d{4}(Q[1-4]|H[12]|-\d{2})", own[-1].period) \
                        if own and rel == "上年同期" else None
                    if part and not (q or h or mo):  # 2022年第一季度…而去年同期: 2021Q1
                        py = int(own[-1].period[:4]) - 1  # (the period's year, not a fiscal year's: 2020财年第三季度 is 2019Q4)
                        out.append(PeriodMention(a, b, f"{py}{part.group(1)}", py, _compared(text, a, b)))
                        taken.append((a, b))
                        continue
                    if cur_q and not (q or h or mo):
                        q = int(cur_q.group(2))
                        y = int(cur_q.group(1)) - 1
                    elif cur_y and not (q or h or mo):  # 2022年度业绩…上年同期: 2021 (not the year before publication's)
                        y, h = int(cur_y.group(1)) - 1, {"1": "上", "2": "下"}.get(cur_y.group(2) or "")
                    elif cur_m and not (q or h or mo) and not _NAMED_BEFORE.search(text, 0, a):  # 2024年9月…。去年同期,…: 2023-09
                        y, mo = int(cur_m.group(1)) - 1, int(cur_m.group(2))
                    elif cur_span and cur_span.group(1) == cur_span.group(3) and not (q or h or mo) \
                            and not _NAMED_BEFORE.search(text, 0, a):  # 2024年1-10月…。去年同期,…: 2023-01/2023-10
                        y0, m0, y1, m1 = (int(x) for x in cur_span.groups())
                        out.append(PeriodMention(a, b, f"{y0 - 1}-{m0:02d}/{y1 - 1}-{m1:02d}", y1 - 1, _compared(text, a, b)))
                        taken.append((a, b))
                        continue
                    else:
                        y = base - 1
            elif kind == "fullyear":  # 全年: the year of the quarter in context, else this year (上年度全年: that year's)
                named = next((p.year for p in out if p.end <= a and not text[p.end:a].strip() and re.fullmatch(r"\d{4}", p.period)), None)
                span = re.fullmatch(r"\d{4}-\d{2}/(\d{4})-(\d{2})", quarter or "")
                if named is None and fiscal_end and fiscal_end != 12 and (span or cur_q or published):
                    # 全年 in the results of a fiscal year ending in March: the fiscal year in context
                    # (the quarter's), else the last one ended before publication
                    if span:
                        fy = int(span.group(1))
                    elif cur_q:
                        cy, cm = int(cur_q.group(1)), 3 * int(cur_q.group(2))
                        fy = cy if cm <= fiscal_end else cy + 1
                    else:
                        fy = published[0] if published[1] > fiscal_end else published[0] - 1
                    code = _fiscal_span({"y": str(fy)}, fiscal_end)[0]
                    out.append(PeriodMention(a, b, code, fy, _compared(text, a, b)))
                    taken.append((a, b))
                    continue
                y = named if named is not None else (int(cur_q.group(1)) if cur_q else year)
                if y is None:
                    continue
                if not cur_q and y == year and not outlook(text) and not FUTURE.search(text, 0, a):
                    y = _reported_year(y, 12, published)  # 全年全省地区生产总值…, reported in March: last year's
            elif kind in ("reported_quarter", "fiscal_quarter"):
                end_at = next((p for p in out if p.end <= a and re.fullmatch(r"asof:\d{4}-\d{2}", p.period)
                               and re.fullmatch(r"\s*止?\s*(?:的)?\s*", text[p.end:a])), None)
                if kind == "fiscal_quarter" and end_at is not None:
                    # 截至2023年12月31日止第三财季: the quarter to that day, named from 截至 on
                    # (to a day early in a month, 截至2024年11月3日: the months to the one before)
                    day = re.search(r"([0-3]?\d)\s*日", text[end_at.start:end_at.end])
                    e = int(end_at.period[5:9]) * 12 + int(end_at.period[10:12]) - 1 - (day is not None and int(day.group(1)) < 15)
                    code = months_to((e // 12, e % 12 + 1), 0)
                    out.remove(end_at)
                    out.append(PeriodMention(end_at.start, b, code, int(code[:4]), _compared(text, end_at.start, b)))
                    taken.append((end_at.start, b))
                    continue
                elif kind == "fiscal_quarter" and fiscal_q:
                    # 第四财季 in the results of a fiscal third quarter (a year ending in March): that
                    # quarter of the fiscal year in context
                    code = fiscal_quarter_of(fiscal_q, q, fiscal_end, outlook(text))
                    out.append(PeriodMention(a, b, code, int(code[:4]), _compared(text, a, b)))
                    taken.append((a, b))
                    continue
                elif kind == "fiscal_quarter" or year is None:
                    if published is None:
                        taken.append((a, b))
                        continue
                    if kind == "fiscal_quarter" and fiscal_end and fiscal_end != 12:  # (新东方's 第二财季: the last one ended)
                        out.append(PeriodMention(a, b, code := fiscal_quarter(f"0000Q{q}", fiscal_end, published), int(code[:4]), False))
                        taken.append((a, b))
                        continue
                    y, q = _quarter_before(published[0], (published[1] - 1) // 3 + 1)  # before publication's
                else:  # 截至9月底止季度, 12月季度: this year's, unless it would end after publication
                    y = _reported_year(year, q * 3, published)
            elif kind == "relm":
                months.append((a, b, g["relm"], asof))
                taken.append((a, b))
                continue
            elif kind == "current":  # 目前已有…: as of the month whose data the piece gives, else of publication
                # (a quarter's results come out weeks later: a call's 目前 is the day it is held)
                ctx = data_month or (f"{published[0]}-{published[1]:02d}" if published else None)
                if ctx is None:
                    continue
                out.append(PeriodMention(a, b, "asof:" + ctx.removeprefix("asof:"), int(ctx[-7:-3]), False))
                taken.append((a, b))
                continue
            elif kind == "to_date":
                end = (int(data_month[:4]), int(data_month[5:7])) if data_month else published
                upto = [x for x in ASOF_MONTH.finditer(text, 0, a) if end and int(x["y"] or end[0]) == end[0]][-1:]
                if end and (g.get("tdm") or upto):  # (今年截至10月底; 截至10月底,…今年累计): to that month
                    end = (end[0], _month_number(g.get("tdm") or upto[0]["m"]))
                if end is None or (g.get("tdy") and int(g["tdy"]) != end[0]):
                    continue  # (2021年初至今, said in 2022: no year to date)
                out.append(PeriodMention(a, b, _span_code(end[0], 1, end[1]) if end[1] > 1 else f"{end[0]}-01",
                                         end[0], False))
                taken.append((a, b))
                continue
            elif kind == "now":  # 截至目前: as of the publication month
                if published is None:
                    continue
                out.append(PeriodMention(a, b, f"asof:{published[0]}-{published[1]:02d}", published[0], False))
                taken.append((a, b))
                continue
            elif kind == "relq" and g["rel2"].startswith("单季"):  # (前三季度…,单季度: the quarter it ends with)
                if code := last_quarter([p.period for p in reversed(out) if p.end <= a] + [quarter or ""]):
                    out.append(PeriodMention(a, b, code, int(code[:4]), False))
                taken.append((a, b))
                continue
            elif kind == "relq":
                # against the quarter in context, else (below) the quarter the sentence named
                # before it (第三季度营收…,上一季度…); unknown, it is still no bare 一季度
                if cur_q is None and fiscal_q:  # (上一季度 after 英伟达's quarter to October: May to July)
                    delta = -3 if g["rel2"] in _PREVIOUS_QUARTER else 3 if g["rel2"] in _NEXT_QUARTER else 0
                    code = months_to(fiscal_q, delta, asof)
                    out.append(PeriodMention(a, b, code, int(code[-7:-3]), _compared(text, a, b)))
                    taken.append((a, b))
                    continue
                if cur_q is None:
                    pending.append((a, b, g["rel2"], asof))
                    taken.append((a, b))
                    continue
                y, q = _relative_quarter(int(cur_q.group(1)), int(cur_q.group(2)), g["rel2"])
            else:  # bare quarter, half or month: the year of the period it is listed with
                # (2020年第三季度、第四季度; 2020年1月至3月), else this year's
                prev = next((p for p in out if p.end <= a and _LISTED.fullmatch(text, p.end, a)), None)
                if q and not (h or mo) and prev is None and fiscal_q:
                    # 第三季度 in the results of a fiscal year ending in March (2020财年第三季度):
                    # the fiscal quarter of the fiscal year in context, not the calendar one
                    code = fiscal_quarter_of(fiscal_q, q, fiscal_end, outlook(text))
                    out.append(PeriodMention(a, b, code, int(code[:4]), _compared(text, a, b)))
                    taken.append((a, b))
                    continue
                if prev is None and year is None:
                    continue
                y = prev.year if prev is not None else year
                if prev is None and published is not None and g.get("asof") and mo and re.match(r"\s*[0-3]?\d\s*[日号]", text[b:b + 4]):
                    y = published[0] if mo <= published[1] else published[0] - 1  # 截至1月20日 said in January: the last one
                elif prev is None and published is not None and y == published[0] and not outlook(text):
                    # 12月移动月活跃用户 reported in February: last December, not one to come
                    last = mo or (q * 3 if q else (12 if h == "下" else 6 if h else None))
                    if last is not None and not (mo and not q and mo == published[1] + 1):  # (5月期货价格 said in April: the coming May)
                        y = _reported_year(y, last, published)
                elif prev is None and q and not (h or mo) and (cur_q or cur_y and not cur_y.group(2)) and outlook(text) \
                        and (y, q) < ((int(cur_q.group(1)), int(cur_q.group(2))) if cur_q else (int(cur_y.group(1)), 4)):
                    y += 1  # 预计第一季度收入… in the fourth quarter's (or the year's) results: next year's first quarter
            out.append(PeriodMention(a, b, _fmt(kind, y, q, h, mo, asof), y, _compared(text, a, b)))
            taken.append((a, b))
    out.sort(key=lambda p: p.start)
    stated = list(out)
    for a, b, rel, asof in pending:  # 第三季度营收…,上一季度营收…: against the quarter named before
        named = next((m for p in reversed(stated) if p.end <= a and not p.base  # (与第二季度相比,本季度…)
                      for m in [re.fullmatch(r"(\d{4})Q([1-4])", p.period)] if m), None)
        if named is not None:
            y, q = _relative_quarter(int(named.group(1)), int(named.group(2)), rel)
        elif published is not None:
            # none named: 本季度 of a call or a results piece is the quarter last ended before
            # publication, the one it reports (这个季度我们交付了3268辆, said in November: Q3);
            # in an outlook (预计本季度交付…) the quarter under way
            now = (published[0], (published[1] - 1) // 3 + 1)
            y, q = now if rel not in (*_PREVIOUS_QUARTER, *_NEXT_QUARTER) and FUTURE.search(text, 0, a) \
                else _relative_quarter(*_quarter_before(*now), rel)
        if named is not None or published is not None:
            bisect.insort(out, PeriodMention(a, b, _fmt("relq", y, q, None, None, asof), y, _compared(text, a, b)),
                          key=lambda p: p.start)
    for a, b, rel, asof in months:  # 10月交付…,上月交付…: against the month named before, else in context
        named = next((p.period for p in reversed(stated) if p.end <= a and not p.base
                      and re.fullmatch(r"\d{4}-\d{2}", p.period)), None) or (month[-7:] if month else None) \
            or (f"{published[0]}-{published[1]:02d}" if published else None)
        if named is None:
            continue
        y, mo = int(named[:4]), int(named[5:7])
        if rel in _PREVIOUS_MONTH:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        bisect.insort(out, PeriodMention(a, b, _fmt("month", y, None, None, mo, asof), y, _compared(text, a, b)),
                      key=lambda p: p.start)
    # 2023年全年营收…,上年同期为942亿元 in a quarter's results: the year before the year named, not a quarter
    for k, p in enumerate(out):
        whole = next((x for x in reversed(out[:k]) if not x.base and "同期" not in text[x.start:x.end]), None)
        if "同期" in text[p.start:p.end] and re.fullmatch(r"\d{4}Q[1-4]", p.period) and whole is not None \
                and re.fullmatch(r"\d{4}", whole.period) and not re.search(r"季", text[p.start:p.end]):
            out[k] = PeriodMention(p.start, p.end, str(whole.year - 1), whole.year - 1, p.base)
    # 第三季度净亏损…,2023年同期为…: that year's period of the nearest quarter (half, month) named before
    # it, found once every rule has run (a bare quarter is read after a written year; a day, 3月28日, is none, a span's end is)
    out.sort(key=lambda p: p.start)
    for k, p in enumerate(out):
        if _YEAR_SAME.fullmatch(text, p.start, p.end):
            near = next((x for x in reversed(out[:k]) if not x.base and not re.search(r"^[^止]*[日号](?![^止]*止)", text[x.start:x.end + 4])), None)
            ctx = re.fullmatch(r"\d{4}(Q[1-4]|H[12]|-\d{2})", near.period) if near is not None else None
            if ctx and p.period[4:] != ctx.group(1):  # (a year named before, 2022年度…较2021年同期: that year)
                out[k] = PeriodMention(p.start, p.end, f"{p.year}{ctx.group(1)}", p.year, p.base)
    # 10月销量…,去年同期为…: a year's (a quarter's) 去年同期 after a month (half) named in its sentence is that month a year before
    for k, p in enumerate(out):
        if re.fullmatch(r"\d{4}(?:Q[1-4])?", p.period) and re.fullmatch(r"(?:去年|上年)同期", text[p.start:p.end]):
            near = next((x for x in reversed(out[:k]) if not x.base and (re.fullmatch(r"\d{4}(?:-\d{2}|H[12])", x.period)
                         or "Q" in p.period) and not re.search(r"[日号]", text[x.start:x.end])), None)  # (a quarter's: the month right before)
            if near is not None and re.fullmatch(r"\d{4}(?:-\d{2}|H[12])", near.period) and int(near.period[:4]) - 1 == p.year:
                out[k] = PeriodMention(p.start, p.end, f"{p.year}{near.period[4:]}", p.year, p.base)
    # 前三季度…,去年同期为…: a span of months named before it in its sentence, a year before
    for k, p in enumerate(out):
        if re.fullmatch(r"(?:去年|上年)?同期", text[p.start:p.end]) and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])?", p.period):
            near = next((x for x in reversed(out[:k]) if not x.base and "同期" not in text[x.start:x.end]), None)
            span = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", near.period) if near is not None else None
            if span and span.group(1) == span.group(3):
                y = int(span.group(1)) - 1
                out[k] = PeriodMention(p.start, p.end, f"{y}-{span.group(2)}/{y}-{span.group(4)}", y, p.base)
    # 去年同期 with no quarter known yet takes the quarter the sentence names (本季度…去年同期)
    quarters = [p for p in out if re.fullmatch(r"\d{4}Q[1-4]", p.period)]
    if quarters and not cur_q:
        fixed = []
        for p in out:
            if re.search(r"同期", text[p.start:p.end]) and re.fullmatch(r"\d{4}", p.period):
                q = quarters[0].period
                p = PeriodMention(p.start, p.end, f"{int(q[:4]) - 1}{q[4:]}", int(q[:4]) - 1, p.base)
            fixed.append(p)
        out = fixed
    return [p for k, p in enumerate(out) if not (k and out[k - 1].end == p.start and text[p.start:p.end] == "中期")]  # (止六个月中期业绩: no half of its own)


_YEAR_SAME = re.compile(r"(?:19|20)\d{2}\s*年\s*同(?:期|季度?)")
