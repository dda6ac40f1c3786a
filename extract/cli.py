"""The command line: thin. Each command parses its arguments, calls one library function, prints.

Errors raised by the library (:class:`extract.errors.ZhkgError`) become one line on stderr and
an exit code; ``--debug`` shows the traceback instead.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .errors import ZhkgError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="zhkg: Chinese business news -> knowledge graph of entities and numeric claims.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
_DEBUG = False


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    global _DEBUG
    _DEBUG = debug


@app.command()
def normalize(
    file: Annotated[Path, typer.Argument(help="An article file (UTF-8/16, GB18030 or Big5).")],
    show_text: Annotated[bool, typer.Option("--text", help="Print the normalized text of each article.")] = False,
) -> None:
    """Normalize an article file and report what was found.

    Example: zhkg normalize corpus/kuaishou-2020.txt --text
    """
    from .normalize import normalize_file

    norm = normalize_file(file)
    out.print(f"{file}: encoding {norm.encoding}, {len(norm.raw)} raw chars -> {len(norm.text)} normalized, "
              f"{norm.pinyin_removed} pinyin annotations removed, {len(norm.mojibake)} mojibake spans, "
              f"{len(norm.articles)} article(s)")
    for art in norm.articles:
        out.print(f"  {art.id}  {art.title}  ({len(art.text)} chars, {len(art.sentences())} sentences)")
        for a, b in art.mojibake:
            ra, rb = art.raw_span(a, b)
            out.print(f"    mojibake at raw {ra}-{rb}: {art.text[a:b]!r}")
        if show_text:
            out.print(art.text)


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or directories of them.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file (format from its extension).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="jsonl, ttl, nt, nq, trig, jsonld.")] = None,
    ner: Annotated[str, typer.Option("--ner", help="NER backend: lac (Baidu LAC, default) or fast (jieba POS).")] = "lac",
    year: Annotated[Optional[int], typer.Option("--year", help="Publication year for 去年/今年 when the text gives none.")] = None,
) -> None:
    """Extract entities and numeric claims from articles and write them as RDF or JSONL.

    Example: zhkg extract corpus/kuaishou-2020.txt -o out/kuaishou-2020.ttl
    """
    from .batch import extract_many
    from .errors import InputError
    from .formats import format_for, write_atomic, writer

    name = format_for(output or "", fmt) if output else (fmt or "jsonl")
    write = writer(name)
    res = extract_many(inputs, ner=ner, year=year)
    for e in res.errors:
        err.print(f"zhkg: error: {e}", markup=False)
    if not res.docs:
        raise InputError("nothing extracted" + (f" ({len(res.errors)} file(s) failed)" if res.errors else ""))
    text = write(res.docs)
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
    _summary(res.docs, output)
    if res.errors:
        raise typer.Exit(1)


def _summary(docs, output) -> None:
    from rich.table import Table

    t = Table(title=f"zhkg extract -> {output}" if output else None, show_edge=False)
    for col in ("article", "title", "entities", "claims", "mojibake", "left out"):
        t.add_column(col, overflow="fold")
    for d in docs:
        t.add_row(d.id, d.title[:24], str(len(d.entities)), str(len(d.claims)), str(len(d.mojibake)),
                  str(len(d.rejected)))
    err.print(t)


@app.command()
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files (.ttl, .nt, .nq, .trig, .jsonld, .rdf), read as one graph.")],
) -> None:
    """Check graphs against the SHACL shapes (ontology/shapes.ttl); print each violation as
    `focus  path  message` and exit 1 when the graph does not conform.

    Example: zhkg validate out/kuaishou-2020.ttl
    """
    from .errors import ValidationFailed
    from .validate import validate_files

    report = validate_files(graphs)
    for v in report.violations:
        out.print(f"{v}" + ("" if v.severity == "Violation" else f"  ({v.severity})"), markup=False)
    bad = sum(v.severity == "Violation" for v in report.violations)
    if not report.conforms:
        raise ValidationFailed(f"{bad} violation(s) in {len(graphs)} file(s)")
    out.print(f"conforms ({len(report.violations)} warning(s))", markup=False)


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of the ``zhkg`` console script."""
    try:
        app(args=argv, standalone_mode=False)
    except ZhkgError as e:
        if _DEBUG:
            raise
        err.print(f"zhkg: error: {e}", markup=False)
        return e.exit_code
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort:
        err.print("zhkg: aborted", markup=False)
        return 130
    except KeyboardInterrupt:
        err.print("zhkg: interrupted", markup=False)
        return 130
    except Exception as e:  # click usage errors and the like
        import click

        if isinstance(e, click.exceptions.ClickException):
            e.show()
            return e.exit_code
        if _DEBUG:
            raise
        err.print(f"zhkg: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)", markup=False)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
