"""What damages Chinese news text, as rewrite rules and marks: HTML character references, inline
pinyin ruby (``價(jià)值``), full-width forms, and mojibake fragments (marked, never dropped)."""
from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

from .chars import _jieba
from .words import line_words

from .chars import _is_han, _t2s
from .offsets import _Tracked

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYL = rf"[a-zü]*[{_TONED}][a-zü]*"
# a pinyin annotation: right after a Chinese character, one or more tone-marked syllables
_PINYIN = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?:{_SYL})(?:[ '’]{_SYL})*\)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# full-width forms that NFKC folds to ASCII; 。「」“”‘’、《》 are not in this block and stay
_FULLWIDTH = re.compile(r"[\uff01-\uff5e\u3000\ufe52]")  # and the small full stop of 0﹒5
# dates written in Chinese numerals, as Hong Kong filings do (截至二零二二年十二月三十一日止年度):
# a year of four digits, then its month and day, become Arabic
# (a zero may be written as a circle, ○ or ◯, as Hong Kong papers do: 二○二○年)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "◯": "0"}
_CN_YEAR = re.compile(r"(?<![〇零○◯一二三四五六七八九十百千万亿两])(?:一九|二[〇零○◯])[〇零○◯一二三四五六七八九]{2}(?=\s*(?:年|财年|財年|[/／]\s*[〇零○◯一二三四五六七八九]{2}\s*年))")
# ... and the second year of a fiscal year written with a slash (二零二三/二四年度 -> 2023/24年度)
_CN_YEAR2 = re.compile(r"(?<=\d{4}/)[〇零一二三四五六七八九]{2}(?=\s*年)")
_CN_MONTH = re.compile(r"(?<=\d年|今年|去年|本年|上年|明年|截至|截止)(?:十[一二]?|[一二三四五六七八九])(?=\s*月)")  # (截至今年六月三十日)
_CN_DAY = re.compile(r"(?<=\d月)(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*日)")


def _unescape(m: re.Match[str]) -> str:
    return html.unescape(m.group(0))


def _nfkc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\ufeff]")
# the CJK stroke 丨 that outlets set between a dateline and the story (格隆汇11月15日丨乐游互动…): a bar,
# no character of the name after it
_STROKE_BAR = re.compile(r"丨")


_NEWLINE = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")
_ENDS_SENTENCE = tuple("。!！?？;；…」』”\"")
_CONTINUES = tuple(",，、(（“")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _wrapped(text: str) -> set[int]:
    """Where a line of running text was wrapped (copied from a PDF or a narrow column): the line
    does not end its sentence and either ends with a comma or a bracket opened, or fills the
    width most lines of the text share (four or more lines of prose of 20 characters or more); the next
    line is no bullet, heading or caption, and both are prose, not a table's row of figures.
    Returns the offsets of those line breaks' starts."""
    lines = []  # (start of the break, the line before it, the line after it)
    pos = 0
    for m in _NEWLINE.finditer(text):
        lines.append((m.start(), text[pos:m.start()], m.end()))
        pos = m.end()
    widths: dict[int, int] = {}
    for _, line, _ in lines:
        n = len(line.strip())
        if n >= 20 and _prose(line.strip()):
            widths[n] = widths.get(n, 0) + 1
    near = {w: sum(widths.get(v, 0) for v in (w - 1, w, w + 1)) for w in widths}
    width = max(near, key=lambda w: (near[w], w)) if near and max(near.values()) >= 4 else None
    out = set()
    for brk, line, nxt in lines:
        cur = line.strip()
        end = text.find("\n", nxt)
        after = text[nxt:end if end >= 0 else len(text)].strip()
        if not cur or not after or cur.endswith(_ENDS_SENTENCE) or line_words().own_line.match(after):
            continue
        if not _prose(cur) or not _HAN.match(after[:1]) and not re.match(r"[\d(（“]", after[:1]):
            continue  # (a table's row, a line of figures)
        if cur.endswith(_CONTINUES) or width is not None and abs(len(cur) - width) <= 1 or _inside_word(cur, after):
            out.add(brk)
    return out


def _inside_word(before: str, after: str) -> bool:
    """Does the line break fall inside a word (增\n长, 规模\n以上)? jieba's dictionary, without its
    guesses of new words, cuts the characters around the break into words, one across it; a
    line of prose (a comma inside it, or 10 characters or more) before the break."""
    if not (_HAN.match(before[-1:]) and _HAN.match(after[:1])) or len(before) < 10 and not re.search(r"[,，、;；]", before):
        return False
    head, tail = before[-4:], after[:4]
    pos = 0
    for w in _jieba().cut(head + tail, HMM=False):
        if pos < len(head) < pos + len(w):
            return True
        pos += len(w)
    return False


def _prose(line: str) -> bool:
    """Running text, not a table's row: mostly Chinese, no run of figures set apart by spaces."""
    return len(_HAN.findall(line)) >= len(line) / 2 and not re.search(r"[\d.,%]+\s+[-+\d.,%()（）]+\s+[-+\d.,%()（）]+", line)


def _unwrap(t: _Tracked) -> _Tracked:
    """Running text with its wrapped lines joined back (:func:`_wrapped`)."""
    breaks = _wrapped(t.text)
    return t.sub(_NEWLINE, lambda m: "" if m.start() in breaks else m.group(0)) if breaks else t


def _cn_small(m: re.Match[str]) -> str:
    """十二 -> 12, 三十一 -> 31, 九 -> 9 (a month or a day)."""
    w = m.group(0)
    if "十" not in w:
        return _CN_DIGIT[w]
    tens, _, ones = w.partition("十")
    return str((int(_CN_DIGIT[tens]) if tens else 1) * 10 + (int(_CN_DIGIT[ones]) if ones else 0))


#: a row of a table written with pipes (| 广告 | 20.4亿元 | +30% |, 极氪|11,012|+53.5%): its cells apart by spaces, as a
#: flattened table's are (the length kept, so each character maps to its own); the rule under its
#: header (|---|:---:|) blank
_PIPE_ROW = re.compile(r"(?m)^(?:[ \t]*\|[^\n]*\||(?=[^\n]*\d)[^\n|]*\|[^\n|]*\|[^\n]*)[ \t]*$")  # (between pipes, or two or more and a figure)
_PIPE_RULE = re.compile(r"[ \t]*\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*")


def repair(t: _Tracked, pipes: bool = True) -> tuple[_Tracked, int]:
    """The rewrites of :func:`extract.text.normalize.normalize_text`, in order, on a tracked
    text: character references unescaped, pinyin ruby removed, Traditional -> Simplified, full-width
    forms folded, dates in Chinese numerals made Arabic (二零二二年十二月三十一日 -> 2022年12月31日),
    zero-width characters dropped, the stroke 丨 made a bar, a table's pipes made spaces (``pipes``), a line broken inside a figure and a wrapped line of running text joined. Returns the text and how many ruby annotations
    were removed."""
    t = t.sub(_ENTITY, _unescape)
    pinyin = len(_PINYIN.findall(t.text))
    t = t.sub(_PINYIN, lambda m: "")
    t = t.translate_lines(_t2s)
    t = t.sub(_FULLWIDTH, _nfkc)
    t = t.sub(_CN_YEAR, lambda m: "".join(_CN_DIGIT[c] for c in m.group(0)))
    t = t.sub(_CN_YEAR2, lambda m: "".join(_CN_DIGIT[c] for c in m.group(0)))
    t = t.sub(_CN_MONTH, _cn_small)
    t = t.sub(_CN_DAY, _cn_small)
    t = t.sub(_ZERO_WIDTH, lambda m: "")
    t = t.sub(_STROKE_BAR, lambda m: "|")
    if pipes:  # (not where a reader laid out its own tables with them: HTML, PDF)
        t = t.sub(_PIPE_ROW, lambda m: (" " * len(m.group(0)) if _PIPE_RULE.fullmatch(m.group(0)) else m.group(0).replace("|", " ")))
    t = _unwrap(t)  # (before the breaks inside figures are joined: the lines keep the width they were set at)
    text, broken = t.text, line_words().broken  # (the breaks are tried at each line break only: the pattern opens with what is before it)
    t = t.sub(_NEWLINE, lambda m: "" if broken.match(text, m.start()) else m.group(0))
    return t, pinyin


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
