"""The evidence keeps the input's own wording where normalization changed it (Traditional
characters, inline pinyin, 二零二三年), so a reader can find the sentence in the original; a
Simplified sentence that differs only in width and spacing has none."""
from __future__ import annotations

import json

import pytest

from extract import extract_text
from extract.diff.sides import claims_from_jsonl
from extract.graph.formats import to_jsonl
from extract.graph.rdf import to_graph
from extract.graph.validate import validate_graph
from extract.graph.vocab import ZHKG
from extract.model import Evidence

TRADITIONAL = "華遠集團公佈中期業績，期內收入為52.3億元，按年增長8%。"


def _claim(text: str, year: int = 2024):
    docs = extract_text(text, doc_id="t", year=year)
    return [c for d in docs for c in d.claims], docs


@pytest.mark.parametrize("text, wording", [
    (TRADITIONAL, TRADITIONAL),
    ("恒達公司二零二三年收入為12億元。", "恒達公司二零二三年收入為12億元。"),
    ("恒达(héng dá)公司去年收入为12亿元。", "恒达(héng dá)公司去年收入为12亿元。"),
    ("恒达公司去年收入为１２亿元，增长５％。", None),  # full width only: nothing to keep
    ("恒达公司去年收入为12亿元，\n增长5%。", None),  # a line break only
])
def test_source_wording_of_a_sentence(text, wording):
    claims, _ = _claim(text)
    assert claims, text
    assert {c.evidence.source for c in claims} == {wording}
    for c in claims:  # the text itself stays normalized Simplified
        assert "億" not in c.evidence.text and "héng" not in c.evidence.text


def test_jsonl_evidence_carries_the_wording_and_reads_back():
    claims, docs = _claim(TRADITIONAL)
    rows = [json.loads(line) for line in to_jsonl(docs).splitlines() if line.strip()]
    ev = [r["evidence"] for r in rows if r.get("kind") == "claim"]
    assert ev and all(e.startswith("华远集团公布中期业绩") and e.endswith(f"（原文：{TRADITIONAL}）") for e in ev)
    assert Evidence.from_line(ev[0]) == (claims[0].evidence.text, TRADITIONAL)
    assert Evidence.from_line("收入为12亿元。") == ("收入为12亿元。", None)


def test_jsonl_read_back_by_diff_splits_the_wording():
    _, docs = _claim(TRADITIONAL)
    back = claims_from_jsonl(to_jsonl(docs).encode("utf-8"))
    assert back and {s.claim.evidence.source for s in back} == {TRADITIONAL}
    assert all("原文" not in s.claim.evidence.text for s in back)


def test_graph_states_the_wording_and_conforms():
    _, docs = _claim(TRADITIONAL)
    g = to_graph(docs)
    words = {str(o) for o in g.objects(None, ZHKG.sourceText)}
    assert words == {TRADITIONAL}
    report = validate_graph(g)
    assert report.conforms, [str(v) for v in report.violations]
