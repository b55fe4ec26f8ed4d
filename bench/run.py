"""Runs every benchmark module in bench/ (each has ``main(quick)`` and prints the peer and Sharply side by side).

Usage: python bench/run.py [--quick] [name ...]
"""

import importlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import machine  # noqa: E402


def main(argv):
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("--")]
    modules = sorted(p.stem for p in HERE.glob("*.py") if p.stem not in ("run", "common", "demo"))
    if names:
        modules = [m for m in modules if m.removeprefix("bench_") in names or m in names]
    print(f"# Sharply benchmarks ({'quick' if quick else 'full'})\n\nMachine: {machine()}")
    for name in modules:
        importlib.import_module(name).main(quick=quick)


if __name__ == "__main__":
    main(sys.argv[1:])
