"""Where the text is cut: articles run together in one file (footers, numbered sections, topic
shifts at title-like lines), over-long articles, and sentences."""
from __future__ import annotations

import bisect
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass

_SENT_END = re.compile(r"[^。!?！？\n]*(?:[。!?！？]+[”’」』)]?|\n|$)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text`` is ``article.text[start:end]``."""

    start: int
    end: int
    text: str


def split_sentences(text: str, skip: list[tuple[int, int]] = ()) -> list[Sentence]:
    """Sentences of ``text`` split on 。!?！？ and line breaks, with offsets; a ``?`` inside a
    ``skip`` span (mojibake) does not end a sentence.

    >>> [s.text for s in split_sentences("营收增长12%。净利润1.2亿元!\\n下一段")]
    ['营收增长12%。', '净利润1.2亿元!', '下一段']
    """
    out: list[Sentence] = []
    pos, n = 0, len(text)
    start = 0
    while pos < n:
        m = _SENT_END.match(text, pos)
        end = m.end() if m and m.end() > pos else pos + 1
        if any(a < end <= b for a, b in skip) and end < n and text[end - 1] != "\n":
            pos = end
            continue
        _add_sentence(out, text, start, end)
        pos = start = end
    if start < n:
        _add_sentence(out, text, start, n)
    return out


def _add_sentence(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:  # a run without an end of sentence: bounded parts (see safe_cut)
        cut = safe_cut(text, a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        _add_sentence(out, text, a, cut)
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append(Sentence(a, b, text[a:b]))


#: the longest sentence in characters (the sample's longest has 309): a longer run is cut into
#: parts, so that text without punctuation costs per character what sentences do (the later
#: stages look at a sentence as a whole: a 100,000-character one cost 5-7 times as much a byte)
MAX_SENTENCE = 500
#: where a cut could split a figure, a word of Latin letters or a unit from its number
_NUMBERISH = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ.．,，%％〇零一二三四五六七八九十百千万亿兆两壹贰叁肆伍陆柒捌玖拾佰仟萬億元倍点_-]")
_CLAUSE = re.compile(r"[，,；;：:、]|\s")


def safe_cut(text: str, lo: int, hi: int) -> int:
    """Where to cut a run of text without an end of sentence, in ``(lo, hi]``: after the last
    clause mark (，；：、 or a space), else between the last two characters neither of which can
    belong to a figure, a unit or a Latin word, else at ``hi``.

    >>> t = "营收达587亿元增长明显净利润12亿元"
    >>> t[:safe_cut(t, 5, 9)], t[:safe_cut(t, 1, 7)], t[:safe_cut(t, 3, 7)], "a，b，c"[:safe_cut("a，b，c", 0, 3)]
    ('营收达587亿元增', '营收', '营收达587亿', 'a，')
    """
    for i in range(hi, lo, -1):
        if _CLAUSE.match(text, i - 1):
            return i
    for i in range(hi, lo, -1):
        if not _NUMBERISH.match(text, i - 1) and not _NUMBERISH.match(text, i):
            return i
    return hi


_FOOTER = re.compile(r"^(?:文章来源|本文来源|来源[:：]|原标题[:：]|责任编辑|编辑[:：]|本文(?:作者|转载|经授权)|"
                     r"(?:本文)?首发于|转载请|声明[:：])")
_LIST_LINE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[IVX]{1,4})\s*[、.．]?\s*$")
_TITLE_MAX = 40
_MIN_ARTICLE = 400
_STOPWORDS = frozenset("我们 他们 一个 这个 没有 可以 已经 就是 因为 所以 但是 不是 还是 以及 进行 通过 "
                       "自己 这些 那些 如果 什么 这样 目前 也是 之后 其中 对于 以上 成为".split())


def _title_like(line: str) -> bool:
    s = line.strip()
    return 4 <= len(s) <= _TITLE_MAX and s[-1] not in "。,，;；:：、" and not _LIST_LINE.match(s)


#: function characters: a bigram holding one says nothing of the topic
_FUNCTION_CHARS = "的了是在和与及或也都还就而把被让给对从向过这那其该每各某个种些我你他她它们中上下为以之"
#: a run of two or more Chinese characters (as :func:`_is_han`) none of which is a function character
_CONTENT_RUN = re.compile(f"(?:(?![{_FUNCTION_CHARS}])[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]){{2,}}")


def _words(text: str) -> Counter[str]:
    """The content of ``text`` for the topic-shift measure: its bigrams of Chinese characters
    without a function character (快手 直播 电商 …). Bigrams stand in for words: the same
    signal as a segmentation (the same splits on the corpus and the dev articles), without a
    second jieba pass over every article (it was 86% of normalizing the sample)."""
    counts: Counter[str] = Counter()
    for run in _CONTENT_RUN.findall(text):
        counts.update(map(operator.add, run, run[1:]))
    return counts


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def split_articles(text: str, window: int = 1500, threshold: float = 0.5) -> list[tuple[int, int]]:
    """Spans of the articles run together in ``text``.

    General signals, each needing substantial text on both sides: a source/footer line
    (文章来源…, 责任编辑…) ends an article; a numbered section structure that starts at "1"
    belongs to a new article whose title is the title-like line before its intro; and a sharp
    topic shift at a title-like line, measured TextTiling-style as the cosine of the
    content-word counts before and after the line, well below the median at the other
    title-like lines (section headings) of the text.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    cuts: set[int] = set()
    # footers: the article ends after the footer line and the short boilerplate lines after it;
    # a source line with no article before it (来源:… under a repost's headline) is a byline
    for k, (a, b) in enumerate(lines):
        if a >= _MIN_ARTICLE // 2 and _FOOTER.match(text[a:b].strip()):
            j = k + 1
            while j < len(lines) and len(text[lines[j][0]:lines[j][1]].strip()) < 160 \
                    and not _title_like(text[lines[j][0]:lines[j][1]]):
                j += 1
            if j < len(lines) and len(text) - lines[j][0] >= _MIN_ARTICLE:
                cuts.add(lines[j][0])
    # a numbered section structure starting at 1 (a line holding only "1" or "一") after
    # substantial text: the title-like line before its intro paragraphs starts a new article
    for k, (a, b) in enumerate(lines):
        if text[a:b].strip() not in ("1", "一", "I") or a < _MIN_ARTICLE:
            continue
        j = k - 1
        while j >= 0 and not _title_like(text[lines[j][0]:lines[j][1]]) and k - j <= 8:
            j -= 1
        if j >= 0 and k - j <= 8 and lines[j][0] >= _MIN_ARTICLE:
            cuts.add(lines[j][0])
    # topic shifts at title-like lines, TextTiling-style, relative to the other headings
    cands = [a for a, b in lines if _title_like(text[a:b]) and a >= _MIN_ARTICLE
             and len(text) - a >= _MIN_ARTICLE]
    if len(cands) >= 3:
        sims = _window_cosines(text, lines, cands, window)
        ranked = sorted(sims.values())
        median = ranked[len(ranked) // 2]
        cuts.update(a for a, s in sims.items() if s < threshold * median)
    bounds = [0] + sorted(c for c in cuts if 0 < c < len(text)) + [len(text)]
    spans = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if text[bounds[i]:bounds[i + 1]].strip()]
    return [part for a, b in spans for part in _cap(text, a, b)]


def _window_cosines(text: str, lines: list[tuple[int, int]], cands: list[int], window: int) -> dict[int, float]:
    """Cosine of the content words of the ``window`` characters before and after each candidate
    line start. Each line is segmented once; a window sums the counts of the lines it holds and
    segments only the part of a line it cuts through, so the cost stays linear in the text."""
    starts = [a for a, _ in lines]
    counts: dict[int, Counter[str]] = {}

    def line_words(k: int) -> Counter[str]:
        if k not in counts:
            counts[k] = _words(text[lines[k][0]:lines[k][1]])
        return counts[k]

    def words_in(lo: int, hi: int) -> Counter[str]:
        total: Counter[str] = Counter()
        k = max(0, bisect.bisect_right(starts, lo) - 1)
        while k < len(lines) and lines[k][0] < hi:
            a, b = lines[k]
            if lo <= a and b <= hi:
                total.update(line_words(k))
            else:
                total.update(_words(text[max(a, lo):min(b, hi)]))
            k += 1
        return total

    return {a: _cosine(words_in(max(0, a - window), a), words_in(a, a + window)) for a in cands}


def _cap(text: str, a: int, b: int, limit: int | None = None) -> list[tuple[int, int]]:
    """``[a, b)`` cut into parts of at most ``limit`` (:data:`MAX_ARTICLE`) characters, at the
    last line break (else sentence end, else anywhere) before the limit; no news article is that
    long, and the later stages' cost per article stays bounded.

    >>> _cap("一二。\\n三四五。六七。", 0, 11, limit=5)
    [(0, 4), (4, 8), (8, 11)]
    """
    limit = limit or MAX_ARTICLE
    out = []
    while b - a > limit:
        cut = text.rfind("\n", a + 1, a + limit) + 1 or text.rfind("。", a + 1, a + limit) + 1 or a + limit
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return [(x, y) for x, y in out if text[x:y].strip()]


#: the longest article in characters; a longer run of text is cut into parts (see :func:`_cap`)
MAX_ARTICLE = 100_000


def _title_of(text: str) -> str:
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    if _title_like(first):
        return first
    sents = split_sentences(first)
    head = sents[0].text if sents else first
    return head if len(head) <= _TITLE_MAX else head[:_TITLE_MAX] + "…"
