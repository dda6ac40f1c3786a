"""Benchmark: load time and latency of every saved query, Oxigraph store vs rdflib in memory.

Not a test: it prints figures. Two data sets:

* ``sample``: the extraction of ``corpus/kuaishou-2020.txt``;
* ``synthetic``: N articles (default 10,000) generated from sentence templates with varied
  companies, metrics (from the metric lexicon), periods, hedges and values. Each template knows the
  claim it states, so the Documents are built directly (running the NLP pipeline over 10,000
  articles would measure extraction, not the store). About one statement in eight repeats a figure
  another article gave with a different value, so the disagreement query has work to do.

    .venv/bin/python bench/bench_store.py                 # N = 10000
    .venv/bin/python bench/bench_store.py -n 300 1000 10000 --repeat 5

rdflib's in-memory engine is slow on large graphs: above ``--rdflib-max`` articles (default 300)
it is skipped. Queries on the store go through :func:`extract.graph.query.run_query`, as ``zhkg query``
runs them (parameters bound, results converted to rdflib terms).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.nlp.lexicon import load_lexicon  # noqa: E402
from extract.model import Change, Claim, Document, Entity, Evidence, Relation  # noqa: E402

HEADS = "星云 蓝海 云图 快达 天穹 极光 青禾 长风 金桥 银河 微光 远航 晨曦 万象 北辰 锦程 朗月 飞鸿 若水 鼎新".split()
TAILS = "科技 网络 电商 智能 传媒 数据 互娱 金融".split()
PROGRAMS = "补贴计划 创作者扶持计划 会员日 好物节 直播季 新星计划".split()
ROLES = "首席执行官 联合创始人 首席财务官 总裁".split()
SURNAMES = "王 李 张 刘 陈 杨 黄 赵 周 吴".split()
GIVEN = "伟 芳 娜 敏 静 磊 洋 勇 艳 杰 军 涛".split()
UNITS = {"users": "users", "money": "CNY", "percent": "percent", "minutes": "minutes", "count": "count",
         "ratio": "percent"}
HEDGES = [None] * 6 + ["约", "超过", "近", "突破"]


def _periods() -> list[tuple[str, str]]:
    out = []
    for y in range(2015, 2025):
        out.append((str(y), f"{y}年"))
        out += [(f"{y}Q{q}", f"{y}年第{'一二三四'[q - 1]}季度") for q in range(1, 5)]
        out += [(f"{y}H1", f"{y}年上半年")]
    return out


def _value(unit: str, rng: random.Random) -> tuple[float, str]:
    if unit == "percent":
        v = round(rng.uniform(0.01, 0.95), 3)
        return v, f"{v * 100:g}%"
    if unit == "minutes":
        v = round(rng.uniform(10, 150), 1)
        return v, f"{v:g}分钟"
    if unit == "CNY":
        yi = round(rng.uniform(1, 5000), 1)
        return yi * 1e8, f"{yi:g}亿元"
    wan = rng.randint(10, 90000)
    return wan * 1e4, f"{wan}万"


def synthetic(n: int, seed: int = 7) -> list[Document]:
    """``n`` articles of 3-8 template sentences each; deterministic for a seed."""
    rng = random.Random(seed)
    companies = [h + t for h in HEADS for t in TAILS]  # 160
    metrics = [m for m in load_lexicon().metrics if m.unit_kind in UNITS]
    periods = _periods()
    stated: dict[tuple, tuple[float, str]] = {}
    docs = []
    for i in range(n):
        company = rng.choice(companies)
        others = rng.sample(companies, 2)
        sentences, claims = [], []
        offset = 0
        for _ in range(rng.randint(3, 8)):
            subject = company if rng.random() < 0.7 else rng.choice(others)
            m = rng.choice(metrics)
            unit = UNITS[m.unit_kind]
            code, ptext = rng.choice(periods)
            key = (subject, m.label, code)
            if key in stated and rng.random() < 0.85:
                value, vtext = stated[key]  # the same figure reported again
            else:
                value, vtext = _value(unit, rng)
                stated.setdefault(key, (value, vtext))
            hedge = rng.choice(HEDGES)
            change = None
            if rng.random() < 0.5:
                pct = round(rng.uniform(-0.4, 2.0), 3)
                change = Change(kind=rng.choice(["yoy", "qoq"]), value=pct)
                text = f"{ptext},{subject}{m.label}{hedge or ''}{vtext},同比增长{pct * 100:g}%。"
            else:
                text = f"据财报,{subject}在{ptext}的{m.label}{'为' if not hedge else hedge}{vtext}。"
            ev = Evidence(text=text, start=offset, end=offset + len(text), raw_start=offset,
                          raw_end=offset + len(text))
            claims.append(Claim(subject=subject, subject_cls="Company", metric=m.label, metric_key=m.key,
                                value=value, unit=unit, period=code, qualifier=hedge, change=change,
                                evidence=ev, surface=vtext))
            sentences.append(text)
            offset += len(text) + 1
        person = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        program = company[:2] + rng.choice(PROGRAMS)
        subjects = sorted({c.subject for c in claims})
        entities = [Entity(cls="Company", label=s) for s in subjects]
        entities += [Entity(cls="Person", label=person), Entity(cls="Program", label=program)]
        relations = [Relation(kind="role", source=person, target=company, role=rng.choice(ROLES)),
                     Relation(kind="launched", source=company, target=program)]
        if company not in subjects:
            entities.append(Entity(cls="Company", label=company))
        docs.append(Document(id=f"synthetic-{i:05d}#1", title=f"{company}业绩", source=f"synthetic/{i:05d}.txt",
                             sha256=f"{i:064x}", text="\n".join(sentences), entities=entities,
                             claims=claims, relations=relations))
    return docs


def params_for(docs: list[Document]) -> dict[str, dict[str, str]]:
    """Parameters that hit data: the most frequent subject, its most frequent metric and period."""
    from collections import Counter

    cs = [c for d in docs for c in d.claims]
    subject = Counter(c.subject for c in cs).most_common(1)[0][0]
    metric = Counter(c.metric_key.split(":", 1)[1] if c.metric_key else c.metric
                     for c in cs if c.subject == subject).most_common(1)[0][0]
    period = Counter(c.period for c in cs if c.period).most_common(1)[0][0]
    qpd = Counter(c.period for c in cs if c.period and "Q" in c.period).most_common(1)
    role_org = next((r.target for d in docs for r in d.relations if r.kind == "role"), subject)
    launcher = next((r.source for d in docs for r in d.relations if r.kind == "launched"), subject)
    hedge = next((c.qualifier for c in cs if c.qualifier), "约")
    return {"claims-about": {"entity": subject}, "metric-series": {"subject": subject, "metric": metric},
            "changes-above": {"threshold": "0.3"}, "claims-by-period": {"period": period},
            "people-roles": {"org": role_org}, "platform-programs": {"platform": launcher},
            "claim-evidence": {"subject": subject, "metric": metric}, "conflicting-claims": {"subject": subject},
            "top-entities": {}, "hedged-claims": {"qualifier": hedge},
            "metric-ranking": {"metric": metric, "period": qpd[0][0] if qpd else period}}


def _time(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def bench(label: str, docs: list[Document], repeat: int, with_rdflib: bool, at_rest: bool = False) -> None:
    from extract.graph.query import list_queries, run_query
    from extract.graph.rdf import to_dataset
    from extract.graph.store import open_store

    triples = sum(len(g) for g in to_dataset(docs[:50]).graphs()) * len(docs) / min(len(docs), 50)
    print(f"\n== {label}: {len(docs)} articles, {sum(len(d.claims) for d in docs)} claims, ~{triples:,.0f} triples")
    params = params_for(docs)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        st = open_store(Path(tmp) / "kg", create=True)
        st.add(docs)
        ox_load = time.perf_counter() - t
        mem = None
        if with_rdflib:
            t = time.perf_counter()
            mem = to_dataset(docs)
            mem.default_union = True
            mem_load = time.perf_counter() - t
        print(f"load: oxigraph {ox_load:.2f} s (models -> RDF -> store, {st.stats()['triples']:,} triples)"
              + (f"; rdflib in memory {mem_load:.2f} s (models -> RDF)" if mem is not None else "; rdflib skipped"))
        if at_rest:  # as a user meets it: reopened, not right after the bulk load (compaction running)
            st.close()
            time.sleep(5)
            st = open_store(Path(tmp) / "kg")
            print("queries on the store reopened at rest")
        print(f"{'query':<20} {'rows':>6} {'oxigraph ms':>12} {'rdflib ms':>11}  params")
        worst = 0.0
        for q in list_queries():
            p = {k: v for k, v in params.get(q.name, {}).items() if k in q.params}
            run_query(st, q, p)  # warm
            ox_t, res = _time(lambda: run_query(st, q, p), repeat)
            worst = max(worst, ox_t)
            mem_ms = ""
            if mem is not None:
                mem_t, _ = _time(lambda: run_query(mem, q, p), 1 if len(docs) > 1000 else repeat)
                mem_ms = f"{mem_t * 1000:.1f}"
            print(f"{q.name:<20} {len(res.rows):>6} {ox_t * 1000:>12.1f} {mem_ms:>11}  {p}")
        print(f"slowest saved query on oxigraph: {worst * 1000:.1f} ms")
        # issue 20: the disagreements of every subject, one row each, a page and the whole answer
        for p in ({}, {"limit": "all"}):
            ox_t, res = _time(lambda: run_query(st, "conflicting-claims", p), repeat)
            print(f"conflicting-claims without a subject {p or '(first page)'}: {len(res.rows)} rows, "
                  f"{ox_t * 1000:.1f} ms on oxigraph")
        st.close()
        # issue 20: the corpus report built from the store (zhkg report --store), read-only
        from extract.diff.sides import claims_from_store
        from extract.report.corpus import build_corpus_report

        t = time.perf_counter()
        claims, titles = claims_from_store(Path(tmp) / "kg")
        t_read = time.perf_counter() - t
        page = build_corpus_report(claims, titles)
        print(f"corpus report from the store: {time.perf_counter() - t:.1f} s (reading the claims {t_read:.1f} s), "
              f"{len(page.encode()) / 1e6:.1f} MB, {len(claims)} claims")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, nargs="+", default=[10000], help="synthetic store sizes in articles (default 10000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query; the median is shown")
    ap.add_argument("--rdflib-max", type=int, default=300,
                    help="skip rdflib in memory above this many articles (default 300: it needs ~10 s for "
                         "top-entities at 300 and minutes beyond)")
    ap.add_argument("--no-sample", action="store_true", help="skip the sample article")
    ap.add_argument("--at-rest", action="store_true",
                    help="time the queries on the store closed and reopened after the load, as a user meets it "
                         "(right after a bulk load, compaction competes for the cores)")
    a = ap.parse_args()
    if not a.no_sample:
        from extract import extract_file

        t = time.perf_counter()
        try:
            docs = extract_file(ROOT / "corpus" / "kuaishou-2020.txt")
            label = "sample (corpus/kuaishou-2020.txt)"
            print(f"extraction of the sample: {time.perf_counter() - t:.1f} s")
        except Exception as e:  # extraction broken: the hand-built sample of the tests instead
            sys.path.insert(0, str(ROOT / "tests"))
            from sample_docs import sample_docs

            docs, label = sample_docs(), "sample (hand-built, tests/sample_docs.py)"
            print(f"extraction of the sample failed ({type(e).__name__}); using the tests' hand-built sample")
        bench(label, docs, a.repeat, True)
    for n in a.n:
        t = time.perf_counter()
        docs = synthetic(n)
        print(f"\ngenerated {n} synthetic articles in {time.perf_counter() - t:.1f} s")
        bench(f"synthetic N={n}", docs, a.repeat, n <= a.rdflib_max, a.at_rest)


if __name__ == "__main__":
    main()
