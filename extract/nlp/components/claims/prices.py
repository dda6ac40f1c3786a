"""Share prices: a price or a move of a listed company's shares is of a trading day (the day the
clause names against the publication date), its move a plain change (growth); the turnover and
value said with it are of that day too; a quote after a listed name (格力电器(50.070, -0.12, -0.24%)) is
a price and its moves.
"""
from __future__ import annotations

import re

from ...frame import Frame, frame_words
from .draft import Draft, _clause_start

#: the day a clause names: a weekday, a month's day
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_MONTH_DAY = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])\s*月\s*([0-3]?\d)\s*日")
_WEEKDAYS = "一二三四五六日"


#: a target price as its clause names it (目标价, 的目标价上调至, 目标价格维持)
_TARGET_PRICE = re.compile(r"(?P<by>[\u4e00-\u9fffA-Za-z]{0,8}?)(?:的)?目标价(?:格)?(?:由|从)?(?:上调|下调|调整|调升|调降|维持|上修|下修)?(?:至|为|到|在)?")


#: the verbs a broker rates a company with (维持「买入」评级, 首予增持评级)
_RATING_VERBS = "维持|给予|首予|重申|予以"
#: what names a company's target price after the company: 目标价, 的目标价, or its rating first (「增持」评级,目标价…);
#: not a verb of rating, which the broker's name is before (高盛维持买入评级,目标价…)
_OWNS_TARGET = re.compile(r"\s*(?:的)?\s*(?:(?!" + _RATING_VERBS + r")[「『“\"]?[\u4e00-\u9fffA-Za-z]{1,6}[」』”\"]?\s*评级\s*[,，]\s*)?目标价")


#: a broker's rating after its name (高盛维持「买入」评级,目标价…): the broker rates the article's company
_RATES = re.compile(r"\s*(?:" + _RATING_VERBS + r"|上调|下调|调升|调降)?\s*[「『“\"]?[\u4e00-\u9fffA-Za-z]{1,6}[」』”\"]?\s*评级")


def _target_price(sent: str, d: Draft, frame: Frame | None, mentions) -> bool:
    """花旗将拼多多目标价由148美元上调至170美元: a target price is of the shares of the company named
    right before it (the subject), set by the broker that names it (花旗目标价), on no reporting period;
    a broker that rates with no company named (高盛维持「买入」评级,目标价…) rates the article's company.
    In bare 元, a Hong Kong listing's price is in Hong Kong dollars."""
    said = _TARGET_PRICE.fullmatch(d.metric or "")
    if said is None:
        return False
    owner = next((m for m in mentions if m.cls in ("Company", "Organization", "Platform") and m.end <= d.q.start
                  and _OWNS_TARGET.match(sent, m.end)), None)
    if owner is None and d.subject is not None and frame is not None and frame.entity is not None \
            and d.subject.label != frame.entity.label and d.subject.cls in ("Company", "Organization") \
            and any(m.label == d.subject.label and _RATES.match(sent, m.end) for m in mentions if m.end <= d.q.start):
        owner = frame.entity
    broker = d.subject if d.subject is not None and owner is not None and d.subject.label != owner.label \
        and d.subject.cls in ("Company", "Organization") else None
    d.subject = owner or d.subject
    if d.unit == "CNY" and not re.search(r"人民币|RMB|¥|￥", d.q.surface) \
            and (frame is not None and frame.hk_listed or re.search(r"港元|港币|港股|H股", sent[:d.q.start])):
        d.unit = "HKD"
    d.metric, d.metric_key = (broker.label if broker is not None else said.group("by")) + "目标价", None
    d.period = None  # a price the shares are to reach: of no period, whenever it is set
    return True


#: a Hong Kong stock code after a name (碧桂园(02007), 2007.HK): its price is in Hong Kong dollars
_HK_CODE = re.compile(r"[(（]\s*0\d{4}(?:\.HK)?\s*[)）]|(?<![\d.])\d{4,5}\.HK")


def _share_price(sent: str, d: Draft, frame: Frame | None, mentions=()) -> None:
    """A share price (股价61.7美元, 周二收报59.1美元, 全日收挫3.1%,报116.3港元) is of a trading day:
    the day the clause names (X月X日, 周二 or 昨日, against the publication date), else the day
    of publication; its metric is the closing price where the clause says so, and its move a
    plain change (growth). A price needs the full publication date to be dated."""
    if _target_price(sent, d, frame, mentions):
        return
    if _index_on_the_day(sent, d, frame):
        return
    if re.match(r"\s*(?:/|每)\s*(?:吨|千克|公斤|克|斤|桶|盎司|瓦|W|千瓦时|度|平方米|平米|头|立方米|方)", sent[d.q.end:d.q.end + 6]):
        if d.metric and (close := re.search(r"(?:收于|收报|报收于?|收盘于|收盘报)$", d.metric)):
            d.metric, d.metric_key = d.metric[:close.start()] + "收盘价", None
        return  # (沪铜主力合约收于79,460元/吨: a good's closing price, no share's)
    w = frame_words()
    q = d.q
    if frame is not None and frame.hk_listed and d.unit == "CNY" and re.fullmatch(r"(?:全日|半日|今日|当日)?(?:成交额|成交金额|成交)", d.metric or "") \
            and not re.search(r"人民币|RMB|¥|￥", sent[max(0, q.start - 4):q.end]):
        d.unit = "HKD"  # 全日成交额约1.2亿元 of a Hong Kong listing's shares: Hong Kong dollars, of the day
    if frame is not None and (re.fullmatch(r"(?:全日|半日|今日|当日)?(?:成交额|成交金额|成交)", d.metric or "") and frame.hk_listed
                              or re.fullmatch(r"(?:全日|半日|今日|当日)?(?:成交额|成交金额|成交)|(?:总|最新)?市值", d.metric or "")
                              and _PRICE_SAID.search(sent, 0, q.start)):
        # (股价高开…,成交额达2.13亿港元; 股价报25.6元,总市值320亿元: the turnover and value of the day the sentence tells)
        day = re.fullmatch(r"\d{4}-\d{2}-\d{2}", frame.published or "")
        # (昨日收报…,成交额约112亿港元: the day the sentence names, 12月3日, 昨日 or 周二, else the day of publication)
        d.period = (_trading_day(sent[:q.start], frame) or f"asof:{day.group(0)}") \
            if day and not re.search(r"\d{4}\s*年|[上下]半年|季度?|全年", sent) else d.period
    clause = _clause_start(sent, q.start)
    if clause > 1 and re.match(r"\s*(?:一度|曾|最高|最低)", sent[clause:]) and re.search(r"(?:高开|低开|开盘|平开)后?\s*[,，]\s*$", sent[:clause]):
        clause = _clause_start(sent, clause - 1)  # (港股今早高开,曾升5.2%: the move of the shares opened with)
    ytd = _YEAR_TO_DATE_MOVE.search(sent[clause:q.start]) and _PRICE_SAID.search(sent, 0, clause)  # (…;今年以来累计上升约30%)
    if q.kind == "percent" and d.is_change and (w.price_move is not None and w.price_move.search(sent[clause:q.start]) or ytd):
        # 美股盘后涨近8%: the share price's move on the trading day, no price said
        d.metric, d.metric_key = "股价", None
        d.changes = [("growth", v) for _, v in d.changes]
        d.change_kind = "growth"
        d.period = _trading_day(sent[max(0, clause - 24):q.start], frame)
        return
    if d.metric and (bare := _DAY_PART_PRICE.fullmatch(d.metric)):
        d.metric, d.metric_key = bare.group(1), None  # (腾讯今早股价升3%至380港元: the price, of the day)
    per_share = sent[max(0, q.start - 1):q.start] == "报" and re.search(r"元/股", q.surface)  # (中科曙光报68.50元/股)
    # (蔚来昨日股价收报26.85元;今早再跌3%,至26.05元: a move to an amount after a price said is a price)
    moved = _MOVED_TO.search(sent, max(0, q.start - 12), q.start) is not None and _PRICE_SAID.search(sent, 0, q.start) is not None
    dated = _PRICE_DATED.search(sent, max(0, q.start - 32), q.start)  # (当前股价(4月26日):243.60元)
    if q.kind != "money" or w.price_before is None or not (w.price_before.search(sent, max(0, q.start - 6), q.start)
                                                          or d.metric in ("股价", "收盘价") or per_share or moved or dated):
        return  # (天星航运今早股价高开,一度升8.2%至16.68港元: the price its clause or the one before names)
    lead = sent[max(0, clause - 24):q.start]  # the clause and the one before it (全日收挫3.1%,报…)
    if _OWN_DAY.search(sent, clause, q.start):
        lead = sent[clause:q.start]  # (港股今早开报151.7元: a clause naming its own day is its own)
    elif (cut := max(lead.rfind(";"), lead.rfind("；"))) >= 0:
        lead = lead[cut + 1:]  # (美股收报19.4美元;港股…: nor a clause after a semicolon)
    if d.unit == "CNY" and (frame is not None and frame.hk_listed or re.search(r"港股|H股", lead) or _HK_CODE.search(lead)) \
            and not re.search(r"人民币|RMB|¥|￥", q.surface):
        d.unit = "HKD"  # 现报92.5元 of a Hong Kong listing (港股今早开报151.7元, 碧桂园(02007)跌1.8%,报0.545元): Hong Kong dollars
    if any(x in _MIDDAY.sub("", lead) for x in w.price_close):  # (午收报: the price at midday, no close)
        d.metric, d.metric_key = "收盘价", None
    elif not d.metric or "价" not in d.metric or _MIDDAY.search(lead) or d.metric in _CURRENT_PRICE:
        d.metric, d.metric_key = "股价", None
    d.changes = [("growth" if k in ("yoy", "growth") else k, v) for k, v in d.changes]
    if dated is not None:  # (收市价(2024年3月26日):78.8港元: the day in brackets before it)
        d.metric, d.metric_key = ("收盘价" if dated.group("w") in ("收市价", "收盘价") else "股价"), None
        lead = f"{int(dated.group('m'))}月{int(dated.group('d'))}日"
    if (on := _DAY_AFTER.match(sent, q.end)) is not None:
        lead = f"{int(on.group('m'))}月{int(on.group('d'))}日"  # (现价:92.55港元(2023年11月28日): the day in brackets)
    d.period = _trading_day(lead, frame)


#: a stock index before its level or its move on a trading day (恒生指数收报17,511点; 恒生地产分类指数跌0.6%)
_INDEX = re.compile(r"(?P<i>(?:[\u4e00-\u9fffA-Za-z]{2,10}?)指数)\s*(?:今日|今早|昨日|全日|早市|午间|半日)?\s*"
                    r"(?:(?P<close>收报|收市报?|收盘报?|收于|报收于?|报)|(?:高开|低开|一度)?(?:下跌|上涨|上升|回落|跌|升|涨))\s*$")


def _index_on_the_day(sent: str, d: Draft, frame: Frame | None) -> bool:
    """恒生指数收报17,511点,跌19点或0.1% / 恒生地产分类指数跌0.6%: an index's level or move, with no period
    said in its clause, is of a trading day (as a share price is); the index is its subject."""
    from ..entities import Mention

    q, clause = d.q, _clause_start(sent, d.q.start)
    m = _INDEX.search(sent, clause, q.start)
    level = m is not None and m.group("close") and q.unit_word == "点"
    if m is None or not (level or (q.kind == "percent" and d.is_change and not m.group("close"))) \
            or re.search(r"\d{4}\s*年|[上下]半年|季度?|全年|今年以来|年内|[1-9]\d?\s*月", sent[clause:q.start]):
        return False
    name = m.group("i")
    d.subject, d.subject_here = Mention(m.start("i"), m.end("i"), "Segment", name, name, "pattern", 0.7), True
    d.metric, d.metric_key = ("收盘点位" if "收" in (m.group("close") or "") else "点位") if level else "涨跌幅", None
    d.changes = [("growth" if k in ("yoy", "growth", "qoq") else k, v) for k, v in d.changes]
    d.change_kind = "growth" if d.is_change else d.change_kind
    d.period = _trading_day(sent[max(0, clause - 24):q.start], frame)
    return True


#: a day or a part of one a clause names (今早, 昨日, 周二, 11月20日) or an opening price (开报)
_DAYS = r"今早|今晨|今日|今天|昨日|昨天|昨晚|周[一二三四五六日]"
_OWN_DAY = re.compile(_DAYS + r"|\d{1,2}\s*月\s*\d{1,2}\s*日|开(?:盘|市)?报")
#: a price's day in brackets after it ((10月26日), (2023-10-20), (2023年11月28日))
_DAY_AFTER = re.compile(r"\s*[(（]\s*(?:(?:19|20)\d{2}\s*[年/.-]\s*)?(?P<m>1[0-2]|0?[1-9])\s*[月/.-]\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日?\s*[)）]")
#: a price named with its day in brackets before its figure (当前股价(4月26日):243.60元, 收市价(2024年3月26日):78.8港元)
_PRICE_DATED = re.compile(r"(?P<w>现价|当前价|当前股价|最新价|最新股价|收市价|收盘价|股价)\s*[(（]\s*(?:(?:19|20)\d{2}\s*[年/.-]\s*)?"
                          r"(?P<m>1[0-2]|0?[1-9])\s*[月/.-]\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日?\s*[)）]\s*[:：]?\s*(?:人民币|港币|港元|美元)?\s*$")
#: a rating's header naming the share's price as of now (现价:70.10元): its share price
_CURRENT_PRICE = ("现价", "当前价", "当前股价", "最新价", "最新股价")
#: the midday break's price (午收报, 半日收报): the morning's last, no closing price
_MIDDAY = re.compile(r"(?:午|半日|早市|上午)\s*(?:收报|收市报?|收盘报?|收)")
#: a share price named after the part of the trading day it is of (今早股价, 昨日收盘价)
_DAY_PART_PRICE = re.compile(r"(?:" + _DAYS + r"|早盘|早段|午后|午盘|盘中|尾盘|日内|当日)+\s*(股价|收盘价)")


#: a share's move since the year began, said after its price (今年以来累计上升约30%, 年内累跌43%)
SINCE_THE_YEAR_BEGAN = r"\s*(?:但|而)?\s*(?:今年以来|年初至今|今年迄今|年内|年初以来)\s*"
_YEAR_TO_DATE_MOVE = re.compile(r"^" + SINCE_THE_YEAR_BEGAN + r"(?:累计|累)?\s*(?:上升|下跌|上涨|升|跌|涨|下挫)\s*(?:了|约|近|逾|超)?\s*$")


def _trading_day(lead: str, frame: Frame | None) -> str | None:
    """The day a share price or move is of: the day ``lead`` (its clause and the one before) names
    (X月X日, 周二, 昨日, 当日 of the lead's event) against the publication date, else that date;
    None without a full publication date."""
    import datetime as dt

    w = frame_words()
    pub = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", (frame.published if frame else None) or "")
    if pub is None:
        return None
    day = dt.date(int(pub.group(1)), int(pub.group(2)), int(pub.group(3)))
    if (md := _MONTH_DAY.search(lead)) is not None:
        day = dt.date(day.year, int(md.group(1)), int(md.group(2)))
    elif (wd := _WEEKDAY.search(lead)) is not None:
        want = _WEEKDAYS.index(wd.group(1).replace("天", "日"))
        day -= dt.timedelta(days=(day.weekday() - want) % 7)
    elif (dm := _DAY_OF_MONTH.search(lead)) is not None and 1 <= int(dm.group(1)) <= day.day:
        day = day.replace(day=int(dm.group(1)))  # (美股13日盘前上涨1.5%, said on the 14th: the 13th of the month)
    elif any(x in lead for x in w.price_yesterday):
        day -= dt.timedelta(days=1)
    elif re.search(r"当日|当天", lead) and frame.evidence and (md := _MONTH_DAY.search(frame.evidence)) is not None \
            and dt.date(day.year, int(md.group(1)), int(md.group(2))) <= day:
        day = dt.date(day.year, int(md.group(1)), int(md.group(2)))  # 11月28日,X发布财报。…股价当日…: that day
    return f"asof:{day.isoformat()}"

#: a day of the month named alone before a move or price (美股13日盘前上涨1.5%)
_DAY_OF_MONTH = re.compile(r"(?<![\d月.])([12]\d|3[01]|[1-9])\s*日(?=\s*(?:盘前|盘后|早盘|午盘|收盘|开盘|晚间|晚|早|上午|下午|盘中|[\u4e00-\u9fff]{0,4}(?:收报|报|上涨|下跌|涨|跌|升)))")
_PRICE_SAID = re.compile(r"股价|收报|收市|收盘|高开|低开|午前|午后|盘中")
#: a share's move on the day, then the price it moved to (再跌3%,至26.05元)
_MOVED_TO = re.compile(r"(?:今早|今日|盘中|午后|早盘)?(?:再)?(?:升|跌|涨|挫)\s*[\d.]+\s*%\s*[,，]?\s*(?:至|到|报)\s*$")



def _quotes(sent: str, drafts: list[Draft]) -> None:
    """格力电器(50.070, -0.12, -0.24%): a quote after a listed name, its price, the day's move and
    the move in percent; the price is the claim, the moves its changes."""
    at = {d.q.start: d for d in drafts}
    for m in _QUOTE.finditer(sent):
        price, move, rate = at.get(m.start("p")), at.get(m.start("d")), at.get(m.start("r"))
        if price is None or rate is None:
            continue
        price.quote = price.kinds_known = True
        for ch, kind, value in ((move, "abs", float(m.group("d"))), (rate, "growth", rate.q.value)):
            if ch is None:
                continue
            ch.is_change, ch.change_kind, ch.changes = True, kind, [(kind, value)]
            ch.attached, ch.target = True, price
            price.changes.append((kind, value))


_QUOTE = re.compile(r"[(（]\s*(?P<p>\d+(?:\.\d+)?)\s*[,，]\s*(?P<d>[+\-]?\d+(?:\.\d+)?)\s*[,，]\s*"
                    r"(?P<r>[+\-]?\d+(?:\.\d+)?\s*%)\s*[)）]")
