"""The claims of one sentence, stage by stage: quantities -> levels and changes -> periods ->
subjects -> metrics and units -> lists -> the frame's conventions.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...frame import Frame, event_date, is_corporate, is_region_users, is_segment_money, names_self, period_end, published_month, results_named
from ...lexicon import Lexicon
from ...patterns import WordRegex, load_patterns
from ...periods import find_periods
from ..entities import Mention
from .draft import Draft, _CLAUSE_END, _COMPARE, _clause_start, continues
from .filters import _RESULTS
from .timing import (
    _COMPARED_WITH, _OWN_LEVEL, _base_period_of, _change_of_the_current, _frame_defaults, _parallel_comparison, _from_base_periods, _in_context, _mark_base,
    _SINCE_BEFORE, _aside_closed, _period_for, _unqualified_is_yoy, _stock_by_comparison, _year_end_of_a_flow, _year_later, _yoy_against,
    said_of_its_figure)
from .metrics import _metric_for
from .inherit import _metric_from_before, _metric_from_context, _part_of_a_pair
from .units import _hedged_share, _lexicon_metric, _set_unit
from .prices import _share_price
from .subjects import (_LISTED_PLACES, _REGION_SHARE, _company_frame, _region_of_company, _site_of_company, opens_a_group, speaks, _announcer, _bracketed_share, _counted_subject, _model_counted, _never_subject, _segment_subject,
                       _sibling_model, _subject_after, _subject_before, brand_metric, glued_brand, world_market)
from .changes import _attach, _classify, _without_rounded_bounds
from .compare import _aside_of_the_same_kind, _flat, _last_year_before_its_level
from .lists import _classify_lists, _distribute, _share_enumerated_metrics
from .parts import (_business_group, _change_on_a_basis, _gap_to_a_standard, _growth_moves, _header_part, _joined,
                    _kind_by_heading, _own_name, _part_after_of, _part_of_the_place, _place_item, _rate_of_the_level,
                    _segment_goes_on)
from .forecasts import _forecast, _outlook_beyond
from .filters import _describes_counted, _streak

#: periods named in passing, for a comparison (去年同期, 上一季度为-4.8%): the text goes on about its own
_PASSING = re.compile(r"同期|同季|上一?个?季度?|上一?财季|上一?个?月|下一?个?季度")  # (下个季度: an outlook, said in passing)
_TRAILING = re.compile(r"止的?(?:十二|12)个月")  # (截至…止十二个月: the window of a trailing count, 年度活跃消费者, only)
_ASIDE_VALUE = WordRegex(r"\s*(?:的)?[\u4e00-\u9fffA-Za-z]{0,8}?\s*(?:则|則)?\s*(?:为|為|是|录得|錄得|亏损|虧損|盈利|赚|賺)\s*"
                         r"(?:[\u4e00-\u9fffA-Za-z]{0,8}?(?:{prior_value_measures}))?\s*(?:人民币|港币|港元|美元)?\s*[-\d负]")
# (上年同期为15亿元, 去年同期营收为4280万美元, 去年同期为运营利润7.11亿元)

#: a segment word right after a name (华远品牌, 星河业务)
def _compared_in_clause(sent: str, d: Draft, drafts: list[Draft], periods):
    """对比去年同期经营利润38.2亿元: a clause that opens with the base of a comparison and states
    no change gives the figure of that base period."""
    if d.is_change:
        return None
    clause = _clause_start(sent, d.q.start)
    if any(x.is_change and clause <= x.q.start for x in drafts):
        return None
    return next((p for p in periods if p.base and clause <= p.start and p.end <= d.q.start
                 and _COMPARED_WITH.search(sent, max(0, p.start - 4), p.start)
                 and not any(clause <= x.start < d.q.start and not x.base for x in periods)), None)


#: a part's act named alone (海外出货, 储能电池交付): its measure is the act's 量
_ACT_ALONE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z]{2})(?:出货|交付)$")

#: what a vendor of a market is measured by (出货量, 市场份额), named alone
_VENDOR_MEASURE = WordRegex(r"(?:{vendor_measures})")


#: the end of the period reported, named as such (报告期末, 本期末, 期末)
_PERIOD_END = re.compile(r"(?:报告期|本期|本季度|(?<![\u4e00-\u9fff])期|(?<![一二三四1-4第上下首次])季度?)末")  # (截至季度末: the quarter reported)

#: a brand word right before a name (高端品牌卡萨蒂, 主品牌X, 旗下品牌X): the name is the company's brand
_BRAND_BEFORE = re.compile(r"(?:品牌|子品牌|旗下)\s*$")
_SEGMENT_AFTER = re.compile(r"\s*(?:主品牌|品牌|业务|分部|板块|事业部|事业群)")
#: a sales channel named by the platform it sells on (抖音渠道, 天猫旗舰店)
_CHANNEL_AFTER = re.compile(r"\s*(?:渠道|官方旗舰店|旗舰店|店铺|直播间)")

#: a word for the reporting entity opening a clause (事件:公司发布…, ,本集团…)
_SELF_AFTER = re.compile(r"(?:^|(?<=[,，;；:：。\s]))(?:公司|本公司|集团|本集团)(?![股有限])")  # (该公司: the one just named)



def _business_of(m: Mention, owner: Mention, lex: Lexicon) -> bool:
    """Is ``m`` a platform, brand or business the lexicon says ``owner`` runs (阿里云 of 阿里巴巴,
    FILA of 安踏)?"""
    if m.cls not in ("Platform", "Company"):
        return False
    e = lex.entity(f"{m.cls}:{m.label}")
    runs = lex.entity(f"{owner.cls}:{owner.label}")  # (the frame's 京东, a platform: its operator 京东集团 owns 京东零售)
    owners = {owner.label} | ({runs.related} if runs is not None and owner.cls == "Platform" and runs.related else set())
    # the company's own brand (快手 of 快手科技) is the company, not a business of it
    return e is not None and e.related in owners and m.label not in owner.label

def _set_period(sent: str, d: Draft, drafts: list[Draft], periods, carry: str | None, year: int | None) -> None:
    """The period of the number of ``d``: the governing one before it (not one an earlier clause
    named in passing when the number is compared with it), the base period of a base level, a
    year after a base of last year, else the one carried; its changes' kinds follow."""
    q = d.q
    clause = _clause_start(sent, q.start)
    if _COMPARE.search(sent, clause, q.start + 24):
        # 上一季度营收为X,净亏损为Y,较上一季度扩大30%: a figure compared with the period before is
        # not of that period, which an earlier clause named in passing
        d.period = _period_for(q.start, [p for p in periods if p.start >= clause
                                         or not _PASSING.search(sent[p.start:p.end])], carry, sent)
    else:  # (…为21亿元,上年同期为15亿元;经营利润率为0.7%: the aside of a prior value governs no later clause)
        d.period = _period_for(q.start, [p for p in periods if p.start >= clause or not _PASSING.search(sent[p.start:p.end])
                                         or not _ASIDE_VALUE.match(sent, p.end)], carry, sent)
    own = _base_period_of(q.start, sent, periods) or _compared_in_clause(sent, d, drafts, periods)
    if own is not None:  # 较去年同期的10亿元: the base level, of the base period
        d.period = own.period
    elif d.period is None and d.target is None:
        # 由去年同期的35.2%提升至38.1%, 12亿元,较去年同期的10亿元: the level compared with a
        # base level of last year is a year after it
        start = next((p for p in periods if p.base and _OWN_LEVEL.fullmatch(sent, p.end, p.end + 1)
                      and re.search(r"去年|上年", sent[p.start:p.end])
                      and any(_base_period_of(x.q.start, sent, periods) is p for x in drafts)), None)
        if start is not None:
            d.period = _year_later(start.period)
    if d.period and (d.changes or d.is_change):
        _yoy_against(d, periods, sent, drafts)
    if d.period is None and d.is_change and not d.attached and year and \
            re.search(r"较去年|比去年|同比", sent[max(0, q.start - 16):q.start]):
        d.period = str(year)  # 较去年增长7%: this year's figure against last year's


#: a period a sentence names as a part of its own after 其中 (全年下降3.0%,其中12月份下降2.6%):
#: the next sentence goes on with the whole
_PART_PERIOD = re.compile(r"其中\s*[,，]?\s*$")


def _after(code: str | None, pub: tuple[int, int] | None) -> bool:
    """Does the period ``code`` end after the month of publication?"""
    end = re.fullmatch(r"asof:(\d{4})-(\d{2})", period_end(code) or "") if pub else None
    return end is not None and (int(end.group(1)), int(end.group(2))) > pub


def _fiscal_half(period: str | None) -> tuple[str, ...]:
    """The calendar halves a bare 中期 is read as, for a reporting period of six months off the
    calendar's halves (2023-04/2023-09 -> 2023H1); else none."""
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period or "")
    if m is None or (int(m.group(3)) - int(m.group(1))) * 12 + int(m.group(4)) - int(m.group(2)) != 5 or m.group(4) in ("06", "12"):
        return ()
    return f"{m.group(1)}H1", f"{m.group(3)}H1"


def _as_results_named(sent: str, found: list) -> list:
    """截至2018年9月30日的第三季度业绩, 2022年中期业绩: a period named before a results word is the
    period the results cover (2018Q3, 2022H1), not a stock's date or the bare year."""
    return [replace(p, period=named) if (named := results_named(sent, p)) else p for p in found]


#: what a place describes a company as, right before its name (芯片巨头, 动力电池龙头)
_DESCRIBED = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,8}?(?:巨头|龙头|厂商|制造商|运营商|企业|公司|品牌)")
#: who forecasts or estimates a figure, right after its name (中金公司预计, 华远证券测算)
_FORECASTS = re.compile(r"\s*[,，]?\s*(?:预计|预测|预期|估计|测算|认为)")


def _named_subject(sent: str, d: Draft, drafts: list[Draft], mentions: list[Mention], frame: Frame | None,
                   floor: int, lex_metric_spans) -> tuple:
    """(the group counted, the entity the sentence names as the subject of ``d``, a brand or
    region that goes into the metric): the reporting company's own brand (华远品牌收入) and a
    region heading its revenue (中国区广告收入) give the company, and themselves to the metric."""
    q = d.q
    counted = _counted_subject(sent, q, mentions)
    found = (counted[0] if counted else None) or _model_counted(sent, q.end, mentions) or _segment_subject(sent, q, mentions) \
        or _sibling_model(sent, q, mentions) or _subject_before(sent, q.start, mentions) or _subject_after(sent, q.end, mentions)
    if found is not None and found.cls == "Place":  # (美国芯片巨头英伟达…营收: the place describes the company after it)
        found = next((m for m in mentions if m.cls in ("Company", "Organization") and found.end <= m.start and m.end <= q.start
                      and _DESCRIBED.fullmatch(sent, found.end, m.start)), found)
    own_brand = found is not None and frame is not None and frame.entity is not None and _company_frame(frame) \
        and found.label != frame.entity.label and (_SEGMENT_AFTER.match(sent, found.end) \
        and (frame.entity.label.startswith(found.label) or found.source not in ("lexicon",) and found.cls != "Place")
            or found.cls == "Platform" and _CHANNEL_AFTER.match(sent, found.end)  # (抖音渠道收入: a sales channel)
            or found.cls != "Place" and _BRAND_BEFORE.search(sent, max(0, found.start - 6), found.start))  # (高端品牌卡萨蒂收入)
    # (a name no lexicon knows before 品牌/业务 in a company's results, 斐驰品牌收入: its brand too)
    brand = (found if own_brand else glued_brand(sent, found, frame)) if found is not None and not _CLAUSE_END.search(sent, found.end, q.start) else None
    if own_brand:  # 华远品牌收入 in 华远体育's results: the company's figure, the brand in the metric
        found = frame.entity
    elif (site := _site_of_company(sent, found, q, frame)) or _region_of_company(sent, found, q, frame):
        metric = _metric_for(sent, Draft(q), floor, lex_metric_spans, mentions, [x.q for x in drafts if x is not d])[0]
        # (香港业务新业务价值按年增长24%至17.26亿美元: a level after its change names its measure before it)
        metric = metric or (sent[found.end:q.start] if _TO_LEVEL.search(sent, found.end, q.start) else None)
        if site or is_segment_money(metric) or is_region_users(metric) or (metric and _REGION_SHARE.match(metric)):
            # 中国区广告收入, 海外收入, 中国零售市场移动月活跃用户 in a company's results: its figure,
            # the region (a site: the place nearest the number, 鄂尔多斯…、芜湖10GW组件项目) in the metric
            near = [m for m in mentions if m.cls == "Place" and found.start <= m.start and m.end <= q.start]
            brand, found = (near[-1] if near and _site_of_company(sent, near[-1], q, frame) else found), frame.entity
            if brand is not None and metric and (k := sent.find(metric, brand.end, q.start)) > brand.end and _LISTED_PLACES.fullmatch(sent, brand.end, k):
                brand = replace(brand, end=k, surface=sent[brand.start:k])  # (香港、澳门及其他市场营业额: the list, whole)
    if found is not None and found.cls == "Place" and _company_frame(frame) and _PART_OF.search(sent, 0, found.start) \
            and (part := _PART_NUMBER.fullmatch(sent, found.end, q.start)) is not None:
        # 共经营1363家餐厅,其中中国大陆1322家: the company's, the region (中国内地) in the metric
        brand, found = replace(found, end=part.end("r"), surface=sent[found.start:part.end("r")]), frame.entity
    return counted, found, brand


#: a part after 其中 (其中中国大陆1322家, 其中海外4,379家), and the words between a part's place and its number
_PART_OF = re.compile(r"其中[^。;；]{0,40}$")
#: a change before the level it reaches, in a clause (…按年增长24%至): the measure is named before the change
_TO_LEVEL = re.compile(r"[\d.]+\s*%\s*(?:至|到|达到?)\s*$")
_PART_NUMBER = re.compile(r"(?P<r>(?:内地|大陆|地区|区域|市场|以外地区)?)\s*(?:为|达|约|有|共|共有|合计)?\s*")


#: a sentence opening with a word for the figure before it (该数字上季度为121.9亿元)
_ANAPHOR_OPENS = re.compile(r"\s*(?:而|但)?\s*(?:这一|该|此|这个|上述)(?:数字|数据|数值)")


def build_claims(sent: str, quantities: list, mentions: list[Mention], lex: Lexicon,
                 year: int | None, carried_period: str | None, carried_subject: Mention | None,
                 topic: Mention | None, quarter_ctx: str | None,
                 lex_metric_spans: list[tuple[int, int, object]],
                 frame: Frame | None = None, earlier: list[Draft] = (),
                 previous: list[Draft] = ()) -> tuple[list[Draft], str | None, Mention | None]:
    """Claims of one sentence (sentence-local offsets). Returns the drafts and the period and
    subject that carry over to the next sentence. The document ``frame`` gives the defaults: the
    reporting period (carried in as ``carried_period``) and the reporting entity (``topic``);
    ``earlier`` are the claims of the sentence before, which a sentence opening with 其中 goes on
    about; ``previous`` those of the last sentence that gave some, whose list of years a list after
    it goes on with."""
    drafts = [Draft(q) for q in quantities]
    named_all = mentions  # (a tracker or an outlet is no subject, but it may forecast: IDC预计…)
    # (a place inside a metric's name, 美国 in 每股美国存托凭证摊薄收益, is no subject)
    mentions = [m for m in mentions if not _never_subject(sent, m)
                and not (m.cls == "Place" and any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                                                  for a, b, _ in lex_metric_spans))
                # (a place's data piece: 中金公司预计,5月规模以上工业增加值…: the forecaster is no subject)
                and not (frame is not None and frame.entity is not None and frame.entity.cls == "Place"
                         and (m.cls in ("Company", "Organization") and (_FORECASTS.match(sent, m.end) or speaks()[1].match(sent, m.end))
                              or m.cls == "Person" and speaks()[0].match(sent, m.end)))]
    pub = published_month(frame.published if frame is not None else None)
    fiscal = frame.fiscal_end if frame is not None else None
    # the month in context, for 本月/上月: the one carried from the sentence before, else the frame's
    month_ctx = next((p for p in (carried_period, frame.period if frame is not None else None)
                      if p and re.fullmatch(r"\d{4}-\d{2}(?:/\d{4}-\d{2})?", p)), None)  # (1-10月…,当月: October)
    data_month = frame.period if frame is not None and frame.period and re.fullmatch(r"\d{4}-\d{2}", frame.period) else None
    # (a year's or half's results in context, for 上年同期 when no quarter is)
    ctx = quarter_ctx or (frame.period if frame is not None and re.fullmatch(r"\d{4}(?:H[12])?", frame.period or "") else None)
    found = find_periods(sent, year, ctx, pub, fiscal, month_ctx, data_month, frame is not None and frame.fiscal_by_start) if drafts else []
    found = _as_results_named(sent, found)
    if frame is not None and (half := _fiscal_half(frame.period)):  # (派中期息 in the interim of a March year: its six months)
        found = [replace(p, period=frame.period) if p.period in half and sent[p.start:p.end] == "中期" else p for p in found]
    # bases first: a period a comparison or a streak starts from (自2019年至今) lends no year to a
    # period without one after it
    found = [_mark_base(sent, p) for p in found]
    periods = [_mark_base(sent, p) for p in _in_context(sent, [p for p in found if not event_date(sent, p)],
                                                        carried_period, found, pub)]
    # a number inside a period (前8个月, 1-9月) is part of the period
    drafts = [d for d in drafts if not any(p.start <= d.q.start and d.q.end <= p.end for p in periods)]
    if not drafts:
        # a sentence without numbers that announces results sets the period of the next (蔚来公布
        # 了2020年财报。其全年营收…); its subject carries as always
        own = [p for p in _as_results_named(sent, find_periods(sent, year, quarter_ctx, pub, fiscal, fiscal_by_start=frame is not None and frame.fiscal_by_start))
               if not _mark_base(sent, p).base and not event_date(sent, p)] \
            if _RESULTS.search(sent) else []
        if own and frame is not None and frame.period and frame.evidence and sent.strip() in frame.evidence:
            own = [replace(own[-1], period=frame.period)]  # (公布全年业绩: the year the frame resolved, the last ended)
        return [], (own[-1].period if own else carried_period), \
            _subject_before(sent, len(sent), mentions) or carried_subject
    _classify(sent, drafts)
    _classify_lists(sent, drafts)
    _attach(sent, drafts, periods, mentions)
    _flat(sent, drafts)
    carry = carried_period
    subj = carried_subject
    # a market's data: a vendor named in the sentence before owns only a vendor's measure of a new one
    vendor = carried_subject if carried_subject is not None and carried_subject.cls != "Place" and frame is not None \
        and frame.entity is not None and frame.entity.cls == "Place" and not continues(sent) else None
    floor = 0
    out: list[Draft] = []
    regions: set[int] = set()  # where the places heading a company's segment figures start
    businesses: set[int] = set()  # where the company's businesses naming its figures start (阿里云收入)
    for d in drafts:
        if d.is_change and d.attached:
            continue
        q = d.q
        _set_period(sent, d, drafts, periods, carry, year)
        counted, found, brand = _named_subject(sent, d, drafts, mentions, frame, floor, lex_metric_spans)
        reached = next((x for x in drafts if x.target is d and x.q.end <= q.start), None)
        if found is None and reached is not None:  # 中国折叠屏手机销量同比增长104%,…,达到257万台: named before its change
            counted, found, brand = _named_subject(sent, reached, drafts, mentions, frame, floor, lex_metric_spans)
        if brand is not None:
            regions.add(brand.start)
        elif found is not None and found.start in regions:
            found = frame.entity  # …月活跃用户达8.24亿;年度活跃消费者…: the region was the company's segment
        if found:
            subj = found
        d.subject = subj or topic
        d.subject_here = found is not None
        named = [*mentions, found] if found is not None and found.cls == "Segment" and found.end <= q.start \
            else mentions  # 短视频行业总时长占比: the metric starts after the industry
        d.metric, d.metric_key = _metric_for(sent, d, floor, lex_metric_spans, named,
                                             [x.q for x in drafts if x is not d])
        if brand is not None and brand.cls == "Place" and d.metric and brand.surface.endswith(d.metric):
            d.metric, d.metric_key = None, None  # (其中中国内地42,100家: 内地 is the region's, the measure is the one before)
        if (not d.subject_here or d.subject.start < _clause_start(sent, q.start)) and not (brand is not None and brand.cls == "Place") \
                and (world := world_market(sent, d.metric, floor, q.start, frame.entity if frame is not None and frame.entity is not None
                                           and frame.entity.cls == "Place" else None, d.subject_here)) is not None:
            d.subject, d.subject_here = world, True  # 全球PC出货量为6530万台: the world market's
        if d.metric and _ACT_ALONE.search(d.metric):
            d.metric, d.metric_key = d.metric + "量", None  # 海外出货同比增长40%: the measure of the act, 海外出货量
        if brand is not None and d.metric and not d.metric.startswith(brand.surface):
            d.metric, d.metric_key = brand_metric(brand.surface, d.metric), None
        if reached is not None:
            # 股东应占溢利减少2.5%至75.9亿元: the metric is named before the change it reaches through (客户贷款
            # 增长6%;客户存款增加5%至…: its own, not the figure's before; 折叠屏手机销量同比增长104%,…达到
            # 257万台: the whole name there of the measure the level names in short)
            via = _metric_for(sent, Draft(reached.q), floor, lex_metric_spans, named,
                              [x.q for x in drafts if x is not reached and x is not d])
            if d.metric is None or (via[0] and via[0] != d.metric and via[0].endswith(d.metric)
                                    and re.search(r"[,，]", sent[reached.q.end:q.start])  # (a clause of its own)
                                    and "的" not in via[0][:-len(d.metric)]):  # (星河视频的付费会员数: an owner's)
                d.metric, d.metric_key = via
        _place_item(sent, d, out)
        if d.metric is None and not out and previous and previous[-1].metric and _ANAPHOR_OPENS.match(sent):
            d.metric, d.metric_key = previous[-1].metric, previous[-1].metric_key  # (营收为142.1亿元。该数字上季度为…: its measure)
        _metric_from_before(sent, d, out)
        _metric_from_context(sent, d, out)
        if brand is not None and brand.cls == "Place" and d.metric and not d.metric.startswith(brand.surface):
            d.whole = d.whole or d.metric  # (the measure of the parts after it: 港澳台地区41家)
            # (其中中国大陆1322家: the measure before, the region's; 全球…,其中中国市场: a part of the world's)
            d.metric, d.metric_key = brand_metric(brand.surface, re.sub(r"^(?:全球|全国)(?=..)", "", d.metric)), None
        _part_of_a_pair(d, out, earlier)
        _segment_goes_on(sent, d, out)
        _rate_of_the_level(sent, d, out)
        _header_part(sent, d, mentions)
        _change_on_a_basis(d, out, sent)
        _part_after_of(sent, d, found, out, earlier or previous)
        _kind_by_heading(sent, d, out, earlier or previous)
        _gap_to_a_standard(sent, d, out)
        _growth_moves(sent, d, out)
        _business_group(sent, d, frame, lex)
        _bracketed_share(sent, d, mentions)
        _own_name(d)
        _hedged_share(d)
        if vendor is not None and d.subject is vendor and not d.subject_here and d.metric \
                and not _VENDOR_MEASURE.fullmatch(d.metric):
            d.subject = frame.entity  # (小米出货量940万台。折叠屏手机出货量185万台: the market's segment)
        if d.metric in (earned := load_patterns().money_verbs):
            d.metric, d.metric_key = earned[d.metric], None  # 少赚三成至5.6亿元: the profit it reached
        if _part_of_the_place(frame, found):
            # a bulletin's 第一产业增加值, 城镇新增就业: the place's figure, the part in the metric
            d.subject = subj = frame.entity
            if d.metric and found.surface not in d.metric and not _CLAUSE_END.search(sent, found.end, q.start):
                d.metric, d.metric_key = _joined(found.surface, d.metric), None
        if counted:  # 1.4亿台智能手机完成适老化改造: the deed counted
            d.metric, d.metric_key = counted[1], None
        if d.metric and d.metric_key is None:  # 线上营销服务产生的收入 is 线上营销服务收入
            d.metric_key = _lexicon_metric(lex, d.metric)
        prog = next((m for m in mentions if m.cls == "Program" and m.start <= q.start and q.end <= m.end), None)
        if prog is not None:  # “10亿补贴计划”: the amount of the program, owned by who runs it
            rest = (prog.label.replace(q.surface, "", 1) or prog.label).strip()
            d.metric, d.metric_key = rest + "规模", None
            owner = _subject_before(sent, prog.start, [m for m in mentions if m is not prog])
            d.subject = owner or d.subject
            d.subject_here = owner is not None or d.subject_here
        _set_unit(sent, d, lex)
        if (told := _announcer(sent, q.start, mentions)) is not None:
            d.subject, d.subject_here = told, True  # 海川重工公告,公司9月营业收入…: 公司 is the company announcing
        elif frame is not None and frame.entity is not None and prog is None and (
                (not d.subject_here and names_self(sent[:q.start]))
                or (d.subject is not None and d.subject.cls == "Person" and is_corporate(d.metric))
                # (理想L6…销量。…经营利润为28亿元: a product carried from before owns no company's results)
                or (not d.subject_here and d.subject is not None and d.subject.cls == "Program" and is_corporate(d.metric)
                    and _company_frame(frame))
                or (found is not None and found.end <= q.start and found.label != frame.entity.label
                    and _SELF_AFTER.search(sent, found.end, q.start))):
            # 华远证券 …事件:公司发布年报,实现营收…: 公司, nearer the number than the name, is the
            # reporting entity
            # 公司2022年实现营收…, 主席某某表示,收入…: the reporting entity's figure
            d.subject, d.subject_here = frame.entity, True
        if not d.subject_here and d.subject is not None and d.subject.cls == "Place" and _company_frame(frame) \
                and is_segment_money(d.metric):
            d.subject = frame.entity  # a place carried from the sentence before owns no company's revenue
        if d.subject is not None and d.subject.cls == "Segment" and _company_frame(frame) and is_segment_money(d.metric) \
                and d.subject.label.endswith(("行业", "领域", "业务", "板块")):
            # 汽车行业收入5.2亿元 in a company's results: the company's revenue from that industry
            if d.subject_here and not d.metric.startswith(d.subject.label):
                d.metric, d.metric_key = d.subject.label + d.metric, None
            d.subject = frame.entity
        if frame is not None and frame.entity is not None and d.subject is not None and d.subject is not frame.entity \
                and _business_of(d.subject, frame.entity, lex) and d.metric and (is_segment_money(d.metric) or found is d.subject and _SEGMENT_AFTER.match(sent, found.end)):
            # 阿里云收入 in Alibaba's results: Alibaba's figure, the business in the metric (when its
            # clause names it: a brand carried from the clause before names no later figure's metric)
            clause = _clause_start(sent, q.start)
            if d.subject.surface not in (d.metric or "") and found is d.subject and found.start >= clause:
                name = d.subject.surface  # 阿里云 + 云收入: the name and the metric share 云
                k = next((k for k in range(min(len(name), len(d.metric)), 0, -1) if name.endswith(d.metric[:k])), 0)
                d.metric, d.metric_key = name + d.metric[k:], None
            if found is d.subject:
                businesses.add(found.start)
            d.subject = frame.entity
        _year_end_of_a_flow(sent, d, periods, drafts)
        _frame_defaults(d, periods, carry, frame)
        if frame is not None and frame.period_end and d.period == frame.period and (end := _PERIOD_END.search(sent, 0, q.start)) \
                and not any(end.end() <= p.start < q.start for p in periods):
            d.period = frame.period_end  # 报告期末,资本充足率为15.02%: at the end of the period reported
        _stock_by_comparison(sent, d)
        since = next((p for p in periods if p.base and p.end <= q.start
                      and _SINCE_BEFORE.search(sent, max(0, p.start - 2), p.start)), None)
        if since is not None and "累计" in sent[since.end:q.start] and d.period == carry \
                and (pub := published_month(frame.published if frame is not None else None)):
            d.period = f"asof:{pub[0]}-{pub[1]:02d}"  # 自6月开始交付以来累计交付超过5000辆: the total to date
        if frame is not None and frame.currency and d.unit == "CNY" and q.kind == "money" \
                and not re.search(r"人民币|RMB|¥|￥", sent[max(0, q.start - 4):q.end]):
            d.unit = frame.currency  # 收益为387.6亿港元(下同)…纯利为42.8亿元: the currency the note declares
        _forecast(sent, d, frame, out[-1] if out else None, named_all, previous, periods)
        _share_price(sent, d, frame, named_all)
        if d.quote:  # 格力电器(50.070, -0.12, -0.24%): the share price, on the day of publication
            d.metric, d.metric_key = "股价", None
            d.unit = "HKD" if frame is not None and frame.hk_listed else "CNY"
            day = re.fullmatch(r"\d{4}-\d{2}-\d{2}", (frame.published if frame else None) or "")
            d.period = f"asof:{day.group(0)}" if day else None
        if (bound := _describes_counted(sent, d, drafts)) or _streak(sent, d) or opens_a_group(sent, d, drafts):
            floor = q.end if bound else floor  # (402个品牌成交额破亿元,其中国货品牌243个: a bound's words are no later figure's)
            continue
        floor = q.end
        if d.is_change and d.attached:
            continue  # (a growth's move in points, a change of the growth before it now)
        out.append(d)
    out = _distribute(sent, drafts, out, mentions, lex_metric_spans, periods,
                      frame.entity if _company_frame(frame) and _RESULTS.search(frame.evidence or "") else None, previous)
    for d in out:  # the changes 分别 handed out follow the convention too
        _unqualified_is_yoy(d, frame)
        if _part_of_the_place(frame, d.subject) \
                and d.subject_here and d.subject is not frame.entity:
            # 第一产业、第二产业…增加值分别为…: the place's figures, each part in its metric
            part = d.subject.label if d.subject.cls == "Segment" else d.subject.surface  # (a listed segment's label is whole)
            if d.metric and part not in d.metric:
                d.metric, d.metric_key = _joined(part, d.metric), None
            d.subject = frame.entity
    _parallel_comparison(sent, out)
    _from_base_periods(sent, drafts, out)
    _last_year_before_its_level(sent, out, periods)
    _aside_of_the_same_kind(sent, out)
    _change_of_the_current(out)
    out = _without_rounded_bounds(out)
    _share_enumerated_metrics(sent, out)
    # the period carried on: not a comparison's (去年同期净亏损3.2亿元 states last year's figure
    # in passing; the text goes on about its own period)
    last = [p for p in periods if not p.base and not _PASSING.search(sent[p.start:p.end]) and not _TRAILING.search(sent[p.start:p.end])
            and not _aside_closed(sent, p, len(sent)) and not _PART_PERIOD.search(sent, max(0, p.start - 4), p.start)
            and not said_of_its_figure(sent, p)  # (…为22.7%,2023年第三季度为21.2%。 goes on about its own period)
            and not _after(p.period, pub)  # (我们12月将交付约2000辆: a month to come governs no later statement)
            and not _outlook_beyond(sent, p.period, frame)]
    # the subject carried to the next sentence: this sentence's subject-position entity
    subj = _subject_before(sent, len(sent), mentions) or subj
    if subj is not None and (subj.start in regions or subj.start in businesses):
        # 中国零售市场年度活跃消费者…。移动月活跃用户…: the region was the company's segment
        subj = frame.entity  # (阿里云收入…。年度活跃消费者…: so was the business)
    if _part_of_the_place(frame, subj):
        subj = frame.entity  # 年末城镇常住人口…。全市…: a part of the place is no subject to carry
    if frame is not None and frame.entity is not None and subj is not None and subj.label != frame.entity.label \
            and subj in mentions and _SELF_AFTER.search(sent, subj.end):
        subj = frame.entity  # …华远证券 …事件:公司发布年报: what follows is about the company
    return out, (last[-1].period if last else carry), subj
