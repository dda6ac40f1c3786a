"""Stage 1: raw bytes -> clean Simplified Chinese text with an offset map back to the raw text.

The raw text is the input file decoded (its encoding detected, see :func:`decode`); every
character of the normalized text maps back to a span of that raw text, so later stages can cite
raw offsets. The steps, in order:

1. HTML character references (``&ldquo;``) are unescaped.
2. Inline pinyin ruby annotations are removed: ``價(jià)值`` -> ``價值`` (a bracket right after
   a Chinese character holding tone-marked pinyin syllables); real brackets such as
   ``(ID: wxxcxsc)``, ``(CNNIC)`` or ``(2020)`` are kept.
3. Traditional -> Simplified with OpenCC ``t2s``.
4. NFKC folding of full-width digits, letters, spaces and punctuation (``１２％`` -> ``12%``,
   ``，`` -> ``,``); ``。`` and the Chinese quotation marks are kept.
5. Mojibake fragments (UTF-8 read as GBK and the like: ``当?shù)氐囊幻课葜薪?``) are marked
   as spans, reported and skipped by later stages, never silently dropped.
6. The text is split into articles (several articles run together in one file) and sentences.
"""
from __future__ import annotations

import bisect
import codecs
import html
import math
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import InputError

# --------------------------------------------------------------------------------------------
# decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5")


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    A BOM decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else GB18030 or Big5, whichever
    decodes strictly and reads as more plausible Chinese (:func:`_chineseness`). Raises
    :class:`InputError` naming ``path`` when nothing decodes or the bytes are binary.

    >>> decode("快手".encode("big5"))
    ('快手', 'big5')
    """
    if not data:
        raise InputError("empty file: nothing to extract", path)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(f"starts with a {enc} byte-order mark but does not decode as {enc} "
                                 f"(byte {e.start})", path) from None
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes): not a text article", path)
    text, _ = decode_damaged(data)
    return (text, "utf-8") if text is not None else _decode_legacy(data, path)


def decode_damaged(data: bytes) -> tuple[str | None, int]:
    """Decode ``data`` as UTF-8 when it is UTF-8, perhaps with a few stray undecodable runs (a
    pasted GB18030 fragment); return ``(text, replaced)``, or ``(None, 0)`` when the bytes are
    not mostly UTF-8.

    Each undecodable byte becomes U+FFFD, which :func:`find_mojibake` always marks, so the
    damaged run is reported and skipped while the rest of the article is extracted. A legacy
    file (GB18030, Big5) is almost all undecodable as UTF-8 and is left to its own decoding.

    >>> decode_damaged("快手营收".encode() + "增长".encode("gb18030") + "百分之十二".encode())
    ('快手营收����百分之十二', 4)
    """
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text, bad = _ESCAPED.subn("\ufffd", data.decode("utf-8", errors="surrogateescape"))
    non_ascii = len(data) - len(data.translate(None, bytes(range(128, 256))))
    if bad * 4 > non_ascii:
        return None, 0
    return text, bad


_ESCAPED = re.compile("[\udc80-\udcff]")  # undecodable bytes under errors="surrogateescape"


def _decode_legacy(data: bytes, path: str | None) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _chineseness(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] < 0.3:
        raise InputError("cannot decode: not UTF-8, UTF-16 with BOM, GB18030 or Big5 "
                         "(convert it to UTF-8)", path)
    return best[1], best[2]


def _chineseness(text: str) -> float:
    """Share of the Chinese characters that fall in words of jieba's dictionary (0..1).

    Right decodings read as words; a wrong legacy decoding yields rare characters in no word.
    """
    sample = _t2s(text[:4000])
    chars = [c for c in sample if _is_han(c)]
    if not chars:
        return 0.5 if sample.isprintable() or sample.strip() else 0.0
    words = _word_chars()
    return sum(1 for c in chars if c in words) / len(chars)


@cache
def _word_chars() -> frozenset[str]:
    """Characters that occur in frequent words of jieba's dictionary."""
    jieba = _jieba()
    return frozenset(c for w, f in jieba.dt.FREQ.items() if f >= 50 and len(w) >= 2 for c in w)


# --------------------------------------------------------------------------------------------
# the offset-tracking rewriter

def _is_han(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


class _Tracked:
    """A string whose every character remembers the raw span ``[start, end)`` it came from."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self.text, self.starts, self.ends = text, starts, ends

    @classmethod
    def identity(cls, text: str) -> _Tracked:
        n = len(text)
        return cls(text, list(range(n)), list(range(1, n + 1)))

    def sub(self, pattern: re.Pattern[str], repl) -> _Tracked:
        """Replace every match of ``pattern`` by ``repl(match)``; replacement characters map to
        the span of what they replace (one to one when the lengths agree)."""
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            a, b = m.span()
            r = repl(m)
            if r == m.group(0):
                continue
            out.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            self._map(r, a, b, starts, ends)
            out.append(r)
            pos = b
        if pos == 0 and not out:
            return self
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return _Tracked("".join(out), starts, ends)

    def _map(self, r: str, a: int, b: int, starts: list[int], ends: list[int]) -> None:
        if len(r) == b - a:
            starts.extend(self.starts[a:b])
            ends.extend(self.ends[a:b])
        elif r:
            lo = self.starts[a] if b > a else (self.ends[a - 1] if a else 0)
            hi = self.ends[b - 1] if b > a else lo
            starts.extend([lo] * len(r))
            ends.extend([hi] * len(r))

    def translate_lines(self, convert) -> _Tracked:
        """Apply a length-preserving-when-possible converter line by line (OpenCC)."""
        parts = self.text.split("\n")
        new = [convert(p) for p in parts]
        if all(len(a) == len(b) for a, b in zip(parts, new)):
            return _Tracked("\n".join(new), self.starts, self.ends)
        out: list[str] = []
        for p, q in zip(parts, new):
            out.append(q if len(p) == len(q) else "".join(convert(c) if len(convert(c)) == 1 else c for c in p))
        return _Tracked("\n".join(out), self.starts, self.ends)


# --------------------------------------------------------------------------------------------
# the rules

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYL = rf"[a-zü]*[{_TONED}][a-zü]*"
# a pinyin annotation: right after a Chinese character, one or more tone-marked syllables
_PINYIN = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?:{_SYL})(?:[ '’]{_SYL})*\)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# full-width forms that NFKC folds to ASCII; 。「」“”‘’、《》 are not in this block and stay
_FULLWIDTH = re.compile(r"[\uff01-\uff5e\u3000]")


@cache
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    return _opencc().convert(text)


def _unescape(m: re.Match[str]) -> str:
    return html.unescape(m.group(0))


def _nfkc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


# --------------------------------------------------------------------------------------------
# mojibake

_ODD_SCRIPT = re.compile(r"[\u3040-\u30ff\u0370-\u03ff\u0400-\u04ff\ufffd@]")
_STOP = set("。!！？;；,，、:：“”\"《》()（）\n \t")


@cache
def _gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _odd(text: str, i: int) -> bool:
    """Is ``text[i]`` improbable inside Chinese prose (a mojibake sign)?"""
    c = text[i]
    if c in "?\ufffd" or _ODD_SCRIPT.match(c):
        return True
    if c.isascii() and c.isalpha():
        # a stray Latin letter glued between Chinese characters (殚T店, 榕d趣)
        left = text[i - 1] if i else ""
        right = text[i + 1] if i + 1 < len(text) else ""
        return bool(left and _is_han(left) and (not right or _is_han(right) or right in "?)"))
    return _is_han(c) and not _gb2312(c)


# right after an anchor: an orphan pinyin tail (shù)) or a broken character reference (ldquo;)
_ORPHAN = re.compile(rf"[a-zü{_TONED}]+\)|[a-z]{{2,8}};")


def _is_anchor(text: str, i: int) -> bool:
    c = text[i]
    if c == "\ufffd":
        return True
    if c != "?":
        return False
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    prev = text[i - 1] if i else "\n"
    if prev == "?" or nxt == "?":
        return True
    if nxt.isascii() and nxt.isalnum():  # ?shù)  早?018年
        return True
    if nxt in "。,，;；:、“" and _is_han(prev):  # 薪?。  目前?“ : a lost character, not a question
        return True
    return any(_odd(text, j) for j in range(i + 1, min(len(text), i + 3)) if text[j] not in _STOP)


def find_mojibake(text: str) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of mojibake fragments in normalized ``text``.

    An anchor (U+FFFD, or a ``?`` that cannot be a question mark: before Latin letters or
    digits, doubled, before other punctuation) grows over the improbable characters around it
    (orphan pinyin, kana, stray Latin letters, characters outside GB2312) while they lie close.

    >>> t = "哈尔滨当?shù)氐囊幻课葜薪?。他早?018年"
    >>> [t[a:b] for a, b in find_mojibake(t)]
    ['?shù)氐囊幻课葜薪?', '?']
    >>> find_mojibake("快手未来向何处去?是否能")
    []
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        if not _is_anchor(text, i):
            i += 1
            continue
        start = end = i + 1
        j = end
        # grow right: orphan pinyin right after the anchor, then odd characters close together
        m = _ORPHAN.match(text, j)
        if m:
            end = j = m.end()
        gap = 0
        while j < n and text[j] not in _STOP and gap <= 8:
            if _odd(text, j) or (text[j] == "?"):
                end = j + 1
                gap = 0
            else:
                gap += 1
            j += 1
        if end < n and text[end] == "?" and end + 1 < n and text[end + 1] in _STOP:
            end += 1
        if spans and start - 1 - spans[-1][1] <= 3 and not _STOP.intersection(text[spans[-1][1]:start - 1]):
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start - 1, end))
        i = max(end, i + 1)
    return spans


# --------------------------------------------------------------------------------------------
# the result

_SENT_END = re.compile(r"[^。!?！？\n]*(?:[。!?！？]+[”’」』)]?|\n|$)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text`` is ``article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Article:
    """One article of a file: a slice ``[offset, offset+len(text))`` of the normalized text."""

    id: str
    title: str
    text: str
    offset: int
    source: NormalizedText = field(repr=False)
    mojibake: list[tuple[int, int]] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the article-local span ``[start, end)``."""
        return self.source.raw_span(self.offset + start, self.offset + end)

    def sentences(self) -> list[Sentence]:
        """The article's sentences, split once (every stage reads them)."""
        cached = self.__dict__.get("_sentences")
        if cached is None:
            cached = self.__dict__["_sentences"] = split_sentences(self.text, self.mojibake)
        return cached

    def in_mojibake(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` touch a mojibake span?"""
        k = bisect.bisect_right(self.mojibake, (start, math.inf))
        for a, b in self.mojibake[max(0, k - 1): k + 1]:
            if a < end and start < b:
                return True
        return False


@dataclass
class NormalizedText:
    """A file's raw text, its normalized text and the map between them."""

    raw: str
    text: str
    starts: list[int] = field(repr=False)
    ends: list[int] = field(repr=False)
    encoding: str = "utf-8"
    mojibake: list[tuple[int, int]] = field(default_factory=list)
    pinyin_removed: int = 0
    articles: list[Article] = field(default_factory=list)
    #: undecodable bytes replaced by U+FFFD (a damaged run in a UTF-8 file; marked as mojibake)
    replaced: int = 0

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets ``[a, b)`` covering the normalized span ``[start, end)``."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]


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
    if b > a:
        out.append(Sentence(a, b, text[a:b]))


# --------------------------------------------------------------------------------------------
# article splitting

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


@cache
def _jieba():
    """jieba, quiet and initialized once."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


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
    # footers: the article ends after the footer line and the short boilerplate lines after it
    for k, (a, b) in enumerate(lines):
        if _FOOTER.match(text[a:b].strip()):
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


# --------------------------------------------------------------------------------------------
# entry points

def normalize_text(raw: str, doc_id: str = "doc", encoding: str = "utf-8", split: bool = True) -> NormalizedText:
    """Normalize an already decoded ``raw`` text; articles get ids ``{doc_id}#1``, ``#2`` …

    ``split=False`` keeps the text one article (a web page, a PDF), only cut when it is longer
    than :data:`MAX_ARTICLE`."""
    # CRLF and CR become one line break mapped to both raw characters
    t = _crlf(raw) if "\r" in raw else _Tracked.identity(raw)
    t = t.sub(_ENTITY, _unescape)
    pinyin = len(_PINYIN.findall(t.text))
    t = t.sub(_PINYIN, lambda m: "")
    t = t.translate_lines(_t2s)
    t = t.sub(_FULLWIDTH, _nfkc)
    t = t.sub(re.compile(r"[\u200b-\u200d\ufeff]"), lambda m: "")
    norm = NormalizedText(raw=raw, text=t.text, starts=t.starts, ends=t.ends, encoding=encoding,
                          pinyin_removed=pinyin)
    norm.mojibake = find_mojibake(norm.text)
    spans = split_articles(norm.text) if split else _cap(norm.text, 0, len(norm.text))
    for k, (a, b) in enumerate(spans, 1):
        body = norm.text[a:b]
        moj = [(x - a, y - a) for x, y in norm.mojibake if a <= x < b]
        norm.articles.append(Article(id=f"{doc_id}#{k}", title=_title_of(body), text=body, offset=a,
                                     source=norm, mojibake=moj))
    return norm


def _crlf(raw: str) -> _Tracked:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        if raw[i] == "\r":
            w = 2 if i + 1 < n and raw[i + 1] == "\n" else 1
            chars.append("\n"); starts.append(i); ends.append(i + w)
            i += w
        else:
            chars.append(raw[i]); starts.append(i); ends.append(i + 1)
            i += 1
    return _Tracked("".join(chars), starts, ends)


def normalize_file(path: str | Path) -> NormalizedText:
    """Read, decode and normalize the article file ``path``.

    Raises :class:`InputError` naming the file when it is missing, unreadable, binary, empty or
    undecodable.
    """
    return normalize_bytes(read_input(path), str(path))


def read_input(path: str | Path) -> bytes:
    """The bytes of the file ``path``; :class:`InputError` naming it when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", str(path)) from None
    except PermissionError:
        raise InputError("permission denied: cannot read it", str(path)) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", str(path)) from None


def normalize_bytes(data: bytes, path: str) -> NormalizedText:
    """Decode and normalize the bytes read from the file ``path`` (which names it in errors and
    gives the article ids)."""
    text, enc, replaced = decode_article(data, path)
    norm = normalize_text(text, doc_id=Path(path).stem, encoding=enc)
    norm.replaced = replaced
    return norm


def decode_article(data: bytes, path: str) -> tuple[str, str, int]:
    """Decode a text article read from ``path``: ``(text, encoding, bytes replaced by U+FFFD)``;
    :class:`InputError` naming ``path`` when it is blank, binary or undecodable."""
    text, enc = decode(data, path)
    if not text.strip():
        raise InputError("only whitespace: nothing to extract", path)
    if _looks_binary(text):
        raise InputError("binary content, not a text article", path)
    replaced = text.count("\ufffd") - data.count("\ufffd".encode()) if enc == "utf-8" else 0
    return text, enc, replaced


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t\f")
    return bad > max(8, len(sample) // 20)
