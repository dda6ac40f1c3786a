"""The conventions of a command-line tool (issue 19), run through the installed ``zhkg`` console
script where the fault only showed there: usage errors are click's message with exit 2,
``--version`` and ``-h`` exist, ``-`` is standard input and ``-o -`` standard output, bad choices
fail before any work."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("zhkg")
GOOD = "快手2020年营收达587.8亿元,同比增长50.2%。\n"

needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="the zhkg console script is not installed")


def zhkg(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed console script, as a user runs it."""
    env = {**os.environ, "ZHKG_JOBS": "1", "COLUMNS": "100"}
    return subprocess.run([str(SCRIPT), *args], input=stdin, capture_output=True, cwd=cwd or ROOT, env=env,
                          timeout=300)


# ---- point 5: usage errors, --version, -h ---------------------------------------------------------

USAGE_ERRORS = [
    (["extract", "--bogus"], "No such option: --bogus"),
    (["diff"], "Missing argument"),
    (["extract", "-j", "0", "corpus/kuaishou-2020.txt"], "Invalid value for '--jobs'"),
    (["query", "--format"], "requires an argument"),
    (["store", "stats"], "Missing option '--store'"),
]


@needs_script
@pytest.mark.parametrize("args, message", USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_usage_error_is_clicks_message_and_exit_2(args, message):
    r = zhkg(*args)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "internal error" not in err and message in err, err
    assert "Error: " in err and r.stdout == b""


@needs_script
def test_version():
    from extract.version import __version__

    r = zhkg("--version")
    assert r.returncode == 0 and r.stdout.decode().strip() == f"zhkg {__version__}"


@needs_script
@pytest.mark.parametrize("args", [["-h"], ["extract", "-h"], ["store", "-h"], ["store", "export", "-h"]])
def test_short_help(args):
    r = zhkg(*args)
    assert r.returncode == 0 and r.stdout.decode().startswith("Usage: zhkg"), r.stderr.decode()


def test_usage_error_in_process(capsys):
    from extract.cli import main

    assert main(["extract", "--bogus"]) == 2
    assert "No such option: --bogus" in capsys.readouterr().err


# ---- point 8: choices and output names checked before any work ------------------------------------

@needs_script
def test_unknown_ner_backend_is_a_usage_error_before_any_work(tmp_path):
    out = tmp_path / "x.jsonl"
    r = zhkg("extract", "corpus/kuaishou-2020.txt", "--ner", "bogus", "-j", "2", "-o", str(out))
    err = r.stderr.decode()
    assert r.returncode == 2 and "Traceback" not in err and "BrokenProcessPool" not in err, err
    from extract.nlp.pipeline import BACKENDS

    assert f"Invalid value for '--ner': unknown NER backend 'bogus'; choose one of {', '.join(BACKENDS)}" in err
    assert not out.exists()


@pytest.mark.parametrize("args, problem", [
    (["-o", "{d}/x.json"], "{d}/x.json: unknown output extension '.json'"),
    (["-o", "{d}/x.ttl", "-f", "jsonl"], "{d}/x.ttl: --format jsonl does not match the extension .ttl"),
    (["-o", "{d}/x", "-f", "ttl"], "{d}/x: unknown output extension '(none)'"),
    (["-f", "yaml"], "unknown output format 'yaml'"),
], ids=["unknown-extension", "format-mismatch", "no-extension", "unknown-format"])
def test_output_name_and_format_must_agree(tmp_path, capsys, monkeypatch, args, problem):
    from extract.cli import main

    called = []
    monkeypatch.setattr("extract.run.parallel.iter_extract_parallel", lambda *a, **k: called.append(1) or iter(()))
    args = [a.format(d=tmp_path) for a in args]
    assert main(["extract", "--ner", "fast", "corpus/kuaishou-2020.txt", *args]) == 2
    assert f"zhkg: error: {problem.format(d=tmp_path)}" in capsys.readouterr().err
    assert called == [] and list(tmp_path.iterdir()) == []


def test_output_extension_gives_the_format():
    from extract.graph.formats import format_for

    assert [format_for(f"x{e}", None) for e in (".jsonl", ".ttl", ".nt", ".nq", ".trig", ".jsonld")] == \
        ["jsonl", "ttl", "nt", "nq", "trig", "jsonld"]
    assert format_for("x.ttl", "ttl") == "ttl" and format_for("-", None) == "jsonl"


# ---- point 6: - is standard input, -o - standard output ---------------------------------------------

@needs_script
def test_pipes_through_the_console_script(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(GOOD, encoding="utf-8")
    nq = zhkg("extract", "--ner", "fast", str(a), "-f", "nq", "-o", "-")
    assert nq.returncode == 0 and b"<https://w3id.org/zhkg/ontology#Claim>" in nq.stdout
    assert not (ROOT / "-").exists() and not Path("-").exists()
    v = zhkg("validate", "-", stdin=nq.stdout)
    assert v.returncode == 0 and b"conforms" in v.stdout, v.stderr
    q = zhkg("query", "-", "-e", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a zhkg:Claim }", "-f", "csv", stdin=nq.stdout)
    assert q.returncode == 0 and q.stdout.decode().splitlines()[1] != "0", q.stderr
    e = zhkg("query", str(_trig(tmp_path, nq.stdout)), "-e", "-", "-f", "csv",
             stdin=b"SELECT (COUNT(?c) AS ?n) WHERE { ?c a zhkg:Claim }")
    assert e.returncode == 0 and e.stdout.decode().splitlines()[1] == q.stdout.decode().splitlines()[1]
    d = zhkg("diff", "--ner", "fast", "-", str(a), "-f", "json", stdin=a.read_bytes())
    assert d.returncode == 0 and json.loads(d.stdout)["counts"]["conflicting"] == 0
    n = zhkg("normalize", "-", stdin=a.read_bytes())
    assert n.returncode == 0 and b"1 article(s)" in n.stdout, n.stderr


def _trig(folder: Path, nq: bytes) -> Path:
    p = folder / "g.nq"
    p.write_bytes(nq)
    return p


@pytest.mark.parametrize("command", [
    ["extract", "--ner", "fast", "{a}", "-o", "-"],
    ["extract", "--ner", "fast", "{a}", "-o", "-", "-f", "ttl"],
    ["report", "--ner", "fast", "{a}", "-o", "-"],
    ["diff", "--ner", "fast", "{a}", "{a}", "-o", "-"],
    ["query", "{g}", "-e", "ASK {{ ?s ?p ?o }}", "-o", "-"],
], ids=["extract", "extract-ttl", "report", "diff", "query"])
def test_dash_o_is_standard_output(tmp_path, capsys, monkeypatch, command):
    from extract.cli import main

    a = tmp_path / "a.txt"
    a.write_text(GOOD, encoding="utf-8")
    g = tmp_path / "g.ttl"
    g.write_text("@prefix zhkg: <https://w3id.org/zhkg/ontology#> .\n<urn:x> a zhkg:Claim .\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([c.format(a=a, g=g) for c in command]) == 0
    assert capsys.readouterr().out.strip() and not (tmp_path / "-").exists()


def test_store_export_dash_o(tmp_path, capsys, monkeypatch):
    from extract.cli import main

    a = tmp_path / "a.txt"
    a.write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "--ner", "fast", str(a), "--store", "kg"]) == 0
    capsys.readouterr()
    assert main(["store", "export", "--store", "kg", "-f", "nq", "-o", "-"]) == 0
    assert "<https://w3id.org/zhkg/ontology#Claim>" in capsys.readouterr().out and not (tmp_path / "-").exists()


# ---- points 13 and 14: ad-hoc SPARQL, result formats ------------------------------------------------

@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    from extract.cli import main

    d = tmp_path_factory.mktemp("q")
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["extract", "--ner", "fast", str(d / "a.txt"), "-o", str(d / "a.trig")]) == 0
    assert main(["extract", "--ner", "fast", str(d / "a.txt"), "--store", str(d / "kg")]) == 0
    return d


@pytest.mark.parametrize("where", ["file", "store"])
def test_project_prefixes_are_predeclared(graph, capsys, where):
    from extract.cli import main

    src = [str(graph / "a.trig")] if where == "file" else ["--store", str(graph / "kg")]
    q = "SELECT ?v WHERE { ?c a zhkg:Claim ; zhkg:value ?v ; prov:wasDerivedFrom ?e . FILTER(?v > \"1\"^^xsd:decimal) }"
    assert main(["query", *src, "-e", q, "-f", "csv"]) == 0
    assert "58780000000" in capsys.readouterr().out


@pytest.mark.parametrize("where", ["file", "store"])
def test_sparql_typo_is_one_line_with_the_users_line_and_column(graph, capsys, where):
    from extract.cli import main

    src = [str(graph / "a.trig")] if where == "file" else ["--store", str(graph / "kg")]
    assert main(["query", *src, "-e", "SELECT ?c WHERE {\n  ?c a zhkg:Claim\n  ?c zhkg:value ?v }"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("zhkg: error: invalid SPARQL at line 3, column"), err


def test_a_declared_prefix_is_not_declared_again():
    from extract.graph.query import with_prefixes

    text = "PREFIX zhkg: <urn:other#>\nSELECT * WHERE { ?c a zhkg:Claim ; skos:prefLabel ?l }"
    out, added = with_prefixes(text)
    assert added == 1 and out.startswith("PREFIX skos:") and out.count("PREFIX zhkg:") == 1


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda t: t.splitlines()[0] == "c,v"),
    ("tsv", lambda t: t.splitlines()[0] == "?c\t?v"),
    ("json", lambda t: json.loads(t)["head"]["vars"] == ["c", "v"]),
    ("xml", lambda t: "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">" in t),
])
def test_results_by_the_standard_serializers(graph, capsys, fmt, check):
    from extract.cli import main

    assert main(["query", str(graph / "a.trig"), "-e", "SELECT ?c ?v WHERE { ?c zhkg:value ?v }", "-f", fmt]) == 0
    assert check(capsys.readouterr().out)


@pytest.mark.parametrize("fmt, syntax", [("ttl", "turtle"), ("nt", "nt"), ("nq", "nquads"), ("trig", "trig"),
                                         ("jsonld", "json-ld"), ("xml", "xml")])
def test_construct_writes_the_rdf_format_asked_for(graph, capsys, fmt, syntax, tmp_path):
    from rdflib import Dataset

    from extract.cli import main

    out = tmp_path / f"c.{fmt}"
    assert main(["query", str(graph / "a.trig"), "-e", "CONSTRUCT { ?c zhkg:value ?v } WHERE { ?c zhkg:value ?v }",
                 "-f", fmt, "-o", str(out)]) == 0
    assert len(Dataset().parse(out, format=syntax)) >= 1 or len(list(Dataset().parse(out, format=syntax).quads())) >= 1


def test_bad_result_format_fails_before_the_query(graph, capsys):
    from extract.cli import main

    assert main(["query", str(graph / "a.trig"), "-e", "SELECT ?c WHERE {", "-f", "yaml"]) == 2
    assert "unknown format 'yaml'" in capsys.readouterr().err


# ---- point 4: a folder yields articles only --------------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    """A folder as users have them: articles (one without an extension, one in a subfolder), notes,
    zhkg's own outputs, code, an image, hidden files and a .git folder."""
    d = tmp_path / "news"
    for name, data in {
        "a.txt": GOOD.encode(), "sub/b": GOOD.encode(), "c.html": f"<html><body><p>{GOOD}</p></body></html>".encode(),
        "README.md": "# 说明\n快手2019年营收391亿元,这是说明,不是文章。\n".encode(), "notes.markdown": GOOD.encode(),
        "out.jsonl": '{"kind": "claim", "doc": "快手#1", "value": 1}\n'.encode(),
        "out.ttl": "@prefix zhkg: <https://w3id.org/zhkg/ontology#> .\n<urn:x> zhkg:label \"快手\" .\n".encode(),
        "run.py": b"import os\n", "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00", ".hidden.txt": GOOD.encode(),
        ".git/x.txt": GOOD.encode(), "drafts/d.txt": GOOD.encode(),
    }.items():
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return d


def _names(folder, **kw):
    from extract.run.batch import expand_inputs

    # a file of a folder comes with its document id (a DatedInput, issue 21): str() is its path
    return [Path(str(p)).relative_to(folder).as_posix() for p in expand_inputs([folder], **kw)]


def test_a_folder_yields_its_articles_only(folder):
    assert _names(folder) == ["a.txt", "c.html", "drafts/d.txt", "sub/b"]


def test_glob_and_exclude(folder):
    assert _names(folder, glob=["*.txt"]) == ["a.txt", "drafts/d.txt"]
    assert _names(folder, exclude=["drafts/*", "*.html"]) == ["a.txt", "sub/b"]
    assert _names(folder, glob=["*.md"]) == ["README.md"]  # asked for by name: taken


def test_readme_of_a_corpus_is_not_an_article(folder, tmp_path, capsys):
    from extract.cli import main

    out = tmp_path / "o.jsonl"
    assert main(["extract", "--ner", "fast", str(folder), "--exclude", "drafts/*", "-o", str(out)]) == 0
    docs = {json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {"a#1", "sub/b#1", "c#1"}  # ids keep the path under the folder (issue 21)
    assert "error" not in capsys.readouterr().err


def test_hidden_files_only_when_a_pattern_starts_with_a_dot(folder):
    assert _names(folder, glob=[".hidden.txt"]) == [".hidden.txt"]
    assert "a.txt" not in _names(folder, glob=[".*"])


# ---- point 12: never more workers than files, no pool for one file ----------------------------------

class _FakePool:
    """``extract.run.parallel._pool`` run in this process, recording how many workers it was asked for."""

    sizes: list[int] = []

    def __init__(self, jobs, ner, dask):
        _FakePool.sizes.append(jobs)

    def __enter__(self):
        from concurrent.futures import Future

        from extract.run.parallel import extract_one

        def submit(*args):
            f = Future()
            f.set_result(extract_one(*args))
            return f

        return submit

    def __exit__(self, *exc):
        return None


@pytest.mark.parametrize("files, jobs, pool", [(1, 4, []), (3, 8, [3]), (3, 2, [2]), (2, 1, [])])
def test_workers_never_outnumber_files(tmp_path, monkeypatch, files, jobs, pool):
    import extract.run.parallel as par

    monkeypatch.setattr(par, "_pool", _FakePool)
    _FakePool.sizes = []
    paths = []
    for k in range(files):
        p = tmp_path / f"a{k}.txt"
        p.write_text(GOOD, encoding="utf-8")
        paths.append(p)
    docs = list(par.iter_extract_parallel(paths, ner="fast", jobs=jobs))
    assert [d.id for d in docs] == [f"a{k}#1" for k in range(files)]
    assert _FakePool.sizes == pool


# ---- point 11: a Dask worker gets absolute paths -----------------------------------------------------

def test_dask_workers_get_absolute_paths_and_documents_keep_the_given_name(tmp_path, monkeypatch):
    import extract.run.parallel as par

    sent = []

    class Recorder(_FakePool):
        def __enter__(self):
            submit = super().__enter__()

            def record(path, *args):
                sent.append(path)
                monkeypatch.chdir("/")  # the worker runs elsewhere: only an absolute path reads
                try:
                    return submit(path, *args)
                finally:
                    monkeypatch.chdir(tmp_path)

            return record

    monkeypatch.setattr(par, "_pool", Recorder)
    monkeypatch.chdir(tmp_path)
    for k in range(2):
        (tmp_path / f"a{k}.txt").write_text(GOOD, encoding="utf-8")
    errors: list[str] = []
    docs = list(par.iter_extract_parallel(["a0.txt", "a1.txt", "missing.txt"], ner="fast", dask="tcp://x:8786",
                                          on_error=errors.append))
    assert sent == [str(tmp_path / n) for n in ("a0.txt", "a1.txt", "missing.txt")]
    assert [d.source for d in docs] == ["a0.txt", "a1.txt"] and errors == ["missing.txt: no such file"]
    one = list(par.iter_extract_parallel(["a0.txt", "a1.txt"], ner="fast", jobs=1))
    assert [d.model_dump() for d in docs] == [d.model_dump() for d in one]


# ---- point 7: progress on a terminal, a one-line total, --quiet, -v ---------------------------------

def _two_articles(tmp_path):
    for k in range(2):
        (tmp_path / f"a{k}.txt").write_text(GOOD, encoding="utf-8")
    return [str(tmp_path / "a0.txt"), str(tmp_path / "a1.txt")]


def test_progress_bar_on_a_terminal_and_a_one_line_total(tmp_path, capsys, monkeypatch):
    import extract.cli.extract as cmd
    from extract.cli import main
    from extract.cli.common import Progress

    seen = []

    class Spy(Progress):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            seen.append(self)

    monkeypatch.setattr(cmd, "on_terminal", lambda: True)
    monkeypatch.setattr(cmd, "Progress", Spy)
    out = tmp_path / "o.jsonl"
    assert main(["extract", "--ner", "fast", *_two_articles(tmp_path), "-o", str(out)]) == 0
    [bar] = seen
    assert bar.enabled and bar.total == 2 and (bar.files, bar.articles) == (2, 2) and bar.claims >= 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"zhkg extract: 2 file(s), 2 article(s), {bar.claims} claims in ")
    assert err[0].endswith(f" -> {out}")


def test_quiet_prints_nothing_and_verbose_the_table(tmp_path, capsys):
    from extract.cli import main

    files = _two_articles(tmp_path)
    assert main(["extract", "--ner", "fast", *files, "-o", str(tmp_path / "o.jsonl"), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["extract", "--ner", "fast", *files, "-o", str(tmp_path / "o.jsonl"), "-v"]) == 0
    err = capsys.readouterr().err
    assert "a0#1" in err and "a1#1" in err and "claims" in err and "zhkg extract: 2 file(s)" in err


def test_no_progress_bar_off_a_terminal(tmp_path, monkeypatch):
    import extract.cli.extract as cmd
    from extract.cli import main
    from extract.cli.common import Progress

    made = []

    def recording(*a, **k):
        made.append(Progress(*a, **k))
        return made[-1]

    monkeypatch.setattr(cmd, "Progress", recording)
    assert main(["extract", "--ner", "fast", *_two_articles(tmp_path), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert [p.enabled for p in made] == [False] and made[0].files == 2


# ---- point 9: numbers never fold in tables ------------------------------------------------------------

def test_numeric_columns_never_wrap_at_100_columns():
    from rdflib import Literal, XSD

    from extract.graph.query import Result
    from extract.graph.results import format_result

    text = "快手科技有限公司的一个很长很长的名字" * 3
    res = Result("SELECT", ["subject", "metric", "period", "value", "doc"],
                 [(Literal(text), Literal("商品交易总额" * 4), Literal("2019"), Literal("596000000", datatype=XSD.decimal),
                   Literal("kuaishou-2020#1" * 3))])
    table = format_result(res, "table", width=100)
    assert any("596000000" in line for line in table.splitlines()), table
    assert all(len(line) <= 100 for line in table.splitlines())


def test_diff_figures_never_wrap():
    from extract.diff.align import SourcedClaim, diff_documents
    from extract.diff.render import _table
    from extract.model import Claim, Evidence

    ev = Evidence(text="快手" * 80, start=0, end=1, raw_start=0, raw_end=1)
    a = Claim(subject="快手", metric="商品交易总额", value=5.96e11, unit="CNY", period="2019", surface="5960000000000元", evidence=ev)
    b = a.model_copy(update={"value": 5.0e11, "surface": "5000000000000元"})
    text = _table(diff_documents([SourcedClaim("a", a)], [SourcedClaim("b", b)]), "A", "B", width=100)
    assert "5960000000000元" in text and "5000000000000元" in text, text


# ---- point 16: what differs between runs, and a JSON-LD context of the prefixes used -----------------

def test_two_runs_differ_only_in_the_run_time_and_source_date_epoch_fixes_it(monkeypatch):
    from extract import extract_text
    from extract.graph.formats import writer

    docs = extract_text(GOOD, doc_id="a", ner="fast")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    one, same = writer("nq")(docs), writer("nq")(docs)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    other = writer("nq")(docs)
    assert one == same
    changed = set(one.splitlines()) ^ set(other.splitlines())
    assert changed and all("http://www.w3.org/ns/prov#startedAtTime" in line for line in changed)


def test_jsonld_context_lists_only_the_prefixes_used():
    from extract import extract_text
    from extract.graph.formats import writer

    doc = json.loads(writer("jsonld")(extract_text(GOOD, doc_id="a", ner="fast")))
    ctx = doc["@context"]
    body = json.dumps({k: v for k, v in doc.items() if k != "@context"}, ensure_ascii=False)
    assert "zhkg" in ctx and "brick" not in ctx and "csvw" not in ctx
    assert all(f'"{p}:' in body for p in ctx), [p for p in ctx if f'"{p}:' not in body]


def test_store_export_format_from_the_extension(tmp_path, capsys, monkeypatch):
    from extract.cli import main

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "--ner", "fast", "a.txt", "--store", "kg"]) == 0
    assert main(["store", "export", "--store", "kg", "-o", "kg.nq"]) == 0
    assert (tmp_path / "kg.nq").read_text(encoding="utf-8").startswith("<")  # N-Quads, not TriG
    capsys.readouterr()
    for args, problem in ((["-o", "kg.json"], "kg.json: unknown output extension '.json'"),
                          (["-o", "kg.ttl", "-f", "nq"], "kg.ttl: --format nq does not match the extension .ttl"),
                          (["-o", "kg.jsonl"], "kg.jsonl: a store exports RDF")):
        assert main(["store", "export", "--store", "kg", *args]) == 2
        assert problem in capsys.readouterr().err
    assert not (tmp_path / "kg.json").exists() and not (tmp_path / "kg.ttl").exists()
