"""Levels and changes: which numbers are changes (同比增长32%, 同比+22%, 提升3.5个百分点), the
kind of each (yoy, qoq, growth, abs), and the level each change joins.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...patterns import WordRegex
from ...periods import PeriodMention
from ..entities import Mention
from .draft import Draft, _HARD_STOP, _PER_UNIT, _clause_start
from .prices import SINCE_THE_YEAR_BEGAN, _quotes
from .compare import (_CHANGE_VERB, _COMPARED, _COMPARED_CLAUSE, _breaks, _carried_cmp, _change_kind, _clauses_between, _compared_base, _compared_level_before,
                      _same_unit_before, _from_to_kind,
                      _headed_kind, _increments, _owner_of_compared)
from .metrics import _names_metric, _np_before

# the word lists are data: ontology/claim_words.toml

_DOWN = WordRegex(r"{change_down}")
_UP = WordRegex(r"{change_up}")  # (少减: less of a fall, a rise)

_LOSS = WordRegex(r"{loss_words}")

_TO_AFTER = re.compile(r"^\s*[,，]?\s*(?:至|到)")

_LEVEL_INTRO = WordRegex(r"^[,，]?\s*(?:{level_intro})")

# a comparison with a base that is no period a year or a quarter before (年初, 发行价, 峰值)
_NOT_A_YEAR_AGO = re.compile(r"年初|发行价|峰值|高点|低点|历史")

# verbs of change whose amount right after is a change in its own unit (净增4.88亿户, 升235点, 亏损收窄5亿元)
_AMOUNT_VERBS = WordRegex(r"(?:{amount_change_verbs})")

# a rate of fall a narrowing or widening is said of (降幅收窄: the rate of change rises)
_FALL_RATE = WordRegex(r"{fall_rates}")

# an average rate over years right before a verb of change (两年平均增长, 年均增长)
_AVERAGE = re.compile(r"(?:[两二三四五2-5]\s*年\s*)?(?:平均|年均)\s*$")

# the comparison of a doubling (同比翻番, 较去年翻了两番, 环比翻倍)
_DOUBLING_CMP = re.compile(r"同比|环比|按年|按季|较(?:去年|上年)(?:同期)?|较上(?:一)?(?:个)?(?:季度|月)|比(?:去年|上年)")

# a level said to be N times that of a base period (是第二季度的33倍, 为去年同期的2倍)
_TIMES_OF = re.compile(r"(?:是|为|達|达|相当于)\s*(?P<base>去年同期|上年同期|去年|上年|上一?个?季度|上一?个?月|"
                       r"(?:(?:19|20)\d{2}\s*年\s*)?(?:第?[一二三四1-4]\s*季度|\d{1,2}\s*月(?:份)?))的?\s*$")

# a rate of change named as a noun: 用户规模增长率为20.7%, 营收增速达18%, 降幅为5%, 降幅收窄至11.5%
_RATE_OF_CHANGE = re.compile(r"(?P<cmp>同比|环比)?(?P<avg>年均复合|复合年均?|年复合|复合|年均|平均)?(?P<rate>增长率|增速|增幅|涨幅|升幅|降幅|下降率|跌幅|(?:增长|上升|上涨|下降|下跌)幅度)(?:分别)?"
                             r"(?P<earlier>(?:较|比|较之)[^,，;；。\d%]{1,8}?的)?"  # (增速较首季的7%放缓: the earlier period's rate)
                             r"(?:为|是|达|达到|约为|约|在|(?:收窄|扩大|缩小|回落|回升|放缓|加快|提高|提升|升|降)(?:至|到))?\s*$")

# … but a rate so named that is a level (人口自然增长率为-1.06‰)
_LEVEL_RATE = WordRegex(r"(?:{level_rates})(?:为|是|达|达到|约为|约|在)?\s*$")

#: what closes a bracketed change: the bracket, or a kind tag and the next change of the list (+25% YoY, +6% QoQ; +25%/+6% YoY/QoQ)
_BRACKET_TAIL = re.compile(r"\s*(?P<cmp>YoY|yoy|YOY|[yY]/[yY]|同比)?\s*(?:[)）]|[,，;；]\s*[+＋\-－−]|/\s*[+＋\-－−]?\s*[\d.]+\s*"
                           r"(?:%|pct|ppt)?\s*(?P<pair>(?:YoY|yoy|同比)\s*/\s*(?:QoQ|qoq|环比)))")
_PAIRED_TAGS = re.compile(r"\s*(?:%|pct|ppt)?\s*(?:YoY|yoy|同比)\s*/\s*(?:QoQ|qoq|环比)")  # (the second of +25%/+6% YoY/QoQ)


def _tag(cmp: str | None) -> str | None:
    return {"y/y": "yoy", "q/q": "qoq"}.get(cmp.lower(), cmp) if cmp else None


_BRACKETED_CHANGE = re.compile(r"[(（]\s*(?P<cmp>同比|环比|按年|按季|YoY|QoQ|yoy|qoq|YOY|QOQ)?\s*[:：]?\s*(?P<sign>[+＋])?\s*$")

# a level's end right before a bracket: a unit, a magnitude, a percent sign or a digit
# (or a unit word of up to two characters after a number: 21.33亿票, 103万标箱, 8.5万TEU)
_LEVEL_END = re.compile(r"(?:[\d%元亿万千百辆台人户次个家]|美元|港元|GWh|GW|pct|(?<=%)\s*(?:YoY|yoy|YOY|[yY]/[yY])"
                        r"|(?<=[\d亿万千百])(?:[\u4e00-\u9fff]{1,2}|[A-Za-z]{1,4}))\s*$")

# a signed percentage right after a level and a separator (225.7亿元,+56.1%; 130.5亿元/+45.2%)
_SIGNED_AFTER_LEVEL = re.compile(r"[,，/、\s]\s*(?P<sign>[+＋\-－−])\s*$")
_KIND_AFTER = re.compile(r"\s*(?P<cmp>YoY|yoy|YOY|QoQ|qoq|QOQ|[yYqQ]/[yYqQ]|同比|环比)")

#: year on year, then sequential, said once for a pair of changes (同环比, 同比/环比, 同/环比 分别增长30%/10%, 同环比+3.6/+1.5pct)
_PAIR = r"(?:同环比|(?P<a>同比|环比|按年|按季)\s*[/、及和与]\s*(?P<b>同比|环比|按年|按季)|同\s*[/、]\s*环比)\s*(?:分别|分別)?\s*" \
    r"(?P<verb>增长|增加|提升|上升|上涨|下降|减少|下滑|下跌|变动|变化|增减)?\s*[:：]?\s*"  # (环比、同比分别变动a、b: in the order named)
_PAIR_FIRST = re.compile(_PAIR + r"[+＋\-－−]?\s*$")
_PAIR_SECOND = re.compile(_PAIR + r"[+＋\-－−]?\s*[\d.]+\s*(?:%|pct|ppt|个百分点)?\s*(?:/|和|及|与|、)\s*[+＋\-－−]?\s*$")
_PAIR_UNIT = re.compile(r"\s*/\s*[+＋\-－−]?\s*[\d.]+\s*(?P<u>%|pct|cpt|ppt|个百分点)")
_PAIR_KINDS = {"%": "percent", "pct": "points", "cpt": "points", "ppt": "points", "个百分点": "points"}

_SIGNED_CHANGE = re.compile(r"(?P<cmp>同比|环比|按年|按季|按月|YoY|QoQ|yoy|qoq|YOY|QOQ|较年初|较期初|较上年末|较年末|"
                            r"较去年同期|较上年同期|较去年|较上年|较上季度|较上月)\s*(?:分别)?\s*[:：]?\s*[+＋\-－]?\s*$")

_MOVE_AFTER = WordRegex(r"\s*(?:{change_verbs})\s*(?:了)?\s*[+＋\-－−]?\s*[\d.]")


def _classify(sent: str, drafts: list[Draft]) -> None:
    _quotes(sent, drafts)
    for d in drafts:
        if d.quote or d.attached:
            continue
        q = d.q
        before = sent[max(0, q.start - 16):q.start]
        if re.match(r"\s*[高中低]?段", sent[q.end:q.end + 3]):
            before = re.sub(r"[高中低]$", "", before)  # 增长高20%段: a band of the rate, still a change
        if q.kind == "multiple" and q.unit_word == "番":
            # 翻番 (×2), 翻了两番 (×4): a relative change of one, of three (+100%, +300%)
            cmp = _DOUBLING_CMP.search(sent, max(0, q.start - 12), q.start)
            d.is_change, d.change_kind = True, _change_kind(cmp.group(0) if cmp else None, q, relative=True)
            d.changes = [(d.change_kind, q.value - 1)]
            continue
        times = _TIMES_OF.search(before) if q.kind == "multiple" and q.unit_word == "倍" else None
        if times and any(x.q.end <= q.start and not x.is_change for x in drafts):
            # 交付3268辆,是第二季度的33倍 / 是去年同期的2倍: the level grew to N times its base, a
            # relative change of N-1 against that period (as 翻番 is one of 1)
            base = times.group("base")
            kind = "yoy" if re.search(r"去年|上年|同期", base) else "qoq" if re.search(r"季|月", base) else "growth"
            d.is_change, d.change_kind, d.kinds_known = True, kind, True
            d.changes = [(kind, q.value - 1)]
            continue
        prev = next((x for x in reversed(drafts) if x.q.end <= q.start), None)
        if q.kind == "percent" and prev is not None and prev.is_change and prev.q.kind != "percent" \
                and re.fullmatch(r"\s*或\s*", sent[prev.q.end:q.start]):
            # 跌35元或6.9%: the same move as a rate, with the sign of its amount
            d.is_change, d.change_kind, d.kinds_known = True, "growth", True
            d.changes = [("growth", (-1 if prev.changes and prev.changes[0][1] < 0 else 1) * q.value)]
            continue
        rate = _RATE_OF_CHANGE.search(before) if q.kind == "percent" and not _LEVEL_RATE.search(before) else None
        if rate:
            d.is_change = True
            d.change_kind = _change_kind(rate.group("cmp") or _carried_cmp(sent, q, drafts, q.start - len(before) + rate.start()), q)
            # (降幅收窄至-15.2%: a fall written with its minus is already signed)
            sign = -1 if rate.group("rate") in ("降幅", "下降率", "跌幅") and q.value > 0 else 1
            d.changes = [(d.change_kind, sign * q.value)]
            d.kinds_known = d.kinds_known or bool(rate.group("avg"))  # 复合增长率: over years, a plain rate
            # (…增至2023年的186亿元,复合年增长率为98.5%: of its own, no change of the last year's figure)
            d.over_years = rate.group("avg") not in (None, "平均") or bool(rate.group("earlier"))  # (or an earlier period's)
            continue
        same = _same_unit_before(sent, q, drafts)
        bracket = _BRACKETED_CHANGE.search(before) if q.kind in ("percent", "points") or same else None
        tag = _BRACKET_TAIL.match(sent, q.end) if bracket else None
        if bracket and (bracket.group("cmp") or bracket.group("sign") or q.surface.lstrip().startswith("-")) and tag \
                and (same or _LEVEL_END.search(sent, 0, max(0, q.start - 16) + bracket.start())):
            # 营收225.7亿元(+56.1%), 毛利率57.5%(+4.4pct), 净利润40亿元(同比-3%), 营收123亿元(+25% YoY, +6% QoQ):
            # an analyst's change in brackets after its level
            d.is_change = True
            d.change_kind = _change_kind(bracket.group("cmp") or _tag(tag.group("cmp")) or ("同比" if tag.group("pair") else None), q)
            d.changes = [(d.change_kind, q.value)]
            continue
        pair = _PAIR_FIRST.search(before) or _PAIR_SECOND.search(sent, 0, q.start)
        if pair is not None:
            after = _PAIR_UNIT.match(sent, q.end) if pair.re is _PAIR_FIRST and q.kind == "bare" else None
            if after is not None:  # 同环比+3.6/+1.5pct: the first of the pair is in the second's unit
                q = d.q = replace(q, kind=_PAIR_KINDS[after.group("u")], unit="percent", value=round(q.value * 0.01, 12))
            if q.kind in ("percent", "points"):  # 同环比-10%/+1%: year on year, then sequential
                d.is_change = True
                d.change_kind = _change_kind((pair.group("a") or "同比") if pair.re is _PAIR_FIRST else (pair.group("b") or "环比"), q)
                down = pair.group("verb") in ("下降", "减少", "下滑", "下跌") and q.value > 0
                d.changes = [(d.change_kind, -q.value if down else q.value)]
                continue
        lead = sent[max(0, q.start - 16):q.start] + (q.surface[0] if q.surface[:1] in "+＋-－−" else "")
        tail = _SIGNED_AFTER_LEVEL.search(lead) if q.kind in ("percent", "points") else None
        if tail and _LEVEL_END.search(sent, 0, max(0, q.start - 16) + tail.start()):
            # 营收225.7亿元,+56.1% YoY; 130.5亿元/+45.2%: an analyst's signed change after its level
            after = _KIND_AFTER.match(sent, q.end)
            d.is_change = True
            second = tail.group(0).lstrip()[:1] == "/" and _PAIRED_TAGS.match(sent, q.end)
            d.change_kind = _change_kind("环比" if second else _tag(after.group("cmp")) if after else None, q)
            sign = -1 if tail.group("sign") in "-－−" and q.value > 0 else 1  # (-0.7pct carries its sign)
            d.changes = [(d.change_kind, sign * q.value)]
            continue
        signed = _SIGNED_CHANGE.search(before) if q.kind in ("percent", "points") or (
            re.search(r"[+＋\-－]", sent[max(0, q.start - 1):q.start + 1]) and _compared_level_before(sent, q, drafts)) else None  # (2.28元,环比-0.13元)
        if signed and _MOVE_AFTER.match(sent, q.end):
            continue  # 渗透率52.9%,较去年同期35.3%提升17.6个百分点: the base's level, its move after it
        if signed:  # 同比+22%, 环比-0.6%, YoY -10%, 较年初-41%: the number carries its own sign (yoy-18.5%: its minus before it)
            d.is_change = True
            d.change_kind = _change_kind(signed.group("cmp"), q)
            d.changes = [(d.change_kind, -q.value if q.value > 0 and sent[q.start - 1:q.start] in ("-", "－") else q.value)]
            d.kinds_known = bool(_NOT_A_YEAR_AGO.search(signed.group("cmp")))  # 较年初: a plain change
            continue
        moved = _MOVE_COLUMN.search(before) if q.kind in ("percent", "points") else None
        if moved:  # 营业收入 38,652;上年同期 37,104;变动 4.2%: a table row's change column
            d.is_change = True
            d.change_kind = _change_kind(moved.group("cmp"), q)
            d.changes = [(d.change_kind, q.value)]
            d.column = True
            continue
        posted = _POSTED.search(before) if q.kind in ("percent", "points") else None
        named = _POSTED_CHANGE.match(sent, q.end) if posted else None
        if named:  # 按年录得15%增长, 实现15%的同比增长: a change named after its rate
            d.is_change = True
            d.change_kind = _change_kind(posted.group("cmp") or named.group("cmp"), q)
            d.changes = [(d.change_kind, (-1 if _DOWN.search(named.group("verb")) else 1) * q.value)]
            continue
        m = _CHANGE_VERB.search(before)
        if not m or (m.group("wei") and not (m.group("cmp") and q.kind == "percent")):
            continue
        if q.kind in ("percent", "points", "multiple") or _AMOUNT_VERBS.fullmatch(m.group("verb")) \
                or (m.group("cmp") and _compared_level_before(sent, q, drafts)) or _level_after(sent, q, drafts) \
                or (q.kind == "bare" and any(x.q.kind == "bare" and not x.is_change and x.q.end <= q.start for x in drafts)):
            # (收入比为1.86,比上年缩小0.04: a bare number after a bare level moves it, in its own unit)
            d.is_change = True
            # 增长超过一倍, 增长了两倍: a relative change of one, of two (+100%, +200%); 翻了5倍
            # is a multiple (colloquial, ×5)
            d.change_kind = _change_kind(m.group("cmp") or _carried_cmp(sent, q, drafts, q.start - len(before) + m.start()), q,
                                         relative=not m.group("verb").startswith("翻"))
            if m.group("cmp") and _NOT_A_YEAR_AGO.search(m.group("cmp")):
                d.kinds_known = True  # 较年初下降5%: against the year's start, a plain change
            if _AVERAGE.search(before, 0, m.start()):
                d.kinds_known = True  # 两年平均增长7.1%: an average rate over years, a plain change
            sign = -1 if _DOWN.search(m.group("verb")) and not _UP.fullmatch(m.group("verb")) else 1
            if m.group("verb") in ("收窄", "扩大") and _FALL_RATE.search(sent, _clause_start(sent, q.start), q.start):
                sign = 1 if m.group("verb") == "收窄" else -1  # 降幅比上月收窄0.3个百分点: the rate of change rose
            if m.group("verb") in ("改善", "恶化"):  # of a loss rate, 改善 is a fall
                loss = _LOSS.search(sent, max(0, q.start - 20), q.start) is not None
                sign = -1 if (m.group("verb") == "改善") == loss else 1
            d.changes = [(d.change_kind, sign * q.value)]
    _headed_kind(sent, drafts)


#: a table row's change column, flattened after its levels (;变动 4.2%, ;同比变动 48.5%, 本年比上年增减 19.61%)
_MOVE_COLUMN = re.compile(r"(?:^|[;；,，|｜:：\s])\s*(?P<cmp>同比|环比|本年比上年|本(?:报告)?期比上年同期|比上年同期|较上年同期)?(?:分别)?"
                          r"(?:增减)?(?:变动|增减|变化)(?:率|幅度|百分比)?\s*(?:[(（]\s*[%％]\s*[)）])?\s*[:：]?\s*[+＋]?\s*$")

#: a rate posted as a change the words after it name (按年录得15%增长, 实现15%的同比增长, 录得10%-20%低段增长)
_POSTED = re.compile(r"(?P<cmp>同比|环比|按年|按季)?\s*(?:录得|錄得|实现|取得|迎来)\s*(?:了)?\s*$")
_POSTED_CHANGE = re.compile(r"\s*(?:[高中低]段)?\s*(?:的)?\s*(?P<cmp>同比|环比|按年|按季)?\s*正?"
                            r"(?P<verb>增长|增幅|升幅|上升|提升|下降|下跌|跌幅|降幅|减少|下滑)")


def _level_after(sent: str, q, drafts: list[Draft]) -> bool:
    """恒指升235点,报19376点: an amount after a verb of change, followed by a level in its own unit
    that 报/至/达 introduces, is that level's change."""
    nxt = next((x for x in drafts if x.q.start >= q.end), None)
    return nxt is not None and nxt.q.unit == q.unit and nxt.q.unit_word == q.unit_word and q.unit is not None \
        and len(sent[q.end:nxt.q.start]) <= 8 and bool(_LEVEL_INTRO.match(sent[q.end:nxt.q.start].strip(" ,，")))

#: a move within the trading day (盘中一度跌超12%) and a closing price after it (收报83.5港元)
_INTRADAY = re.compile(r"盘中|一度|曾经?|最多|最高|最低")
_CLOSE = re.compile(r"[,，]?\s*(?:收报|收盘报|收市报|收于|收盘价|收市价)")


_GAP_LEAD = re.compile(r"[\s,，;；]*([\u4e00-\u9fffA-Za-z]+?)(?=同比|环比|按年|按季|较|比|增|减|下降|上升|提升|上涨|下跌)")


def _names_own(gap: str) -> bool:
    """Does the stretch before a change name a measure of its own (同比增加4.8亿元;净利润同比增长23%)?"""
    return bool((m := _GAP_LEAD.match(gap)) and _names_metric(m.group(1)))


_SINCE_THE_YEAR_BEGAN = re.compile(SINCE_THE_YEAR_BEGAN + r"(?:累计|累)")


def _attach(sent: str, drafts: list[Draft], periods: list[PeriodMention], mentions: list[Mention] = ()) -> None:
    _increments(sent, drafts)
    levels = [d for d in drafts if not d.is_change]
    for d in drafts:
        if not d.is_change or d.attached or d.over_years:  # (a quote's moves are its price's already)
            continue
        q = d.q
        after = sent[q.end:]
        target = None
        if _SINCE_THE_YEAR_BEGAN.match(sent, _clause_start(sent, q.start)):
            continue  # (收报12港元,年内累跌43%: a move since January, a claim of its own, no change of the day's price)
        if d.column:  # (a change column is of the row's current level, its first; of an item's after ;)
            cut = max(sent.rfind(";", 0, q.start), sent.rfind("；", 0, q.start))
            near = [x for x in levels if x.q.end <= q.start]
            target = next((x for x in near if x.q.start > cut), near[0] if near else None)
        elif _TO_AFTER.match(after):
            target = next((x for x in levels if x.q.start >= q.end and not _HARD_STOP.search(sent[q.end:x.q.start])), None)
        if target is None:  # 同比增长30%,达2.23亿: the level right after, introduced by 达/至/为
            nxt = next((x for x in levels if x.q.start >= q.end), None)
            if nxt and _LEVEL_INTRO.match(sent[q.end:nxt.q.start].strip()) and len(sent[q.end:nxt.q.start]) <= 8 \
                    and nxt.q.kind != "multiple" \
                    and not (_INTRADAY.search(sent, _clause_start(sent, q.start), q.start) and _CLOSE.match(sent[q.end:nxt.q.start].strip())):
                # (增长40.5%,是净利润的2.1倍: a ratio to another figure; 盘中一度跌超12%,收报83.5港元:
                # the day's low, not the close's move)
                target = nxt
        if target is None:  # 同比增长17.9%,环比增加9.3%: the next change of the same level
            before = [x for x in drafts if x.q.end <= q.start]
            gap = sent[before[-1].q.end:q.start] if before else ""
            if before and before[-1].is_change and before[-1].attached and (len(gap) <= 8 or _COMPARED_CLAUSE.fullmatch(gap) or _CAUSE_CLAUSE.fullmatch(gap)) \
                    and _compatible(before[-1].target, d) and not _names_own(gap) \
                    and not (before[-1].change_kind == d.change_kind
                             and re.fullmatch(r"\s*[/／]\s*[+＋\-－−]?\s*", sent[before[-1].q.end:q.start])):
                target = before[-1].target  # (同比+15%/+17%/+16%: a list of the levels' changes, not one's)
        kind_against = None
        if target is None and _BARE_COMPARED.fullmatch(sent, _clause_start(sent, q.start), q.start):
            # 交付51,000台 ;环比-5% ;同比+49%: a bare comparison after a level, across ; too, is its change
            near = [x for x in drafts if x.q.end <= q.start and (not x.is_change or x.attached)]
            last = near[-1] if near else None
            level = (last.target if last is not None and last.is_change else last)
            if level is not None and not level.is_change and _compatible(level, d) and _HARD_STOP.search(sent, level.q.end, q.start) \
                    and _BARE_COMPARED_RUN.fullmatch(sent[level.q.end:q.start]):  # (within a clause the rules below decide)
                target = level
        if target is None:  # …,相比去年同期的12.3亿元扩大161.4%: the change of the level compared
            target, kind_against = _owner_of_compared(sent, q, levels, periods)
        if target is None:
            # 收入为12.3亿元(2022年:10.5亿元),增加17% / 收入为487亿元,上年同期为354亿元,同比增长37%:
            # the prior period's figure is an aside, the change is the level's before it
            # (毛利率为15.3%,较上年同期的-2.7%大幅改善,较上一季度提升1.3个百分点: the base compared with, too)
            aside = [x for x in levels if _PRIOR_ASIDE.search(sent, max(0, x.q.start - 16), x.q.start)
                     or _COMPARED.search(sent, max(0, x.q.start - 16), x.q.start)]
            prev = [x for x in levels if x.q.end <= q.start and not _HARD_STOP.search(sent[x.q.end:q.start])
                    and _clauses_between(sent, x, d, drafts) <= 1 + sum(a.q.start > x.q.end for a in aside)]
            prev = [x for x in prev if _compatible(x, d) and not _COMPARED.search(sent, 0, x.q.start)]
            prev = [x for x in prev if x not in aside] or prev
            # 营收增长2%至276亿元,经调整利润增长44%: a change that names its own metric in its
            # clause is not the change of a level of an earlier clause about something else
            clause = _clause_start(sent, q.start)
            if _AHEAD.search(sent, clause, q.start):  # (…交付约1万辆,预计下半年将增长50%: an outlook's move, no result's)
                prev = [x for x in prev if x.q.start >= clause or _AHEAD.search(sent, _clause_start(sent, x.q.start), x.q.start)]
            rate = _RATE_OF_CHANGE.search(sent, clause, q.start)
            verb = rate or _CHANGE_VERB.search(sent, clause, q.start)
            own = _np_before(sent, verb.start() if verb else q.start, clause, mentions,
                             [x.q for x in drafts if x is not d])
            # 人均增幅不低于20%: the rate of something else (a per-head amount)
            # (but 占移动电话用户的55%,占比较上年末提高8.4个百分点: the share's own move in points)
            share_move = d.q.kind == "points" and own and (_SHARE_WORD.match(own) or _SHARE_WORD.search(own[-3:])) and prev and prev[-1].q.kind == "percent" \
                and _SHARE_BEFORE.search(sent, max(0, prev[-1].q.start - 12), prev[-1].q.start)
            if own and (len(own) >= 2 and _names_metric(own) or _PER_UNIT.match(own) or _PART_ACT.fullmatch(own)) \
                    and not share_move:
                prev = [x for x in prev if x.q.start >= clause or own in sent[:x.q.start]]
            if prev and d.q.kind == "percent" and _SHARE_BEFORE.search(sent, max(0, prev[-1].q.start - 6), prev[-1].q.start):
                # 营收1234.1亿元,占比83.22%,较2016年增长40.1%: a share changes in points; the rate
                # is the change of the amount before it
                share = prev[-1]
                prev = [x for x in levels if x.q.end <= share.q.start and x.q.kind != "percent"
                        and not _HARD_STOP.search(sent[x.q.end:q.start])
                        and _breaks(sent[x.q.end:share.q.start]) <= 1] or prev
            if prev:
                target = prev[-1]
        # a level has one change of each kind, but two in points (同环比+3.6/+1.5pct: both abs),
        # and two plain ones against two base periods it names (较2017年第三季度…,较2018年第二季度…)
        base = _compared_base(sent, q, periods)
        if target is not None and not any(k == d.change_kind and (k != "abs" or v == d.changes[0][1])
                                          and not (k == "growth" and base and target.bases.get(i) not in (None, base))
                                          for i, (k, v) in enumerate(target.changes)):
            kind = d.change_kind
            if kind == "growth" and kind_against:
                kind = d.change_kind = kind_against
                d.changes = [(kind, v) for _, v in d.changes]
                target.kinds_known = True
            if kind == "growth" and target.q.start > q.end:
                kind = _from_to_kind(sent, q, target, levels, periods) or kind
            target.changes.append((kind, d.changes[0][1]))
            if base:
                target.bases[len(target.changes) - 1] = base
            target.kinds_known = target.kinds_known or d.kinds_known
            d.attached = True
            d.target = target
    _changes_run_on(sent, drafts)


#: the words between two changes of one level: a comparison and its verb, no measure of their own (,环比增长)
_RUN_ON = WordRegex(r"\s*[,，、]?\s*(?:并|且|而)?\s*(?:同比|环比|按年|按季|较上[一个]?(?:年|季度|季|月)(?:同期)?|比上[一个]?(?:年|季度|季|月)(?:同期)?)"
                    r"\s*(?:{change_adverbs}){0,2}(?:{change_verbs})?(?:了)?\s*[+＋\-－−]?\s*")


def _changes_run_on(sent: str, drafts: list[Draft]) -> None:
    """销量同比增长104%,环比增长43%,达到257万台: a change right before another that joins the level
    after them is that level's too."""
    for d, e in zip(reversed(drafts[:-1]), reversed(drafts[1:])):
        level = e.target
        if d.is_change and not d.attached and e.is_change and e.attached and level is not None \
                and level.q.start > e.q.end and _RUN_ON.fullmatch(sent, d.q.end, e.q.start) \
                and _compatible(level, d) and not any(k == d.change_kind for k, _ in level.changes):
            level.changes.insert(0, (d.change_kind, d.changes[0][1]))
            level.kinds_known = level.kinds_known or d.kinds_known
            d.attached, d.target = True, level

#: a figure opening a bracket of the prior period's (2022年:10.5亿元)
_PRIOR_ASIDE = re.compile(r"(?:[(（]\s*(?:(?:19|20)\d{2}\s*年(?:度)?|上年|去年|上年度|去年同期|上年同期)\s*[:：]|"  # (2022年:10.5亿元)
                          r"[,，;；]\s*而\s*(?:19|20)\d{2}\s*年\s*(?:第?\s*[一二三四1-4]\s*季度|Q[1-4]|[上下]半年|全年|度)?\s*(?:则)?\s*(?:为|是)|"  # ,而2023年第二季度为…
                          r"[,，;；]\s*(?:而|但)?\s*(?:(?:19|20)\d{2}\s*年\s*同期|去年同期|上年同期|上一?个?季度|上季|(?:市场|分析师)(?:此前)?(?:一致|平均)?(?:预期|预估|预计))\s*(?:则)?\s*(?:为|是)?)\s*(?:人民币|港币|港元|美元)?\s*$")
# (,上年同期为354亿元; ,而2024年同期为…; ,市场预期760亿元: a prior or an expected figure in passing)

_AHEAD = re.compile(r"预计|预期|有望|计划|目标|将(?:会|有|再|继续)?(?:增长|增加|提升|上升|下降|减少|翻倍|达到)")  # (looks ahead)

#: a clause that is a comparison and a signed rate only (;环比-5%)
_BARE = r"(?:同比|环比|按年|按季|YoY|QoQ|yoy|qoq)\s*(?:{change_adverbs})?(?:{change_verbs})?(?:了)?\s*[:：]?\s*[+＋\-－−]?\s*"
_BARE_COMPARED = WordRegex(r"\s*" + _BARE)
#: … and the stretch from its level to it: other bare comparisons at most (;环比-5% ;同比+49%)
_BARE_COMPARED_RUN = WordRegex(r"[\s;；,，]*(?:" + _BARE + r"[\d.]+\s*(?:%|pct|个百分点)?[\s;；,，]*)*" + _BARE)

_SHARE_WORD = re.compile(r"占比|比重|份额|占有率|市场份额|市占率|渗透率")
_SHARE_BEFORE = re.compile(r"(?:占比|比重|份额|(?<![应所])占[^,，。;；\d]{0,8}的?)\s*(?:为|达|约|达到)?\s*$")  # (应占溢利: attributable, no share)

# a level compared against (较去年同期的10亿元增长20%, 相比9月份的1050辆环比增长66%): the change
# belongs to the level before it

def _compatible(level: Draft, change: Draft) -> bool:
    """An absolute change (净增4.88亿户) needs a level of the same unit; a relative one any level."""
    if change.change_kind == "abs" and change.q.kind != "points":
        return level.q.unit == change.q.unit
    if change.q.kind == "points":
        return level.q.unit == "percent"
    return True

#: a part's act named as a measure (海外出货, 储能电池交付): a metric of its own, not the level's before
_PART_ACT = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}(?:出货|交付|销售|出口|进口|生产)")


def _reattach(change: Draft, level: Draft) -> None:
    """Move ``change`` from the level it joined (if any) to ``level``."""
    kind, value = change.change_kind, change.changes[0][1]
    if change.attached and change.target is level:
        return
    if change.attached and change.target is not None:
        old = change.target.changes
        for i, (k, v) in enumerate(old):
            if v == value:
                del old[i]
                break
    # (one change of each kind, but two in points: 同比+4.2/+1.5pct,环比+1.5/+0.8pct)
    if not any(k == kind for k, _ in level.changes) or (kind == "abs" and [k for k, _ in level.changes].count("abs") == 1):
        level.changes.append((kind, value))
        change.attached, change.target = True, level

def _without_rounded_bounds(drafts: list[Draft]) -> list[Draft]:
    """移动端月活用户突破2亿,同比增长33%达2.09亿: a rounded bound (突破/超过/近 2亿) with the exact
    level of the same metric that meets it (within a fifth) in the sentence, after it or before it
    (收入107.2亿元,首次突破100亿元), restates that level: only the exact figure is a claim."""
    def restated(b: Draft) -> Draft | None:
        q = b.q
        if b.is_change or q.hedge_dir not in ("gt", "ge", "lt", "le") or not q.value:
            return None
        for x in drafts:
            if x is b or x.is_change or x.q.hedge_dir is not None or x.unit != b.unit:
                continue
            same = (x.metric_key and x.metric_key == b.metric_key) or (x.metric and x.metric == b.metric)
            meets = x.q.value >= q.value if q.hedge_dir in ("gt", "ge") else x.q.value <= q.value
            if same and meets and abs(x.q.value - q.value) <= 0.2 * abs(q.value):
                return x
        return None

    out = []
    for d in drafts:
        exact = restated(d)
        if exact is None:
            out.append(d)
            continue
        # …首次突破100亿元,同比增长62%: the change the bound took nearer is the exact level's
        exact.changes.extend(c for c in d.changes if not any(k == c[0] for k, _ in exact.changes))
    return out


#: a clause of cause between a level's two changes (同比增长5.6%,受春节淡季影响,环比下滑19.0%): no figure of its own
_CAUSE_CLAUSE = re.compile(r"\s*[,，]\s*(?:主要)?(?:受|因|由于|受到|得益于|受益于)[^,，;；。\d]{1,16}(?:影响|拖累|带动|推动|冲击)?\s*[,，]\s*[^,，;；。\d]{0,8}")
