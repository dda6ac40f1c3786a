"""Golden test: the sample article's graph is isomorphic to tests/golden/kuaishou-2020.trig.

When extraction changes on purpose: ``.venv/bin/python -m tests.regen_golden`` and review the
diff (tests/golden/README.md). The run's ``prov:startedAtTime`` is left out of the comparison.
"""
from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic

from extract.graph.vocab import PROV

from regen_golden import GOLDEN, current, golden


def _graphs(trig: str) -> dict:
    ds = Dataset().parse(data=trig, format="trig")
    out = {}
    for g in ds.graphs():
        if len(g):
            h = Graph()
            for t in g:
                if t[1] != PROV.startedAtTime:
                    h.add(t)
            out[g.identifier] = h
    return out


@pytest.mark.parametrize("name", GOLDEN)
def test_graph_matches_golden(name):
    want = _graphs(golden(name).read_text(encoding="utf-8"))
    got = _graphs(current(name))
    assert sorted(got) == sorted(want), "named graphs differ"
    for iri, g in want.items():
        if not isomorphic(got[iri], g):
            _, only_want, only_got = graph_diff(g, got[iri])
            pytest.fail(f"graph {iri} differs from the golden file (regenerate with "
                        f"`python -m tests.regen_golden` if on purpose):\n"
                        f"missing: {sorted(only_want)[:10]}\nunexpected: {sorted(only_got)[:10]}")
