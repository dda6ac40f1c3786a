"""The claim key (issue 20): each claim with a period carries zhkg:claimKey, the same whether
written with the article or added later to a store written before keys existed, and the saved query
conflicting-claims groups on it: one row per disagreement, paged, the same on a store and on files."""
from __future__ import annotations

import pytest
from rdflib import Literal

from extract.graph.formats import write_atomic, writer
from extract.graph.keys import add_keys, claim_key
from extract.graph.query import run_query
from extract.graph.rdf import to_quads
from extract.graph.store import open_store
from extract.graph.vocab import RDFS, ZHKG
from extract.model import Claim, Document, Evidence
from sample_docs import sample_docs


def _claim(subject: str, metric: str, value: float, period: str | None, unit: str = "CNY") -> Claim:
    text = f"{subject}{period or ''}{metric}{value:g}。"
    ev = Evidence(text=text, start=0, end=len(text), raw_start=0, raw_end=len(text))
    return Claim(subject=subject, subject_cls="Company", metric=metric, value=value, unit=unit, period=period,
                 evidence=ev, surface=f"{value:g}")


def _doc(i: int, *claims: Claim) -> Document:
    return Document(id=f"k{i}#1", title=f"k{i}", source=f"k{i}.txt", sha256=f"{i:064x}",
                    text="\n".join(c.evidence.text for c in claims), claims=list(claims))


# four articles: 甲's 2020 revenue said 10 twice and 12 once (one disagreement, 3 documents); 乙's
# 2020 users said 5 and 6 (a unit of its own); 甲's 2021 revenue said 7 twice (agreement); a figure
# without a period twice with other values (no key: not a disagreement)
DOCS = [
    _doc(1, _claim("甲公司", "收入", 10, "2020"), _claim("甲公司", "收入", 7, "2021"), _claim("丙公司", "收入", 1, None)),
    _doc(2, _claim("甲公司", "收入", 10, "2020"), _claim("乙公司", "用户", 5, "2020", "other:户")),
    _doc(3, _claim("甲公司", "收入", 12, "2020"), _claim("甲公司", "收入", 7, "2021"), _claim("丙公司", "收入", 2, None)),
    _doc(4, _claim("乙公司", "用户", 6, "2020", "other:户")),
]
EXPECTED = [("乙公司", "用户", "2020", "户", "5 ×1; 6 ×1", "2", "2"),
            ("甲公司", "收入", "2020", "CNY", "10 ×2; 12 ×1", "2", "3")]


def _keys(quads) -> dict:
    return {s: o for s, p, o, _ in quads if p == ZHKG.claimKey}


def test_each_claim_with_a_period_has_its_key():
    quads = to_quads(DOCS)
    keys = _keys(quads)
    assert len(keys) == sum(1 for d in DOCS for c in d.claims if c.period)
    assert set(keys.values()) == {Literal(claim_key("甲公司", "收入", "2020", "CNY")),
                                  Literal(claim_key("甲公司", "收入", "2021", "CNY")),
                                  Literal(claim_key("乙公司", "用户", "2020", "other:户"))}
    # the parts are the labels the graph gives the subject and the metric
    c = next(s for s, o in keys.items() if str(o).startswith("乙公司"))
    subject = next(o for s, p, o, _ in quads if s == c and p == ZHKG.subject)
    assert Literal("乙公司") in {o for s, p, o, _ in quads if s == subject and p == RDFS.label}


def test_sample_keys_use_canonical_labels():
    keys = {str(o) for o in _keys(to_quads(sample_docs())).values()}
    # 平均DAU of 快手APP: the platform's and the metric's canonical labels
    assert claim_key("快手", "日活跃用户", "2020Q4", "users") in keys
    assert not any("快手APP" in k or "平均DAU" in k for k in keys)


def _key_quads(st) -> set:
    import pyoxigraph

    return {(q.subject, q.object) for q in st._ox.quads_for_pattern(None, pyoxigraph.NamedNode(str(ZHKG.claimKey)), None)}


def test_keys_added_to_an_old_store_are_those_written(tmp_path):
    """A store written before keys existed: add_keys gives every claim the key the writer gives."""
    docs = sample_docs() + DOCS
    with open_store(tmp_path / "kg", create=True) as st:
        st.add(docs)
        written = _key_quads(st)
        assert written
        st._update(f"DELETE WHERE {{ GRAPH ?g {{ ?c {ZHKG.claimKey.n3()} ?k }} }}")
        assert not _key_quads(st)
        assert run_query(st, "conflicting-claims").rows == []  # without keys nothing is found
        graphs = [g for g in st.ds.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a <%s> } }" % ZHKG.Document)]
        st._update(add_keys([r[0] for r in graphs]))
        added = _key_quads(st)
    assert added == written


def test_store_load_adds_the_keys_of_an_old_output(tmp_path):
    """zhkg store load of an output written before keys existed (its claimKey lines gone): the
    disagreements are found as if the articles had been extracted now."""
    nq = writer("nq")(DOCS)
    old = tmp_path / "old.nq"
    write_atomic(old, "".join(line + "\n" for line in nq.splitlines() if "claimKey" not in line))
    with open_store(tmp_path / "kg", create=True) as st:
        st.load(old)
        got = [tuple(str(x) for x in r) for r in run_query(st, "conflicting-claims").rows]
    assert got == EXPECTED


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    d = tmp_path_factory.mktemp("keys") / "kg"
    with open_store(d, create=True) as st:
        st.add(DOCS + sample_docs())
    return d


@pytest.fixture(params=["store", "files"])
def source(request, kg, tmp_path_factory):
    if request.param == "files":
        p = tmp_path_factory.mktemp("keys") / "k.trig"
        write_atomic(p, writer("trig")(DOCS + sample_docs()))
        yield [p]
    else:
        with open_store(kg) as st:
            yield st


def _rows(source, params=None):
    rows = [tuple(str(x) for x in r) for r in run_query(source, "conflicting-claims", params or {}).rows]
    # rdflib concatenates the values in no set order
    return [r[:4] + ("; ".join(sorted(r[4].split("; "), key=lambda v: float(v.split(" ×")[0]))),) + r[5:]
            for r in rows]


GMV = ("快手", "商品交易总额", "2020", "CNY", "380000000000 ×1; 381200000000 ×1", "2", "2")


def test_one_row_per_disagreement(source):
    assert _rows(source) == [EXPECTED[0], GMV, EXPECTED[1]]  # in key order: subject, metric, period, unit


@pytest.mark.parametrize("params, expected", [
    ({"limit": "1"}, [EXPECTED[0]]),
    ({"limit": "1", "offset": "1"}, [GMV]),
    ({"limit": "2", "offset": "2"}, [EXPECTED[1]]),
    ({"limit": "all"}, [EXPECTED[0], GMV, EXPECTED[1]]),
    ({"subject": "甲公司"}, [EXPECTED[1]]),
    ({"subject": "甲"}, []),  # a key's subject is matched whole, not by its start
    ({"subject": "快手科技"}, [("快手科技",) + GMV[1:]]),  # the operator named after its platform
], ids=["page-1", "page-2", "page-3", "all", "subject", "no-prefix", "operator"])
def test_pages_and_subjects(source, params, expected):
    assert _rows(source, params) == expected
