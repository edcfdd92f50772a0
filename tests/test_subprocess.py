"""A few real runs of the installed command: pipes, environment, `python -m`."""

import json
import os
import subprocess
import sys
from pathlib import Path

MINI = str(Path(__file__).parent / "data" / "mini.json")
COMMUNE = [sys.executable, "-m", "commune_cli"]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COMMUNE_DATA", "COMMUNE_FORCE_TTY", "NO_COLOR")}
    return env | extra


def test_piping_into_head_is_not_an_error():
    pipeline = f"{' '.join(COMMUNE)} events --format jsonl | head -1"
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, env=clean_env(), check=True)
    assert result.stderr == ""
    assert json.loads(result.stdout)["id"]


def test_closed_pipe_mid_output_stays_quiet():
    # Many copies of the output so that the writer is still writing when head leaves.
    pipeline = f"for i in 1 2 3; do {' '.join(COMMUNE)} events --json; done | head -c 10 >/dev/null"
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, env=clean_env())
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_no_color_and_pipe_carry_no_escape_codes():
    for env in (clean_env(), clean_env(NO_COLOR="1"), clean_env(NO_COLOR="1", COMMUNE_FORCE_TTY="1")):
        result = subprocess.run([*COMMUNE, "--data", MINI, "people"], capture_output=True, text=True, env=env)
        assert result.returncode == 0 and "\x1b" not in result.stdout and "Gaston Crémieux" in result.stdout


def test_usage_error_exit_code_and_single_line():
    result = subprocess.run(
        [*COMMUNE, "events", "--from", "1871-13-45"], capture_output=True, text=True, env=clean_env()
    )
    assert result.returncode == 2 and result.stdout == "" and len(result.stderr.splitlines()) == 1


def test_data_environment_variable():
    result = subprocess.run([*COMMUNE, "--version"], capture_output=True, text=True, env=clean_env(COMMUNE_DATA=MINI))
    assert "dataset test" in result.stdout


def test_help_does_not_load_the_data_stack():
    code = "import sys; from commune_cli.cli import cli; print('pydantic' in sys.modules, 'rich' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
