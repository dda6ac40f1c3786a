"""Character features of the CRF named-entity model, the same at training and at run time.

A sentence goes in with its words (jieba's segmentation, the pipeline's own tokens at run time);
out comes one list of string features per character: the characters around it (unigrams and
bigrams in a window of two), the character kinds, the position of the character in its word
(B, M, E, S) with the word's tag in jieba's dictionary (``unk`` for a word jieba found by its HMM,
often a name), whether the character is a common surname, and whether a lexicon name covers it
(the project's ``ontology/lexicon``), with that name's class.

>>> feats = sentence_features("叶老桂说", [(0, 3), (3, 4)], lexicon=False)
>>> "c0=叶" in feats[0] and "w=B|unk" in feats[0] and "sn" in feats[0]
True
"""
from __future__ import annotations

import re
from functools import cache

_HAN = re.compile(r"[\u4e00-\u9fff]")


@cache
def _kind(ch: str) -> str:
    """A character's kind: H (Chinese), D (digit), L (Latin letter), P (punctuation), O (other).

    >>> [_kind(c) for c in "中1a《 "]
    ['H', 'D', 'L', 'P', 'O']
    """
    if _HAN.match(ch):
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch.isspace():
        return "O"
    return "P" if not ch.isalnum() else "O"


@cache
def _jieba():
    """jieba's tokenizer and its dictionary's tag table, with every lexicon name added to the
    dictionary as :func:`extract.pipeline.build_nlp` adds them (so training sees the pipeline's
    segmentation)."""
    import jieba
    from jieba import posseg

    from ..lexicon import load_lexicon

    jieba.setLogLevel(60)
    jieba.initialize()
    lex = load_lexicon()
    for e in (*lex.entities, *lex.metrics):
        for s in e.surfaces:
            jieba.add_word(s, freq=max(jieba.get_FREQ(s) or 0, 2000))
    return jieba.dt, posseg.dt.word_tag_tab


def words(text: str) -> list[tuple[int, int]]:
    """jieba's words of ``text`` as (start, end) offsets."""
    dt, _ = _jieba()
    out, pos = [], 0
    for w in dt.cut(text):
        out.append((pos, pos + len(w)))
        pos += len(w)
    return out


@cache
def _surnames() -> frozenset[str]:
    from ..patterns import load_patterns

    return frozenset(s for s in load_patterns().surnames if len(s) == 1)


def lexicon_tags(text: str) -> list[str | None]:
    """For each character, ``B-<class>``/``I-<class>`` when a lexicon name covers it, else None."""
    from ..components.entities import _lexicon_regex
    from ..lexicon import load_lexicon

    rx, table = _lexicon_regex(load_lexicon())
    out: list[str | None] = [None] * len(text)
    for m in rx.finditer(text):
        cls = table[re.sub(r"\s", "", m.group(0)).lower()][0].cls
        a, b = m.span()
        out[a] = "B-" + cls
        for i in range(a + 1, b):
            out[i] = "I-" + cls
    return out


def sentence_features(text: str, spans: list[tuple[int, int]] | None = None,
                      lexicon: bool = True) -> list[list[str]]:
    """The features of each character of ``text``; ``spans`` are its words (start, end), jieba's
    when not given; ``lexicon=False`` leaves out the lexicon features (doctests)."""
    n = len(text)
    if spans is None:
        spans = words(text)
    _, tags = _jieba()
    wpos = ["S|x"] * n
    wlen = ["1"] * n
    for a, b in spans:
        w = text[a:b]
        tag = tags.get(w, "unk") if _HAN.match(w[0]) else "x"
        ln = str(min(b - a, 5))
        if b - a == 1:
            wpos[a] = "S|" + tag
        else:
            wpos[a] = "B|" + tag
            for i in range(a + 1, b - 1):
                wpos[i] = "M|" + tag
            wpos[b - 1] = "E|" + tag
        for i in range(a, b):
            wlen[i] = ln
    lex = lexicon_tags(text) if lexicon else [None] * n
    sur = _surnames()
    c = ["^^", "^"] + list(text) + ["$", "$$"]
    k = ["^", "^"] + [_kind(ch) for ch in text] + ["$", "$"]
    out = []
    for i in range(n):
        j = i + 2
        f = ["c0=" + c[j], "c-1=" + c[j - 1], "c1=" + c[j + 1], "c-2=" + c[j - 2], "c2=" + c[j + 2],
             "b-1=" + c[j - 1] + c[j], "b0=" + c[j] + c[j + 1], "b-2=" + c[j - 2] + c[j - 1],
             "b1=" + c[j + 1] + c[j + 2], "s=" + c[j - 1] + c[j + 1],
             "k=" + k[j - 1] + k[j] + k[j + 1], "w=" + wpos[i], "wl=" + wlen[i] + wpos[i][0]]
        if c[j] in sur:
            f.append("sn")
        if lex[i]:
            f.append("lx=" + lex[i])
        out.append(f)
    return out
