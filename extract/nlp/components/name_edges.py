"""The edges of a guessed name: the words a model or a pattern glues before it (落后某某股份, 2023年公司)
or after it (华远毛利, 星河科技召开), and guesses that are no names at all: a measure inside a metric
of the lexicon (EBITA in 经调整EBITA), a ticker after its exchange (纽交所:YSG), a market's
segment (国际市场游戏)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..patterns import load_patterns

_PERIOD_LEAD = re.compile(r"^(?:(?:20)?\d{2}(?:年(?:第?[一二三四1-4]季度|[上下]半年|度|全年)?|[HQ][1-4]|E)|[HQ][1-4]|(?:本|上|下)?(?:季度|半年))\s*")


def without_lead(m):
    """A guessed organization (an entities.Mention) without the words glued before it (落后某某股份 -> 某某股份);
    None when nothing of a name is left (我们预计公司: a pronoun, a verb and a head)."""
    rx = load_patterns().org_lead
    if m.cls not in ("Company", "Organization") or m.source == "lexicon" or rx is None:
        return m
    tail = load_patterns().org_tail
    cut_tail = tail.search(m.surface) if tail is not None else None
    if cut_tail is not None and cut_tail.start() >= 2:  # 华远毛利: the name, then a metric
        k = len(m.surface) - cut_tail.start()
        m = replace(m, end=m.end - k, surface=m.surface[:-k],
                    label=m.label[:-k] if m.label.endswith(m.surface[-k:]) else m.label)
    cut = _PERIOD_LEAD.match(m.surface) or rx.match(m.surface)  # 21H2公司, 2023年公司: a period, no name
    if cut is None or not cut.end():
        return m
    rest = m.surface[cut.end():]
    pats = load_patterns()
    core = next((rest[:-len(h)] for h in pats.org_heads if rest.endswith(h)), rest)
    if len(core) < 2 or rest in pats.not_names or rest in pats.generic or deed_and_object(rest):
        return None
    k = cut.end()
    return replace(m, start=m.start + k, surface=rest, label=m.label[k:] if m.label.startswith(m.surface[:k]) else m.label)


def deed_and_object(w: str) -> bool:
    """期内交付汽车61,855辆: a verb of output and the goods it deals in (交付汽车, 销售新车) name no one."""
    pats = load_patterns()
    return any(w.startswith(v) and w[len(v):] in pats.verb_generic_objects for v in pats.verb_measures)


def without_quote_verb(text: str, m):
    """A guessed organization glued to the 报 of a share quote (中科曙光报68.50元/股 -> 中科曙光): no
    outlet's name (日报, 晚报, 时报 …) ends there before a number."""
    from ..frame_words import frame_words

    if m.cls not in ("Company", "Organization") or m.source == "lexicon" or not m.surface.endswith("报") or len(m.surface) < 3 \
            or frame_words().media_suffix.search(m.surface) or not re.match(r"\d", text[m.end:m.end + 1]):
        return m  # (西江都市报 2…: an outlet's name, frame.toml media_suffix)
    return replace(m, end=m.end - 1, surface=m.surface[:-1], label=m.label[:-1] if m.label == m.surface else m.label)


def with_head(text: str, m):
    """A guessed organization that stops right before an institution's head (中国星河协会 -> 中国星河)
    takes the head: no name ends there."""
    if m.cls not in ("Company", "Organization") or m.source == "lexicon":
        return m
    head = next((h for h in load_patterns().institution_heads if text.startswith(h, m.end)), "")
    if not head or m.surface.endswith(head):
        return m
    return replace(m, end=m.end + len(head), surface=m.surface + head,
                   label=m.label + head if m.label == m.surface else m.label)


def no_name(text: str, m, measures: list[tuple[int, int]]) -> bool:
    """Is the guess ``m`` no name: inside a metric of the lexicon (``measures``: EBITA in 经调整EBITA),
    or a ticker right after its exchange (纽交所:YSG), a sector (汽车行业) or a fiscal year's FY (FY24)?"""
    return any(a <= m.start and m.end <= b for a, b in measures) \
        or bool(_ticker_before().search(text, max(0, m.start - 12), m.start)) \
        or (m.cls in ("Company", "Organization") and bool(_MARKET_PART.search(m.surface))) \
        or (m.cls in ("Company", "Organization") and m.source != "lexicon" and m.surface.endswith(("行业", "领域"))) \
        or bool((fy := _FISCAL_LABEL.match(text, m.start)) and fy.end() >= m.end)


#: a fiscal year's label (FY24, FY2025, FY25E): a period, never a name
_FISCAL_LABEL = re.compile(r"(?<![A-Za-z])FY\s*(?:\d{2}|\d{4})(?![\d])")


#: a market or an area with what is sold there (本土市场游戏, 国际市场游戏): a segment, no name
_MARKET_PART = re.compile(r"^(?:本土|国际|海外|国内|境内|境外|中国|全球)?市场[\u4e00-\u9fff]|(?:市场|地区|区域)(?:游戏|业务|收入)")


@cache
def _ticker_before() -> re.Pattern[str]:
    """An exchange (``exchanges`` in ontology/frame.toml) and a colon right before a ticker (纽交所:)."""
    from ..frame_words import frame_words

    names = sorted(frame_words().exchanges, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + r"|交易所)\s*[:：]\s*$")


def describes(text: str, m, nxt) -> bool:
    """Is the guessed organization ``m`` a description of the name ``nxt`` right after it
    (美国芯片设计公司星辰科技, 晶圆代工龙头台积电): no name of its own (``description_labels`` and
    ``description_heads`` in ontology/patterns.toml)."""
    if m.source == "lexicon" or m.cls not in ("Company", "Organization") or nxt is None \
            or nxt.cls not in ("Company", "Organization", "Platform") or m.surface.endswith(load_patterns().legal_forms):
        return False  # (华远证券交易所有限公司的规则: a legal name is no description)
    pats = load_patterns()
    between = pats.description_labels.fullmatch(text[m.end:nxt.start])
    # (a label between them, or a description's own head: 切尔西曼联 are two names)
    return between is not None and (bool(between.group()) or m.surface.endswith(pats.description_heads))


def bracketed_latin(text: str, m, prev) -> bool:
    """Is ``m`` a Latin name in brackets right after the name ``prev`` (星辰科技(Starline Technology)):
    that name's other form, no name of its own."""
    return m.source != "lexicon" and prev is not None and prev.cls in ("Company", "Organization", "Platform") \
        and re.fullmatch(r"[A-Za-z][A-Za-z .&-]*", m.surface) is not None \
        and re.fullmatch(r"\s*[(（]\s*", text[prev.end:m.start]) is not None
