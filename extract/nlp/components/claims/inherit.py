"""The metric a figure takes from the figure before it in its sentence, when it names none of its own
or only a share, a rate's move or a base period's value of one (从A增至B, X为A,而去年同期为B,
占比28%, 增速比上月加快, 持平…,环比上涨0.2%).
"""
from __future__ import annotations

import re

from ...patterns import WordRegex
from .draft import Draft, _CLAUSE_BREAK, _TRIM_HEAD
from .metrics import _BASE_SAID, RANKED, _names_metric


#: a growth rate said to move against another period's (增速比上月加快, 涨幅较上年回落)
_RATE_MOVED = re.compile(r"(?P<r>增速|增幅|涨幅|降幅|跌幅)(?:比|较)[^,，;；。]{1,10}$")

#: the words between a change stated alone and its other kind (…同比下降2.9%,环比下降0.1%; 按年跌5.9%,按月跌0.2%)
_OTHER_KIND = re.compile(r"\s*[,，、]\s*(?:而|且|并)?\s*(?:同比|环比|按年|按季|按月|较上月|比上月|较上年同期|比上年同期)\s*"
                         r"(?:[\u4e00-\u9fff]{1,3}?)?\s*[+＋\-－−]?\s*")

#: a growth rate's name ending a metric (出厂价格降幅): its move in points is not the level's change
_RATE_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])(?:增速|增幅|涨幅|降幅|跌幅)$")

#: a rate's own name in brackets right before its value (…比重(常住人口城镇化率)为69.43%)
_NAMED_IN_BRACKETS = re.compile(r"[(（](?P<n>[\u4e00-\u9fff]{2,12}(?:率|比重|占比|系数))[)）]\s*(?:为|是|达到?)?\s*$")

#: a share of a total right before its percentage, in the clause after a figure (,占全国新增发电装机的82.7%)
_SHARE_OF_TOTAL = re.compile(r"\s*[,，]\s*(?:约|分别)?占(?:全国|全省|全市|全球|总|公司|集团)[^,，;；。\d]{1,16}的\s*(?:比重为|比例为)?\s*")


#: a measure said to be flat in the clause before, its number unsaid (居民消费价格同比持平,…)
_FLAT_BEFORE = re.compile(r"(?:^|[,，:：\s])(?P<m>[\u4e00-\u9fffA-Za-z]{2,16}?)(?:同比|环比|与上年|比上年|与去年)?(?:基本)?(?:保持)?持平"
                          r"\s*[,，]\s*[^,，。;；]*$")
_BARE_MOVE = re.compile(r"(?:大幅|进一步|再)?(?:提高|提升|增加|增长|上升|上调|下降|降低|减少|下调|扩大|收窄|回升|回落)(?:了)?"
                        r"|(?:分别)?(?:占据|占有|拿下|斩获|获得)(?:了)?")  # (A、B和C分别占据13.5%、10.8%…: a share, as before)


#: an average per day (month, week) said as the measure, its measure unsaid (日均, 日均人次)
_AVERAGE_OF = re.compile(r"(日均|月均|周均|平均每[日天月])(?:人次|次)?")


#: the target a share of is done (完成全年200万辆销量目标的89%)
_DONE_OF_TARGET = re.compile(r"完成[^,，。;；]{0,20}?目标(?:的)?\s*$")

#: the measures of a product's output, sales and stock, said one after another of it
_SIBLING = re.compile(r"(?:产量|生产量|销量|销售量|库存量|产销量|出货量|交付量)$")


def _metric_from_before(sent: str, d: Draft, out: list[Draft]) -> None:
    """The metric of a figure that names none of its own, or only a share or real terms of one,
    from the figure before it in the sentence (``out``)."""
    q, prev = d.q, (out[-1] if out else None)
    if prev is None and d.metric is None and (flat := _FLAT_BEFORE.search(sent, 0, q.start)) is not None:
        d.metric, d.metric_key = _TRIM_HEAD.sub("", flat.group("m")), None  # 居民消费价格同比持平,环比上涨0.2%
    if prev is None:
        return
    if d.metric and _SIBLING.fullmatch(d.metric) and prev.metric and (own := _SIBLING.search(prev.metric)) and own.start() > 0 \
            and not d.is_change and not _CLAUSE_BREAK.search(sent, prev.q.end, q.start):
        # PVC产量98.6万吨,销量97.1万吨,库存量2.3万吨: the product's sales and stock, as its output
        d.metric, d.metric_key = prev.metric[:own.start()] + d.metric, None
    if q.kind == "percent" and not d.is_change and prev.metric and prev.metric.endswith("目标") \
            and re.search(r"完成(?:了)?\s*$", sent[max(0, q.start - 6):q.start]):
        d.metric, d.metric_key = prev.metric + "完成率", None  # 年度交付目标为23万辆,截至目前已完成约52%: of that target
    elif q.kind == "percent" and d.metric and not d.is_change and _DONE_OF_TARGET.search(sent, max(0, q.start - 24), q.start):
        # 1-10月累计销量177.6万辆,完成全年200万辆销量目标的89%: how much of the target is done
        d.metric, d.metric_key = d.metric.removesuffix("完成率") + ("" if d.metric.endswith("目标") else "目标") + "完成率", None
    if d.metric and _BARE_MOVE.fullmatch(d.metric):
        d.metric, d.metric_key = None, None  # 派息比率由40%提高至50%: a verb of the move names no measure
    if (d.metric is None and not (prev.q.kind == "percent" and RANKED.match(sent, q.end))) \
            or (not d.is_change and _BASE_SAID.search(sent, max(0, q.start - 14), q.start)):
        # 从A增至B, 预计2025年将突破B: B is A's metric (nothing else named); X为A,而去年同期为B: B is
        # the base-period figure of A's metric (…份额22%;vivo以1140万部位居第二: a share names no ranked count's measure)
        src = prev if prev.q.kind == q.kind or not _BASE_SAID.search(sent, max(0, q.start - 14), q.start) else \
            next((x for x in reversed(out) if x.q.kind == q.kind and not x.is_change), prev)  # (…,占总收入的96.0%,2022年同期为299.71亿元: the amount's)
        d.metric, d.metric_key = src.metric, src.metric_key
        if d.is_change and q.kind == "percent" and prev.q.kind == "points" and (moved := _RATE_SUFFIX.search(d.metric or "")):
            d.metric, d.metric_key = d.metric[:moved.start()], None  # (…,降幅比上月收窄0.6个百分点;环比下降0.1%: the price's)
        if re.match(r"(?:新增|净增)", d.metric or "") and "累计" in sent[prev.q.end:q.start]:
            d.metric, d.metric_key = "累计" + d.metric[2:], None  # 新增换电站100座,累计达到2016座: the total
    if d.metric and (avg := _AVERAGE_OF.fullmatch(d.metric)) and prev.metric and not prev.is_change and not d.is_change \
            and prev.q.unit == q.unit and not _AVERAGE_OF.match(prev.metric):
        # 流动量累计13.6亿人次,日均2.72亿人次 / 成交额100万亿元,日均为4100亿元: the daily average of that measure
        d.metric, d.metric_key = avg.group(1) + re.sub(r"^(?:累计|合计|共计|总计)", "", prev.metric), None
    if d.metric and re.fullmatch(r"占比|比重|占[^,，;；。的]{1,8}|占[^,，;；。]{1,12}的(?:比重|比例)", d.metric) and q.kind == "percent" \
            and prev.metric and (prev.is_change or prev.q.kind != "percent") \
            and not _CLAUSE_BREAK.search(sent, prev.q.end, q.start):
        # 电商渠道收入28.5亿元,占比28% / 占总营收的98% / 增加值增长10.5%,占规模以上工业的17.3%:
        # the share of the figure (or of the measure whose change it was) before it
        d.metric, d.metric_key = prev.metric + (d.metric if d.metric.startswith("占") else "占比"), None
    if d.metric and prev.metric and not d.is_change and not _names_metric(d.metric) and q.kind != "percent" \
            and (tail := re.search(r"(?:出货量|销量|产量|交付量|销售额|收入|营收|用户数|用户规模)$", prev.metric)) \
            and re.fullmatch(r"\s*[,，]\s*其中\s*[,，]?\s*" + re.escape(d.metric) + r"\s*(?:为|达到?|约)?\s*",
                             sent[prev.q.end:q.start]):
        # 手机出货量2227.6万部,其中5G手机1869.7万部: a kind of the thing measured before, by the same measure
        d.metric, d.metric_key = d.metric + tail.group(), None
    if q.kind == "percent" and not d.is_change and prev.metric and not prev.is_change and prev.q.kind != "percent" \
            and not (d.metric or "").startswith(prev.metric) and _SHARE_OF_TOTAL.fullmatch(sent, prev.q.end, q.start):
        # 新增装机3.05亿千瓦,占全国新增发电装机的82.7%: the share of the figure before, not the total's
        d.metric, d.metric_key = prev.metric + "占比", None
    said_before = re.search(r"(?:上年同期|去年同期|上年|去年)(?:则)?(?P<is>为)?(?:净?亏损|盈利|净利润)\s*(?:人民币|约)?\s*$",
                            sent[max(0, q.start - 12):q.start])
    if d.metric in ("亏损", "净亏损") and prev.metric and "亏损" in prev.metric and "利润" not in prev.metric and not d.is_change and said_before:
        d.metric, d.metric_key = prev.metric, prev.metric_key  # 经调整EBITA亏损为23.33亿元,去年同期亏损29.89亿元: the same loss
    if d.metric == "实际" and prev.metric and prev.metric.startswith("市场预期") and not d.is_change:
        d.metric, d.metric_key = prev.metric.removeprefix("市场预期"), None  # 市场预期每股收益为22.9元,实际为23.52元
    if d.metric in ("亏损", "净亏损", "盈利", "净利润") and prev.metric and "利润" in prev.metric and prev.metric != d.metric \
            and not d.is_change and said_before and not said_before.group("is"):
        # 归母净利润为3.15亿元,上年同期亏损1.86亿元: the prior period's loss of that profit (归母净亏损)
        base = re.sub(r"^(?:预测|市场预期)|指引$", "", prev.metric)  # (a forecast's prior period is a result)
        loss = re.sub(r"净利润(?:亏损)?", "净亏损", base)
        loss = loss if loss != base else re.sub(r"利润(?:亏损)?", "亏损", base)  # (经营利润: 经营亏损)
        d.metric, d.metric_key = (loss if "亏损" in d.metric else base), None
    if d.is_change and q.kind == "points" and (d.metric == prev.metric or (d.metric or "").startswith(("增速", "增幅", "涨幅", "降幅", "跌幅"))) \
            and (rate := _RATE_MOVED.search(sent, max(0, q.start - 16), q.start)):
        # 同比增长4.0%,增速比上月加快0.9个百分点: the growth rate's move, no move of the level: a change of the
        # growth stated alone, else a figure of its own (原煤产量增速)
        if prev.is_change and not prev.attached and d.changes:
            prev.changes.append(("abs", d.changes[0][1]))
            d.attached = True
        else:
            d.metric, d.metric_key = prev.metric + rate.group("r"), None
    if d.is_change and prev.is_change and not prev.attached and not d.attached and d.changes and prev.changes \
            and {d.change_kind, prev.change_kind} == {"yoy", "qoq"} and q.kind == prev.q.kind == "percent" \
            and d.metric in (None, prev.metric) and _OTHER_KIND.fullmatch(sent, prev.q.end, q.start):
        # 出厂价格同比下降2.9%,环比下降0.1%: a change stated alone and its other kind are one claim, two changes
        prev.changes.append((d.change_kind, d.changes[0][1]))
        d.attached = True
    if (named := _NAMED_IN_BRACKETS.search(sent, max(0, q.start - 24), q.start)) and q.kind == "percent":
        # 占常住人口比重(常住人口城镇化率)为69.43%: the rate the bracket names
        d.metric, d.metric_key = named.group("n"), None
    if d.metric in ("总额", "总金额", "总计") and prev.metric and not d.is_change and not prev.is_change:
        # 派发现金股息每股0.38美元,总额约12亿美元: the total of what the figure before is per unit of
        d.metric, d.metric_key, d.period = re.sub(r"^每股", "", prev.metric) + "总额", None, prev.period
    if d.metric in ("调整前", "调整后") and prev.metric and re.match(r"调整[前后]", prev.metric) and not d.is_change:
        # 调整后2022年营业收入为82.41亿元,调整前为80.95亿元: the same measure before the restatement
        d.metric, d.metric_key = d.metric + prev.metric[3:], None
    if d.is_change and d.metric == "实际" and prev.metric and not prev.is_change:
        # 人均可支配收入63830元,比上年增长5.7%,扣除价格因素实际增长5.3%: the real growth of that figure
        d.metric, d.metric_key = prev.metric + "实际增长", None


#: a basis of accounting other than the statutory one, opening a clause (非美国通用会计准则下, 按非公认会计准则计,
#: 非国际财务报告准则下, 按非GAAP计算, 不按美国通用会计准则: its negation names the same basis)
_BASIS = re.compile(r"(?P<by>按照?|根据|在|以)?\s*(?P<b>非(?:美国)?(?:通用|公认)会计准则|非(?:国际|香港)财务报告(?:会计)?准则|"
                    r"非(?:美国)?GAAP)(?P<under>计算|计|下|口径|基础上)?|"
                    r"不(?:按照?|根据)\s*(?P<n>(?:美国)?(?:通用|公认)会计准则|GAAP)")


def _named(basis: re.Match) -> str:
    return basis.group("b") or "非" + basis.group("n")


def _accounting_basis(sent: str, d: Draft, out: list[Draft]) -> None:
    """非美国通用会计准则下,归属于普通股股东的净利润为169.9亿元: the basis names the measure
    (a non-GAAP one is another figure); …净利润为93亿元,非公认会计准则下为107亿元: that measure's."""
    start = max(sent.rfind(c, 0, d.q.start) for c in "。;；") + 1
    basis = next((m for m in _BASIS.finditer(sent, start, d.q.start) if m.group("by") or m.group("under") or m.group("n")),
                 None)
    if basis is None or not d.metric or re.search(r"预期|预计|指引|目标", d.metric):
        return  # (…,略高于市场预期的555亿元: the market's figure)
    prev = out[-1] if out else None
    if _BASIS.fullmatch(d.metric):
        if prev is not None and prev.metric and not _BASIS.search(prev.metric):
            d.metric, d.metric_key = _named(basis) + prev.metric, None  # (非公认会计准则下为107亿元)
    elif not _BASIS.search(d.metric) and not re.match(r"经调整|调整后|Non-GAAP", d.metric):
        d.metric, d.metric_key = _named(basis) + d.metric, None


#: a group of places alone as a metric (三线城市), its measure unsaid
_PLACE_GROUP = WordRegex(r"[\u4e00-\u9fff]{1,4}(?:{place_group_heads})")


def _group_takes_the_measure(d: Draft, out: list[Draft]) -> None:
    """二线城市新建商品住宅销售价格环比下降0.7%;三线城市环比下降0.8%,同比下降5.9%: a group of places
    said with only its change is measured as the parallel group before it."""
    prev = out[-1] if out else None
    if prev is None or not prev.metric or not d.metric or not _PLACE_GROUP.fullmatch(d.metric):
        return
    k = len(d.metric)
    if prev.metric.startswith(d.metric) and len(prev.metric) > k:
        d.metric, d.metric_key = prev.metric, prev.metric_key  # (三线城市…,同比下降5.9%: the same group's)
    elif len(prev.metric) > k and _PLACE_GROUP.fullmatch(prev.metric[:k]) and prev.metric[k - 2:k] == d.metric[-2:]:
        d.metric, d.metric_key = d.metric + prev.metric[k:], None


#: what opens a pair's figure as context, not as what it is of (“双11”期间全市跨境电商进出口额: 跨境电商)
_CONTEXT_OF_PAIR = re.compile(r"^.*(?:期间|全省|全市|全国|全区|全县|我国|全球)")
#: … and what a pair's measure unqualified means already (出口 is goods' exports)
_PLAIN_PAIR = ("货物", "货物贸易")


def _part_of_a_pair(d: Draft, out: list[Draft], earlier=()) -> None:
    """服务贸易进出口总额…。其中,出口…;进口…: one of the measures a pair word names (进出口: patterns.toml
    paired_measures), said alone after the pair's figure, is of what the pair's figure is of (服务贸易出口)."""
    from ...patterns import load_patterns

    if not d.metric or (d.is_change and d.attached):
        return
    for pair, parts in load_patterns().paired_measures.items():
        part = next((p for p in parts if d.metric in (p, p + "额", p + "总额", p + "总值")), None)
        whole = next((x for x in reversed([*earlier, *out]) if not x.is_change and x.metric and pair in x.metric), None) if part else None
        of = _CONTEXT_OF_PAIR.sub("", whole.metric[:whole.metric.index(pair)]) if whole is not None else ""
        if of and not of.endswith(_PLAIN_PAIR):  # (全省进出口总额…。其中,出口: no 全省出口)
            d.metric, d.metric_key = of + d.metric, None
            return


def _metric_from_context(sent: str, d: Draft, out: list[Draft]) -> None:
    """The measure a clause's basis or a parallel group before it names (see the two rules)."""
    _accounting_basis(sent, d, out)
    _group_takes_the_measure(d, out)

