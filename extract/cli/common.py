"""What every command shares: the Typer app, the two consoles (results on stdout, messages on
stderr) and the ``--debug`` flag.
"""
from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

#: -h as well as --help, on every command (click's setting, inherited by the subcommands)
CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT,
                  help="zhkg: Chinese business news -> knowledge graph of entities and numeric claims.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
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
