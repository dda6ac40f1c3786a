"""Every command says what it does and shows an example (sqlite-utils' test_docs idea)."""
import pytest
import typer.main

from extract.cli import app, main

CLICK = typer.main.get_command(app)


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,)


COMMANDS = sorted(_commands(CLICK))


def test_every_command_is_listed():
    assert {c[0] for c in COMMANDS} >= {"normalize", "extract", "validate", "query", "diff", "report", "store", "push"}


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_has_an_example(path, capsys):
    assert main([*path, "--help"]) == 0
    text = capsys.readouterr().out
    assert "Example" in text and f"zhkg {path[0]}" in text, text
