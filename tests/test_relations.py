"""Relations and quotes: operates, launched, competitor, roles, and what people said."""
import pytest

from extract import extract_text


def _rels(text):
    docs = extract_text(text, doc_id="t", ner="lac", year=2021)
    return {(r.kind, r.source, r.target) for d in docs for r in d.relations}, [q for d in docs for q in d.quotes]


@pytest.mark.parametrize("text,expected", [
    ("蓝鲸科技旗下的青柠APP月活跃用户达到1亿。", {("operates", "蓝鲸科技", "青柠")}),
    ("星河科技推出“千帆计划”,扶持中小商家。", {("launched", "星河科技", "千帆计划")}),
    ("星河科技的主要竞争对手是蓝海科技和云帆科技。",
     {("competitor", "星河科技", "蓝海科技"), ("competitor", "星河科技", "云帆科技")}),
    ("星河科技首席执行官李明远表示,公司将继续投入研发。", {("role", "李明远", "星河科技")}),
    # a role at an app is a role at the company that operates it (a role links an organization)
    ("快手副总裁王立新透露,公司将继续投入研发。", {("role", "王立新", "快手科技")}),
], ids=["operates-qixia", "launched-tuichu", "competitor", "role", "role-at-app"])
def test_relations(text, expected):
    rels, _ = _rels(text)
    assert expected <= rels, rels


def test_competitiveness_is_no_competition():
    rels, _ = _rels("星河科技和蓝海科技都在提升核心竞争力。")
    assert not any(k == "competitor" for k, _, _ in rels)


@pytest.mark.parametrize("text,speaker,said", [
    ("星河科技首席执行官李明远表示,“我们会继续加大研发投入,服务更多用户。”", "李明远", "我们会继续加大研发投入,服务更多用户。"),
    ("“今年是公司转型的关键一年。”李明远说。", "李明远", "今年是公司转型的关键一年。"),
    ("用王小林的话说是——“先活下来,再谈增长。”", "王小林", "先活下来,再谈增长。"),
], ids=["says-before", "says-after", "in-their-words"])
def test_quotes(text, speaker, said):
    _, quotes = _rels(text)
    assert [(q.speaker, q.text) for q in quotes] == [(speaker, said)]
    q = quotes[0]
    assert text[q.evidence.raw_start:q.evidence.raw_end] == f"“{said}”"


def test_a_quote_without_a_speaker_is_no_quote():
    _, quotes = _rels("这款产品被称为“年轻人的第一台相机”。")
    assert quotes == []
