"""Bounds on what a command may cost (issue 21, points 7, 12 and 15): a corrupted store read
within a memory bound, query results streamed and stopped by Ctrl-C, unpunctuated text. Every
command runs as a real ``zhkg`` process under an address-space limit, so that a failure of the
bound cannot take the machine down; no timed assertion beyond generous ceilings."""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from waiting import wait_for as _wait_for

ZHKG = [sys.executable, "-m", "extract"]
#: the address space every zhkg process of these tests may use: a safety net, far above the need
OUTER = 4_000_000_000
DOC = "https://w3id.org/zhkg/id/doc/"
ZHKG_NS = "https://w3id.org/zhkg/ontology#"


def _outer_limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (OUTER, OUTER))


def zhkg(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*ZHKG, *args], capture_output=True, text=True, timeout=timeout, preexec_fn=_outer_limit,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def kg(tmp_path_factory) -> Path:
    """A store of 400 articles' graphs, 120,000 quads, loaded in bulk (several .sst files)."""
    import gc

    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("bounds") / "kg"
    st = ox.Store(str(path))
    typ = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def quads():
        for d in range(400):
            g = ox.NamedNode(f"{DOC}a{d:03}%231")
            yield ox.Quad(g, typ, ox.NamedNode(ZHKG_NS + "Document"), g)
            yield ox.Quad(g, ox.NamedNode(ZHKG_NS + "docId"), ox.Literal(f"a{d:03}#1"), g)
            for c in range(100):
                claim = ox.NamedNode(f"{DOC}a{d:03}%231/claim/{c}")
                yield ox.Quad(claim, typ, ox.NamedNode(ZHKG_NS + "Claim"), g)
                yield ox.Quad(claim, ox.NamedNode(ZHKG_NS + "value"), ox.Literal(str(d * 1000 + c * 7.5)), g)
                yield ox.Quad(claim, ox.NamedNode(ZHKG_NS + "evidenceText"), ox.Literal(f"第{d}篇第{c}句" * 5), g)

    st.bulk_extend(quads())
    st.flush()
    del st
    gc.collect()
    return path


def _damaged_copies(kg: Path, tmp_path: Path, fractions=(0.0, 0.5, 1.0)):
    """Copies of ``kg`` with 8 bytes flipped in its largest .sst: near its start, in its middle,
    near its end (the index and footer)."""
    size, sst = max((p.stat().st_size, p.name) for p in kg.glob("*.sst"))
    for fr in fractions:
        off = min(max(100, int(size * fr)), size - 200)
        bad = tmp_path / f"bad{off}"
        shutil.copytree(kg, bad)
        with open(bad / sst, "r+b") as f:
            f.seek(off)
            b = f.read(8)
            f.seek(off)
            f.write(bytes(x ^ 0xFF for x in b))
        yield bad


def _is_the_corruption_line(stderr: str, store: Path) -> bool:
    lines = stderr.strip().splitlines()
    return (len(lines) == 1 and lines[0].startswith(f"zhkg: error: {store}: the store is corrupt or unreadable (")
            and lines[0].endswith(f"restore it from a backup, or save what can still be read with: zhkg store export "
                                  f"--store {store} -o saved.nq"))


# ---- 7. a corrupted store is read within a memory bound ---------------------------------------

def test_7_flipped_bytes_are_one_line_and_exit_2_within_bounded_memory(kg, tmp_path):
    r = zhkg("store", "check", "--store", str(kg))
    assert (r.returncode, r.stdout) == (0, f"{kg}: ok, 120800 quads in 400 named graphs\n"), r.stderr
    bound = {"ZHKG_STORE_MAX_MEMORY": str(1_500_000_000)}
    for bad in _damaged_copies(kg, tmp_path):
        r = zhkg("store", "check", "--store", str(bad), env=bound)
        assert r.returncode == 2 and _is_the_corruption_line(r.stderr, bad), (bad, r.returncode, r.stderr[-800:])
        for cmd in (["store", "stats"], ["store", "list"], ["query", "-e", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"]):
            r = zhkg(*cmd, "--store", str(bad), env=bound)
            # a damaged block the command does not read goes unnoticed; one it reads is the one line
            assert r.returncode == 0 or (r.returncode == 2 and _is_the_corruption_line(r.stderr, bad)), \
                (cmd, bad, r.returncode, r.stderr[-800:])


@pytest.mark.parametrize("cmd", [["store", "stats"], ["store", "check"], ["store", "list"],
                                 ["query", "-e", "ASK { ?s ?p ?o }"], ["store", "export", "-f", "nq"]])
def test_7_a_read_that_allocates_past_the_bound_is_one_line_not_the_oom_killer(kg, cmd):
    """A damaged block has made RocksDB allocate without end: whatever a read of the store
    allocates past ZHKG_STORE_MAX_MEMORY ends that read (here the bound is below what even a sound
    read needs) with the one line naming the store and the bound, exit 2, nothing on stdout."""
    r = zhkg(*cmd, "--store", str(kg), env={"ZHKG_STORE_MAX_MEMORY": str(20 << 20)})
    assert r.returncode == 2 and _is_the_corruption_line(r.stderr, kg), r.stderr[-800:]
    assert "reading it needed more than 20 MB, the bound ZHKG_STORE_MAX_MEMORY sets" in r.stderr
    assert r.stdout == ""


# ---- 12. a SELECT streams: its first rows out while the engine runs; Ctrl-C stops it ----------

CARTESIAN_ROWS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # 120,800² rows: never done in a test


def _peak_rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    raise AssertionError("no VmHWM")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_12_a_large_select_streams_in_bounded_memory_and_ctrl_c_stops_it(kg, tmp_path):
    import signal
    import time

    proc = subprocess.Popen([*ZHKG, "query", "--store", str(kg), "-e", CARTESIAN_ROWS, "-f", "csv"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_outer_limit)
    try:
        assert proc.stdout.readline().decode() == "a,b,c,d,e,f\r\n"
        got = 0
        while got < 10_000_000:  # 10 MB of rows read while the query is still running
            chunk = proc.stdout.read1(1 << 20)
            assert chunk, proc.stderr.read().decode()[-800:]
            got += len(chunk)
        assert proc.poll() is None
        assert _peak_rss_mb(proc.pid) < 1000  # a built result would hold every row
        t = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.stdout.close()  # (a reader gone is no error either)
        assert proc.wait(timeout=30) == 130
        assert time.monotonic() - t < 20
        assert proc.stderr.read().decode().strip().splitlines()[-1] == "zhkg: interrupted"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_12_a_streamed_output_file_is_whole_or_not_there(kg, tmp_path):
    import signal
    import time

    out = tmp_path / "rows.csv"
    out.write_text("old\n", encoding="utf-8")
    proc = subprocess.Popen([*ZHKG, "query", "--store", str(kg), "-e", CARTESIAN_ROWS, "-f", "csv", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_outer_limit)
    try:
        # rows are being written to the temporary file beside it, the old file untouched
        assert _wait_for(lambda: any(p.stat().st_size > 5_000_000 for p in tmp_path.glob(".rows.csv.*.tmp")))
        assert out.read_text(encoding="utf-8") == "old\n"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert out.read_text(encoding="utf-8") == "old\n" and not list(tmp_path.glob(".rows.csv.*"))
    r = zhkg("query", "--store", str(kg), "-e", "SELECT ?c WHERE { ?c a zhkg:Claim }", "-f", "csv",
             "-o", str(out))
    assert r.returncode == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 1 + 40_000




@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml", "table"])
def test_12_streamed_results_are_the_text_of_whole_ones(kg, fmt):
    """Rows serialized a batch at a time and spliced give the very text of the whole result,
    with several batches, one, and none."""
    from extract.graph.query import run_query
    from extract.graph.results import format_chunks, format_result
    from extract.graph.store import open_store

    with open_store(kg, read_only=True) as st:
        for q in ("SELECT ?s ?v WHERE { ?s zhkg:value ?v } LIMIT 2500",
                  "SELECT ?s WHERE { ?s a zhkg:Document } ORDER BY ?s LIMIT 3",
                  "SELECT ?s WHERE { ?s a zhkg:Nothing }"):
            whole = format_result(run_query(st, q), fmt)
            res = run_query(st, q, stream=True)
            assert not isinstance(res.rows, list)
            assert "".join(format_chunks(res, fmt)) == whole, q


# ---- 15. a run of text without punctuation is cut into bounded sentences, not inside a figure ---

FIGURES = "快手2020年营收达587.8亿元同比增长50.2%平均日活跃用户2.64亿"


def test_15_an_unpunctuated_run_is_cut_into_bounded_sentences_between_figures():
    from extract.text.split import MAX_SENTENCE, split_sentences

    text = "标题\n" + FIGURES * 400 + "\n下一段。"
    sents = split_sentences(text)
    assert [s.text for s in sents[:1]] == ["标题"] and sents[-1].text == "下一段。"
    assert len(sents) > len(text) // MAX_SENTENCE and all(len(s.text) <= MAX_SENTENCE for s in sents)
    assert "".join(s.text for s in sents) == text.replace("\n", "")  # every character, in order
    assert all(text[s.start:s.end] == s.text for s in sents)
    cuts = [(s, t) for s, t in zip(sents, sents[1:]) if s.end == t.start]  # where the run was cut
    assert len(cuts) == len(sents) - 3
    for s, t in cuts:  # never inside a figure, next to its unit or in a Latin word
        assert s.text[-1] not in "0123456789.亿元%" and t.text[0] not in "0123456789.亿元%", (s.text[-12:], t.text[:12])


def test_15_an_unpunctuated_article_gives_the_claims_of_a_punctuated_one():
    """300 statements of revenue (each of its own month) on one line without a mark: cutting the
    run into bounded sentences loses none of them (the cuts fall between figures)."""
    from extract.nlp.pipeline import extract_text

    parts = [f"快手{y}年{m}月营收达{y - 1900}.{m}亿元同比增长{m}%平均日活跃用户{m}.5亿"
             for y in range(2000, 2025) for m in range(1, 13)]

    def revenues(text: str) -> int:
        return sum(1 for d in extract_text(text, ner="fast") for c in d.claims if c.metric_key == "Metric:营收")

    assert revenues("".join(parts)) >= 0.95 * revenues("。".join(parts) + "。") >= 0.95 * 300
