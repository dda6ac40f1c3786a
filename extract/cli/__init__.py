"""The command line: thin. Each command parses its arguments, calls one library function, prints.

One module per command group: :mod:`.extract` (normalize, extract, validate), :mod:`.store`,
:mod:`.query` (query, push) and :mod:`.compare` (diff, report), all on the app of :mod:`.common`.

Errors raised by the library (:class:`extract.errors.ZhkgError`) become one line on stderr and
an exit code; ``--debug`` shows the traceback instead.
"""
from __future__ import annotations

import sys
from typing import Optional

import typer

from ..errors import ZhkgError
from .common import app, debugging, err

# each module registers its commands on the app, in the order ``zhkg --help`` lists them
from . import extract  # noqa: F401, I001
from . import store  # noqa: F401
from . import query  # noqa: F401
from . import compare  # noqa: F401


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a supervisor, a container stopping), raised where the program is, so
    that it unwinds as Ctrl-C does: temporary files removed, worker processes ended."""


_TERMINATED = False


def _on_sigterm(signum, frame):
    global _TERMINATED
    _TERMINATED = True
    raise Terminated()


def usage_errors() -> tuple[type[BaseException], ...]:
    """The exception classes of click's usage errors, whichever click raised them: typer 0.2x
    bundles its own copy of click (``typer._click``), whose exceptions derive from
    ``typer.TyperException`` and not from the installed click's ``ClickException``."""
    classes: list[type[BaseException]] = []
    bundled = getattr(typer, "TyperException", None)
    if bundled is not None:
        classes.append(bundled)
    try:
        import click

        classes.append(click.exceptions.ClickException)
    except ImportError:  # typer without the separate click
        pass
    return tuple(classes)


def _show_usage_error(e: BaseException) -> int:
    """Click's usual message (usage line, hint, ``Error: …``) on stderr; its exit code (2 for usage)."""
    show = getattr(e, "show", None)
    if callable(show):
        show()
    else:
        msg = e.format_message() if hasattr(e, "format_message") else str(e)
        err.print(f"Error: {msg}", markup=False)
    return int(getattr(e, "exit_code", 2))


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of the ``zhkg`` console script. Exit codes: 0 success, 1 a result to act on
    (conflicts, violations, some files failed), 2 usage or input errors, 3 internal errors,
    130 interrupted, 143 terminated (SIGTERM is handled as Ctrl-C is)."""
    import signal
    import threading

    global _TERMINATED
    _TERMINATED = False
    if threading.current_thread() is not threading.main_thread():
        return _main(argv)
    before = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _main(argv)
    except Terminated:  # the signal arrived while the error of another was being reported
        err.print("zhkg: terminated", markup=False)
        return 143
    finally:
        signal.signal(signal.SIGTERM, before)


def run() -> None:
    """The ``zhkg`` console script: :func:`main` with the reads of a store bounded in memory
    (:mod:`extract.graph.guard`: a corrupt store cannot take the machine down)."""
    from ..graph import guard

    guard.enable()
    sys.exit(main())


def _stopped(e: BaseException | None = None) -> int:
    # click and typer turn the KeyboardInterrupt into Abort or Exit(130), not always keeping it
    term = isinstance(e, Terminated) or _TERMINATED
    err.print("zhkg: terminated" if term else "zhkg: interrupted", markup=False)
    return 143 if term else 130


def _main(argv: Optional[list[str]]) -> int:
    try:
        # with standalone_mode=False click returns a command's typer.Exit code instead of raising
        rc = app(args=argv, standalone_mode=False, prog_name="zhkg")
    except ZhkgError as e:
        if debugging():
            raise
        err.print(f"zhkg: error: {e}", markup=False)
        return e.exit_code
    except typer.Exit as e:
        if isinstance(e.__cause__, KeyboardInterrupt):  # typer turns Ctrl-C (and so SIGTERM) into Exit(130)
            return _stopped(e.__cause__)
        return e.exit_code
    except typer.Abort as e:  # click turns Ctrl-C (and so SIGTERM) into Abort
        if isinstance(e.__cause__, KeyboardInterrupt):
            return _stopped(e.__cause__)
        err.print("zhkg: aborted", markup=False)
        return 130
    except KeyboardInterrupt as e:
        return _stopped(e)
    except usage_errors() as e:  # click's usage errors: its message, exit 2
        return _show_usage_error(e)
    except Exception as e:
        if debugging():
            raise
        err.print(f"zhkg: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)", markup=False)
        return 3
    if rc == 130:  # typer turns Ctrl-C into typer.Exit(130)
        return _stopped()
    return rc if isinstance(rc, int) else 0


if __name__ == "__main__":
    run()
