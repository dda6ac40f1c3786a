"""The document frame: what an article as a whole reports on, found before its claims.

A results piece states, once, in its title or lead, whose results it reports and for which
period (京东公布2022年第一季度业绩, 美团公布截至6月底季度业绩, 隆基绿能2023年年报发布); a
statistics piece states the period its data is of (截止到2025年6月). Claims take their defaults
from the frame: a figure whose sentence names no period is of the reporting period (a stock, of its
end: ``asof:``), a figure whose sentence names no entity is the reporting entity's, and a change
that the text does not qualify compares with the same period a year earlier (``yoy``).

The words behind it (results words, announcing verbs, news outlets, stock metrics) are data:
``ontology/frame.toml``, read by :mod:`.frame_words`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import load_patterns
from .frame_words import FrameWords, frame_words  # noqa: F401  (the frame's words, re-exported)
from .period_codes import fiscal_end_named, fiscal_year_end, period_end  # noqa: F401  (re-exported)
from .frame_period import (RECORD_SINCE, _named_length, _published, _reporting_period, fiscal_quarter,  # noqa: F401  (re-exported)
                           dateline_spans, event_date, published_month)
from .frame_places import (_PUBLISHES, _maker, _national, _place_of_statistics, _titled_place, _titled_place_mention, _world, is_partner,
                           is_publisher, survey_team_place, titled_company, whole_country)

_ORG = ("Company", "Organization", "Platform")


@dataclass(frozen=True)
class Frame:
    """What the article reports on: ``entity`` (a Mention or None), ``period`` (a period code or
    None) and the sentence of the lead that stated them (``evidence``)."""

    entity: object | None = None
    period: str | None = None
    evidence: str | None = None
    bulletin: bool = False  # a statistics bulletin: its figures are of its place, parts go into metrics
    published: str | None = None  # the publication date (YYYY, YYYY-MM or YYYY-MM-DD)
    fiscal_end: int | None = None  # the month the reporting entity's fiscal year ends in, when the lead says
    fiscal_by_start: bool = False  # its fiscal years are named by the year they start in (索尼2024财年: 2024-04/2025-03)
    analyst: bool = False  # an analyst's note (评级, 风险提示): its 我们 are the analysts, not the company
    hk_listed: bool = False  # the reporting entity is named with a Hong Kong stock code (02099, 2099.HK)
    currency: str | None = None  # the currency a note declares for amounts in bare 元 (387.6亿港元(下同))
    entity_title: str | None = None  # the document title the entity was read from, where the text names none

    @property
    def period_end(self) -> str | None:
        """The month the reporting period ends, as ``asof:YYYY-MM`` (a stock's period)."""
        return period_end(self.period)


def is_media(m, text: str = "") -> bool:
    """Is the mention a news outlet, a wire or an exchange (never what a figure is about)? One
    named with its stock code in ``text`` (the text ``m``'s offsets index: 东方财富(300059.SZ)) is
    the listed company of that name."""
    w = frame_words()
    label = (m.label or "").lower()
    surface = (m.surface or "").lower()
    if text and w.listed_code is not None and w.listed_code.match(text, m.end):
        return False
    if text and (m.label in w.exchanges or m.surface in w.exchanges) \
            and (said := w.announce.match(text, _OWN_RESULTS_GAP.match(text, m.end).end())) \
            and w.results.search(text[said.end():said.end() + 20]):
        return False  # (港交所(00388)昨日公布全年业绩: the exchange's own results, a listed company's)
    return label in w.media or surface in w.media or bool(w.media_suffix.search(m.label or "")) \
        or m.label in w.exchanges or m.surface in w.exchanges or bool(text and _SECTION_AFTER.match(text, m.end))


#: between an exchange's name and the verb announcing its own results: its code, the day
_OWN_RESULTS_GAP = re.compile(r"\s*(?:[(（][^()（）]{1,12}[)）])?\s*(?:今日|今天|昨日|昨天|周[一二三四五六日]|(?:1[0-2]|[1-9])月\d{1,2}日)?\s*(?:晚间|盘后)?\s*")


#: a portal's section set after its name in a page's header (moomoo 新闻 | 美股财报, 老虎证券 资讯  美股)
_SECTION_AFTER = re.compile(r"[ \t\u3000]+(?:新闻|资讯|财经|快讯|头条)[ \t\u3000]*(?:$|\n|[|｜·•]|[ \t\u3000]{2}|[ \t\u3000]*\d{4}-\d{2}-\d{2})", re.M)


def document_company(title: str | None):
    """The company of the lexicon the document's own title names (a PDF's title, a file's name:
    宁德时代-300750-2023年报点评.pdf, catl-2023-note.txt), as a Mention of no span: what a note
    that calls it only 公司 is on."""
    from .components.entities import Mention, lexicon_mentions
    from .lexicon import load_lexicon

    words = re.sub(r"[-_.+]+", " ", title or "")  # (a file name's separators are word edges for CATL)
    m = next((m for m in lexicon_mentions(words, load_lexicon()) if m.cls in ("Company", "Platform") and not is_media(m)), None)
    return Mention(0, 0, m.cls, m.label, m.label, "title", 1.0, key=m.key) if m is not None else None  # (named by its name: catl is no wording of the text)


def is_generic(m) -> bool:
    """Is the mention a word for the company the text is about (公司, 本集团) or for a kind of business
    (百货公司, 车企), not a name?"""
    w = frame_words()
    return m.source != "lexicon" and (bool(w.generic_org.match(m.label or "")) or (m.label or "") in w.business_kinds)


def is_sector(m, text: str) -> bool:
    """Is the mention a model took for an organization the name of a sector (CXO板块, 白酒行业,
    锂电龙头), which no one's figures are of?"""
    return m.source != "lexicon" and m.cls in _ORG and text[m.end:m.end + 4].lstrip().startswith(frame_words().sector_words)


def is_segment_money(metric: str | None) -> bool:
    """Is the metric money a business makes or loses (收入, 经营利润), the company's figure?"""
    return bool(metric) and any(w in metric for w in frame_words().segment_money)


def is_region_users(metric: str | None) -> bool:
    """Is the metric a count of a company's own active or paying users, members, stores or staff
    (月活跃用户, 门店), which a region heading it (中国零售市场, 海外) divides, never a country's
    population?"""
    return bool(metric) and any(w in metric for w in frame_words().region_users)


def is_corporate(metric: str | None) -> bool:
    """Is the metric a company's own figure (收入, 利润, 销量 …), never a person's?"""
    return bool(metric) and any(w in metric for w in frame_words().corporate_metrics)


def names_self(clause_before: str) -> bool:
    """Does the clause before a number open with a word for the reporting entity (公司, 本集团)?"""
    return bool(frame_words().self_reference.search(clause_before))


def is_stock_ratio(metric: str | None) -> bool:
    """Is the percentage a stock at a date (持股比例), not a rate over a period?"""
    return bool(metric) and any(w in metric for w in frame_words().stock_ratio_words)


def results_named(text: str, p) -> str | None:
    """截至2018年第三季度未经审计的财务报告: a period named by its end right before a results word is
    the period the results cover (2018Q3), not a stock's date; else None."""
    w = frame_words()
    rw = w.results.search(text, p.end, p.end + 12)
    if rw is None:
        return None
    code = _named_length(p.period, text[p.start:p.end], text[p.end:rw.start()], rw.group(0), w)
    return code if code != p.period else None


def is_stock(metric: str | None) -> bool:
    """Is the metric a stock at a date (员工, 门店, 存货, 现金 …), not a flow over a period?"""
    w = frame_words()
    if metric and (re.match(r"(?:新增|净增|净减|新开|新建|关闭|净关|新入网|新注册|新上网)", metric) or re.search(r"促成|撮合|发放", metric)):
        return False  # 新增换电站100座, 促成借款规模: the additions (loans made) of the period, a flow
    return bool(metric) and (any(s in metric for s in w.stock_phrases)
                             or any(s in metric for s in w.stock_words) and not any(f in metric for f in w.flow_words))


def is_flow(metric: str | None) -> bool:
    """Is the metric a flow over a period (收入, 成本, 产量, 销量, 出栏 …), not a stock whose name
    holds a word of flows (短期投资)?"""
    w = frame_words()
    return bool(metric) and any(f in metric for f in w.flow_words) and not any(s in metric for s in w.stock_phrases)


def trailing_months(metric: str | None, period: str | None) -> str | None:
    """The twelve months to the end of ``period`` for a metric counted over them (年度活跃消费者
    of 2019Q4 -> ``2019-01/2019-12``; of 2022Q1 -> ``2021-04/2022-03``), else None."""
    if not metric or not period or not any(w in metric for w in frame_words().trailing_words):
        return None
    end = period_end(period) if not period.startswith("asof:") else period
    m = re.fullmatch(r"asof:(\d{4})-(\d{2})(?:-\d{2})?", end or "")
    if m is None:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    return f"{y}-01/{y}-12" if mo == 12 else f"{y - 1}-{mo + 1:02d}/{y}-{mo:02d}"


def keeps_growth(metric: str | None) -> bool:
    """Is the metric a price, whose unqualified move is a plain ``growth`` (a day's, a year's)?"""
    return bool(metric) and any(s in metric for s in frame_words().growth_words)


def is_bulletin(sents: list[tuple[int, str]], w: FrameWords | None = None) -> bool:
    """Does the lead present statistics (a bureau's bulletin, a survey team's data)?"""
    w = w or frame_words()
    return w.statistics is not None and any(w.statistics.search(s) for _, s in sents)


_OWNS = re.compile(r"\s*(?:的)?旗下")


def _reporting_entity(sents: list[tuple[int, str]], mentions, topic, w: FrameWords, text: str = ""):
    from .ner.config import load_ner_config

    sure = load_ner_config().confidence.min_subject  # a subject must be confident (issue 18)
    mentions = [m for m in mentions if m.confidence >= sure and not opens_media(text, m) and not is_venue(text, m)]
    # (a name a model took for an organization that ends as a place does, 星河省, is a place)
    cands = [m for m in mentions if m.cls in _ORG and not is_media(m, text) and not is_generic(m) and not is_sector(m, text)
             and not (m.source != "lexicon" and _PLACE_NAME.search(m.label or ""))
             and not is_investor(m, sents) and not is_publisher(m, sents) and not _TICKER_BEFORE.search(text, max(0, m.start - 12), m.start)]
    # (吉利旗下极氪公布…: the parent a name is said to belong to reports nothing, the name after it does)
    parents = [m for m in cands if _OWNS.match(text, m.end) and any(0 < x.start - m.end <= 16 for x in cands)]
    cands = [m for m in cands if m not in parents]
    # a listed company named with its stock code (宁德时代(300750)) in the lead, first: an analyst
    # who publishes a note on its results (某某证券发布宁德时代三季报点评) reports on it
    for m in cands:  # (山东统计公报: a model's "organization" of a place and its statistics names the place)
        if (place := _place_of_statistics(m)) is not None:
            return place
    if (team := survey_team_place(sents)) is not None:
        return team  # (国家统计局湖北调查总队: 全省 is 湖北, whatever city 其中 names)
    for base, s in sents:
        coded = next((m for m in cands if base <= m.start < base + len(s)
                      and w.listed_code.match(s, m.end - base)), None) if w.listed_code is not None else None
        if coded is not None:
            return coded
    for base, s in sents:
        res = w.results.search(s)
        if not res:
            continue
        hit = w.announce.search(s, 0, res.start()) or res
        pos = base + hit.start()
        before = [m for m in cands if base <= m.start and m.end <= pos]
        if before:
            return before[-1]
    # a statistics piece (a bureau's bulletin, a survey team's data) is about the place it names
    if is_bulletin(sents, w):
        lead_end = sents[-1][0] + len(sents[-1][1]) if sents else 0
        # (a kind of area, 城镇地区 / 农村地区, is a part of a place, never the bulletin's place)
        place = next((m for m in mentions if m.cls == "Place" and m.start < lead_end
                      and not m.label.endswith("地区")), None) or _titled_place(sents)
        if place is not None:
            return place
        if sents:  # (通信业经济运行情况: a release that names no place gives the country's statistics)
            from .components.entities import Mention
            return Mention(sents[0][0], sents[0][0], "Place", "中国", "中国", "pattern", 0.6)
    # a data piece (QuestMobile数据显示,…中国移动互联网月活跃用户规模…) reports no one's results: the
    # platforms it ranks are no reporting entity; its market is the place its lead names, if any
    said = re.compile(w.data_lead.pattern.removesuffix(r"[,，:：]?\s*$"))
    told = next((i for i, (_, s) in enumerate(sents) if said.search(s)), None) if w.data_lead is not None else None
    if told is not None:
        # (its market is named by the time it says where the data comes from, not further down)
        lead_end = sents[told][0] + len(sents[told][1])
        market = next((m for m in mentions if m.cls == "Place" and m.start < lead_end and not opens_media(text, m)), None) \
            or _national(sents) or _world(sents[:told + 1]) or whole_country(sents[:told + 1])
        if market is not None or not any(_OWN_RESULTS.search(t) for _, t in sents):
            return market  # (a note's 年报数据显示,公司… names no market: who reports is found below)
    if (national := _national(sents[:3], announcing=True)) is not None:
        return national  # 国家邮政局公布数据,…: the country's figures
    named = any(base <= m.start < base + len(t) for m in cands for base, t in sents)  # (a company in the lead)
    if _market_piece(sents, mentions, cands, text) and (market := whole_country(sents) or _world(sents)) is not None:
        return market  # 10月乘用车市场数据出炉, 乘联会发布数据,10月全国…: a market's piece, whatever makers its lead ranks
    if not named and (country := whole_country(sents)) is not None:
        return country  # 1-11月份全国规模以上工业企业利润: the country's statistics
    if not named and (titled := titled_company(sents)) is not None:
        return titled  # 华远证券发布研究报告《宁德时代2023年报点评》: what the note is on
    if topic is not None and not is_media(topic) and not is_sector(topic, text or "") and not is_investor(topic, sents) and not is_publisher(topic, sents) \
            and not (text and is_partner(topic, text)) and not any(p.label == topic.label for p in parents):
        return topic
    if not cands and (place := _titled_place_mention(sents, mentions)) is not None:
        return place  # 江苏:1-11月份规模以上工业增加值增长7.5%: no company in the lead, a place's figures
    counts: dict[str, int] = {}
    for m in cands:  # (a customer or a partner, 特斯拉、理想汽车为公司主要客户, reports nothing)
        if not is_partner(m, text):
            counts[m.label] = counts.get(m.label, 0) + 1
    maker = _maker(mentions)
    if not counts or (maker is not None and max(counts.values()) <= 2):
        return maker  # (a note naming the company's products more than any company: their maker)
    best = max(counts, key=counts.get)
    return next(m for m in cands if m.label == best)


def is_venue(text: str, m) -> bool:
    """Is the place ``m`` where a meeting was held (在北京召开), not what figures are of?"""
    return m.cls == "Place" and text[max(0, m.start - 1):m.start] in ("在", "于") and bool(_VENUE_AFTER.match(text, m.end))


_VENUE_AFTER = re.compile(r"\s*(?:召开|举行|举办|开幕|闭幕|揭幕)")


def opens_media(text: str, m) -> bool:
    """Is the place ``m`` the first word of a tracker's or an outlet's name (上海有色网)?"""
    return m.cls == "Place" and any(text.startswith(name, m.start) and len(name) > len(m.surface) for name in frame_words().media)


def _market_piece(sents: list[tuple[int, str]], mentions, cands, text: str) -> bool:
    """Is the piece on a market: its title names no company, and it names a market (10月乘用车市场数据出炉)
    or a tracker or an association in the lead publishes data (乘联会11月10日发布数据)?"""
    if not sents or any(sents[0][0] <= m.start < sents[0][0] + len(sents[0][1]) for m in cands):
        return False
    end = sents[-1][0] + len(sents[-1][1])
    return bool(_MARKET_TITLE.search(sents[0][1])) or any(m.start < end and is_media(m, text) and _PUBLISHES.match(text, m.end)
                                                          for m in mentions)


#: a title on a market (10月乘用车市场数据出炉, 全球智能手机市场季报), not on a company's results against it
_MARKET_TITLE = re.compile(r"市场(?!预期|预估|份额|占有率|价值|估值|人士)")

#: a lead that speaks of a company's own results (公司发布2023年年报, 公司2023年实现营收)
_OWN_RESULTS = re.compile(r"(?:公司|本公司|该公司|集团|本集团)(?:发布|公布|披露|\d{2,4}\s*年|[一二三四上下前]|Q[1-4]|实现|营收|收入|归母)")


#: a ticker after its exchange, in brackets (京东集团(NASDAQ:JD;HKEX:9618)): the name is the one before
_TICKER_BEFORE = re.compile(r"[(（;；]\s*[A-Za-z]{2,8}\s*[:：]\s*$")

_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{1,6}(?<!超)(?:省|市|自治区|自治州|县)$")

#: a Hong Kong stock code after a name: 4-5 digits from 0 (02099, 0700), or 4-5 digits with .HK; the
#: marker of its shares' kind may stand between (理想汽车-W(02015), 快手-W(01024))
# (the code may follow the full name the surface starts: 领展 + 房地产投资信托基金(00823))
_HK_CODE = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:\s*-\s*(?:SW|W|S|B|R|P)(?![A-Za-z]))?\s*[(（]\s*(?:(?:股票|股份)?代[码號号]\s*[:：]?\s*)?(?:0\d{3,4}|\d{4,5}\.HK)\s*[)）]")


#: an investor of a funding round (由红杉中国领投, 腾讯跟投): never what the piece reports on
INVESTS = re.compile(r"\s*(?:等)?\s*(?:领投|跟投|参投|联合领投|独家投资|共同投资)")


def is_investor(m, sents: list[tuple[int, str]]) -> bool:
    """Is the name ``m`` an investor of a round its sentence tells of (阿里巴巴领投)?"""
    return any(b <= m.end <= b + len(t) and INVESTS.match(t, m.end - b) for b, t in sents)


def build_frame(text: str, sentences: list[tuple[int, str]], mentions, topic,
                year: int | None, published: str | None = None, title: str | None = None) -> Frame:
    """The frame of one article from its lead (the sentences starting in its first
    ``lead_chars`` characters): ``sentences`` are (start, text) pairs. ``title`` is the document's
    own title (a PDF's, a file's name): where the text names no one and speaks of 公司, it names the company."""
    w = frame_words()
    nav = load_patterns().navigation  # (相关新闻: the links after it are other articles' headlines)
    end = next((a for a, s in sentences if nav is not None and nav.match(s)), len(text))
    lead = [(a, s) for a, s in sentences if a < min(w.lead_chars, end)]
    pub = _published(published) or ((year, 12) if year else None)
    entity = _reporting_entity(lead, sorted(mentions, key=lambda m: m.start), topic, w, text)
    analyst = w.analyst is not None and any(w.analyst.search(s) for _, s in sentences)
    titled = None
    if entity is None and title and (analyst or any(_OWN_RESULTS.search(s) for _, s in lead)) \
            and (entity := document_company(title)) is not None:
        titled = title  # 事件:公司发布2023年年报 in 宁德时代-300750-2023年报点评.pdf: 宁德时代's results
    known = (w.fiscal_ends or {}).get(entity.label) if entity is not None else None
    # a year ended in March (截至2024年3月31日止财年), else the company's known calendar when the lead
    # speaks of fiscal periods, else the month the lead's first fiscal quarter says by the date
    fiscal = next((month for _, s in lead if (month := fiscal_end_named(s))), None) \
        or (known if any(re.search(r"财年|财季|财政年度|(?<![A-Za-z])FY\s*\d", s) for _, s in lead) else None) \
        or next((m for _, s in lead if (m := fiscal_year_end(s, published_month(published)))), None)
    # (英伟达2025财年第三季度: the fiscal year the company's calendar says, 2024-08/2024-10)
    by_start = fiscal is not None and entity is not None and entity.label in w.named_by_start
    period, i, ordinal = _reporting_period(lead, year, pub, w, fiscal, by_start)
    if ordinal and known:  # (阿里巴巴Q3财报: its fiscal third quarter, the calendar fourth)
        period = fiscal_quarter(period, known, pub)
        fiscal = fiscal or known
    bulletin = w.bulletin is not None and any(w.bulletin.search(s) for _, s in lead)
    hk = entity is not None and any(_HK_CODE.match(s, m.end()) for _, s in lead
                                    for m in re.finditer(re.escape(entity.surface), s))
    note = w.currency_note.search(text) if w.currency_note is not None else None
    currency = _CURRENCY.get(next(c for c in note.groups() if c)) if note is not None else (w.place_currencies or {}).get(
        entity.label) if entity is not None and entity.cls == "Place" else None  # (香港's own figures in bare 元: HKD)
    return Frame(entity=entity, period=period, evidence=lead[i][1] if i is not None else None,
                 bulletin=bulletin and entity is not None and entity.cls == "Place", published=published,
                 fiscal_end=fiscal, fiscal_by_start=by_start, analyst=analyst, hk_listed=hk, currency=currency,
                 entity_title=titled)


_CURRENCY = {"港元": "HKD", "港币": "HKD", "美元": "USD", "人民币": "CNY"}


def frame_year(frame: Frame | None) -> int | None:
    m = re.search(r"\d{4}", (frame.period or "") if frame else "")
    return int(m.group(0)) if m else None

