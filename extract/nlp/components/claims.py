"""Numeric claims: every number of a sentence becomes a claim (subject, metric, value, unit,
period, hedge, change) or is set aside (dates, ordinals, list markers, IDs: see numbers.py).

Per sentence:
1. quantities from :func:`extract.numbers.find_quantities`, periods from
   :func:`extract.periods.find_periods`;
2. each quantity is a *level* (营收219亿元) or a *change* (同比增长32%, 提升3.5个百分点,
   翻了5倍): a change right after a change verb;
3. a change joins the level it qualifies: the level after ``至/到`` (由42.3元增长95.3%至82.6元),
   else the nearest level before it in the same stretch of the sentence, else a level right after
   it (同比增长30%,达2.23亿); a change with no level is a claim of its own;
4. the period is the last governing period before the number in the sentence (a period stated
   once governs the clauses after it), else the one carried from the sentence before when the
   sentence continues it (其中, 同时 …);
5. the metric is the nearest lexicon metric before the number, widened to the noun phrase as
   written, else the noun phrase before the number, else the noun after it (6万粉丝);
6. the subject is the nearest entity mention before the number in the sentence, else the
   previous claim's subject in the paragraph, else the article's topic entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import Lexicon
from ..frame import (Frame, event_date, is_corporate, is_generic, is_media, is_stock, keeps_growth, names_self,
                     period_end)
from ..patterns import WordRegex
from ..periods import PeriodMention, find_periods
from .entities import Mention

# the word lists are data: ontology/claim_words.toml
_CHANGE_VERB = WordRegex(r"(?P<cmp>{change_comparisons})?(?:分别)?(?:{change_adverbs})?(?P<verb>{change_verbs})"
                         r"(?:了)?(?:{change_hedges})?\s*$")
_DOWN = WordRegex(r"{change_down}")
_TO_AFTER = re.compile(r"^\s*[,，]?\s*(?:至|到)")
_LEVEL_INTRO = WordRegex(r"^[,，]?\s*(?:{level_intro})")
_HARD_STOP = re.compile(r"[;；。!?！？\n]")
_CONTINUE = WordRegex(r"^(?:{continues})")
_NP_STOP = WordRegex(r"[,，;；:：、“”\"《》()（）\n]|{np_stops}")
_TRIM_TAIL = WordRegex(r"(?:{trim_tail})+$")
_TRIM_HEAD = WordRegex(r"^(?:{trim_head})+")
_AFTER_NOUN = re.compile(r"^\s*(?:的)?(?P<n>[\u4e00-\u9fffA-Za-z]{1,8}?)(?=[,，。;；、\s]|$|同时|都|在|已|被|中|是)")
_SUBJECT_CLASSES = ("Platform", "Company", "Organization", "Person", "Program", "Place")


@dataclass
class Draft:
    """A claim under construction (sentence-local offsets)."""

    q: object
    is_change: bool = False
    change_kind: str | None = None
    changes: list[tuple[str, float]] = field(default_factory=list)
    attached: bool = False
    period: str | None = None
    subject: Mention | None = None
    metric: str | None = None
    metric_key: str | None = None
    unit: str | None = None
    subject_here: bool = False  # the subject is named in this sentence (else carried or the topic)
    target: Draft | None = None  # the level a change joined


def _change_kind(cmp: str | None, q) -> str:
    if q.kind == "points" or (q.kind not in ("percent", "multiple")):
        return "abs"
    if q.kind == "multiple":
        return "multiple"
    if cmp and ("环比" in cmp or "上季度" in cmp or "按季" in cmp or "按月" in cmp or "上月" in cmp or cmp.lower() == "qoq"):
        return "qoq"
    if cmp and ("同比" in cmp or "去年" in cmp or "上年" in cmp or "按年" in cmp or cmp.lower() == "yoy"):
        return "yoy"
    return "growth"


# a rate of change named as a noun: 用户规模增长率为20.7%, 营收增速达18%, 降幅为5%
_RATE_OF_CHANGE = re.compile(r"(?P<cmp>同比|环比)?(?P<rate>增长率|增速|增幅|涨幅|降幅|下降率|跌幅)(?:分别)?"
                             r"(?:为|是|达|达到|约为|约|在)?\s*$")


_SIGNED_CHANGE = re.compile(r"(?P<cmp>同比|环比|按年|按季|按月|YoY|QoQ|yoy|qoq|YOY|QOQ)\s*[:：]?\s*[+＋\-－]?\s*$")


def _classify(sent: str, drafts: list[Draft]) -> None:
    for d in drafts:
        q = d.q
        before = sent[max(0, q.start - 16):q.start]
        if q.kind == "multiple" and q.unit_word == "番":  # 翻番, 翻了两番: a multiple, as a change
            d.is_change, d.change_kind, d.changes = True, "multiple", [("multiple", q.value)]
            continue
        rate = _RATE_OF_CHANGE.search(before) if q.kind == "percent" else None
        if rate:
            d.is_change = True
            d.change_kind = _change_kind(rate.group("cmp"), q)
            sign = -1 if rate.group("rate") in ("降幅", "下降率", "跌幅") else 1
            d.changes = [(d.change_kind, sign * q.value)]
            continue
        signed = _SIGNED_CHANGE.search(before) if q.kind in ("percent", "points") else None
        if signed:  # 同比+22%, 环比-0.6%, YoY -10%: the number carries its own sign
            d.is_change = True
            d.change_kind = _change_kind(signed.group("cmp"), q)
            d.changes = [(d.change_kind, q.value)]
            continue
        m = _CHANGE_VERB.search(before)
        if not m:
            continue
        if q.kind in ("percent", "points", "multiple") or m.group("verb") in ("净增", "新增", "增加", "减少", "增长", "下降"):
            d.is_change = True
            d.change_kind = _change_kind(m.group("cmp"), q)
            sign = -1 if _DOWN.search(m.group("verb")) else 1
            d.changes = [(d.change_kind, sign * q.value)]


def _attach(sent: str, drafts: list[Draft], periods: list[PeriodMention], mentions: list[Mention] = ()) -> None:
    levels = [d for d in drafts if not d.is_change]
    for d in drafts:
        if not d.is_change:
            continue
        q = d.q
        after = sent[q.end:]
        target = None
        if _TO_AFTER.match(after):
            target = next((x for x in levels if x.q.start >= q.end and not _HARD_STOP.search(sent[q.end:x.q.start])), None)
        if target is None:  # 同比增长30%,达2.23亿: the level right after, introduced by 达/至/为
            nxt = next((x for x in levels if x.q.start >= q.end), None)
            if nxt and _LEVEL_INTRO.match(sent[q.end:nxt.q.start].strip()) and len(sent[q.end:nxt.q.start]) <= 8:
                target = nxt
        if target is None:  # 同比增长17.9%,环比增加9.3%: the next change of the same level
            before = [x for x in drafts if x.q.end <= q.start]
            if before and before[-1].is_change and before[-1].attached and len(sent[before[-1].q.end:q.start]) <= 8:
                target = before[-1].target
        if target is None:
            prev = [x for x in levels if x.q.end <= q.start and not _HARD_STOP.search(sent[x.q.end:q.start])
                    and sent[x.q.end:q.start].count(",") + sent[x.q.end:q.start].count("，") <= 1]
            prev = [x for x in prev if _compatible(x, d) and not _COMPARED.search(sent, 0, x.q.start)]
            # 营收增长2%至276亿元,经调整利润增长44%: a change that names its own metric in its
            # clause is not the change of a level of an earlier clause about something else
            clause = max((x.end() for x in _CLAUSE_END.finditer(sent, 0, q.start)), default=0)
            rate = _RATE_OF_CHANGE.search(sent, clause, q.start)
            verb = rate or _CHANGE_VERB.search(sent, clause, q.start)
            own = _np_before(sent, verb.start() if verb else q.start, clause, mentions,
                             [x.q for x in drafts if x is not d])
            # 人均增幅不低于20%: the rate of something else (a per-head amount)
            if own and (len(own) >= 2 and _names_metric(own) or _PER_UNIT.match(own)):
                prev = [x for x in prev if x.q.start >= clause or own in sent[:x.q.start]]
            if prev:
                target = prev[-1]
        if target is not None and not any(k == d.change_kind for k, _ in target.changes):
            kind = d.change_kind
            if kind == "growth" and target.q.start > q.end:
                kind = _from_to_kind(sent, q, target, levels, periods) or kind
            target.changes.append((kind, d.changes[0][1]))
            d.attached = True
            d.target = target


def _from_to_kind(sent: str, change, target: Draft, levels: list[Draft], periods) -> str | None:
    """由2019年的42.3元增长95.3%至2020年的82.6元: a change between a level of one period and a
    level of the period a year later is year on year."""
    base = next((x for x in reversed(levels) if x.q.end <= change.start), None)
    if base is None or _HARD_STOP.search(sent[base.q.end:target.q.start]):
        return None
    own = _base_period_of(base.q.start, sent, periods)
    pa = own.period if own is not None else _period_for(base.q.start, periods, None)
    pb = _period_for(target.q.start, periods, None)
    if not pa or not pb:
        return None
    ya, yb = re.match(r"(\d{4})(.*)", pa), re.match(r"(\d{4})(.*)", pb)
    if ya and yb and int(yb.group(1)) - int(ya.group(1)) == 1 and ya.group(2) == yb.group(2):
        return "yoy"
    return None


def _names_metric(phrase: str) -> bool:
    """Does the noun phrase name a metric (经调整利润, 直播收入, 毛利率), rather than a
    circumstance (疫情期间高基数上, 单季度)?"""
    from ..patterns import load_patterns

    pats = load_patterns()
    return phrase.endswith((*pats.money_heads, *pats.user_heads, *pats.metric_tails))


# a level compared against (较去年同期的10亿元增长20%): the change belongs to the level before it
_COMPARED = re.compile(r"(?:较|(?<![同环占])比|相比|相较|较之|对比)\s*(?:于)?[^,，。;；、\d%]{0,12}?的\s*$")


def _compatible(level: Draft, change: Draft) -> bool:
    """An absolute change (净增4.88亿户) needs a level of the same unit; a relative one any level."""
    if change.change_kind == "abs" and change.q.kind != "points":
        return level.q.unit == change.q.unit
    if change.q.kind == "points":
        return level.q.unit == "percent"
    return True


# (高于抖音的55%: 高于/低于 compare, the name after them owns the number)
_PREP_BEFORE = re.compile(r"(?:通过|借助|依托|利用|在|(?<![高低大小])于|用|与|和|跟|同|对|向|从|为|给|把|被|让|使|将|据|根据|比如|包括|如|除了|除)\s*[《“]?$")


_SOURCE_AFTER = re.compile(r"\s*(?:获悉|消息|报道|援引|发布的|的(?:报告|调研|调查|数据|统计)|(?:报告|调研|调查|数据|统计)?显示)")


def _subject_before(sent: str, pos: int, mentions: list[Mention]) -> Mention | None:
    """The entity in subject position before ``pos``: the first one of the number's clause that
    no preposition governs (通过快手… is not the subject) and that is no source (IT之家获悉,
    艾瑞报告显示), else the nearest such one in the clauses before it."""
    cands = [m for m in mentions if m.end <= pos and m.cls in _SUBJECT_CLASSES
             and not _PREP_BEFORE.search(sent[max(0, m.start - 3):m.start])
             and not _SOURCE_AFTER.match(sent, m.end)]
    if not cands:
        return None
    cut = max((x.end() for x in _CLAUSE_END.finditer(sent, 0, pos)), default=0)
    in_clause = [m for m in cands if m.start >= cut]
    owner = [m for m in in_clause if sent[m.end:m.end + 1] == "的"]
    if owner:  # 星河科技创始人李明远的持股比例: the possessor is the subject
        return owner[-1]
    if in_clause:
        return in_clause[0]
    # from an earlier clause, the speaker (董事长何小鹏表示,公司计划…) is not what the number is about
    earlier = [m for m in cands if not (m.cls == "Person" and _speaks(sent, m.end))]
    return earlier[-1] if earlier else None


def _speaks(sent: str, end: int) -> bool:
    """Is the name ending at ``end`` followed by a verb of saying (表示, 称, 指出 …)?"""
    from ..patterns import load_patterns

    return sent.startswith(load_patterns().speech, end)


@cache
def _counted_things() -> re.Pattern[str] | None:
    from ..patterns import load_patterns

    verbs = "|".join(map(re.escape, load_patterns().done_verbs))
    return re.compile(rf"(?P<n>[^,，。;；:：的\d%]{{2,20}}?)(?P<act>(?:{verbs})[^,，。;；]{{1,16}})") if verbs else None


def _counted_subject(sent: str, q, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """超过1.4亿台智能手机、智能电视完成适老化升级改造: things counted by a measure word, then
    what they did: the things are the subject (a segment), the deed counted is the metric
    (完成适老化升级改造数量). Only when no name opens the clause."""
    rx = _counted_things()
    if rx is None or q.kind not in ("count", "measure") or not q.unit_word or len(q.unit_word) != 1:
        return None  # a measure word: 台, 家, 款 …
    clause = max((x.end() for x in _CLAUSE_END.finditer(sent, 0, q.start)), default=0)
    if any(clause <= m.start < q.start for m in mentions):
        return None
    m = rx.match(sent, q.end)
    if m is None or any(q.end <= x.start < m.end("n") for x in mentions):
        return None
    a, b = m.span("n")
    return Mention(a, b, "Segment", m.group("n"), m.group("n"), "pattern", 0.5), m.group("act") + "数量"


@cache
def _segment_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    from ..patterns import load_patterns

    pats = load_patterns()
    pops = "|".join(map(re.escape, pats.populations))
    heads = "|".join(map(re.escape, pats.industry_heads))
    return (re.compile(rf"(?:\s*[、和与及]\s*[0-9.]+\s*%)*\s*的\s*(?P<n>{pops})") if pops else None,
            re.compile(rf"\s*(?P<n>[\u4e00-\u9fffA-Za-z]{{1,8}}?(?:{heads}))") if heads else None)


def _segment_subject(sent: str, q, mentions: list[Mention]) -> Mention | None:
    """A group no name denotes as the subject (a zhkg:Segment): the population a share is of
    (52.8%、51.7%的广告主表示…: 广告主), or an industry opening the number's clause with no name
    before it (短视频行业总时长占比…: 短视频行业)."""
    share_of, industry = _segment_patterns()
    m = share_of.match(sent, q.end) if share_of is not None and q.kind == "percent" else None
    if m is None and industry is not None:
        clause = max((x.end() for x in _CLAUSE_END.finditer(sent, 0, q.start)), default=0)
        m = industry.match(sent, clause)
        if m is not None and (m.end("n") > q.start or any(clause <= x.start < q.start for x in mentions)):
            m = None
    if m is None:
        return None
    a, b = m.span("n")
    return Mention(a, b, "Segment", m.group("n"), m.group("n"), "pattern", 0.6)


def _subject_after(sent: str, end: int, mentions: list[Mention]) -> Mention | None:
    """29岁的赵中立: a number that qualifies the entity right after it (through 的)."""
    m = re.match(r"[\u4e00-\u9fff]{0,2}的", sent[end:end + 3])
    if not m:
        return None
    at = end + m.end()
    return next((x for x in mentions if x.start == at and x.cls in _SUBJECT_CLASSES), None)


def _share_enumerated_metrics(sent: str, drafts: list[Draft]) -> None:
    """分别有52.8%、51.7%的广告主…: numbers listed with 、 share the metric of the last one (and
    its unit, when they have none of their own)."""
    for i in range(len(drafts) - 2, -1, -1):
        a, b = drafts[i], drafts[i + 1]
        if sent[a.q.end:b.q.start].strip() in ("、", "和", "与", "及") and b.metric and a.metric is None:
            a.metric, a.metric_key = b.metric, b.metric_key
            if a.q.unit_word is None and a.q.kind == "bare":  # 6亿和3亿日活跃用户: users, both
                a.unit = b.unit


# ------------------------------------------------------------------------------ 分别: item by item

_RESPECTIVELY = re.compile(r"分别")
_LIST_SEP = re.compile(r"\s*(?:、|和|与|及|以及|跟|同)\s*")
_GROUP_LEAD = re.compile(r"[^,，;；。:：]{0,10}")  # 分别 … the first number: a verb, no clause break


def _respective_groups(sent: str, drafts: list[Draft]) -> list[list[Draft]]:
    """The numbers each 分别 distributes (分别为4821亿元和5097亿元): two or more, listed with
    、/和/与/及, right after it in its clause."""
    out = []
    ks = [m.start() for m in _RESPECTIVELY.finditer(sent)]
    for i, k in enumerate(ks):
        stop = ks[i + 1] if i + 1 < len(ks) else len(sent)
        hard = _HARD_STOP.search(sent, k, stop)
        stop = hard.start() if hard else stop
        items = [d for d in drafts if k + 2 <= d.q.start and d.q.end <= stop]
        if not items or not _GROUP_LEAD.fullmatch(sent[k + 2:items[0].q.start]):
            continue
        run = items[:1]
        for d in items[1:]:
            if not _LIST_SEP.fullmatch(sent[run[-1].q.end:d.q.start]):
                break
            run.append(d)
        if len(run) >= 2:
            out.append(run)
    return out


def _classify_lists(sent: str, drafts: list[Draft]) -> None:
    """同比分别增长20%、25%: every number of the list is a change, like the first."""
    for run in _respective_groups(sent, drafts):
        first = run[0]
        if not first.is_change:
            continue
        sign = -1 if first.changes and first.changes[0][1] < 0 else 1
        for d in run[1:]:
            if not d.is_change and d.q.kind == first.q.kind:
                d.is_change, d.change_kind = True, first.change_kind
                d.changes = [(d.change_kind, sign * d.q.value)]


def _coordinated_before(sent: str, pos: int, spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """The list of names (腾讯、阿里巴巴和京东) that ends nearest before ``pos`` in its sentence,
    joined by 、/和/与/及; ``spans`` are (start, end, payload), in order."""
    cands = [x for x in spans if x[1] <= pos]
    if not cands or _HARD_STOP.search(sent, cands[-1][1], pos):
        return []
    run = [cands[-1]]
    for x in reversed(cands[:-1]):
        if x[1] > run[0][0] or not _LIST_SEP.fullmatch(sent[x[1]:run[0][0]]):
            break
        run.insert(0, x)
    return run


def _distribute(sent: str, drafts: list[Draft], out: list[Draft], mentions: list[Mention],
                lex_metrics: list[tuple[int, int, object]], periods: list[PeriodMention]) -> list[Draft]:
    """分别 maps a list of numbers item by item onto the list of names before it: 腾讯、阿里巴巴的
    营收分别为a和b gives a to 腾讯 and b to 阿里巴巴; 日活和月活分别为a、b gives the metrics in turn,
    2019年和2020年的营收分别为a和b the periods;
    a list of changes after a list of levels (分别达到6亿、3亿,同比分别增长20%、25%) goes to the
    levels in turn. A list whose length differs from the numbers' is left alone. Returns the
    drafts that remain claims of their own."""
    subjects = [(m.start, m.end, m) for m in mentions if m.cls in _SUBJECT_CLASSES]
    levels: list[Draft] | None = None
    for run in _respective_groups(sent, drafts):
        k = sent.rfind("分别", 0, run[0].q.start)
        names = _coordinated_before(sent, k, subjects)
        if len(names) == len(run):
            for d, (_, _, m) in zip(run, names):
                d.subject, d.subject_here = m, True
        else:  # 网约车、互联网医疗用户规模分别增长…: a list of groups no name denotes
            for d, m in zip(run, _listed_segments(sent, k, lex_metrics, len(run))):
                d.subject, d.subject_here = m, True
        metrics = _coordinated_before(sent, k, lex_metrics)
        if len(metrics) == len(run):
            for d, (a, b, e) in zip(run, metrics):
                d.metric, d.metric_key = sent[a:b], e.key
        spans = [(p.start, p.end, p) for p in periods if not p.base]
        dated = _coordinated_before(sent, k, spans)
        if len(dated) == len(run):
            for d, (_, _, p) in zip(run, dated):
                d.period = p.period
        if all(not d.is_change for d in run):
            levels = run
        elif all(d.is_change for d in run) and levels is not None and len(levels) == len(run):
            for change, level in zip(run, levels):
                _reattach(change, level)
    return [d for d in out if not d.attached]


_LIST_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,8}")


def _listed_segments(sent: str, pos: int, lex_metrics: list[tuple[int, int, object]], n: int) -> list[Mention]:
    """The ``n`` items listed with 、/和 right before the metric that precedes ``pos`` in its
    clause (网约车、互联网医疗 in 网约车、互联网医疗用户规模…分别), as segments; none if the list
    is not exactly ``n`` plain words."""
    metric = next((x for x in reversed(lex_metrics) if x[1] <= pos), None)
    if metric is None:
        return []
    clause = max((x.end() for x in _CLAUSE_END.finditer(sent, 0, metric[0])), default=0)
    stretch = re.sub(r"^(?:\d{4}年(?:度)?|其中|同时|此外)\s*", "", sent[clause:metric[0]]).removesuffix("的")
    items = _LIST_SEP.split(stretch) if stretch else []
    if len(items) != n or not all(_LIST_ITEM.fullmatch(x) for x in items):
        return []
    out, at = [], sent.index(stretch, clause)
    for x in items:
        a = sent.index(x, at)
        out.append(Mention(a, a + len(x), "Segment", x, x, "pattern", 0.5))
        at = a + len(x)
    return out


def _reattach(change: Draft, level: Draft) -> None:
    """Move ``change`` from the level it joined (if any) to ``level``."""
    kind, value = change.change_kind, change.changes[0][1]
    if change.attached and change.target is not None and change.target is not level:
        old = change.target.changes
        for i, (k, v) in enumerate(old):
            if v == value:
                del old[i]
                break
    if not any(k == kind for k, _ in level.changes):
        level.changes.append((kind, value))
        change.attached, change.target = True, level


def _period_for(pos: int, periods: list[PeriodMention], carried: str | None) -> str | None:
    gov = [p for p in periods if p.end <= pos and not p.base]
    if gov:
        return gov[-1].period
    return carried


def _metric_for(sent: str, d: Draft, start_floor: int, lex_metrics: list[tuple[int, int, object]],
                mentions: list[Mention], numbers=()) -> tuple[str | None, str | None]:
    """The metric of a number: the nearest lexicon metric before it in its stretch of the
    sentence (widened to the phrase as written), else what the number qualifies after it
    (25%的月活用户, 160套房子, 3亿日活), else the noun phrase before it, else its unit noun."""
    q = d.q
    acted = _count_of_act(sent, q)
    if acted:  # 3892人报名: the number of people who did it
        return acted, None
    cands = [(a, b, e) for a, b, e in lex_metrics if start_floor <= a and b <= q.start
             and not _CLAUSE_BREAK.search(sent[b:q.start])]
    np = _np_before(sent, q.start, start_floor, mentions, numbers)
    clause_start = max((x.end() for x in _CLAUSE_END.finditer(sent, 0, q.start)), default=0)
    if str(q.unit or "").startswith("other:") and not any(a >= clause_start for a, _, _ in cands):
        # a counted thing named after the number (160套房子) beats a metric of an earlier clause
        after = _np_after(sent, q, lex_metrics, mentions)
        if after:
            return after
    if np and _ANAPHOR.fullmatch(np):
        return None, None  # 这一数字: the metric of the claim before (filled in by the caller)
    if cands:
        a, b, e = cands[-1]
        # widen the lexicon match to the noun phrase as written (平均 + DAU)
        if np and sent[a:b] in np:
            return np, (e.key if _same_metric(np, sent[a:b]) else None)
        return sent[a:b], e.key
    after = _np_after(sent, q, lex_metrics, mentions)
    if after:
        return after
    if np and len(np) >= 2:
        return np, None
    if any(n.end <= q.start and _LIST_SEP.fullmatch(sent, n.end, q.start) for n in numbers):
        return None, None  # 112分钟和98分钟: the metric of the number it is listed after (the caller's)
    if q.unit_word and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", q.unit_word):
        return q.unit_word + "数", None
    return None, None


_CLAUSE_BREAK = re.compile(r"[;；。]")
_ANAPHOR = re.compile(r"(?:这?一|该|此|这个|上述)?(?:数字|数据|指标|数值)")
_PER_UNIT = re.compile(r"每|人均|单个|单位|户均|平均每")
_RATIO_HEAD = re.compile(r"(?:占比|比重|比例|份额|率)$")


def _lexicon_metric(lex: Lexicon, phrase: str) -> str | None:
    """The lexicon metric a phrase names once a relative clause's verb is taken out (X产生的收入
    -> X收入), or None."""
    plain = re.sub(r"(?:产生|带来|贡献|实现|创造|获得|录得)的", "", phrase)
    if plain == phrase:
        return None
    return next((e.key for e in lex.by_surface(plain) if getattr(e, "cls", "") == "Metric"), None)


def _same_metric(phrase: str, match: str) -> bool:
    """Is the phrase as written the lexicon metric it contains, or a different metric built on
    it: per unit (每名日活跃用户平均线上营销服务收入), a share of it (占总收入比重), or a part of
    it named through 的 (线上营销服务产生的收入)?"""
    head = phrase[:phrase.rfind(match)] if match in phrase else phrase
    if _PER_UNIT.search(head):
        return False
    if _RATIO_HEAD.search(phrase) and not _RATIO_HEAD.search(match):
        return False
    # a part named by what produces it: 线上营销服务产生的收入, 广告带来的收入
    return not re.search(r"(?:产生|带来|贡献|实现|创造|获得|录得|来自)的?$", head.strip())
_AFTER_NP = re.compile(r"^(?:的)?(?P<n>[\u4e00-\u9fffA-Za-z]{2,12}?)(?=[,，。;;；、)）]|$|都|是|及|和|与|等|同时|已|也|在|中)")
_MEASURE_UNITS = ("other:", "count")


def _count_of_act(sent: str, q) -> str | None:
    """3892人报名应聘, 超过100万人次观看: a head count right before a verb of taking part is the
    number of people who did it (报名人数, 观看人次); the verbs are ``count_verbs`` (patterns.toml)."""
    from ..patterns import load_patterns

    if q.unit_word not in ("人", "名", "位", "人次"):
        return None
    verb = next((v for v in load_patterns().count_verbs if sent.startswith(v, q.end)), None)
    if verb is None:
        return None
    return verb + ("人次" if q.unit_word == "人次" else "人数")


def _np_after(sent: str, q, lex_metrics, mentions=()) -> tuple[str, str | None] | None:
    from ..patterns import load_patterns

    rest = sent[q.end:]
    for a, b, e in lex_metrics:  # a lexicon metric right after the number, or as its unit (3亿日活)
        if a == q.end or (a == q.end + 1 and rest[:1] == "的") or (q.start < a and b <= q.end):
            return sent[a:b], e.key
    if q.unit_word in (load_patterns().unit_metrics or {}):
        return load_patterns().unit_metrics[q.unit_word], None
    if any(m.start in (q.end, q.end + 1) for m in mentions):  # 29岁的赵中立: an entity, not a metric
        return None
    via_de = rest.startswith("的")
    measured = q.unit is None or any(str(q.unit).startswith(u) for u in _MEASURE_UNITS)
    if not (via_de or measured or q.kind == "percent"):
        return None
    m = _AFTER_NP.match(rest)
    if not m or not via_de and q.kind == "percent":
        return None
    n = m.group("n")
    if q.kind == "percent":
        n += "占比"
    return n, None


_PERIOD_WORDS = re.compile(
    r"(?:从|由|在|于|截至|截止)?\s*(?:(?:19|20)\d{2}\s*年(?:度)?(?:第?\s*[一二三四1-4]\s*季度(?:末)?|[上下]半年|"
    r"\d{1,2}\s*月(?:份)?(?:底|末)?|底|末|全年|前[一二三两1-3]个?季度)?|第?[一二三四]季度(?:末)?|本季度|上季度|去年同期|上年同期|去年|今年|同期|全年|"
    r"(?<![A-Za-z])(?:(?:19|20)\d{2}\s*年?\s*)?Q[1-4](?![0-9])|前[一二三两1-3]个?季度|[上下]半年|单季度?|"
    r"(?<![\d.])(?:1[0-2]|[1-9])\s*月(?:份)?(?!\s*\d{1,2}\s*[日号]))"
    r"\s*(?:的|,|，)?")


# the shorthand periods of notes and Hong Kong filings (23Q4, 2Q24, 1H25, 2024-2026年, 第三季, 首季)
_PERIOD_SHORTHAND = re.compile(
    r"(?:(?<![\dA-Za-z])[12]\d\s*(?:Q[1-4]|H[12])(?!\d)|(?<![\dA-Za-z])[1-4][QH]\s*[12]\d(?!\d)|"
    r"(?<!\d)(?:19|20)?\d{2}\s*[EA]?\s*(?:-|~|—|–|至|到)\s*(?:19|20)?\d{2}\s*[EA]?\s*年(?:度)?|"
    r"(?:(?:19|20)\d{2}\s*年\s*)?(?:第[一二三四1-4]季(?!度)|首季|次季))\s*(?:的|,|，)?")


def _np_before(sent: str, pos: int, floor: int, mentions: list[Mention], numbers=()) -> str | None:
    """The noun phrase right before ``pos``: back to a stop (punctuation, a subject name, a
    period, another number)."""
    lo = floor
    for m in (*mentions, *numbers):
        if m.end <= pos and m.end > lo:
            lo = m.end
    seg = _PERIOD_WORDS.sub("", _PERIOD_SHORTHAND.sub("", sent[lo:pos]))  # 占总收入比重从2019年的 -> 占总收入比重
    # the predicate words right before the number go first (商家数量已突破: 已 is no boundary here)
    seg = _TRIM_TAIL.sub("", seg)
    stops = list(_NP_STOP.finditer(seg))
    if stops:
        seg = seg[stops[-1].end():]
    seg = _TRIM_TAIL.sub("", seg)
    seg = _TRIM_HEAD.sub("", seg)
    seg = re.sub(r"\s+", " ", seg).strip()
    if not seg or not re.search(r"[\u4e00-\u9fffA-Za-z]", seg):
        return None
    return seg[-24:]


_CLAUSE_END = re.compile(r"[,，;；。]")
_COMPARE = re.compile(r"同比|环比|较|相比|相较")


_FROM_BEFORE = re.compile(r"(?:由|从)\s*$")
_OWN_LEVEL = re.compile(r"\s*的?\s*")


def _mark_base(sent: str, p: PeriodMention) -> PeriodMention:
    """A period inside a clause that compares (在去年疫情期间高基数上同比再增30%) is the base
    of the comparison, not the period of the claims after it; so is the period of the starting
    level of 由/从 … 至 (由去年同期的35.2%提升至38.1%)."""
    from dataclasses import replace

    if not p.base and _FROM_BEFORE.search(sent, max(0, p.start - 2), p.start):
        return replace(p, base=True)
    if p.base or not re.search(r"去年|上年|前年|同期|上季度|上一季度", sent[p.start:p.end]):
        return p  # an explicit period (小米2020年营收同比增长19.4%) is the claim's own
    m = _CLAUSE_END.search(sent, p.end)
    clause_rest = sent[p.end:m.start() if m else len(sent)]
    if _COMPARE.search(clause_rest) and not re.match(r"\s*的", clause_rest):
        return replace(p, base=True)
    return p


def _base_period_of(pos: int, sent: str, periods: list[PeriodMention]) -> PeriodMention | None:
    """The base period that names the number at ``pos`` itself (较去年同期的10亿元, 由2019年的42.3元)."""
    return next((p for p in periods if p.base and p.end <= pos and _OWN_LEVEL.fullmatch(sent, p.end, pos)), None)


def _yoy_against(d: Draft, periods: list[PeriodMention]) -> None:
    """比2019年增长50% said of 2020: a change against the same period a year before is year on
    year. 2023年…较2022年12月增长9057万人: a stock compared with a month-end a year before is the
    stock at that month-end of this year (asof:2023-12)."""
    if re.fullmatch(r"\d{4}", d.period):
        month_end = next((m for p in periods if p.base for m in [re.fullmatch(r"(?:asof:)?(\d{4})-(\d{2})", p.period)]
                          if m and int(m.group(1)) == int(d.period) - 1), None)
        if month_end is not None:
            d.period = f"asof:{d.period}-{month_end.group(2)}"
            d.changes = [("yoy" if k == "growth" else k, v) for k, v in d.changes]
            if d.change_kind == "growth":
                d.change_kind = "yoy"
            return
    earlier = re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), d.period)
    if not any(p.base and p.period == earlier for p in periods):
        return
    d.changes = [("yoy" if k == "growth" else k, v) for k, v in d.changes]
    if d.change_kind == "growth":
        d.change_kind = "yoy"


# a period named without its year: 第四季度, 下半年, 12月, Q3, 前三季度, 全年
_YEARLESS = re.compile(r"(?:截至|截止|到)?\s*(?:第\s*[一二三四1-4]\s*季度|[一二三四]季度|[上下]半年|Q[1-4]|"
                       r"(?:1[0-2]|[1-9])\s*月份?|前[一二三两1-3]个?季度|前\d{1,2}个月|全年度?|当年)(?:末|底)?")


def _in_context(sent: str, periods: list[PeriodMention], carried: str | None,
                dated: list[PeriodMention] = ()) -> list[PeriodMention]:
    """A period written without its year is of the year the sentence named last before it, a
    date included (国家电影局2018年12月31日发布的数据显示,当年…: 2018; 2018年,…全年共生产…:
    2018), else of the year the text is about, when it is about one (蔚来公布了2020年财报。其全年
    营收…: 2020; 2023年抖音… 快手的日活在第四季度…: 2023Q4), not of the article's year."""
    from dataclasses import replace

    y = re.search(r"\d{4}", carried or "")
    out = []
    for p in periods:
        if _YEARLESS.fullmatch(sent, p.start, p.end):
            named = [x for x in (*periods, *dated) if x.end <= p.start and not x.base
                     and not _YEARLESS.fullmatch(sent, x.start, x.end) and re.search(r"(?:19|20)\d{2}", sent[x.start:x.end])]
            year = str(max(named, key=lambda x: x.end).year) if named else (y.group(0) if y else None)
            if year:
                p = replace(p, period=re.sub(r"\d{4}", year, p.period), year=int(year))
        out.append(p)
    return out


def _without_rounded_bounds(drafts: list[Draft]) -> list[Draft]:
    """移动端月活用户突破2亿,同比增长33%达2.09亿: a rounded bound (突破/超过/近 2亿) followed in the
    sentence by the exact level of the same metric that meets it (within a fifth) restates that
    level: only the exact figure is a claim."""
    def restated(b: Draft) -> bool:
        q = b.q
        if b.is_change or q.hedge_dir not in ("gt", "ge", "lt", "le") or not q.value:
            return False
        for x in drafts:
            if x is b or x.is_change or x.q.start < q.end or x.q.hedge_dir is not None or x.unit != b.unit:
                continue
            same = (x.metric_key and x.metric_key == b.metric_key) or (x.metric and x.metric == b.metric)
            meets = x.q.value >= q.value if q.hedge_dir in ("gt", "ge") else x.q.value <= q.value
            if same and meets and abs(x.q.value - q.value) <= 0.2 * abs(q.value):
                return True
        return False

    return [d for d in drafts if not restated(d)]


def _year_later(code: str) -> str:
    """The same period a year later: 2020 -> 2021, 2020Q1 -> 2021Q1, 2020-01/2020-09 -> 2021-01/2021-09."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) + 1), code)


_UNIT_OF_KIND = {"users": "users", "money": "CNY", "percent": "percent", "ratio": "percent",
                 "minutes": "minutes", "count": "count", "multiple": "other:倍"}
_USERS_AFTER = re.compile(r"^\s*(?:的)?(?:[\u4e00-\u9fff]{0,4}?)(?:用户|粉丝|网民|观众|会员|人次|人)")


def _unit_of(sent: str, q, metric_key: str | None, lex: Lexicon, metric: str | None) -> str:
    """The claim's unit: the quantity's own, corrected by the metric for head counts (员工 are a
    count, not users), else inferred for a bare number."""
    from ..patterns import load_patterns

    pats = load_patterns()
    if q.unit == "users" and metric and any(w in metric for w in pats.staff_words):
        return "count"
    if q.unit:
        return q.unit
    if metric and any(metric.endswith(w) for w in pats.user_heads):
        return "users"
    return _infer_unit(sent, q, metric_key, lex, metric)


def _infer_unit(sent: str, q, metric_key: str | None, lex: Lexicon, metric: str | None = None) -> str:
    """The unit of a bare number (2.71亿): the metric's unit kind, else CNY for a money word
    (佣金, 收入), else users when users follow, else a count."""
    from ..patterns import load_patterns

    if metric_key:
        e = lex.entity(metric_key)
        kind = getattr(e, "unit_kind", None)
        if kind in _UNIT_OF_KIND:
            return _UNIT_OF_KIND[kind]
    if metric and any(metric.endswith(h) for h in load_patterns().money_heads):
        return "CNY"
    if _USERS_AFTER.match(sent[q.end:q.end + 8]):
        return "users"
    return "count"


def continues(sent: str) -> bool:
    """Does ``sent`` open by continuing what came before (其中, 同时, 此外 …)?"""
    return bool(_CONTINUE.match(sent))


def _converts(sent: str, q, words: tuple[str, ...]) -> bool:
    """Does the money amount ``q`` restate the amount just before it in another currency
    (2605亿元人民币(约合357亿美元))? A conversion word opens it (or its hedge: 约合) and an amount
    in a currency ends right before, an opening bracket between."""
    before = sent[max(0, q.start - 12):q.start]
    said = next((w for w in words if q.surface.startswith(w) or before.endswith(w)), None)
    if said is None:
        return False
    if before.endswith(said):
        before = before[:-len(said)]
    return bool(_AMOUNT_END.search(before))


_AMOUNT_END = re.compile(r"(?:元|币)\s*[,，(（]?\s*$")
_BRACKETED_AFTER = re.compile(r"(?P<cur>美元|港元|港币|人民币|元|币)\s*[(（]\s*(?:约合|约|合|折合|即|相当于)?\s*(?:人民币|美元|港元|港币)?\s*$")
_CURRENCY_OF = {"美元": "USD", "港元": "HKD", "港币": "HKD"}
_DATES_TIMES = re.compile(r"\d{1,4}\s*[年月日时]|\d{1,2}\s*[:：]\s*\d{2}|\d{4}-\d{1,2}-\d{1,2}")
_WORDS_LEFT = re.compile(r"[\u4e00-\u9fff]{2}|[A-Za-z]{3}")


def _restated(sent: str, q) -> bool:
    """人民币24亿元(4亿美元), 1.92元(0.30美元): an amount in brackets right after an amount in
    another currency restates it (a convenience translation), with or without 约合."""
    m = _BRACKETED_AFTER.search(sent[max(0, q.start - 10):q.start])
    if m is None:
        return False
    return _CURRENCY_OF.get(m.group("cur"), "CNY") != q.unit


_RESULTS = re.compile(r"财报|年报|季报|半年报|中报|业绩|财务报告|财务数据|经营数据|季度报告|年度报告|中期报告")
_CN_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千几]+$")


def not_a_claim(sent: str, q) -> str | None:
    """Why the number ``q`` of ``sent`` states no claim (an enumeration, a century, a phone
    prefix, a section number, a small count spelled out in prose), or None."""
    from ..patterns import load_patterns

    pats = load_patterns()
    if sent.strip() == q.surface.strip():
        return "a number standing alone (section number)"
    if q.kind == "money" and (_converts(sent, q, pats.conversion_words) or _restated(sent, q)):
        return "an amount restated in another currency (约合357亿美元)"
    if pats.stock_code is not None and re.fullmatch(r"\d{4,6}", q.surface.strip()) \
            and pats.stock_code.search(sent[max(0, q.start - 3):q.start]) \
            and re.match(r"\s*(?:\.[A-Z]{2})?\s*[)）]", sent[q.end:]):
        return "a stock code in brackets after a name (美团(3690))"
    if _WORDS_LEFT.search(_DATES_TIMES.sub("", sent)) is None:
        return "a line of figures with no words (a page counter, a timestamp)"
    after, before = sent[q.end:q.end + 12], sent[max(0, q.start - 6):q.start]
    for rx in pats.non_claim_after:
        if rx.search(after):
            return f"context {rx.pattern!r}"
    for rx in pats.non_claim_before:
        if rx.search(before):
            return f"context {rx.pattern!r}"
    digits = q.surface.strip()
    if q.qualifier and digits.startswith(q.qualifier):
        digits = digits[len(q.qualifier):]
    digits = re.sub(r"[个年次种点项位名家条大]$", "", digits)
    if _CN_NUMERAL.match(digits) and q.value < pats.prose_small_max and q.kind not in ("money", "percent"):
        return "a small count spelled out in prose"
    return None


def _never_subject(sent: str, m: Mention) -> bool:
    """A news outlet, a wire or an exchange publishes figures and is never what they are about;
    a place negated as a modifier (非美国通用会计准则) is no subject either."""
    if is_media(m) or is_generic(m):
        return True
    return m.cls == "Place" and sent[max(0, m.start - 1):m.start] == "非"


def _frame_defaults(d: Draft, periods: list[PeriodMention], carry: str | None, frame: Frame | None) -> None:
    """The reporting conventions: a stock (员工, 门店, 现金, 持股) of a period is the stock at its
    end (asof:); a change the text does not qualify
    (增长34%) of a figure of a period compares with the same period a year earlier (yoy), except
    a price's move (a share price on a day), which stays a plain change."""
    if d.period and not d.period.startswith("asof:") and d.unit != "percent" and is_stock(d.metric):
        d.period = period_end(d.period) or d.period  # 2023年员工人数 is the head count at the year's end
    if not d.period or keeps_growth(d.metric) or re.fullmatch(r"asof:\d{4}-\d{2}-\d{2}", d.period):
        return
    d.changes = [("yoy" if k == "growth" else k, v) for k, v in d.changes]
    if d.change_kind == "growth":
        d.change_kind = "yoy"


_BASE_SAID = re.compile(r"(?:上年同期|去年同期|上年|去年|上一?季度|上个季度|同期)(?:则|的)?(?:为|是|录得|达)\s*(?:人民币|港币|约)?\s*$")
_FROM_LEVEL = re.compile(r"(?:由|从)\s*(?:人民币|港币|约)?\s*$")
_YEAR_RANGE = re.compile(r"(?<!\d)(?P<y1>(?:19|20)?\d{2})\s*[EA]?\s*(?:-|~|—|–|至|到)\s*(?P<y2>(?:19|20)?\d{2})\s*[EA]?\s*年")


def _measure_of_verb(metric: str | None, unit: str | None) -> str | None:
    """交付1.2万辆新车, 销售新车3003辆: a count after a verb of output is the verb's measure
    (交付量, 销量), never the object noun (新车); the verbs and measures are data
    (``verb_measures`` in patterns.toml)."""
    from ..patterns import load_patterns

    if not metric or unit in ("CNY", "USD", "HKD", "percent") or (unit or "").startswith("other:元"):
        return metric
    for verb, measure in load_patterns().verb_measures.items():
        i = metric.rfind(verb)
        if i < 0:
            continue
        rest = metric[i + len(verb):]
        if len(rest) <= 4 and not re.search(r"[量额率数值]|收入|金额|规模|占比", rest):
            return metric[:i] + measure
    return metric


def _year_range_respectively(sent: str, out: list[Draft]) -> None:
    """预计2024-2026年营收分别为a、b、c (24-26年, 2024E-2026E): a list of figures after a range
    of years as long as the range gives one year to each figure, in order."""
    m = _YEAR_RANGE.search(sent)
    if m is None or "分别" not in sent[m.end():]:
        return
    y1, y2 = (int(x) if len(x) == 4 else 2000 + int(x) for x in (m.group("y1"), m.group("y2")))
    n = y2 - y1 + 1
    if not 2 <= n <= 6:
        return
    k = sent.find("分别", m.end())
    stop = _CLAUSE_BREAK.search(sent, k)
    run = [d for d in out if k < d.q.start and (stop is None or d.q.start < stop.start())]
    levels = [d for d in run if not d.is_change]
    if len(levels) == n:
        for d, y in zip(levels, range(y1, y2 + 1)):
            d.period = str(y)


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
        if "yoy" in kinds:
            base.period = re.sub(r"\d{4}", lambda y: str(int(y.group(0)) - 1), t.period, count=1) \
                if "/" not in t.period else base.period
        elif "qoq" in kinds and re.fullmatch(r"\d{4}Q[1-4]", t.period):
            y, q = int(t.period[:4]), int(t.period[5])
            base.period = f"{y}Q{q - 1}" if q > 1 else f"{y - 1}Q4"


def build_claims(sent: str, quantities: list, mentions: list[Mention], lex: Lexicon,
                 year: int | None, carried_period: str | None, carried_subject: Mention | None,
                 topic: Mention | None, quarter_ctx: str | None,
                 lex_metric_spans: list[tuple[int, int, object]],
                 frame: Frame | None = None) -> tuple[list[Draft], str | None, Mention | None]:
    """Claims of one sentence (sentence-local offsets). Returns the drafts and the period and
    subject that carry over to the next sentence. The document ``frame`` gives the defaults: the
    reporting period (carried in as ``carried_period``) and the reporting entity (``topic``)."""
    drafts = [Draft(q) for q in quantities]
    mentions = [m for m in mentions if not _never_subject(sent, m)]
    found = find_periods(sent, year, quarter_ctx) if drafts else []
    periods = [_mark_base(sent, p) for p in _in_context(sent, [p for p in found if not event_date(sent, p)],
                                                        carried_period, found)]
    # a number inside a period (前8个月, 1-9月) is part of the period
    drafts = [d for d in drafts if not any(p.start <= d.q.start and d.q.end <= p.end for p in periods)]
    if not drafts:
        # a sentence without numbers that announces results sets the period of the next (蔚来公布
        # 了2020年财报。其全年营收…); its subject carries as always
        own = [p for p in find_periods(sent, year, quarter_ctx) if not _mark_base(sent, p).base] \
            if _RESULTS.search(sent) else []
        return [], (own[-1].period if own else carried_period), \
            _subject_before(sent, len(sent), mentions) or carried_subject
    _classify(sent, drafts)
    _classify_lists(sent, drafts)
    _attach(sent, drafts, periods, mentions)
    carry = carried_period
    subj = carried_subject
    floor = 0
    out: list[Draft] = []
    for d in drafts:
        if d.is_change and d.attached:
            continue
        q = d.q
        d.period = _period_for(q.start, periods, carry)
        own = _base_period_of(q.start, sent, periods)
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
            _yoy_against(d, periods)
        if d.period is None and d.is_change and not d.attached and year and \
                re.search(r"较去年|比去年|同比", sent[max(0, q.start - 16):q.start]):
            d.period = str(year)  # 较去年增长7%: this year's figure against last year's
        counted = _counted_subject(sent, q, mentions)
        found = (counted[0] if counted else None) or _segment_subject(sent, q, mentions) \
            or _subject_before(sent, q.start, mentions) or _subject_after(sent, q.end, mentions)
        if found:
            subj = found
        d.subject = subj or topic
        d.subject_here = found is not None
        named = [*mentions, found] if found is not None and found.cls == "Segment" and found.end <= q.start \
            else mentions  # 短视频行业总时长占比: the metric starts after the industry
        d.metric, d.metric_key = _metric_for(sent, d, floor, lex_metric_spans, named,
                                             [x.q for x in drafts if x is not d])
        if d.metric is None and out:  # 从A增至B, 预计2025年将突破B: B is A's metric (nothing else named)
            d.metric, d.metric_key = out[-1].metric, out[-1].metric_key
        elif out and not d.is_change and _BASE_SAID.search(sent, max(0, q.start - 14), q.start):
            # X为A,而去年同期为B / 上年同期为B: B is the base-period figure of A's metric
            d.metric, d.metric_key = out[-1].metric, out[-1].metric_key
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
        d.unit = _unit_of(sent, q, d.metric_key, lex, d.metric)
        d.metric = _measure_of_verb(d.metric, d.unit)
        if frame is not None and frame.entity is not None and prog is None and (
                (not d.subject_here and names_self(sent[:q.start]))
                or (d.subject is not None and d.subject.cls == "Person" and is_corporate(d.metric))):
            # 公司2022年实现营收…, 主席某某表示,收入…: the reporting entity's figure
            d.subject, d.subject_here = frame.entity, True
        _frame_defaults(d, periods, carry, frame)
        floor = q.end
        out.append(d)
    out = _distribute(sent, drafts, out, mentions, lex_metric_spans, periods)
    _year_range_respectively(sent, out)
    _from_base_periods(sent, drafts, out)
    out = _without_rounded_bounds(out)
    _share_enumerated_metrics(sent, out)
    # the period carried on: not a comparison's (去年同期净亏损3.2亿元 states last year's figure
    # in passing; the text goes on about its own period)
    last = [p for p in periods if not p.base and "同期" not in sent[p.start:p.end]]
    # the subject carried to the next sentence: this sentence's subject-position entity
    subj = _subject_before(sent, len(sent), mentions) or subj
    return out, (last[-1].period if last else carry), subj
