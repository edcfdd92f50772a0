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


def _console_examples():
    """(command, shown output) for every `$ commune ...` line in the README's console blocks."""
    import re

    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        lines = block.splitlines()
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
        for i, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            yield lines[i][2:], lines[i + 1 : end]


EXAMPLES = [(command, shown) for command, shown in _console_examples() if "|" not in command]


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_readme_examples_show_real_output(run, command, shown):
    """The tour is what the tool prints today: at 100 columns, without colour, as on a terminal."""
    import shlex

    args = shlex.split(command)[1:]
    result = run(*args, env={"COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1", "COLUMNS": "100"})
    printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    if shown and shown[-1] == "…":
        printed, shown = printed[: len(shown) - 1], shown[:-1]
    assert printed == shown, "the README shows stale output: run python scripts/refresh_readme.py"


def test_readme_states_the_dataset_as_it_is(bundled):
    for count, noun in ((len(bundled.events), "events"), (len(bundled.people), "people"),
                        (len(bundled.sources), "sources")):
        assert f"**{count} {noun}**" in README, "stale dataset figures: run python scripts/refresh_readme.py"
