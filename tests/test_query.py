"""Saved queries with their expected rows, parameters bound as terms, results formats, the CLI."""
from __future__ import annotations

import json
import re

import pytest
from rdflib import Literal, URIRef

from extract.cli import main
from extract.errors import QueryError
from extract.graph.formats import writer, write_atomic
from extract.graph.query import PAGE_PARAMS, list_queries, parse_header, run_query, saved_query, to_term
from extract.graph.iris import claim_iri
from extract.graph.results import format_result
from extract.graph.store import open_store
from sample_docs import sample_docs

K1, K2, O1 = "kuaishou-2020#1", "kuaishou-2020#2", "other-2021#1"
GMV_SENTENCE = "平台GMV从2019年的596亿元大幅增至2020年的3812亿元,更重要的是,反映交易质量的关键指标复购率,从2019年的45%增至 2020年的65%。"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    """The hand-built articles in a store, closed again: tests open it (Oxigraph locks it)."""
    d = tmp_path_factory.mktemp("q") / "kg"
    with open_store(d, create=True) as st:
        st.add(sample_docs())
    return d


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    p = tmp_path_factory.mktemp("q") / "sample.trig"
    write_atomic(p, writer("trig")(sample_docs()))
    return p


@pytest.fixture(params=["store", "files"])
def source(request, kg, trig):
    if request.param == "files":
        yield [trig]
    else:
        with open_store(kg) as st:
            yield st


def rows(res):
    return [tuple(None if x is None else str(x) for x in r) for r in res.rows]


GMV = "商品交易总额"
# (saved query, params, expected rows); numbers as the graph writes them (base units, fractions)
CASES = [
    # the operator named after its platform is one subject with it (issue 19: diff's rule), so
    # 快手科技 finds the platform's claims and its own
    ("claims-about", {"entity": "快手科技"},
     [("快手科技", "月活跃用户", "0.25", "percent", None, "超过", K1),
      ("快手科技", GMV, "59600000000", "CNY", "2019", None, K1),
      ("快手科技", "复购率", "0.45", "percent", "2019", None, K1),
      ("快手科技", GMV, "381200000000", "CNY", "2020", None, K1),
      ("快手科技", "复购率", "0.65", "percent", "2020", None, K1),
      ("快手科技", "线上营销服务收入", "21900000000", "CNY", "2020", None, K1),
      ("快手科技", "日均使用时长", "89.9", "minutes", "2020Q4", None, K1),
      ("快手科技", "日活月活比", "0.55", "percent", "2020Q4", None, K1),
      ("快手科技", "日活跃用户", "271000000", "users", "2020Q4", None, K1),
      ("快手科技", "月活跃用户", "476000000", "users", "2020Q4", None, K1),
      ("快手科技", "日活跃用户", "300000000", "users", "2020", "突破", K2),
      ("快手科技", GMV, "380000000000", "CNY", "2020", "约", O1),
      ("快手科技", "日活跃用户", "271000000", "users", "2020Q4", None, O1)]),
    ("metric-series", {"subject": "快手", "metric": "GMV"},
     [("快手", "GMV", "2019", "59600000000", "CNY", K1), ("快手", "GMV", "2020", "381200000000", "CNY", K1),
      ("快手", "GMV", "2020", "380000000000", "CNY", O1)]),
    ("metric-series", {"subject": "快手", "metric": "日活跃用户"},
     [("快手", "日活跃用户", "2020", "300000000", "users", K2),
      ("快手", "日活跃用户", "2020Q4", "271000000", "users", K1),
      ("快手", "日活跃用户", "2020Q4", "271000000", "users", O1)]),
    ("changes-above", {"threshold": "0.3"},
     [("0.3", "快手科技", "线上营销服务收入", "yoy", "1.946", "21900000000", "2020", K1),
      ("0.3", "快手", "日活跃用户", "yoy", "0.32", "271000000", "2020Q4", K1)]),
    ("changes-above", {"threshold": "2"}, []),
    ("claims-by-period", {"period": "2019"},
     [("2019", "快手", "商品交易总额", "59600000000", "CNY", None, K1),
      ("2019", "快手", "复购率", "0.45", "percent", None, K1)]),
    ("people-roles", {},
     [("快手科技", "宿华", "首席执行官", "1"), ("快手科技", "程一笑", "联合创始人", "1")]),
    ("people-roles", {"org": "抖音"}, []),
    ("platform-programs", {"platform": "快手"},
     [("快手", "10亿补贴计划", "1"), ("快手", "好物联盟", "1"), ("快手", "服务号", "1")]),
    ("claim-evidence", {"subject": "快手", "metric": "复购率"},
     [("快手", "复购率", "2019", "0.45", GMV_SENTENCE, "3240", "3339", "corpus/kuaishou-2020.txt", K1, None),
      ("快手", "复购率", "2020", "0.65", GMV_SENTENCE, "3240", "3339", "corpus/kuaishou-2020.txt", K1, None)]),
    # one row per disagreement: the distinct values, each with how many documents state it
    ("conflicting-claims", {},
     [("快手", GMV, "2020", "CNY", "380000000000 ×1; 381200000000 ×1", "2", "2")]),
    ("conflicting-claims", {"subject": "快手"},
     [("快手", GMV, "2020", "CNY", "380000000000 ×1; 381200000000 ×1", "2", "2")]),
    ("conflicting-claims", {"subject": "抖音"}, []),
    ("top-entities", {"class": "Platform"}, [("快手", "Platform", "3"), ("抖音", "Platform", "1")]),
    ("hedged-claims", {},
     [("突破", "快手", "日活跃用户", "300000000", "3亿", "2020", K2),
      ("约", "快手", GMV, "380000000000", "3800亿元", "2020", O1),
      ("超过", "快手", "月活跃用户", "0.25", "25%", None, K1)]),
    ("metric-ranking", {"metric": "日活跃用户", "period": "2020Q4"},
     [("日活跃用户", "2020Q4", "快手", "271000000", "users", "2")]),
]


@pytest.mark.parametrize("name, params, expected", CASES,
                         ids=[f"{n}-{'-'.join(p.values()) or 'all'}" for n, p, _ in CASES])
def test_saved_query_rows(source, name, params, expected):
    got = rows(run_query(source, name, params))
    if name == "claim-evidence":  # the claim IRI column: checked in its own test
        got = [r[:-1] + (None,) for r in got]
    if name == "conflicting-claims":  # rdflib concatenates the values in no set order
        got = [r[:4] + ("; ".join(sorted(r[4].split("; "))),) + r[5:] for r in got]
    assert got == expected


def test_claim_evidence_by_claim_iri(source):
    c = next(c for c in sample_docs()[0].claims if c.metric == "GMV" and c.period == "2019")
    got = rows(run_query(source, "claim-evidence", {"claim": f"<{claim_iri(K1, c)}>"}))
    assert got == [("快手", GMV, "2019", "59600000000", GMV_SENTENCE, "3240", "3339",
                    "corpus/kuaishou-2020.txt", K1, str(claim_iri(K1, c)))]


def test_claims_about_an_alias_finds_the_entity(source):
    # 快手APP is an alias of the platform 快手, one subject with its operator 快手科技 (issue 19: the
    # rule diff aligns by): the platform's 12 claims and the operator's one
    got = rows(run_query(source, "claims-about", {"entity": "快手APP"}))
    assert len(got) == 13 and {r[0] for r in got} == {"快手APP"} and {r[6] for r in got} == {K1, K2, O1}
    assert ("快手APP", "线上营销服务收入", "21900000000", "CNY", "2020", None, K1) in got


def test_an_operator_named_after_its_platform_is_one_subject(source):
    """The labels diff prints are accepted by the saved queries: 快手科技 (the operator) finds the
    claims of 快手 (its platform) and its own, shown under the name asked for."""
    operator = rows(run_query(source, "claims-about", {"entity": "快手科技"}))
    platform = rows(run_query(source, "claims-about", {"entity": "快手"}))
    assert len(operator) == 13 and {r[0] for r in operator} == {"快手科技"}
    assert [r[1:] for r in operator] == [r[1:] for r in platform]
    assert ("快手科技", "线上营销服务收入", "21900000000", "CNY", "2020", None, K1) in operator
    series = rows(run_query(source, "metric-series", {"subject": "快手科技", "metric": "GMV"}))
    assert [r[1:] for r in series] == [("GMV", "2019", "59600000000", "CNY", K1),
                                       ("GMV", "2020", "381200000000", "CNY", K1), ("GMV", "2020", "380000000000", "CNY", O1)]
    by_key = rows(run_query(source, "metric-series", {"subject": "Platform:快手", "metric": "Metric:商品交易总额"}))
    assert [r[2:] for r in by_key] == [r[2:] for r in series]


def test_every_saved_query_is_tested_and_documented():
    names = {q.name for q in list_queries()}
    assert len(names) >= 10 and names <= {n for n, _, _ in CASES}
    for q in list_queries():
        assert q.description.endswith(".") and len(q.description) > 20, q.name
        assert q.examples and q.examples[0].startswith(f"zhkg query --store kg --name {q.name}"), q.name
        select = re.search(r"SELECT(.*?)WHERE", q.text, re.S).group(1)
        for p in q.params:  # Oxigraph binds only projected variables; a page's size is no variable
            assert p in PAGE_PARAMS or f"?{p}" in select, (q.name, p)
        if any(p in q.params for p in PAGE_PARAMS):  # one LIMIT, the default page size
            assert len(re.findall(r"\bLIMIT\s+\d+", q.text)) == 1, q.name


def test_hedged_claims_pages(source):
    """hedged-claims: 100 rows a page by default; limit and offset page through the full answer."""
    every = rows(run_query(source, "hedged-claims", {"limit": "all"}))
    assert len(every) == 3
    assert rows(run_query(source, "hedged-claims", {"limit": "2"})) == every[:2]
    assert rows(run_query(source, "hedged-claims", {"limit": "2", "offset": "2"})) == every[2:]
    with pytest.raises(QueryError, match="whole number"):
        run_query(source, "hedged-claims", {"limit": "1; DROP ALL"})


HOSTILE = '"} ; DROP ALL ; #'


def test_hostile_parameter_is_a_literal_that_matches_nothing(kg):
    with open_store(kg) as st:
        before = set(st.quads())
        assert run_query(st, "claims-about", {"entity": HOSTILE}).rows == []
        assert run_query(st, "SELECT ?x WHERE { ?s ?p ?x }", {"x": HOSTILE}).rows == []
        assert set(st.quads()) == before


def test_updates_are_not_queries(kg):
    with open_store(kg) as st:
        before = len(set(st.quads()))
        with pytest.raises(QueryError, match="updates are not allowed: .* begins with DROP"):  # issue 21
            run_query(st, "DROP ALL", as_text=True)
        assert len(set(st.quads())) == before > 0


@pytest.mark.parametrize("value, term", [
    ("快手", Literal("快手")),
    ("0.3", Literal("0.3")),
    (HOSTILE, Literal(HOSTILE)),
    ("<https://w3id.org/zhkg/id/platform/x>", URIRef("https://w3id.org/zhkg/id/platform/x")),
    ('"快手"@zh', Literal("快手", lang="zh")),
    ('"0.3"^^xsd:decimal', Literal("0.3", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))),
    ("<not an iri>", Literal("<not an iri>")),
], ids=["plain", "number-stays-string", "hostile", "iri", "lang", "typed", "bad-iri"])
def test_param_to_term(value, term):
    assert to_term(value) == term


@pytest.mark.parametrize("query, params, message", [
    ("no-such-query", {}, "no saved query 'no-such-query'; saved queries: changes-above"),
    ("metric-series", {"subject": "快手"}, "needs --param metric="),
    ("people-roles", {"nope": "x"}, "has no parameter nope"),
])
def test_query_errors(kg, query, params, message):
    with open_store(kg) as st, pytest.raises(QueryError, match=re.escape(message)):
        run_query(st, query, params)


def test_adhoc_param_must_be_a_variable(trig):
    with pytest.raises(QueryError, match=r"no variable \?y"):
        run_query([trig], "SELECT ?x WHERE { ?x ?p ?o }", {"y": "1"})


def test_unprojected_param_on_the_store(kg):
    with open_store(kg) as st, pytest.raises(QueryError, match=r"must return \?o"):
        run_query(st, "SELECT ?s WHERE { ?s ?p ?o }", {"o": "x"})


@pytest.mark.parametrize("text, where", [
    ("SELECT * WHERE { ?s ?p ?o ", "line 1, column 27"),
    ("SELECT * WHERE {\n  ?s ?p }", "line 2, column"),
])
def test_bad_sparql_names_line_and_column(source, text, where):
    with pytest.raises(QueryError, match=where) as e:
        run_query(source, text, as_text=True)
    assert e.value.exit_code == 2


def test_parse_header():
    desc, params, ex = parse_header("# What it answers.\n# param: a — first\n# param: b - (optional) second\n"
                                    "# example: zhkg query x\nSELECT ?a ?b {}")
    assert (desc, params, ex) == ("What it answers.", {"a": "first", "b": "(optional) second"}, ("zhkg query x",))
    assert saved_query("people-roles").required() == []


# ---- result formats ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def series(kg):
    with open_store(kg) as st:
        return run_query(st, "metric-series", {"subject": "快手", "metric": "GMV"})


def test_csv(series):
    lines = format_result(series, "csv").splitlines()
    assert lines[0] == "subject,metric,period,value,unit,doc"
    assert lines[1] == "快手,GMV,2019,59600000000,CNY,kuaishou-2020#1"


def test_tsv(series):
    lines = format_result(series, "tsv").splitlines()
    assert lines[0] == "?subject\t?metric\t?period\t?value\t?unit\t?doc"
    assert lines[1].split("\t")[:4] == ['"快手"', '"GMV"', '"2019"',
                                        '"59600000000"^^<http://www.w3.org/2001/XMLSchema#decimal>']


def test_json_is_sparql_results_json(series):
    body = json.loads(format_result(series, "json"))
    assert body["head"]["vars"] == ["subject", "metric", "period", "value", "unit", "doc"]
    first = body["results"]["bindings"][0]
    assert first["subject"] == {"type": "literal", "value": "快手"}
    assert first["value"] == {"type": "literal", "value": "59600000000",
                              "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}


def test_table_is_aligned(series):
    lines = format_result(series, "table").splitlines()
    assert lines[0].split() == ["subject", "metric", "period", "value", "unit", "doc"]
    # numbers right-aligned: the values end in the same column
    ends = {line.index("59600000000") + 11 for line in lines if "59600000000" in line} | \
           {line.index("381200000000") + 12 for line in lines if "381200000000" in line}
    assert len(ends) == 1 and lines[-1] == "(3 rows)"


def test_unknown_format(series):
    with pytest.raises(QueryError, match="choose one of csv, json, table, tsv, xml"):
        format_result(series, "yaml")


# ---- the CLI, in-process ------------------------------------------------------------------------

def test_cli_query_saved(kg, capsys):
    assert main(["query", "--store", str(kg), "--name", "conflicting-claims", "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"快手,{GMV},2020,CNY,380000000000 ×1; 381200000000 ×1,2,2"


def test_cli_query_files_and_rq(trig, capsys):
    rq = saved_query("hedged-claims").path
    assert main(["query", str(trig), str(rq), "-p", "qualifier=约", "-f", "tsv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_cli_bad_sparql_exits_2_with_line_and_column(kg, capsys):
    code = main(["query", "--store", str(kg), "-e", "SELECT ?s WHERE {\n ?s ?p }"])
    err = capsys.readouterr().err
    assert code == 2 and "invalid SPARQL at line 2, column" in err and len(err.strip().splitlines()) == 1


def test_cli_hostile_param(kg, capsys):
    assert main(["query", "--store", str(kg), "--name", "claims-about", "--param", f"entity={HOSTILE}"]) == 0
    assert "(0 rows)" in capsys.readouterr().out
    with open_store(kg) as st:
        assert st.stats()["documents"] == 3


@pytest.mark.parametrize("argv, message", [
    (["query", "--name", "hedged-claims"], "nothing to query"),
    (["query", "x.ttl", "--name", "a", "-e", "SELECT"], "give exactly one query"),
    (["query", "--store", "nowhere", "--name", "hedged-claims"], "nowhere: no store here"),
])
def test_cli_usage_errors(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_cli_list(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for q in list_queries():
        assert q.name in out and q.description[:30] in out


def test_cli_store_commands(tmp_path, trig, capsys):
    kg = tmp_path / "kg"
    with open_store(kg, create=True) as st:
        st.add(sample_docs())
    assert main(["store", "stats", "--store", str(kg)]) == 0
    assert re.search(r"documents\s+3", capsys.readouterr().out)
    assert main(["store", "remove", O1, "--store", str(kg)]) == 0
    assert main(["store", "list", "--store", str(kg)]) == 0
    out = capsys.readouterr().out
    assert K1 in out and O1 not in out and "(2 documents)" in out
    assert main(["store", "export", "--store", str(kg), "-f", "nq", "-o", str(tmp_path / "kg.nq")]) == 0
    assert (tmp_path / "kg.nq").read_text(encoding="utf-8").count(" .\n") > 300


@pytest.mark.parametrize("argv", [["query"], ["store", "stats"], ["store", "list"], ["store", "remove"],
                                  ["store", "export"], ["extract"]])
def test_every_command_has_help_with_an_example(argv, capsys):
    assert main([*argv, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example: zhkg " in out
    if argv[0] == "extract":
        assert "--store" in out
