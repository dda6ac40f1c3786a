"""What every command shares: the Typer app, the two consoles (results on stdout, messages on
stderr) and the ``--debug`` flag.
"""
from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="zhkg: Chinese business news -> knowledge graph of entities and numeric claims.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
_DEBUG = False


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    global _DEBUG
    _DEBUG = debug


def debugging() -> bool:
    """Was ``--debug`` given (show tracebacks instead of one-line errors)?"""
    return _DEBUG
