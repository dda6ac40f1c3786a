"""Bad input and faults (issue 8): one clear line naming the file and the problem, the exit code,
nothing lost, nothing half-written. Every case runs the CLI in-process through ``main``."""
from __future__ import annotations

import errno
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest

import extract.nlp.pipeline
from extract.cli import main

GOOD = "快手2020年营收达587.8亿元,同比增长50.2%。\n"
FAST = ["--ner", "fast"]


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", GOOD)
    return buf.getvalue()


def lines(text: str) -> list[str]:
    return [ln.rstrip() for ln in text.splitlines()]


def jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def leftovers(folder: Path) -> list[str]:
    """Temporary files a writer left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---- input: each bad file named with its problem, the good one extracted -------------------------

BAD_INPUTS = [
    ("empty", b"", "empty file: nothing to extract"),
    ("whitespace", b"  \n\t\r\n  ", "only whitespace: nothing to extract"),
    # formats told from their magic bytes (extract/inputs): named, and said to be unsupported
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
     "a PNG image (OCR is not supported): this format is not supported (zhkg reads html, pdf, text)"),
    ("zip", _zip(), "a ZIP archive (a .docx, .xlsx or .epub?): this format is not supported (zhkg reads html, pdf, text)"),
    ("nul", GOOD.encode() + b"\x00" + GOOD.encode(), "binary content (NUL bytes): not a text article"),
    ("undecodable", bytes(range(128, 256)) * 8,
     "cannot decode: not UTF-8, UTF-16 with BOM, GB18030 or Big5 (convert it to UTF-8)"),
    ("control-chars", "".join(chr(c) for c in range(1, 9)).encode() * 40, "binary content, not a text article"),
    ("bad-utf16-bom", b"\xff\xfe" + b"\x00\xd8", "starts with a utf-16 byte-order mark but does not decode as utf-16 (byte 2)"),
]


@pytest.mark.parametrize("data, problem", [c[1:] for c in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_file_in_a_batch_is_reported_and_skipped(tmp_path, capsys, data, problem):
    good, bad, out = tmp_path / "good.txt", tmp_path / "bad.txt", tmp_path / "out.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_bytes(data)
    assert main(["extract", *FAST, str(bad), str(good), "-o", str(out)]) == 1
    assert f"zhkg: error: {bad}: {problem}" in lines(capsys.readouterr().err)
    assert {r["doc"] for r in jsonl(out)} == {"good#1"}


@pytest.mark.parametrize("data, problem", [c[1:] for c in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_file_alone_exits_2_and_writes_nothing(tmp_path, capsys, data, problem):
    bad, out = tmp_path / "bad.txt", tmp_path / "out.jsonl"
    bad.write_bytes(data)
    assert main(["extract", *FAST, str(bad), "-o", str(out)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {bad}: {problem}",
                                              "zhkg: error: nothing extracted (1 file(s) failed)"]
    assert not out.exists() and leftovers(tmp_path) == []


def test_normalize_command_names_the_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["normalize", str(bad)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {bad}: empty file: nothing to extract"]


def test_missing_path(tmp_path, capsys):
    nope = tmp_path / "nope.txt"
    assert main(["extract", *FAST, str(nope)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {nope}: no such file",
                                              "zhkg: error: nothing extracted (1 file(s) failed)"]
    assert main(["normalize", str(nope)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {nope}: no such file"]


def test_no_read_permission(tmp_path, capsys, monkeypatch):
    # tests run as root, where chmod 000 still reads: the read itself is made to fail
    good, locked = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(GOOD, encoding="utf-8")
    locked.write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out.jsonl"
    assert main(["extract", *FAST, str(tmp_path), "-o", str(out)]) == 1
    assert f"zhkg: error: {locked}: permission denied: cannot read it" in lines(capsys.readouterr().err)
    assert {r["doc"] for r in jsonl(out)} == {"good#1"}


def _three_good_files(tmp_path):
    """A folder holding a.txt, b.txt and c.txt, each a good article."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_file_that_disappears_mid_run(tmp_path, capsys, monkeypatch):
    folder = _three_good_files(tmp_path)
    real = extract.nlp.pipeline.extract_file

    def extract_file(path, **kw):
        docs = real(path, **kw)
        if Path(path).name == "a.txt":
            (folder / "b.txt").unlink()  # listed already, gone before its turn
        return docs

    monkeypatch.setattr(extract.nlp.pipeline, "extract_file", extract_file)
    out = tmp_path / "out.jsonl"
    assert main(["extract", *FAST, str(folder), "-o", str(out)]) == 1
    assert f"zhkg: error: {folder / 'b.txt'}: no such file" in lines(capsys.readouterr().err)
    assert {r["doc"] for r in jsonl(out)} == {"a#1", "c#1"}


def test_directory_with_bad_files_among_good_ones(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("哔哩哔哩2021年第一季度月活用户达2.23亿。\n", encoding="utf-8")
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")  # not an article extension: not read
    out = tmp_path / "out.jsonl"
    assert main(["extract", *FAST, str(folder), "-o", str(out)]) == 1
    err = lines(capsys.readouterr().err)
    assert [x for x in err if x.startswith("zhkg:")] == [
        f"zhkg: error: {folder / 'sub' / 'empty.txt'}: empty file: nothing to extract"]
    assert {r["doc"] for r in jsonl(out)} == {"a#1", "sub/b#1"}  # ids keep the path under the folder (issue 21)


def test_mixed_encoding_is_extracted_with_the_damaged_run_marked(tmp_path, capsys):
    # a UTF-8 article with a stray GB18030 run pasted in
    p = tmp_path / "mixed.txt"
    p.write_bytes(GOOD.encode() + "这是一段国标编码的文字".encode("gb18030") + "\n哔哩哔哩2021年第一季度月活用户达2.23亿。\n".encode())
    assert main(["normalize", str(p)]) == 0
    out = capsys.readouterr().out
    assert "encoding utf-8" in out and "1 mojibake spans" in out and "18 undecodable byte(s) replaced (marked as mojibake)" in out
    assert "mojibake at raw 29-49: '\ufffd\ufffd\ufffd\ufffd" in out  # the run, after the good sentence
    o = tmp_path / "out.jsonl"
    assert main(["extract", *FAST, str(p), "-o", str(o)]) == 0
    claims = [r for r in jsonl(o) if r["kind"] == "claim"]
    assert {(c["subject"], c["value"]) for c in claims} >= {("快手", 58780000000), ("哔哩哔哩", 223000000)}
    assert all("\ufffd" not in c["evidence"] for c in claims)


def test_unexpected_error_on_one_file_is_reported_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    real = extract.nlp.pipeline.extract_file

    def extract_file(path, **kw):
        if Path(path).name == "a.txt":
            raise ValueError("boom")
        return real(path, **kw)

    monkeypatch.setattr(extract.nlp.pipeline, "extract_file", extract_file)
    out = tmp_path / "out.jsonl"
    assert main(["extract", *FAST, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)]) == 1
    assert (f"zhkg: error: {tmp_path / 'a.txt'}: internal error: ValueError: boom (run with --debug for the traceback)"
            in lines(capsys.readouterr().err))
    assert {r["doc"] for r in jsonl(out)} == {"b#1"}
    with pytest.raises(ValueError, match="boom"):
        main(["--debug", "extract", *FAST, str(tmp_path / "a.txt"), "-o", str(out)])


# ---- data: a bad row in a data file is one line naming file:line, for every file -----------------

@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A copy of ontology/ the loaders read instead of the real one; caches cleared around."""
    import extract.resources as resources
    from extract.nlp import lexicon, patterns
    from extract.nlp.numbers import data as number_tables, regex as number_regex
    from extract.graph import validate

    copy = tmp_path / "ontology"
    shutil.copytree(resources.data_dir("ontology"), copy)
    real = resources.data_dir
    caches = (lexicon.load_lexicon, number_tables.tables, number_regex._compiled, patterns.load_patterns,
              validate.shapes_graph, extract.nlp.pipeline.build_nlp)

    def clear():
        for c in caches:
            c.cache_clear()

    clear()
    monkeypatch.setattr(resources, "data_dir", lambda name: copy if name == "ontology" else real(name))
    yield copy
    monkeypatch.undo()
    clear()


def _append(path: Path, row: str) -> int:
    """Append ``row`` to ``path``; its line number."""
    text = path.read_text(encoding="utf-8")
    text = text if text.endswith("\n") else text + "\n"
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize("name, row, problem", [
    ("lexicon/platforms.tsv", "坏平台", "1 TAB-separated cells, expected 3 ('label', 'aliases', 'operator')"),
    ("lexicon/metrics.tsv", "坏指标\tparsecs\t\tbad", "unit_kind: Input should be 'users', 'money', 'percent', "
                                                      "'minutes', 'count', 'ratio' or 'multiple'"),
    ("units.tsv", "坏\tx", "expected "),
], ids=["lexicon-cells", "lexicon-value", "units"])
def test_bad_data_row_is_one_line_naming_file_and_line(data_dir, tmp_path, capsys, name, row, problem):
    no = _append(data_dir / name, row)
    article, out = tmp_path / "a.txt", tmp_path / "out.jsonl"
    article.write_text(GOOD, encoding="utf-8")
    assert main(["extract", *FAST, str(article), "-o", str(out)]) == 2
    err = lines(capsys.readouterr().err)
    assert len(err) == 1 and err[0].startswith(f"zhkg: error: {data_dir / name}:{no}: {problem}")
    assert not out.exists() and leftovers(tmp_path) == []


def test_bad_pattern_file(data_dir, tmp_path, capsys):
    (data_dir / "patterns.toml").write_text("[[pattern]\nname = ", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert main(["extract", *FAST, str(article), "-o", str(tmp_path / "o.jsonl")]) == 2
    err = lines(capsys.readouterr().err)
    assert len(err) == 1 and err[0].startswith(f"zhkg: error: {data_dir / 'patterns.toml'}: invalid pattern file:")


@pytest.mark.parametrize("text, problem", [
    ("trim_tail = ['的', 3]\n", "invalid word list file:"),
    ("trim_tail = ['(?:的']\n", "trim_tail: not a regex alternation:"),
], ids=["not-a-string", "not-a-regex"])
def test_bad_claim_words_file(data_dir, tmp_path, capsys, text, problem):
    """The claims stage's word lists (ontology/claim_words.toml) are checked like the other data."""
    (data_dir / "claim_words.toml").write_text(text, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert main(["extract", *FAST, str(article), "-o", str(tmp_path / "o.jsonl")]) == 2
    err = lines(capsys.readouterr().err)
    assert len(err) == 1 and err[0].startswith(f"zhkg: error: {data_dir / 'claim_words.toml'}: {problem}")

def test_bad_shapes_file(data_dir, tmp_path, capsys):
    (data_dir / "shapes.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nthis is not turtle\n",
                                         encoding="utf-8")
    g = tmp_path / "g.ttl"
    g.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert main(["validate", str(g)]) == 2
    err = lines(capsys.readouterr().err)
    assert len(err) == 1 and err[0].startswith(f"zhkg: error: {data_dir / 'shapes.ttl'}: cannot parse the SHACL shapes:")


# ---- output: atomic, no half files, clear errors ---------------------------------------------------

@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["jsonl", "nt", "nq", "ttl", "trig", "jsonld"])
def test_read_only_output_folder(article, tmp_path, capsys, monkeypatch, fmt):
    # as root a chmod 0555 folder is still writable: the temporary file cannot be made
    def denied(*a, **kw):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    out = tmp_path / "ro" / f"out.{fmt}"
    assert main(["extract", *FAST, str(article), "-o", str(out)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {out}: cannot write here: Permission denied"]
    assert not out.exists()


def test_output_folder_is_a_file(article, tmp_path, capsys):
    out = tmp_path / "a.txt" / "out.jsonl"
    assert main(["extract", *FAST, str(article), "-o", str(out)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {out}: cannot write here: {article} is a file, not a folder"]


@pytest.mark.parametrize("fmt", ["jsonl", "nt", "ttl"])
def test_full_disk(article, tmp_path, capsys, monkeypatch, fmt):
    # the temporary file is /dev/full: every write that reaches the disk fails with ENOSPC
    real = tempfile.mkstemp
    made = []

    def mkstemp(**kw):
        fd, name = real(**kw)
        os.close(fd)
        made.append(name)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    out = tmp_path / f"out.{fmt}"
    out.write_text("the previous output\n", encoding="utf-8")
    assert main(["extract", *FAST, str(article), "-o", str(out)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {out}: cannot write: No space left on device"]
    assert out.read_text(encoding="utf-8") == "the previous output\n"  # untouched
    assert made and not any(Path(m).exists() for m in made) and leftovers(tmp_path) == []


def test_full_disk_through_the_write_itself(article, tmp_path, capsys, monkeypatch):
    import extract.graph.formats as formats

    class Full(io.StringIO):
        def write(self, s):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(formats.os, "fdopen", lambda fd, *a, **kw: (os.close(fd), Full())[1])
    out = tmp_path / "out.jsonl"
    assert main(["extract", *FAST, str(article), "-o", str(out)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {out}: cannot write: No space left on device"]
    assert not out.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["jsonl", "nt", "trig"])
def test_ctrl_c_in_the_middle_of_a_batch(tmp_path, capsys, monkeypatch, fmt):
    folder = _three_good_files(tmp_path)
    real = extract.nlp.pipeline.extract_file

    def extract_file(path, **kw):
        if Path(path).name == "b.txt":
            raise KeyboardInterrupt
        return real(path, **kw)

    monkeypatch.setattr(extract.nlp.pipeline, "extract_file", extract_file)
    out = tmp_path / f"out.{fmt}"
    assert main(["extract", *FAST, str(folder), "-o", str(out)]) == 130
    assert "zhkg: interrupted" in lines(capsys.readouterr().err)
    assert not out.exists() and leftovers(tmp_path) == []


def test_every_format_is_written_atomically(article, tmp_path, capsys):
    for fmt in ("jsonl", "nt", "nq", "ttl", "trig", "jsonld"):
        out = tmp_path / f"out.{fmt}"
        assert main(["extract", *FAST, str(article), "-o", str(out)]) == 0
        assert out.stat().st_size > 0 and oct(out.stat().st_mode & 0o777) != "0o600"
    assert leftovers(tmp_path) == []


def test_streamed_line_formats_hold_the_same_lines(tmp_path):
    """Streaming (one document at a time) gives the lines the whole-batch writers give."""
    from extract.graph.formats import stream, writer
    from extract.nlp.pipeline import extract_text

    docs = extract_text(GOOD + "\n" * 3 + "哔哩哔哩2021年第一季度月活用户达2.23亿。\n" * 2, ner="fast") + \
        extract_text("快手的日活用户达2.64亿。\n", doc_id="other", ner="fast")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1600000000")
    for fmt in ("jsonl", "nt", "nq"):
        streamed = "".join(stream(fmt)(iter(docs)))
        whole = writer(fmt)(docs)
        assert sorted(streamed.splitlines()) == sorted(whole.splitlines()), fmt


# ---- the store through the CLI -------------------------------------------------------------------

def test_store_missing_corrupt_locked(tmp_path, capsys):
    from extract.graph.store import open_store

    nope = tmp_path / "nope"
    assert main(["store", "stats", "--store", str(nope)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {nope}: no store here; make one with: zhkg extract FILE --store DIR"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "CURRENT").write_text("garbage\n")
    assert main(["store", "stats", "--store", str(bad)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {bad}: the store is corrupt or unreadable (Corruption: CURRENT "
                                              f"file corrupted): restore it from a backup, or save what can still be read "
                                              f"with: zhkg store export --store {bad} -o saved.nq"]
    kg = tmp_path / "kg"
    with open_store(kg, create=True):  # a writer is refused; readers open alongside (test_store.py)
        assert main(["store", "remove", "x#1", "--store", str(kg)]) == 2
        assert lines(capsys.readouterr().err) == [f"zhkg: error: {kg}: the store is in use by another process (locked)"]


def test_locked_store_fails_before_any_extraction(article, tmp_path, capsys, monkeypatch):
    from extract.graph.store import open_store

    called = []
    monkeypatch.setattr(extract.nlp.pipeline, "extract_file", lambda *a, **kw: called.append(a) or [])
    kg = tmp_path / "kg"
    with open_store(kg, create=True):
        assert main(["extract", *FAST, str(article), "--store", str(kg)]) == 2
    assert lines(capsys.readouterr().err) == [f"zhkg: error: {kg}: the store is in use by another process (locked)"]
    assert called == []


def test_rerun_after_an_interrupted_store_batch_gives_no_duplicates(tmp_path, capsys, monkeypatch):
    from extract.graph.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text("哔哩哔哩2021年第一季度月活用户达2.23亿。\n", encoding="utf-8")
    (folder / "c.txt").write_text("快手的日活用户达2.64亿。\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    clean = tmp_path / "clean"
    assert main(["extract", *FAST, str(folder), "--store", str(clean)]) == 0
    with open_store(clean) as st:
        expected = st.stats()
    assert expected["documents"] == 3

    real = extract.nlp.pipeline.extract_file

    def interrupted(path, **kw):
        if Path(path).name == "c.txt":
            raise KeyboardInterrupt
        return real(path, **kw)

    kg = tmp_path / "kg"
    monkeypatch.setattr(extract.nlp.pipeline, "extract_file", interrupted)
    assert main(["extract", *FAST, str(folder), "--store", str(kg)]) == 130
    with open_store(kg) as st:  # the articles before Ctrl-C are in, each whole
        assert st.stats()["documents"] == 2
    monkeypatch.setattr(extract.nlp.pipeline, "extract_file", real)
    assert main(["extract", *FAST, str(folder), "--store", str(kg)]) == 0
    with open_store(kg) as st:
        assert st.stats() == expected


# ---- injection: a parameter value is a term, never query text ------------------------------------

HOSTILE = '"} ; DROP ALL ; #'


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    from extract.graph.store import open_store
    from sample_docs import sample_docs

    d = tmp_path_factory.mktemp("inj") / "kg"
    with open_store(d, create=True) as st:
        st.add(sample_docs())
    return d


def _saved_params():
    from extract.graph.query import list_queries

    return [(q.name, p) for q in list_queries() for p in q.params]


@pytest.mark.parametrize("name, param", _saved_params(), ids=lambda x: x)
def test_hostile_value_in_every_saved_query_parameter(kg, capsys, name, param):
    from extract.graph.query import saved_query
    from extract.graph.store import open_store

    with open_store(kg) as st:
        before = st.stats()
    others = [f"{p}=x" for p in saved_query(name).required() if p != param]
    argv = ["query", "--store", str(kg), "--name", name, "--param", f"{param}={HOSTILE}"]
    for o in others:
        argv += ["--param", o]
    code = main(argv)
    captured = capsys.readouterr()
    from extract.graph.query import PAGE_PARAMS

    if param in PAGE_PARAMS:  # a page size is a whole number, refused otherwise, never pasted
        assert code == 2 and "whole number" in captured.err, captured.err
    else:
        assert code == 0, captured.err
        assert "(0 rows)" in captured.out
    with open_store(kg) as st:
        assert st.stats() == before


def test_hostile_value_in_an_adhoc_query(kg, capsys):
    from extract.graph.store import open_store

    q = "SELECT ?name (COUNT(*) AS ?n) WHERE { ?s ?p ?name } GROUP BY ?name"
    assert main(["query", "--store", str(kg), "-e", q, "--param", f"name={HOSTILE}", "-f", "csv"]) == 0
    with open_store(kg) as st:
        assert st.stats()["documents"] == 3


# ---- no traceback unless --debug ------------------------------------------------------------------

def test_unexpected_error_is_one_line_and_exit_3(article, capsys, monkeypatch):
    import extract.inputs

    def broken(path):
        raise RuntimeError("something broke")

    monkeypatch.setattr(extract.inputs, "normalize_file", broken)  # what zhkg normalize calls
    assert main(["normalize", str(article)]) == 3
    captured = capsys.readouterr()
    assert lines(captured.err) == ["zhkg: internal error: RuntimeError: something broke (run with --debug for the traceback)"]
    assert "Traceback" not in captured.err + captured.out
    with pytest.raises(RuntimeError, match="something broke"):
        main(["--debug", "normalize", str(article)])


def test_library_error_with_debug_shows_the_traceback(tmp_path):
    from extract.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        main(["--debug", "normalize", str(tmp_path / "nope.txt")])
