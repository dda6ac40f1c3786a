"""SHACL: a small valid graph conforms; each shape fires on a deliberately broken copy; the CLI."""
from __future__ import annotations

import pytest
from decimal import Decimal

from rdflib import Graph, Literal

from extract.cli import main
from extract.errors import InputError
from extract.graph.validate import validate_files, validate_graph
from extract.graph.vocab import ORG, PROV, RDF, SKOS, ZHKG, ZHKGD, unit_iri

D, CLAIM, EV, CH, P = ZHKGD["doc/a#1"], ZHKGD["claim/1"], ZHKGD["evidence/1"], ZHKGD["change/1"], ZHKGD["period/2020Q4"]
APP, CO, PER, ROLE, MET, RATE = (ZHKGD["platform/快手"], ZHKGD["company/快手科技"], ZHKGD["person/程一笑"],
                                 ZHKGD["role/1"], ZHKGD["metric/日活跃用户"], ZHKGD["metric/毛利率"])


def good_graph() -> Graph:
    """A document, one claim with evidence, period and change, a rate claim, entities and a role."""
    g = Graph()
    t = g.add
    t((D, RDF.type, ZHKG.Document)); t((D, ZHKG.docId, Literal("a#1")))
    t((APP, RDF.type, ZHKG.Platform)); t((APP, SKOS.prefLabel, Literal("快手", lang="zh")))
    t((APP, SKOS.altLabel, Literal("快手APP", lang="zh")))
    t((CO, RDF.type, ZHKG.Company)); t((CO, SKOS.prefLabel, Literal("快手科技", lang="zh")))
    t((CO, ZHKG.operates, APP))
    t((PER, RDF.type, ZHKG.Person)); t((PER, SKOS.prefLabel, Literal("程一笑", lang="zh")))
    t((ROLE, RDF.type, ZHKG.Role)); t((ROLE, ORG.member, PER)); t((ROLE, ORG.organization, CO))
    t((ROLE, ORG.role, ZHKGD["roletype/联合创始人"]))
    for m, label, kind in ((MET, "日活跃用户", "users"), (RATE, "毛利率", "percent")):
        t((m, RDF.type, ZHKG.Metric)); t((m, SKOS.prefLabel, Literal(label, lang="zh")))
        t((m, ZHKG.unitKind, Literal(kind)))
    t((P, RDF.type, ZHKG.Period)); t((P, ZHKG.periodCode, Literal("2020Q4")))
    t((EV, RDF.type, ZHKG.Evidence)); t((EV, ZHKG.inDocument, D))
    t((EV, ZHKG.text, Literal("快手APP平均DAU 2.71亿,同比增长32%")))
    t((EV, ZHKG.rawStart, Literal(10))); t((EV, ZHKG.rawEnd, Literal(30)))
    t((EV, ZHKG.start, Literal(8))); t((EV, ZHKG.end, Literal(28)))
    t((CLAIM, RDF.type, ZHKG.Claim)); t((CLAIM, ZHKG.subject, APP)); t((CLAIM, ZHKG.metric, MET))
    t((CLAIM, ZHKG.value, Literal(Decimal("271000000")))); t((CLAIM, ZHKG.unit, unit_iri("users")))
    t((CLAIM, ZHKG.period, P)); t((CLAIM, PROV.wasDerivedFrom, EV)); t((CLAIM, ZHKG.change, CH))
    t((CLAIM, ZHKG.confidence, Literal(0.9)))
    t((CH, RDF.type, ZHKG.Change)); t((CH, ZHKG.changeKind, Literal("yoy"))); t((CH, ZHKG.value, Literal(0.32)))
    rate = ZHKGD["claim/2"]
    t((rate, RDF.type, ZHKG.Claim)); t((rate, ZHKG.subject, CO)); t((rate, ZHKG.metric, RATE))
    t((rate, ZHKG.value, Literal(0.4))); t((rate, ZHKG.unit, unit_iri("percent")))
    t((rate, PROV.wasDerivedFrom, EV))
    other = ZHKGD["claim/3"]  # a bare change claim on a rate may exceed 1; other:套 is in the unit list
    ch3 = ZHKGD["change/3"]
    t((other, RDF.type, ZHKG.Claim)); t((other, RDF.type, ZHKG.ChangeClaim))
    t((other, ZHKG.subject, CO)); t((other, ZHKG.metric, RATE))
    t((other, ZHKG.value, Literal(1.5))); t((other, ZHKG.unit, unit_iri("percent")))
    t((other, PROV.wasDerivedFrom, EV)); t((other, ZHKG.change, ch3))
    t((ch3, RDF.type, ZHKG.Change)); t((ch3, ZHKG.changeKind, Literal("growth"))); t((ch3, ZHKG.value, Literal(1.5)))
    return g


def _set(s, p, o):
    def f(g):
        g.set((s, p, o))
    return f


def _add(s, p, o):
    return lambda g: g.add((s, p, o))


def _drop(s, p):
    return lambda g: g.remove((s, p, None))


# (id, how to break the good graph, focus node expected, message fragment expected)
BROKEN = [
    ("no-subject", _drop(CLAIM, ZHKG.subject), CLAIM, "exactly one subject"),
    ("two-subjects", _add(CLAIM, ZHKG.subject, CO), CLAIM, "exactly one subject"),
    ("subject-is-metric", _set(CLAIM, ZHKG.subject, MET), CLAIM, "exactly one subject"),
    ("no-metric", _drop(CLAIM, ZHKG.metric), CLAIM, "exactly one metric"),
    ("metric-not-a-metric", _set(CLAIM, ZHKG.metric, APP), CLAIM, "exactly one metric"),
    ("no-value", _drop(CLAIM, ZHKG.value), CLAIM, "numeric value"),
    ("value-is-text", _set(CLAIM, ZHKG.value, Literal("2.71亿")), CLAIM, "numeric value"),
    ("two-values", _add(CLAIM, ZHKG.value, Literal(1)), CLAIM, "numeric value"),
    ("unit-outside-list", _set(CLAIM, ZHKG.unit, ZHKGD["unit/EUR"]), CLAIM, "unit from the unit list"),
    ("no-unit", _drop(CLAIM, ZHKG.unit), CLAIM, "unit from the unit list"),
    ("two-periods", _add(CLAIM, ZHKG.period, ZHKGD["period/2020"]), CLAIM, "at most one period"),
    ("no-evidence", _drop(CLAIM, PROV.wasDerivedFrom), CLAIM, "at least one evidence"),
    ("confidence-above-1", _set(CLAIM, ZHKG.confidence, Literal(1.5)), CLAIM, "confidence"),
    ("no-raw-start", _drop(EV, ZHKG.rawStart), EV, "raw start"),
    ("raw-start-after-end", _set(EV, ZHKG.rawStart, Literal(40)), EV, "before its raw end"),
    ("raw-start-not-integer", _set(EV, ZHKG.rawStart, Literal("10")), EV, "raw start"),
    ("evidence-blank-text", _set(EV, ZHKG.text, Literal("  ")), EV, "non-blank text"),
    ("evidence-no-document", _drop(EV, ZHKG.inDocument), EV, "exactly one zhkg:Document"),
    ("role-without-person", _drop(ROLE, ORG.member), ROLE, "zhkg:Person"),
    ("role-member-is-company", _set(ROLE, ORG.member, CO), ROLE, "zhkg:Person"),
    ("role-org-is-person", _set(ROLE, ORG.organization, PER), ROLE, "zhkg:Organization"),
    ("blank-label", _set(APP, SKOS.prefLabel, Literal(" ")), APP, "prefLabel"),
    ("no-label", _drop(PER, SKOS.prefLabel), PER, "prefLabel"),
    ("blank-alias", _add(APP, SKOS.altLabel, Literal("")), APP, "altLabel"),
    ("share-above-1", _set(ZHKGD["claim/2"], ZHKG.value, Literal(40)), ZHKGD["claim/2"], "above 1"),
    ("change-below-minus-1", _set(CH, ZHKG.value, Literal(-1.2)), CH, "below -1"),
    ("change-kind-unknown", _set(CH, ZHKG.changeKind, Literal("mom")), CH, "kind"),
    ("multiple-not-positive", lambda g: (g.set((CH, ZHKG.changeKind, Literal("multiple"))),
                                         g.set((CH, ZHKG.value, Literal(0)))), CH, "multiple"),
    ("period-2020Q5", _set(P, ZHKG.periodCode, Literal("2020Q5")), P, "period has exactly one code"),
    ("period-span-backwards", _set(P, ZHKG.periodCode, Literal("2023-13/2023-01")), P, "period has exactly one code"),
    ("period-span-asof", _set(P, ZHKG.periodCode, Literal("asof:2023-01/2023-09")), P, "period has exactly one code"),
    ("metric-unit-kind", _set(MET, ZHKG.unitKind, Literal("people")), MET, "unit kind"),
    ("document-no-id", _drop(D, ZHKG.docId), D, "non-blank id"),
]


def test_good_graph_conforms():
    report = validate_graph(good_graph())
    assert report.conforms, [str(v) for v in report.violations]
    assert report.violations == []


def test_segment_subject_conforms():
    """A claim about a group no name denotes (52.8%的广告主): its subject is a zhkg:Segment."""
    g = good_graph()
    seg = ZHKGD["segment/广告主"]
    g.add((seg, RDF.type, ZHKG.Segment))
    g.add((seg, SKOS.prefLabel, Literal("广告主", lang="zh")))
    g.set((CLAIM, ZHKG.subject, seg))
    report = validate_graph(g)
    assert report.conforms, [str(v) for v in report.violations]


def test_span_of_months_conforms():
    """前三季度 is the span 2023-01/2023-09 (ISO 8601 interval of months): a valid period code."""
    g = good_graph()
    g.set((P, ZHKG.periodCode, Literal("2023-01/2023-09")))
    report = validate_graph(g)
    assert report.conforms, [str(v) for v in report.violations]


def test_a_compound_unit_conforms_and_reads_back():
    """翻台率4.1次/天: a unit word with a slash is one IRI segment (other/次%2F天), valid, and read
    back from the graph as the contract's other:次/天."""
    from extract.diff.sides import _unit

    g = good_graph()
    g.set((CLAIM, ZHKG.unit, unit_iri("other:次/天")))
    report = validate_graph(g)
    assert report.conforms, [str(v) for v in report.violations]
    assert _unit(unit_iri("other:次/天")) == "other:次/天"


def test_a_change_below_minus_one_to_a_level_below_zero_conforms():
    """A profit turned to a loss (-2.1亿元, 同比-156.3%) falls by more than 100%: valid when the level
    is below zero (change-below-minus-1 above: not when it is above)."""
    g = good_graph()
    g.set((CLAIM, ZHKG.value, Literal(Decimal("-210000000"))))
    g.set((CH, ZHKG.value, Literal(-1.563)))
    report = validate_graph(g)
    assert not [v for v in report.violations if "below -1" in v.message], [str(v) for v in report.violations]


@pytest.mark.parametrize("name, breaker, focus, fragment", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_shape_fires(name, breaker, focus, fragment):
    g = good_graph()
    breaker(g)
    report = validate_graph(g)
    assert not report.conforms
    hits = [v for v in report.violations if v.focus.endswith(str(focus).rsplit("/", 1)[-1]) and fragment in v.message]
    assert hits, [str(v) for v in report.violations]
    assert all(v.severity == "Violation" for v in hits)


def test_negative_share_is_only_a_warning():
    g = good_graph()
    g.set((ZHKGD["claim/2"], ZHKG.value, Literal(-0.2)))  # a negative margin happens
    report = validate_graph(g)
    assert report.conforms
    assert [v.severity for v in report.violations] == ["Warning"]
    assert "below 0" in report.violations[0].message


def test_quote_and_conflict_shapes():
    g = good_graph()
    q, c = ZHKGD["quote/1"], ZHKGD["conflict/1"]
    g.add((q, RDF.type, ZHKG.Quote)); g.add((q, ZHKG.speaker, CO)); g.add((q, ZHKG.text, Literal("我们")))
    g.add((c, RDF.type, ZHKG.Conflict)); g.add((c, ZHKG.conflictClaim, CLAIM))
    msgs = {v.message for v in validate_graph(g).violations}
    assert any("speaker" in m for m in msgs) and any("at least one evidence" in m for m in msgs)
    assert any("at least two" in m for m in msgs)


def test_validate_files_formats(tmp_path):
    g = good_graph()
    for ext, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
        p = tmp_path / f"g{ext}"
        g.serialize(p, format=fmt)
        assert validate_files([p]).conforms, ext


def test_validate_files_bad_input(tmp_path):
    p = tmp_path / "bad.ttl"
    p.write_text("this is not turtle .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        validate_files([p])
    csv = tmp_path / "x.csv"  # the syntax is told from the content, not the name (issue 19)
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="x.csv: not RDF"):
        validate_files([csv])
    with pytest.raises(InputError, match="no such graph file"):
        validate_files([tmp_path / "missing.ttl"])


def test_cli_validate(tmp_path, capsys):
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good_graph().serialize(good, format="turtle")
    g = good_graph()
    g.remove((CLAIM, ZHKG.metric, None))
    g.serialize(bad, format="turtle")
    assert main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr()
    assert "zhkgd:claim/1" in out.out or "claim/1" in out.out
    assert "zhkg:metric" in out.out and "exactly one metric" in out.out
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2


def test_cli_validate_help(capsys):
    assert main(["validate", "--help"]) == 0
    assert "Example: zhkg validate" in capsys.readouterr().out


# ---- SHACL during extraction: violating claims are left out and listed; --strict fails the run

ARTICLE = "星河科技2023年毛利率达150%,营收同比增长12%,达到30亿元。\n"


def test_extract_leaves_out_violating_claims(tmp_path, capsys):
    import json

    from extract.cli import main

    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "a.jsonl"
    assert main(["extract", str(src), "--ner", "fast", "--jobs", "1", "-o", str(out)]) == 0
    claims = [r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()) if r["kind"] == "claim"]
    assert [c["value"] for c in claims] == [3000000000.0]  # the 150% gross margin is left out
    assert "left out: SHACL:" in capsys.readouterr().err
    # without the check the claim is written
    assert main(["extract", str(src), "--ner", "fast", "--jobs", "1", "--no-shacl", "-o", str(out)]) == 0
    assert 1.5 in [r.get("value") for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())]


def test_extract_strict_fails_without_output(tmp_path, capsys):
    from extract.cli import main

    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "a.ttl"
    assert main(["extract", str(src), "--ner", "fast", "--jobs", "1", "--strict", "-o", str(out)]) == 1
    assert "SHACL violation" in capsys.readouterr().err
    assert not out.exists()
