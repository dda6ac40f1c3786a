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

from .frame_words import FrameWords, frame_words  # noqa: F401  (the frame's words, re-exported)
from .period_codes import fiscal_end_named, fiscal_year_end
from .frame_places import (_maker, _national, _place_of_statistics, _titled_place, _titled_place_mention, _world, is_partner,
                           is_publisher, titled_company, whole_country)
from .periods import find_periods

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
    analyst: bool = False  # an analyst's note (评级, 风险提示): its 我们 are the analysts, not the company
    hk_listed: bool = False  # the reporting entity is named with a Hong Kong stock code (02099, 2099.HK)
    currency: str | None = None  # the currency a note declares for amounts in bare 元 (387.6亿港元(下同))

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
    return label in w.media or surface in w.media or bool(w.media_suffix.search(m.label or "")) \
        or m.label in w.exchanges or m.surface in w.exchanges


def is_generic(m) -> bool:
    """Is the mention a word for the company the text is about (公司, 本集团), not a name?"""
    return m.source != "lexicon" and bool(frame_words().generic_org.match(m.label or ""))


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
    if metric and re.match(r"(?:新增|净增|净减|新开|新建|关闭|净关)", metric):
        return False  # 新增换电站100座: the additions of the period, a flow
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


def period_end(code: str | None) -> str | None:
    """``2025Q2`` -> ``asof:2025-06``; ``2024H1`` -> ``asof:2024-06``; ``2023`` -> ``asof:2023-12``.

    >>> [period_end(c) for c in ("2025Q2", "2024H2", "2023", "2021-03", "2023-04/2024-03", "asof:2020-12", None)]
    ['asof:2025-06', 'asof:2024-12', 'asof:2023-12', 'asof:2021-03', 'asof:2024-03', 'asof:2020-12', None]
    """
    if not code:
        return None
    if code.startswith("asof:"):
        return code[:12]
    code = code.split("/")[-1]
    m = re.fullmatch(r"(\d{4})(?:Q([1-4])|H([12])|-(\d{2}))?", code)
    if not m:
        return None
    y, q, h, mo = m.groups()
    month = int(q) * 3 if q else int(h) * 6 if h else int(mo) if mo else 12
    return f"asof:{y}-{month:02d}"


_ANNOUNCED = re.compile(r"\s*(?:[0-3]?\d\s*日)?\s*(?:晚间|晚|早间|早|上午|下午|凌晨)?\s*"
                        r"(?:[,，]\s*[\u4e00-\u9fffA-Za-z0-9()（）.]{1,16}?\s*(?:于|在|正式|晚间|盘后|盘前)?\s*)?"  # (3月20日,星河集团公布…)
                        r"(?:电|消息|讯|发布|公布|披露|宣布|报道|公告|表示|称|召开|举行|举办)")
_DATELINE = re.compile(r"^\s*(?:date\s*|[\u4e00-\u9fff]{2,4}\s*[,，]\s*)$")


def event_date(text: str, p) -> bool:
    """A date that says when a piece was filed, a release came out or a meeting was held (北京12月31日电,
    2018年12月31日晚发布, 7月29日消息, a dateline 北京,2022年5月17日, 5月15日,X召开…), not what period a
    figure is of. A span's end (截至…日) and a period of days (3月5日至10日期间) are periods."""
    s = text[p.start:p.end]
    if re.match(r"\s*(?:截至|截止|到)", s):
        return False
    day = "日" in s or re.match(r"\s*[0-3]?\d\s*日", text[p.end:p.end + 4])
    if not day:
        return False
    return bool(_ANNOUNCED.match(text, p.end) or _DATELINE.match(text[:p.start])
                or not (text[:p.start] + text[p.end:]).strip())  # (a day alone on its line: the piece's date)


def dateline_spans(text: str, is_place) -> list[tuple[int, int]]:
    """The spans of the datelines of ``text`` whose place ``is_place`` says is one (杭州2024年2月7日电——,
    本报上海3月21日电), and of a paper's tag (上证报讯): where a story was filed, no entity of it."""
    w = frame_words()
    tags = [(m.start(), m.end()) for m in w.media_tag.finditer(text)] if w.media_tag is not None else []
    return tags + ([(m.start(), m.end()) for m in w.dateline.finditer(text) if is_place(m.group("place"))] if w.dateline else [])


def published_month(published: str | None) -> tuple[int, int] | None:
    """(year, month) of a full publication date (YYYY-MM-DD or YYYY-MM), else None."""
    m = re.match(r"(\d{4})-(\d{1,2})", published or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _published(published: str | None) -> tuple[int, int] | None:
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?", published or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 12)


def _named_length(code: str, named: str, after: str, word: str, w: FrameWords) -> str:
    """A period the lead names by its end (截至2018年第三季度, 截至6月底, 截至2022年3月31日)
    followed by the length of the results (季度业绩, 中期业绩, 年报): that period."""
    if re.fullmatch(r"\d{4}", code) and len(after.strip()) <= 1 and any(x in after + word for x in w.half):
        return f"{code}H1"  # 2021年中报, 2021年中期业绩: the first half of the year
    m = re.fullmatch(r"asof:(\d{4})-(\d{2})(?:-\d{2})?", code)
    if not m:
        return code
    y, mo = int(m.group(1)), int(m.group(2))
    said = after + word + named
    if any(x in said for x in w.half):
        return f"{y}H{1 if mo <= 6 else 2}"
    if any(x in said for x in w.quarter) or "季" in said:
        return f"{y}Q{(mo - 1) // 3 + 1}"
    if any(x in said for x in w.year):
        return str(y)
    return code


def _not_after(code: str, pub: tuple[int, int] | None) -> str:
    """A reporting period ends before its report comes out: a quarter named without its year
    (截至6月底季度) that would end after the publication is of the year before."""
    end = period_end(code)
    if not pub or not end:
        return code
    y, mo = int(end[5:9]), int(end[10:12])
    if (y, mo) > pub:
        return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), code)
    return code


_BRACKETED_AFTER = re.compile(r"\s*[(（]\s*")

#: a period named against another (今年, 去年同期, 本季度, 上月): it dates no piece (前三季度, 上半年 do)
_RELATIVE = re.compile(r"今年|去年|本年|上年|前年|明年|同期|同季|本季|上季|上一|上个|下个|下一|下季|下月|前一|本月|上月|当月|这个|这一|该")

#: a period named with its year (2021年, 21年, FY24, 二零二三年, 今年6月30日止), not a month alone
#: (截至12月31日止季度业绩)
_NAMES_YEAR = re.compile(r"\d{4}|\d{2}\s*(?:财)?年|FY\s*\d{2}|[〇零○一二三四五六七八九]{4}\s*年|今年|本年")


def _provisional(pub: tuple[int, int]) -> str | None:
    """The period a provisional results release of month ``pub`` is of (业绩快报 in February: the
    year before; 业绩预告 in July: the first half; in October: the first three quarters)."""
    y, mo = pub
    return str(y - 1) if mo <= 4 else f"{y}H1" if mo in (7, 8) else f"{y}-01/{y}-09" if mo == 10 else None


def _reporting_period(sents: list[tuple[int, str]], year: int | None, pub, w: FrameWords) -> tuple[str | None, int | None]:
    """(period, index of the sentence that states it)."""
    fallback = None
    bare = None  # a quarter named without its year (阿里巴巴第三季度业绩): the lead may name it in full
    for i, (_, s) in enumerate(sents):
        rw = w.results.search(s)
        if not rw:
            continue
        ps = [p for p in find_periods(s, year, None, pub) if not p.base and not event_date(s, p)]
        before = [p for p in ps if p.start < rw.start()]
        if len(before) > 1 and _BRACKETED_AFTER.fullmatch(s, before[-2].end, before[-1].start):
            before = before[:-1]  # 2020财年第三季度(截至2019年12月31日)业绩: the bracket restates its end
        if len(before) > 1 and re.fullmatch(r"\s*(?:及|和|暨|与|以及)?\s*", s[before[-2].end:before[-1].start]):
            # 截至12月31日止季度及九个月业绩, 2023年第四季度及全年财报: the quarter first, the span to date after
            before = before[:-1]
        if before:
            p = before[-1]
            code = _named_length(p.period, s[p.start:p.end], s[p.end:rw.start()], rw.group(0), w)
            if not _NAMES_YEAR.search(s, p.start, p.end):  # only a period named without its year moves
                code = _not_after(code, pub)
                if bare is None and re.fullmatch(r"\d{4}Q[1-4]", code or ""):
                    bare = code, i  # (…公布2020财年第三季度(截至2019年12月31日止三个月)业绩: the fiscal quarter it meant)
                    continue
            if bare is not None and not re.fullmatch(r"\d{4}Q[1-4]", code or ""):
                return bare
            return code, i
        word = rw.group(0)
        if fallback is not None:
            continue  # (a title's 全年业绩 with no year gives way to the lead's 截至2025年3月31日止年度业绩)
        if pub and any(x in word for x in w.half):  # 中期业绩 with no year: the last first half ended (半年报 before 年报)
            fallback = f"{pub[0] if pub[1] >= 7 else pub[0] - 1}H1", i
        elif pub and any(x in word for x in w.provisional) and (code := _provisional(pub)):
            fallback = code, i
        elif pub and any(x in word for x in w.year):  # 年报 with no year: the last year ended
            fallback = str(pub[0] - 1), i
    if bare is not None:
        return bare
    if fallback is not None:
        return fallback
    # a data piece names the period of its data first (数据显示,截止到2025年6月)
    for i, (_, s) in enumerate(sents):
        ps = [p for p in find_periods(s, year, None, pub) if not p.base and not event_date(s, p)
              and w.data_lead.search(s, 0, p.start)]
        if ps:
            return ps[0].period, i
    # a title (or first sentence) that names a period in numbers (IDC:2021年第二季度中国智能手机
    # 市场出货量…, 10月华远汽车零售…) dates the piece; a relative one (今年, 去年同期) does not, nor one
    # still to come when it was published (李斌:12月份,我们预计交付量…)
    # (one written in numbers first; else one without its year but not against another: 前三季度)
    for written in (True, False):
        for i, (_, title) in enumerate(sents[:2]):  # the title, else the lead's first sentence
            ps = [p for p in find_periods(title, year, None, pub) if not p.base and not event_date(title, p) and not _since(title, p)]
            if len(ps) > 1 and re.fullmatch(r"\s*(?:【[^】]*】)?\s*", title[:ps[0].start]) \
                    and re.search(r"\d\s*日", title[ps[0].start:ps[0].end + 4]) \
                    and re.match(r"(?:\s*[0-3]?\d\s*日)?\s*[,，]", title[ps[0].end:]):
                ps = ps[1:]  # (8月15日,X发布报告称,2024年第二季度…: the day of the release, the quarter of the data)
            # (the first one it names: 第三季度净亏损…,而2017年第三季度为…: not the year compared with)
            if ps and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12]|-\d{2})?|\d{4}-\d{2}/\d{4}-\d{2}", ps[0].period) \
                    and (re.search(r"\d", title[ps[0].start:ps[0].end]) if written else not _RELATIVE.search(title, ps[0].start, ps[0].end)) \
                    and _not_after(ps[0].period, pub) == ps[0].period:
                return ps[0].period, i
    return None, None


def _since(s: str, p) -> bool:
    """自2019年至今, 从2019年以来, 创2018年以来新高: where a span starts, not the period a piece is about."""
    return bool(re.search(r"(?:自|从|自从)\s*$", s[max(0, p.start - 2):p.start])
                and re.match(r"\s*(?:[\u4e00-\u9fff]{1,4}?(?=以来))?(?:以来|起|开始|至今)", s[p.end:])) or bool(RECORD_SINCE.match(s, p.end))


#: the start of a record's span (创2018年以来新高), no period a figure is of
RECORD_SINCE = re.compile(r"\s*(?:以来|来)\s*(?:的)?\s*(?:新高|新低|最高|最低|最大|最小|最好|最差|最快|最慢|最多|最少|首次)")


def is_bulletin(sents: list[tuple[int, str]], w: FrameWords | None = None) -> bool:
    """Does the lead present statistics (a bureau's bulletin, a survey team's data)?"""
    w = w or frame_words()
    return w.statistics is not None and any(w.statistics.search(s) for _, s in sents)


def _reporting_entity(sents: list[tuple[int, str]], mentions, topic, w: FrameWords, text: str = ""):
    from .ner.config import load_ner_config

    sure = load_ner_config().confidence.min_subject  # a subject must be confident (issue 18)
    mentions = [m for m in mentions if m.confidence >= sure]
    # (a name a model took for an organization that ends as a place does, 星河省, is a place)
    cands = [m for m in mentions if m.cls in _ORG and not is_media(m, text) and not is_generic(m)
             and not (m.source != "lexicon" and _PLACE_NAME.search(m.label or ""))
             and not is_investor(m, sents) and not is_publisher(m, sents)]
    # a listed company named with its stock code (宁德时代(300750)) in the lead, first: an analyst
    # who publishes a note on its results (某某证券发布宁德时代三季报点评) reports on it
    for m in cands:  # (山东统计公报: a model's "organization" of a place and its statistics names the place)
        if (place := _place_of_statistics(m)) is not None:
            return place
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
        market = next((m for m in mentions if m.cls == "Place" and m.start < lead_end), None) or _national(sents) \
            or _world(sents[:told + 1])
        if market is not None or not any(_OWN_RESULTS.search(t) for _, t in sents):
            return market  # (a note's 年报数据显示,公司… names no market: who reports is found below)
    if (national := _national(sents[:3], announcing=True)) is not None:
        return national  # 国家邮政局公布数据,…: the country's figures
    named = any(base <= m.start < base + len(t) for m in cands for base, t in sents)  # (a company in the lead)
    if not named and (country := whole_country(sents)) is not None:
        return country  # 1-11月份全国规模以上工业企业利润: the country's statistics
    if not named and (titled := titled_company(sents)) is not None:
        return titled  # 华远证券发布研究报告《宁德时代2023年报点评》: what the note is on
    if topic is not None and not is_media(topic) and not is_investor(topic, sents) and not is_publisher(topic, sents) \
            and not (text and is_partner(topic, text)):
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


#: a lead that speaks of a company's own results (公司发布2023年年报, 公司2023年实现营收)
_OWN_RESULTS = re.compile(r"(?:公司|本公司|该公司|集团|本集团)(?:发布|公布|披露|\d{2,4}\s*年|[一二三四上下前]|Q[1-4]|实现|营收|收入|归母)")


_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{1,6}(?<!超)(?:省|市|自治区|自治州|县)$")

#: a Hong Kong stock code after a name: 4-5 digits from 0 (02099, 0700), or 4-5 digits with .HK
_HK_CODE = re.compile(r"\s*[(（]\s*(?:(?:股票|股份)?代[码號号]\s*[:：]?\s*)?(?:0\d{3,4}|\d{4,5}\.HK)\s*[)）]")


#: an investor of a funding round (由红杉中国领投, 腾讯跟投): never what the piece reports on
INVESTS = re.compile(r"\s*(?:等)?\s*(?:领投|跟投|参投|联合领投|独家投资|共同投资)")


def is_investor(m, sents: list[tuple[int, str]]) -> bool:
    """Is the name ``m`` an investor of a round its sentence tells of (阿里巴巴领投)?"""
    return any(b <= m.end <= b + len(t) and INVESTS.match(t, m.end - b) for b, t in sents)


def build_frame(text: str, sentences: list[tuple[int, str]], mentions, topic,
                year: int | None, published: str | None = None) -> Frame:
    """The frame of one article from its lead (the sentences starting in its first
    ``lead_chars`` characters): ``sentences`` are (start, text) pairs."""
    w = frame_words()
    lead = [(a, s) for a, s in sentences if a < w.lead_chars]
    pub = _published(published) or ((year, 12) if year else None)
    period, i = _reporting_period(lead, year, pub, w)
    entity = _reporting_entity(lead, sorted(mentions, key=lambda m: m.start), topic, w, text)
    bulletin = w.bulletin is not None and any(w.bulletin.search(s) for _, s in lead)
    fiscal = next((m for _, s in lead if (m := fiscal_year_end(s, published_month(published)))), None)
    if fiscal is None:  # a year ended in March (截至2024年3月31日止财年), or the company's known calendar
        fiscal = next((month for _, s in lead if (month := fiscal_end_named(s))), None) \
            or ((w.fiscal_ends or {}).get(entity.label if entity is not None else "")
                if any(re.search(r"财年|财季|财政年度", s) for _, s in lead) else None)  # (when the lead speaks of them)
    analyst = w.analyst is not None and any(w.analyst.search(s) for _, s in sentences)
    hk = entity is not None and any(_HK_CODE.match(s, m.end()) for _, s in lead
                                    for m in re.finditer(re.escape(entity.surface), s))
    note = w.currency_note.search(text) if w.currency_note is not None else None
    currency = _CURRENCY.get(next(c for c in note.groups() if c)) if note is not None else (w.place_currencies or {}).get(
        entity.label) if entity is not None and entity.cls == "Place" else None  # (香港's own figures in bare 元: HKD)
    return Frame(entity=entity, period=period, evidence=lead[i][1] if i is not None else None,
                 bulletin=bulletin and entity is not None and entity.cls == "Place", published=published,
                 fiscal_end=fiscal, analyst=analyst, hk_listed=hk, currency=currency)


_CURRENCY = {"港元": "HKD", "港币": "HKD", "美元": "USD", "人民币": "CNY"}


def frame_year(frame: Frame | None) -> int | None:
    m = re.search(r"\d{4}", (frame.period or "") if frame else "")
    return int(m.group(0)) if m else None

