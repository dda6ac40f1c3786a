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
