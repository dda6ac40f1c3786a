"""End to end: the sample against the brief written for testing (corpus/README.md) — exactly the
changed figure conflicts; the restated ones are the same."""
from pathlib import Path

from extract import extract_file
from extract.diff.align import diff_documents

ROOT = Path(__file__).resolve().parent.parent


def test_sample_and_brief_conflict_only_on_the_changed_figure():
    a = extract_file(ROOT / "corpus" / "kuaishou-2020.txt", ner="fast")
    b = extract_file(ROOT / "corpus" / "kuaishou-2020-brief.txt", ner="fast")
    res = diff_documents(a, b)
    conflicts = [(p.a.claim.value, p.b.claim.value) for p in res.conflicting]
    assert conflicts == [(381200000000.0, 382100000000.0)]  # GMV 2020: 3812亿元 vs 3821亿元
    same = sorted(p.a.claim.value for p in res.same)
    for v in (271000000.0, 476000000.0, 21900000000.0, 59600000000.0):  # DAU, MAU, 线上营销服务收入, GMV 2019
        assert v in same
    only_b = sorted(p.b.claim.value for p in res.only_b)
    assert 58780000000.0 in only_b and 33200000000.0 in only_b  # 总收入, 直播收入: only the brief states them
