"""The README documents every command and option, and every option has help text."""

from pathlib import Path

import click
import pytest

from commune_cli.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_and_has_help(name):
    command = cli.commands[name]
    assert f"commune {name}" in README
    assert command.help
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts}"
            assert any(opt in README for opt in param.opts), f"{name} {param.opts} not in README"


def test_global_options_are_documented():
    for option in ("--version", "--data", "COMMUNE_DATA", "NO_COLOR", "COMMUNE_FORCE_TTY"):
        assert option in README


def test_readme_gives_the_ci_test_command():
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command in README
