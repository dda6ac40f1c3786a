"""The number patterns, built from the data tables (:mod:`.data`: units, magnitudes, hedges,
non-numbers) once per process: numerals, magnitude chains, the main quantity pattern and the
masks of spans that hold digits but no quantity (URLs, IDs, phones, dates, times).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data import HedgeRow, UnitRow, tables


# characters: full-width forms and dashes map one-to-one, so offsets survive the translation
def _width_table() -> dict[int, str]:
    t = {0xFF10 + i: str(i) for i in range(10)}
    t.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
    t.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
    t.update({ord(a): b for a, b in zip("．％－～〜＄（）：／＋—–―−\u3000\u00a0",
                                        ".%-~~$():/+----  ")})
    return t


_WIDTH = _width_table()
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟幺"
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9]|,[0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_CN = rf"[{_CN_DIGITS}十][{_CN_DIGITS}十百千万亿]*(?:点[{_CN_DIGITS}]+[万亿]*)?"
_ARABIC_RE = re.compile(rf"(?:{_ARABIC})")
_CN_ONLY = re.compile(rf"[{_CN_ALL}]+")
_SPACE_IN_NUMBER = re.compile(r"(?<=\d)\s+(?=[十百千万亿])")


def _alt(words, lookahead: dict[str, str] | None = None, lookbehind: dict[str, str] | None = None) -> str:
    """Regex alternation, longest word first, with per-word guards."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        p = re.escape(w)
        if lookbehind and lookbehind.get(w):
            p = f"(?<![{re.escape(lookbehind[w])}]){p}"
        if lookahead and lookahead.get(w):
            p = f"{p}(?![{re.escape(lookahead[w])}])"
        parts.append(p)
    return "|".join(parts)


@dataclass(frozen=True)
class _Compiled:
    magnitudes: dict[str, int]
    alone: frozenset[str]
    mag_re: re.Pattern
    chain_re: re.Pattern
    units_pre: dict[str, UnitRow]
    units_post: dict[str, UnitRow]
    hedges: dict[tuple[str, str], HedgeRow]
    mask_re: re.Pattern
    mask_reasons: dict[str, str]
    main_re: re.Pattern


#: spans that hold digits but no quantity; a mask starting with a character outside the
#: lookahead of :func:`_compiled` (digits, Latin letters, ``-.+_:：``, 微公账编代) must add it there
_MASKS = {
    # host names and addresses start where their run of characters starts: tried once a run,
    # not at every character of it (a match inside a run extends to one from its start)
    "url": r"(?:https?://|www\.)[^\s，。；、）)\"'”\u4e00-\u9fff]+"
           r"|(?<![A-Za-z0-9-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|io|cc|me|tv)(?![A-Za-z0-9])(?:/[^\s，。；、）)\u4e00-\u9fff]*)?",
    "email": r"(?<![A-Za-z0-9._+-])[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    "id": r"(?:ID|Id|id|微信号|公众号|账号|编号|代码|代号)\s?[:：]\s*[A-Za-z0-9_.-]+|\d{4,6}\.(?:HK|SH|SZ|US|hk|sh|sz)(?![A-Za-z])",
    # a site's registration (京ICP备12345678号-1, 京公网安备…号), a postcode, a copyright's years
    "registration": r"(?:ICP|公网安)\s*备\s*\d+\s*号(?:\s*-\s*\d+)?|(?:邮编|邮政编码)\s*[:：]?\s*\d{6}(?!\d)"
                    r"|(?:Copyright|COPYRIGHT|©)\s*(?:©\s*)?(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?",
    "phone": r"(?<!\d)[48]00[- ]?\d{3}[- ]?\d{4}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
             r"|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"
             r"|(?<!\d)[48]00(?=\s?[\u4e00-\u9fff]{0,3}(?:电话|热线|客服|号码))"
             r"|(?<=电话)[:：]?\s*[\d-]{5,}|(?<=热线)[:：]?\s*[\d-]{5,}",
    "date": r"(?<![\d.])(?:19|20)\d{2}(?:[-/](?:1[0-2]|0?[1-9])(?:[-/](?:3[01]|[12]\d|0?[1-9]))?"
            r"|\.(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9]))(?![\d.])"
            # an analyst's period in shorthand (H1'24, Q3'24, 9M24, 1-3Q24)
            r"|(?<![A-Za-z])[QH][1-4]\s*['’]\s*\d{2}(?!\d)|(?<![\dA-Za-z])(?:\d{1,2}M|1\s*-\s*[23]Q)\s*(?:19|20)?\d{2}(?!\d)"
            r"|(?<=Q1)\s*[-~～]\s*[23](?![\dQ])",
    # a ratio (三次产业结构为3.0:41.1:55.9, 性别比104.5:100): three parts, or a decimal part, is
    # no time of day; its parts are no claims of their own
    "ratio": r"(?<![\d.])\d+(?:\.\d+)?(?:\s*[:：]\s*\d+(?:\.\d+)?){2,}(?![\d.])"
             r"|(?<![\d.])\d+\.\d+\s*[:：]\s*\d+(?:\.\d+)?(?![\d.])|(?<![\d.])\d+\s*[:：]\s*\d+\.\d+(?![\d.])",
    "time": r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)",
}


@cache
def _compiled() -> _Compiled:
    """Every pattern, built from the data tables once per process."""
    tb = tables()
    mags = {m.word: m.value for m in tb.magnitudes}
    # 3百分点, 千分之五: 百/千 belong to the unit; an English word (billion) ends at a word edge
    mag = "(?:" + "|".join(re.escape(w) + ("(?![A-Za-z])" if w.isascii() else "")
                           for w in sorted(mags, key=lambda w: (-len(w), w))) + ")(?!分[点之])"
    alone_words = frozenset(m.word for m in tb.magnitudes if m.alone)
    alone = f"(?:{_alt(alone_words)})(?![万亿])" if alone_words else "(?!)"
    units_pre = {u.word: u for u in tb.units if u.position in ("pre", "both")}
    units_post = {u.word: u for u in tb.units if u.position in ("post", "both")}
    hedges = {(h.word, h.position): h for h in tb.hedges}
    pre_h = [h for h in tb.hedges if h.position == "pre"]
    mid_h = [h.word for h in tb.hedges if h.position == "mid"]
    post_h = [h.word for h in tb.hedges if h.position == "post"]
    bare_after = "".join(sorted({h.word[-1] for h in pre_h}))
    post_unit = _alt(units_post, lookahead={w: u.not_before for w, u in units_post.items()})
    pre_unit = _alt(units_pre)
    pre_hedge = _alt([h.word for h in pre_h], lookbehind={h.word: h.not_after for h in pre_h})

    def core(p: str) -> str:
        # a minus, or 负 as a rate the text calls negative (毛利率为负6.1%, 是负的5.2%)
        neg = rf"(?P<{p}neg>(?<![\dA-Za-z%年月日号亿万元)）])-|(?<=[为是达至的从由])负(?:的)?(?=\s*\d))?" if p == "a" \
            else r"(?P<bneg>(?<=[至到~])-)?"  # (-1.02亿元至-0.77亿元: a loss's range, negative at both ends)
        return (rf"{neg}(?P<{p}num>{_ARABIC}|{_CN}|(?<=[{re.escape(bare_after)}]){mag}|{alone})"
                rf"(?:[ ]?(?P<{p}mag>{mag})(?P<{p}more>(?:(?:{_ARABIC})[ ]?(?:{mag}))+)?)?"
                rf"(?:(?P<{p}mid>{_alt(mid_h)})(?P<{p}mag2>{mag})?)?"
                rf"(?:(?:(?<=[\d%])[ ])?(?P<{p}unit>{post_unit}))?")  # (a space only after a digit: 1600亿 张某 is no 张)

    # a match starts with a hedge, a unit before the number, a minus or the number itself
    starts = {w[0] for w in [*(h.word for h in pre_h), *units_pre, *mags, *alone_words]}
    starts |= set("-0123456789十负" + _CN_DIGITS)
    main = ("(?=[" + "".join(re.escape(ch) for ch in sorted(starts)) + "])"
            # 约为/约有/约合 420亿: the hedge is 约, linked to the number by a verb
            rf"(?:(?P<hedge>{pre_hedge})(?:(?<=约)(?:为|有|合|达|在))?[ ]?)?"
            rf"(?P<preneg>(?<=[为是达至的从由])负(?=(?:人民币|港币|港元|美元)))?"  # (为负人民币3860万元: a negative amount)
            rf"(?:(?P<pre>{pre_unit})[ ]?)?"
            rf"(?:(?P<hedge2>{pre_hedge})[ ]?)?"
            rf"{core('a')}(?:[ ]?(?P<sep>-|~|至|到)[ ]?{core('b')})?(?P<post>{_alt(post_h)})?")
    masks = dict(_MASKS)
    reasons = {k: k for k in masks}
    for i, nn in enumerate(tb.non_numbers):
        name = f"nn{i}"
        masks[name] = re.escape(nn.word)
        reasons[name] = "drop" if nn.action == "drop" else nn.reason
    # the characters a mask can start with (or, for 电话:/热线:, the character after the
    # lookbehind): a lookahead of them lets the search skip every other position in C
    firsts = set("0123456789-.+_:：") | {chr(c) for c in range(65, 91)} | {chr(c) for c in range(97, 123)}
    firsts |= set("微公账编代邮©") | {nn.word[0] for nn in tb.non_numbers}
    lead = "(?=[\\s" + "".join(re.escape(ch) for ch in sorted(firsts)) + "])"
    mask_re = re.compile(lead + "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in masks.items()) + ")")
    return _Compiled(
        magnitudes=mags, alone=alone_words, mag_re=re.compile(mag),
        chain_re=re.compile(rf"(?P<n>{_ARABIC})(?P<m>{mag})?"),
        units_pre=units_pre, units_post=units_post, hedges=hedges,
        mask_re=mask_re, mask_reasons=reasons, main_re=re.compile(main))
