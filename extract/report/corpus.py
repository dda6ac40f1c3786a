"""The corpus report: one self-contained page of every claim in a store (``zhkg report --store``).

Where :mod:`extract.report.html` shows a few articles in full, this page is built for thousands:

* every claim is a row of one table, filled by the page's script from the data embedded in it, with
  a search box and filters (entity, metric, period, hedged, in conflict); the first
  :data:`PAGE_ROWS` matches are drawn, and the CSV download holds every match;
* a row links to its sentence (the sentences are listed by article) and a sentence back to its rows;
* conflicts are grouped per (subject, metric, period) by diff's rule
  (:func:`extract.diff.conflicts.find_conflicts`): the distinct values, how many articles state each;
* each series (subject, metric, unit over two periods or more) draws every source's point, so a
  disagreement shows as two points at one period;
* the entity graph links subjects stated in the same articles; hovering a node shows its edges.

No network, no external file: inline CSS, script and SVG.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from html import escape

from ..diff.align import SourcedClaim
from ..diff.conflicts import ConflictGroup, find_conflicts, shown_value
from ..version import __version__
from .html import fmt_value, metric_name, page_head, unit_word
from .svg import layout, period_x

#: rows drawn at once; the CSV holds every match
PAGE_ROWS = 500
#: series charts drawn (those with the most points first), and entity graph size
MAX_SERIES = 60
MAX_NODES = 40
MAX_EDGES = 150


def _rows(claims: list[SourcedClaim], groups: list[ConflictGroup]):
    """The claims as table rows (dicts the script reads) and the sentences they cite."""
    in_group = {id(s): gi for gi, g in enumerate(groups) for s in g.claims}
    sentences: dict[tuple, int] = {}
    sent_list: list[dict] = []
    rows = []
    for s in sorted(claims, key=lambda s: (s.doc, s.claim.evidence.start, s.claim.evidence.end)):
        c = s.claim
        key = (s.doc, c.evidence.start, c.evidence.text)
        e = sentences.get(key)
        if e is None:
            e = sentences[key] = len(sent_list)
            sent_list.append({"doc": s.doc, "text": c.evidence.text, "rows": []})
        i = len(rows)
        sent_list[e]["rows"].append(i)
        rows.append({"s": c.subject, "m": metric_name(c), "v": shown_value(c),
                     "n": c.value, "u": c.unit, "p": c.period or "", "h": c.qualifier or "",
                     "d": s.doc, "e": e, "c": in_group.get(id(s), -1)})
    return rows, sent_list


def _series(claims: list[SourcedClaim]) -> list[tuple[tuple, list[tuple[str, float, str]]]]:
    """(subject, metric, unit) -> every source's (period, value, doc), for series over two
    periods or more, most points first."""
    out: dict[tuple, list[tuple[str, float, str]]] = defaultdict(list)
    for s in claims:
        c = s.claim
        if c.period and period_x(c.period) and not c.is_change_claim():
            out[(c.subject, metric_name(c), c.unit)].append((c.period, c.value, s.doc))
    good = [(k, sorted(v, key=lambda t: (period_x(t[0])[0], t[1]))) for k, v in out.items()
            if len({p for p, _, _ in v}) >= 2]
    good.sort(key=lambda kv: (-len(kv[1]), kv[0]))
    return good


def _chart(key: tuple, pts: list[tuple[str, float, str]], w: int = 320, h: int = 180) -> str:
    """A small SVG chart: every source's point, a line through each period's most stated value."""
    subject, metric, unit = key
    xs = sorted({period_x(p)[0] for p, _, _ in pts})
    vals = [v for _, v, _ in pts]
    lo, hi = min(vals), max(vals)
    if hi == lo:
        lo, hi = lo - abs(lo) * 0.1 - 1, hi + abs(hi) * 0.1 + 1
    x0, x1 = min(xs), max(xs)
    mx, my = 34, 26

    def X(x: float) -> float:
        return mx + (x - x0) / ((x1 - x0) or 1) * (w - 2 * mx)

    def Y(v: float) -> float:
        return h - my - (v - lo) / (hi - lo) * (h - 2 * my)

    by_period: dict[str, Counter] = defaultdict(Counter)
    for p, v, _ in pts:
        by_period[p][v] += 1
    line = [(period_x(p)[0], cnt.most_common(1)[0][0]) for p, cnt in by_period.items()]
    line.sort()
    path = " ".join(f"{'M' if i == 0 else 'L'}{X(x):.1f},{Y(v):.1f}" for i, (x, v) in enumerate(line))
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
           f'role="img" aria-label="{escape(subject)} {escape(metric)}">',
           f'<text x="{w / 2}" y="14" text-anchor="middle" class="t">{escape(subject)} · {escape(metric)}</text>',
           f'<path d="{path}" fill="none" stroke="#1565c0" stroke-width="1.5"/>']
    for p, cnt in sorted(by_period.items(), key=lambda t: period_x(t[0])[0]):
        x = X(period_x(p)[0])
        out.append(f'<text x="{x:.1f}" y="{h - 8}" text-anchor="middle" class="x">{escape(p)}</text>')
    for p, v, d in pts:
        x = X(period_x(p)[0])
        many = len(by_period[p]) > 1
        out.append(f'<circle class="pt{" split" if many else ""}" cx="{x:.1f}" cy="{Y(v):.1f}" '
                   f'r="{3 + min(by_period[p][v], 6) * 0.6:.1f}"><title>{escape(d)}: {escape(p)} '
                   f'{escape(fmt_value(v, unit))}</title></circle>')
    out.append("</svg>")
    return "".join(out)


def _graph(claims: list[SourcedClaim]) -> str:
    """Subjects stated in the same articles, the most stated at the centre; hover shows edges."""
    import networkx as nx

    by_doc: dict[str, set[str]] = defaultdict(set)
    for s in claims:
        by_doc[s.doc].add(s.claim.subject)
    docs_of = Counter(x for subs in by_doc.values() for x in subs)
    nodes = [n for n, _ in docs_of.most_common(MAX_NODES)]
    keep = set(nodes)
    weight: Counter = Counter()
    for subs in by_doc.values():
        subs = sorted(subs & keep)
        for i, a in enumerate(subs):
            for b in subs[i + 1:]:
                weight[(a, b)] += 1
    edges = weight.most_common(MAX_EDGES)
    if not nodes:
        return '<p class="note">no entities</p>'
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(e for e, _ in edges)
    pos = layout(g, nodes[0])
    W, H, m = 900, 560, 60

    def xy(n: str) -> tuple[float, float]:
        x, y = pos[n]
        return m + (x + 1) / 2 * (W - 2 * m), m / 2 + (y + 1) / 2 * (H - m)

    out = [f'<svg class="graph" id="egraph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" '
           f'height="{H}" role="img" aria-label="entities stated in the same articles">']
    for (a, b), n in edges:
        (x1, y1), (x2, y2) = xy(a), xy(b)
        out.append(f'<line class="edge" data-a="{escape(a)}" data-b="{escape(b)}" data-n="{n}" x1="{x1:.1f}" '
                   f'y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{min(1 + n * 0.3, 6):.1f}">'
                   f'<title>{escape(a)} — {escape(b)}: {n} article(s)</title></line>')
    for n in nodes:
        x, y = xy(n)
        r = 6 + min(docs_of[n], 40) * 0.4
        out.append(f'<g class="node" data-label="{escape(n)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
                   f'<title>{escape(n)}: {docs_of[n]} article(s)</title></circle>'
                   f'<text x="{x:.1f}" y="{y + r + 13:.1f}" text-anchor="middle">{escape(n)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def _conflicts(groups: list[ConflictGroup]) -> str:
    if not groups:
        return '<p class="note">no conflicts: no two articles give values diff tells apart</p>'
    rows = []
    for gi, g in enumerate(groups):
        vals = "".join(f'<li><b>{escape(v)}</b> — {len(ds)} article(s)'
                       f'{": " + escape(", ".join(ds[:5])) + (" …" if len(ds) > 5 else "") }</li>'
                       for v, _, ds in g.values())
        rows.append(f'<tr id="k{gi}"><td>{escape(g.subject)}</td><td>{escape(g.metric)}</td><td>{escape(g.period)}</td>'
                    f'<td><ul>{vals}</ul></td><td><a href="#claims" class="show-conflict" data-k="{gi}">rows</a></td></tr>')
    return (f'<table class="conflicts"><thead><tr><th>subject</th><th>metric</th><th>period</th>'
            f'<th>values (articles)</th><th></th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def build_corpus_report(claims: list[SourcedClaim], titles: dict[str, str] | None = None) -> str:
    """The corpus page of ``claims`` (each with its document id); ``titles`` by document id."""
    titles = titles or {}
    groups = find_conflicts(claims)
    rows, sentences = _rows(claims, groups)
    series = _series(claims)
    charts = "".join(f'<figure class="series">{_chart(k, pts)}<figcaption>{len(pts)} point(s) from '
                     f'{len({d for _, _, d in pts})} article(s)</figcaption></figure>' for k, pts in series[:MAX_SERIES])
    more = f'<p class="note">{len(series) - MAX_SERIES} more series not drawn</p>' if len(series) > MAX_SERIES else ""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for e, s in enumerate(sentences):
        by_doc[s["doc"]].append(e)
    sent_html = []
    for d in sorted(by_doc):
        ps = "".join(f'<p class="sent" id="s{e}">{escape(sentences[e]["text"])} '
                     + " ".join(f'<a href="#c{i}" class="to-row" data-i="{i}">↩{i + 1}</a>' for i in sentences[e]["rows"])
                     + "</p>" for e in by_doc[d])
        sent_html.append(f'<div class="doc"><h3>{escape(titles.get(d) or d)} <small>{escape(d)}</small></h3>{ps}</div>')
    data = json.dumps({"rows": rows, "titles": titles, "groups": [[g.subject, g.metric, g.period] for g in groups]},
                      ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    n_docs = len({s.doc for s in claims})
    return page_head(f"zhkg corpus report: {n_docs} articles", _CSS) + f"""
<body>
<header><h1>zhkg corpus report</h1>
<p class="meta">{n_docs} article(s) · {len(rows)} claims · {len(groups)} conflict(s) · zhkg {__version__}</p>
<ol class="nav"><li><a href="#claims">Claims</a></li><li><a href="#conflicts">Conflicts</a></li>
<li><a href="#series">Series</a></li><li><a href="#entities">Entities</a></li><li><a href="#sentences">Sentences</a></li></ol>
</header>
<section id="claims"><h2>Claims</h2>
<form class="filters" id="filters" onsubmit="return false">
<input type="search" id="q" placeholder="search subject, metric, value, article…">
<select id="f-entity"><option value="">every entity</option></select>
<select id="f-metric"><option value="">every metric</option></select>
<select id="f-period"><option value="">every period</option></select>
<label><input type="checkbox" id="f-hedged"> hedged</label>
<label><input type="checkbox" id="f-conflicts"> in conflict</label>
<button type="button" id="reset">reset</button>
<button type="button" id="csv">download CSV</button><a id="csv-link" download="zhkg-claims.csv" hidden></a>
<span id="shown"></span>
</form>
<table class="claims"><thead><tr><th>subject</th><th>metric</th><th>value</th><th>period</th><th>hedge</th>
<th>article</th><th>sentence</th></tr></thead><tbody id="rows"></tbody></table>
</section>
<section id="conflicts"><h2>Conflicts ({len(groups)})</h2>{_conflicts(groups)}</section>
<section id="series"><h2>Series ({len(series)})</h2>
<p class="note">every source's point; a period with values that differ has its points in red</p>
<div class="charts">{charts or '<p class="note">no metric has values for two periods or more</p>'}</div>{more}</section>
<section id="entities"><h2>Entities</h2><p class="note">subjects stated in the same articles; hover a node for its edges</p>
<div class="graph-box">{_graph(claims)}</div><div id="edges" class="note"></div></section>
<section id="sentences"><h2>Sentences</h2>{"".join(sent_html)}</section>
<script type="application/json" id="corpus-data">{data}</script>
<script>{_JS.replace("PAGE_ROWS", str(PAGE_ROWS))}</script>
</body>
</html>
"""


_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;
 margin:0 auto;max-width:1200px;padding:0 20px 60px;color:#222;background:#fff}
h2{border-top:3px solid #333;padding-top:.6em;margin-top:2em}
.meta,.note,figcaption,small{color:#666;font-size:.9em}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;position:sticky;top:0;background:#fff;padding:6px 0;z-index:2}
.filters input[type=search]{min-width:260px;padding:3px 6px}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #e5e5e5;padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}
tr.conflict td:nth-child(3){color:#c62828;font-weight:600}
tr.on td,p.sent.on,p.sent:target{background:#fde0ec}
p.sent{margin:.3em 0;line-height:1.8}
a.to-row{font-size:.8em;margin-left:.3em}
table.conflicts ul{margin:0;padding-left:1.2em}
.charts{display:flex;flex-wrap:wrap;gap:10px}
figure.series{margin:0;border:1px solid #ddd;border-radius:6px;padding:4px}
svg.chart text{font-size:10px;fill:#444}svg.chart text.t{font-size:11px;fill:#222}
svg.chart circle.pt{fill:#1565c0;fill-opacity:.7}svg.chart circle.pt.split{fill:#c62828}
.graph-box{border:1px solid #ddd;border-radius:6px;overflow:auto}
svg.graph{display:block;margin:auto;max-width:100%;height:auto}
svg.graph line.edge{stroke:#b0b0b0}svg.graph line.edge.hl{stroke:#c62828}
svg.graph.hover line.edge:not(.hl){stroke-opacity:.15}
svg.graph circle{fill:#aa9cfc;stroke:#555}svg.graph g.node.hl circle{stroke:#c62828;stroke-width:3}
svg.graph text{font-size:12px;paint-order:stroke;stroke:#fff;stroke-width:3px}
"""

_JS = r"""
(function(){
const D=JSON.parse(document.getElementById('corpus-data').textContent);const R=D.rows;
const $=id=>document.getElementById(id);const body=$('rows');
function fill(sel,key){const n={};R.forEach(r=>{if(r[key])n[r[key]]=(n[r[key]]||0)+1;});
 Object.keys(n).sort((a,b)=>n[b]-n[a]||a.localeCompare(b,'zh')).forEach(v=>{const o=document.createElement('option');
 o.value=v;o.textContent=v+' ('+n[v]+')';sel.appendChild(o);});}
fill($('f-entity'),'s');fill($('f-metric'),'m');fill($('f-period'),'p');
let group=-1,matched=[];
function test(r){const q=$('q').value.trim().toLowerCase();
 if($('f-entity').value&&r.s!==$('f-entity').value)return false;
 if($('f-metric').value&&r.m!==$('f-metric').value)return false;
 if($('f-period').value&&r.p!==$('f-period').value)return false;
 if($('f-hedged').checked&&!r.h)return false;
 if($('f-conflicts').checked&&r.c<0)return false;
 if(group>=0&&r.c!==group)return false;
 if(q&&![r.s,r.m,r.v,r.p,r.h,r.d,D.titles[r.d]||''].join(' ').toLowerCase().includes(q))return false;
 return true;}
function cell(tr,text){const td=document.createElement('td');td.textContent=text;tr.appendChild(td);return td;}
function row(i){const r=R[i];const tr=document.createElement('tr');tr.id='c'+i;tr.dataset.i=i;
 if(r.c>=0)tr.className='conflict';
 cell(tr,r.s);cell(tr,r.m);cell(tr,r.v);cell(tr,r.p);cell(tr,r.h);cell(tr,(D.titles[r.d]||'')+' '+r.d).title=r.d;
 const a=document.createElement('a');a.href='#s'+r.e;a.className='to-sentence';a.textContent='sentence';
 cell(tr,'').appendChild(a);return tr;}
function render(extra){matched=[];R.forEach((r,i)=>{if(test(r))matched.push(i);});
 const show=matched.slice(0,PAGE_ROWS);if(extra!==undefined&&!show.includes(extra))show.unshift(extra);
 body.replaceChildren(...show.map(row));
 $('shown').textContent=matched.length+' of '+R.length+' claims'+(matched.length>PAGE_ROWS?' (first '+PAGE_ROWS+' shown; the CSV has all)':'');}
['q','f-entity','f-metric','f-period','f-hedged','f-conflicts'].forEach(id=>['input','change'].forEach(ev=>
 $(id).addEventListener(ev,()=>{group=-1;render();})));
$('reset').addEventListener('click',()=>{$('filters').reset();group=-1;render();});
function csvq(s){s=String(s);return /[",\n]/.test(s)?'"'+s.replace(/"/g,'""')+'"':s;}
$('csv').addEventListener('click',()=>{
 const lines=['subject,metric,value,value_base,unit,period,hedge,document'];
 matched.forEach(i=>{const r=R[i];lines.push([r.s,r.m,r.v,r.n,r.u,r.p,r.h,r.d].map(csvq).join(','));});
 const a=$('csv-link');a.href='data:text/csv;charset=utf-8,'+encodeURIComponent('\ufeff'+lines.join('\n')+'\n');a.click();});
document.addEventListener('click',e=>{
 const back=e.target.closest('a.to-row');
 if(back){e.preventDefault();const i=+back.dataset.i;if(!document.getElementById('c'+i)){$('filters').reset();group=-1;render(i);}
  document.querySelectorAll('.on').forEach(x=>x.classList.remove('on'));
  const tr=$('c'+i);tr.classList.add('on');tr.scrollIntoView({block:'center'});return;}
 const to=e.target.closest('a.to-sentence');
 if(to){document.querySelectorAll('.on').forEach(x=>x.classList.remove('on'));to.closest('tr').classList.add('on');
  const p=document.querySelector(to.getAttribute('href'));if(p){e.preventDefault();p.classList.add('on');
  p.scrollIntoView({block:'center'});history.replaceState(null,'',to.getAttribute('href'));}return;}
 const k=e.target.closest('a.show-conflict');
 if(k){e.preventDefault();$('filters').reset();group=+k.dataset.k;render();$('claims').scrollIntoView();}
});
const svg=$('egraph');
if(svg){svg.addEventListener('mouseover',e=>{const g=e.target.closest('g.node');if(!g)return;const n=g.dataset.label;
 svg.classList.add('hover');g.classList.add('hl');const list=[];
 svg.querySelectorAll('line.edge').forEach(l=>{const on=l.dataset.a===n||l.dataset.b===n;l.classList.toggle('hl',on);
  if(on)list.push((l.dataset.a===n?l.dataset.b:l.dataset.a)+' ('+l.dataset.n+')');});
 $('edges').textContent=n+' — '+(list.join(', ')||'no edge');});
 svg.addEventListener('mouseout',e=>{const g=e.target.closest('g.node');if(!g)return;g.classList.remove('hl');
  svg.classList.remove('hover');svg.querySelectorAll('line.edge.hl').forEach(l=>l.classList.remove('hl'));});}
render();
})();
"""

__all__ = ["build_corpus_report", "PAGE_ROWS"]
