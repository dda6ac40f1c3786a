"""What every command shares: the Typer app, the two consoles (results on stdout, messages on
stderr) and the ``--debug`` flag.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

#: -h as well as --help, on every command (click's setting, inherited by the subcommands)
CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT,
                  help="zhkg: Chinese business news -> knowledge graph of entities and numeric claims.")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: a file name undecodable in UTF-8 (held with surrogate
    escapes) decoded as GB18030 when it is that, else its bad bytes as ``\\xNN``; control
    characters (an escape sequence in a file name) written as ``\\x1b``.

    >>> print(printable("a\\x1b[31mb"))
    a\\x1b[31mb
    """
    if any("\udc80" <= c <= "\udcff" for c in text):
        from ..run.batch import readable_name

        text = readable_name(text)
    return "".join(c if c.isprintable() or c in "\t\n" else c.encode("unicode_escape").decode("ascii")
                   for c in text) if not text.isprintable() else text


class _SafeConsole(Console):
    """A console whose plain-text messages go through :func:`printable`."""

    def print(self, *objects, **kwargs) -> None:  # noqa: A003
        super().print(*(printable(o) if isinstance(o, str) else o for o in objects), **kwargs)


out = Console(highlight=False, soft_wrap=True)
err = _SafeConsole(stderr=True, highlight=False, soft_wrap=True)


def output_path(value: str | Path) -> Path:
    """The ``-o`` option: a file to write; a name ending in ``/`` or an existing folder is a usage
    error, not a file named after the folder."""
    import os

    import typer

    value = str(value)
    if value.endswith(("/", os.sep)) or (value not in ("", "-") and Path(value).is_dir()):
        raise typer.BadParameter(f"{printable(value)} is a folder: give the file to write (e.g. {printable(value.rstrip('/' + os.sep))}/out.ttl)")
    return Path(value)


_DEBUG = False


def _version(value: bool) -> None:
    if value:
        from ..version import __version__

        out.print(f"zhkg {__version__}", markup=False)
        raise typer.Exit(0)


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
          version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    global _DEBUG
    _DEBUG = debug


def debugging() -> bool:
    """Was ``--debug`` given (show tracebacks instead of one-line errors)?"""
    return _DEBUG


#: the file name that means standard input (where a file is read) or standard output (``-o -``)
STD = "-"
DEFAULT_NER = "lac"


def _check_ner(value: str) -> str:
    """``--ner`` checked while the arguments are parsed, before any work (the default needs no check,
    and no loading of the pipeline)."""
    if value != DEFAULT_NER:
        from ..nlp.pipeline import BACKENDS

        if value not in BACKENDS:
            raise typer.BadParameter(f"unknown NER backend {value!r}; choose one of {', '.join(BACKENDS)}")
    return value


def ner_option(help: str) -> object:
    """The ``--ner`` option of every command that extracts, its value checked before any work."""
    return typer.Option("--ner", help=help, callback=_check_ner)


def is_std(path: object) -> bool:
    """Is ``path`` the ``-`` of standard input or output?"""
    return path is not None and str(path) == STD


def emit(output: object, text: str) -> None:
    """``text`` to the file ``output`` (atomically), or to standard output when ``output`` is
    ``None`` or ``-``."""
    if output is None or is_std(output):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ..graph.formats import write_atomic

    write_atomic(output, text)


def emit_chunks(output: object, chunks) -> None:
    """Text ``chunks`` as they come: to the file ``output`` (a temporary file renamed over it at
    the end, so a reader never sees half of it), or to standard output, flushed after each chunk.
    A reader of standard output that goes away (``| head``) ends the output quietly."""
    if output is not None and not is_std(output):
        from ..graph.formats import write_atomic_stream

        write_atomic_stream(output, chunks)
        return
    import os

    try:
        for chunk in chunks:
            sys.stdout.write(chunk)
            sys.stdout.flush()
    except BrokenPipeError:  # nothing more to write to: no message, and no second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def on_terminal() -> bool:
    """Is standard error a terminal (where a progress bar is shown)?"""
    return err.is_terminal


class Progress:
    """A rich progress bar on stderr while files are extracted (files done of the total when it is
    known, articles, claims, files a second, time left), shown only on a terminal; it vanishes when
    the run ends and :meth:`total_line` sums the run up in one line."""

    def __init__(self, what: str, total: int | None = None, enabled: bool = True, unit: str = "files"):
        self.what, self.total, self.enabled, self.unit = what, total, enabled, unit
        self.files = self.articles = self.claims = self.left_out = 0
        self._bar = self._task = None

    def __enter__(self) -> "Progress":
        import time

        self.started = time.monotonic()
        if self.enabled:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, ProgressColumn,
                                       TextColumn, TimeRemainingColumn)
            from rich.text import Text

            unit = self.unit

            class Rate(ProgressColumn):
                def render(self, task) -> Text:
                    return Text(f"{task.speed:.1f} {unit}/s" if task.speed else "")

            counts = ("files, {task.fields[articles]} articles, {task.fields[claims]} claims" if unit == "files"
                      else unit)  # a push counts graphs
            self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn(counts), Rate(), TimeRemainingColumn(), console=err, transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.what, total=self.total, articles=0, claims=0)
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def file(self, _path=None) -> None:
        self.files += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1)

    def doc(self, d) -> None:
        self.articles += 1
        self.claims += len(d.claims)
        self.left_out += len(d.rejected)
        if self._bar is not None:
            self._bar.update(self._task, articles=self.articles, claims=self.claims)

    def total_line(self, failed: int = 0, output: object = None) -> str:
        import time

        secs = time.monotonic() - self.started
        return (f"zhkg {self.what}: {self.files} file(s), {self.articles} article(s), {self.claims} claims"
                + (f", {self.left_out} left out" if self.left_out else "")
                + (f", {failed} failed" if failed else "")
                + f" in {secs:.1f} s"
                + (f" -> {output}" if output is not None and not is_std(output) else ""))
