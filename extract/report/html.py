"""The HTML report: one self-contained page (inline CSS, JS and SVG; no network) of what was extracted.

:func:`build_report` takes Documents and returns the page, with for each article:

1. the text, entities coloured by class, every claim's number underlined (hover or click one for
   its subject, metric, value, period and change), mojibake greyed; a button switches to the raw
   text of the file, marked at the same places through the offset map of :mod:`extract.text.offsets`;
2. the claims table, grouped by subject, sortable by any column, with the evidence sentences;
3. the entity graph (:mod:`extract.report.svg`), the topic entity at the centre;

and for the whole set: each subject's metric over time as small charts, and the claims on which
articles disagree.

The marks in the text (names, claims, mojibake, the raw view) are :mod:`extract.report.marks`;
the pictures (entity graph, metric charts) are :mod:`extract.report.svg`.
"""
from __future__ import annotations

import json
from collections import defaultdict
from html import escape

from ..diff.conflicts import ConflictGroup, find_conflicts
from ..model import Claim, Document
from ..version import __version__
from .marks import article_marks, claim_span, find_mentions, raw_view, render_marked
from .svg import CLASS_COLORS, EDGE_COLORS, OTHER_COLOR, entity_graph, period_x, series_chart

# --------------------------------------------------------------------------------------------
# formatting values

_UNIT_WORDS = {"CNY": "元", "USD": "美元", "HKD": "港元", "minutes": "分钟", "hours": "小时",
               "seconds": "秒", "users": "用户", "count": "", "percent": "%"}
_CHANGE_WORDS = {"yoy": "同比", "qoq": "环比", "growth": "增长", "abs": "变化", "multiple": "倍数"}


def unit_word(unit: str) -> str:
    return unit.split(":", 1)[1] if unit.startswith("other:") else _UNIT_WORDS.get(unit, unit)


def fmt_value(value: float, unit: str, upper: float | None = None) -> str:
    """A value for people: ``2.71亿用户``, ``55%``, ``3812亿元``.

    >>> fmt_value(271000000, "users"), fmt_value(0.55, "percent"), fmt_value(381.2e9, "CNY")
    ('2.71亿用户', '55%', '3812亿元')
    """
    def num(v: float) -> str:
        if unit == "percent":
            return f"{v * 100:.4g}"
        for div, w in ((1e8, "亿"), (1e4, "万")):
            if abs(v) >= div:
                return f"{v / div:.6g}{w}"
        return f"{v:.6g}"

    s = num(value) + (f"–{num(upper)}" if upper is not None else "")
    return s + unit_word(unit)


def fmt_change(c: Claim) -> str:
    """``同比 +32%``, ``变化 +5亿元``, ``倍数 ×5``; changes joined by ``; ``."""
    out = []
    for ch in c.changes():
        w = _CHANGE_WORDS[ch.kind]
        if ch.kind == "multiple":
            out.append(f"{w} ×{ch.value:g}")
        elif ch.kind == "abs":
            out.append(f"{w} {'+' if ch.value >= 0 else ''}{fmt_value(ch.value, c.unit)}")
        else:
            out.append(f"{w} {ch.value * 100:+.4g}%")
    return "; ".join(out)


def metric_name(c: Claim) -> str:
    return c.metric_key.split(":", 1)[1] if c.metric_key else c.metric


def claim_details(c: Claim, doc: Document) -> str:
    """The claim as a small definition list (the tooltip's content)."""
    rows = [("subject", c.subject + (f" ({c.subject_text})" if c.subject_text and c.subject_text != c.subject else "")),
            ("metric", c.metric + (f" → {metric_name(c)}" if c.metric_key and metric_name(c) != c.metric else "")),
            ("value", fmt_value(c.value, c.unit, c.upper) + (f"  [{c.unit}]" if not c.unit.startswith("other:") else "")),
            ("period", c.period or "—"), ("change", fmt_change(c) or "—")]
    if c.qualifier:
        rows.append(("qualifier", c.qualifier))
    rows.append(("article", doc.id))
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in rows) + "</dl>"


# --------------------------------------------------------------------------------------------
# sections

def _article_section(doc: Document, di: int, tips: dict[str, str]) -> str:
    from ..text.split import split_sentences

    mentions = find_mentions(doc)
    taken: set[tuple[int, int]] = set()
    spans = []
    for c in doc.claims:
        s = claim_span(c, taken)
        taken.add(s)
        spans.append(s)
    for ci, c in enumerate(doc.claims):
        tips[f"d{di}c{ci}"] = claim_details(c, doc)
    norm_html = render_marked(doc.text, article_marks(doc, di, mentions, spans))
    rv = raw_view(doc)
    if rv is not None:
        raw_html = render_marked(rv.text, article_marks(doc, di, mentions, spans, rv.span))
        raw_block = (f'<div class="text raw" lang="zh" data-raw-offset="{rv.offset}">{raw_html}</div>')
        toggle = '<button type="button" class="toggle-raw">show raw text</button>'
    else:
        raw_block = ""
        toggle = '<span class="note">raw text unavailable (source file missing or changed)</span>'
    sentences = [(s.start, s.text) for s in split_sentences(doc.text, doc.mojibake)]
    graph = entity_graph(doc, mentions, sentences)
    meta = (f"{escape(doc.id)} · {escape(doc.source)} · topic <b>{escape(doc.topic or '—')}</b> · "
            f"{len(doc.entities)} entities · {len(doc.relations)} relations · {len(doc.claims)} claims · "
            f"{len(doc.mojibake)} mojibake spans")
    return f"""
<section class="article" id="d{di}">
<h2>{escape(doc.title or doc.id)}</h2>
<p class="meta">{meta}</p>
<h3>Text</h3>
<p class="controls">{toggle} {_legend()}</p>
<div class="text norm" lang="zh">{norm_html}</div>
{raw_block}
<h3>Claims ({len(doc.claims)})</h3>
{_claims_table(doc, di)}
<h3>Entity graph</h3>
<div class="graph-box">{graph or '<p class="note">no entities</p>'}</div>
<p class="legend">{_edge_legend()}</p>
</section>"""


def _legend() -> str:
    chips = "".join(f'<mark class="ent {c}">{c}</mark> ' for c in CLASS_COLORS)
    return (f'<span class="legend">{chips}<span class="claim">claim</span> '
            f'<span class="moji">mojibake</span></span>')


def _edge_legend() -> str:
    return " ".join(f'<span style="color:{col}">━ {k}</span>' for k, col in EDGE_COLORS.items()) + \
        " · circle size: mentions · thick ring: topic"


_COLUMNS = (("metric", "text"), ("value", "num"), ("period", "text"), ("change", "text"),
            ("qualifier", "text"), ("evidence", "text"))


def _claims_table(doc: Document, di: int) -> str:
    if not doc.claims:
        return '<p class="note">no claims</p>'
    groups: dict[str, list[int]] = defaultdict(list)
    for ci, c in enumerate(doc.claims):
        groups[c.subject].append(ci)
    head = "".join(f'<th data-type="{t}" title="sort">{n}</th>' for n, t in _COLUMNS)
    body = []
    for subject, idx in groups.items():
        rows = [f'<tr class="group-head"><th colspan="{len(_COLUMNS)}">{escape(subject)} '
                f'<span class="n">({len(idx)})</span></th></tr>']
        for ci in idx:
            c = doc.claims[ci]
            ev = escape(c.evidence.text, quote=False)
            if c.surface and c.surface in c.evidence.text:
                ev = ev.replace(escape(c.surface, quote=False), f"<b>{escape(c.surface, quote=False)}</b>", 1)
            rows.append(
                f'<tr data-claim="d{di}c{ci}"><td>{escape(metric_name(c))}'
                f'{"" if metric_name(c) == c.metric else f"<br><small>{escape(c.metric)}</small>"}</td>'
                f'<td data-sort="{c.value!r}">{escape(fmt_value(c.value, c.unit, c.upper))}</td>'
                f'<td data-sort="{period_x(c.period)[0] if c.period and period_x(c.period) else ""}">{escape(c.period or "")}</td>'
                f'<td>{escape(fmt_change(c))}</td><td>{escape(c.qualifier or "")}</td>'
                f'<td class="ev">{ev}</td></tr>')
        body.append(f'<tbody class="group">{"".join(rows)}</tbody>')
    return f'<table class="claims sortable"><thead><tr>{head}</tr></thead>{"".join(body)}</table>'


def series(docs: list[Document]) -> dict[tuple[str, str, str], list[tuple[str, float, str]]]:
    """Each (subject, metric, unit)'s values over time: (period, value, article id), one value
    per period (the first stated), bare changes left out; only series of two periods or more."""
    out: dict[tuple[str, str, str], dict[str, tuple[float, str]]] = defaultdict(dict)
    for d in docs:
        for c in d.claims:
            if c.period and period_x(c.period) and not c.is_change_claim():
                gran = period_x(c.period)[1]
                key = (c.subject, metric_name(c), c.unit + ("" if gran in ("quarter", "half", "month") else "/year"))
                out[key].setdefault(c.period, (c.value, d.id))
    return {k: [(p, v, i) for p, (v, i) in sorted(pts.items(), key=lambda t: period_x(t[0])[0])]
            for k, pts in out.items() if len(pts) >= 2}


def conflicts(docs: list[Document]) -> list[ConflictGroup]:
    """The (subject, metric, period) slots on which articles disagree, by diff's rule
    (:func:`extract.diff.conflicts.find_conflicts`): the report and ``zhkg diff`` give one answer."""
    return find_conflicts(docs)


def _corpus_section(docs: list[Document]) -> str:
    ser = series(docs)
    charts = []
    for (subject, metric, unit), pts in sorted(ser.items()):
        u = unit.split("/")[0]
        svg = series_chart(f"{subject} · {metric}", [(p, v) for p, v, _ in pts], u, unit_word(u))
        src = ", ".join(sorted({i for _, _, i in pts}))
        charts.append(f'<figure class="series">{svg}<figcaption>{escape(src)}</figcaption></figure>')
    rows = []
    for k in conflicts(docs):
        vals = "".join(f"<li><b>{escape(v)}</b> — {len(ds)} article(s): {escape(', '.join(ds))}</li>"
                       for v, _, ds in k.values())
        rows.append(f"<tr><td>{escape(k.subject)}</td><td>{escape(k.metric)}</td><td>{escape(k.period)}</td>"
                    f"<td><ul>{vals}</ul></td></tr>")
    conf = (f'<table class="conflicts"><thead><tr><th>subject</th><th>metric</th><th>period</th>'
            f'<th>values, by article</th></tr></thead><tbody>{"".join(rows)}</tbody></table>' if rows
            else f'<p class="note">no conflicts: no two of the {len(docs)} article(s) give different values '
                 f'for one subject, metric and period</p>')
    return f"""
<section class="corpus" id="corpus">
<h2>Across the articles</h2>
<h3>Metrics over time ({len(charts)})</h3>
<div class="charts">{"".join(charts) or '<p class="note">no metric has values for two periods or more</p>'}</div>
<h3>Conflicts ({len(rows)})</h3>
{conf}
</section>"""


# --------------------------------------------------------------------------------------------
# the page

def page_head(title: str, css: str) -> str:
    """The head of a self-contained zhkg page (``title`` already escaped), shared by the article
    report and the corpus report."""
    return f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zhkg {__version__}">
<title>{title}</title>
<style>{css}</style>
</head>"""


def build_report(docs: list[Document]) -> str:
    """The report of ``docs`` as one self-contained HTML page (a string)."""
    tips: dict[str, str] = {}
    articles = "".join(_article_section(d, i, tips) for i, d in enumerate(docs))
    corpus = _corpus_section(docs)
    nav = "".join(f'<li><a href="#d{i}">{escape(d.title or d.id)}</a> <small>{escape(d.id)}</small></li>'
                  for i, d in enumerate(docs))
    data = json.dumps(tips, ensure_ascii=False).replace("</", "<\\/")
    n_claims = sum(len(d.claims) for d in docs)
    ent_css = f"mark.ent{{background:{OTHER_COLOR}}}" + \
        "".join(f".ent.{c}{{background:{col}}}" for c, col in CLASS_COLORS.items())
    title = escape(docs[0].title if len(docs) == 1 else f'{len(docs)} articles') if docs else 'empty'
    return page_head(f"zhkg report: {title}", _CSS + ent_css) + f"""
<body>
<header><h1>zhkg report</h1>
<p class="meta">{len(docs)} article(s) · {n_claims} claims · zhkg {__version__}</p>
<ol class="nav">{nav}<li><a href="#corpus">Across the articles</a></li></ol></header>
{articles}
{corpus}
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="claim-data">{data}</script>
<script>{_JS}</script>
</body>
</html>
"""


_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;
 margin:0 auto;max-width:1100px;padding:0 20px 60px;color:#222;background:#fff}
h1{margin:.6em 0 .2em}h2{border-top:3px solid #333;padding-top:.6em;margin-top:2em}
h3{margin:1.4em 0 .5em;color:#444}
.meta,.note,figcaption,small{color:#666;font-size:.9em}
.nav{font-size:.95em}
.text{white-space:pre-wrap;line-height:2.1;font-size:16px;border:1px solid #ddd;border-radius:6px;
 padding:14px 18px;max-height:70vh;overflow:auto}
.raw{display:none;font-family:monospace;background:#fbfbf6}
.show-raw .raw{display:block}.show-raw .norm{display:none}
mark.ent{padding:.1em .25em;border-radius:.3em;color:#000;line-height:1}
.claim{border-bottom:3px solid #d81b60;cursor:pointer;padding-bottom:1px;font-weight:600}
.claim:hover,.claim:focus,.claim.on{background:#fde0ec;outline:none}
.moji{color:#aaa;background:#eee;text-decoration:line-through;text-decoration-color:#ccc}
.legend{font-size:.85em;margin-left:1em}.legend mark,.legend span{margin-right:.3em}
button.toggle-raw{font:inherit;padding:.2em .8em;cursor:pointer}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #e5e5e5;padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:#f3f3f3;cursor:pointer;user-select:none;position:sticky;top:0}
thead th.asc::after{content:" ▲"}thead th.desc::after{content:" ▼"}
tr.group-head th{background:#eef4fb;font-size:1.02em}
td.ev,.ev{color:#444;max-width:520px}td.ev b{color:#d81b60}
tr.on td{background:#fde0ec}
.graph-box{border:1px solid #ddd;border-radius:6px;overflow:auto}
svg.graph{display:block;margin:auto;max-width:100%;height:auto}
svg.graph text{font-size:13px;paint-order:stroke;stroke:#fff;stroke-width:3px}
svg.graph text.edge-label{font-size:11px}
.charts{display:flex;flex-wrap:wrap;gap:10px}
figure.series{margin:0;border:1px solid #ddd;border-radius:6px;padding:4px}
figure.series svg{width:320px;height:auto;display:block}
table.conflicts ul{margin:0;padding-left:1.2em}
#tip{position:absolute;z-index:10;background:#fff;border:1px solid #999;border-radius:6px;
 box-shadow:0 3px 12px rgba(0,0,0,.2);padding:6px 10px;font-size:13px;max-width:360px}
#tip dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}#tip dt{color:#777}#tip dd{margin:0}
"""

_JS = """
(function(){
const data=JSON.parse(document.getElementById('claim-data').textContent);
const tip=document.getElementById('tip');let pinned=null;
function show(el){const k=el.dataset.claim;if(!data[k])return;tip.innerHTML=data[k];tip.hidden=false;
 const r=el.getBoundingClientRect();tip.style.left=(window.scrollX+Math.max(4,Math.min(r.left,innerWidth-370)))+'px';
 tip.style.top=(window.scrollY+r.bottom+6)+'px';}
function hide(){if(!pinned)tip.hidden=true;}
document.addEventListener('mouseover',e=>{const el=e.target.closest('.text .claim');if(el)show(el);});
document.addEventListener('mouseout',e=>{if(e.target.closest('.text .claim'))hide();});
document.addEventListener('click',e=>{
 const b=e.target.closest('button.toggle-raw');
 if(b){const s=b.closest('section');s.classList.toggle('show-raw');
  b.textContent=s.classList.contains('show-raw')?'show normalized text':'show raw text';return;}
 const el=e.target.closest('.text .claim');
 document.querySelectorAll('.on').forEach(x=>x.classList.remove('on'));
 if(el){pinned=el;show(el);el.classList.add('on');
  const row=document.querySelector('tr[data-claim="'+el.dataset.claim+'"]');if(row)row.classList.add('on');}
 else if(!e.target.closest('#tip')){pinned=null;tip.hidden=true;}
});
document.querySelectorAll('table.sortable thead th').forEach((th,col)=>{
 th.addEventListener('click',()=>{
  const table=th.closest('table');const asc=!th.classList.contains('asc');
  table.querySelectorAll('thead th').forEach(x=>x.classList.remove('asc','desc'));
  th.classList.add(asc?'asc':'desc');const num=th.dataset.type==='num';
  const key=tr=>{const td=tr.children[col];const v=td.dataset.sort!==undefined?td.dataset.sort:td.textContent;
   return num||td.dataset.sort!==undefined?(v===''?Infinity:parseFloat(v)):v;};
  table.querySelectorAll('tbody.group').forEach(g=>{
   const rows=[...g.querySelectorAll('tr:not(.group-head)')];
   rows.sort((a,b)=>{const x=key(a),y=key(b);const c=typeof x==='number'?x-y:String(x).localeCompare(String(y),'zh');
    return asc?c:-c;});rows.forEach(r=>g.appendChild(r));});
 });
});
})();
"""
