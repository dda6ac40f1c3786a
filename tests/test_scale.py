"""Scale (issue 9): --jobs and --dask give the output of one process, byte for byte; push and
query --endpoint against a real Oxigraph server (the ``oxigraph`` package's ``oxigraph serve``)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from extract.cli import main
from extract.graph.formats import write_atomic, writer
from extract.graph.query import list_queries, run_query
from extract.graph.iris import doc_iri
from extract.graph.store import open_store
from sample_docs import sample_docs

FAST = ["--ner", "fast"]

# small articles, written for this test: a batch where order and per-file errors are visible
ARTICLES = {
    "a-kuaishou.txt": "快手发布2020年第四季度财报\n快手2020年第四季度营收为219亿元,同比增长50.2%。"
                      "平均日活跃用户达2.71亿,同比增长30%。\n快手科技创始人宿华表示,公司将继续投入内容生态。\n",
    "b-bili.txt": "B站公布全年业绩\n2020年,B站总营收达120亿元,同比增长77%。月活跃用户突破2亿。\n"
                  "哔哩哔哩董事长陈睿称,社区仍是公司最重要的资产。\n",
    "c-empty.txt": "",
    "d-douyin.txt": "抖音电商GMV增长\n据晚点LatePost获悉,抖音2020年电商GMV超过5000亿元,是2019年的三倍多。\n",
    "e/f-meituan.txt": "美团外卖\n美团2021年上半年营收约为801亿元,同比增长95.6%;经营亏损为62亿元。\n",
    "g-pdd.txt": "拼多多年度活跃买家\n截至2020年底,拼多多年活跃买家数达7.884亿,较上年同期净增1.035亿。\n",
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("scale") / "in"
    for name, text in ARTICLES.items():
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return d


def _run(argv, capsys) -> tuple[int, list[str]]:
    code = main(argv)
    errors = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("zhkg: error")]
    return code, errors


@pytest.mark.parametrize("fmt", ["jsonl", "nq"])
def test_jobs_output_is_byte_identical(articles, tmp_path, capsys, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    one, many = tmp_path / f"one.{fmt}", tmp_path / f"many.{fmt}"
    code1, err1 = _run(["extract", *FAST, str(articles), "--jobs", "1", "-o", str(one)], capsys)
    code2, err2 = _run(["extract", *FAST, str(articles), "--jobs", "2", "-o", str(many)], capsys)
    assert one.read_bytes() == many.read_bytes()
    assert (code1, err1) == (code2, err2)  # the same error lines for the empty file, in the same place
    assert one.stat().st_size > 1000 and code1 == 1 and len(err1) == 1 and "c-empty.txt" in err1[0]


def test_jobs_streams_in_input_order(articles):
    from extract.run.parallel import iter_extract_parallel

    ids = [d.id for d in iter_extract_parallel([articles], ner="fast", jobs=2)]
    assert ids == ["a-kuaishou#1", "b-bili#1", "d-douyin#1", "f-meituan#1", "g-pdd#1"]


def test_dask_output_is_identical(articles, tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")
    from distributed import LocalCluster

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    one, dist = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    _run(["extract", *FAST, str(articles), "--jobs", "1", "-o", str(one)], capsys)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        code, errors = _run(["extract", *FAST, str(articles), "--dask", cluster.scheduler_address, "-o", str(dist)], capsys)
    assert code == 1 and len(errors) == 1
    assert one.read_bytes() == dist.read_bytes()


# ------------------------------------------------------------------------------ a real SPARQL server

def _oxigraph() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``oxigraph serve`` on a free localhost port with a temporary store; stopped after the module."""
    exe = _oxigraph()
    if exe is None:
        pytest.skip("no oxigraph server binary (pip install oxigraph, in the test extra)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):  # up to 10 s
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode(errors='replace')[:500]}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not answer within 10 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    p = tmp_path_factory.mktemp("push") / "sample.trig"
    write_atomic(p, writer("trig")(sample_docs()))
    return p


def _count(base: str, graph=None) -> int:
    from extract.graph.remote import endpoint_dataset

    where = f"GRAPH {graph.n3()} {{ ?s ?p ?o }}" if graph is not None else "GRAPH ?g { ?s ?p ?o }"
    res = run_query(endpoint_dataset(f"{base}/query"), f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", as_text=True)
    return int(res.rows[0][0])


# a value for each parameter the saved queries take
PARAMS = {"entity": "快手", "subject": "快手", "metric": "商品交易总额", "period": "2020", "threshold": "0.3",
          "platform": "快手", "org": "快手科技", "class": "Platform", "qualifier": "超过"}


def test_push_then_every_saved_query_answers_as_locally(server, trig, capsys):
    from extract.graph.remote import endpoint_dataset

    assert main(["push", "--endpoint", f"{server}/store", str(trig)]) == 0
    assert "pushed 4 graph(s)" in capsys.readouterr().err  # three articles and the entity graph
    remote = endpoint_dataset(f"{server}/query")
    for q in list_queries():
        params = {p: PARAMS[p] for p in q.required()}
        want = run_query([trig], q, params)
        got = run_query(remote, q, params)
        assert got.vars == want.vars, q.name
        assert sorted(map(repr, got.rows)) == sorted(map(repr, want.rows)), q.name
    assert main(["query", "--endpoint", f"{server}/query", "--name", "claims-about", "--param", "entity=快手",
                 "-f", "csv"]) == 0
    assert "快手" in capsys.readouterr().out


def test_push_replaces_an_article_whole(server, trig, tmp_path):
    from extract.graph.remote import graphs_of_files, push

    main(["push", "--endpoint", f"{server}/store", str(trig)])
    before = _count(server)
    main(["push", "--endpoint", f"{server}/store", str(trig)])  # again: nothing doubles
    assert _count(server) == before
    docs = sample_docs()
    docs[0] = docs[0].model_copy(update={"claims": docs[0].claims[:1]})
    smaller = tmp_path / "smaller.trig"
    write_atomic(smaller, writer("trig")(docs[:1]))
    g = doc_iri(docs[0].id)
    old = _count(server, g)
    push(f"{server}/store", graphs_of_files([smaller]))
    assert 0 < _count(server, g) < old  # the article's graph is the new one, not old + new
    assert _count(server, doc_iri(docs[1].id)) > 0  # other articles are left alone


def test_push_from_a_store_and_hostile_params(server, tmp_path, capsys):
    kg = tmp_path / "kg"
    with open_store(kg, create=True) as st:
        st.add(sample_docs())
    assert main(["push", "--endpoint", f"{server}/store", "--store", str(kg)]) == 0
    capsys.readouterr()
    hostile = '"} ; DROP ALL ; #'
    assert main(["query", "--endpoint", f"{server}/query", "--name", "claims-about", "--param", f"entity={hostile}"]) == 0
    assert "(0 rows)" in capsys.readouterr().out
    assert _count(server) > 0


def test_remote_errors_are_one_line(tmp_path, trig, capsys):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert main(["push", "--endpoint", f"http://127.0.0.1:{port}/store", str(trig)]) == 2
    assert "cannot reach the server" in capsys.readouterr().err
    assert main(["push", "--endpoint", "http://127.0.0.1:1/store"]) == 2
    assert "give either --store DIR or graph files" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["push"], ["extract"]])
def test_scale_commands_have_help_with_an_example(argv, capsys):
    assert main([*argv, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example: zhkg " in out and ("--jobs" in out or argv == ["push"])
