"""Numbers that state no claim: a currency restatement, a stock code, a page counter, an
enumeration, a section number (:func:`not_a_claim`); a streak's bound and a bound describing the
things counted (:func:`_streak`, :func:`_describes_counted`).
"""
from __future__ import annotations

import re
from functools import cache

from ...frame import period_end
from ...patterns import WordRegex
from .draft import _CLAUSE_END, Draft, _clause_start


def _converts(sent: str, q, words: tuple[str, ...]) -> bool:
    """Does the money amount ``q`` restate the amount just before it in another currency
    (2605亿元人民币(约合357亿美元))? A conversion word opens it (or its hedge: 约合) and an amount
    in a currency ends right before, an opening bracket between."""
    before = sent[max(0, q.start - 28):q.start]
    before = re.sub(r"(?:港元|港币|美元|人民币|欧元|日元)\s*$", "", before)  # (约合港元201.6亿元: the currency said first)
    said = next((w for w in words if q.surface.startswith(w) or before.endswith(w)), None)
    if said is None:
        return False
    if before.endswith(said):
        before = before[:-len(said)]
    before = _AT_RATE.sub("", before)  # 125043元,按年平均汇率折算为17744美元
    before = _CHANGE_BETWEEN.sub("", before)  # 150.33亿美元,同比下降0.3%,约合人民币1070亿元
    return bool(_AMOUNT_END.search(before))

_AMOUNT_END = re.compile(r"(?:元|币)\s*[,，(（]?\s*$")
_CHANGE_BETWEEN = re.compile(r"[,，]\s*(?:同比|环比|按年|按季)?\s*[\u4e00-\u9fff]{0,4}\s*[+\-]?[\d.]+\s*%\s*[,，]?\s*$")
_AT_RATE = re.compile(r"[,，(（]?\s*按[^,，。;；]{0,10}汇率(?:计算)?\s*[,，]?\s*$")

_BRACKETED_AFTER = re.compile(r"(?P<cur>美元|港元|港币|人民币|元|币)\s*[(（]\s*(?:约合|约|合|折合|即|相当于)?\s*"
                              r"(?:(?P<in>人民币|美元|港元|港币)\s*[)）]?)?\s*$")  # (美元)1378亿): a translation's bracket

_CURRENCY_OF = {"美元": "USD", "港元": "HKD", "港币": "HKD"}

_DATES_TIMES = re.compile(r"\d{1,4}\s*[年月日时]|\d{1,2}\s*[:：]\s*\d{2}|\d{4}-\d{1,2}-\d{1,2}")

_WORDS_LEFT = re.compile(r"[\u4e00-\u9fff]{2}|[A-Za-z]{3}")

def _restated(sent: str, q) -> bool:
    """人民币24亿元(4亿美元), 1.92元(0.30美元): an amount in brackets right after an amount in
    another currency restates it (a convenience translation), with or without 约合."""
    m = _BRACKETED_AFTER.search(sent[max(0, q.start - 10):q.start])
    if m is None:
        return False
    unit = q.unit if q.unit else _CURRENCY_OF.get(m.group("in") or "", None)
    cur = m.group("cur")
    if cur == "元" and (pre := _PREFIXED.search(sent[max(0, q.start - 28):q.start])):
        cur = pre.group("cur")  # 港币3,500万元(约人民币3,200万元): the currency said before the amount
    return unit is not None and _CURRENCY_OF.get(cur, "CNY") != unit


#: an amount with its currency before it, then a bracket opening (港币3,500万元(约)
_PREFIXED = re.compile(r"(?P<cur>美元|港元|港币|人民币)\s*[\d,.]+\s*[万亿千百]*\s*元\s*[(（][^()（）]*$")

# a quantity right before an opening bracket (7842万千瓦(78.42GW)): what the bracket restates
_UNIT_RESTATED = re.compile(r"\d[\d.,]*\s*(?:万亿|亿|万|千|百万)?\s*(?P<u>[\u4e00-\u9fffA-Za-z]{1,5})\s*[(（]\s*(?:约合|约|合|折合|即)?\s*$")

_RESULTS = re.compile(r"财报|年报|季报|半年报|中报|业绩|财务报告|财务数据|经营数据|季度报告|年度报告|中期报告")

# two years, as an analyst writes a span of them (22-24年, 2019-2021年); not a duration (10-20年内)
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2}|[12]\d)\s*[-~—–至到]\s*((?:19|20)\d{2}|[12]\d)\s*[EA]?\s*年(?:度)?")
_DURATION_AFTER = re.compile(r"\s*(?:内|间|的|以|左|来|后|前|里|之)")
_LEVEL_BEFORE = re.compile(r"(?:为|是|达|约|长达|超过|需要|需)\s*$")

#: a question: a word of asking and a question mark at its end (一位分析师问:毛利率能否在年底达到20%?)
_QUESTION = WordRegex(r"(?:{question_words})[^。!！;；]*[?？]\s*[”\"」』]?\s*$")

_CN_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千几]+$")

#: after a span of days, the measure it names (90天以上逾期率, 30天以内的应收账款)
_BUCKET_AFTER = re.compile(r"\s*(?:以上|以内|以下|及以上)?\s*的?\s*(?:逾期|[\u4e00-\u9fff]{0,6}?(?:逾期率|不良率|账款|贷款))")


@cache
def _numbered_media() -> tuple[str, ...]:
    """The outlets of ``ontology/frame.toml`` whose names hold digits (香港01, 36氪)."""
    from ...frame import frame_words

    return tuple(n for n in frame_words().media if re.search(r"\d", n))


def not_a_claim(sent: str, q) -> str | None:
    """Why the number ``q`` of ``sent`` states no claim (an enumeration, a century, a phone
    prefix, a section number, a small count spelled out in prose), or None."""
    from ...patterns import load_patterns

    pats = load_patterns()
    if sent.strip() == q.surface.strip():
        return "a number standing alone (section number)"
    if any(a <= q.start and q.end <= a + len(name) for name in _numbered_media()
           for a in (m.start() for m in re.finditer(re.escape(name), sent))):
        return "a number inside an outlet's name (香港01, 36氪)"
    if q.kind == "money" and re.fullmatch(r"(?:19|20)\d{2}\s+(?:人民币|美元|港元|港币|RMB|US\$)", q.surface.strip()):
        return "a table's header of years over currencies (2023 2024 人民币 人民币)"
    if pats.navigation is not None and pats.navigation.match(sent, sent.rfind("\n", 0, q.start) + 1):
        return "a link to another article (上一篇:…)"
    if any(p.start() <= q.start and q.end <= p.end() for p in _PHONE.finditer(sent)):
        return "a telephone number (报料:021-962866)"
    if q.unit_word in ("个月", "月") and _MONTHS_LISTED.search(sent, max(0, q.start - 16), q.start):
        return "the months listed right before, counted (10月和11月两个月)"
    if pats.page_counter is not None and pats.page_counter.search(sent, max(0, q.start - 12), q.start):
        return "a page's counter of its readers (【浏览次数】1205)"
    if q.unit is None and (days := _DAYS_BRACKETED.match(sent, max(0, q.start - 1))) and days.end() >= q.end:
        return "the days of a week in brackets (本周(3.3-3.7))"
    clause = max(sent.rfind(c, 0, q.start) for c in ",，;；:：\n") + 1
    ends = [i for i in (sent.find(c, q.end) for c in ",，;；") if i >= 0]
    if (asked := _QUESTION.search(sent, clause)) and asked.start() < min(ends, default=len(sent)):
        # (…能否达到20%?: it asks; 市场此前预期毛利率为12%,公司怎么看?: the clause before the asking one states)
        return "a question (…能否达到20%?): it asks, it states no figure"
    if (q.kind == "money" and _converts(sent, q, pats.conversion_words)) or (q.kind in ("money", "bare") and _restated(sent, q)):
        return "an amount restated in another currency (约合357亿美元)"
    if q.kind not in ("percent", "points", "money") and (r := _UNIT_RESTATED.search(sent, 0, q.start)) \
            and re.match(r"\s*[)）]", sent[q.end:q.end + 2]) and q.surface.lstrip()[:1] not in "+-＋－−" \
            and not q.surface.rstrip().endswith(r.group("u")):  # (14天(-4天): a change in the same unit)
        return "a quantity restated in another unit in brackets (7842万千瓦(78.42GW))"
    if pats.stock_code is not None and re.fullmatch(r"\d{4,6}", q.surface.strip()) \
            and pats.stock_code.search(sent[max(0, q.start - 3):q.start]) \
            and re.match(r"\s*(?:\.[A-Z]{2})?\s*[)）]", sent[q.end:]):
        return "a stock code in brackets after a name (美团(3690))"
    if q.unit in ("other:天", "other:日") and (_BUCKET_AFTER.match(sent, q.end) or re.search(r"逾期\s*$", sent[max(0, q.start - 3):q.start])):
        return "a span of days naming a measure (90天以上逾期率, 逾期31至60天的贷款)"
    years = _YEAR_SPAN.fullmatch(q.surface.strip())
    if years and int(years.group(1)[-2:]) < int(years.group(2)[-2:]) and not _DURATION_AFTER.match(sent, q.end) \
            and (len(years.group(1)) == 4 or int(years.group(1)) >= 15) and not _LEVEL_BEFORE.search(sent, 0, q.start):
        return "a span of years (22-24年营收复合增长率, 2019-2021年), a period"
    if _WORDS_LEFT.search(_DATES_TIMES.sub("", sent)) is None:
        return "a line of figures with no words (a page counter, a timestamp)"
    after, before = sent[q.end:q.end + 12], sent[max(0, q.start - 6):q.start]
    band = re.match(r"\s*及(?:以上|以下)", after)  # (年主营业务收入2000万元及以上的工业法人单位)
    if (q.surface.rstrip().endswith(("以上", "以下")) or band) and pats.band_after is not None \
            and pats.band_after.match(sent, q.end + (band.end() if band else 0)):
        return "a threshold naming a band (600美元以上的高端市场)"
    if q.unit_word in ("点", "时") and re.match(r"\s*(?:[0-5]?\d\s*分)?\s*(?:报|许|左右|前后)", after):
        return "a time of day (今早至10点报34.15港元)"
    for rx in pats.non_claim_after:
        if rx.search(after):
            return f"context {rx.pattern!r}"
    # (10.5亿元/18.2亿元/25.6亿元: a list with its unit on every item, no denominator of a unit)
    # (12.1亿/15.3亿/18.0亿元: or with its magnitude on every item)
    listed = bool(q.unit_word) and re.search(r"\d\s*[万亿千百]*" + re.escape(q.unit_word) + r"\s*/\s*$",
                                             sent[max(0, q.start - 12):q.start]) \
        or bool(re.search(r"\d\s*[万亿千百]+\s*/\s*$", sent[max(0, q.start - 12):q.start]) and re.match(r"[\d.]+\s*[万亿千百]+", q.surface))
    for rx in pats.non_claim_before:
        if rx.search(before) and not (listed and "/" in rx.pattern):
            return f"context {rx.pattern!r}"
    if q.qualifier in ("近", "最近") and q.unit_word and _SPAN_UNITS.fullmatch(q.unit_word):
        return "a span looked back over (近3年, 近30天)"
    if q.unit_word and _SPAN_UNITS.fullmatch(q.unit_word) and re.search(r"[前头首]\s*$", before):
        return "the first weeks or days of a period (8月前三周, 上线头3天)"
    if q.unit_word and _SPAN_UNITS.fullmatch(q.unit_word) and re.match(r"\s*(?:之内|以内|内)(?=[\u4e00-\u9fff,，])", sent[q.end:]):
        return "a time within which (3-5年内上市, 开场后2小时内,…)"
    if q.unit_word and _SPAN_UNITS.fullmatch(q.unit_word) and _LAUNCHED.search(before) and _WINDOW_MEASURE.match(sent, q.end):
        return "a window after a launch naming a measure (上市72小时订单, 首销5分钟销量)"
    if q.unit_word and _SPAN_UNITS.fullmatch(q.unit_word) and re.search(r"(?:对上|上|前)\s*$", before) \
            and re.match(r"\s*(?:相)?比(?:较)?", sent[q.end:]):
        return "the span a change is compared with (与对上三个月比较)"
    if q.unit_word == "款" and re.fullmatch(r"(?:19|20)\d{2}\s*款", q.surface.strip()):
        return "a model year (2024款海豹), part of a name"
    if q.unit_word == "岁" and _AGE_GROUP.match(sent, q.end):
        return "an age naming a group (16-24岁劳动力, 60岁及以上人口)"
    digits = q.surface.strip()
    if q.qualifier and digits.startswith(q.qualifier):
        digits = digits[len(q.qualifier):]
    digits = re.sub(r"[个年次种点项位名家条大]$", "", digits)
    if _CN_NUMERAL.match(digits) and q.value < pats.prose_small_max and q.kind not in ("money", "percent"):
        return "a small count spelled out in prose"
    return None

#: units of time: a number of them after 近 is a span looked back over, not a figure (claim_words.toml)
_SPAN_UNITS = WordRegex(r"(?:{span_units})")
_LAUNCHED = WordRegex(r"(?:{launch_words})后?\s*$")
_WINDOW_MEASURE = WordRegex(r"\s*(?:内)?(?:的)?(?:{window_measures})")

#: the group an age right before it names (岁劳动力, 岁及以上人口, 岁以下的用户)
_AGE_GROUP = WordRegex(r"\s*(?:及|或)?\s*(?:以上|以下|以内)?\s*(?:的)?\s*(?:{age_groups})")


#: the days a week runs, in brackets (本周(3.3-3.7), 上周(10.27-10.31)): month.day to month.day
_DAYS_BRACKETED = re.compile(r"[(（]\s*(?:1[0-2]|0?[1-9])\.(?:[12]\d|3[01]|0?[1-9])\s*[-—~至]\s*(?:(?:1[0-2]|0?[1-9])\.)?(?:[12]\d|3[01]|0?[1-9])\s*[)）]")
_STREAK_BEFORE = re.compile(r"连续\s*$")
_STREAK_AFTER = re.compile(r"\s*(?:的)?连续")
_STREAK_UNIT = {"other:年": "年数", "other:月": "月数", "other:季度": "季度数", "other:天": "天数", "other:周": "周数"}
_STREAK_CLAUSE = re.compile(r"连续\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?(?:年|月|季度|天|周)")


def _streak(sent: str, d: Draft) -> bool:
    """连续2年, 连续两个月, 4个月的连续增长: a streak is counted at the end of its period (asof:),
    its metric the streak's (营收连续年数); a bound the streak is about (连续2年实现超1200亿元营收)
    is no figure of its own. Returns True when ``d`` is such a bound, to be left out."""
    q = d.q
    clause = _clause_start(sent, q.start)
    if q.hedge_dir in ("gt", "ge") and _STREAK_CLAUSE.search(sent, clause, q.start):
        return True
    unit = _STREAK_UNIT.get(d.unit or "")
    if unit is None or not (_STREAK_BEFORE.search(sent, max(0, q.start - 3), q.start) or _STREAK_AFTER.match(sent, q.end)):
        return False
    if d.period and not d.period.startswith("asof:"):
        d.period = period_end(d.period) or d.period
    head = (d.metric or "").replace("连续", "")
    d.metric, d.metric_key = head + "连续" + unit, None
    return False


#: things counted one by one (402个品牌), and what each of them passed after them (品牌成交额破亿元)
_THINGS = ("个", "家", "部", "款", "只", "位", "名", "场")
_BOUND_OF_EACH = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:单日|全年|年)?(?:成交额|销售额|交易额|营收|收入|票房|粉丝数?|市值|估值|GMV)\s*")
_COUNTED_AFTER = re.compile(r"(?:的)?[\u4e00-\u9fffA-Za-z]{1,6}?(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?(?:数量|数)?(?:达到|达|有|为|共|合计)?\s*$")
# (超千亿元的县(市、区)达到12个: what the bracket adds to the things counted is part of them)


def _describes_counted(sent: str, d: Draft, drafts: list[Draft]) -> bool:
    """票房过亿元影片82部, 粉丝超百万的账号3000个: a bound that describes the things counted
    right after it is no figure of its own (the count is)."""
    q = d.q
    if q.hedge_dir not in ("gt", "ge") or d.is_change:
        return False
    nxt = next((x for x in drafts if x.q.start >= q.end), None)
    prev = next((x for x in reversed(drafts) if x.q.end <= q.start), None)
    if prev is not None and prev.q.kind in ("count", "measure") and str(prev.q.unit_word or "") in _THINGS \
            and _BOUND_OF_EACH.fullmatch(sent, prev.q.end, q.start):
        return True  # 402个品牌成交额破亿元: the bound each of the things counted passed
    if nxt is None or nxt.q.kind not in ("count", "measure") or nxt.q.start - q.end > 10:
        return False
    return bool(_COUNTED_AFTER.fullmatch(sent, q.end, nxt.q.start)) and not _CLAUSE_END.search(sent, q.end, nxt.q.start)


#: months named together right before a count of them (10月和11月两个月合计)
_MONTHS_LISTED = re.compile(r"月(?:份)?\s*(?:和|及|与|、)\s*(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?\s*(?:这)?\s*$")
#: a telephone number: an area code, a dash and the line (021-962866, 010-12345678)
_PHONE = re.compile(r"(?<![\d.])0\d{2,3}\s*-\s*\d{5,8}(?![\d.])"
                    # … or whatever a contact label gives (电话:+86 (20) 2233-0025, 传真:…, Tel:…)
                    r"|(?:电话|联系电话|热线|传真|[Tt]el|TEL|[Pp]hone|[Ff]ax)\s*[:：]\s*[+＋]?[\d()（）\s\-－]{5,}")
