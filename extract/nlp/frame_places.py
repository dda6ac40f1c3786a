"""The place a statistics piece is about when the lexicon does not name it: the region its
title or bureau names (2023年星河省居民收入…, 星河市统计局), or 中国 for a state agency's national
data (国家统计局, 国家邮政局公布数据)."""
from __future__ import annotations

import re

from .frame_words import frame_words


#: a statistics piece's title opening with its year (and month) and its place
_PLACE_TITLE = re.compile(r"\s*(?:\d{4}\s*年\s*(?:\d{1,2}\s*(?:-\d{1,2}\s*)?月份?)?)\s*(?P<n>[\u4e00-\u9fff]{2,6}?(?:省|市|自治区))")

#: the place a bulletin's title or a bureau names (2023年星河市国民经济和社会发展统计公报, 星河市统计局; 记者从星河省统计局获悉)
_TITLED_PLACE = re.compile(r"(?:\d{4}\s*年|记者\s*[\u4e00-\u9fff]{0,2}?从)?(?P<n>[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|自治州|地区|县|区))"
                           r"\s*(?:\d{4}\s*年)?\s*(?:国民经济和社会发展统计公报|统计局|调查总队)")


def _titled_place(sents: list[tuple[int, str]]):
    """The place a bulletin's title or its bureau names, as a Place mention, when the lexicon
    does not know it (a city's, a county's bulletin); 国家统计局's is 中国."""
    from .components.entities import Mention

    for base, s in sents:
        m = _TITLED_PLACE.search(s)
        if m is not None:
            a, b = base + m.start("n"), base + m.end("n")
            return Mention(a, b, "Place", m.group("n"), m.group("n"), "pattern", 0.8)
    for base, s in sents:  # a title opening with its year and its place (2023年星河省居民收入…情况),
        colon = re.search(r"[:：]", s)  # (after the bureau that publishes it: 星河调查总队:2023年星河省…)
        m = _PLACE_TITLE.match(s) or (_PLACE_TITLE.match(s, colon.end()) if colon else None)
        if m is not None:
            a, b = base + m.start("n"), base + m.end("n")
            return Mention(a, b, "Place", m.group("n"), m.group("n"), "pattern", 0.7)
    return _national(sents)


_PUBLISHES = re.compile(r"\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:最新)?(?:公布|发布|披露)?的?(?:统计)?数据")


def _national(sents: list[tuple[int, str]], announcing: bool = False):
    """中国, when a state agency that publishes national statistics is named (国家统计局, 国家邮政局
    公布数据; ``announcing``: followed by its data), not its provincial teams (国家统计局浙江调查总队)."""
    from .components.entities import Mention

    rx = frame_words().national
    for base, s in sents if rx is not None else ():
        k = rx.search(s)
        if k is not None and not re.match(r"[\u4e00-\u9fff]{2,8}?调查(?:总)?队", s[k.end():]) \
                and (not announcing or _PUBLISHES.match(s, k.end())):
            return Mention(base + k.start(), base + k.end(), "Place", "中国", k.group(0), "pattern", 0.8)
    return None
