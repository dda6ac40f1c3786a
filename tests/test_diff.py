"""Table-driven tests of extract.diff and ``zhkg diff``.

Every figure and sentence here was written for these tests; none is copied from the dev set or
the corpus.
"""
from __future__ import annotations

import json
from typing import Optional

import pytest
from rdflib import Graph

from extract.cli import main
from extract.diff.tolerance import claim_interval
from extract.diff.align import diff_documents
from extract.diff.keys import entity_key, period_kind, unit_family
from extract.diff.sides import claims_from_graph
from extract.diff.render import render
from extract.model import Change, Claim, Evidence
from extract.graph.vocab import ZHKG

EV = Evidence(text="测试句子。", start=0, end=5, raw_start=0, raw_end=5)


def C(value: float, unit: str = "users", surface: Optional[str] = None, *, subject: str = "快手",
      metric: str = "日活跃用户", period: Optional[str] = "2020Q4", qualifier: Optional[str] = None,
      change=None, key: Optional[str] = None, upper: Optional[float] = None) -> Claim:
    return Claim(subject=subject, metric=metric, metric_key=key, value=value, unit=unit, period=period,
                 qualifier=qualifier, surface=surface, change=change, upper=upper, evidence=EV)


def category(a: Claim, b: Claim, rtol: float = 0.0) -> str:
    res = diff_documents([a], [b], rtol=rtol)
    cats = sorted({p.category for p in res.pairs})
    return cats[0] if len(cats) == 1 else "+".join(cats)


# ---- one claim against one claim --------------------------------------------------------------------

PAIRS = [
    # unit and magnitude equivalence
    ("219亿元=2190000万元", C(2.19e10, "CNY", "219亿元", metric="营收"), C(2.19e10, "CNY", "2190000万元", metric="营收"), "same"),
    ("219亿元=21900000000元", C(2.19e10, "CNY", "219亿元", metric="营收"), C(2.19e10, "CNY", "21900000000元", metric="营收"), "same"),
    ("2小时=120分钟", C(2, "hours", "2小时", metric="日均使用时长"), C(120, "minutes", "120分钟", metric="日均使用时长"), "same"),
    ("users=count", C(3e6, "users", "300万"), C(3e6, "count", "300万"), "same"),
    ("CNY-vs-USD-never", C(1e9, "CNY", "10亿元", metric="营收"), C(1e9, "USD", "10亿美元", metric="营收"), "related"),
    # tolerance edges: 2.71亿 admits [2.705亿, 2.715亿)
    ("2.71亿~2.714亿-inside", C(2.71e8, surface="2.71亿"), C(2.714e8, surface="2.714亿"), "same"),
    ("2.71亿~2.7149亿-inside", C(2.71e8, surface="2.71亿"), C(2.7149e8, surface="2.7149亿"), "same"),
    ("2.71亿-vs-2.7151亿-outside", C(2.71e8, surface="2.71亿"), C(2.7151e8, surface="2.7151亿"), "conflicting"),
    ("2.71亿-vs-2.72亿-adjacent", C(2.71e8, surface="2.71亿"), C(2.72e8, surface="2.72亿"), "conflicting"),
    ("2.71亿~2.7亿-coarser", C(2.71e8, surface="2.71亿"), C(2.7e8, surface="2.7亿"), "same"),
    ("3812亿元~3812.4亿元", C(3.812e11, "CNY", "3812亿元", metric="GMV"), C(3.8124e11, "CNY", "3812.4亿元", metric="GMV"), "same"),
    ("3812亿元-vs-3812.6亿元", C(3.812e11, "CNY", "3812亿元", metric="GMV"), C(3.8126e11, "CNY", "3812.6亿元", metric="GMV"), "conflicting"),
    ("55%~55.4%", C(0.55, "percent", "55%", metric="毛利率"), C(0.554, "percent", "55.4%", metric="毛利率"), "same"),
    ("55%-vs-55.6%", C(0.55, "percent", "55%", metric="毛利率"), C(0.556, "percent", "55.6%", metric="毛利率"), "conflicting"),
    ("rtol-bridges", C(2.71e8, surface="2.71亿"), C(2.73e8, surface="2.73亿"), "conflicting"),
    # hedges
    ("近100万~98万", C(1e6, surface="近100万", qualifier="近"), C(9.8e5, surface="98万"), "same"),
    ("近100万~100万", C(1e6, surface="近100万", qualifier="近"), C(1e6, surface="100万"), "same"),
    ("近100万-vs-80万", C(1e6, surface="近100万", qualifier="近"), C(8e5, surface="80万"), "conflicting"),
    ("近100万-vs-101万", C(1e6, surface="近100万", qualifier="近"), C(1.01e6, surface="101万"), "conflicting"),
    ("超过25%~26%", C(0.25, "percent", "超过25%", qualifier="超过", metric="付费率"), C(0.26, "percent", "26%", metric="付费率"), "same"),
    ("超过25%-vs-24%", C(0.25, "percent", "超过25%", qualifier="超过", metric="付费率"), C(0.24, "percent", "24%", metric="付费率"), "conflicting"),
    ("超过25%~超过20%", C(0.25, "percent", "超过25%", qualifier="超过", metric="付费率"), C(0.20, "percent", "超过20%", qualifier="超过", metric="付费率"), "same"),
    ("100多万~150万", C(1e6, surface="100多万", qualifier="多"), C(1.5e6, surface="150万"), "same"),
    ("100多万-vs-250万", C(1e6, surface="100多万", qualifier="多"), C(2.5e6, surface="250万"), "conflicting"),
    ("约3亿~2.8亿", C(3e8, surface="约3亿", qualifier="约"), C(2.8e8, surface="2.8亿"), "same"),
    ("不到100万-vs-120万", C(1e6, surface="不到100万", qualifier="不到"), C(1.2e6, surface="120万"), "conflicting"),
    ("range-3-5亿~4亿", C(3e8, surface="3-5亿", upper=5e8), C(4e8, surface="4亿"), "same"),
    # period alignment: same metric, different period -> related, never a conflict
    ("2020Q4-vs-2020", C(2.71e8, surface="2.71亿"), C(3e8, surface="突破3亿", qualifier="突破", period="2020"), "related"),
    ("2019-vs-2020", C(5.96e10, "CNY", "596亿元", metric="GMV", period="2019"), C(3.812e11, "CNY", "3812亿元", metric="GMV", period="2020"), "related"),
    ("no-period-agrees", C(2.71e8, surface="2.71亿", period=None), C(2.71e8, surface="2.71亿"), "same"),
    ("no-period-disagrees", C(2.5e8, surface="2.5亿", period=None), C(2.71e8, surface="2.71亿"), "related"),
    # entities named differently (the app 快手 and its eponymous operator 快手科技 align)
    ("快手APP=快手科技", C(2.71e8, surface="2.71亿"), C(2.71e8, surface="2.71亿", subject="快手科技"), "same"),
    ("Kuaishou=快手", C(2.71e8, surface="2.71亿", subject="Kuaishou"), C(2.81e8, surface="2.81亿", subject="快手"), "conflicting"),
    ("快手极速版≠快手科技", C(2e8, surface="2亿", subject="快手极速版"), C(2.71e8, surface="2.71亿", subject="快手科技"), "only_a+only_b"),
    ("微信≠腾讯", C(1.2e9, surface="12亿", subject="微信", metric="MAU"), C(5.9e8, surface="5.9亿", subject="腾讯", metric="MAU"), "only_a+only_b"),
    # metric aliases
    ("DAU=日活=平均日活", C(2.71e8, surface="2.71亿", metric="DAU"), C(2.71e8, surface="2.71亿", metric="平均日活"), "same"),
    ("unlinked-wording", C(0.3, "percent", "30%", metric="二线用户占比"), C(0.3, "percent", "30%", metric="二線用戶佔比"), "same"),
    # percent vs percentage points: never compared
    ("percent-vs-points", C(0.035, "percent", "3.5%", metric="毛利率"), C(0.035, "percent", "3.5个百分点", metric="毛利率"), "related"),
    ("abs-change-is-points", C(0.02, "percent", None, metric="毛利率", change=Change(kind="yoy", value=0.02)),
     C(0.02, "percent", None, metric="毛利率", change=Change(kind="abs", value=0.02)), "related"),
    # level vs change, and a disagreeing change beside agreeing figures
    ("level-vs-change", C(0.5, "percent", "50%", metric="营收"), C(5.878e10, "CNY", "587.8亿元", metric="营收"), "related"),
    ("yoy-differs", C(2.71e8, surface="2.71亿", change=Change(kind="yoy", value=0.32)),
     C(2.71e8, surface="2.71亿", change=Change(kind="yoy", value=0.40)), "conflicting"),
    ("yoy-agrees", C(2.71e8, surface="2.71亿", change=Change(kind="yoy", value=0.32)),
     C(2.71e8, surface="2.71亿", change=Change(kind="yoy", value=0.32)), "same"),
]


@pytest.mark.parametrize("a,b,expected", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_pair(a, b, expected):
    assert category(a, b) == expected
    assert category(b, a) == expected  # the categories do not depend on which report is A


def test_rtol_widens():
    a, b = C(2.71e8, surface="2.71亿"), C(2.73e8, surface="2.73亿")
    assert category(a, b, rtol=0.0) == "conflicting"
    assert category(a, b, rtol=0.005) == "same"


INTERVALS = [
    ("2.71亿", 2.71e8, None, (2.705e8, 2.715e8)),
    ("3812亿元", 3.812e11, None, (3.8115e11, 3.8125e11)),
    ("55%", 0.55, None, (0.545, 0.555)),
    ("近100万", 1e6, "近", (8.95e5, 1e6)),
    ("两千万", 2e7, None, (1.5e7, 2.5e7)),
    ("数百万", 1e6, "数百万", (2e6, 1e7)),
]


@pytest.mark.parametrize("surface,value,qualifier,bounds", INTERVALS, ids=[i[0] for i in INTERVALS])
def test_interval(surface, value, qualifier, bounds):
    iv = claim_interval(value, surface, qualifier)
    assert (float(iv.lo), float(iv.hi)) == pytest.approx(bounds)


def test_over_is_open_above():
    iv = claim_interval(0.25, "超过25%", "超过")
    assert iv.lo_open and float(iv.lo) == 0.25 and iv.hi.is_infinite()


ENTITIES = [("快手", "快手科技", True), ("快手APP", "Kuaishou Technology", True), ("美团", "美团APP", True),
            ("京东", "京东集团", True), ("抖音", "字节跳动", False), ("微信", "腾讯", False),
            ("快手极速版", "快手", False), ("某新公司", "某新公司", True)]


@pytest.mark.parametrize("x,y,same", ENTITIES, ids=[f"{x}-{y}" for x, y, _ in ENTITIES])
def test_entity_alignment(x, y, same):
    assert (entity_key(x)[0] == entity_key(y)[0]) is same


def test_unit_families_and_periods():
    assert unit_family(C(0.035, "percent", "3.5个百分点"))[0] == "points"
    assert unit_family(C(0.035, "percent", "3.5%"))[0] == "percent"
    assert [period_kind(p) for p in ("2020", "2020Q4", "asof:2020-12")] == ["year", "quarter", "asof"]


def test_comparability_warning():
    res = diff_documents([C(2.71e8, surface="2.71亿")], [C(3e8, surface="突破3亿", qualifier="突破", period="2020")])
    assert len(res.warnings) == 1 and "quarter" in res.warnings[0].message and "2020Q4" in res.warnings[0].message
    same = diff_documents([C(2.71e8, surface="2.71亿")], [C(2.71e8, surface="2.71亿")])
    assert same.warnings == []


def test_segment_warning():
    res = diff_documents([C(2e8, surface="2亿", subject="快手极速版")], [C(2.71e8, surface="2.71亿", subject="快手")])
    assert any("segment" in w.message for w in res.warnings)


def test_duplicates_on_one_side():
    res = diff_documents([C(2.71e8, surface="2.71亿")], [C(2.71e8, surface="2.71亿"), C(2.9e8, surface="2.9亿")])
    assert [p.category for p in res.pairs] == ["conflicting", "same"]


def test_ttl_links_the_claim_iris():
    res = diff_documents([C(2.71e8, surface="2.71亿")], [C(2.81e8, surface="2.81亿")])
    g = Graph().parse(data=render(res, "ttl"), format="turtle")
    conflicts = list(g.subjects(predicate=None, object=ZHKG.Conflict))
    assert len(conflicts) == 1
    linked = {str(o) for o in g.objects(conflicts[0], ZHKG.conflictClaim)}
    assert linked == {res.conflicting[0].a.iri, res.conflicting[0].b.iri}


def test_claims_read_back_from_graph():
    from extract.model import Document
    from extract.graph.iris import claim_iri
    from extract.graph.rdf import to_graph

    text = "2020年第四季度,快手平均DAU为2.71亿。"
    c = Claim(subject="快手", subject_cls="Platform", metric="平均DAU", metric_key="Metric:日活跃用户", value=2.71e8,
              unit="users", period="2020Q4", surface="2.71亿", change=Change(kind="yoy", value=0.32),
              evidence=Evidence(text=text, start=0, end=len(text), raw_start=0, raw_end=len(text)))
    d = Document(id="t#1", source="t.txt", sha256="0" * 64, text=text, claims=[c])
    back = claims_from_graph(to_graph([d]))
    assert len(back) == 1 and back[0].doc == "t#1" and back[0].iri == str(claim_iri("t#1", c))
    r = back[0].claim
    assert (r.subject, r.metric_key, r.value, r.unit, r.period, r.surface) == \
        ("快手", "Metric:日活跃用户", 2.71e8, "users", "2020Q4", "2.71亿")
    assert diff_documents([d], back).counts()["same"] == 1


# ---- the command, in-process, on two small articles written for this test -----------------------------

ARTICLE_A = """星河日报:快手科技年度业绩

2020年第四季度,快手APP平均日活跃用户为2.71亿。
2020年,快手科技总收入587.8亿元。
"""
ARTICLE_B_SAME = """晨光财经:Kuaishou业绩一览

2020年第四季度,快手日活2.71亿。
2020年,快手营业收入为5878000万元。
"""
ARTICLE_B_CONFLICT = """晨光财经:Kuaishou业绩一览

2020年第四季度,快手日活2.81亿。
2020年,快手营业收入为5878000万元。
"""


@pytest.fixture
def articles(tmp_path):
    paths = {}
    for name, text in (("a", ARTICLE_A), ("same", ARTICLE_B_SAME), ("conflict", ARTICLE_B_CONFLICT)):
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths[name] = str(p)
    return paths


def test_cli_exit_0_when_nothing_conflicts(articles, capsys):
    assert main(["diff", articles["a"], articles["same"], "--ner", "fast", "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["counts"]["conflicting"] == 0 and body["counts"]["same"] == 2


def test_cli_exit_1_on_conflict(articles, capsys, tmp_path):
    out = tmp_path / "d.txt"
    assert main(["diff", articles["a"], articles["conflict"], "--ner", "fast", "-o", str(out)]) == 1
    text = out.read_text(encoding="utf-8")
    assert "≠" in text and "2.71亿" in text and "2.81亿" in text
    assert "快手APP平均日活跃用户为2.71亿" in text and "快手日活2.81亿" in text  # both evidence sentences


def test_cli_ttl(articles, capsys):
    assert main(["diff", articles["a"], articles["conflict"], "--ner", "fast", "-f", "ttl"]) == 1
    g = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert len(list(g.subjects(predicate=None, object=ZHKG.Conflict))) == 1


@pytest.mark.parametrize("argv", [["diff", "missing-a.txt", "missing-b.txt"],
                                  ["diff", "x", "y", "--store", "no-such-store-dir"],
                                  ["diff", "A", "B", "--format", "xml"],
                                  ["diff", "A", "B", "--rtol", "-1"]],
                         ids=["missing-file", "missing-store", "bad-format", "negative-rtol"])
def test_cli_exit_2_on_errors(argv, articles, capsys):
    argv = [articles["a"] if x == "A" else articles["same"] if x == "B" else x for x in argv]
    assert main(argv + ["--ner", "fast"]) == 2


def test_cli_help_has_example(capsys):
    main(["diff", "--help"])
    assert "Example: zhkg diff" in capsys.readouterr().out
