"""The metric of a claim (the noun phrase before the number, a lexicon metric, the noun after it,
the measure of a verb of output) and its unit.
"""
from __future__ import annotations

import re
from functools import cache

from ...lexicon import Lexicon
from ...patterns import WordRegex
from ..entities import Mention
from .draft import (
    Draft, _ANAPHOR, _CLAUSE_BREAK, _LIST_SEP, _NP_STOP, _PER_UNIT, _RATIO_HEAD,
    _TRIM_HEAD, _TRIM_TAIL, _clause_start)

def _names_metric(phrase: str) -> bool:
    """Does the noun phrase name a metric (经调整利润, 直播收入, 毛利率), rather than a
    circumstance (疫情期间高基数上, 单季度)?"""
    from ...patterns import load_patterns

    pats = load_patterns()
    if phrase.endswith(("目标", "指引")) and len(phrase) > 2:  # 全年交付目标, 收入指引: a measure's target
        return _names_metric(phrase[:-2]) or phrase[:-2].endswith(tuple(pats.verb_measures))
    return phrase.endswith((*pats.money_heads, *pats.user_heads, *pats.metric_tails))

#: a payout per ten shares in a headline's shorthand right before its amount (拟10派8元); written out
#: money raised, named after its amount (完成5亿元B轮融资, 获得超10亿美元战略投资, 募资30亿元)
_RAISED_BY = re.compile(r"(?:完成|获得|获|达成|募集|宣布)(?:了)?\s*(?:超过|超|逾|近|约)?\s*(?:人民币|美元)?\s*$")
_RAISED = re.compile(r"\s*(?:人民币|美元)?\s*(?:的)?\s*(?P<r>(?:Pre-?)?[A-Z]\d?\+{0,2}轮|天使轮|种子轮|新一轮|首轮|战略)?\s*(?P<k>融资|投资|募资)")
#: (每10股派发现金股利3元) the phrase is the metric as it stands
_PER_TEN = re.compile(r"(?<![\d.])10\s*派(?:发|送)?(?:现金)?(?:红利|股利|股息)?\s*(?:人民币)?\s*$")


def _metric_for(sent: str, d: Draft, start_floor: int, lex_metrics: list[tuple[int, int, object]],
                mentions: list[Mention], numbers=()) -> tuple[str | None, str | None]:
    """The metric of a number: the nearest lexicon metric before it in its stretch of the
    sentence (widened to the phrase as written), else what the number qualifies after it
    (25%的月活用户, 160套房子, 3亿日活), else the noun phrase before it, else its unit noun."""
    q = d.q
    if _PER_TEN.search(sent, max(0, q.start - 16), q.start):
        return "每10股派息", None  # 拟10派8元: the payout per ten shares
    acted = _count_of_act(sent, q)
    if acted:  # 3892人报名: the number of people who did it
        return acted, None
    raised = _RAISED.match(sent, q.end) if q.kind == "money" and _RAISED_BY.search(sent, max(0, q.start - 6), q.start) else None
    if raised:  # 完成5亿元B轮融资: the round raised, named after its amount
        return (raised.group("r") or "") + raised.group("k") + "额", None
    model = next((m for m in mentions if m.cls == "Program" and m.end <= q.start and re.fullmatch(r"\s?", sent[m.end:q.start])), None)
    if model is not None and (measure := _output_verb_before(sent, start_floor, model.start)):
        return measure, None  # 交付理想ONE 3692辆: the verb's measure, of the model named before the count
    asides = [x.span() for x in _ASIDE.finditer(sent, 0, q.start)]
    cands = [(a, b, e) for a, b, e in lex_metrics if start_floor <= a and b <= q.start
             and not _CLAUSE_BREAK.search(sent[b:q.start]) and not any(x <= a and b <= y for x, y in asides)]
    np = _np_before(sent, q.start, start_floor, mentions, numbers)
    clause_start = _clause_start(sent, q.start)
    after = _counted_after(sent, q, lex_metrics, mentions, clause_start)
    if q.kind == "multiple" and np and len(np) >= 2 and not cands and after == (_unit_metric(q), None):
        return np, None  # 直播电商同比增长超过一倍: what grew, not a bare 倍数
    if str(q.unit or "").startswith(_MEASURE_UNITS) and not any(a >= clause_start for a, _, _ in cands) and after \
            and after != (_unit_metric(q), None):
        return after  # a counted thing named after the number (160套房子) beats a metric of an earlier clause
    if after and cands and (sent[q.end:q.end + 1] == "的" or _SHARE_AFTER.match(sent, q.end)) \
            and any(re.fullmatch(r"\s*的?\s*", sent[n.end:cands[-1][0]]) for n in numbers if n.end <= cands[-1][0]):
        return after  # 以1860万台的出货量和23.8%的市场份额: each figure's measure is named after it
    if np and _ANAPHOR.fullmatch(np):
        return None, None  # 这一数字: the metric of the claim before (filled in by the caller)
    label = _FIELD_LABEL.search(sent, 0, q.start) or _LINE_LABEL.match(sent) or next(_TOPIC.finditer(sent, 0, q.start), None)
    if label is not None and label.end() <= q.start and _names_metric(label.group("m")) \
            and not any(label.end() <= a and b <= q.start for a, b, _ in lex_metrics) and not (np and _names_metric(np)):
        # 快递业务量:2024年3月为19.5亿票,上年同期为…: the line's label (拨备覆盖率方面,A为…: the topic's), when
        # no metric is named after it
        named = _PERIOD_WORDS.sub("", _PERIOD_ENDED.sub("", label.group("m"))) or label.group("m")  # (三季度营收: 营收)
        inside = [(a, b, e) for a, b, e in lex_metrics if label.start("m") <= a and b <= label.end("m")]
        return named, (inside[-1][2].key if inside and _same_metric(named, sent[inside[-1][0]:inside[-1][1]]) else None)
    if cands and cands[-1][0] < clause_start and np and _names_metric(np) and np in sent[clause_start:q.start]:
        # 毛利率较上年同期下降1.47%,人均销售额同比上升16.5%: the clause names its own measure
        cands = []
    if cands:
        a, b, e = cands[-1]
        if q.kind == "percent" and a < clause_start and (share := re.match(r"份额|占比|比重", sent[b:b + 2])):
            return sent[a:b] + share.group(), None  # (华为以41.7%的销量份额…,荣耀以22.5%紧随其后: the share)
        if np and sent[a - 1:a] in "(（" and sent[b:b + 1] in ")）" and a > 0:  # 电商交易总额(GMV)
            return np, e.key
        if sent[b:b + 1] == "率" and not sent[a:b].endswith("率"):  # 经营亏损 + 率: a rate, another metric
            rate = sent[a:b + 1]  # (as the phrase names it: 净利息 + 收益率)
            return (np if np and np.endswith(rate) and len(np) <= 12 else rate), None
        # widen the lexicon match to the noun phrase as written (平均 + DAU)
        if np and sent[a:b] in np:
            return np, (e.key if _same_metric(np, sent[a:b]) else None)
        own = _np_before(sent, b, start_floor, [m for m in mentions if m.end <= a], [n for n in numbers if n.end <= a])
        if own and own.endswith(sent[a:b]) and len(own) > b - a and a >= clause_start \
                and (any(b <= n.start and n.end <= q.start for n in numbers)
                     or re.fullmatch(r"\s*[:：]\s*(?:人民币|港币|港元|美元|约)?\s*", sent[b:q.start])  # (净收入:人民币86.42亿元)
                or re.fullmatch(r"\s*[(（][^()（）]{1,12}[)）]\s*(?:[:：]|为|是|达到?)?\s*(?:人民币|港币|港元|美元|约)?\s*", sent[b:q.start])):
            # (晶圆出货量(约当8英寸)为212.2万片: the phrase before its aside)
            # 鞋类收入同比增长60.8%至118.8亿元: the phrase the metric ends, not the number's (and a
            # share of it: 海外收入占比提升5.2个百分点至35.6%)
            share = re.match(r"占比|比重|比例|份额", sent[b:]) if q.kind == "percent" else None
            if share:
                return own + share.group(0), None
            return own, (e.key if _same_metric(own, sent[a:b]) else None)
        return sent[a:b], e.key
    if (q.kind == "money" or (q.kind == "bare" and abs(q.value or 0) >= 1e4)) \
            and (earned := _money_verb_before(sent, clause_start, q.start, {m.end for m in mentions})):
        return earned, None  # 去年同期则赚28.14亿元: a profit, whatever the clause before reported
    if q.unit_word == "人次" and np and len(np) >= 2:
        # 接待游客7.5亿人次: 接待游客人次; a measure named already stays (旅客吞吐量520万人次)
        return (np if np.endswith(("人次", "量", "数")) else np + "人次"), None
    if after:
        return after
    if np and len(np) >= 2:
        return np, None
    if any(n.end <= q.start and _LIST_SEP.fullmatch(sent, n.end, q.start) for n in numbers):
        return None, None  # 112分钟和98分钟: the metric of the number it is listed after (the caller's)
    if q.unit_word and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", q.unit_word) and q.kind not in ("money", "percent", "points"):
        return q.unit_word + "数", None  # 3亿人次 -> 人次数; never a currency's (万元人民币)
    return None, None

def _same_metric(phrase: str, match: str) -> bool:
    """Is the phrase as written the lexicon metric it contains, or a different metric built on
    it: per unit (每名日活跃用户平均线上营销服务收入), a share of it (占总收入比重), or a part of
    it named through 的 (线上营销服务产生的收入)?"""
    head = phrase[:phrase.rfind(match)] if match in phrase else phrase
    if match in phrase and re.match(r"(?:客|座|吨)公里", phrase[phrase.rfind(match) + len(match):]):
        return False  # (收入客公里 RPK: passengers carried over a distance, no money)
    if _PER_UNIT.search(head) or re.search(r"(?:收入|营收|收益|金额|GMV|净额)$", head):
        return False  # (净收入留存率: a rate of money, not 用户留存率)
    if _RATIO_HEAD.search(phrase) and not _RATIO_HEAD.search(match):
        return False
    # a part named by what produces it: 线上营销服务产生的收入, 广告带来的收入
    return not re.search(r"(?:产生|带来|贡献|实现|创造|获得|录得|来自)的?$", head.strip())

_AFTER_NP = re.compile(r"^(?!股?为基数)(?:的)?(?P<n>(?:[\u4e00-\u9fffA-Za-z]|(?<=[A-Za-z]) (?=[A-Za-z])){2,12}?)(?=[,，。;;；、)）]|$|都|是|及|和|与|等|同时|已|也|在|中(?![心国华央部层端期])|"
                       r"位居|位列|排名|排在|名列|重回|居于|跃居|稳居|超越|超过|领先|落后|击败|反超|成为)")

_MEASURE_UNITS = ("other:", "count")

#: a line's label before a colon (快递服务单票收入:2024年3月为1.84元): the metric of the figures after it
_LINE_LABEL = re.compile(r"\s*(?:[•·●■◆▪\-\*—–－]\s*)?(?P<m>[\u4e00-\u9fffA-Za-z]{2,16})\s*[:：]")
#: a field's label right before its figure, on a line of fields (投资评级:买入  目标价:2280元)
_FIELD_LABEL = re.compile(r"(?:^|(?<=\s)|(?<=[,，;；|｜]))(?P<m>[\u4e00-\u9fffA-Za-z]{2,16})\s*[:：]\s*(?:人民币|港币|港元|美元|约)?\s*\Z")
#: a topic opening a sentence's clauses (拨备覆盖率方面,华信银行为437.7%,浦江银行为173.51%)
_TOPIC = re.compile(r"(?:^|(?<=[,，;；]))\s*(?:在)?(?P<m>[\u4e00-\u9fffA-Za-z]{2,12})方面\s*[,，]")

def _count_of_act(sent: str, q) -> str | None:
    """3892人报名应聘, 超过100万人次观看: a head count right before a verb of taking part is the
    number of people who did it (报名人数, 观看人次); the verbs are ``count_verbs`` (patterns.toml)."""
    from ...patterns import load_patterns

    if q.unit_word not in ("人", "名", "位", "人次"):
        return None
    verb = next((v for v in load_patterns().count_verbs if sent.startswith(v, q.end)), None)
    if verb is None:
        return None
    return verb + ("人次" if q.unit_word == "人次" else "人数")

def _counted_after(sent: str, q, lex_metrics, mentions, clause_start: int) -> tuple[str, str | None] | None:
    """What the number counts, named after it (:func:`_np_after`), as the measure of a verb of
    output before it when there is one (交付1.2万辆新车 -> 新车交付量)."""
    after = _np_after(sent, q, lex_metrics, mentions)
    measure = after is not None and after[1] is None and _output_verb_before(sent, clause_start, q.start)
    act = _COUNT_ACT.search(sent, clause_start, q.start) if after is not None and not measure else None
    if act and after[1] is not None and not act.group("de"):
        act = None  # (新增1000万用户 keeps its measure 用户; 新入网的2480万网民 are the new ones, 新入网网民)
    if act:  # 新开120家门店, 关闭35家门店: the act and what it counts (新开门店, 关闭门店)
        return act.group("a") + after[0].removeprefix("间"), None  # (开设约30间分店: 间 counts them)
    return (after[0] + measure, None) if measure else after


#: an act opening or closing what it counts, right before the count (claim_words.toml count_acts)
_COUNT_ACT = WordRegex(r"(?P<a>{count_acts})\s*(?:了|(?P<de>的))?\s*(?:约|超过|近|逾)?\s*$")

def _unit_metric(q) -> str | None:
    """What a number measured by a unit word states when no metric is named (倍 -> 倍数)."""
    from ...patterns import load_patterns

    return (load_patterns().unit_metrics or {}).get(q.unit_word)

def _np_after(sent: str, q, lex_metrics, mentions=()) -> tuple[str, str | None] | None:
    from ...patterns import load_patterns

    rest = sent[q.end:]
    for a, b, e in lex_metrics:  # a lexicon metric right after the number, or as its unit (3亿日活)
        if (a == q.end or (a == q.end + 1 and rest[:1] == "的") or (q.start < a and b <= q.end)) \
                and not (q.kind == "percent" and re.match(r"份额|占比|比重", sent[b:b + 2])):  # (41.7%的销量份额: a share)
            if getattr(e, "unit_kind", None) == "users" and q.kind in ("count", "measure") and q.unit_word not in _PEOPLE_WORDS \
                    and re.match(r"[\u4e00-\u9fff]", sent[b:b + 1]):
                continue  # 8家用户中心: places counted, not users
            return sent[a:b], e.key
    if q.unit_word in ("人", "名", "位"):  # 6000名员工: the number of the people named after it
        m = _PEOPLE_AFTER.match(rest)
        if m:
            n = m.group("n")
            return n + ("数" if m.group("aud") else "数量" if n.endswith("人员") else "人数"), None
    if q.unit_word in (load_patterns().unit_metrics or {}):
        return load_patterns().unit_metrics[q.unit_word], None
    venue = next((m for m in mentions if m.start == q.end and m.cls == "Program"), None)
    if venue is not None and q.unit_word in ("家", "座", "个", "间", "处"):
        return venue.surface, None  # 8家蔚来中心: the company's venues are what is counted
    if any(m.start in (q.end, q.end + 1) and (m.cls in ("Person", "Program", "Place") or rest[:1] == "的")
           for m in mentions):
        return None  # 29岁的赵中立, 2104辆小鹏P7: an entity, not a metric
    via_de = rest.startswith("的")
    measured = q.unit is None or any(str(q.unit).startswith(u) for u in _MEASURE_UNITS)
    if not (via_de or measured or q.kind == "percent"):
        return None
    m = _AFTER_NP.match(rest)
    if m and RANKED.match(m.group("n")):
        return None  # 以1140万部位居第二: a rank said of the figure, nothing counted is named
    if m and re.match(r"(?:之间|之内|以内|区间|左右|上下)", m.group("n")):
        return None  # 在9.8亿票至10.5亿票之间: the bounds' word, nothing counted
    if not m or not via_de and q.kind == "percent" and not _SHARE_AFTER.match(rest) or _CHANGE_AFTER.match(m.group("n")):
        return None  # 较上季度的100辆大幅增长: a change is said of it, nothing counted is named
    n = m.group("n")
    if (lead := re.match(r"(?:市场)?(?:份额|占比|比重)|成绩", n)) and lead.end() < len(n):
        # 以24%的份额首次登顶: the share, then what it did; 以960万台的成绩排名第五: a rank, nothing counted
        if lead.group() == "成绩":
            return None
        n = lead.group()
    if q.kind == "percent" and not n.endswith(("份额", "占比", "比重", "比例")):
        n += "占比"  # 25%的月活用户: their share (a share is one already: 20.5%的份额)
    return n, None

#: a share named right after its percentage, with no 的 (22.6%份额, 30%市场份额)
_SHARE_AFTER = re.compile(r"(?:市场)?(?:份额|占有率)")

#: a rank said of a figure right after it (以1140万部位居第二, 以23.8%的份额排名第一)
RANKED = WordRegex(r"\s*(?:{rank_verbs})")
#: … or at the end of the figure's clause (…分别以1860万台、1600万台…位列前五)
RANK_AHEAD = WordRegex(r"[^,，;；。]*?(?:{rank_verbs})")

# a change said of a figure right after it (100辆大幅增长, 100辆有明显提升): no counted noun
_CHANGE_AFTER = WordRegex(r"(?:有|出现|实现)?(?:所|了)?(?:同比|环比|按年|按季)?(?:正|负)?(?:{change_adverbs})?(?:{change_verbs})")  # (20%的同比增长, 的正增长)

# a noun of people right after a head count (6000名员工, 2000名研发工程师), up to a stop
_PEOPLE_AFTER = WordRegex(r"(?P<n>[\u4e00-\u9fff]{0,4}?(?:{people_nouns}|(?P<aud>{audience_nouns})))")

#: the measure words of people (a users metric counts them)
_PEOPLE_WORDS = frozenset("人名位户个")

_PERIOD_WORDS = re.compile(
    r"(?:从|由|在|于|到|截至到?|截止到?)?\s*(?:(?<![统单每第同唯])(?:十[一二]?|[一二三四五六七八九])月份?(?!\d)|(?<![\d.])(?:(?:19|20)\d{2}\s*年\s*)?(?:1[0-2]|[1-9])\s*月份?\s*季度|(?:19|20)\d{2}\s*年(?:年?度)?(?:第?\s*[一二三四1-4]\s*季度(?:末)?|[上下]半年|"
    r"\d{1,2}\s*月(?:份)?(?:\s*(?:-|~|～|—|至|到)\s*\d{1,2}\s*月(?:份)?)?(?:底|末)?|初\s*(?:以来|至今|迄今)|底|末|全年|前[一二三两1-3]个?季度)?|(?:(?<=[A-Za-z\d])第|(?<![\d.])第?)[一二三四1-4]季度(?:末)?|本季度|今季(?![度节])|[前首头](?:十[一二]?|[一二三四五六七八九两]|1[01]|[1-9])个?月(?:份)?|首[二三两2-3]个?季度?|本财季|上一?财季|下一?财季|前[一二三两1-3]个?财季|(?<![\d.])第?[一二三四1-4]财季(?:度)?|(?:本|该|上一?|今|当)财(?:政)?年(?:度)?|上一?季(?!度)|前一个?季度|下一?个?季度|下一?季(?!度)|中期(?=录得|业绩|盈利|亏损|纯利|溢利|收益|收入|股息|派息)|本月|当月|这个月|该月|是月|上一?个?月|前一个月|这个季度|这一季度|该季度|上个季度|上一季度|上季度|去年同期|上年同期|(?:去年|上年)(?:底|末)|(?:去年|上年)?同季度?|(?:今年|本年|年初)\s*(?:以来|至今|迄今)|今年迄今|(?:去年|上一?年|前一年|今年|本年)度|去年|上年末|上一年|前一年|上年|(?<=[至到])(?:目前|如今|当前)|今年|明年|后年|同期|全年|"
    r"(?<![A-Za-z])单?(?:(?:19|20)\d{2}\s*年?\s*)?Q[1-4](?![0-9])|(?<![A-Za-z\d])H[12](?![\dA-Za-z])|"
    r"(?<![\d.])(?:1[0-2]|0?[1-9])\s*(?:月\s*)?(?:-|~|～|—|至|到)\s*(?:1[0-2]|0?[1-9])\s*月(?:份)?|前[一二三两1-3]个?季度|[上下]半年|单季度?|"
    r"(?<![\d.])(?:1[0-2]|[1-9])\s*月(?:份)?(?:底|末|初)?(?!\s*\d{1,2}\s*[日号])|(?<![\d.])(?:1[0-2]|0?[1-9])\s*月\s*[0-3]?\d\s*[日号]|(?<![\d年])年(?:末|底|初)(?:之?前)?)"
    r"\s*(?:的|,|，)?")

# the shorthand periods of notes and Hong Kong filings (23Q4, 2Q24, 1H25, 2024-2026年, 第三季, 首季,
# 2020财年第三季度, 23年前三季度)
#: a period named by its end and length (截至6月30日止第二季, 截至2024年3月31日止年度), months listed (7、8、9三个月), whole
_PERIOD_ENDED = re.compile(r"(?:(?:1[0-2]|[1-9])\s*[、,，和及与]\s*)+(?:1[0-2]|[1-9])\s*(?:月份?|[两二三四五六]个月)|(?:截至|截止)[^,，。;；]{0,16}?止\s*(?:的)?\s*(?:第\s*[一二三四1-4]\s*(?=季))?(?:年度|十二个月|12个月|九个月|9个月|六个月|6个月|半年|三个月|3个月|季度|季(?![度节末底]))")
_PERIOD_SHORTHAND = re.compile(
    r"(?:于|在)?(?<![A-Za-z])FY\s*(?:(?:19|20)\d{2}|\d{2})(?!\d)\s*E?\s*(?:(?:-|~|—|–|至|到)\s*(?:FY)?\s*(?:(?:19|20)\d{2}|\d{2})\s*E?(?!\d))?\s*(?:Q[1-4])?|"
    r"(?<![A-Za-z])[QH][1-4]\s*(?:['’]\s*\d{2}|\s(?:19|20)\d{2})(?!\d)|(?:(?:19|20)?\d{2})?Q1\s*[-~～]\s*[23](?![\dQ])|(?<![\dA-Za-z])(?:[1-4][QH]|\d{1,2}M|1\s*-\s*[23]Q)\s*(?:19|20)?\d{2}(?!\d)|"
    r"(?:(?:19|20)?\d{2}\s*年?\s*)?(?:Q[1-4]\s*(?:-|－|~|～|—|–|至|到)\s*Q[1-4]|第?[一二三四]\s*(?:季度)?\s*(?:至|到|-|—)\s*第?[一二三四]\s*季度)|"
    r"(?:(?<![\dA-Za-z])(?:19|20)?[12]\d\s*(?:Q[1-4]|H[12])(?!\d)|(?<![\dA-Za-z])(?:19|20)\d{2}\s*[AE](?![A-Za-z\d])|(?<![\dA-Za-z])[1-4][QH]\s*[12]\d(?!\d)|"
    r"(?<!\d)(?:19|20)?\d{2}\s*[EA]?\s*年?\s*(?:-|~|—|–|至|到)\s*(?:19|20)?\d{2}\s*(?:[EA]\s*年?|财年|年)(?:度)?|"
    r"(?<![\d.])(?:(?:19|20)?[1-3]\d\s*[EA]?\s*年?\s*[/、]\s*)+(?:19|20)?[1-3]\d\s*(?:[EA]\s*年?|年)(?:度)?|"
    r"(?:(?:19|20)\d{2}\s*年\s*)?(?:第[一二三四1-4]季(?!度)|首季|次季)|"
    r"(?:19|20)\d{2}\s*(?:/\s*\d{2,4})?\s*财(?:政)?年(?:度)?\s*(?:第?\s*[一二三四1-4]\s*(?:财季|季度|季)|前[一二三两1-3]个?(?:财季|季度)|"
    r"前(?:十[一二]?|[一二三四五六七八九]|1[01]|[1-9])个月|[上下]半(?:年|财年))?|"
    r"(?:(?<![\dA-Za-z])[12]\d\s*年\s*)(?=前[一二三两1-3]个?季度|第?[一二三四1-4]\s*季度|[上下]半年|全年)|"
    r"(?<![\d.\-~至到A-Za-z])[12]\d\s*年(?:度|末|底)?(?![来间余前后以之]|内(?!销)|多(?!晶))|"
    r"(?:截至|截止)\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?\s*(?:止|的)?\s*"
    r"(?:年度|十二个月|12个月|九个月|9个月|六个月|6个月|半年|三个月|3个月|季度)(?:中|内)?)\s*(?:的|,|，)?")

# a bracketed aside (不包括…的影响, 即…, 以下简称…) between a metric and its number
_ASIDE = re.compile(r"[(（][^()（）=]{1,8}=\s*\d+\s*[)）]|[(（]\s*(?:不包括|不包含|不含|包括|包含|含|扣除|剔除|除|以下简称|简称|下同|即|指|折合|折算为|折算成|折算|按|以)[^()（）]{0,40}[)）]")

# the metric's abbreviation in brackets after it (生产总值(GDP), 电商交易总额(GMV)): no stop of the
# phrase; where the lexicon knows it, it gives the phrase its key
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# a verb of achieving between a business and its money (化学业务实现收入 -> 化学业务收入), or a place
# and its output (全省实现生产总值 -> 全省生产总值)
#: a verb of achieving between a part and its measure (分部实现收入, 沿海港口累计完成货物吞吐量): no part of the metric
_ACHIEVED = re.compile(r"(?<=[\u4e00-\u9fff])(?:累计)?(?:实现|录得|取得|完成)(?=(?:营业|主营业务)?(?:收入|营收)|净利润|利润|(?:地区)?生产总值|增加值|"
                       r"[\u4e00-\u9fff]{0,6}(?:吞吐量|周转量|运输量|发送量|客运量|货运量|业务量|交易量|成交量))")
_ABBREV = re.compile(r"[(（]\s*[A-Za-z][A-Za-z0-9&.\- ]{1,29}\s*[)）]")

# an accounting basis in brackets inside a metric's name (经调整后(非公认会计准则)净亏损)
_BASIS_BRACKET = re.compile(r"[(（]\s*(?P<b>非(?:美国)?(?:公认会计准则|通用会计准则|国际财务报告准则|GAAP)|[Nn]on-GAAP)\s*[)）]")

def _place_in(sent: str, m) -> bool:
    """Is ``m`` a place inside the phrase, no stop of it: after 在 (在中国市场的出货量: where the
    measure is taken), or after 每股/每/非 (每股美国存托股收益, 非美国通用会计准则: part of a term)?"""
    return getattr(m, "cls", None) == "Place" and (sent[max(0, m.start - 1):m.start] in ("在", "每", "非")
                                                   or sent[max(0, m.start - 2):m.start] == "每股"
                                                   or _AREA_HEAD.match(sent, m.start) is not None and m.label.endswith("地区"))

#: a kind of area heading a measure (全国城镇调查失业率: the measure is 城镇调查失业率)
_AREA_HEAD = re.compile(r"(?:城镇|农村|乡村|城市)(?=[\u4e00-\u9fff])")


#: a name given as an example of a kind (智能电动汽车等创新业务)
_EXAMPLE_OF = re.compile(r"等(?=[\u4e00-\u9fff]{2})")

#: the owners a figure is attributable to (归属于华远汽车股东的…)
_OWNED_BY = re.compile(r"(?:归属于|归属|归于|应占)\s*$")
_HOLDERS = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,6}?(?:普通股股东|公司股东|股东|母公司|权益持有人)")

def _np_before(sent: str, pos: int, floor: int, mentions: list[Mention], numbers=()) -> str | None:
    """The noun phrase right before ``pos``: back to a stop (punctuation, a subject name, a
    period, another number)."""
    lo = floor
    asides = [x.span() for x in _ASIDE.finditer(sent, floor, pos)]  # (不含华远YOUNG): no bound inside
    owners = [m for m in mentions if _OWNED_BY.search(sent, max(0, m.start - 4), m.start) and _HOLDERS.match(sent, m.end)
              or _EXAMPLE_OF.match(sent, m.end)]  # (智能电动汽车等创新业务收入: an example of the part)
    for m in (*mentions, *numbers):
        if m.end <= pos and m.end > lo and not _place_in(sent, m) and not any(a <= m.start and m.end <= b for a, b in asides) \
                and m not in owners:
            lo = m.end
    seg = sent[lo:pos]  # (归属于华远汽车股东的净利润: the company named in the attribution is no stop of the phrase)
    seg = _BASIS_BRACKET.sub(r"\g<b>", seg)  # 经调整后(非公认会计准则)净亏损: the basis is part of it
    if (cut := seg.rstrip().rfind(" ")) > 0 and re.match(r"[\u4e00-\u9fff]", seg[cut - 1]) \
            and _names_metric(_TRIM_TAIL.sub("", seg[cut + 1:].strip())):
        seg = seg[cut + 1:]  # 星河首季核心收入微增 云收入升6%: a headline's parts, split by a space
    seg = _ACHIEVED.sub("", _CJK_GAP.sub("", _ABBREV.sub("", _ASIDE.sub("", seg))))  # 自由现金流(不包括…的影响)为: the aside is no part of the phrase
    seg = _PERIOD_WORDS.sub("", _PERIOD_SHORTHAND.sub("", _PERIOD_ENDED.sub("", seg)))  # 占总收入比重从2019年的 -> 占总收入比重
    # the predicate words right before the number go first (商家数量已突破: 已 is no boundary here)
    ratio = _RATIO_IS.search(seg)  # 城乡居民收入比为1.86: a ratio, its 比 no comparison
    cagr = _AVERAGE_RATE.search(seg)  # 营收复合增长率为20%: a rate of its own, over years
    seg = _TRIM_TAIL.sub("", seg)
    if re.search(r"(?:和|及|与)[^、]*$", seg):  # 公司持有的现金及现金等价物、受限现金和短期投资: the owner goes
        seg = re.sub(r"^[^、]*的(?=[^、的]{1,10}、)", "", seg)
    stops = list(_NP_STOP.finditer(seg))
    if stops:
        k = len(stops) - 1
        if re.search(r"(?:和|及|与|以及)", seg[stops[-1].end():]):
            # 现金、现金等价物、限制性现金和短期投资为…: one figure of items summed, all of them
            while k >= 0 and stops[k].group(0) == "、" and re.fullmatch(
                    r"[\u4e00-\u9fffA-Za-z]{1,10}", seg[stops[k - 1].end() if k > 0 else 0:stops[k].start()]):
                k -= 1
        seg = seg[stops[k].end():] if k >= 0 else seg
    seg = _TRIM_TAIL.sub("", seg)
    seg = _TRIM_HEAD.sub("", seg)
    if ratio and seg and not seg.endswith("比"):
        seg += "比"
    if cagr and seg and not seg.endswith(rate := cagr.group("rate")):  # (复合年增长率, trimmed to 复合年: whole again)
        seg = seg[:len(seg) - next((k for k in range(len(rate), 0, -1) if seg.endswith(rate[:k])), 0)] + rate
    seg = _FOOTNOTE.sub("", re.sub(r"\s+", " ", seg).strip())  # dates are gone by now
    if not seg or not re.search(r"[\u4e00-\u9fffA-Za-z]", seg):
        return None
    seg = _SHARE_VERB.sub("占比", seg)  # 城镇人口(分别)占52.2%: its share
    etc = [x.start() for x in _ETC.finditer(seg)]
    if "、" in seg and etc and etc[-1] > seg.rfind("、") and len(seg) - etc[-1] > 2:
        seg = seg[etc[-1] + 1:]  # 常规店、旗舰店及集合店等销售点数量: the kinds listed are all 销售点
    # (a phrase runs back 24 characters at most, but a list of the items summed is said whole:
    # 现金及现金等价物、受限制现金、短期投资及长期定期存款余额)
    return seg if "、" in seg and len(seg) <= 40 else seg[-24:]

#: 等 closing a list of kinds (…及集合店等销售点), not a word's (现金等价物, 等级)
_ETC = re.compile(r"等(?![价级待同于额候比量效])")

# an average rate over years named before its value (复合增长率, 年均增速, CAGR)
_AVERAGE_RATE = re.compile(r"(?P<rate>(?:年均|年)?复合(?:年均?)?增长率|复合增速|年均增长率|年均增速|CAGR)(?:为|是|达到|达|约为|约|在)?\s*$")

# a ratio named before its value: 收入比为, 性别比是 (a noun, 比, a verb of being)
_RATIO_IS = re.compile(r"(?<=[\u4e00-\u9fff])(?<![同环对占])比(?:为|是|约为|达到|达|由|从)?\s*$")

# a share said with the verb 占 and no total (城镇人口占52.2%, 线上收入分别占30%)
_SHARE_VERB = re.compile(r"(?<=[\u4e00-\u9fff])(?:分别)?占$")

#: a footnote mark glued inside a term (非公认会计准则2运营收入; see numbers.find._footnote_marker)
_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff])[1-9](?=(?!分钟|小时)[\u4e00-\u9fff]|$)")  # (上市4分钟大定: a window)

_BASE_SAID = re.compile(r"(?:上年同期|去年同期|(?:去年|上年)?同季度?|上年|去年|上一?季度|上个季度|上季|同期|"
                        r"(?<=而)\s*(?:截至|截止)?\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:第?[一二三四1-4]\s*季度|[上下]半年|全年|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:末|底)?))"
                        r"(?:则|的)?(?:为|是|录得|达)\s*(?:人民币|港币|约)?\s*$")

def _output_verb_before(sent: str, floor: int, pos: int) -> str | None:
    """The measure of a verb of output right before a count, written after the object noun
    (交付1.2万辆新车 -> 新车 + 交付量, 共售出3000台手机 -> 手机 + 销售量), a few adverbs and a hedge
    apart; None when the count follows no such verb."""
    from ...patterns import load_patterns

    head = _BEFORE_COUNT.sub("", sent[floor:pos])
    return next((m for v, m in load_patterns().object_measures.items() if head.endswith(v)), None)


# what stands between a verb of output and its count: 了, 共, 累计, a hedge (交付了约, 共售出超过), the
# area covered (覆盖全国148个城市)
_BEFORE_COUNT = re.compile(r"(?:了|共|总共|累计|合计|约|近|超过|超|逾|达|全国|全球|海外)*\s*$")


def _money_verb_before(sent: str, floor: int, pos: int, name_ends=frozenset()) -> str | None:
    """The measure of a verb of earning or losing right before an amount (则赚, 蚀约; 理想汽车赚了,
    right after a name), when the clause names no other measure before it (净利润, 亏损 are
    metrics of their own)."""
    from ...patterns import load_patterns

    head = _BEFORE_COUNT.sub("", re.sub(r"(?:人民币|港币|港元|美元)\s*$", "", sent[floor:pos]))
    verbs = load_patterns().money_verbs
    if not verbs:
        return None
    # the verb stands alone: after no word, or after a word of time or 则/也 (not 净亏损, 经营盈利:
    # a metric named, read as one)
    alone, any_ = _money_verb_rx(tuple(verbs))
    m = alone.search(head)
    if m is None and (m := any_.search(head)) and floor + m.start() not in name_ends:
        m = None
    return verbs[m.group("v")] if m else None


@cache
def _money_verb_rx(verbs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a verb standing alone at the end, the verb after any word: kept only right after a name)."""
    alt = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    return (re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?<=则|却|亦|也|仍|期|度|季|年|月|内|共|转))(?P<v>{alt})了?$"),
            re.compile(rf"(?P<v>{alt})了?$"))


def _measure_of_verb(metric: str | None, unit: str | None) -> str | None:
    """交付1.2万辆新车, 销售新车3003辆: a count after a verb of output is the verb's measure (交付量,
    销量), never the object noun (新车); the verbs and measures are data (``verb_measures`` in patterns.toml)."""
    from ...patterns import load_patterns
    if unit == "percent" and metric in load_patterns().verb_measures:
        return load_patterns().verb_measures[metric]  # (华为出货按年大增59%: the change of its 出货量)
    if not metric or unit in ("CNY", "USD", "HKD", "percent") or (unit or "").startswith("other:元"):
        return metric
    for verb, measure in load_patterns().verb_measures.items():
        i = metric.rfind(verb)
        if i < 0:
            continue
        rest = metric[i + len(verb):]
        if rest.startswith(load_patterns().verb_measure_nouns):
            continue  # 交付周期缩短至3周, 销售顾问为3200人: the verb modifies a noun
        if len(rest) <= 4 and not re.search(r"[量额率数值]|收入|金额|规模|占比|面积|价格|均价|单价", rest):
            # (销售肉猪236万头,…销售肉鸡9877万只: what is output names the measure, 肉猪销量, 肉鸡销量,
            # unless a part before the verb names it: 钾肥:生产氯化钾 -> 钾肥产量)
            named = len(rest) >= 2 and not rest.startswith("的") \
                and (verb in ("进口", "出口") or rest not in load_patterns().verb_generic_objects and not metric[:i]) \
                and not re.search(r"目标|指引|计划|预期|新高", rest)  # (汽车出口量: what is traded)
            return metric[:i] + (rest if named else "") + measure
    return metric
