"""The unit of a claim: its quantity's own, corrected by its metric (员工 are a count, not users),
else inferred for a bare number; fen and cents of a per-share amount; and the metric as a measure
(交付 -> 交付量; 末期股息每股 -> 每股末期股息), its hedge (约占) and its lexicon entry."""
from __future__ import annotations

import re

from ...lexicon import Lexicon
from ...patterns import WordRegex
from .draft import Draft
from .metrics import _measure_of_verb


_UNIT_OF_KIND = {"users": "users", "money": "CNY", "percent": "percent", "ratio": "percent",
                 "minutes": "minutes", "count": "count", "multiple": "other:倍"}

_USERS_AFTER = re.compile(r"^\s*(?:的)?(?:[\u4e00-\u9fff]{0,4}?)(?:用户|粉丝|网民|观众|会员|人次|人)")

def _unit_of(sent: str, q, metric_key: str | None, lex: Lexicon, metric: str | None) -> str:
    """The claim's unit: the quantity's own, corrected by the metric for head counts (员工 are a
    count, not users), else inferred for a bare number."""
    from ...patterns import load_patterns

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
    from ...patterns import load_patterns

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


#: a holding named by its verb alone (持有公司, 持股) and a metric that is an increment (用户规模增量):
#: word lists of claim_words.toml
_HOLDING = WordRegex(r"(?:{holding_words})")

_INCREMENT = WordRegex(r"(?:{increment_tails})$")

#: a deal in shares right before their count (回购约870万股ADS, 全球发售3.6亿股股份): claim_words.toml share_deals
_SHARE_DEAL = WordRegex(r"(?P<v>{share_deals})(?:了)?(?:合共|共计|共|合计|累计)?\s*(?:约|近|超过|逾)?\s*$")

_PER_SHARE_MONEY = re.compile(r"每股.*(?:盈利|收益|利润|股息|派息|分红|净资产)|(?:股息|派息|分红)|^每股$")  # (…(2022年:每股12.0分): per share)

#: a dividend said by its payment alone (拟派末期息, 派发中期股息): a dividend per share
_PAYOUT_SAID = re.compile(r"(?:拟|建议|宣布)?(?:派发|宣派|派)(?P<k>末期|中期|特别|末期特别)股?息")

#: a dividend's other name in brackets, the one it is (第二次中期股息(即末期股息)): that dividend
_NAMELY = re.compile(r"[(（]\s*(?:即|亦即|也即|即为)\s*(?P<k>末期|特别|中期)股?息\s*[)）]")


def _set_unit(sent: str, d: Draft, lex: Lexicon) -> None:
    """The unit of ``d`` (and a scale: fen and cents of a per-share amount), and its metric as a
    measure (交付 -> 交付量; 末期股息每股 -> 每股末期股息)."""
    q = d.q
    d.unit = _unit_of(sent, q, d.metric_key, lex, d.metric)
    if (paid := _PAYOUT_SAID.fullmatch(d.metric or "")) and q.kind in ("money", "measure", "count", "bare"):
        d.metric, d.metric_key = "每股" + paid.group("k") + "股息", None  # 拟派末期息37.75分: the dividend per share
    if (namely := _NAMELY.search(sent, max(0, q.start - 20), q.start)) and d.metric and "息" in d.metric:
        d.metric, d.metric_key = "每股" + namely.group("k") + "股息", None  # 第二次中期股息(即末期股息)每股4.2元
    if d.unit == "HKD" and q.surface.rstrip().endswith("仙") and re.search(r"人民币|RMB", q.surface):
        d.unit = "CNY"  # 人民币30仙: cents of the currency said before the number
    if d.unit == "other:分" and _PER_SHARE_MONEY.search(d.metric or ""):
        d.unit, d.scale = "CNY", 0.01  # 每股基本盈利280.09分: fen, hundredths of a yuan
    elif q.kind == "money" and not q.surface.rstrip().endswith(("美分", "仙")) \
            and (q.surface.rstrip().endswith("分") or re.match(r"\s*分(?![钟之])", sent[q.end:q.end + 3])) \
            and _PER_SHARE_MONEY.search(d.metric or ""):
        d.scale = 0.01  # 每股港币72分: cents of the currency said before the number (仙 is a unit of its own)
    d.metric = _measure_of_verb(d.metric, d.unit)
    if q.unit_word == "股" and d.metric and (deal := _SHARE_DEAL.search(sent, max(0, q.start - 10), q.start)) \
            and deal.group("v") not in d.metric:
        d.metric, d.metric_key = deal.group("v") + d.metric, None  # 回购约870万股ADS: 回购ADS
    if d.metric and _INCREMENT.search(d.metric) and not d.is_change and not d.changes and q.kind not in ("percent", "points"):
        # 用户规模增量为1.63亿: an increment is a change with no level (value the change, abs)
        d.changes = [("abs", q.value * d.scale)]
    if d.metric and _HOLDING.fullmatch(d.metric):
        # 持有公司4448.85万股, 持股降至3.01%: the holding, in shares or as a share of the company
        d.metric, d.metric_key = ("持股比例" if q.kind == "percent" else "持股数"), None
    if d.metric and (per := re.search(r"每股(?:普通股|美国存托股|ADS)?$", d.metric)) and per.start() > 0:
        d.metric = d.metric[:per.start()] + "每股"  # (现金股息每股普通股0.38美元)
    if d.metric and d.metric.endswith("每股") and len(d.metric) > 2:
        # 末期股息每股72港仙: 每股末期股息 (连同中期息每股12仙, 另派特别股息每股5仙: 每股中期息, 每股特别股息)
        d.metric = "每股" + re.sub(r"^(?:批准|宣布|建议)?(?:连同|另派|另|并派|加派|拟派|派发|派)?(?!息)|(?:为|是)$", "", d.metric[:-2])


def _hedged_share(d: Draft) -> None:
    """网络广告收入约占总收入的17%: the hedge before 占 is the figure's qualifier, no part of its metric."""
    from dataclasses import replace

    m = re.search(r"(约|近|超过|逾|接近)占", d.metric or "")
    if m and not d.q.qualifier:
        d.metric, d.metric_key = d.metric[:m.start()] + d.metric[m.start(1) + len(m.group(1)):], None
        d.q = replace(d.q, qualifier=m.group(1))

def _lexicon_metric(lex: Lexicon, phrase: str) -> str | None:
    """The lexicon metric a phrase names once a relative clause's verb is taken out (X产生的收入
    -> X收入), or None."""
    plain = re.sub(r"(?:产生|带来|贡献|实现|创造|获得|录得)的", "", phrase)
    if plain == phrase:
        return None
    return next((e.key for e in lex.by_surface(plain) if getattr(e, "cls", "") == "Metric"), None)
