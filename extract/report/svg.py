"""The pictures of the HTML report, as inline SVG: the entity graph and the metric time series.

:func:`entity_graph` lays out an article's entities and relations with networkx (the topic
entity pinned at the centre) and writes the SVG by hand; :func:`series_chart` draws one metric's
values over time with matplotlib's SVG backend. Both return an ``<svg>`` element as a string,
no XML header, no external reference.
"""
from __future__ import annotations

import io
import math
import re
import warnings
from functools import lru_cache
from html import escape

import networkx as nx

#: entity class -> fill colour (the same colours mark the names in the article text)
CLASS_COLORS = {
    "Platform": "#7aecec",
    "Company": "#aa9cfc",
    "Organization": "#bfe1d9",
    "Person": "#f8b4c8",
    "Program": "#feca74",
    "Metric": "#e4e7d2",
    "Place": "#ff9561",
    "Segment": "#c9b3a3",
}
#: a class not listed above
OTHER_COLOR = "#dddddd"
#: relation kind -> stroke colour; ``cooccurs`` is sentence co-occurrence
EDGE_COLORS = {
    "role": "#2e7d32",
    "operates": "#1565c0",
    "launched": "#ef6c00",
    "competitor": "#c62828",
    "parent": "#6a1b9a",
    "cooccurs": "#b0b0b0",
}
GRAPH_CLASSES = ("Platform", "Company", "Organization", "Person", "Program")


def graph_of(doc, mentions, sentences) -> nx.MultiGraph:
    """Entities of ``doc`` (not metrics) as nodes keyed by label, with ``cls``, ``count`` and
    ``topic``; relations as edges with ``kind`` (and ``role``); co-occurrence in a sentence as
    ``cooccurs`` edges with ``weight`` (from :func:`extract.nlp.components.topic.cooccurrence_graph`)."""
    from ..nlp.components.topic import cooccurrence_graph

    g = nx.MultiGraph()
    for e in doc.entities:
        if e.cls in GRAPH_CLASSES:
            g.add_node(e.label, cls=e.cls, count=e.mentions, topic=e.label == doc.topic)
    for r in doc.relations:
        for n in (r.source, r.target):
            if n not in g:
                g.add_node(n, cls="Organization", count=1, topic=n == doc.topic)
        g.add_edge(r.source, r.target, kind=r.kind, role=r.role)
    co = cooccurrence_graph([m for m in mentions if m.cls in GRAPH_CLASSES], sentences)
    for (_, a), (_, b), d in co.edges(data=True):
        if a in g and b in g and a != b and not g.has_edge(a, b):
            g.add_edge(a, b, kind="cooccurs", weight=d["weight"])
    return g


def layout(g: nx.Graph, centre: str | None) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]², radial: ``centre`` at (0, 0), the nodes one step from it on the
    first ring, two steps on the second and so on (distances by networkx), the nodes not
    connected to it on the outer ring. A ring is ordered so that a node sits near its neighbours on the ring
    inside it; crowded rings alternate two radii so that labels do not collide. Deterministic.
    """
    if not len(g):
        return {}
    simple = nx.Graph(g)
    if centre not in simple:
        centre = max(simple.degree, key=lambda t: (t[1], t[0]))[0]
    dist = nx.single_source_shortest_path_length(simple, centre)
    shells: list[list[str]] = [[centre]]
    for k in range(1, max(dist.values()) + 1):
        ring = sorted(n for n, d in dist.items() if d == k)
        inner = {n: i / len(shells[-1]) for i, n in enumerate(shells[-1])}

        def angle(n: str) -> float:
            fr = [inner[m] for m in simple[n] if m in inner]
            x = sum(math.cos(2 * math.pi * f) for f in fr)
            y = sum(math.sin(2 * math.pi * f) for f in fr)
            return (math.atan2(y, x) / (2 * math.pi)) % 1.0

        shells.append(sorted(ring, key=lambda n: (angle(n), n)) if k > 1 else
                      sorted(ring, key=lambda n: (g.nodes[n].get("cls", ""), n)))
    rest = sorted(n for n in simple if n not in dist)
    if rest:
        shells.append(rest)
    # the rings from radius 0.55 out to 0.97: the first ring, the most crowded, gets room
    rings = shells[1:]
    out = {}
    for k, ring in enumerate(rings):
        r = 0.55 + (0.42 * k / (len(rings) - 1) if len(rings) > 1 else 0.35)
        for i, n in enumerate(ring):
            t = 2 * math.pi * i / len(ring) - math.pi / 2 + k * 0.3
            f = 0.86 if len(ring) > 10 and i % 2 else 1.0
            out[n] = (r * f * math.cos(t), r * f * math.sin(t))
    out[centre] = (0.0, 0.0)
    return out


def entity_graph(doc, mentions, sentences, width: int = 900, height: int = 600) -> str:
    """The article's entity graph as an ``<svg class="graph">``; empty string when no entity."""
    g = graph_of(doc, mentions, sentences)
    if not len(g):
        return ""
    pos = layout(g, doc.topic)
    mx, my = 70, 36

    def xy(n: str) -> tuple[float, float]:
        x, y = pos[n]
        return mx + (x + 1) / 2 * (width - 2 * mx), my + (y + 1) / 2 * (height - 2 * my)

    out = [f'<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="entity graph of {escape(doc.id)}">']
    edges, labels = [], []
    for a, b, d in g.edges(data=True):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        kind = d["kind"]
        w = min(1 + d.get("weight", 1) * 0.5, 4) if kind == "cooccurs" else 2
        dash = ' stroke-dasharray="6 4"' if kind == "competitor" else ""
        title = f"{a} — {b}: {kind}" + (f" ({d['role']})" if d.get("role") else "") + \
                (f", {d['weight']} sentence(s)" if kind == "cooccurs" else "")
        edges.append(f'<line class="edge {kind}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="{EDGE_COLORS[kind]}" stroke-width="{w:.1f}"{dash}><title>{escape(title)}</title></line>')
        if kind in ("role", "operates", "launched", "parent"):
            text = d.get("role") or kind
            labels.append(f'<text class="edge-label" x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 3:.1f}" '
                          f'fill="{EDGE_COLORS[kind]}" text-anchor="middle">{escape(text)}</text>')
    # co-occurrence first, so typed relations draw on top of it
    edges.sort(key=lambda s: ' cooccurs"' not in s)
    out += edges + labels
    for n, d in g.nodes(data=True):
        x, y = xy(n)
        r = 9 + min(d.get("count", 1), 12) * 1.2 + (8 if d["topic"] else 0)
        stroke = ' stroke="#222" stroke-width="3"' if d["topic"] else ' stroke="#555" stroke-width="1"'
        cls = "node topic" if d["topic"] else "node"
        bold = ' font-weight="bold"' if d["topic"] else ""
        out.append(f'<g class="{cls}" data-label="{escape(n)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                   f'fill="{CLASS_COLORS.get(d["cls"], OTHER_COLOR)}"{stroke}>'
                   f'<title>{escape(n)} ({d["cls"]}, {d.get("count", 1)} mention(s))</title></circle>'
                   f'<text x="{x:.1f}" y="{y + r + 14:.1f}" text-anchor="middle"{bold}>{escape(n)}</text></g>')
    out.append("</svg>")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# time series

_Q = re.compile(r"^(\d{4})(?:Q([1-4])|H([12])|-(\d\d)(?:-(\d\d))?)?$")


def period_x(period: str) -> tuple[float, str] | None:
    """A period as a point on a time axis (the middle of it) and its granularity.

    >>> period_x("2020Q4"), period_x("2020"), period_x("asof:2021-03")
    ((2020.875, 'quarter'), (2020.5, 'year'), (2021.208, 'month'))
    """
    m = _Q.match(period.removeprefix("asof:"))
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2):
        return y + (int(m.group(2)) - 0.5) / 4, "quarter"
    if m.group(3):
        return y + (int(m.group(3)) - 0.5) / 2, "half"
    if m.group(4):
        return round(y + (int(m.group(4)) - 0.5) / 12, 3), "month"
    return y + 0.5, "year"


def scale_for(values: list[float], unit: str) -> tuple[float, str]:
    """Divisor and axis suffix for a series: percent as %, big numbers in 亿 or 万."""
    if unit == "percent":
        return 0.01, "%"
    top = max((abs(v) for v in values), default=0)
    if top >= 1e8:
        return 1e8, "亿"
    if top >= 1e4:
        return 1e4, "万"
    return 1.0, ""


#: the CJK fonts the charts are laid out with, first found first (Debian: fonts-wqy-microhei)
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC")


@lru_cache(maxsize=1)
def _cjk_fonts() -> None:
    """Make the installed CJK fonts known to matplotlib: its font cache predates a font installed
    after matplotlib first ran, and then it lays out Chinese labels without their glyphs."""
    from matplotlib import font_manager

    for family in CJK_FONTS:
        try:
            font_manager.findfont(family, fallback_to_default=False)
            return
        except ValueError:
            pass
    for path in font_manager.findSystemFonts():
        if re.search(r"wqy-microhei|NotoSansCJK", path, re.I):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                pass


def series_chart(title: str, points: list[tuple[str, float]], unit: str, unit_word: str = "") -> str:
    """One small line chart (``<svg>``, text kept as text so the browser's CJK fonts draw it)
    of ``points`` (period, value); points sorted by time."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    pts = sorted(((period_x(p)[0], p, v) for p, v in points if period_x(p)), key=lambda t: t[0])
    div, suffix = scale_for([v for _, _, v in pts], unit)
    _cjk_fonts()
    with rc_context({"svg.fonttype": "none", "font.size": 8,
                     "font.family": "sans-serif",
                     "font.sans-serif": [*CJK_FONTS, "DejaVu Sans"]}), warnings.catch_warnings():
        # with no CJK font installed, the layout measures Chinese labels without their glyphs
        # (the SVG keeps them as text, the browser draws them): that warning only
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        fig = Figure(figsize=(3.2, 1.9))
        ax = fig.add_subplot()
        xs = [x for x, _, _ in pts]
        ys = [v / div for _, _, v in pts]
        ax.plot(xs, ys, marker="o", color="#1565c0", linewidth=1.5, markersize=4)
        ax.set_xticks(xs, [p for _, p, _ in pts], rotation=0)
        ax.set_title(title, fontsize=9)
        ax.set_ylabel(suffix if unit == "percent" else f"{suffix}{unit_word}")
        for x, y in zip(xs, ys):
            ax.annotate(f"{y:.4g}", (x, y), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=7)
        ax.margins(x=0.15, y=0.25)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout(pad=0.4)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    return svg.replace("<svg ", '<svg class="chart" ', 1)
