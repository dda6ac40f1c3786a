"""Forecasts, guidance and targets: a figure a forecast word leads in its sentence is one, and its
metric says whose (预测… for an analyst's or a third party's estimate, …指引 for the company's own
outlook, …目标 for a target, 市场预期… for the market's expectation); a period of an outlook beyond
the reporting period governs no later statement.
"""
from __future__ import annotations

import re

from ...frame import Frame, is_corporate, period_end, published_month
from ...patterns import WordRegex
from .draft import Draft, _clause_start
from .timing import _YEAR_LIST, _YEAR_RANGE, _year_later

_FORECAST_NOT = WordRegex(r"{forecast_not}")
_FORECAST_ANALYST = WordRegex(r"{forecast_analyst}")
_FORECAST_GUIDE = WordRegex(r"{forecast_guidance}")
_FORECAST_TARGET = WordRegex(r"{forecast_target}")
_FORECAST_SAID = re.compile(r"预测|预计|预估|预期|指引|目标|展望")
_OWN_OUTLOOK = re.compile(r"(?:公司|集团|本集团|管理层|董事会)\s*$")

#: who expects and how (市场此前预期, 分析师平均预估, 彭博一致预期): the core of the expectations below
_HOW = r"(?:此前|之前)?(?:平均|普遍|一致)?(?:预期|预测|预估|估计)"
_HELD = r"(?:(?:{expectation_holders})" + _HOW + r"|分析师(?:此前|之前)?(?:平均|普遍|一致)?预计)"  # (分析师此前预计…)

_EXPECTATION = WordRegex(r"(?:此?前)?(?:(?:{expectation_adverbs})?(?:{expectation_comparisons}|超))?"
                         r"(?:{expectation_holders})?" + _HOW + r"(?:值)?")
# (略高于市场预期的…, 分析师此前预期为…, 此前分析师平均预期为…, 超过华尔街预期的…)
# an expectation said of another figure earlier in the sentence (…,分析师此前预期为1585亿元;净利润为…)
_EXPECTED_BEFORE = WordRegex(_HELD + r"(?:值)?(?=\s*(?:为|是|的|约为|约)\s*[\d０-９])")

#: a guidance named right after its figure (…至56,000辆的交付指引上限)
_GUIDANCE_AFTER = re.compile(r"\s*的?\s*(?P<m>[\u4e00-\u9fffA-Za-z]{0,6}?)指引")

# … said right before its figure: 高于预期的1.39美元, (一致预期:118.6亿元), a clause of its own (营收689.3亿元,预期717亿元)
_AGAINST_EXPECTED = WordRegex(r"(?:(?:{expectation_adverbs})?(?:{expectation_comparisons})|[(（]|[,，;；]\s*(?=\S{0,8}预[期估]))\s*(?:{expectation_holders})?"
                              + _HOW + r"(?:值)?\s*(?:的|为|[:：])?\s*$")

# the market's expectation leading the figure expected (市场此前预期蔚来第三季度营收为…, 彭博一致预期…,
# 据彭博调查的分析师预估,…), not a result set against it (超出市场预期,…)
_EXPECTS_LEAD = WordRegex(r"(?<!超出)(?<!超过)(?<![超于及合])" + _HELD)


def _forecast(sent: str, d: Draft, frame: Frame | None, before: Draft | None = None, mentions=(),
              previous=(), periods=()) -> None:
    """我们预计2024年归母净利润为…, 公司预计第四季度收入介于…: a figure a forecast word leads
    in its sentence is a forecast, and its metric says so, so that it is never taken for (or
    diffed against) the result: the company's own outlook (公司预计, 华远预计, 指引, or an
    unattributed 预计 about the reporting entity's figure) is its 指引 (收入指引), an analyst's
    (我们预计) or anyone else's estimate a 预测 (预测归母净利润, 预测市场规模). A period that had ended when the
    article came out is an estimate of a result (IDC预计二季度出货量…), not a forecast."""
    if (named := _GUIDANCE_AFTER.match(sent, d.q.end)) and not d.is_change:
        # 交付57,373辆,超出此前54,000至56,000辆的交付指引上限: the guidance in passing, named after it
        m = named.group("m") or (before.metric if before is not None and before.metric else "")
        d.metric, d.metric_key = m + ("量" if m.endswith(("交付", "销售", "出货")) else "") + "指引", None
        return
    if d.metric and before is not None and before.metric and not before.metric.startswith("市场预期") and (
            _EXPECTATION.fullmatch(d.metric) or _AGAINST_EXPECTED.search(sent, max(0, d.q.start - 16), d.q.start)):
        # 收入为300亿元,逊于310亿元的市场预期: the expectation of the figure compared with it
        d.metric, d.metric_key = "市场预期" + before.metric, None
        return
    if d.metric in ("指引", "业绩指引") and before is not None and before.metric and not before.is_change \
            and _BEAT_GUIDANCE.search(sent, before.q.end, d.q.start):
        d.metric, d.metric_key = before.metric + "指引", None  # 净营收为4.42亿美元,超出此前公司指引的4.30亿…: its guidance
        return
    if d.metric and re.fullmatch(r"(?:此前|之前|先前|原先|原来|原)?的?(?:指引|目标|预期)", d.metric) and before is not None and before.metric and before.metric.endswith(("指引", "目标")) \
            and _PRIOR_OUTLOOK.search(sent, before.q.end, d.q.start):
        # 交付指引上调至4.8万辆,此前指引为4.5万辆: the outlook the new one replaced (原交付量指引)
        d.metric, d.metric_key = "原" + before.metric.removeprefix("原"), None
        d.period = before.period
        return
    if d.metric and before is not None and d.metric == before.metric and not d.is_change \
            and _ended(d.period, frame) and not _ended(before.period, frame) and re.search(r"较|比|同期|由|从", sent[before.q.end:d.q.start]):
        # 预计第四季度交付量为7.2万辆,较去年同期的5.0万辆增长…: the base is a result, no outlook
        d.metric, d.metric_key = re.sub(r"^(?:预测|市场预期)|(?:指引|目标)$", "", d.metric), None
        if before.period and re.search(r"(?:去年|上年)同期", sent[before.q.end:d.q.start]):
            d.period = _year_later(before.period, -1)  # (…总收入预计为…,较去年同期的…: the outlook's period a year before)
        return
    if not d.metric or (d.is_change and d.attached) or _FORECAST_SAID.search(d.metric):
        return
    if _DONE.search(sent, _clause_start(sent, d.q.start), d.q.start):
        return  # (…预计三季度交付量…,8月已交付1.2万辆: a figure said done is a result)
    ended = _ended(d.period, frame)
    lead = _clause_lead(sent, d, before)
    expects = next(_EXPECTS_LEAD.finditer(lead), None) if d.metric and not d.is_change else None
    if expects is not None and (ended or not expects.group().startswith("分析师")):
        # a period already ended, its figure expected by the market: the expectation of the result (the
        # market's consensus of one to come too: 市场预期明年营收…; an analyst's of one to come is his 预测)
        named = d.metric.partition(expects.group())[2].lstrip("其的") or d.metric  # (市场一致预估其净利润…)
        d.metric, d.metric_key = "市场预期" + named, None
        return
    if expects is None and _outlook_goes_on(sent, d, frame, previous, periods):
        return
    if ended and not _YEARS_AHEAD.search(sent, 0, d.q.start):
        # (23-25年…分别, 22/23/24年…: the years come later)
        return
    lead = _FORECAST_NOT.sub(lambda m: " " * len(m.group()), sent[:d.q.start])  # offsets kept
    lead = _EXPECTED_BEFORE.sub(lambda m: " " * len(m.group()), lead)
    lead = re.sub(r"预期(?=目标)", "  ", lead)  # (主要预期目标是:…: targets, no one's forecast)
    listed = _TARGET_LIST.search(lead)  # (预期目标是:…增长6%左右;…增长6.5%以上: each item after the colon)
    if d.is_change:  # a rate of its own (我们预计…;公司2018-2021年…复合增速达60%): after ; a statement of its own
        cut = max(lead.rfind(";"), lead.rfind("；"))
        lead = " " * (cut + 1) + lead[cut + 1:]
    analyst = _FORECAST_ANALYST.search(lead)
    if analyst is not None and frame is not None and not frame.analyst and analyst.group().startswith("我们") \
            and not _ON_THE_COMPANY.search(lead):
        analyst = None  # a company's release or call: its 我们预计 is its own outlook (我们预计(2024年)公司… is not)
    said = None if analyst else _FORECAST_GUIDE.search(lead)
    if said is None and not analyst:
        # (计划到年底建成1100个充电桩: a target; 希望毛利率提升到15%,月交付达到3000辆: both are)
        if _FORECAST_TARGET.search(lead, _clause_start(sent, d.q.start)) or _TARGET_GOES_ON.search(lead) or listed \
                or _TARGET_AFTER.match(sent, d.q.end):
            d.metric, d.metric_key = d.metric + "目标", None
        return
    reporting = frame is not None and frame.entity is not None and d.subject is not None \
        and d.subject.label == frame.entity.label and is_corporate(d.metric) \
        and frame.entity.cls != "Place"  # (a market's or a place's figure to come is someone's estimate, no guidance)
    # (摩根士丹利预期,集团明年纯利…: a third party named right before the forecast word, its estimate)
    third = said is not None and any(m.cls in ("Company", "Organization", "Person") and re.fullmatch(r"\s*[,，]?\s*", sent[m.end:said.start()])
                                     and not (frame is not None and frame.entity is not None and m.label == frame.entity.label)
                                     and not (d.subject is not None and m.label == d.subject.label)  # (金石药业预计…: its own)
                                     and not _speaks_for(sent, m, frame)  # (星河汽车CEO李明预计…: the company's own)
                                     for m in mentions)
    own = said is not None and not third and (said.group() == "指引" or _OWN_OUTLOOK.search(lead, 0, said.start())
                                or (d.subject is not None and d.subject_here and d.subject.end == said.start())
                                or (reporting and not (frame.analyst and _YEARS_AHEAD.search(sent, 0, d.q.start))))
    # (a results piece's unattributed outlook is the company's; an analyst's years ahead, 预计2022E-2024E…, are his)
    if own:  # the company's own outlook: 公司预计, 华远预计, 收入指引
        d.metric, d.metric_key = d.metric + "指引", None
    else:  # an analyst's or a third party's estimate
        d.metric, d.metric_key = "预测" + d.metric, None

#: a target word whose clauses go on listing levels reached (…能提升到15%,月交付达到3000辆): each is a target
_TARGET_GOES_ON = WordRegex(r"(?:{forecast_target})[^。;；!！?？]*(?:达到|提升到|提升至|增至|增加到|突破)[^。;；!！?？,，]*[,，][^。;；!！?？,，]*(?:达到|提升到|提升至|增至|增加到|突破)[^。;；!！?？,，]*$")


#: a figure said against the company's guidance (超出此前公司指引的, 低于指引)
_BEAT_GUIDANCE = re.compile(r"(?:超出|超过|高于|低于|不及|逊于|符合|达到|好于|优于|处于|位于)[^,，。;；]{0,6}指引")

#: a figure its clause says is done (已交付, 已经实现, 已累计完成)
_DONE = re.compile(r"已经?(?:累计)?\s*(?:交付|实现|完成|售出|销售|卖出|达到|达|突破|录得|开设|建成|签约|获得)")

#: an outlook said to be the earlier one (此前指引为, 原目标为, 之前的预期为)
_PRIOR_OUTLOOK = re.compile(r"(?:此前|之前|先前|原先|原来|原)(?:的)?(?:指引|目标|预期)")


#: a target named after its figure (维持全年23万辆的交付目标)
_TARGET_AFTER = re.compile(r"\s*的\s*[\u4e00-\u9fff]{0,6}?目标")
#: targets listed after a colon (经营目标为:营业总收入1280亿元,利润总额123亿元): each figure after it is one
_TARGET_LIST = WordRegex(r"(?:{forecast_target})[^。;；!！?？:：,，]{0,6}?[:：]")


#: an analyst's forecast of the company (我们预计公司…, 我们预计2024-2026年公司…), not a company's own outlook
_ON_THE_COMPANY = re.compile(r"我们(?:预计|预测|预期)[^,，。;；:：]{0,12}?(?:公司|该公司|其)")


def _clause_lead(sent: str, d: Draft, before: Draft | None) -> str:
    """The sentence before ``d`` from the end of the figure before it (blanked before, offsets kept)."""
    start = before.q.end if before is not None and before.q.end <= d.q.start else 0
    return " " * start + sent[start:d.q.start]


#: years ahead named as a span or a list (2022-2024年, 22E/23E/24E): an analyst's forecast table
_YEARS_AHEAD = re.compile(_YEAR_RANGE.pattern + "|" + _YEAR_LIST.pattern)


def _speaks_for(sent: str, m, frame: Frame | None) -> bool:
    """Is ``m`` a person of the reporting company (its role's organization, or named right after it:
    星河汽车CEO李明)?"""
    if m.cls != "Person" or frame is None or frame.entity is None or frame.entity.cls not in ("Company", "Organization"):
        return False
    return m.org == frame.entity.label or any(sent.rfind(w, max(0, m.start - 12), m.start) >= 0
                                             for w in {frame.entity.surface, frame.entity.label})


def _ended(code: str | None, frame: Frame | None) -> bool:
    """Had the period ``code`` ended when the article came out?"""
    pub = published_month(frame.published if frame is not None else None)
    end = period_end(code)
    return bool(pub and end and tuple(int(x) for x in end[5:12].split("-")) < pub)


#: a figure said to come (总收入预计介于…, 收入总额将达到…)
_TO_COME = re.compile(r"预计|预期|预估|将(?!近)|有望|可望")


def _outlook_goes_on(sent: str, d: Draft, frame: Frame | None, previous, periods) -> bool:
    """公司预计第四季度交付量介于…。总收入预计为…: a figure said to come, in the sentence after an
    outlook of a period beyond the one reported and naming no period of its own, goes on with that
    outlook: its period, and whose it is."""
    if d.is_change or not is_corporate(d.metric) or any(p.start < d.q.start and not p.base for p in periods) \
            or not _TO_COME.search(sent, _clause_start(sent, d.q.start), d.q.start):
        return False
    outlook = next((x for x in reversed(previous) if x.metric and not x.is_change and (x.metric.endswith("指引") or x.metric.startswith("预测"))
                    and _outlook_beyond("预计", x.period, frame)), None)
    if outlook is None:
        return False
    d.period = outlook.period
    if outlook.metric.endswith("指引"):
        d.metric, d.metric_key = d.metric + "指引", None
    else:
        d.metric, d.metric_key = "预测" + d.metric, None
    return True


def _outlook_beyond(sent: str, code: str | None, frame: Frame | None) -> bool:
    """Is ``code`` the period of an outlook (预计第一季度收入…) beyond the reporting period? It
    governs no later statement of results; nor does a month after it (11月份预计交付量将超过2000辆
    in a third quarter's call)."""
    if frame is None or not frame.period or not code or not _FORECAST_SAID.search(sent):
        return False
    if re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])?", code) and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])?", frame.period):
        return code > frame.period
    end = period_end(frame.period)
    return bool(re.fullmatch(r"\d{4}-\d{2}", code) and end and code > end[5:])
