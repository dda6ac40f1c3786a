"""Nothing lost, nothing reachable that should not be (issue 21): document identity, outputs that
would overwrite an input, the store and pushes under faults, signals. One test (or table) per
point of the issue, named after it; the CLI runs in-process through ``main`` unless the point is
about a real process (signals)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from waiting import wait_for as _wait_for

from extract.cli import main

GOOD = "快手2020年营收达587.8亿元,同比增长50.2%。\n"
OTHER = "字节跳动2021年营收达580亿美元,同比增长70%。\n"
FAST = ["--ner", "fast"]


def jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def err_lines(capsys) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("zhkg:")]


# ---- 1. document identity: unique within a run, stable across runs ----------------------------

def _tree(root: Path) -> Path:
    for rel, text in (("2020/report.txt", GOOD), ("2021/report.txt", OTHER), ("sp ace.txt", GOOD),
                      ("sp_ace.txt", OTHER)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_1_files_in_a_folder_get_their_path_under_it_as_id(tmp_path):
    c = _tree(tmp_path / "c")
    out = tmp_path / "o.jsonl"
    assert main(["extract", *FAST, str(c), "-o", str(out)]) == 0
    assert sorted({r["doc"] for r in jsonl(out)}) == ["2020/report#1", "2021/report#1", "sp ace#1", "sp_ace#1"]
    from rdflib import Dataset

    trig = tmp_path / "o.trig"
    assert main(["extract", *FAST, str(c), "-o", str(trig)]) == 0
    graphs = {str(g.identifier) for g in Dataset().parse(trig).graphs() if len(g)}
    assert len(graphs) == 5  # four articles (no two ids share an IRI: a space is not an _) and the entities
    # stable: the same folder gives the same ids again; the stem stays the last path component
    out2 = tmp_path / "o2.jsonl"
    assert main(["extract", *FAST, str(c), "-o", str(out2)]) == 0
    assert out.read_bytes() == out2.read_bytes()


def test_1_folder_into_a_store_keeps_every_article(tmp_path, capsys):
    c = _tree(tmp_path / "c")
    assert main(["extract", *FAST, str(c), "--store", str(tmp_path / "kg")]) == 0
    from extract.graph.store import open_store

    with open_store(tmp_path / "kg") as st:
        assert [d["id"] for d in st.list_documents()] == ["2020/report#1", "2021/report#1", "sp ace#1", "sp_ace#1"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_1_two_files_with_one_id_is_an_error_naming_both(tmp_path, capsys, jobs):
    c = _tree(tmp_path / "c")
    (c / "2021" / "report.html").write_text(f"<html><body><p>{OTHER}</p></body></html>", encoding="utf-8")
    a, b = c / "2020" / "report.txt", c / "2021" / "report.txt"
    out = tmp_path / "o.ttl"
    # given as files, both are report#1: the second is left out and named with the first
    assert main(["extract", *FAST, "--jobs", jobs, str(a), str(b), "-o", str(out)]) == 1
    assert err_lines(capsys) == [f"zhkg: error: {b}: its document id 'report' is already that of {a}; left out "
                                 "(rename one, or give their common folder so ids keep the path under it)"]
    assert main(["validate", str(out)]) == 0  # one document, not two merged into one node
    # in a folder, report.html and report.txt of one subfolder collide: an error, into the store too
    assert main(["extract", *FAST, "--jobs", jobs, str(c), "--store", str(tmp_path / "kg")]) == 1
    msgs = err_lines(capsys)
    assert msgs == [f"zhkg: error: {b}: its document id '2021/report' is already that of {c / '2021' / 'report.html'}; "
                    "left out (rename one, or give their common folder so ids keep the path under it)"]


# ---- 2. an output never overwrites an input ----------------------------------------------------

def test_2_output_over_an_input_is_refused_naming_both(tmp_path, capsys, monkeypatch):
    a = tmp_path / "a"
    a.mkdir()
    brief = a / "brief.txt"
    brief.write_text(GOOD, encoding="utf-8")
    cases = [
        (["extract", *FAST, str(brief), "--format", "ttl", "-o", str(brief)], brief, f"the input {brief}"),
        (["extract", *FAST, str(a), "--format", "ttl", "-o", str(brief)], brief, f"an article of the input folder {a}"),
        (["diff", "--ner", "fast", str(brief), str(brief), "-o", str(brief)], brief, f"the input {brief}"),
    ]
    page = tmp_path / "report.html"
    page.write_text(f"<html><body><p>{GOOD}</p></body></html>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cases.append((["report", "--ner", "fast", "report.html"], Path("report.html"), "the input report.html"))
    for argv, out, what in cases:
        before = out.read_bytes()
        assert main(argv) == 2, argv
        assert err_lines(capsys) == [f"zhkg: error: {out}: the output would overwrite {what}; write it elsewhere"]
        assert out.read_bytes() == before


# ---- 13. SIGTERM is Ctrl-C: the pool ended, temporary files removed, old ones cleaned ---------

ZHKG = [sys.executable, "-m", "extract"]


def _children(pid: int) -> set[int]:
    kids = set()
    for t in Path(f"/proc/{pid}/task").iterdir():
        kids |= {int(x) for x in (t / "children").read_text().split()}
    return kids


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"




@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig, rc, msg", [(signal.SIGTERM, 143, "zhkg: terminated"), (signal.SIGINT, 130, "zhkg: interrupted")])
def test_13_sigterm_ends_the_pool_and_removes_temporary_files(tmp_path, sig, rc, msg):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(60):
        (folder / f"a{k:02}.txt").write_text(GOOD * 200, encoding="utf-8")
    out = tmp_path / "out" / "kg.nq"
    out.parent.mkdir()
    # a temporary file of a writer killed long ago (SIGKILL leaves it): the next run removes it
    stale = out.parent / ".kg.nq.999999999.abcd1234.tmp"
    stale.write_text("half")
    env = {**os.environ, "ZHKG_JOBS": "2"}
    proc = subprocess.Popen([*ZHKG, "extract", *FAST, str(folder), "-o", str(out)], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        assert _wait_for(lambda: len(_children(proc.pid)) >= 2 and any(out.parent.glob(f".kg.nq.{proc.pid}.*.tmp")))
        assert not stale.exists()
        workers = _children(proc.pid)
        time.sleep(1)  # the workers busy with articles
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == rc
        # (under heavy load a worker caught starting up has been seen to print a traceback too)
        assert msg in proc.stderr.read().decode().strip().splitlines()
        assert sorted(p.name for p in out.parent.iterdir()) == []  # no output, no temporary file
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 10), "a worker outlived zhkg"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _workers(pid: int) -> set[int]:
    return {k for k in _children(pid) if b"spawn_main" in Path(f"/proc/{k}/cmdline").read_bytes()}


def _start_batch(tmp_path: Path, n: int = 60):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(n):
        (folder / f"a{k:02}.txt").write_text(GOOD * 200, encoding="utf-8")
    out = tmp_path / "kg.nq"
    proc = subprocess.Popen([*ZHKG, "extract", *FAST, str(folder), "-o", str(out)], env={**os.environ, "ZHKG_JOBS": "2"},
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, start_new_session=True)
    assert _wait_for(lambda: len(_workers(proc.pid)) >= 2)
    return proc, folder, out


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_13_workers_do_not_outlive_a_killed_zhkg(tmp_path):
    proc, _, _ = _start_batch(tmp_path)
    try:
        time.sleep(3)  # the workers started and busy with articles
        workers = _workers(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)  # no handler runs: the workers must notice on their own
        proc.wait(timeout=30)
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 10), "a worker outlived zhkg"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_16_a_worker_killed_under_jobs_is_a_one_line_error(tmp_path):
    proc, folder, out = _start_batch(tmp_path)
    try:
        time.sleep(1)
        os.kill(min(_workers(proc.pid)), signal.SIGKILL)
        assert proc.wait(timeout=60) == 2
        last = proc.stderr.read().decode().strip().splitlines()[-1]
        assert last.startswith(f"zhkg: error: {folder}/a") and last.endswith(
            ": a worker process died while extracting this file (killed, or out of memory?); nothing more was "
            "written: run again, or with --jobs 1"), last
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# ---- 5. --strict with --store: every article checked before the store gets any -----------------

def test_5_strict_store_commits_nothing_on_a_violation(tmp_path, capsys):
    from extract.graph.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    (folder / "c.txt").write_text("星河科技2023年毛利率达150%,营收同比增长12%,达到30亿元。\n", encoding="utf-8")
    kg = tmp_path / "kg"
    assert main(["extract", *FAST, str(folder), "--strict", "--store", str(kg)]) == 1
    assert "SHACL violation" in capsys.readouterr().err
    with open_store(kg) as st:
        assert st.list_documents() == []  # a and b, checked before c, are not stored either
    (folder / "c.txt").unlink()
    assert main(["extract", *FAST, str(folder), "--strict", "--store", str(kg)]) == 0
    with open_store(kg) as st:
        assert [d["id"] for d in st.list_documents()] == ["a#1", "b#1"]


# ---- 6. replacing an article drops the entities no article mentions any more --------------------

def test_6_replacing_an_article_drops_entities_it_no_longer_mentions(tmp_path, capsys):
    from extract.graph.store import open_store

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("快手2020年营收达587.8亿元。字节跳动2021年营收达580亿美元。\n", encoding="utf-8")
    b.write_text("美团2021年营收达1791亿元。\n", encoding="utf-8")
    kg = tmp_path / "kg"
    assert main(["extract", *FAST, str(a), str(b), "--store", str(kg)]) == 0

    def labels() -> set[str]:
        with open_store(kg) as st:
            _, _, rows = st.sparql("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l WHERE { "
                                   "GRAPH <https://w3id.org/zhkg/id/graph/entities> { ?x skos:prefLabel ?l } }")
        return {str(r[0]) for r in rows}

    assert {"快手", "字节跳动", "美团"} <= labels()
    a.write_text("快手2020年营收达587.8亿元。\n", encoding="utf-8")  # 字节跳动 no longer mentioned
    assert main(["extract", *FAST, str(a), "--store", str(kg)]) == 0
    after = labels()
    assert "字节跳动" not in after and {"快手", "美团"} <= after
    with open_store(kg) as st:  # the store is what extracting both articles afresh gives
        stats = st.stats()
    fresh = tmp_path / "fresh"
    assert main(["extract", *FAST, str(a), str(b), "--store", str(fresh)]) == 0
    with open_store(fresh) as st:
        assert st.stats() == stats


# ---- 3, 4. push: one named graph per article, the entity graph first, a rerun repairs ----------

class _GraphStore:
    """A Graph Store Protocol server on loopback, in a thread: PUT replaces a graph, POST adds
    to it; ``fail_at`` makes the request of that number (1 = first) answer 500."""

    def __init__(self):
        import http.server
        import threading
        import urllib.parse

        self.graphs: dict[str, set[bytes]] = {}
        self.log: list[tuple[str, str]] = []
        self.fail_at: int | None = None
        outer = self

        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _body(self):
                return self.rfile.read(int(self.headers.get("Content-Length", 0)))

            def _handle(self):
                body = self._body()
                g = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)["graph"][0]
                outer.log.append((self.command, g))
                if outer.fail_at is not None and len(outer.log) >= outer.fail_at:
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b"disk on fire\n")
                    return
                lines = set(body.splitlines())
                if self.command == "PUT":
                    outer.graphs[g] = lines
                else:
                    outer.graphs.setdefault(g, set()).update(lines)
                self.send_response(204)
                self.end_headers()

            do_PUT = do_POST = _handle

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/store"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def gsp():
    s = _GraphStore()
    yield s
    s.close()


@pytest.fixture
def two_articles(tmp_path):
    for name, text in (("a.txt", GOOD), ("b.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [tmp_path / "a.txt", tmp_path / "b.txt"]


ENTITIES = "https://w3id.org/zhkg/id/graph/entities"


def test_3_a_file_without_named_graphs_is_not_pushed_into_one_shared_graph(gsp, two_articles, tmp_path, capsys):
    ttl = tmp_path / "a.ttl"
    assert main(["extract", *FAST, str(two_articles[0]), "-o", str(ttl)]) == 0
    capsys.readouterr()
    assert main(["push", "--endpoint", gsp.url, str(ttl)]) == 2
    assert err_lines(capsys) == [f"zhkg: error: {ttl}: triples outside any named graph (a .ttl or .nt file merges "
                                 "the articles): push the .trig or .nq output, one named graph per article, or --store DIR"]
    assert gsp.log == []
    # the same articles as .nq: each in its own graph, so pushing b does not replace a
    for src in two_articles:
        nq = tmp_path / f"{src.stem}.nq"
        assert main(["extract", *FAST, str(src), "-o", str(nq)]) == 0
        assert main(["push", "--endpoint", gsp.url, str(nq)]) == 0
    assert sorted(gsp.graphs) == ["https://w3id.org/zhkg/id/doc/a%231", "https://w3id.org/zhkg/id/doc/b%231", ENTITIES]


def test_4_a_push_failing_midway_says_how_far_it_got_and_a_rerun_repairs(gsp, two_articles, tmp_path, capsys):
    trig = tmp_path / "kg.trig"
    assert main(["extract", *FAST, *map(str, two_articles), "-o", str(trig)]) == 0
    capsys.readouterr()
    gsp.fail_at = 3
    assert main(["push", "--endpoint", gsp.url, str(trig)]) == 2
    (line,) = err_lines(capsys)
    assert line.startswith(f"zhkg: error: {gsp.url}: PUT of graph <https://w3id.org/zhkg/id/doc/")
    assert line.endswith(": HTTP 500 Internal Server Error: disk on fire (2 graph(s) sent before it; push again to "
                         "finish: graphs are replaced whole)")
    assert gsp.log[0] == ("POST", ENTITIES)  # the entity graph first: what arrived can be queried
    assert len(gsp.graphs) == 2
    gsp.fail_at = None
    assert main(["push", "--endpoint", gsp.url, str(trig)]) == 0
    assert len(gsp.graphs) == 3
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(trig)
    want = {str(g.identifier): len(g) for g in ds.graphs() if len(g)}
    assert {g: len(lines) for g, lines in gsp.graphs.items()} == want


# ---- 10. no file or network access on behalf of a query or an input, unless --allow-remote ----

class _Recorder:
    """An HTTP server on loopback that records the paths asked for and serves a little Turtle."""

    def __init__(self):
        import http.server
        import threading

        self.hits: list[str] = []
        outer = self

        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                outer.hits.append(self.path)
                body = b'<urn:x:fetched> <urn:x:p> "fetched" .\n'
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def recorder():
    r = _Recorder()
    yield r
    r.close()


@pytest.fixture
def graphs(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    nq, kg = tmp_path / "a.nq", tmp_path / "kg"
    assert main(["extract", *FAST, str(src), "-o", str(nq), "--store", str(kg)]) == 0
    secret = tmp_path / "secret.nt"
    secret.write_text('<urn:x:secret> <urn:x:p> "local file" .\n', encoding="utf-8")
    return nq, kg, secret


def test_10_queries_reach_no_file_and_no_server(graphs, recorder, tmp_path, capsys):
    nq, kg, secret = graphs
    capsys.readouterr()
    count = "SELECT (COUNT(*) AS ?n) FROM <{}> WHERE {{ ?s ?p ?o }}"
    for iri in (secret.as_uri(), f"{recorder.base}/data.ttl"):
        assert main(["query", str(nq), "-e", count.format(iri), "-f", "csv"]) == 0
        assert capsys.readouterr().out.split() == ["n", "0"]  # FROM names a graph of the files: none such
    assert recorder.hits == []
    service = f"SELECT * WHERE {{ SERVICE <{recorder.base}/sparql> {{ ?s ?p ?o }} }}"
    for where in ([str(nq)], ["--store", str(kg)]):
        assert main(["query", *where, "-e", service]) == 2
        assert err_lines(capsys) == ["zhkg: error: SERVICE sends requests to another server: not allowed unless "
                                     "--allow-remote is given"]
    assert recorder.hits == []
    # allowed, FROM <url> is fetched: the switch works both ways
    assert main(["query", str(nq), "-e", count.format(f"{recorder.base}/data.ttl"), "--allow-remote", "-f", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "1"] and recorder.hits == ["/data.ttl"]


def test_10_a_jsonld_input_with_a_remote_context_is_not_fetched(recorder, tmp_path, capsys):
    doc = tmp_path / "remote.jsonld"
    doc.write_text(json.dumps({"@context": f"{recorder.base}/context.jsonld", "@id": "urn:x:a", "name": "x"}))
    msg = (f"zhkg: error: {doc}: its JSON-LD @context would be fetched from {recorder.base}/context.jsonld: zhkg "
           "makes no request on behalf of an input (inline the context, or give zhkg query --allow-remote)")
    assert main(["query", str(doc), "-e", "ASK { ?s ?p ?o }"]) == 2
    assert err_lines(capsys) == [msg]
    assert main(["validate", str(doc)]) == 2
    assert err_lines(capsys) == [msg]
    assert main(["push", "--endpoint", f"{recorder.base}/store", str(doc)]) == 2
    assert err_lines(capsys) == [msg]
    assert recorder.hits == []


# ---- 11. query nesting and size bounded before the engine sees the query --------------------------

def test_11_deeply_nested_query_is_refused_not_a_crash(graphs):
    _, kg, _ = graphs
    q = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    # in a process of its own: before the bound, Oxigraph overflowed its stack (SIGSEGV)
    r = subprocess.run([*ZHKG, "query", "--store", str(kg), "-e", q], capture_output=True, text=True, timeout=120)
    assert (r.returncode, r.stderr.strip()) == (2, "zhkg: error: query nested too deeply (more than 100 levels of ( and {)")
    from extract.graph.sparql import MAX_QUERY, check_query

    with pytest.raises(Exception, match="query too long"):
        check_query("#" * (MAX_QUERY + 1))
    check_query("SELECT * WHERE { " + "{ " * 50 + "?s ?p ?o" + " }" * 50 + " }")  # reasonable nesting passes


# ---- 14. file names that are not UTF-8 ---------------------------------------------------------

def test_14_a_gbk_named_file_is_read_and_named_readably(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    gbk = os.fsencode(folder) + b"/" + "报告".encode("gbk") + b".txt"
    with open(gbk, "w", encoding="utf-8") as f:
        f.write(GOOD)
    with open(os.fsencode(folder) + b"/" + "空".encode("gbk") + b".txt", "w"):
        pass
    out = tmp_path / "o.jsonl"
    assert main(["extract", *FAST, str(folder), "-o", str(out)]) == 1
    assert err_lines(capsys) == [f"zhkg: error: {folder}/空.txt: empty file: nothing to extract"]
    assert {r["doc"] for r in jsonl(out)} == {"报告#1"}
    assert main(["extract", *FAST, os.fsdecode(gbk), "--format", "jsonl"]) == 0
    assert {json.loads(x)["doc"] for x in capsys.readouterr().out.splitlines()} == {"报告#1"}


# ---- 16. wrong exits and messages ---------------------------------------------------------------

def test_16_exits_and_messages(graphs, tmp_path, capsys):
    nq, kg, _ = graphs
    capsys.readouterr()
    lst = tmp_path / "list.txt"
    lst.write_bytes(b"a\x00b.txt\n")
    cases = [
        (["push", "--endpoint", "not a url", str(nq)], 2,
         ["zhkg: error: not a url: not an http:// or https:// URL of a SPARQL endpoint"]),
        (["query", "--endpoint", "ftp://host/q", "-e", "ASK {}"], 2,
         ["zhkg: error: ftp://host/q: not an http:// or https:// URL of a SPARQL endpoint"]),
        (["extract", *FAST, "--from-list", str(lst)], 2,
         [f"zhkg: error: {lst}: line 1: a NUL byte in the path (a list made with find -print0? write one path a line)"]),
        (["query", "--store", str(kg), "-e", "DELETE WHERE { ?s ?p ?o }"], 2,
         ["zhkg: error: updates are not allowed: zhkg query only reads (SELECT, ASK, CONSTRUCT, DESCRIBE), and this "
          "query begins with DELETE"]),
        (["query", str(nq), "-e", "PREFIX x: <urn:x:> INSERT DATA { x:a x:b x:c }"], 2,
         ["zhkg: error: updates are not allowed: zhkg query only reads (SELECT, ASK, CONSTRUCT, DESCRIBE), and this "
          "query begins with INSERT"]),
    ]
    for argv, code, msgs in cases:
        assert main(argv) == code, argv
        assert err_lines(capsys) == msgs
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    assert main(["extract", *FAST, str(src), "--year", "-5"]) == 2  # a usage error, not claims gone
    assert "Invalid value for '--year'" in capsys.readouterr().err
    newdir = tmp_path / "newdir"
    assert main(["extract", *FAST, str(src), "-o", f"{newdir}/"]) == 2
    assert f"{newdir}/ is a folder: give the file to write" in capsys.readouterr().err
    assert not newdir.exists()
    # terminal escape sequences in a file name are shown escaped, never sent raw to the terminal
    evil = tmp_path / "x\x1b]0;owned\x07\x1b[31m.txt"
    evil.write_bytes(b"")
    assert main(["extract", *FAST, str(evil)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "x\\x1b]0;owned\\x07\\x1b[31m.txt: empty file" in err


# ---- 8. a full disk during --store: one line, exit 2, what was committed stays whole ------------

def test_8_full_disk_during_store_is_one_line_and_exit_2(tmp_path):
    import resource

    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(30):  # distinct articles (nothing shared between them): the data surely outgrows 1 MB
        (folder / f"a{k:02}.txt").write_text("".join(f"快手{2000 + i}年营收达{k}{i}7.8亿元,同比增长{i}.2%。字节跳动{2000 + i}年营收达{k}8{i}亿美元。\n"
                                                     for i in range(25)), encoding="utf-8")
    kg = tmp_path / "kg"

    def small_disk():  # files may not grow past 1 MB: the store's log fills "the disk"
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))

    r = subprocess.run([*ZHKG, "extract", *FAST, str(folder), "--store", str(kg)], preexec_fn=small_disk,
                       capture_output=True, text=True, timeout=300, env={**os.environ, "ZHKG_JOBS": "1"})
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("zhkg:")]
    assert r.returncode == 2, r.stderr[-2000:]
    assert len(errors) == 1 and errors[0].startswith(f"zhkg: error: {kg}: ") and "File too large" in errors[0]
    from extract.graph.store import open_store

    with open_store(kg) as st:  # the articles committed before the failure are whole
        docs = st.list_documents()
        assert docs and {(d["claims"], d["triples"]) for d in docs} == {(docs[0]["claims"], docs[0]["triples"])}



def test_8_a_full_disk_at_a_periodic_flush_is_a_store_error(tmp_path, monkeypatch):
    """The writer flushes its memory tables every few seconds; a flush that fails (the disk full as
    a table file is written) is the store's one-line error, like a failing update, not an internal one."""
    from extract.errors import StoreError
    from extract.graph import store as store_mod

    class FullDisk:
        def __init__(self, ox):
            self._ox = ox

        def update(self, text):
            self._ox.update(text)

        def flush(self):
            raise OSError("IO error: While appending to file: 000188.sst: File too large")

    with store_mod.open_store(tmp_path / "kg", create=True) as st:
        monkeypatch.setattr(store_mod, "FLUSH_EVERY", -1.0)
        real, st._ox = st._ox, FullDisk(st._ox)
        with pytest.raises(StoreError, match="disk full.*File too large"):
            st._update("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
        st._ox = real

# ---- 12. a query has a time limit, Ctrl-C stops it, an endpoint that stalls is given up on ------

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_12_timeout_and_ctrl_c_stop_a_runaway_query(graphs):
    _, kg, _ = graphs
    t = time.monotonic()
    r = subprocess.run([*ZHKG, "query", "--store", str(kg), "-e", CARTESIAN, "--timeout", "1"],
                       capture_output=True, text=True, timeout=120)
    assert (r.returncode, r.stderr.strip()) == (2, "zhkg: error: the query ran out of time (1 s; give --timeout "
                                                   "SECONDS for more)")
    assert time.monotonic() - t < 30
    proc = subprocess.Popen([*ZHKG, "query", "--store", str(kg), "-e", CARTESIAN], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL)
    try:
        time.sleep(4)  # started, and deep in the engine
        assert proc.poll() is None
        t = time.monotonic()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 130
        assert time.monotonic() - t < 10
        assert proc.stderr.read().decode().strip().splitlines()[-1] == "zhkg: interrupted"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    from extract.graph.store import open_store

    with open_store(kg) as st:  # the lock went with the process: a writer can open the store
        assert st.list_documents()


def test_12_an_endpoint_that_stalls_is_given_up_on(capsys):
    import socket

    with socket.socket() as s:  # listens, accepts the connection, never answers
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        url = f"http://127.0.0.1:{s.getsockname()[1]}/query"
        t = time.monotonic()
        assert main(["query", "--endpoint", url, "-e", "ASK { ?s ?p ?o }", "--timeout", "1"]) == 2
        assert time.monotonic() - t < 15
    assert err_lines(capsys) == [f"zhkg: error: {url}: no answer from the endpoint: timed out"]


# ---- 7. a corrupted store: one line naming it and what to do; zhkg store check ------------------

def _damaged_copies(kg: Path, tmp_path: Path):
    """Copies of ``kg`` with 8 bytes flipped in its largest .sst, at a few offsets."""
    import shutil

    size, sst = max((p.stat().st_size, p.name) for p in kg.glob("*.sst"))
    for off in (100, size // 2, size - 200):
        bad = tmp_path / f"bad{off}"
        shutil.copytree(kg, bad)
        with open(bad / sst, "r+b") as f:
            f.seek(off)
            b = f.read(8)
            f.seek(off)
            f.write(bytes(x ^ 0xFF for x in b))
        yield bad


def test_7_a_corrupted_store_is_named_with_what_to_do(tmp_path):
    import resource

    kg = tmp_path / "kg"
    src = Path(__file__).resolve().parent.parent / "corpus"
    assert main(["extract", *FAST, str(src), "--store", str(kg)]) == 0
    r = subprocess.run([*ZHKG, "store", "check", "--store", str(kg)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith(f"{kg}: ok, ")

    def bounded():  # a safety net: before, a damaged block could make a read allocate without end
        resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))

    for bad in _damaged_copies(kg, tmp_path):
        r = subprocess.run([*ZHKG, "store", "check", "--store", str(bad)], capture_output=True, text=True,
                           timeout=120, preexec_fn=bounded)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 2 and len(lines) == 1, (bad, r.returncode, r.stderr[-500:])
        assert lines[0].startswith(f"zhkg: error: {bad}: the store is corrupt or unreadable (Corruption: ")
        assert lines[0].endswith(f"restore it from a backup, or save what can still be read with: zhkg store export "
                                 f"--store {bad} -o saved.nq")
        r = subprocess.run([*ZHKG, "store", "stats", "--store", str(bad)], capture_output=True, text=True,
                           timeout=120, preexec_fn=bounded)
        assert r.returncode in (0, 2) and "internal error" not in r.stderr, r.stderr[-500:]


# ---- 15. regular files (or standard input) only, and no larger than --max-bytes ------------------

def test_15_fifos_devices_and_oversized_inputs_are_refused(tmp_path, capsys, monkeypatch):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: opening it would wait for ever
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 100, encoding="utf-8")
    size = big.stat().st_size
    notfile = ("not a regular file (a FIFO, a device or a socket): zhkg reads files, and standard input given as -")
    for argv, msg in (([str(fifo)], f"zhkg: error: {fifo}: {notfile}"),
                      (["/dev/zero"], f"zhkg: error: /dev/zero: {notfile}"),
                      ([str(big), "--max-bytes", "1000"], f"zhkg: error: {big}: {size:,} bytes, more than --max-bytes 1,000")):
        t = time.monotonic()
        assert main(["extract", *FAST, *argv, "--format", "jsonl"]) == 2
        assert time.monotonic() - t < 30
        assert err_lines(capsys) == [msg, "zhkg: error: nothing extracted (1 file(s) failed)"]
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((GOOD * 100).encode())))
    assert main(["extract", *FAST, "-", "--max-bytes", "1000"]) == 2
    assert err_lines(capsys)[0] == "zhkg: error: <stdin>: more than --max-bytes 1,000 bytes"
    assert main(["extract", *FAST, str(big), "--format", "jsonl"]) == 0  # the default bound is far above


# ---- fuzz: the HTML and PDF readers and the --param syntax fail only with our own errors -------

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &;#xpdivbodyhtmlscript快手2020年营收亿元。\n")), max_size=300))
def test_fuzz_html_reader(page):
    from extract.errors import ZhkgError
    from extract.inputs import read_source

    try:
        read_source(("<html><body>" + page).encode("utf-8"), "fuzz.html")
    except ZhkgError:
        pass


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_pdf_reader(tail):
    from extract.errors import ZhkgError
    from extract.inputs import read_source

    try:
        read_source(b"%PDF-1.4\n" + tail, "fuzz.pdf")
    except ZhkgError:
        pass


@FUZZ
@given(st.text(max_size=60))
@example("<\x1b>")  # a control character in angle brackets: no IRI, a string (found by this test in CI)
@example('"\\\u0100"')  # a backslash that starts no escape: a bad literal, said so (found fuzzing harder)
@example("\\U0000")  # a backslash before U: a code point escape to SPARQL, refused (found by this test in CI)
def test_fuzz_param_syntax(value):
    from extract.errors import QueryError
    from extract.graph.query import to_term
    from extract.graph.sparql import bind_values

    try:
        term = to_term(value)
    except QueryError:
        return
    # whatever the value, it is one term in the VALUES block, never query text
    q = bind_values("SELECT ?x WHERE { ?s ?p ?x }", {"x": term})
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(q)


def test_report_and_push_show_progress_on_a_terminal(gsp, two_articles, tmp_path, capsys, monkeypatch):
    """Issue 19, point 7: long runs are not silent: report and push count their work on a
    terminal (files and articles for a report, graphs for a push), as extract does."""
    import extract.cli.compare as compare_cmd
    import extract.cli.query as query_cmd
    from extract.cli.common import Progress

    seen = []

    class Spy(Progress):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            seen.append(self)

    for mod in (compare_cmd, query_cmd):
        monkeypatch.setattr(mod, "on_terminal", lambda: True)
        monkeypatch.setattr(mod, "Progress", Spy)
    page = tmp_path / "r.html"
    assert main(["report", *FAST, *map(str, two_articles), "-o", str(page)]) == 0
    [bar] = seen
    assert bar.enabled and (bar.what, bar.files, bar.articles) == ("report", 2, 2) and bar.claims >= 2
    trig = tmp_path / "kg.trig"
    assert main(["extract", *FAST, *map(str, two_articles), "-o", str(trig)]) == 0
    capsys.readouterr()
    assert main(["push", "--endpoint", gsp.url, str(trig)]) == 0
    bar = seen[-1]
    assert (bar.what, bar.unit, bar.files) == ("push", "graphs", len(gsp.log)) and bar.files == 3
