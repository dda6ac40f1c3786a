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
    r = zhkg(*cmd, "--store", str(kg), env={"ZHKG_STORE_MAX_MEMORY": str(300 << 20)})
    assert r.returncode == 2 and _is_the_corruption_line(r.stderr, kg), r.stderr[-800:]
    assert "reading it needed more than 300 MB, the bound ZHKG_STORE_MAX_MEMORY sets" in r.stderr
    assert r.stdout == ""
