"""Lists: 分别 maps a list of numbers item by item onto the names, metrics or periods before it;
lists of changes go to the levels they follow.
"""
from __future__ import annotations

import re

from ...periods import PeriodMention
from ..entities import Mention
from ...patterns import WordRegex, load_patterns
from .draft import Draft, _CLAUSE_END, _HARD_STOP, _LIST_ITEM, _LIST_SEP, _TRIM_HEAD, _may_be_subject, _clause_start
from .changes import _reattach
from .subjects import _ranked_before
from .timing import _YEAR_LIST, _YEAR_RANGE
from ....text.chars import _jieba

def _share_enumerated_metrics(sent: str, drafts: list[Draft]) -> None:
    """分别有52.8%、51.7%的广告主…: numbers listed with 、 share the metric of the last one (and
    its unit, when they have none of their own)."""
    for i in range(len(drafts) - 2, -1, -1):
        a, b = drafts[i], drafts[i + 1]
        if sent[a.q.end:b.q.start].strip() in ("、", "和", "与", "及") and b.metric and a.metric is None:
            a.metric, a.metric_key = b.metric, b.metric_key
            if a.q.unit_word is None and a.q.kind == "bare":  # 6亿和3亿日活跃用户: users, both
                a.unit = b.unit

_RESPECTIVELY = re.compile(r"分别")
#: an earlier forecast in brackets after an item (201.8亿元(前值215.6亿元)): no item of the list
_PRIOR_BRACKET = re.compile(r"[(（]\s*(?:前值|原值|原预测值?|前次预测|此前预测|调整前)[^()（）]{0,24}[)）]")

_GROUP_LEAD = re.compile(r"[^,，;；。:：]{0,10}")  # 分别 … the first number: a verb, no clause break

# changes listed each with its verb (出口、进口分别增长1.3%和下降7.6%)
_VERB_SEP = WordRegex(r"\s*(?:、|和|与|及|以及|,|，)?\s*(?:{change_verbs})了?\s*")
_SLASH = re.compile(r"\s*/\s*")
_SIGNED_SLASH = re.compile(r"\s*/\s*[+＋]\s*")
_PAIR_LEAD = re.compile(r"同环比|同比\s*/\s*环比|同\s*/\s*环比|yoy/qoq", re.I)
_PAIR_TAGS = re.compile(r"\s*(?:YoY|同比)\s*/\s*(?:QoQ|环比)", re.I)

def _respective_groups(sent: str, drafts: list[Draft]) -> list[list[Draft]]:
    """The numbers each 分别 distributes (分别为4821亿元和5097亿元): two or more, listed with
    、/和/与/及, right after it in its clause; and numbers written a/b/c, which analysts' notes
    use for 分别 (23-25年归母净利润为450/560/680亿元, 同增47%/24%/21%)."""
    out = _slash_runs(sent, drafts)
    taken = {id(d) for run in out for d in run}
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
            gap = _PRIOR_BRACKET.sub("", sent[run[-1].q.end:d.q.start])  # (a/b(前值c)/d: the earlier forecast aside)
            # (分别增长4.2%5.0%6.7%: a flattened table glues percentages with no separator)
            if not (_LIST_SEP.fullmatch(gap) or (d.is_change and run[-1].is_change and _VERB_SEP.fullmatch(gap))
                    or (gap == "" and run[-1].q.surface.endswith(("%", "％", "‰"))
                                                 and d.q.kind == run[-1].q.kind)):
                break
            run.append(d)
        if len(run) >= 2 and not any(id(d) in taken for d in run):
            out.append(run)
            # (…分别为43.2%和42.0%,比上月下降6.7和4.9个百分点: the changes after it are as many, in turn)
            moves = [d for d in drafts if d.q.start >= run[-1].q.end and d.q.end <= stop][:len(run)]
            if len(moves) == len(run) and moves[0].is_change and moves[0].changes and _CHANGES_AFTER.fullmatch(sent, run[-1].q.end, moves[0].q.start) \
                    and all(_LIST_SEP.fullmatch(sent, a.q.end, b.q.start) and b.q.kind == moves[0].q.kind for a, b in zip(moves, moves[1:])):
                for d in moves[1:]:  # (…和4.9个百分点: the next ones move the same way)
                    if not d.is_change:
                        d.is_change, d.change_kind = True, moves[0].change_kind
                        d.changes = [(d.change_kind, (-1 if moves[0].changes[0][1] < 0 else 1) * abs(d.q.value))]
                out.append(moves)
    return sorted(out, key=lambda r: r[0].q.start)


#: a clause of changes after a list of levels: a comparison and a verb of change, no measure of its own
_CHANGES_AFTER = WordRegex(r"\s*[,，]\s*(?:{change_comparisons})\s*(?:{change_adverbs})?(?:{change_verbs})了?\s*")

def _slash_runs(sent: str, drafts: list[Draft]) -> list[list[Draft]]:
    """Numbers written a/b/c, and numbers of one kind listed with 、 (同比增长了13%、12%),
    which distribute as a 分别 list does."""
    out: list[list[Draft]] = []
    run: list[Draft] = []
    for d in drafts:
        gap = _PRIOR_BRACKET.sub("", sent[run[-1].q.end:d.q.start]) if run else ""
        listed = bool(re.fullmatch(r"\s*、\s*[+＋]?\s*", gap)) if run else False
        listed = listed or (gap.strip() in ("和", "及", "与", "以及") and len(run) >= 2
                                          and sent[run[-2].q.end:run[-1].q.start].strip() == "、")
        pair = bool(run) and len(run) == 1 and (_PAIR_LEAD.search(sent, max(0, run[0].q.start - 8), run[0].q.start)
                                               or _PAIR_TAGS.match(sent, d.q.end))  # (+25%/+6% YoY/QoQ)
        signed = _SIGNED_SLASH.fullmatch(gap) if run else False
        # (同比+15%/+17%/+16%: a list; 同环比+3.6%/+1.5%, 同环比-14.9%/-21.6%: one figure's two changes)
        if run and d.q.kind == run[-1].q.kind and not pair and (_SLASH.fullmatch(gap) or listed or signed):  # a、b和c: one list
            run.append(d)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [d]
    if len(run) >= 2:
        out.append(run)
    return out

def _list_lead(sent: str, run: list[Draft]) -> int:
    """Where the names, metrics and periods a list maps onto end: its 分别, else its first number."""
    k = sent.rfind("分别", 0, run[0].q.start)
    return k if k >= 0 and not _CLAUSE_END.search(sent, k, run[0].q.start) else run[0].q.start

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
            elif d.is_change and d.change_kind == "growth" and first.change_kind != "growth":
                d.regrade(first.change_kind)  # 同比+15%/+17%/+16%: the comparison said once is every item's
            elif d.is_change and d.change_kind == "growth" and first.change_kind != "growth":
                # 同比+56.1%/+136.1%: the list shares its first item's comparison
                d.change_kind = first.change_kind
                d.changes = [(first.change_kind, v) for _, v in d.changes]

#: a name's aside in brackets inside a list (OPPO(含一加)和传音)
_ASIDE = re.compile(r"[(（][^()（）\d]{1,12}[)）]")


def _coordinated_before(sent: str, pos: int, spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """The list of names (腾讯、阿里巴巴和京东) that ends nearest before ``pos`` in its sentence,
    joined by 、/和/与/及; ``spans`` are (start, end, payload), in order."""
    asides = [m.span() for m in _ASIDE.finditer(sent, 0, pos)]
    cands = [x for x in spans if x[1] <= pos and not any(a < x[0] and x[1] < b for a, b in asides)]
    if not cands or _HARD_STOP.search(sent, cands[-1][1], pos):
        return []
    run = [cands[-1]]
    for x in reversed(cands[:-1]):
        if x[1] > run[0][0] or not _LIST_SEP.fullmatch(_ASIDE.sub("", sent[x[1]:run[0][0]])):  # (OPPO(含一加)和传音)
            break
        run.insert(0, x)
    return run

def _distribute(sent: str, drafts: list[Draft], out: list[Draft], mentions: list[Mention],
                lex_metrics: list[tuple[int, int, object]], periods: list[PeriodMention],
                owner: Mention | None = None, earlier: list[Draft] = ()) -> list[Draft]:
    """分别 maps a list of numbers item by item onto the list of names before it: 腾讯、阿里巴巴的
    营收分别为a和b gives a to 腾讯 and b to 阿里巴巴; 日活和月活分别为a、b gives the metrics in turn,
    2019年和2020年的营收分别为a和b the periods; groups no name denotes (网约车、互联网医疗用户规模) are
    the subjects, except in a company's results (``owner``), where they are its segments (鞋类收入);
    a list of changes after a list of levels (分别达到6亿、3亿,同比分别增长20%、25%) goes to the
    levels in turn. A list whose length differs from the numbers' is left alone. Returns the
    drafts that remain claims of their own."""
    subjects = [(m.start, m.end, m) for m in mentions if _may_be_subject(m)]
    levels: list[Draft] | None = None
    spent: set[int] = set()
    asides = [m.span() for m in _PRIOR_BRACKET.finditer(sent)]
    prior = [d for d in drafts if any(a <= d.q.start and d.q.end <= b for a, b in asides)]
    for run in _respective_groups(sent, [d for d in drafts if d not in prior]):
        k = _list_lead(sent, run)
        names = _coordinated_before(sent, k, subjects)
        if len(names) == len(run):
            areas = all(m.surface.startswith(_AREAS) for _, _, m in names)  # 城镇(居民)和农村居民人均可支配收入分别为…
            parts = _listed_parts(sent, k, [], len(run)) if areas else []
            for i, (d, (_, _, m)) in enumerate(zip(run, names)):
                d.subject, d.subject_here = m, True
                listed = next((x.surface for _, _, x in names if d.metric and d.metric.startswith(x.surface) and len(d.metric) > len(x.surface)), None)
                if listed:  # (太保寿险、太保产险分别实现原保费收入…: a listed name is no part of the metric)
                    d.metric, d.metric_key = d.metric[len(listed):], None
                if parts:
                    d.metric, d.metric_key = parts[i], None
        segments: list[Mention] = []
        if len(names) != len(run):  # 网约车、互联网医疗用户规模分别增长…: a list of groups no name denotes
            segments = _listed_segments(sent, k, lex_metrics, len(run), subjects)
            named = [m for _, b, m in subjects if segments and b <= segments[0].start
                     and sent[b:segments[0].start].strip() in ("", "的")]  # 华远公司国内及海外收入: its segments
            for d, m in zip(run, segments):
                d.subject, d.subject_here = m, True
                if d.metric and segments[-1].surface in d.metric:  # the list is no part of the metric
                    d.metric = d.metric[d.metric.index(segments[-1].surface) + len(segments[-1].surface):] or d.metric
                if owner is not None or named:  # 鞋类、服装收入分别为… in a company's results: its segments' figures
                    d.subject, d.metric, d.metric_key = named[-1] if named else owner, m.label + (d.metric or ""), None
        if len(names) != len(run) and not segments and (ranked := _ranked_before(sent, k, len(run), subjects)):
            for d, m in zip(run, ranked):  # 增长前三强为A、B、C,…增量分别为…: the ranked, in turn
                d.subject, d.subject_here = m, True
        metrics = _coordinated_before(sent, k, lex_metrics)
        counted = all(d.q.kind in ("count", "measure") for d in run)
        parts = _listed_parts(sent, k, mentions, len(run), counted) if len(names) != len(run) and not segments else []
        before = [x for x in drafts if not x.is_change and x.q.end <= run[0].q.start and x.metric]
        if _PRIOR_LIST.search(sent, _clause_start(sent, run[0].q.start), run[0].q.start) and len(before) >= len(run) \
                and all(d.q.unit == x.q.unit for d, x in zip(run, before[-len(run):])):
            # 日活跃用户达3.83亿,月活跃用户为7亿,上年同期分别为3.65亿、6.46亿: the prior figures of the levels in turn
            for d, x in zip(run, before[-len(run):]):
                d.metric, d.metric_key = x.metric, x.metric_key
        elif len(metrics) == len(run):
            for d, (a, b, e) in zip(run, metrics):
                d.metric, d.metric_key = sent[a:b], e.key
        elif parts and all(_PERIOD_ITEM.fullmatch(x) for x in parts) and before and before[-1].q.unit == run[0].q.unit:
            for d in run:  # 毛利率为13.1%,上年同期及上季度分别为11.0%和12.2%: the level's earlier figures
                d.metric, d.metric_key = before[-1].metric, before[-1].metric_key
        elif parts:  # 常规店、直营店和奥莱店数量分别为…: 常规店数量, 直营店数量, 奥莱店数量
            for d, metric in zip(run, parts):  # (城镇和乡村人口分别占…: 城镇人口占比, 乡村人口占比)
                share = d.metric and d.metric.endswith("占比") and not metric.endswith("占比")
                named = (d.metric or "").partition("分别")[2]  # (经纪、投行业务分别实现收入…: 经纪业务收入)
                d.metric, d.metric_key = metric + ("占比" if share else named if len(named) >= 2 and named not in metric else ""), None
        else:  # 对应PE为36/29/24倍: the items after the first name no metric of their own
            for d in run[1:]:  # (nor after an earlier forecast's aside: a(前值b)、c)
                if d.metric is None or (d.q.unit_word and d.metric.endswith(f"{d.q.unit_word}数")) \
                        or re.fullmatch(r"(?:预测)?(?:前值|原值|原预测值?)", d.metric):
                    d.metric, d.metric_key = run[0].metric, run[0].metric_key
        _paired(run)
        spans = [(p.start, p.end, p) for p in periods if not p.base]
        dated = _coordinated_before(sent, k, spans)
        if len(dated) == len(run):
            for d, (_, _, p) in zip(run, dated):
                d.period = p.period
        elif (quarters := _quarter_span_before(sent, k, len(run), run[0].period)) is not None:
            for d, code in zip(run, quarters):  # 21Q1-Q4流水分别增长…: each figure its quarter
                d.period = code
        elif (span := _year_span_before(sent, k, len(run))) is not None:
            years, (a, b) = span
            for d, y in zip(run, years):
                d.period = y
            spent.update(id(x) for x in out if a <= x.q.start and x.q.end <= b)  # 23-25年 is no duration
        elif (years := _years_listed_before(earlier, len(run))) is not None and all(d.period in (None, run[0].period) for d in run):
            for d, y in zip(run, years):  # …归母净利润分别为a/b/c亿元。对应PE分别为…: the years of the sentence before
                d.period = y
        clause = _clause_start(sent, run[0].q.start)
        if levels is not None and len(levels) == len(run) and all(d.q.kind == "percent" and not d.is_change for d in run) \
                and all(x.q.kind != "percent" and x.metric for x in levels) \
                and _SHARES_OF_LISTED.fullmatch(sent, clause, run[0].q.start):
            # 收入分别为107.7/51.7/62.8亿元,占比分别为47.7%/22.9%/27.8%: each level's share
            for d, level in zip(run, levels):
                d.metric, d.metric_key = level.metric + "占比", None
            continue
        if all(not d.is_change for d in run):
            levels = run
        elif all(d.is_change for d in run):
            if levels is None or len(levels) != len(run):
                # 实现销售收入1500亿元,净利润224亿元,分别同比增长37%、45%: the levels listed before
                before = [x for x in drafts if not x.is_change and x.q.end <= run[0].q.start]
                levels = before[-len(run):] if len(before) >= len(run) else None
            if levels is not None:
                for change, level in zip(run, levels):
                    _reattach(change, level)
    items = [d for d in drafts if d not in prior]
    for a, b in asides:  # 201.8亿元(前值215.6亿元): the earlier forecast of the item it follows;
        inside = [d for d in prior if a <= d.q.start < b]  # …a/b/c亿元(原预测为d/e亿元): of the items in turn
        before = [x for x in items if x.q.end <= a and x.metric]
        mates = before[-1:] if len(inside) == 1 else before[:len(inside)]
        for d, item in zip(inside, mates):
            d.period, d.metric, d.metric_key = item.period, "原" + item.metric.removeprefix("原"), None
    return [d for d in out if not d.attached and id(d) not in spent]

#: a period named as a list item (上年同期及上季度分别为…)
_PERIOD_ITEM = re.compile(r"(?:而|则)?(?:去年|上年|上一?|前一?)(?:个)?(?:同期|季度|季|年度?|月|财年|财季)")
#: a clause listing the prior period's figures of the levels before it (,上年同期分别为…, 去年同期则分别为…)
_PRIOR_LIST = re.compile(r"(?:上年同期|去年同期|上年|去年|上季度|上一季度)(?:则)?(?:分别)?(?:为|是)?(?:分别)?(?:为|是)?\s*$")


#: the clause of a list of shares of the levels listed before it (占比分别为, 分别占比)
_SHARES_OF_LISTED = re.compile(r"\s*(?:其|各自)?\s*(?:分别)?\s*(?:占比|比重|占比重|占[\u4e00-\u9fff]{0,6}?(?:比重|比例))\s*(?:分别)?\s*(?:为|是|达到?)?\s*")

def _paired(run: list[Draft]) -> None:
    """汽车产销分别完成285.5万辆和285.3万辆: two figures of a word naming two measures (产销,
    进出口, 收支) are one of each, in order (汽车产量, 汽车销量)."""
    metric = run[0].metric or ""
    if len(run) != 2 or any(d.metric != metric for d in run):
        return
    pairs = load_patterns().paired_measures or {}
    word = next((w for w in pairs if metric.endswith(w)), None)  # (longest first)
    if word is not None:
        for d, part in zip(run, pairs[word]):
            d.metric, d.metric_key = metric[:-len(word)] + part, None

_SENTENCE_STOP = re.compile(r"[。!?！？\n]")

def _year_span_before(sent: str, pos: int, n: int) -> tuple[list[str], tuple[int, int]] | None:
    """The years of the last span of years before ``pos`` in its sentence, when there are ``n``
    of them (我们预计公司2023-2025年归母净利润分别为a、b、c, 24-26年, 2024E-2026E), and where
    the span is written."""
    spans = [m for m in (*_YEAR_RANGE.finditer(sent, 0, pos), *_YEAR_LIST.finditer(sent, 0, pos))
             if not _SENTENCE_STOP.search(sent, m.end(), pos)]  # (…收入分别为a/b/c亿元;归母净利润分别为…: the same years)
    if not spans:
        return None
    spans.sort(key=lambda m: m.end())
    if spans[-1].re is _YEAR_LIST:  # 22/23/24年: the years listed
        years = [str(int(y) if len(y) == 4 else 2000 + int(y)) for y in re.findall(r"\d+", spans[-1].group(0))]
        return (years, spans[-1].span()) if len(years) == n else None
    a, b = (int(x) if len(x) == 4 else 2000 + int(x) for x in (spans[-1].group("y1"), spans[-1].group("y2")))
    return ([str(y) for y in range(a, b + 1)], spans[-1].span()) if b - a + 1 == n else None

def _years_listed_before(earlier: list[Draft], n: int) -> list[str] | None:
    """The years of the last ``n`` figures of the sentence before, when they are ``n`` years in turn
    (a forecast's 2024, 2025, 2026), the last one maybe the part of its year reported so far (a
    prospectus's 2021, 2022, 2023, 2024-01/2024-09)."""
    last = [d.period for d in earlier[-n:]] if n > 1 and len(earlier) >= n else []
    if not last or not all(p and re.fullmatch(r"\d{4}", p) for p in last[:-1]) or not re.match(r"\d{4}", last[-1] or ""):
        return None
    y = int(last[0])
    return last if [int(p) for p in last[:-1]] == list(range(y, y + n - 1)) \
        and re.fullmatch(rf"{y + n - 1}(?:-01/{y + n - 1}-\d\d|H1|Q1)?", last[-1]) else None

#: a span of quarters (21Q1-Q4, 2021Q1-Q4, Q1-Q3, 一至四季度, 第一至第三季度)
_QUARTER_RANGE = re.compile(r"(?:(?P<y>(?:19|20)?\d{2})\s*年?\s*)?(?:Q(?P<q1>[1-4])\s*(?:-|－|~|～|—|–|至|到)\s*Q(?P<q2>[1-4])|"
                            r"第?(?P<c1>[一二三四])\s*(?:季度)?\s*(?:至|到|-|—)\s*第?(?P<c2>[一二三四])\s*季度)")
_CN_Q = {"一": 1, "二": 2, "三": 3, "四": 4}

def _quarter_span_before(sent: str, pos: int, n: int, period: str | None) -> list[str] | None:
    """The quarters of the last span of quarters before ``pos`` in its sentence when there are
    ``n`` of them, of the year the span or the figures' period names."""
    spans = [m for m in _QUARTER_RANGE.finditer(sent, 0, pos) if not _HARD_STOP.search(sent, m.end(), pos)]
    if not spans:
        return None
    m = spans[-1]
    q1, q2 = (int(m.group("q1")), int(m.group("q2"))) if m.group("q1") else (_CN_Q[m.group("c1")], _CN_Q[m.group("c2")])
    y = m.group("y")
    year = (int(y) if len(y) == 4 else 2000 + int(y)) if y else (int(period[:4]) if period and period[:4].isdigit() else None)
    if year is None or q2 - q1 + 1 != n:
        return None
    return [f"{year}Q{q}" for q in range(q1, q2 + 1)]

_WHOLE_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,16}")
#: kinds of area a bulletin lists (城镇和农村居民…, 城市、农村价格)
_AREAS = ("城镇", "农村", "乡村", "城市", "城区", "郊区")
_LAST_ITEM = re.compile(r"(?:\d{1,2}[A-Za-z])?[\u4e00-\u9fffA-Za-z]{2,12}")  # (the last item holds the measure: 其他用品及服务价格)

def _of_one_width(items: list[str], words: bool = True) -> list[str] | None:
    """Items of one width, the last with the measure after it (小学、初中、高中在校生: 小学在校生 …), or
    with none (出口、进口: each item is its measure)."""
    from .metrics import _names_metric

    size = {len(x) for x in items[:-1]}
    if len(size) != 1 or not all(_LIST_ITEM.fullmatch(x) for x in items[:-1]) or any(_names_metric(x) for x in items[:-1]):
        return None
    width = size.pop()
    cuts = {0}
    for w in _jieba().lcut(items[-1]):
        cuts.add(max(cuts) + len(w))
    if words and width not in cuts:
        return None  # (泰国及新加坡业务…: 新加|坡 is no cut of the last item; 第三|产业 of ordinals is)
    head = items[-1][width:]
    return [x + head for x in items[:-1]] + [items[-1]] if (not head and not _names_metric(items[-1])) or len(head) >= 2 else None


_SAID_COMPARED = re.compile(r"\s*(?:同比|环比|按年|按季|(?:比|较)(?:上年|去年)(?:同期)?)\s*$")


def _listed_parts(sent: str, pos: int, mentions: list[Mention], n: int, counted: bool = False) -> list[str]:
    """The metrics of a list of ``n`` parts sharing the measure the last one ends with, right
    before ``pos`` (常规店、直营店和奥莱店数量分别为 -> 常规店数量, 直营店数量, 奥莱店数量); none
    unless the list is exactly ``n`` plain words and the measure names a metric, or the figures
    are ``counted`` things the items name (常规店、直营店和奥莱店分别为4800/1300/1100家: each its 数量)."""
    from .metrics import _names_metric

    clause = _clause_start(sent, pos)
    first = sent.find("、", clause, pos)  # a name inside the list (金融科技) is an item, no subject before it
    limit = first if first >= 0 else pos
    clause = max([clause, *(m.end for m in mentions if clause <= m.end <= limit and _may_be_subject(m)
                            and not _LIST_SEP.match(sent, m.end) and m.surface not in _AREAS)])
    # (城镇和乡村人口, 城镇居民和农村居民…: 城镇 is the first item)
    stretch = re.sub(r"^(?:\d{4}年(?:度)?|全年|当年|今年|上半年|下半年|(?:1[0-2]|[1-9])月份?|第?[一二三四1-4]季度|本季度|Q[1-4]|"
                     r"其中|同时|此外|的|(?:全省|全市|全区|全县|全国)(?=城镇|农村|乡村|城市))+\s*", "", sent[clause:pos].strip()).removesuffix("的")
    stretch = _SAID_COMPARED.sub("", stretch)  # (…通讯器材销售额同比分别增长: the comparison is no part of the last item)
    stretch = _TRIM_HEAD.sub("", stretch) or stretch  # (该行资本充足率、一级资本充足率…: 资本充足率 first)
    items = _LIST_SEP.split(stretch) if stretch else []
    if len(items) != n and stretch.count("、") == n - 1:
        items = stretch.split("、")  # 生活用品及服务、交通通信…: an item may hold 及 itself
    ordinals = len(items) == n and bool(re.fullmatch(r"第[一二三四五六七八九十]", items[0]))
    if ordinals:  # 第一、二、三产业增加值: 第二, 第三产业增加值
        items = [items[0]] + ["第" + x if re.match(r"[一二三四五六七八九十]", x) else x for x in items[1:]]
        return _of_one_width(items, words=False) or []
    if len(items) == n > 1 and all(x in ("东", "南", "西", "北", "中") for x in items[:-1]) and re.match(r"[东南西北中]部", items[-1]):
        return [x + items[-1][1:] for x in items[:-1]] + [items[-1]]  # 东、中、西部地区快递业务量: 东部地区快递业务量…
    if len(items) == n and all(_names_metric(x) and _WHOLE_ITEM.fullmatch(x) for x in items):
        return items  # 人均工资性收入、经营净收入、财产净收入、转移净收入分别为…: each names its own measure
    if len(items) != n or not all(_LIST_ITEM.fullmatch(x) for x in items[:-1]) or not _LAST_ITEM.fullmatch(items[-1] if items else ""):
        return []
    if shared := _shared_head(items):  # 每股基本及摊薄收益: 每股摊薄收益
        items = [items[0]] + [shared + x for x in items[1:]]
    last = items[-1]
    area = next((a for a in _AREAS if last.startswith(a)), None)
    if area and all(x in _AREAS for x in items[:-1]) and _names_metric(last[len(area):]):
        return [x + last[len(area):] for x in items[:-1]] + [last]  # 城镇和农村居民人均可支配收入: 城镇居民…
    if area and all(any(x.startswith(a) and last[len(area):].startswith(x[len(a):]) and len(x) > len(a) for a in _AREAS)
                    for x in items[:-1]):  # 城镇居民和农村居民人均消费支出: 城镇居民人均消费支出…
        group = items[0][next(len(a) for a in _AREAS if items[0].startswith(a)):]
        if _names_metric(last[len(area) + len(group):]):
            return [x + last[len(area) + len(group):] for x in items[:-1]] + [last]
    kind = _kind_at(items)
    if kind is not None and _names_metric(last[kind:]):  # 东部、中部和东北地区电信业务收入: 东部地区电信业务收入
        return [x + last[kind:] for x in items[:-1]] + [last]
    # the shortest measure the last item ends with, cut where no word spans the cut (管理|费用率, not 管理费|用率)
    freq = _jieba().dt.FREQ
    head = next((last[i:] for i in range(len(last) - 2, 0, -1)
                 if (_names_metric(last[i:]) or shared and i > len(shared) and _names_metric(shared + last[i:]))
                 and (freq.get(last[i - 1:i + 1]) or 0) < 100), None)
    if head is None:
        if counted and not any(_names_metric(x) for x in items):
            return [x + "数量" for x in items]  # (常规店、直营店和奥莱店分别为…家: each its 数量)
        return _of_one_width(items) or []
    return [x + head for x in items[:-1]] + [last]

def _shared_head(items: list[str]) -> str:
    """The head the first item opens with and the others lack (每股 of 每股基本、摊薄), else ""."""
    head = next((h for h in load_patterns().shared_heads if items[0].startswith(h) and len(items[0]) > len(h)), "")
    return head if head and not any(x.startswith(head) for x in items[1:]) else ""


def _kind_at(items: list[str]) -> int | None:
    """Where in the last item starts the kind it names for every item (地区 of 东部、中部和东北地区…), if any."""
    last = items[-1]
    return next((j for k in load_patterns().list_kinds for j in [last.find(k)]
                 if 0 < j <= 4 and not any(k in x for x in items[:-1])), None)


def _listed_segments(sent: str, pos: int, lex_metrics: list[tuple[int, int, object]], n: int,
                     subjects: list[tuple[int, int, Mention]] = ()) -> list[Mention]:
    """The ``n`` items listed with 、/和 right before the metric that precedes ``pos`` in its
    clause (网约车、互联网医疗 in 网约车、互联网医疗用户规模…分别), as segments; none if the list
    is not exactly ``n`` plain words. A name before the list (腾讯国内及海外收入) is none of it,
    and a head the first item opens with is the others' too (每股基本和摊薄盈利: 每股摊薄)."""
    metric = next((x for x in reversed(lex_metrics) if x[1] <= pos), None)
    if metric is None:
        return []
    clause = _clause_start(sent, metric[0])
    sep = _LIST_SEP.search(sent, clause, metric[0])
    name = max(((b, m) for _, b, m in subjects if clause <= b < (sep.start() if sep else metric[0])),
               default=None, key=lambda x: x[0])  # (城镇和农村居民…: a name that is the first item stays)
    if name is not None and not re.search(r"[、和及与]\s*" + re.escape(name[1].surface), sent[name[0]:metric[0]]):
        clause = name[0]  # (星河打车、星河医疗用户规模: names of one brand listed, not a name before the list)
    stretch = re.sub(r"^(?:\d{4}年(?:度)?|全年|当年|今年|上半年|下半年|(?:1[0-2]|[1-9])月份?|其中|同时|此外)+\s*", "", sent[clause:metric[0]]).removesuffix("的")
    items = _LIST_SEP.split(stretch) if stretch else []
    if len(items) != n or not all(_LIST_ITEM.fullmatch(x) for x in items):
        return []
    shared = _shared_head(items)
    kind = _kind_at(items)
    tail = items[-1][kind:] if kind is not None else ""  # (线上和线下渠道收入: 线上渠道)
    out, at = [], sent.index(stretch, clause)
    for i, x in enumerate(items):
        a = sent.index(x, at)
        label = (shared + x if i and shared else x) + (tail if i < len(items) - 1 else "")
        out.append(Mention(a, a + len(x), "Segment", label, x, "pattern", 0.5))
        at = a + len(x)
    return out
