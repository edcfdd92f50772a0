import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from commune_cli import load
from commune_cli.cli import cli

MINI = Path(__file__).parent / "data" / "mini.json"


@pytest.fixture
def mini_path() -> Path:
    return MINI


@pytest.fixture
def mini():
    return load(MINI)


@pytest.fixture(scope="session")
def bundled():
    return load()


@pytest.fixture
def run(monkeypatch):
    """Run `commune ARGS...` through CliRunner; stdout and stderr stay apart."""
    for name in ("COMMUNE_DATA", "COMMUNE_FORCE_TTY", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)

    def invoke(*args: str, env: dict[str, str] | None = None):
        return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def run_mini(run):
    def invoke(*args: str, env: dict[str, str] | None = None):
        return run("--data", str(MINI), *args, env=env)

    return invoke


def as_json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)
