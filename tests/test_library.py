"""The library does every command in one documented call (issue 19, point 15): the answers are
those of the CLI."""
from __future__ import annotations

import io
import json

import pytest

import extract
from extract.cli import main
from extract.errors import OutputError

TEXT = "快手2020年营收达587.8亿元,同比增长50.2%。\n"


@pytest.fixture(scope="module")
def docs():
    return extract.extract_text(TEXT, doc_id="a", ner="fast")


def test_write_to_a_path_a_stream_and_stdout(docs, tmp_path, capsys):
    extract.write(docs, tmp_path / "a.jsonl")
    buf = io.StringIO()
    extract.write(docs, buf)
    assert buf.getvalue() == (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    extract.write(docs, "-", "nq")
    assert "<https://w3id.org/zhkg/ontology#Claim>" in capsys.readouterr().out
    with pytest.raises(OutputError, match="does not match the extension"):
        extract.write(docs, tmp_path / "a.ttl", "jsonl")


def test_run_query_over_documents_files_and_a_store(docs, tmp_path):
    q = "SELECT ?v WHERE { ?c a zhkg:Claim ; zhkg:value ?v } ORDER BY ?v"
    extract.write(docs, tmp_path / "a.trig")
    with extract.open_store(tmp_path / "kg", create=True) as st:
        st.add(docs)
    answers = [extract.run_query(src, q).as_dicts() for src in (docs, [tmp_path / "a.trig"], tmp_path / "kg")]
    assert answers[0] == answers[1] == answers[2] and answers[0]
    assert {type(r["v"]).__name__ for r in answers[0]} == {"Decimal"}


def test_diff_files_is_zhkg_diff(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text("快手2020年营收约为600亿元。\n", encoding="utf-8")
    res = extract.diff_files(a, b, ner="fast")
    assert main(["diff", "--ner", "fast", str(a), str(b), "-f", "json"]) == (1 if res.conflicting else 0)
    assert json.loads(capsys.readouterr().out)["counts"] == res.counts()


def test_validate_documents_and_files(docs, tmp_path):
    extract.write(docs, tmp_path / "a.ttl")
    assert extract.validate(docs).conforms and extract.validate(tmp_path / "a.ttl").conforms


def test_build_report_is_one_page(docs):
    page = extract.build_report(docs)
    assert page.startswith("<!DOCTYPE html") or page.lower().startswith("<!doctype html")
