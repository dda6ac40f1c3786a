"""The ``zhkg_claims`` spaCy component: an article's sentences in order, each through
:func:`build_claims`, with what carries from one to the next (the period and subject of the
paragraph, the period of a section's heading, the metric the text was giving), and the headings
that repeat the body's figures set aside."""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from ....text.offsets import Article
from ...frame import Frame, frame_words, published_month
from ...lexicon import load_lexicon
from ...numbers.find import find_quantities
from ...period_codes import article_year, quarter_end
from ...periods import find_periods
from .. import entities as ents_mod
from ..metric_names import metric_spans as lexicon_metric_spans
from ..tables import CURRENCY_WORDS, in_table
from .build import build_claims
from .draft import breaks_down, continues
from .forecasts import _FORECAST_SAID
from .filters import not_a_claim
from .metrics import RANK_AHEAD
from ...patterns import WordRegex


@Language.factory("zhkg_claims", default_config={"year": 0},
                  requires=["doc._.article", "doc._.mentions", "doc._.frame"], assigns=["doc._.claims"])
def make_claims(nlp: Language, name: str, year: int):
    lex = load_lexicon()

    def claims(doc: Doc) -> Doc:
        art: Article = doc._.article
        y = article_year(art.text, doc._.year or year or None)
        doc._.year = y
        out = []
        frame: Frame = doc._.frame or Frame()
        period = frame.period
        subject = None
        # (a fiscal quarter off the calendar's, 2024-08/2024-10, is a quarter too)
        quarter = frame.period if frame.period and (_QUARTER.fullmatch(frame.period) or quarter_end(frame.period)) else None
        prev_par = -1
        mentions: list[ents_mod.Mention] = sorted(doc._.mentions or [], key=lambda m: m.start)
        starts = [m.start for m in mentions]
        longest = max((m.end - m.start for m in mentions), default=0)
        all_metrics = lexicon_metric_spans(art.text, lex)  # once per article, not per sentence
        # (a dateline or an outlet's tag, 〔香港01〕, 北京12月31日电: where and when a story was filed, no figure)
        filed = doc._.filed or []
        # declarations of the scale of the amounts after them (单位:人民币百万元, (以人民币千元计)): where each starts
        # (not a label's own unit, 合约销售金额(人民币百万元):3,870, which is its number's alone)
        own = {a for a, _, _ in _unit_labels(art.text)}
        scales = [(m.start(), _MAGNITUDE[m.group("mag")], _CURRENCY.get(m.group("cur") or m.group("cur2") or "", "CNY"))
                  for m in frame_words().scale_note.finditer(art.text) if m.start() not in own]
        metric_starts = [a for a, _, _ in all_metrics]
        par, counted = 0, 0
        named = None  # the metric of the last claim that named one
        section = None  # the period a section's heading names
        earlier: list = []  # the claims of the last sentence that gave some (其中… goes on about them)
        lead = None  # the period of the paragraph's first claim
        placed = getattr(frame.entity, "cls", None) == "Place"  # (a place's statistics, not a company's results)
        for s in art.sentences():
            # paragraphs so far, counted once (a line ending in a comma or semicolon goes on: no new one)
            par += len(_PAR_BREAK.findall(art.text, counted, s.start))
            counted = s.start
            # the mentions and metric names of this sentence, found by bisection, not by a scan
            near = mentions[bisect_left(starts, s.start - longest):bisect_left(starts, s.end)]
            if par != prev_par:
                # a new paragraph starts afresh, unless it opens by continuing (其中, 同时 …): with
                # the period of its section's heading (2023年第二季度财务亮点), else the frame's
                if not continues(s.text):
                    # (a place's breakdown, 1-5月,全国港口…。\n分区域看,…: the period of the paragraph it breaks down)
                    subject, period = None, (lead if breaks_down(s.text) and lead and placed else section or frame.period)
                lead = None
                prev_par = par
            text = _blanked(s.text, s.start, filed)  # (本报上海11月14日电 10月份,…: no part of a metric)
            labels = _unit_labels(text)  # (销售面积(平方米):152,300: the label's unit is its number's)
            text = _blanked(text, 0, [m.span() for m in frame_words().scale_note.finditer(text)])  # (单位:人民币百万元: no figure)
            scale = next((x for x in reversed(scales) if x[0] < s.start + len(s.text)), None)  # (one inside the sentence: from it on)
            qs, used = _unit_labelled(text, _percent_labelled(text, find_quantities(text)), labels)
            text = _blanked(text, 0, used)  # (the label's unit, read: no part of its metric)
            qs = [q for q in _by_then_to(text, qs)
                  if not q.non_claim and not art.in_mojibake(s.start + q.start - 1, s.start + q.end + 1)
                  and not _inside_name(s.start + q.start, s.start + q.end, near, q.kind == "bare" and not q.magnitude_word)
                  and not not_a_claim(text, q)
                  and not in_table(doc, s.start + q.start, s.start + q.end)]  # a table cell: zhkg_tables
            local = [_shift(m, -s.start) for m in near if s.start <= m.start and m.end <= s.end]
            metric_spans = [(a - s.start, b - s.start, e)
                            for a, b, e in all_metrics[bisect_left(metric_starts, s.start):
                                                       bisect_left(metric_starts, s.end)]
                            if b <= s.end]
            if _is_heading(art.text, s) and not qs and art.text[:s.start].strip():  # (the title is the frame's)
                # a heading opens a section: its period (第二季度财务亮点) is the section's, a
                # heading that names none gives the frame's back
                ctx = quarter or (frame.period if re.fullmatch(r"\d{4}(?:H[12])?", frame.period or "") else None)  # (上年同期业绩情况)
                own = [p for p in find_periods(s.text, y, ctx, published_month(frame.published), frame.fiscal_end, fiscal_by_start=frame.fiscal_by_start)
                       if not p.base]
                # (a reporting period: a dateline's day, 2025年11月26日, opens no section)
                # (nor a table's header of columns: 项目 本报告期 上年同期 增减变动幅度)
                section = own[0].period if len(own) == 1 and _REPORTING.fullmatch(own[0].period) \
                    and not _DAY.search(s.text) and not _COLUMNS.search(s.text) else None
            prior = earlier if continues(s.text) else []
            drafts, period, subject = build_claims(
                text, qs, local, lex, y, period, subject, frame.entity or doc._.topic, quarter, metric_spans,
                frame, prior, previous=earlier)
            if drafts:
                earlier = drafts
                lead = lead or drafts[0].period
            if scale is not None:
                _declared_scale(text, [d for d in drafts if s.start + d.q.start > scale[0]], scale[1], scale[2])
            drafts = _header_columns(text, drafts)
            for d in drafts:
                _model_in_metric(text, d)
            for d in drafts:
                parent = next((x for x in prior if x.metric and x.is_change and not x.attached), None)
                if d.metric is None and d.is_change and not d.attached and parent is not None:
                    d.metric, d.metric_key = parent.metric, parent.metric_key  # 增加值同比增长4.7%。其中,9月份同比增长6.2%
                elif d.metric is None and not d.is_change and named is not None and RANK_AHEAD.match(s.text, d.q.end):
                    d.metric, d.metric_key = named  # 出货量1600万部…;vivo以1140万部位居第二: the measure ranked by
                elif d.metric is None and d.is_change and not d.attached and named is not None:
                    # 出货量7810万台…。vivo同比增长13.4%: a bare change that names no measure is
                    # of the measure the text was giving
                    d.metric, d.metric_key = named
                elif d.metric and not d.is_change and d.unit != "percent":
                    named = (d.metric, d.metric_key)  # (a rate grows in points, not in percent)
            # the quarter the text is about, for 同期/上季度: the frame's, when it reports a quarter
            if period and _QUARTER.fullmatch(period) and not (frame.period and _QUARTER.fullmatch(frame.period)):
                quarter = period
            out.extend((s, d) for d in drafts)
        doc._.claims = _without_heading_repeats(art.text, out)
        return doc

    return claims


_QUARTER = re.compile(r"\d{4}Q[1-4]")
_PAR_BREAK = re.compile(r"(?<![,，;；、])\n")
_SLASH = re.compile(r"\s*/\s*")  # (a/b/c: the figures of a series)


_MAGNITUDE = {"千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8}
_CURRENCY = {"人民币": "CNY", "港元": "HKD", "港币": "HKD", "美元": "USD"}
#: a row label naming its own unit or a per-share figure (每股…(人民币元), 每股基本盈利(人民币分)); not the
#: exception of a scale's note (以百万计,每股数据除外)
_OWN_UNIT = re.compile(r"每股(?![^()（）]{0,12}除外)|[(（]\s*(?:人民币|港币|港元|美元)?\s*[元分仙](?:/股)?\s*[)）]")


#: a model's code right before the verb of output of a count (其中ES8交付2652辆, G3交付1821辆)
_MODEL_BEFORE = re.compile(r"(?<![A-Za-z0-9])(?!(?:Q[1-4]|H[12]|FY\d{0,4})(?![A-Za-z0-9]))(?P<code>[A-Z]{1,3}\d{1,2}[A-Za-z]?)\s*(?:的)?\s*(?:交付|销售|出货|销量|交付量|出货量)(?:了|量)?\s*(?:为|达)?\s*$")


def _model_in_metric(text: str, d) -> None:
    """其中ES8交付2652辆 in the company's deliveries: the model's count, the code in the metric
    (ES8交付量), so it is no second 交付量 of the company; a model named as a subject keeps its own."""
    if d.is_change or not d.metric or d.subject is None or d.subject.cls == "Program":
        return
    m = _MODEL_BEFORE.search(text, max(0, d.q.start - 16), d.q.start)
    if m is not None and m.group("code") not in d.metric and d.subject.surface not in m.group("code") \
            and not text[max(0, m.start() - 4):m.start()].endswith(d.subject.surface):
        d.metric, d.metric_key = m.group("code") + d.metric, None


#: a flattened table's header on one line: its columns' years, then their currencies (截至3月31日止三个月
#: 2023 2024 2024 人民币 人民币 美元)
_CUR = dict(CURRENCY_WORDS)  # (the words of a table's currency columns, as the tables read them)
_CUR_WORD = "|".join(re.escape(w) for w in sorted(_CUR, key=len, reverse=True))
_HEADER = re.compile(r"(?P<years>(?:(?:19|20)\d{2}\s+){1,3}(?:19|20)\d{2})\s+(?P<curs>(?:(?:" + _CUR_WORD + r")\s*){2,4})")
#: the figures of a table's row after its label, up to a figure (总收入 31,144 31,513)
_ROW_FIGURES = re.compile(r"[^\u4e00-\u9fffA-Za-z]*$")


def _header_columns(text: str, drafts: list) -> list:
    """总收入 6,906 6,768 937 after a header of 2023 2024 2024 over 人民币 人民币 美元: the k-th figure
    of a row is of the k-th column, its year and currency; a column in US dollars beside one of the
    same year in renminbi restates it (a convenience translation), no claim."""
    head = _HEADER.search(text)
    if head is None:
        return drafts
    years = head.group("years").split()
    curs = [_CUR[c] for c in re.findall(_CUR_WORD, head.group("curs"))]
    if len(years) != len(curs):
        return drafts
    out = []
    for d in drafts:
        if d.q.start < head.end() or d.is_change:
            out.append(d)
            continue
        row = _ROW_FIGURES.search(text, head.end(), d.q.start)  # (what follows the row's label)
        k = len(re.findall(r"-?\d[\d,]*(?:\.\d+)?", row.group(0)))  # (the figures of the row before it)
        if k >= len(years):
            out.append(d)
            continue
        if curs[k] == "USD" and any(y == years[k] and c != "USD" for y, c in zip(years, curs)):
            continue
        if d.period and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12])?", d.period):
            d.period = years[k] + d.period[4:]
        if d.unit in ("CNY", "USD", "HKD"):
            d.unit = curs[k]
        out.append(d)
    return out


def _declared_scale(text: str, drafts: list, mult: float, currency: str) -> None:
    """营业收入 38,652 after 单位:人民币百万元: a bare amount of a money measure is in the scale and
    currency declared before it (per-share figures, rates and counts are not, nor a row that
    names its own unit: 每股净亏损(人民币元) (1.26))."""
    w = frame_words()
    for d in drafts:
        row = max(text.rfind(";", 0, d.q.start), text.rfind("；", 0, d.q.start), 0)  # (the row's label)
        if d.q.kind == "bare" and not d.is_change and d.metric and w.money_row is not None and w.money_row.search(d.metric) \
                and not w.not_money_row.search(d.metric) and not _OWN_UNIT.search(text, row, d.q.start):
            d.scale, d.unit = mult, currency


def _blanked(text: str, start: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (starting at ``start`` in the article) with the parts in ``spans`` blanked, offsets kept."""
    for a, b in spans:
        a, b = max(a - start, 0), min(b - start, len(text))
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _by_then_to(text: str, qs: list) -> list:
    """营收同比增加20亿元至120亿元: after a verb of change, amounts A至B are a change by A to the
    level B, not a range: two quantities (rates, 减少30.7%至37%, stay a range; so does a change
    after a range of levels: 净利润为5200万元到6500万元,…将减少6480万元到7780万元)."""
    from dataclasses import replace

    out = []
    for q in qs:
        k = max(q.surface.find("至"), q.surface.find("到"))
        levels = any(x.upper is not None and x.kind == q.kind and x.end <= q.start
                     and not re.search(r"[。；;!?！？\n]", text[x.end:q.start]) for x in out)
        if q.upper is None or k <= 0 or q.kind in ("percent", "points") or levels \
                or not _CHANGED.search(text, max(0, q.start - 8), q.start):
            out.append(q)
            continue
        for part, at in ((q.surface[:k], q.start), (q.surface[k + 1:], q.start + k + 1)):
            out.extend(replace(x, start=x.start + at, end=x.end + at) for x in find_quantities(part))
    return out


def _percent_labelled(text: str, qs: list) -> list:
    """毛利率(%) 25.3, 比上年同期增减(%) 11.34: a bare number after a label that declares it in
    percent is a percentage (0.253), as if written 25.3%."""
    from dataclasses import replace

    return [replace(q, kind="percent", unit="percent", value=q.value / 100,
                    upper=None if q.upper is None else q.upper / 100)
            if q.kind == "bare" and not q.magnitude_word and _PERCENT_LABEL.search(text, max(0, q.start - 8), q.start) else q
            for q in qs]


#: a label's own unit in brackets right before its number (销售面积(平方米):152,300, 营收(人民币百万元) 3,870)
_UNIT_LABEL = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])[(（]\s*(?P<u>(?P<cur>人民币|港币|港元|美元)?[^()（）\d%％:：,，;；。\s]{1,7}?)\s*[)）]"
                         r"(?=\s*[:：]?\s*-?\d)")
_CURRENCY_WORD = {"人民币": "元", "港币": "港元", "港元": "港元", "美元": "美元"}


def _unit_labels(text: str) -> list[tuple[int, int, str]]:
    """The brackets of labels stating their number's unit (start, end, the unit as said after a
    number: 人民币百万元 -> 百万元, 港币千元 -> 千港元)."""
    out = []
    for m in _UNIT_LABEL.finditer(text):
        unit = m["u"]
        if m["cur"]:
            rest = unit[len(m["cur"]):]
            if not re.fullmatch(r"(?:千|万|百万|千万|亿)?元", rest):
                continue
            unit = rest[:-1] + _CURRENCY_WORD[m["cur"]]
        out.append((m.start(), m.end(), unit))
    return out


def _unit_labelled(text: str, qs: list, labels: list[tuple[int, int, str]]) -> tuple[list, list[tuple[int, int]]]:
    """合约销售面积(平方米):152,300: a bare number right after a label's unit in brackets is in that
    unit, as if written 152,300平方米 (a word no number takes, 合约销售额(累计):…, changes nothing).
    Returns the quantities and the spans of the labels' units read."""
    from dataclasses import replace

    after = {}
    for a, b, unit in labels:
        after[re.compile(r"\s*[:：]?\s*").match(text, b).end()] = (a, b, unit)
    out, used = [], []
    for q in qs:
        a, b, unit = after.get(q.start, (0, 0, "")) if q.kind == "bare" and not q.magnitude_word else (0, 0, "")
        said = find_quantities(q.surface + unit) if unit else []
        if len(said) == 1 and said[0].kind != "bare" and said[0].start == 0 and said[0].end == len(q.surface) + len(unit):
            g = said[0]
            q = replace(q, value=g.value, unit=g.unit, kind=g.kind, unit_word=g.unit_word, magnitude_word=g.magnitude_word,
                        upper=g.upper)
            used.append((a, b))
            if (more := _SLASH.match(text, q.end)) is not None:
                after[more.end()] = (a, b, unit)  # 营业收入(亿元):4009.2/4193.6/4812.5: each figure of the series
        out.append(q)
    return out, used


#: a label's declared unit of percent right before its number ((%) 25.3, （%）：25.3)
_PERCENT_LABEL = re.compile(r"[(（]\s*[%％]\s*[)）]\s*[:：]?\s*$")
_CHANGED = WordRegex(r"(?:{change_verbs})(?:了)?\s*$")
#: a reporting period (a year, a quarter, a half, a span of months) and a day of a date
_COLUMNS = re.compile(r"\t|\S[ \u3000]{2,}\S|本报告期|本期")
_REPORTING = re.compile(r"\d{4}(?:Q[1-4]|H[12])?|\d{4}-\d{2}/\d{4}-\d{2}")
_DAY = re.compile(r"\d\s*日|[-/.]\d{1,2}[-/.]\d{1,2}")

#: a heading: a line of its own, short, not ended as a sentence is
_HEADING_MAX = 60
#: how far a heading's figure may round the body's (挫近八成 for 80.4%, 扩四成 for 43.1%)
_HEADING_ROUNDING = 0.1
#: a line that opens with one of these restates the body (a page's summary)
_SUMMARY_LEADS = ("摘要", "导语", "导读", "核心提示", "内容提要", "提要")
_SENTENCE_END = "。！？!?；;…"


def _is_heading(text: str, s) -> bool:
    a = text.rfind("\n", 0, s.start) + 1
    b = text.find("\n", s.end)
    line = text[a:b if b >= 0 else len(text)].strip()
    if line.startswith(_SUMMARY_LEADS) and text[a:s.start].strip() in ("", *_SUMMARY_LEADS) or \
            line.startswith(_SUMMARY_LEADS) and s.start - a <= 8:
        return True  # 摘要: …, 导语: … restate the body
    return bool(line) and len(line) <= _HEADING_MAX and not line.endswith(tuple(_SENTENCE_END)) \
        and text[a:s.start].strip() == "" and s.text.strip() == line


def _without_heading_repeats(text: str, out: list) -> list:
    """A headline or subhead repeats figures of the body (美团次季经调整少赚89%), or sums up a
    change the body states exactly (出货翻倍: 同比增长160%): each is annotated once, from the body,
    where its context is; a heading's own figure stays."""
    def figures(d) -> set[float]:
        return {round(d.q.value, 9), *(round(abs(v), 9) for _, v in d.changes)} | \
            ({round(abs(d.q.value), 9)} if d.is_change else set())

    heads = {id(s) for s, _ in out if _is_heading(text, s)}
    if not heads:
        return out
    def ahead(d) -> bool:  # (a heading's result is no rounded guidance of the body: 营收:428.7亿元 … 预计Q4营收443亿元)
        return bool(_FORECAST_SAID.search(d.metric or ""))

    body: set[tuple[str | None, float, bool]] = set()
    moved: set[tuple[str | None, str | None]] = set()  # the measures whose change the body states
    for s, d in out:
        if id(s) not in heads:
            body |= {(d.unit if not d.is_change else "change", v, ahead(d)) for v in figures(d)}
            body |= {("change", round(abs(v), 9), ahead(d)) for _, v in d.changes}
            if d.is_change or d.changes:
                moved.add((d.metric, d.period))
    def near(kind, v: float, d) -> bool:  # a heading rounds the body's figure (扩四成: 43.1%), not its guidance's
        own = ahead(d)
        return any(k == kind and abs(abs(b) - abs(v)) <= (_HEADING_ROUNDING if own or not f else 1e-9) * abs(b)
                   for k, b, f in body)

    def repeated(d) -> bool:
        if d.is_change:  # (出货翻倍 over the body's 同比增长160% of the same measure: the body's is the figure)
            return near("change", d.q.value, d) or (d.metric, d.period) in moved
        return near(d.unit, d.q.value, d)
    return [(s, d) for s, d in out if id(s) not in heads or not repeated(d)]


def _inside_name(a: int, b: int, mentions, bare: bool = False) -> bool:
    """A number inside a name (36氪, 7-Eleven, a title's 《飞驰人生2》) is part of the name, and so are
    bare digits glued to a maker's name (极氪001: a model); a program's name (10亿补贴计划) still
    states its amount, not a bare number."""
    return any(m.start <= a and b <= m.end and (m.cls != "Program" or bare) for m in mentions) \
        or (bare and any(m.end == a and m.cls in ("Company", "Platform") for m in mentions))
    # (极氪001交付1.2万辆, 小米14销量: bare digits glued to a maker's name are its model's)


def _shift(m: ents_mod.Mention, by: int) -> ents_mod.Mention:
    from dataclasses import replace

    return replace(m, start=m.start + by, end=m.end + by)
