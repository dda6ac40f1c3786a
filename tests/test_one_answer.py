"""One answer from every command (issue 19): zhkg's own outputs (JSONL, RDF, a store) are read as
such by diff and query, told apart by content; the labels any command prints are accepted by
the others."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli import main
from extract.errors import InputError

A = "快手2020年第四季度平均日活跃用户达到2.71亿,同比增长32%。\n"
B = "快手2020年第四季度日活跃用户约2.7亿。\n"
FAST = ["--ner", "fast"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Article A and zhkg's outputs of it: JSONL, Turtle, N-Quads, JSON-LD, a store; and B."""
    d = tmp_path_factory.mktemp("outs")
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    for ext in ("jsonl", "ttl", "nq", "jsonld"):
        assert main(["extract", *FAST, str(d / "a.txt"), "-o", str(d / f"a.{ext}")]) == 0
    assert main(["extract", *FAST, str(d / "a.txt"), "--store", str(d / "kg")]) == 0
    # the same outputs under names that lie: content, not the extension, decides
    (d / "a-jsonl.txt").write_bytes((d / "a.jsonl").read_bytes())
    (d / "a-ttl.txt").write_bytes((d / "a.ttl").read_bytes())
    return d


def _diff(capsys, a, b) -> dict:
    rc = main(["diff", *FAST, str(a), str(b), "-f", "json"])
    body = json.loads(capsys.readouterr().out)
    assert rc == (1 if body["counts"]["conflicting"] else 0)
    return body


@pytest.mark.parametrize("side", ["a.txt", "a.jsonl", "a.ttl", "a.nq", "a.jsonld", "kg", "a-jsonl.txt", "a-ttl.txt"])
def test_diff_reads_every_output_of_zhkg_as_what_it_is(outputs, capsys, side):
    """zhkg diff out/k.jsonl brief.txt once read the JSONL as an article (84531249898.44% apart)."""
    want = _diff(capsys, outputs / "a.txt", outputs / "b.txt")
    got = _diff(capsys, outputs / side, outputs / "b.txt")
    assert got["counts"] == want["counts"] and want["counts"]["same"] >= 1
    assert [(p["category"], p["subject"], p["metric"]) for p in got["pairs"]] == \
        [(p["category"], p["subject"], p["metric"]) for p in want["pairs"]]
    assert "apart" not in json.dumps(got, ensure_ascii=False)


def test_diff_of_an_output_with_itself_is_all_same(outputs, capsys):
    body = _diff(capsys, outputs / "a.jsonl", outputs / "a.ttl")
    assert body["counts"]["conflicting"] == body["counts"]["only_a"] == body["counts"]["only_b"] == 0


def test_query_refuses_jsonl_with_a_clear_error(outputs, capsys):
    assert main(["query", str(outputs / "a.jsonl"), "-e", "ASK { ?s ?p ?o }"]) == 2
    assert capsys.readouterr().err.strip() == (f"zhkg: error: {outputs / 'a.jsonl'}: zhkg's JSONL, not RDF: write the "
                                               "graph instead (zhkg extract … -o out.trig)")


@pytest.mark.parametrize("source", ["a-ttl.txt", "a.nq", "a.jsonld", "kg"])
def test_query_reads_graphs_by_content_and_a_store_given_as_a_path(outputs, capsys, source):
    assert main(["query", str(outputs / source), "-e", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a zhkg:Claim }",
                 "-f", "csv"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) >= 1


def test_article_is_not_a_graph(outputs):
    from extract.graph.query import load_graphs

    with pytest.raises(InputError, match=r"a.txt: not RDF"):
        load_graphs([outputs / "a.txt"])


# ---- point 2: one fact, one set of names -----------------------------------------------------------

def test_the_labels_diff_prints_are_those_of_the_jsonl_and_queries_accept_them(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("快手2020年GMV达到3812亿元,同比增长539%。\n", encoding="utf-8")
    b.write_text("快手科技2020年商品交易总额超过3800亿元。\n", encoding="utf-8")
    for p in (a, b):
        assert main(["extract", *FAST, str(p), "-o", str(p.with_suffix(".jsonl"))]) == 0
        assert main(["extract", *FAST, str(p), "--store", str(tmp_path / "kg")]) == 0
    claims = [json.loads(x) for p in (a, b) for x in p.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
              if json.loads(x)["kind"] == "claim" and json.loads(x)["metric_key"] == "Metric:商品交易总额"]
    assert {c["subject_label"] for c in claims} == {"快手", "快手科技"}
    body = _diff(capsys, a, b)
    [pair] = [p for p in body["pairs"] if p["a"] and p["b"]]
    assert pair["subject"] == "快手" == pair["a"]["subject"]  # as A's JSONL names it, not the operator
    assert pair["metric"] == "商品交易总额" and pair["category"] == "same"
    # every name printed above finds both claims in the store
    for subject in ("快手", "快手科技", pair["subject"]):
        for metric in ("GMV", "商品交易总额", "Metric:商品交易总额", pair["metric"]):
            assert main(["query", "--store", str(tmp_path / "kg"), "--name", "metric-series", "-p", f"subject={subject}",
                         "-p", f"metric={metric}", "-f", "csv"]) == 0
            out = capsys.readouterr().out.splitlines()
            assert len(out) == 3 and {r.split(",")[-1] for r in out[1:]} == {"a#1", "b#1"}, (subject, metric, out)
