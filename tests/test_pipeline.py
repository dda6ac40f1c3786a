"""The spaCy pipeline: jieba segments through spaCy, and with --ner fast one jieba POS pass gives
both the Doc's tokens and the backend's names (issue 9: no second segmentation of an article)."""
from __future__ import annotations

import jieba
import jieba.posseg

from extract import extract_text
from extract.nlp.components import entities as ents_mod
from extract.nlp.pipeline import PosTokenizer, build_nlp

TEXT = "星河科技营收增长了两成。\n\n王立新表示公司将继续投入研发。"


def test_fast_tokens_are_jieba_pos_words_with_tags():
    nlp = build_nlp("fast")
    assert isinstance(nlp.tokenizer, PosTokenizer)
    doc = nlp.tokenizer(TEXT)
    assert "".join(t.text for t in doc) == TEXT
    first = "星河科技营收增长了两成。"
    want = [(p.word, p.flag) for p in jieba.posseg.lcut(first)]
    got = [(t.text, t.tag_) for t in doc][:len(want)]
    assert got == want
    assert [t.text for t in doc if not t.tag_] == ["\n\n"]  # the text between sentences


def test_lac_tokens_are_spacys_jieba_segmentation():
    nlp = build_nlp("lac")
    assert not isinstance(nlp.tokenizer, PosTokenizer)
    doc = nlp.make_doc("星河科技营收增长了两成")
    assert [t.text for t in doc] == jieba.lcut("星河科技营收增长了两成")


def test_fast_mode_segments_an_article_once(monkeypatch):
    calls = []
    real = ents_mod.segment

    def counting(sentences, backend):
        calls.append(len(sentences))
        return real(sentences, backend)

    monkeypatch.setattr(ents_mod, "segment", counting)
    docs = extract_text(TEXT, doc_id="t", ner="fast", year=2021)
    assert len(docs) == 1 and calls == [2]
    assert any(e.label == "王立新" for e in docs[0].entities)
