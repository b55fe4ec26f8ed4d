"""Type checking: mypy passes on the package and on typical uses, and rejects wrong uses on the lines marked."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path(__file__).resolve().parent / "typing_samples"


def run_mypy(*targets):
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental"]
    result = subprocess.run([*command, *map(str, targets)], cwd=ROOT, env=environment, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def test_package_type_checks():
    code, output = run_mypy(ROOT / "python" / "sharply")
    assert code == 0, output


def test_typical_uses_type_check():
    code, output = run_mypy(SAMPLES / "usage.py")
    assert code == 0, output


def test_wrong_uses_are_rejected_on_the_marked_lines():
    sample = SAMPLES / "misuse.py"
    marked = {n for n, line in enumerate(sample.read_text().splitlines(), 1) if line.endswith("# E")}
    code, output = run_mypy(sample)
    reported = {int(n) for n in re.findall(r"misuse\.py:(\d+): error", output)}
    assert code == 1
    assert reported == marked, output
