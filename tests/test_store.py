"""The Oxigraph store: add replaces an article's named graph, remove drops it, errors name the path."""
from __future__ import annotations

import pytest
from rdflib import Dataset, URIRef

from extract.errors import StoreError
from extract.graph.iris import ENTITY_GRAPH, doc_iri, entity_iri
from extract.graph.rdf import to_dataset
from extract.graph.store import open_store
from sample_docs import sample_docs


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1614902400")


@pytest.fixture
def store(tmp_path):
    st = open_store(tmp_path / "kg", create=True)
    yield st
    st.close()


def _quads(st):
    return set(st.quads())


def test_added_store_holds_exactly_the_dataset(store):
    docs = sample_docs()
    assert store.add(docs) == 3
    assert _quads(store) == set(to_dataset(docs).quads())


def test_readding_an_article_gives_no_duplicates(store):
    store.add(sample_docs())
    before = _quads(store), store.stats()
    store.add(sample_docs()[:1])
    store.add(sample_docs())
    assert (_quads(store), store.stats()) == before


def test_readding_a_changed_article_replaces_its_graph(store):
    docs = sample_docs()
    store.add(docs)
    changed = docs[0].model_copy(update={"claims": docs[0].claims[:2], "title": "改过的标题"})
    store.add([changed])
    rows = {d["id"]: d for d in store.list_documents()}
    assert rows["kuaishou-2020#1"]["claims"] == 2 and rows["kuaishou-2020#1"]["title"] == "改过的标题"
    assert rows["kuaishou-2020#2"]["claims"] == 1 and rows["other-2021#1"]["claims"] == 2
    assert store.stats()["claims"] == 5


def test_list_and_stats(store):
    store.add(sample_docs())
    assert [d["id"] for d in store.list_documents()] == ["kuaishou-2020#1", "kuaishou-2020#2", "other-2021#1"]
    s = store.stats()
    assert (s["documents"], s["claims"], s["graphs"]) == (3, 13, 4)
    assert s["triples"] == sum(len(g) for g in to_dataset(sample_docs()).graphs())


def test_remove_drops_the_graph_and_unused_entities(store):
    store.add(sample_docs())
    store.remove("kuaishou-2020#2")
    quads = _quads(store)
    assert doc_iri("kuaishou-2020#2") not in {g for *_, g in quads}
    programs = {s for s, *_ in quads if str(s).startswith(str(entity_iri("Program", "")))}
    assert programs == {entity_iri("Program", "好物联盟")}  # 服务号, 10亿补贴计划 were only in #2
    assert any(s == entity_iri("Platform", "快手") and g == ENTITY_GRAPH for s, _, _, g in quads)
    # what is left is what adding the other two gives
    assert quads == set(to_dataset([d for d in sample_docs() if d.id != "kuaishou-2020#2"]).quads())


def test_remove_by_iri_and_unknown(store):
    store.add(sample_docs())
    assert store.remove(str(doc_iri("other-2021#1"))) > 0
    with pytest.raises(StoreError, match="no document 'nope#1'"):
        store.remove("nope#1")


def test_store_persists_across_opens(tmp_path):
    with open_store(tmp_path / "kg", create=True) as st:
        st.add(sample_docs())
    with open_store(tmp_path / "kg") as st:
        assert st.stats()["documents"] == 3


@pytest.mark.parametrize("fmt, parse_as", [("trig", "trig"), ("nq", "nquads")])
def test_export_keeps_the_named_graphs(store, fmt, parse_as):
    store.add(sample_docs())
    back = Dataset().parse(data=store.export(fmt), format=parse_as)
    assert {g.identifier for g in back.graphs() if len(g)} == \
        {doc_iri(d.id) for d in sample_docs()} | {ENTITY_GRAPH}


def test_export_unknown_format(store):
    with pytest.raises(StoreError, match="unknown export format 'xml'"):
        store.export("xml")


def test_missing_store_is_an_error_naming_it(tmp_path):
    with pytest.raises(StoreError, match=f"{tmp_path / 'none'}: no store here"):
        open_store(tmp_path / "none")
    assert not (tmp_path / "none").exists()


def test_not_a_store(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not a zhkg store"):
        open_store(tmp_path / "d", create=True)
    with pytest.raises(StoreError, match="a file, not a directory"):
        open_store(tmp_path / "d" / "notes.txt")


def test_corrupt_store(tmp_path):
    (tmp_path / "kg").mkdir()
    (tmp_path / "kg" / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match=f"{tmp_path / 'kg'}: the store is corrupt"):
        open_store(tmp_path / "kg")


def test_locked_store(store):
    with pytest.raises(StoreError, match=f"{store.path}: .*locked"):
        open_store(store.path)


def test_failed_update_leaves_the_store_unchanged(store):
    store.add(sample_docs())
    before = _quads(store)
    with pytest.raises(StoreError, match="store unchanged"):
        store._update(f"DROP GRAPH {doc_iri('kuaishou-2020#1').n3()} ; DROP GRAPH <urn:x-zhkg:absent>")
    assert _quads(store) == before and URIRef(doc_iri("kuaishou-2020#1")) in {g for *_, g in before}


# ---- reading while another process writes (issue 20, point 1; issue 21, point 9) -----------------

WRITER = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from sample_docs import sample_docs
from extract.graph.store import open_store
kg, stop = Path(sys.argv[1]), Path(sys.argv[2])
docs = sample_docs()
with open_store(kg, create=True) as st:
    n = 0
    while not stop.exists() and n < 2000:
        st.add([d.model_copy(update={"id": f"w{n:04d}-{d.id}"}) for d in docs])  # one transaction: 3 articles
        n += 1
        if n == 1:
            print("writing", flush=True)
print(n, flush=True)
"""


def _snapshot(d):
    return {f.name: (f.stat().st_size, f.stat().st_mtime_ns) for f in sorted(d.iterdir())}


def test_reads_while_another_process_writes(tmp_path):
    """A writer process holds the store (Oxigraph's lock) and adds articles; meanwhile the store
    opens read-only, every article whole, and zhkg query / store stats run."""
    import subprocess
    import sys
    from pathlib import Path

    from extract.cli import main

    kg, stop = tmp_path / "kg", tmp_path / "stop"
    tests = str(Path(__file__).parent)
    w = subprocess.Popen([sys.executable, "-c", WRITER, str(kg), str(stop), tests], stdout=subprocess.PIPE, text=True)
    try:
        assert w.stdout.readline().strip() == "writing"
        with pytest.raises(StoreError, match="locked"):  # a second writer is refused
            open_store(kg)
        seen = []
        for _ in range(4):
            with open_store(kg, read_only=True) as st:
                s = st.stats()
            assert s["claims"] * 3 == s["documents"] * 13  # whole transactions only
            seen.append(s["documents"])
            assert main(["query", "--store", str(kg), "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]) == 0
            assert main(["store", "stats", "--store", str(kg)]) == 0
        assert w.poll() is None, "the writer finished before the reads: nothing was shown"
        assert seen == sorted(seen) and seen[0] >= 3
    finally:
        stop.touch()
        out, _ = w.communicate(timeout=120)
    assert w.returncode == 0
    n = int(out.split()[-1])
    with open_store(kg, read_only=True) as st:
        assert st.stats()["documents"] == 3 * n > seen[-1] - 1


def test_read_only_opens_write_nothing(tmp_path, capsys):
    from extract.cli import main

    kg = tmp_path / "kg"
    with open_store(kg, create=True) as st:
        st.add(sample_docs())
    before = _snapshot(kg)
    with open_store(kg, read_only=True) as st:
        assert st.stats()["documents"] == 3
        with pytest.raises(StoreError, match="read-only"):
            st.add(sample_docs())
    for args in (["store", "stats"], ["store", "list"], ["store", "export", "-f", "nq"],
                 ["query", "-e", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"]):
        assert main([*args, "--store", str(kg)]) == 0, args
    capsys.readouterr()
    assert _snapshot(kg) == before  # no LOG.old.*, no lock file touched, nothing


def test_read_write_opens_keep_one_old_log(tmp_path):
    kg = tmp_path / "kg"
    for _ in range(4):
        open_store(kg, create=True).close()
    assert len(list(kg.glob("LOG.old.*"))) <= 1


# ---- zhkg store load (issue 20, point 1) ---------------------------------------------------------

@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_load_gives_the_quads_of_extracting(tmp_path, fmt, capsys):
    """Loading zhkg's output gives the store that adding the extracted articles gives, and a
    reload replaces (no duplicates)."""
    from extract.cli import main
    from extract.graph.formats import writer

    docs = sample_docs()
    f = tmp_path / f"out.{fmt}"
    f.write_text(writer(fmt)(docs), encoding="utf-8")
    with open_store(tmp_path / "added", create=True) as st:
        st.add(docs)
        expected = _quads(st)
    assert main(["store", "load", str(f), "--store", str(tmp_path / "kg")]) == 0
    assert f"loaded {f}: 3 article(s)" in capsys.readouterr().err
    with open_store(tmp_path / "kg") as st:
        assert _quads(st) == expected
        assert st.load(f) == 3 and _quads(st) == expected


@pytest.mark.parametrize("suffix, why", [(".ttl", "without named graphs"), (".nt", "without named graphs"),
                                         (".jsonl", "no article text")])
def test_load_refuses_what_lost_the_articles(store, tmp_path, suffix, why):
    from extract.graph.formats import writer

    f = tmp_path / f"out{suffix}"
    f.write_text(writer(suffix[1:])(sample_docs()), encoding="utf-8")
    with pytest.raises(StoreError, match=why):
        store.load(f)


def test_load_refuses_a_graph_outside_named_graphs(store, tmp_path):
    f = tmp_path / "x.trig"
    f.write_text("<http://a> <http://b> <http://c> .\n")
    with pytest.raises(StoreError, match="outside any named graph"):
        store.load(f)


@pytest.mark.parametrize("fmt, parse_as", [("nq", "nquads"), ("nt", "nt")])
def test_export_streams_the_line_formats(store, fmt, parse_as):
    """store export -f nq|nt comes in chunks straight from Oxigraph, the same graph as export()."""
    from rdflib import Graph

    store.add(sample_docs())
    chunks = list(store.export_chunks(fmt))
    assert chunks and all(c.endswith(" .\n") for c in chunks)
    kind = Dataset if fmt == "nq" else Graph
    got = kind().parse(data="".join(chunks), format=parse_as)
    want = kind().parse(data=store.export(fmt), format=parse_as)
    assert (set(got.quads()) == set(want.quads())) if fmt == "nq" else (set(got) == set(want))
