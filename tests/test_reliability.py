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


def _wait_for(cond, timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return False


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
