"""The ``zhkg_ner`` spaCy component: the CRF model's names in an article, as entity mentions.

Input is the Doc of one article (``doc._.article``, its sentences; the Doc's tokens, jieba's
words, are the model's word features); output is ``doc._.ner``, a list of
:class:`extract.components.entities.Mention` with source ``crf`` and the model's confidence, that
``zhkg_entities`` fuses with the lexicon and the patterns. The model's types become ontology
classes as ``ontology/ner.toml`` says; a ``position`` is no entity but the role of the person named
right beside it (快手科技总裁宿华, 宿华总裁), and of the organization right before the role.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from .config import load_ner_config
from .model import load_model

if not Doc.has_extension("ner"):
    Doc.set_extension("ner", default=None)

_ORGS = ("Company", "Organization")


def ner_mentions(sentences: list[tuple[int, str]], tokens: list[tuple[int, int]] | None = None) -> list:
    """Mentions of the names the model finds in ``sentences`` (start, text), offsets in the
    article; ``tokens`` are the article's words (start, end), jieba's when not given."""
    from ..components.entities import Mention, _plausible_name

    cfg = load_ner_config()
    model = load_model()
    starts = [a for a, _ in tokens] if tokens is not None else None
    out: list[Mention] = []
    for base, text in sentences:
        words = None
        if tokens is not None:
            end = base + len(text)
            words = [(max(a, base) - base, min(b, end) - base)
                     for a, b in tokens[max(0, bisect_left(starts, base) - 1):bisect_left(starts, end)]
                     if a < end and b > base]
        spans = model.spans(text, words)
        found: list[Mention] = []
        roles = []
        for s in spans:
            name = text[s.start:s.end]
            if s.type == "position":
                roles.append(s)
                continue
            cls = cfg.classes.get(s.type)
            if name[:1] == "《":  # a title: the pipeline's pattern tells a work from a cited report
                continue
            label = name
            if cls is None or s.confidence < cfg.confidence.min_entity or not _plausible(label, cls):
                continue
            found.append(Mention(base + s.start, base + s.end, cls, label, name, "crf", s.confidence))
        found.extend(_listed_people(text, base, found))
        for r in roles:  # the person right after the role (总裁宿华), else right before it (宿华总裁)
            a, b = base + r.start, base + r.end
            person = next((m for m in found if m.cls == "Person" and m.start == b), None) \
                or next((m for m in found if m.cls == "Person" and m.end == a), None)
            if person is None or person.role:
                continue
            person.role = text[r.start:r.end]
            org = next((m for m in found if m.cls in _ORGS and m.end == a), None)
            if org is not None:
                person.org = org.label
        out.extend(found)
    return out


_HAN = re.compile(r"[\u4e00-\u9fff]")
#: a person's name: Chinese characters, a transliterated name with its dots (詹姆斯·卡梅隆)
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{1,6}(?:[·•‧][\u4e00-\u9fff]{1,8})+")


def _plausible(name: str, cls: str) -> bool:
    """A name the model proposes and the pipeline keeps: no stop word, at least one Chinese
    character (the Latin words it tags in business news are metrics and fragments: DAU, MART, CFO),
    and a person is written in Chinese characters."""
    from ..components.entities import _plausible_name, common_word
    from ..patterns import load_patterns

    if not _HAN.search(name):
        return False
    if cls == "Person":  # (not a frequent word of another kind: 高于 in 高于分析师预期)
        return bool(_PERSON.fullmatch(name)) and name not in load_patterns().not_names and not common_word(name)
    return _plausible_name(name, cls, trusted=True)


_ITEM = re.compile(r"[\u4e00-\u9fff]{2,3}")
_LISTED_CONFIDENCE = 0.5


def _listed_people(text: str, base: int, found: list) -> list:
    """People named in a list beside a person the model found (沈腾、岳云鹏、黄渤): an item of two
    or three Chinese characters between list commas (、) that opens with a common surname. The
    model, trained on sentences, misses a short name in a list it reads as words."""
    from ..components.entities import Mention, _plausible_name

    taken = [(m.start - base, m.end - base) for m in found]
    people = [(m.start - base, m.end - base) for m in found if m.cls == "Person"]
    out = []
    while people:
        a, b = people.pop()
        after, before = _item_after(text, b), _item_before(text, a)
        # the list's first item runs on from the words before it (吸引了沈腾): its last 3 or 2 characters
        cands = [after] + ([before] if before is None or before[1] - before[0] <= 3
                           else [(before[1] - 3, before[1]), (before[1] - 2, before[1])])
        for span in cands:
            if span is None or any(p < span[1] and span[0] < q for p, q in taken):
                continue
            name = text[span[0]:span[1]]
            if _ITEM.fullmatch(name) and _plausible_name(name, "Person"):
                taken.append(span)
                people.append(span)
                out.append(Mention(base + span[0], base + span[1], "Person", name, name, "crf", _LISTED_CONFIDENCE))
                break
    return out


def _item_after(text: str, end: int) -> tuple[int, int] | None:
    if text[end:end + 1] != "、":
        return None
    m = re.match(r"[^、，,。；;：:（）()\s等和及与]+", text[end + 1:])
    return (end + 1, end + 1 + m.end()) if m else None


def _item_before(text: str, start: int) -> tuple[int, int] | None:
    if start < 1 or text[start - 1] != "、":
        return None
    m = re.search(r"[^、，,。；;：:（）()\s等和及与]+$", text[:start - 1])
    return (m.start(), start - 1) if m else None


@Language.factory("zhkg_ner", requires=["doc._.article"], assigns=["doc._.ner"])
def make_ner(nlp: Language, name: str):
    """The CRF model, loaded once when the pipeline is built."""
    load_model()

    def ner(doc: Doc) -> Doc:
        art = doc._.article
        sents = [(s.start, s.text) for s in art.sentences()]
        tokens = [(t.idx, t.idx + len(t.text)) for t in doc]
        doc._.ner = ner_mentions(sents, tokens)
        return doc

    return ner
