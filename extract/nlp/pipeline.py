"""build_nlp(): spaCy "zh" with the jieba segmenter and the zhkg components, built once.

Each article runs through ``nlp`` as one Doc whose ``doc._.article`` holds the normalized
article (its sentences, mojibake spans and offset map). The tokens are jieba's through spaCy:
spaCy's jieba segmenter with ``--ner lac`` (LAC, the NER model, segments on its own as it
tags), and with ``--ner fast`` jieba's POS pass (:class:`PosTokenizer`), whose tags are both the
tokens' ``tag_`` and the backend's names, so that an article is segmented once. The components,
in order:

- ``zhkg_entities``: lexicon names, context patterns and the NER backend, fused
  (``doc.spans["zhkg_entities"]``, ``doc._.mentions``), and the topic entity (``doc._.topic``);
- ``zhkg_claims``: numeric claims (``doc._.claims``, drafts with sentence offsets).

:func:`extract_article` turns the Doc into a :class:`extract.model.Document`.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..model import Change, Claim, Document, Entity, Evidence, parse_published
from ..model import Frame as FrameModel
from ..text.decode import read_input
from ..text.normalize import normalize_text
from ..text.offsets import Article, NormalizedText
from ..version import __version__
from .components.claims import stage as _claims_stage  # noqa: F401  registers zhkg_claims
from .components import entities as ents_mod
from .components import relations as rels_mod
from .components.topic import topic_entity
from .lexicon import load_lexicon
from .frame import Frame, build_frame, dateline_spans, frame_words
from .ner import component as _ner  # noqa: F401  registers zhkg_ner
from .patterns import load_patterns
from .period_codes import article_year

BACKENDS = ("crf", "lac", "fast")

for _name in ("article", "mentions", "topic", "frame", "claims", "year", "published", "segments", "filed", "doc_title"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("zhkg_entities", default_config={"backend": "lac"},
                  requires=["doc._.article"], assigns=["doc.spans", "doc._.mentions", "doc._.topic"])
def make_entities(nlp: Language, name: str, backend: str):
    lex = load_lexicon()

    def entities(doc: Doc) -> Doc:
        art: Article = doc._.article
        sents = [(s.start, s.text) for s in art.sentences()]
        seg = doc._.segments  # the tokenizer's pass over these sentences, when it made one
        tagged = seg[1] if seg is not None and seg[0] == sents else None
        model = doc._.ner if backend == "crf" else None  # the zhkg_ner component's names
        # (datelines and outlets' tags: where a story was filed, neither names nor figures; the claims stage reads them too)
        filed = doc._.filed = dateline_spans(art.text, lambda w: any(e.cls == "Place" for e in lex.by_surface(w)),
                                             lambda w: any(e.cls in ("Company", "Platform") for e in lex.by_surface(w)))
        chrome = [(m.start(), m.end()) for m in pats.chrome_line.finditer(art.text)] if (pats := load_patterns()).chrome_line else []
        mentions = ents_mod.recognize(art.text, sents, list(art.mojibake) + filed + chrome, backend=backend, lex=lex, tagged=tagged,
                                      model=model or [] if backend == "crf" else None)
        doc._.mentions = mentions
        spans = []
        for m in mentions:
            sp = doc.char_span(m.start, m.end, label=m.cls, alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        doc.spans["zhkg_entities"] = spans
        doc._.topic = topic_entity(mentions, sents)
        return doc

    return entities


@Language.factory("zhkg_frame", requires=["doc._.article", "doc._.mentions", "doc._.topic"],
                  assigns=["doc._.frame"])
def make_frame(nlp: Language, name: str):
    """The document frame (:mod:`extract.nlp.frame`): the entity and period the article reports on."""

    def frame(doc: Doc) -> Doc:
        art: Article = doc._.article
        y = article_year(art.text, doc._.year or None)
        doc._.year = y
        sents = [(s.start, s.text) for s in art.sentences()]
        fr = doc._.frame = build_frame(art.text, sents, doc._.mentions or [], doc._.topic, y, doc._.published, doc._.doc_title)
        first = _NAMED_CURRENCY.search(art.text)
        if fr.currency is None and fr.hk_listed and (first is None or "港" in first.group(0)) and _traditional(art):
            # a Hong Kong wire's bare 元 of a company listed there, whose first amount is in 港元 or
            # names no currency (收入205億港元…溢利118億元…北向成交額1108億元人民幣: the 溢利 in 港元)
            doc._.frame = replace(fr, currency="HKD")
        return doc

    return frame


#: the currency an article names first for an amount (205.18億港元, 1,611億元人民幣, 人民幣1,000億元)
_NAMED_CURRENCY = re.compile(r"\d\s*[千百万亿]*\s*元?\s*(?:港元|港币|人民币|美元)|(?:港元|港币|人民币|美元)\s*\d")


def _traditional(art: Article) -> bool:
    """Was the article written in Traditional characters (several of frame.toml's markers in its input)?"""
    a, b = art.raw_span(0, len(art.text))
    return len(frame_words().traditional_markers & set(art.source.raw[a:b])) >= 3


@cache
def build_nlp(ner: str = "lac", year: int = 0) -> Language:
    """The pipeline, built once per (backend, year): jieba knows every lexicon surface, so a name
    is never split."""
    if ner not in BACKENDS:
        raise ValueError(f"unknown NER backend {ner!r}; choose one of {BACKENDS}")
    import jieba

    jieba.setLogLevel(60)
    lex = load_lexicon()
    for e in (*lex.entities, *lex.metrics):
        for s in e.surfaces:
            jieba.add_word(s, freq=max(jieba.get_FREQ(s) or 0, 2000))
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if ner == "fast":  # jieba's POS pass segments as jieba does: one pass gives tokens and tags
        nlp.tokenizer = PosTokenizer(nlp.vocab)
    if ner == "crf":  # the CRF trained on CLUENER2020 (extract/nlp/ner), on the Doc's jieba words
        nlp.add_pipe("zhkg_ner")
    nlp.add_pipe("zhkg_entities", config={"backend": ner})
    nlp.add_pipe("zhkg_frame")
    nlp.add_pipe("zhkg_tables")
    nlp.add_pipe("zhkg_claims", config={"year": year})
    return nlp


class PosTokenizer:
    """spaCy tokenizer whose tokens are jieba's POS words, sentence by sentence, with jieba's
    POS flags as ``token.tag_``: the segmentation and the ``--ner fast`` backend in one pass
    (:func:`extract.nlp.components.entities.segment`). Text between sentences (line breaks, mojibake
    left out of sentences) is a token of its own with no tag."""

    backend = "fast"

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from ..text.split import split_sentences

        return self.sentences_doc(text, [(s.start, s.text) for s in split_sentences(text, [])])

    def sentences_doc(self, text: str, sentences: list[tuple[int, str]]) -> Doc:
        """The Doc of ``text`` whose sentences (start, text) are already known."""
        tagged = ents_mod.segment(sentences, self.backend)
        words: list[str] = []
        tags: list[str] = []
        pos = 0
        for (base, sent), ws in zip(sentences, tagged):
            if base > pos:
                words.append(text[pos:base])
                tags.append("")
            for w, t in ws:
                if w:
                    words.append(w)
                    tags.append(t)
            pos = base + len(sent)
        if pos < len(text):
            words.append(text[pos:])
            tags.append("")
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags)
        doc._.segments = (sentences, tagged)
        return doc


def run_article(nlp: Language, art: Article, year: int | None = None, published: str | None = None,
                title: str | None = None) -> Doc:
    sents = [(s.start, s.text) for s in art.sentences()]
    tok = nlp.tokenizer
    doc = tok.sentences_doc(art.text, sents) if isinstance(tok, PosTokenizer) else nlp.make_doc(art.text)
    doc._.article = art
    doc._.year = year
    doc._.published = published
    doc._.doc_title = title
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def to_document(doc: Doc, art: Article, source: str, sha: str, encoding: str) -> Document:
    """The Doc's findings as a pydantic Document (raw offsets through the offset map)."""
    mentions: list[ents_mod.Mention] = doc._.mentions or []
    entities = rels_mod.group_entities(mentions, art.text)
    claims: list[Claim] = []
    rejected: list[str] = []
    seen: dict[tuple, Claim] = {}
    headline = _headline_end(art.text)
    # a subject carried from elsewhere is named as the article mostly names it (B站, not 哔哩哔哩)
    surfaces: dict[str, Counter] = {}
    for m in mentions:
        surfaces.setdefault(m.label, Counter())[m.surface] += 1
    for s, d in doc._.claims or []:
        q = d.q
        ra, rb = art.raw_span(s.start, s.end)
        ch = [Change(kind=k, value=v) for k, v in d.changes]
        value = q.value * d.scale
        unit = d.unit or q.unit or "count"
        upper = q.upper * d.scale if getattr(q, "upper", None) is not None else None
        if d.is_change and not d.attached:  # a bare change: its value is the (signed) change
            if upper is not None and d.changes[0][1] < 0 < upper and q.value > 0:
                upper = -upper  # 减少约40%至50%: a fall's range falls at both ends (-0.4 to -0.5)
            value = d.changes[0][1]
            ch = [Change(kind=d.change_kind, value=value)] + [Change(kind=k, value=v) for k, v in d.changes[1:]]  # (…,环比持平)
            if d.change_kind in ("yoy", "qoq", "growth"):
                unit = "percent"  # 增长超过一倍: a relative change, as a rate
        if value > 0 and not (d.is_change and not d.attached):
            # 净利润亏损1.5亿元,比上年同期下降172%: a positive level cannot fall by more than all of it;
            # the fall is the profit's the loss replaced, no change of this level
            ch = [x for x in ch if not (x.kind in ("yoy", "qoq", "growth") and x.value < -1)]
        try:
            c = Claim(subject=d.subject.label if d.subject else "未知", subject_cls=_model_cls(d.subject),
                      subject_text=_named(d, surfaces), metric_key=d.metric_key,
                      metric=d.metric or "数量", value=value, unit=unit, period=d.period,
                      qualifier=q.qualifier, change=(ch[0] if len(ch) == 1 else ch) if ch else None,
                      evidence=Evidence(text=s.text, start=s.start, end=s.end, raw_start=ra, raw_end=rb,
                                        source=art.wording(s.start, s.end)),
                      surface=q.surface,
                      upper=upper,
                      confidence=_confidence(d))
        except ValueError as e:
            rejected.append(f"{s.text[:40]}…: {str(e).splitlines()[0]}")
            continue
        # one claim per fact: a repeat (a heading restating the lede) adds nothing, unless it
        # states the change the first mention left out (the lede's 交付5055台, the body's
        # 交付5055台,同比增长100%); a repeat without a period merges into the mention that has one
        key = (c.subject, c.value, c.unit)
        prev = seen.get(key)
        if prev is not None and prev.metric != c.metric and (prev.evidence.start == c.evidence.start or d.part
                                                             or c.unit == "percent" and not _same_measure(prev, c)
                                                             or prev.metric_key and c.metric_key and prev.metric_key != c.metric_key):
            # two measures of one value (上涨0.4%,其中城市上涨0.4%; 工业增加值增长6.8%。社会消费品零售
            # 总额增长6.8%: rates of one decimal agree by chance, amounts hardly, but two measures the lexicon
            # knows apart are two facts: 研发费用为28亿元。经营利润为28亿元): both stand
            prev = None
        if prev is not None and prev.period == c.period and c.change and not prev.change:
            claims[claims.index(prev)] = c
            seen[key] = c
            continue
        if prev is not None and prev.period == c.period and prev.evidence.start < headline <= c.evidence.start:
            claims[claims.index(prev)] = c  # (车辆毛利率跌至16.4% in the headline, 车辆毛利率:16.4% in the body: the body's)
            seen[key] = c
            continue
        if prev is not None and (prev.period == c.period or c.period is None):
            continue
        if prev is not None and prev.period is None:
            claims[claims.index(prev)] = c
            seen[key] = c
            continue
        seen.setdefault(key, c)
        claims.append(c)
    claims = _without_headline_repeats(claims, art.text)
    # the cells of the tables in the text (zhkg_tables), less those of an analysts' forecast table
    # that restate the note's forecasts (净利润分别为5.1/6.2亿元 over 净利润(百万元) 510 620: the
    # table sums up the note, one claim a fact; a cell stating another change stands, its own fact)
    summary = {t.table.index for t in doc._.tables or [] if t.kind == "forecast"}
    claims += [c for c in doc._.table_claims or [] if c.evidence.table not in summary or not any(_restates(c, p) for p in claims)]
    entities += rels_mod.operators_reporting(entities, claims)  # 美团…收入: the company too
    rejected += doc._.table_left_out or []
    topic = doc._.topic
    fr: Frame = doc._.frame or Frame()
    ent = fr.entity
    frame = FrameModel(entity=ent.label if ent is not None else None,
                       entity_cls=_model_cls(ent) if ent is not None else None,
                       period=fr.period, evidence=fr.evidence, entity_title=fr.entity_title)
    return Document(frame=frame, id=art.id, title=art.title, source=source, sha256=sha, text=art.text,
                    raw_offset=art.raw_span(0, 1)[0], year=doc._.year, encoding=encoding,
                    topic=topic.label if topic else None, mojibake=art.mojibake,
                    entities=entities, relations=rels_mod.relations(mentions, art), claims=claims,
                    quotes=rels_mod.quotes(mentions, art),
                    rejected=rejected)


def _restates(cell: Claim, prose: Claim) -> bool:
    """Does a table's ``cell`` state the fact a ``prose`` claim states: its subject, period,
    unit and value, a metric of the same name (a forecast's 预测 aside) and no other change?"""
    def name(c: Claim) -> str:  # (预测当前股价PE: the table's 市盈率)
        return re.sub(r"^(?:预测)?(?:(?:当前|目前|现)?股价)?(?:对应)?(?:的)?", "", c.metric)

    def key(c: Claim) -> str | None:  # (EPS of the prose, 每股收益 of the table: one metric)
        return c.metric_key or next((e.key for e in load_lexicon().by_surface(name(c)) if e.key.startswith("Metric:")), None)

    return cell.subject == prose.subject and cell.period == prose.period and cell.unit == prose.unit \
        and math.isclose(cell.value, prose.value, rel_tol=1e-6) \
        and (name(cell) == name(prose) or key(cell) is not None and key(cell) == key(prose)) \
        and (not cell.change or [(x.kind, round(x.value, 6)) for x in cell.changes()] == [(x.kind, round(x.value, 6)) for x in prose.changes()])


def _named(d, surfaces) -> str | None:
    m = d.subject
    if m is None:
        return None
    if m.cls == "Place":  # 我国 and 全国 name 中国 from the writer's side: give the name
        return m.label
    common = surfaces.get(m.label)
    name = m.surface if d.subject_here or not common else common.most_common(1)[0][0]
    if name.isascii() and not m.label.isascii():
        # (腾讯音乐娱乐集团(“TME”), WeChat: a Latin short name stands for the Chinese one the text uses, else the label)
        return next((w for w, _ in (common.most_common() if common else ()) if not w.isascii()), m.label)
    # (招行 where the text also writes 招商银行: a contraction stands for the full name it is cut from)
    return next((w for w, _ in (common.most_common() if common else ()) if len(w) > len(name) and _contracts(name, w)), name)


def _contracts(short: str, full: str) -> bool:
    """Is ``short`` cut from ``full``, its first character and the rest in order, some left out
    between them (招行 of 招商银行; not 快手 of 快手平台, the name with a word after it)?"""
    rest = iter(full[1:])
    return len(short) >= 2 and short[0] == full[0] and short not in full and all(ch in rest for ch in short[1:])


def _headline_end(text: str) -> int:
    """Where the headline (a short first line, a body after it) ends, or -1 when there is none."""
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    if end < 0 or not text[end:].strip() or end - lead > _HEADLINE_CHARS or "。" in text[lead:end].rstrip("。"):
        return -1
    return end


def _without_headline_repeats(claims: list[Claim], text: str) -> list[Claim]:
    """The claims, less those of the headline (a short first line, a body after it) that the body
    states again in its own words: a rounded figure (5亿 of 5.01亿元), the top of a range (最高3600万元
    of 2800万元-3600万元), a unit left out (3亿 of 3.02亿元), a rounded change (跌8% of 下跌7.6%); the
    body's wording is the claim."""
    end = _headline_end(text)
    if end < 0:
        return claims
    body = [c for c in claims if c.evidence.start >= end]

    def restated(h: Claim) -> bool:
        for b in body:
            if b.subject != h.subject:
                continue
            units = b.unit == h.unit or h.unit == "count" or {b.unit, h.unit} <= _MONEY  # (a headline's 元 of the body's 仙)
            if units and (abs(b.value - h.value) <= 0.03 * abs(b.value) or b.upper == h.value):
                return True
            if h.unit == "percent" and any(abs(x.value - h.value) <= 0.01 for x in b.changes()):
                return True
        return False
    return [c for c in claims if c.evidence.start >= end or not restated(c)]


#: the longest first line read as a headline
_HEADLINE_CHARS = 60
_MONEY = {"CNY", "HKD", "USD"}


def _same_measure(a: Claim, b: Claim) -> bool:
    """May two claims of one value be one fact said twice (营收 and 收入, 净利润 and 归母净利润), not
    two measures that happen to agree?"""
    if a.metric_key and a.metric_key == b.metric_key:
        return True
    # (by pairs of characters: 二手住宅销售价格 and 新建商品住宅销售价格 share words, not the measure)
    x, y = ({m[i:i + 2] for i in range(len(m) - 1)} or {m} for m in (a.metric or "", b.metric or ""))
    return bool(a.metric and b.metric) and len(x & y) >= 0.75 * min(len(x), len(y))


def _model_cls(m):
    return m.cls if m is not None and m.cls in ("Organization", "Company", "Platform", "Person", "Program", "Place",
                                                "Segment") else None


def _confidence(d) -> float:
    c = 0.85
    if d.subject is None or d.subject.source != "lexicon":
        c -= 0.15
    if d.metric_key is None:
        c -= 0.1
    return round(max(0.3, c), 2)


def extract_text(text: str, doc_id: str = "doc", ner: str = "lac", year: int | None = None,
                 source: str = "<text>", published: str | None = None) -> list[Document]:
    """Extract every article of ``text`` (already decoded) into Documents. ``published``
    (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) is when the text came out: it resolves 去年, a
    quarter named without its year and the period a results piece reports."""
    norm = normalize_text(text, doc_id=doc_id)
    return _extract(norm, source, hashlib.sha256(text.encode("utf-8")).hexdigest(), ner, year, published)


def extract_file(path: str | Path, ner: str = "lac", year: int | None = None,
                 published: str | None = None, doc_id: str | None = None) -> list[Document]:
    """Extract every article of the file ``path`` (text, HTML or PDF) into Documents, with ids
    ``{doc_id}#1``, ``#2`` … (default ``doc_id``: the file's stem)."""
    return extract_bytes(read_input(path), str(path), ner=ner, year=year, published=published, doc_id=doc_id)


def extract_bytes(data: bytes, source: str, ner: str = "lac", year: int | None = None,
                  doc_id: str | None = None, published: str | None = None) -> list[Document]:
    """Extract the bytes read from ``source`` (a file name, or ``<stdin>`` with a ``doc_id``).

    The format is detected from the content (:mod:`extract.inputs`: text, HTML, PDF); an HTML
    page's date gives the year of 去年/今年 unless ``year`` is given; a PDF's tables are read as
    tables. Evidence offsets of HTML and PDF inputs are offsets in the extracted text.
    """
    from ..inputs import read_source
    from .sources import apply_source

    src = read_source(data, source)
    norm = normalize_text(src.text, doc_id=doc_id or Path(source).stem, encoding=src.encoding, split=src.split,
                          pipes=not src.tables)
    norm.replaced = src.replaced
    published = parse_published(published) if published else None
    # the document's own title, outside its text: a PDF's, else the file's name (宁德时代-300750-年报点评.pdf)
    title = src.title if src.format == "pdf" and src.title else Path(source).stem if not source.startswith("<") else None
    docs = _extract(norm, source, hashlib.sha256(data).hexdigest(), ner, year or src.year,
                    published or src.published, title)
    docs = apply_source(docs, norm, src)
    return [d.model_copy(update={"published": published}) for d in docs] if published else docs


def _extract(norm: NormalizedText, source: str, sha: str, ner: str, year: int | None,
             published: str | None = None, title: str | None = None) -> list[Document]:
    """The Documents of every article; ``published`` gives the year unless ``year`` does; ``title``
    (the document's own, outside its text) names the company a text calling it only 公司 is on."""
    nlp = build_nlp(ner)
    if published:
        published = parse_published(published)
        year = year or int(published[:4])
    docs = [to_document(run_article(nlp, art, year, published, title), art, source, sha, norm.encoding)
            for art in norm.articles]
    return [d.model_copy(update={"published": published}) for d in docs] if published else docs


TOOL_VERSION = __version__
