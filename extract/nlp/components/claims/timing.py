"""The period of a claim: the governing period before the number, the base of a comparison
(较去年同期的…, 由2019年的…), a year named once for a whole sentence, the reporting
conventions of the document frame (a stock's period is its end; an unqualified change is yoy).
"""
from __future__ import annotations

import re

from ...frame_period import _ORDINAL
from ...frame import RECORD_SINCE, Frame, frame_words, is_corporate, is_flow, is_stock, is_segment_money, is_stock_ratio, keeps_growth, period_end, trailing_months
from ...periods import FUTURE, PeriodMention
from ...period_codes import quarter_end
from ...patterns import WordRegex
from .draft import Draft, _CLAUSE_END, _COMPARE, _clause_start
from .metrics import _names_metric

def _period_for(pos: int, periods: list[PeriodMention], carried: str | None, sent: str = "") -> str | None:
    """The period of the number at ``pos``: the last period before it that is no base of a
    comparison, nor inside a bracketed aside closed before the number (收益为536亿元(2021年:
    493亿元),毛利…: the aside's year is not the 毛利's), else the one carried."""
    gov = [p for p in periods if p.end <= pos and not p.base and not _aside_closed(sent, p, pos)
           and not _own_figure_only(sent, p, pos)]
    return gov[-1].period if gov else carried


#: a clause that is a period and a figure (…毛利率为12.2%,一季度为9.2%;…): the period is that figure's only
_PERIOD_IS = re.compile(r"\s*(?:的)?(?:则)?(?:为|是)\s*(?:约)?\s*(?:净?亏损|净?盈利)?\s*(?:人民币|港币|港元|美元)?\s*[-+]?[\d０-９]")  # (2022年则为净亏损8.3亿元)


def said_of_its_figure(sent: str, p: PeriodMention):
    """The match of 为/是 and a figure after ``p`` when ``p`` opens a clause of its own (,一季度为9.2%)."""
    m = _PERIOD_IS.match(sent, p.end) if sent else None
    return m if m is not None and re.search(r"[,，;；]\s*$", sent[:p.start]) is not None else None


def _own_figure_only(sent: str, p: PeriodMention, pos: int) -> bool:
    """Is ``p`` said only of the figure right after it, in a clause of its own, not of the one at ``pos``
    after that (车辆毛利率为12.2%,一季度为9.2%;综合毛利率为9.7%: 一季度 is not the 综合毛利率's)?"""
    m = said_of_its_figure(sent, p)
    return m is not None and pos > m.end() + 1 and re.search(r"[,，;；]", sent[m.end():pos]) is not None

def _aside_closed(sent: str, p: PeriodMention, pos: int) -> bool:
    """Is ``p`` inside brackets that close before ``pos``?"""
    opened = max(sent.rfind("(", 0, p.start), sent.rfind("（", 0, p.start))
    if opened < 0 or max(sent.rfind(")", 0, p.start), sent.rfind("）", 0, p.start)) > opened:
        return False
    return any(c in ")）" for c in sent[p.end:pos])


_FROM_BEFORE = re.compile(r"(?:由|从)\s*$")

_OWN_LEVEL = re.compile(r"\s*[的之]?\s*")  # (較去年同期之263.2億港元: Hong Kong 之)

_SINCE_BEFORE = re.compile(r"(?:自|从|自从)\s*$")
_SINCE_AFTER = re.compile(r"\s*(?:[\u4e00-\u9fff]{1,4}?(?=以来))?(?:以来|起|开始|至今)")  # (自2023年12月上市以来)

def _mark_base(sent: str, p: PeriodMention) -> PeriodMention:
    """A period inside a clause that compares (在去年疫情期间高基数上同比再增30%) is the base
    of the comparison, not the period of the claims after it; so is the period of the starting
    level of 由/从 … 至 (由去年同期的35.2%提升至38.1%)."""
    from dataclasses import replace

    if not p.base and _FROM_BEFORE.search(sent, max(0, p.start - 2), p.start):
        return replace(p, base=True)
    if not p.base and _SINCE_BEFORE.search(sent, max(0, p.start - 2), p.start) and _SINCE_AFTER.match(sent, p.end):
        return replace(p, base=True)  # 自今年3月以来: where a streak starts, not the period of what follows
    if not p.base and RECORD_SINCE.match(sent, p.end):
        return replace(p, base=True)  # 创2018年以来新高: the start of a record's span, no period of the figure
    if not p.base and _is_ratio_base(sent, p):
        return replace(p, base=True)  # 是第二季度的33倍, 为去年同期的101%: the base the level is a ratio to
    if not p.base and re.search(r"而\s*(?:截至|截止|在)?\s*$", sent[max(0, p.start - 4):p.start]) \
            and re.match(r"\s*(?:的)?(?:则)?(?:为|是)\s*(?:人民币|港币|港元|美元)?\s*[-\d]", sent[p.end:]):
        return replace(p, base=True)  # …共计24.6亿美元,而截至2023年12月31日为19.8亿美元: a prior value in passing
    if p.base or not re.search(r"去年|上年|前年|同期|同季|上季度|上一季度", sent[p.start:p.end]):
        return p  # an explicit period (小米2020年营收同比增长19.4%) is the claim's own
    m = _CLAUSE_END.search(sent, p.end)
    clause_rest = sent[p.end:m.start() if m else len(sent)]
    cmp = _COMPARE.search(clause_rest)
    named = clause_rest[:cmp.start()].strip() if cmp else ""
    if cmp and not re.match(r"\s*的", clause_rest) and not (named and (_names_metric(named) or is_corporate(named))) \
            and named not in ("则", "也", "亦", "同样", "仍"):
        return replace(p, base=True)  # (去年纯利按年减少…: the metric follows, 去年 is its period; so is 上一季度则按年跌…)
    if re.match(r"\s*(?:基本|大体|大致)?(?:保持|维持)?持平", clause_rest) and _COMPARED_WITH.search(sent, max(0, p.start - 3), p.start):
        return replace(p, base=True)  # 与上年持平: what the figure is compared with
    return p

#: a level said as a ratio to another period's (是第二季度的33倍, 同店销售额为去年同期的101%, 恢复至2019年同期的八成)
_RATIO_BEFORE = re.compile(r"(?:是|为|达|达到|相当于|恢复至|恢复到)\s*$")
_RATIO_AFTER = re.compile(r"\s*(?:同期)?(?:水平)?的?\s*(?:约|近|超过)?\s*[\d.一二三四五六七八九十两]+\s*(?:倍|%|％|成)")


def _is_ratio_base(sent: str, p: PeriodMention) -> bool:
    """Is ``p`` the period a level is said as a ratio to (为去年同期的101%), not the level's own?"""
    return bool(_RATIO_BEFORE.search(sent, max(0, p.start - 4), p.start) and _RATIO_AFTER.match(sent, p.end))


def _base_period_of(pos: int, sent: str, periods: list[PeriodMention]) -> PeriodMention | None:
    """The base period that names the number at ``pos`` itself (较去年同期的10亿元, 由2019年的42.3元),
    not one it is a ratio to (为去年同期的101%)."""
    return next((p for p in periods if p.base and p.end <= pos and not _is_ratio_base(sent, p)
                 and (_OWN_LEVEL.fullmatch(sent, p.end, pos)
                                                                     or _SAID_BY_THEN.fullmatch(sent, p.end, pos))), None)


#: a prior value said by its date (而截至2023年12月31日为19.8亿美元)
_SAID_BY_THEN = re.compile(r"\s*(?:的)?(?:则)?(?:为|是)\s*(?:人民币|港币|港元|美元)?\s*")

_COMPARED_WITH = re.compile(r"(?:较|比|相比|相较|相对|对比|较之|与|和|跟|(?<![不])[高低多少]于|不及)\s*(?:于)?\s*$")

def _period_before(code: str, months: int = 1) -> str | None:
    """The quarter or month before: 2018Q3 -> 2018Q2, 2018Q1 -> 2017Q4, 2020-01 -> 2019-12; a stock's
    month-end ``months`` back (asof:2023-06, 3 -> asof:2023-03)."""
    if m := re.fullmatch(r"(\d{4})Q([1-4])", code):
        y, q = int(m.group(1)), int(m.group(2))
        return f"{y}Q{q - 1}" if q > 1 else f"{y - 1}Q4"
    if m := re.fullmatch(r"(asof:)?(\d{4})-(\d{2})", code):
        y, mo, tag = int(m.group(2)), int(m.group(3)), m.group(1) or ""
        return f"{tag}{y}-{mo - months:02d}" if mo > months else f"{tag}{y - 1}-{12 + mo - months:02d}"
    return None

def _yoy_against(d: Draft, periods: list[PeriodMention], sent: str = "", drafts: list[Draft] = ()) -> None:
    """比2019年增长50% said of 2020: a change against the same period a year before is year on
    year; 较2018年第二季度增长 said of 2018Q3, against the period before, is sequential (qoq). 2023年…较2022年12月增长9057万人: a stock compared with a month-end a year before is the
    stock at that month-end of this year (asof:2023-12)."""
    if re.fullmatch(r"\d{4}", d.period):
        month_end = next((m for p in periods if p.base for m in [re.fullmatch(r"(?:asof:)?(\d{4})-(\d{2})", p.period)]
                          if m and int(m.group(1)) == int(d.period) - 1), None)
        if month_end is not None:
            d.period = f"asof:{d.period}-{month_end.group(2)}"
            d.regrade("yoy")
            return
    before = _period_before(d.period)
    earlier = _year_later(d.period, -1)
    if d.bases and len(d.bases) > 1:  # 较2017年第三季度增长15.3%,较2018年第二季度增长8.5%: each by its base
        # (whose plain changes take their kinds even when another one's is known: 比2017年第三季度的
        # 12.3亿元增加了166.7%,比2018年第二季度增加了86.4%)
        for i, base in d.bases.items():
            kind = "qoq" if base == before else "yoy" if base == earlier else None
            if kind and i < len(d.changes) and d.changes[i][0] == "growth":
                d.changes[i] = (kind, d.changes[i][1])
        d.kinds_known = True
        return
    if d.kinds_known:
        return
    # (a base is compared with by the first number after it, its own level aside: 同比上涨0.3%,涨幅比
    # 上月回落0.2个百分点 - 上月 is the base of the 涨幅's move, not of the level's 同比)
    later = sorted((x for x in drafts if x is not d and x.target is not d), key=lambda x: x.q.start)
    mine = [x for x in drafts if x.target is d] + ([d] if d.is_change else [])

    def governs(p) -> bool:
        nxt = next((x for x in later if x.q.start >= p.end and not _OWN_LEVEL.fullmatch(sent, p.end, x.q.start)), None)
        own = next((x for x in mine if x.q.start >= p.end), None)
        # (a move in points against it is the rate's: 同比增长5.7%,比二季度加快0.4个百分点)
        return not drafts or own is not None and own.q.kind != "points" and (nxt is None or own.q.start < nxt.q.start)

    quarter_end = _period_before(d.period, 3) if re.fullmatch(r"asof:\d{4}-(?:03|06|09|12)", d.period) else None
    if sent and before and any(p.period in (before, quarter_end) and _COMPARED_WITH.search(sent, max(0, p.start - 4), p.start)
                               and governs(p) for p in periods):  # (截至6月底…较3月底: a quarter-end's stock, the one before)
        # 较2018年第二季度增长 said of 2018Q3: the quarter before, sequential
        # (an explicit 同比 beside it, 较第二季度增长31.5%,同比增长103.9%, stays year on year)
        # (a change already sequential is the one compared with it: 同比增长133.8%,但较上季度下降9.1%)
        # (同比增长58.3%,比上月增加800辆: the yoy said as such stays, the amount is against last month)
        if not any(k == "qoq" for k, _ in d.changes):
            d.regrade("qoq", ("growth",) if any(k == "growth" for k, _ in d.changes) or _SAID_YOY.search(sent)
                      else ("growth", "yoy"))
        return
    if not any(p.base and p.period == earlier for p in periods) and not (sent and any(
            p.period == earlier and _COMPARED_WITH.search(sent, max(0, p.start - 4), p.start) for p in periods)):
        if sent and any(p.base and _COMPARED_WITH.search(sent, max(0, p.start - 4), p.start) and governs(p)
                        and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])?", p.period) and p.period[4:] == d.period[4:]
                        and p.period < earlier for p in periods):
            d.kinds_known = True  # 比2019年增长8.1% said of 2021: against a base it names, two years back (no yoy)
        return
    # (较2019年同期增长8.2% said of 2024-07: a base it names that is not a year back keeps the plain change)
    d.regrade("yoy", keep={i for i, b in d.bases.items() if b[-7:][:4].isdigit() and int(b[-7:][:4]) != int(d.period[-7:][:4]) - 1})

#: a share price's metric (its move stays a plain change even in a bulletin)
_SHARE_PRICE = re.compile(r"股价|收盘价|收报|开盘价")

# a period named without its year: 第四季度, 下半年, 12月, Q3, 前三季度, 全年
_YEARLESS = re.compile(r"(?:截至|截止|到)?\s*(?:第\s*[一二三四1-4]\s*季度|[一二三四]季度|[上下]半年|Q[1-4]|"
                       r"(?:1[0-2]|[1-9])\s*月份?|前[一二三两1-3]个?季度|前\d{1,2}个月|全年度?|当年|年(?=末|底))(?:末|底)?")

def _in_context(sent: str, periods: list[PeriodMention], carried: str | None,
                dated: list[PeriodMention] = (), published: tuple[int, int] | None = None) -> list[PeriodMention]:
    """A period written without its year is of the year the sentence named last before it, a
    date included (国家电影局2018年12月31日发布的数据显示,当年…: 2018; 2018年,…全年共生产…:
    2018), else of the year the text is about, when it is about one (蔚来公布了2020年财报。其全年
    营收…: 2020; 2023年抖音… 快手的日活在第四季度…: 2023Q4), not of the article's year."""
    from dataclasses import replace

    y = re.search(r"\d{4}", carried or "")
    out = []
    for p in periods:
        if _YEARLESS.fullmatch(sent, p.start, p.end):
            named = [x for x in (*periods, *dated) if x.end <= p.start and not x.base and not _aside_closed(sent, x, p.start)
                     and not _YEARLESS.fullmatch(sent, x.start, x.end) and (re.search(r"(?:19|20)\d{2}", sent[x.start:x.end])
                                                                          or not sent[x.end:p.start].strip())]  # (上年度全年)
            year = str(max(named, key=lambda x: x.end).year) if named else (y.group(0) if y else None)
            if not named and published and re.match(r"(?:截至|截止)", sent[p.start:p.end]) \
                    and re.match(r"\s*[0-3]?\d\s*[日号]", sent[p.end:p.end + 4]):
                out.append(p)  # 截至1月20日 said on January 21st: the day last passed, not one of the year reported
                continue
            # (a quarter's end carried, 本季度末 asof:2024-12, is of its quarter; a month is no quarter)
            mo = re.fullmatch(r"asof:(\d{4})-(03|06|09|12)", carried or "")
            ctx = f"{mo.group(1)}Q{(int(mo.group(2)) - 1) // 3 + 1}" if mo else carried
            cq, pq = re.fullmatch(r"(\d{4})(?:Q([1-4]))?", ctx or ""), re.fullmatch(r"\d{4}Q([1-4])", p.period)
            if year and not named and cq and pq and FUTURE.search(sent) and (int(year), pq.group(1)) < (int(cq.group(1)), cq.group(2) or "4"):
                year = str(int(year) + 1)  # 预计第一季度收入… after the fourth quarter's (the year's) results: next year's
            if year and not named and published and int(year) < published[0] and re.fullmatch(r"\d{4}|asof:\d{4}-12", p.period) \
                    and cq and cq.group(2) and (FUTURE.search(sent) or "希望" in sent):
                # (我们希望全年毛利率…, 年底目标… in a call on a quarter, held after its year's end: the year under way;
                # not a 业绩预告's 预计全年…, of the year just ended)
                year = str(published[0])
            pm = re.fullmatch(r"\d{4}-(\d{2})", p.period)
            if year and not named and cq and pm and cq.group(1) == year \
                    and (cq.group(2) == "4" and int(pm.group(1)) < 10 or not cq.group(2) and FUTURE.search(sent)) \
                    and not (published and (int(year), int(pm.group(1))) >= published):  # (预计12月… said in December: this one)
                # 1月和2月,我们交付了… after the fourth quarter's results, 3月份预计交付… after the year's: next year's
                year = str(int(year) + 1)
            span = _FISCAL_SPAN.fullmatch(carried or "") if not quarter_end(carried or "") else None  # (not a fiscal quarter)
            if not named and span:
                # in a fiscal year's results (2024-04/2025-03): 全年 is that year, 截至3月底 its end
                pm = re.fullmatch(r"(asof:)?\d{4}-(\d{2})", p.period)
                if (n := re.fullmatch(r"\d{4}Q([1-4])", p.period)) and _ORDINAL.fullmatch(sent, p.start, p.end):
                    # (第四季度 in 2024财年's results: its fourth quarter, January to March 2024)
                    e, m = int(span.group(4)), (int(span.group(4)) + 3 * int(n.group(1)) - 1) % 12 + 1
                    y2 = int(span.group(3)) - (m > e)
                    p = replace(p, period=f"{y2}Q{(m - 1) // 3 + 1}", year=y2)
                elif "/" in p.period:
                    p = replace(p, period=carried, year=int(span.group(3)))
                elif pm:
                    y2 = span.group(1) if int(pm.group(2)) >= int(span.group(2)) else span.group(3)
                    p = replace(p, period=f"{pm.group(1) or ''}{y2}-{pm.group(2)}", year=int(y2))
                out.append(p)
                continue
            if year and "/" in p.period:  # (a fiscal year's span, 2021-04/2022-03: moved by as many years;
                # 第一季度 after a fiscal quarter to January 2025 was found against it already)
                delta = int(year) - p.year if named or not quarter_end(carried or "") else 0
                p = replace(p, period=re.sub(r"\d{4}", lambda m: str(int(m.group(0)) + delta), p.period), year=p.year + delta)
            elif year:
                moved = replace(p, period=re.sub(r"\d{4}", year, p.period), year=int(year))
                end = period_end(moved.period)  # (12月31日, said on January 2nd after 2024年元旦档: last December's)
                ahead = published and end and not named and re.fullmatch(r"(?:asof:)?\d{4}-\d{2}", p.period) and not FUTURE.search(sent) \
                    and tuple(int(x) for x in end[5:12].split("-")) > published
                p = p if ahead else moved
        out.append(p)
    return [_year_before(sent, p, out, carried) for p in out]


#: a fiscal year's span, not a calendar year's (2022-07/2023-06)
_FISCAL_SPAN = re.compile(r"(\d{4})-(0[2-9]|1[0-2])/(\d{4})-(\d{2})")


def _year_before(sent: str, p: PeriodMention, periods: list[PeriodMention], carried: str | None = None) -> PeriodMention:
    """上年 compared with a year's figure the sentence names before it (全年净亏损为28.2亿元,较上年的
    42.2亿元…) is the year before that one, not the year before the article came out; in a fiscal
    year's results (2022-07/2023-06), 上年度, 去年 and 去年同期 are the fiscal year before."""
    from dataclasses import replace

    said = sent[p.start:p.end]
    fiscal = next((x.period for x in reversed(periods) if x.end <= p.start and _FISCAL_SPAN.fullmatch(x.period)), None) \
        or (carried if carried and _FISCAL_SPAN.fullmatch(carried) else None)
    quarter = any(x.end <= p.start and not x.base and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])", x.period) for x in periods)
    if fiscal and not quarter and re.fullmatch(r"(?:上一?|去)年(?:度|同期)?", said) \
            and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])?", p.period):  # (第四季度…,去年同期…: that quarter's)
        y1, m1, y2, m2 = _FISCAL_SPAN.fullmatch(fiscal).groups()
        code = f"{int(y1) - 1}-{m1}/{int(y2) - 1}-{m2}"
        return replace(p, period=code, year=int(y2) - 1)
    if not re.fullmatch(r"上一?年度?", said) or not re.fullmatch(r"\d{4}", p.period):
        return p
    named = [x for x in periods if x.end <= p.start and re.fullmatch(r"\d{4}", x.period) and x is not p]
    if not named or named[-1].year - 1 == p.year:
        return p
    y = named[-1].year - 1
    return replace(p, period=str(y), year=y)

#: a change said to be year on year in so many words
_SAID_YOY = re.compile(r"同比|按年|较(?:去年|上年)同期")


def _year_later(code: str, years: int = 1) -> str:
    """The same period ``years`` later (earlier, when negative): 2020 -> 2021, 2020Q1 -> 2021Q1,
    2020-01/2020-09 -> 2021-01/2021-09."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) + years), code)

def _audience(metric: str | None) -> bool:
    """Does the metric measure an audience or a scale (用户规模, 用户量, 网民)?"""
    from ...patterns import load_patterns

    return bool(metric) and ("规模" in metric or any(h in metric for h in load_patterns().user_heads))


def _frame_defaults(d: Draft, periods: list[PeriodMention], carry: str | None, frame: Frame | None) -> None:
    """The reporting conventions: a stock (员工, 门店, 现金, 持股) of a period is the stock at its
    end (asof:); a change the text does not qualify
    (增长34%) of a figure of a period compares with the same period a year earlier (yoy), except
    a price's move (a share price on a day), which stays a plain change."""
    if frame is not None and frame.period and frame.period.startswith("asof:") and d.period == frame.period == carry \
            and not any(p.end <= d.q.start and not p.base for p in periods) \
            and not (d.unit == "users" or is_stock(d.metric) or _audience(d.metric)):
        # a data piece's date (数据显示,截至2025年6月) is the date of its audiences and scales,
        # not of every count the text goes on to give
        d.period = None
    if d.period and d.period.startswith("asof:") and d.period == carry and frame is not None and frame.period \
            and not frame.period.startswith("asof:") and (d.unit in ("CNY", "USD", "HKD") or is_flow(d.metric)
                                                          or d.unit == "percent" and not d.is_change and (d.metric or "").endswith("率")
                                                          and not is_stock_ratio(d.metric)) \
            and not is_stock(d.metric) \
            and not any(p.end <= d.q.start and not p.base for p in periods):
        # 年末常住人口…。全市生产总值…: a year-end carried from the sentence before is no flow's period
        d.period = frame.period
    if d.period and d.period == carry and re.fullmatch(r"\d{4}-\d{2}", d.period) and frame is not None and frame.period \
            and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])?", frame.period) and d.period > period_end(frame.period)[5:] \
            and frame.entity is not None and frame.entity.cls != "Place" \
            and (is_segment_money(d.metric) or re.search(r"费用|开支|成本|现金流", d.metric or "")) \
            and not any(p.end <= d.q.start and not p.base for p in periods):
        d.period = frame.period  # 10月份交付1573辆。研发费用为12.3亿元 in a quarter's results: the quarter's money
    if d.period and d.period.startswith("asof:") and frame is not None and frame.period and period_end(frame.period) == d.period \
            and not frame.period.startswith("asof:") and d.unit in ("CNY", "USD", "HKD") and is_flow(d.metric) \
            and not any(w in d.metric for w in frame_words().stock_words):
        d.period = frame.period  # 截至2022年12月31日,集团收益为536.5亿元 in a year's results: the year's revenue
    if d.period and not d.period.startswith("asof:") and is_stock(d.metric) and not d.is_change \
            and (d.unit != "percent" or is_stock_ratio(d.metric)):
        # 2023年员工人数 is the head count at the year's end (贷款增加3.09万亿元, a stock's move, is the period's)
        d.period = period_end(d.period) or d.period
    if span := trailing_months(d.metric, d.period):
        d.period = span  # 年度活跃消费者 of a quarter: the twelve months to its end
    if d.metric and d.period and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])", d.period) \
            and any(w in d.metric for w in frame_words().year_payouts):
        d.period = d.period[:4]  # 末期股息 in the fourth quarter's results: the year's payout
    _unqualified_is_yoy(d, frame)


def _year_end_of_a_flow(sent: str, d: Draft, periods: list[PeriodMention], drafts: list[Draft]) -> None:
    """2021年末库存周转天数为57天;经营活动现金净流入84.7亿元: a year's end an earlier clause
    names for its stock is no period of a money flow after it: the flow is of the year."""
    if not (d.period and re.fullmatch(r"asof:\d{4}-12", d.period) and d.unit in ("CNY", "USD", "HKD")
            and is_flow(d.metric) and not is_stock(d.metric)):
        return
    own = next((p for p in reversed(periods) if p.end <= d.q.start and not p.base), None)
    clause = _clause_start(sent, d.q.start)
    if own is not None and own.period == d.period and own.end < clause \
            and any(own.end <= x.q.start and x.q.end <= clause for x in drafts):  # (the earlier clause's own figure)
        d.period = d.period[5:9]


def _stock_by_comparison(sent: str, d: Draft) -> None:
    """零售客户数达1.97亿户,较上年末增长5.35%: a figure compared with the end of last year (or
    the start of this one) is a stock at the end of its year, whatever its metric."""
    if d.period and not d.is_change and re.fullmatch(r"\d{4}(?:-\d{2}|Q[1-4]|H[12])?", d.period) \
            and _TOTAL_AFTER_ADDED.search(sent, 0, d.q.start):
        d.period = period_end(d.period)  # 净增318万户,累计达3.51亿户: the total the additions reached, at the period's end
        return
    if not (d.period and re.fullmatch(r"\d{4}", d.period)) or d.is_change:
        return
    if _YEAR_END_BASE.match(sent, d.q.end):
        d.period = f"asof:{d.period}-12"


#: a total reached right after the additions that reached it (净增318万户,累计达3.51亿户; 新增…,总数达到…)
_TOTAL_AFTER_ADDED = re.compile(r"(?:净增|新增|净增加|新增加)[^,，;；。]{0,12}[\d.]+\s*[万亿千百]*\s*[\u4e00-\u9fff]?\s*[,，]\s*"
                                r"(?:累计|总数|总量|总规模)\s*(?:达到|到达|达|至|为)\s*(?:约|超过|近)?\s*$")
#: a comparison with the end of last year (较上年末, 比年初) right after a figure
_YEAR_END_BASE = re.compile(r"\s*[,，]?\s*(?:较|比|与|和)\s*(?:上年末|去年末|上年底|去年底|年初|上年年末|去年年底)")


def _unqualified_is_yoy(d: Draft, frame: Frame | None = None) -> None:
    """A change the text does not qualify (增长34%) of a figure of a period is year on year,
    except a price's move (硅片价格下降约60% over a year) and a day's figure; a statistics
    bulletin's prices are indices compared with the same period (食品价格下降4.7%: yoy)."""
    if not d.period or d.kinds_known or re.fullmatch(r"asof:\d{4}-\d{2}-\d{2}", d.period):
        return
    if keeps_growth(d.metric) and not (frame is not None and frame.bulletin and not _SHARE_PRICE.search(d.metric)):
        return
    # (较2019年同期增长8.2% said of 2024-07: a base it names that is not a year back keeps the plain change)
    d.regrade("yoy", keep={i for i, b in d.bases.items() if b[-7:][:4].isdigit() and int(b[-7:][:4]) != int(d.period[-7:][:4]) - 1})

def _parallel_comparison(sent: str, out: list[Draft]) -> None:
    """出厂价格比上年下降3.0%,购进价格下降3.5%: a price's bare move in a clause after one whose
    change the text compares (比上年, 同比, 环比) is compared the same way, not a plain change
    (a share price's move of the day stays one)."""
    told = None
    for d in out:
        kinds = [k for k, _ in d.changes if k in ("yoy", "qoq")]
        clause = _clause_start(sent, d.q.start)
        if kinds and _COMPARE.search(sent, clause, d.q.start):
            told = kinds[0]
        elif told and not d.kinds_known and keeps_growth(d.metric) and not _SHARE_PRICE.search(d.metric) \
                and any(k == "growth" for k, _ in d.changes):
            d.regrade(told)


_FROM_LEVEL = re.compile(r"(?:由|从)\s*(?:人民币|港币|约)?\s*$")
#: a move from one level to the next with no rate (增加至, 下降到, 增长至)
_RISEN_TO = WordRegex(r"\s*(?:{change_adverbs})?(?:{change_verbs})(?:了)?\s*(?:至|到)\s*(?:人民币|港币|约)?\s*")

# 2024-2026年, 24-26年, 2024E-2026E, 2025-2027财年: a span of years (lists.py gives one to each figure of a 分别 list)
_YEAR_RANGE = re.compile(r"(?<![\d.])(?P<y1>(?:19|20)?\d{2})\s*[EA]?\s*年?\s*(?:-|－|~|～|—|–|至|到)\s*(?P<y2>(?:19|20)?\d{2})\s*(?:[EA]\s*年?|财年|年)")
#: a list of years (22/23/24年, 2022E/2023E/2024E, 22E、23E、24E): an analyst's forecast years
_YEAR_LIST = re.compile(r"(?<![\d./])(?:(?:19|20)?[1-3]\d\s*[EA]?\s*年?\s*[/、]\s*){1,5}(?:19|20)?[1-3]\d\s*(?:[EA]\s*年?|年)")

def _change_of_the_current(out: list[Draft]) -> None:
    """上一季度营收为888.8亿元,环比下降2.3%: a sequential change said after the level of the period it
    compares with is the change of the current level of the same measure; the base has none (营收为
    696亿元,高于去年同期的620亿元,同比增长12%: and a change year on year after last year's level)."""
    for base in out:
        if base.is_change or not base.period or not base.changes:
            continue
        for kind, value in list(base.changes):
            if kind not in ("qoq", "yoy"):
                continue
            current = next((x for x in out if x is not base and not x.is_change and x.unit == base.unit
                            and x.metric and base.metric and x.metric.endswith(base.metric) and x.period
                            and (_period_before(x.period) if kind == "qoq" else _year_later(x.period, -1)) == base.period), None)
            if current is not None and not any(k == kind for k, _ in current.changes):
                base.changes.remove((kind, value))
                current.changes.append((kind, value))


def _from_base_periods(sent: str, drafts: list[Draft], out: list[Draft]) -> None:
    """经营溢利由152亿元,按年下降75.6%至37亿元: the starting level of 由A…至B is the base of the
    change, so it is of the period the change compares with (a year earlier for yoy, the
    quarter before for qoq), when the sentence gives it no period of its own."""
    for ch in drafts:
        t = ch.target
        if not (ch.is_change and ch.attached and t is not None and t.period) or t.q.start < ch.q.end:
            continue
        base = next((x for x in reversed(out) if x is not t and not x.is_change and x.q.end <= ch.q.start
                     and _FROM_LEVEL.search(sent, max(0, x.q.start - 6), x.q.start)), None)
        if base is None or base.period != t.period or base.changes:
            continue
        kinds = {k for k, _ in t.changes}
        if "yoy" in kinds or (kinds == {"abs"} and not re.search(r"环比|按季|按月|较上", sent[base.q.end:t.q.start])):
            # an unqualified move in points (利润率由25.1%下降19.4个百分点至5.7%) compares, as
            # reporting does, with the same period a year earlier
            base.period = re.sub(r"\d{4}", lambda y: str(int(y.group(0)) - 1), t.period, count=1) \
                if "/" not in t.period else base.period
        elif "qoq" in kinds and re.fullmatch(r"\d{4}Q[1-4]", t.period):
            y, q = int(t.period[:4]), int(t.period[5])
            base.period = f"{y}Q{q - 1}" if q > 1 else f"{y - 1}Q4"
    for base, t in zip(out, out[1:]):  # 净利润由10亿元增加至12亿元 (no rate): the convention's base, a year earlier
        if not base.is_change and not t.is_change and not base.changes and base.period == t.period \
                and re.fullmatch(r"\d{4}(?:[QH][1-4])?", t.period or "") and _FROM_LEVEL.search(sent, max(0, base.q.start - 6), base.q.start) \
                and _RISEN_TO.fullmatch(sent, base.q.end, t.q.start) and base.unit == t.unit:
            span = _YEAR_SPAN.search(sent, 0, base.q.start)  # (2021年至2023年,收入由3.1亿元增长至9.9亿元: 2021's)
            base.period = span.group(1) if span and span.group(2) == t.period else str(int(t.period[:4]) - 1) + t.period[4:]


_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:至|到|-|—|~)\s*((?:19|20)\d{2})\s*年")
