"""The topic entity of an article, ranked over the entity co-occurrence graph (networkx).

Nodes are (class, label) of the organizations and platforms mentioned, with their mention
counts; an edge joins two that occur in one sentence, weighted by how often. A node's salience
is its mention count plus its weighted degree (how much of the article's network it holds); the
most salient node is the article's topic.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

_TOPIC_CLASSES = ("Platform", "Company", "Organization")


def cooccurrence_graph(mentions, sentences: list[tuple[int, str]]) -> nx.Graph:
    """Entities as nodes (attribute ``count``), sentence co-occurrence as weighted edges."""
    g = nx.Graph()
    counts = Counter((m.cls, m.label) for m in mentions)
    for node, n in counts.items():
        g.add_node(node, count=n)
    for base, s in sentences:
        inside = sorted({(m.cls, m.label) for m in mentions if base <= m.start < base + len(s)})
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                w = g.get_edge_data(a, b, {"weight": 0})["weight"]
                g.add_edge(a, b, weight=w + 1)
    return g


def topic_entity(mentions, sentences: list[tuple[int, str]]):
    """The Mention (first occurrence) of the most salient organization or platform, or None."""
    from ..frame import is_investor, is_media

    # (an outlet or a tracker publishes figures about others, an investor funds them: never what a piece is about)
    cands = [m for m in mentions if m.cls in _TOPIC_CLASSES and not is_media(m) and not is_investor(m, sentences)]
    if not cands:
        return None
    g = cooccurrence_graph(cands, sentences)
    counts = {n: d["count"] for n, d in g.nodes(data=True)}
    rank = {n: counts[n] + deg for n, deg in g.degree(weight="weight")}
    best = max(rank, key=lambda n: (rank[n], counts[n]))
    return next(m for m in cands if (m.cls, m.label) == best)
