"""The parts of what a figure is about, which go into the metric: a segment a sentence goes on about
(新业务分部…,经营亏损…), a part heading its sentence (高纯晶硅方面), a part after 其中 (其中城市上涨0.5%,
其中中国市场超过10亿), a place listed after a figure (…;星河市3404.7亿元), a bulletin's parts of its place
(第一产业, 城镇居民); the measure a bare rate or a restated change is of (智能手机毛利率, 按固定汇率计算收入);
the gap of a place's figure to the country's (城镇化率高于全国) and a growth rate's move (比一季度加快0.2个百分点:
…增速); and a business group of the company reporting (本地生活集团订单量)."""
from __future__ import annotations

import re

from ...frame import is_corporate
from ...patterns import WordRegex, load_patterns
from ..entities import Mention
from .draft import _TRIM_HEAD, Draft, _clause_start
from .metrics import _AVERAGE_RATE, _names_metric


def _joined(part: str, metric: str) -> str:
    """The part before the metric, the words they share said once (城镇居民 + 居民人均可支配收入)."""
    k = next((k for k in range(min(len(part), len(metric)) - 1, 1, -1) if part.endswith(metric[:k])), 0)
    return part + metric[k:]

def _part_of_place(m: Mention) -> bool:
    """A sector, a kind of area or a group no name denotes (第一产业, 城镇地区, 城镇 in 城镇和乡村居民人均
    可支配收入分别为…), not a place of its own; or, in a bulletin,
    a product or an industry a model took for an organization (新能源汽车产量): a bulletin's
    figures are its place's, and only a name the lexicon knows stands apart."""
    if m.cls == "Segment" and _COUNT_FIRST.match(m.label) and re.fullmatch(load_patterns().top_group, m.label):
        return False  # (三家基础电信企业: a group of companies the text names, written as it names it)
    return m.cls == "Segment" or (m.cls == "Place" and m.label.endswith("地区")) \
        or (m.cls in ("Organization", "Company") and m.source not in ("lexicon", "pattern"))


def _part_of_the_place(frame, m: Mention | None) -> bool:
    """Is ``m`` a part of the place the piece is about: any part in a bulletin, a kind of area
    heading a measure (城镇, 农村) in any piece about a place (广东…城镇新增就业110万人: 广东's, 城镇
    in the metric; an area named as one, 农村地区互联网普及率, stands as written)?"""
    return frame is not None and m is not None and frame.entity is not None and frame.entity.cls == "Place" \
        and m.label != frame.entity.label and ((frame.bulletin and _part_of_place(m))
                                               or (m.cls == "Place" and m.label.endswith("地区") and not m.surface.endswith("地区")))


#: a group of companies named by its count (三家基础电信企业, 5家银行, 三大运营商: patterns.toml top_group;
#: not 六大高耗能行业, a sector)
_COUNT_FIRST = re.compile(r"(?:A股|H股|港股|上市)?[一二三四五六七八九十两\d]{1,3}\s*(?:家|大)")


#: a place named as a list item's whole phrase (…;阜阳市3404.7亿元,增长4.8%)
_PLACE_ITEM = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|市|自治区|自治州|县|区|盟)")
_PLACE_LEAD = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|市|自治区|自治州|县|地区|盟)(?=[\u4e00-\u9fff]{2})")


def _place_item(sent: str, d: Draft, out: list[Draft]) -> None:
    """合肥市地区生产总值12673.8亿元;芜湖市4741.1亿元;阜阳市3404.7亿元: a place no lexicon knows, standing
    for the whole phrase of an item listed after a figure, is the item's subject, measured as before."""
    prev = next((x for x in reversed(out) if not x.is_change and x.metric), None)
    if not d.metric or prev is None or not _PLACE_ITEM.fullmatch(d.metric) or _PLACE_ITEM.fullmatch(prev.metric):
        return
    at = sent.rfind(d.metric, 0, d.q.start)
    if at < 0 or not re.search(r"[;；,，]\s*$", sent[max(0, at - 2):at]):
        return
    lead = _PLACE_LEAD.match(prev.metric)  # (青城市实现地区生产总值…;临江市…: the measure without the place before)
    base = _TRIM_HEAD.sub("", prev.metric[lead.end():]) if lead else prev.whole or prev.metric
    if d.metric.endswith("地区"):  # (东部地区…;中部地区…: a part of the place, in the metric)
        d.metric, d.metric_key = d.metric + base, None
        return
    d.subject, d.subject_here = Mention(at, at + len(d.metric), "Place", d.metric, d.metric, "pattern", 0.7), True
    d.metric, d.metric_key = base, (prev.metric_key if not lead else None)


#: a business segment opening a metric (新业务分部收入, 空调业务收入)
_SEGMENT_OPENS = re.compile(r"^(?P<s>[\u4e00-\u9fffA-Za-z0-9]{1,10}?(?:业务分部|业务板块|分部|板块|业务|事业部|事业群)|(?:线上|线下|国内|海外|境内|境外)(?:市场|渠道))(?=[\u4e00-\u9fffA-Za-z])")


#: what may come before the segment that opens a sentence: its period (一季度,, 2023年)
_SEGMENT_LEAD = re.compile(r"[\s\d年季度第一二三四上下半月份本报告期内,，:：]*(?:分(?:产品|业务|板块|行业|地区|渠道)(?:来)?看\s*[,，:：]?\s*)?")


def _segment_goes_on(sent: str, d: Draft, out: list[Draft]) -> None:
    """新业务分部收入为178亿元,同比增长37.9%,经营亏损收窄至52亿元: a sentence that opens with a segment's
    figure goes on about the segment; a company's measure after it that names no part of its own is
    the segment's (新业务分部经营亏损, 空调业务毛利率)."""
    seg = _SEGMENT_OPENS.match(out[0].metric or "") if out else None
    if seg is None or not d.metric or d.is_change or _SEGMENT_OPENS.match(d.metric) or seg.group("s") in d.metric \
            or not is_corporate(d.metric) or d.metric.startswith("占") \
            or not _SEGMENT_LEAD.fullmatch(sent[:max(0, sent.find(seg.group("s")))]) \
            or re.search(r"其中|[;；]", sent[out[0].q.end:d.q.start]) or (d.subject_here and d.subject is not out[0].subject):
        return
    d.metric, d.metric_key = seg.group("s") + d.metric, None


#: the words before a revenue that name no part of it (营业总收入, 主营业务收入)
_WHOLE = re.compile(r"(?:营业|主营业务|主营|总|净|全年|本季度|季度|经营|公司|集团|整体|合计|累计|其中|单季度?|上半年|下半年|前三季度)*")
_REVENUE = re.compile(r"(?P<p>.+?)(?:营业收入|销售收入|营收|收入|收益|营业额)$")
_MARGINS = ("毛利率", "净利率", "净利润率", "经营利润率", "营业利润率", "利润率")


def _rate_of_the_level(sent: str, d: Draft, out: list[Draft]) -> None:
    """非美国通用会计准则运营利润为1.38亿美元,运营利润率为31%; 智能手机收入为465亿元,毛利率为12.1%: a
    bare rate right after a level of a qualified measure or a part's revenue, in its sentence, is of
    that measure or part (非美国通用会计准则运营利润率, 智能手机毛利率)."""
    prev = next((x for x in reversed(out) if not x.is_change and x.metric), None)
    m = d.metric
    if not m or d.is_change and not d.over_years or d.q.kind != "percent" or prev is None or prev.q.kind == "percent" or not prev.metric \
            or re.search(r"[;；]", sent[prev.q.end:d.q.start]) or (d.subject_here and d.subject is not prev.subject):
        return
    if _AVERAGE_RATE.fullmatch(m) and not _AVERAGE_RATE.search(prev.metric):
        d.metric, d.metric_key = prev.metric + m, None  # 市场规模由…增至186亿元,复合年增长率为98.5%: that measure's
        return
    if m.endswith("率") and len(prev.metric) > len(m) - 1 and prev.metric.endswith(m[:-1]):
        d.metric, d.metric_key = prev.metric[:len(prev.metric) - len(m) + 1] + m, None
        return
    part = _REVENUE.match(prev.metric)
    if part is not None and m in _MARGINS and not _WHOLE.fullmatch(part.group("p")) and len(part.group("p")) >= 2:
        d.metric, d.metric_key = part.group("p") + m, None


#: a part named as the heading of what follows in its sentence: 高纯晶硅方面, 聚氨酯板块:, 1)钾肥: (在拿地方面: 在 is no part of it)
_HEADER = re.compile(r"(?:^|(?<=[;；。,，\s]))\s*(?P<n>[(（]?\d{1,2}[)）.、]|[①-⑳])?\s*"
                     r"(?:在|就|对于|关于)?(?P<h>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?P<k>方面|板块|业务|分部|核心)?\s*(?P<p>[,，:：])")
#: a breakdown said before its items (分业务看,动力电池:…;储能电池:…)
_BY_PART = re.compile(r"分(?:产品|业务|板块|行业|地区|区域|渠道|品类|品牌)(?:来)?看")
#: headings of an aspect, not of a part (费用方面, 盈利能力方面, 收入方面): ontology/claim_words.toml
_ASPECT = WordRegex(r"(?:{aspect_headings})")


def _header_part(sent: str, d: Draft, mentions: list[Mention]) -> None:
    """高纯晶硅方面,公司2023年销量约27.6万吨; 聚氨酯板块:实现营收约750亿元,毛利率约28%; 1)钾肥:生产…: a
    part heading its sentence (or its item, after ;) is the part the figures after it are of, in
    their metric; an aspect (费用方面) or a name (华为方面) heads no part, nor a metric that is a market."""
    if not d.metric or d.metric.endswith("市场"):
        return
    head = None
    for m in _HEADER.finditer(sent, 0, d.q.start):
        if not (m.group("k") and (m.group("k") != "方面" or m.group("p") in ",，")
                or (m.group("p") in ":：" and (m.group("n") or _BY_PART.search(sent, 0, m.start("h"))))):
            continue
        head = m
    if head is None or re.search(r"[;；]", sent[head.end():d.q.start]):
        return
    h = head.group("h") + (head.group("k") if head.group("k") in ("板块", "业务", "分部", "核心") else "")
    # (聚氨酯板块:…聚氨酯系列产品销量, 商用市场方面,…商用PC出货量: the metric names its part already)
    if _ASPECT.search(head.group("h")) or is_corporate(head.group("h")) or head.group("h")[:2] in d.metric \
            or any(head.start("h") <= m.start < head.end("h")
                   and not (m.cls == "Place" and re.match(r"(?:业务|市场|地区|区域)", sent[m.end:]))
                   and not (head.group("k") in ("板块", "业务", "分部", "核心") and m.cls != "Person") for m in mentions):
        return  # (香港业务方面, 星河云业务:, 百度核心:: a place's or a company's business is a part)
    d.metric, d.metric_key = _joined(h, d.metric), None


#: a basis a change is restated on (按固定汇率计算, 剔除汇率影响后): ontology/claim_words.toml
_RESTATED_BASIS = WordRegex(r"(?:{restated_bases})")


def _change_on_a_basis(d: Draft, out: list[Draft], sent: str = "") -> None:
    """净营收…同比下降2%,按固定汇率计算同比增长5%: a change restated on another basis is a claim of
    the level's measure on that basis (按固定汇率计算净营收), not a measure named 按固定汇率计算; so is
    one naming the measure again after the basis (若按固定汇率计算,净营收按年增长5%)."""
    prev = next((x for x in reversed(out) if not x.is_change and x.metric), None)
    if d.is_change and d.metric and prev is not None and _RESTATED_BASIS.fullmatch(d.metric):
        d.metric, d.metric_key = d.metric + prev.metric, None
    elif d.is_change and d.metric and prev is not None and d.metric == prev.metric \
            and (basis := _RESTATED_BASIS.search(sent, prev.q.end, d.q.start)):
        d.metric, d.metric_key = basis.group(0) + d.metric, None


_WHOLE_PLACE = re.compile(r"^(?:全省|全市|全国|全区|全县|全州|全球)")


#: a breakdown of the figure before (分经济类型看, 分三大门类看, 分行业看)
_BY_PART_LEAD = re.compile(r"分[\u4e00-\u9fff]{1,6}?(?:来)?看")


def _part_after_of(sent: str, d: Draft, found: Mention | None, out: list[Draft], earlier: list[Draft] = ()) -> None:
    """居民消费价格上涨0.4%,其中城市上涨0.5%,农村上涨0.3%: a change after 其中 whose clause names
    only a part (城市, a kind of area) and no measure is that part's figure of the measure before
    其中 (城市居民消费价格, 农村居民消费价格); 其中 opening the sentence goes on about the
    sentence before (``earlier``): about the first figure of its last measure (同比下降0.3%,环比
    上涨0.3%。其中,城市下降0.3%: the parts of the year-on-year figure)."""
    at = sent.rfind("其中", 0, d.q.start)
    by = [m for m in _BY_PART_LEAD.finditer(sent, 0, d.q.start)]  # (分经济类型看,国有控股企业增长5.1%)
    if by and by[-1].start() > at:
        at = by[-1].start()
    if at < 0 or not (d.is_change or d.q.kind == "bare"):  # (其中中国市场超过10亿: a bare level, a part's)
        return
    parent = next((x for x in reversed(out) if x.q.end <= at and x.metric), None)
    if parent is None and not sent[:at].strip(" ,，:：") and earlier:
        last = next((x for x in reversed(earlier) if x.metric and x.q.kind != "points"), None)  # (not a rate's move)
        parent = next((x for x in earlier if last is not None and x.metric == last.metric), None)
    if parent is None:
        return
    sibling = next((x for x in reversed(out) if at <= x.q.start < d.q.start and x.is_change and x.change_kind in ("yoy", "qoq")), None)
    if d.is_change and d.change_kind == "growth" and (sibling or any(k in ("yoy", "qoq") for k, _ in parent.changes)):
        # …比上年上涨0.4%,其中城市上涨0.5%(;食品价格上涨3.3%): the parts are compared as the whole is,
        # or as the part before them says (分三大门类看,采矿业同比增长3.0%,制造业增长5.1%)
        kind = sibling.change_kind if sibling else next(k for k, _ in parent.changes if k in ("yoy", "qoq"))
        d.change_kind, d.changes, d.kinds_known = kind, [(kind, v) for _, v in d.changes], True
    measure = parent.whole or parent.metric  # (分三大门类看,… after 分经济类型看,…: the parts' whole)
    clause = _clause_start(sent, d.q.start)
    area = found.surface if found is not None and found.cls == "Place" and clause <= found.start < d.q.start else None
    # (外商及港澳台商投资企业增长6.0%: a kind of enterprise, whatever measure word it holds)
    kind_of = bool(d.metric) and re.search(r"(?:企业|行业|产业|门类)$", d.metric) is not None
    part = d.metric if d.metric and len(d.metric) <= (12 if by and at == by[-1].start() else 4) \
        and (not _names_metric(d.metric) or kind_of) and d.metric in sent[clause:d.q.start] else None
    word = area or part
    by_part = bool(by) and at == by[-1].start()
    if by_part and (area or (part and part[-2:] == measure[-2:])):
        return  # (分地区看: places are listed by 分别; 采矿业增加值增长…: the part names its measure)
    if area and d.metric in ("市场", "地区", "区域", "本土"):  # (其中中国市场超过10亿: the market of the place)
        word = d.metric = area + d.metric
    if word is None or (d.metric not in (None, word) and not (out and d.metric == out[-1].metric)):
        return
    whole = _WHOLE_PLACE.sub("", measure)
    whole = whole.replace("全球", "") if area else whole  # (…生态体系全球年度活跃消费者: the place's part of it)
    d.metric, d.metric_key, d.part, d.whole = word + whole, None, True, whole
    if not d.is_change:  # (the part is counted as the whole: 13.1亿 users, 其中中国市场10亿)
        d.subject, d.unit = parent.subject, parent.unit


#: a figure's lead that sets it against a standard (比全国平均水平高, 低于全国平均水平, 比全国高): the gap
_AGAINST = re.compile(r"(?:(?:比|较)\s*(?P<s1>全国|全省|全市|全球)(?:的)?(?:平均水平|平均)?\s*(?P<d1>高|低|多|少|快|慢)出?"
                      r"|(?P<d2>高|低|多|少|快|慢)于\s*(?P<s2>全国|全省|全市|全球)(?:的)?(?:平均水平|平均)?)\s*$")


def _gap_to_a_standard(sent: str, d: Draft, out: list[Draft]) -> None:
    """…城镇化率为74.2%,比全国高7.8个百分点; 失业率为4.8%,低于全国平均水平0.4个百分点: the gap of
    the level before to the country's, the place's own figure (全国 is the standard, not the
    subject), its metric the level's set against the standard (城镇化率高于全国)."""
    m = _AGAINST.search(sent, _clause_start(sent, d.q.start), d.q.start)
    if m is None or not out or not out[-1].metric:
        return
    level = out[-1]
    way = "高" if (m.group("d1") or m.group("d2")) in ("高", "多", "快") else "低"
    # (增长6.1%,比全国高0.8个百分点: points against a level that is no rate, or after a growth said
    # alone (工业增加值同比增长8.2%,高于全国2.2个百分点), are its growth's gap)
    grew = level.changes or level.is_change or re.search(r"增长|下降|增加|减少|[增降]", sent[level.q.end:m.start()])
    rate = "增速" if grew and (level.unit != "percent" or level.is_change) and "百分点" in sent[d.q.start:d.q.end + 3] \
        and not level.metric.endswith(("增速", "增幅", "增长率")) else ""
    d.metric, d.metric_key = f"{level.metric}{rate}{way}于{m.group('s1') or m.group('s2')}", None
    d.subject, d.subject_here = level.subject, level.subject_here


#: a move of a rate said in points against another period (比一季度加快0.2个百分点)
_RATE_MOVE = re.compile(r"(?:比|较)[^,，;；。]{1,12}?(?:加快|放缓|减缓|回落|回升|提高|提升|下降|上升|扩大|收窄)\s*$")


def _growth_moves(sent: str, d: Draft, out: list[Draft]) -> None:
    """生产总值…同比增长5.8%,比一季度加快0.2个百分点: points after a growth, against another period,
    are the move of the growth rate: a change of the growth stated alone, else a figure of its own
    (生产总值增速), never a move of the level."""
    if not out or not d.metric or d.attached or "百分点" not in sent[d.q.start:d.q.end + 3] or d.metric.endswith(("增速", "增幅", "增长率")):
        return
    level = out[-1]
    if level.metric != d.metric or not (level.is_change or (level.unit != "percent" and level.changes)):
        return
    if _RATE_MOVE.search(sent, _clause_start(sent, d.q.start), d.q.start):
        if level.is_change and not level.attached and d.is_change and d.changes:
            # (同比增长6.1%,增速比1-9月加快0.3个百分点: the growth stated alone is the rate; its move in
            # points is a change of it, in its own unit)
            level.changes.append(("abs", d.changes[0][1]))
            d.attached = True
            return
        d.metric, d.metric_key = d.metric + "增速", None


#: what names a business group of a company (本地生活集团, 云智能事业群, 国际数字商业板块)
_GROUP_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,10}(?:集团|事业群|事业部|板块)$")


def _business_group(sent: str, d: Draft, frame, lex) -> None:
    """本地生活集团收入为159亿元,订单量同比增长20% in 阿里巴巴's results: a business group of the
    company reporting (the lexicon's, or one no lexicon names as a company of its own) is a part of
    it, in the metric, whatever the measure."""
    s = d.subject
    if s is None or frame is None or frame.entity is None or frame.entity.cls == "Place" or frame.bulletin \
            or s.cls not in ("Organization", "Company") or s.label == frame.entity.label \
            or not _GROUP_NAME.search(s.label) or not d.metric or sent.find(s.surface, 0, d.q.start) < 0:
        return  # (a group carried from a sentence before names no figure of this one)
    known = lex.entity(f"{s.cls}:{s.label}") if s.source == "lexicon" else None
    if s.source == "lexicon" and (known is None or known.related != frame.entity.label):
        return  # (a company of its own the lexicon knows, not a part of this one)
    if not d.metric.startswith(s.surface):
        d.metric, d.metric_key = _joined(s.surface, d.metric), None
    d.subject = frame.entity


def _own_name(d: Draft) -> None:
    """快影科技's 快影总收入, 云霄's 云霄集团收入: the subject's own name, short or with its head (科技,
    集团, 有限公司), opening the metric is no part of it (总收入, 收入); the name as the subject has
    it may open a segment's (京东零售收入)."""
    from ...patterns import load_patterns

    s, m = d.subject, d.metric
    if s is None or not m or s.cls not in ("Company", "Organization"):
        return
    pats = load_patterns()
    heads = tuple(pats.legal_forms) + tuple(pats.org_heads)
    names = {s.label, s.surface, *s.aliases}
    # (not the name as it is: 京东零售收入 is a segment's, 京东零售)
    forms = ({n[:-len(h)] for n in names for h in heads if n.endswith(h) and len(n) - len(h) >= 2}
             | {n + h for n in names for h in heads}) - names
    form = max((f for f in forms if f and m.startswith(f) and len(m) - len(f) >= 2), key=len, default=None)
    if form is not None and _names_metric(m[len(form):]) and not m[len(form):].startswith(pats.product_words):
        d.metric, d.metric_key = m[len(form):], None


def _kind_by_heading(sent: str, d: Draft, out: list[Draft], earlier: list[Draft] = ()) -> None:
    """…发电量3012.5亿千瓦时。分品种看,火电2104.3亿千瓦时: after a breakdown's heading, a kind that
    names no measure, counted in the unit of the figure broken down, is measured as it is (火电发电量)."""
    from ....text.chars import _jieba

    by = list(_BY_PART_LEAD.finditer(sent, 0, d.q.start))
    if not by or d.is_change or not d.metric or len(d.metric) > 6 or _names_metric(d.metric) \
            or d.metric not in sent[by[-1].end():d.q.start]:
        return
    parent = next((x for x in reversed(out) if x.q.end <= by[-1].start() and x.metric and not x.is_change), None) \
        or next((x for x in reversed(list(earlier)) if x.metric and not x.is_change), None)
    if parent is None or parent.q.unit != d.q.unit or parent.q.unit_word != d.q.unit_word or d.metric in parent.metric:
        return  # (分品牌来看,苹果全年出货1070万台: the act of the measure, no kind of it)
    whole, freq = parent.metric, _jieba().dt.FREQ
    head = next((whole[i:] for i in range(len(whole) - 2, 0, -1)
                 if _names_metric(whole[i:]) and (freq.get(whole[i - 1:i + 1]) or 0) < 100), None)
    if head is not None and not d.metric.endswith(head):
        d.metric, d.metric_key = _joined(d.metric, head), None  # (太阳能发电 + 发电量: 太阳能发电量)
