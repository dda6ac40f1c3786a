"""What every command shares: the Typer app, the two consoles (results on stdout, messages on
stderr) and the ``--debug`` flag.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
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


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    global _DEBUG
    _DEBUG = debug


def debugging() -> bool:
    """Was ``--debug`` given (show tracebacks instead of one-line errors)?"""
    return _DEBUG
