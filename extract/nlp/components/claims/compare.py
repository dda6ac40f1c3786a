"""What a change is compared with: the kind its words name (同比 -> yoy, 环比, 较上一个季度 -> qoq),
the base period a clause names (较2017年第三季度), a level compared with a base before it
(相比去年同期的12.3亿元扩大161.4%), a level said to be flat (与上年持平), a heading that
names the comparison of the changes after it (从环比看), and a prior figure said against the
current one (去年为89.4%; (2023年:6.0港仙) in a half's results: that half).
"""
from __future__ import annotations

import re

from ...patterns import WordRegex
from ...periods import PeriodMention
from .draft import Draft, _CLAUSE_END, _HARD_STOP, _clause_start
from .timing import _COMPARED_WITH, _base_period_of, _period_before, _period_for

def _same_unit_before(sent: str, q, drafts: list[Draft]) -> bool:
    """周转天数14天(-4天): an amount in brackets right after a level in its own unit (a signed
    change, which _classify then requires)."""
    prev = next((x for x in reversed(drafts) if x.q.end <= q.start), None)
    return prev is not None and prev.q.unit == q.unit and prev.q.unit_word == q.unit_word and q.kind not in ("bare",) \
        and re.fullmatch(r"\s*[(（]\s*(?:同比|环比|按年|按季|YoY|QoQ|yoy|qoq)?\s*[:：]?\s*[+＋]?\s*", sent[prev.q.end:q.start]) is not None


def _compared_level_before(sent: str, q, drafts: list[Draft]) -> bool:
    """单Wh净利约0.11元,同比提升0.02元: an amount after a compared verb of change, in the unit of a
    level before it in the sentence, is that level's change (not a level of its own)."""
    return any(x.q.end <= q.start and not x.is_change and x.q.unit == q.unit and x.q.kind == q.kind for x in drafts)


#: a verb of change right before its number, with the comparison it names, if any (环比减少, 比上年增加)
# (a rate given with 为 or 达, 同比增长为0.2%, is a change only after a comparison and as a percentage:
# 增长为100亿元 and 毛利率下降为20% are levels reached; see changes._classify)
_CHANGE_VERB = WordRegex(r"(?P<cmp>{change_comparisons})?(?:分别)?(?:{change_adverbs}){0,2}(?P<verb>{change_verbs})"
                         r"(?:了)?(?:(?P<wei>为|是|达到|达)|{change_hedges})?\s*$")


def _carried_cmp(sent: str, q, drafts: list[Draft], verb: int) -> str | None:
    """环比减少62万吨,下降4.6%; 比上年增加1.4万亿元,增长6.4%: a rate right after an amount a
    comparison moved is against the same base; the comparison, or None."""
    prev = next((x for x in reversed(drafts) if x.q.end <= q.start), None)
    if prev is None or q.kind != "percent" or prev.q.kind == "percent" or not re.fullmatch(r"\s*[,，、]\s*", sent[prev.q.end:verb]):
        return None
    m = _CHANGE_VERB.search(sent, max(0, prev.q.start - 16), prev.q.start)
    return m.group("cmp") if m else None


#: words of a comparison with the period just before (环比, 较上一个季度, 按月, 上个月)
_SEQUENTIAL = ("环", "上季", "上一季", "上个季", "上一个季", "前一季", "前一个季", "按季", "上一财季", "上财季", "按月",
               "上月", "上个月", "上一个月", "上周", "上一周", "周环", "上旬", "上一旬")

def _change_kind(cmp: str | None, q, relative: bool = False) -> str:
    """The kind of a change: ``abs`` for points and amounts, else by its comparison (同比 ->
    yoy, 环比 -> qoq, none -> growth); a multiple stays one unless read as ``relative``."""
    if q.kind == "points" or (q.kind not in ("percent", "multiple")):
        return "abs"
    if q.kind == "multiple" and not relative:
        return "multiple"
    if cmp and (any(w in cmp for w in _SEQUENTIAL) or cmp.strip().lower() == "qoq" or cmp.strip() in ("季", "月", "周")
                or re.search(r"对上(?!一?个?年)", cmp)):  # (HK 较对上一期, 较对上3个月期间: the period before)
        return "qoq"  # 环比, 较上一季度, 按季, 较上月, 较上月同期, 季增3%, 周涨2.4%
    if cmp and re.search(r"(?:19|20)\d{2}\s*年|(?:去年|上年)\s*\d{1,2}\s*月", cmp):
        return "growth"  # 较2019年同期, 较去年12月: the base's period decides (a year back: yoy), not the word 同期
    if cmp and ("同" in cmp or "去年" in cmp or "上年" in cmp or "按年" in cmp or cmp.strip().lower() in ("yoy", "年")):
        return "yoy"  # 同比, 较去年同期, 较上年同季度, 年减5%
    return "growth"


_COMPARED = re.compile(r"(?:较|(?<![同环占])比|相比|相较|较之|对比)\s*(?:于)?(?:[^,，。;；、%]{0,12}?[的之]|(?:去年|上年)同期|上个?月|"
                       r"上一?个?季度|(?:19|20)\d{2}\s*年(?:同期)?)\s*$")

#: a clause of a change against a base it names (,较2018年第二季度增长; ,但较上季度下降了): the same level's next change
_COMPARED_CLAUSE = re.compile(r"\s*[,，]\s*(?:但|而|且|并|则|同时)?\s*(?:较|比|相比|相较|相对于?|与|跟|和|同)(?:[^,，;；。\d]{0,4}\d{4}[^,，;；。]{0,14}|"
                              r"\s*(?:上一?个?[季月]度?|去年|上年|前一个?季度|\d{1,2}\s*月|(?:今年|本年|去年|上年)?\s*第?[一二三四1-4]\s*季度?)[^,，;；。]{0,12})")


def _compared_base(sent: str, q, periods) -> str | None:
    """The period a change right before ``q`` is compared with in its clause (较2017年第三季度增长
    15.3%: 2017Q3), else None."""
    clause = _clause_start(sent, q.start)
    return next((p.period for p in reversed(periods) if clause <= p.start and p.end <= q.start
                 and _COMPARED_WITH.search(sent, max(0, p.start - 4), p.start)), None)


def _owner_of_compared(sent: str, q, levels: list[Draft], periods) -> tuple[Draft | None, str | None]:
    """A change right after a level it is compared with (相比去年同期的12.3亿元扩大161.4%) is the
    change of the level that base is compared for, the last level before it that is no base; its
    kind follows the two periods (a year apart: yoy; a quarter or month apart: qoq)."""
    base = next((x for x in reversed(levels) if x.q.end <= q.start), None)
    if base is None or not _COMPARED.search(sent, 0, base.q.start) or len(sent[base.q.end:q.start]) > 8 \
            or _HARD_STOP.search(sent[base.q.end:q.start]) or _CLAUSE_END.search(sent, base.q.end, q.start):
        return None, None
    owner = next((x for x in reversed(levels) if x.q.end <= base.q.start
                  and not _COMPARED.search(sent, 0, x.q.start)), None)
    if owner is None or _HARD_STOP.search(sent[owner.q.end:base.q.start]) or owner.q.kind != base.q.kind:
        return None, None
    own = _base_period_of(base.q.start, sent, periods)
    return owner, _kind_between(own.period if own is not None else None, _period_for(owner.q.start, periods, None))


def _kind_between(base: str | None, level: str | None) -> str | None:
    """The kind of a change from the period ``base`` to ``level``: ``yoy`` a year apart (2019 ->
    2020, 2019Q3 -> 2020Q3), ``qoq`` a quarter or month apart (2018Q2 -> 2018Q3), else None."""
    if not base or not level:
        return None
    ya, yb = re.match(r"(\d{4})(.*)", base), re.match(r"(\d{4})(.*)", level)
    if ya and yb and int(yb.group(1)) - int(ya.group(1)) == 1 and ya.group(2) == yb.group(2):
        return "yoy"
    return "qoq" if _period_before(level) == base else None


def _flat(sent: str, drafts: list[Draft]) -> None:
    """粮食总产量621万吨,与上年持平: a level the text says is flat has a change of zero, compared
    as the words say (与上年/同比 -> yoy, 环比/与上月 -> qoq, none -> growth, left to the
    conventions), and so is a change said flat the other way (同比上涨0.7%,环比持平); 基本持平
    (roughly flat) is no figure."""
    for i, d in enumerate(drafts):
        if d.changes and not (d.is_change and not d.attached):
            continue
        end = drafts[i + 1].q.start if i + 1 < len(drafts) else len(sent)
        m = _FLAT.match(sent, d.q.end, end)
        if m:
            said = m.group("cmp") or ""
            kind = "qoq" if any(w in said for w in _SEQUENTIAL) else "yoy" if said else "growth"
            if not d.changes:
                d.changes = [(kind, 0.0)]
            elif said and all(k != kind for k, _ in d.changes):  # 同比上涨0.7%,环比持平: the rate's level, flat the other way
                d.changes.append((kind, 0.0))

# a level's flat change right after it: 与上年持平, 同比持平, 较上月持平, ,持平
_FLAT = re.compile(r"[^\d。;；!?！？,，]{0,4}[,，]?\s*(?P<cmp>同比|环比|按年|按季|(?:与|和|同|较|比)\s*(?:上年同期|去年同期|上年末|去年末|上年底|去年底|上年|去年|"
                   r"上个?月|上一?个?季度|(?:19|20)\d{2}\s*年)?)?\s*(?:保持|维持)?持平(?![\u4e00-\u9fff]*\d)")


#: a heading that says against what the changes after it compare (从环比看,…; 从同比看:…)
_KIND_HEADING = re.compile(r"(?:从|分)?(?P<k>环比|同比)(?:来)?看\s*[,，:：]?"
                           r"|(?:与|和|跟)(?P<k2>对上季度?|上一?个?季度|对上[一二三两]?个?月|上一?个?月|去年同期|上年同期)(?:相)?比(?:较)?\s*[,，]")
# (经季节性调整后与对上季度比较,第二季本地生产总值实质上升2.3%: the changes after it are sequential)


def _headed_kind(sent: str, drafts: list[Draft]) -> None:
    """从环比看,食品价格上涨1.0%,非食品价格上涨0.1%: the plain changes after the heading are of its kind."""
    for h in _KIND_HEADING.finditer(sent):
        kind = "qoq" if h.group("k") == "环比" or "上" in (h.group("k2") or "") and "同期" not in h.group("k2") else "yoy"
        for d in drafts:
            if d.is_change and d.change_kind == "growth" and d.q.start >= h.end() and not d.kinds_known:
                d.change_kind = kind
                d.changes = [(kind, v) for _, v in d.changes]


#: how much more or less an increment rose or fell than the one before (同比少增, 比上月多增, 同比少减)
_MORE_OR_LESS = re.compile(r"(?:多增|少增|多减|少减)\s*(?:了)?\s*$")


def _increments(sent: str, drafts: list[Draft]) -> None:
    """委托贷款增加233亿元,同比少增1171亿元: the second amount is how much more or less the
    increment said before it rose than a year (a month) earlier, an absolute change of that
    increment in its unit, no claim of its own (taken out of ``drafts``)."""
    told = []
    for prev, d in zip(drafts, drafts[1:]):
        if d.is_change and not d.attached and _MORE_OR_LESS.search(sent, 0, d.q.start) \
                and prev.is_change and not prev.attached and prev.change_kind == "abs" and prev.q.unit == d.q.unit \
                and not _HARD_STOP.search(sent, prev.q.end, d.q.start):
            prev.changes.append(("abs", d.changes[0][1]))
            told.append(d)
    drafts[:] = [d for d in drafts if d not in told]


#: a comma of the text, not a thousands separator (2,870万元)
_CLAUSE_COMMA = re.compile(r"[,，](?!(?<=\d[,，])\d{3}(?!\d))")


def _breaks(text: str) -> int:
    """The clause commas in ``text``."""
    return len(_CLAUSE_COMMA.findall(text))


def _clauses_between(sent: str, level: Draft, change: Draft, drafts: list[Draft]) -> int:
    """How many clause breaks part a level from a later change; a clause with no figure of its own
    (生产总值为8.3万亿元,按不变价格计算,比上年增长6.0%) does not count."""
    a, b = level.q.end, change.q.start
    breaks = _breaks(sent[a:b])
    if breaks == 2 and not any(a <= x.q.start and x.q.end <= b for x in drafts):
        return 1
    return breaks


def _from_to_kind(sent: str, change, target: Draft, levels: list[Draft], periods) -> str | None:
    """由2019年的42.3元增长95.3%至2020年的82.6元: a change between a level of one period and a
    level of the period a year later is year on year."""
    base = next((x for x in reversed(levels) if x.q.end <= change.start), None)
    if base is None or _HARD_STOP.search(sent[base.q.end:target.q.start]):
        return None
    own = _base_period_of(base.q.start, sent, periods)
    pa = own.period if own is not None else _period_for(base.q.start, periods, None)
    return "yoy" if _kind_between(pa, _period_for(target.q.start, periods, None)) == "yoy" else None


def _last_year_before_its_level(sent: str, out: list[Draft], periods: list[PeriodMention]) -> None:
    """收缴率为87.5%,去年为89.4% and 由去年的30%提高至40% in the 2023 results of a piece published in
    2024: the figure right after 去年/上年 that has the period of another figure of its measure in the
    sentence was said against that figure, so it is of the year before it."""
    for p in periods:
        if not re.fullmatch(r"(?:去年|上年)度?", sent[p.start:p.end].strip()):
            continue
        d = next((d for d in out if d.q.start >= p.end), None)
        if d is not None and d.period == p.period \
                and any(e is not d and e.metric == d.metric and e.period == d.period for e in out):
            d.period = re.sub(r"\d{4}", lambda y: str(int(y.group(0)) - 1), d.period, count=1)


#: a prior year's figure in brackets after the current one (收入为1,286.4百万元(2023年:1,052.7百万元))
_ASIDE_YEAR = re.compile(r"[(（]\s*((?:19|20)\d{2})\s*年(?:度)?\s*[:：]\s*(?:每股)?\s*(?:人民币|港币|港元|美元)?\s*$")


def _aside_of_the_same_kind(sent: str, out: list[Draft]) -> None:
    """中期股息每股8.0港仙(2023年:每股6.0港仙) in a half's results: the bracket's year names that
    year's same period (2023H1) and the same measure, not the whole year."""
    for prev, d in zip(out, out[1:]):
        m = _ASIDE_YEAR.search(sent, max(0, d.q.start - 24), d.q.start)
        if m and not d.is_change and d.period == m.group(1) and prev.period == str(int(m.group(1)) + 1) and d.metric in (None, "每股"):
            d.metric, d.metric_key = prev.metric, prev.metric_key  # (末期股息每股0.28港元(2022年:每股0.22港元): the same measure)
        elif m and not d.is_change and d.period == m.group(1) and prev.period and re.search(r"[QH/-]", prev.period) \
                and not prev.period.startswith("asof:") and prev.q.end <= m.start():
            shift = int(m.group(1)) - int(prev.period[-7:][:4])
            d.period = re.sub(r"\d{4}", lambda y: str(int(y.group(0)) + shift), prev.period)
            d.metric, d.metric_key = (prev.metric, prev.metric_key) if d.metric in (None, "每股") else (d.metric, d.metric_key)
