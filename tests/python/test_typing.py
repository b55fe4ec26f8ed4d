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

# Typical uses: every annotation must hold.
USAGE = """\
import numpy as np
import numpy.typing as npt

import sharply

point: sharply.Geometry = sharply.points(1.0, 2.0)
array = sharply.from_wkt(["POINT (0 0)", "LINESTRING (0 0, 3 4)"])
disks: sharply.GeometryArray = sharply.buffer(array, 1.0, cap_style="square")
disk: sharply.Geometry = sharply.buffer(point, 1.0)
missing: None = sharply.buffer(None, 1.0)

area: float = sharply.area(point)
areas: npt.NDArray[np.float64] = sharply.area(disks)
hit: bool = sharply.intersects(point, disk)
hits: npt.NDArray[np.bool_] = sharply.intersects(disks, point)
reverse_hits: npt.NDArray[np.bool_] = sharply.within(point, disks)
near: bool = sharply.dwithin(point, disk, 2.0)
matrix: str | None = sharply.relate(point, disk)
gap: float = sharply.distance(point, disk)
type_ids: npt.NDArray[np.int32] = sharply.get_type_id(array)
reason: str | None = sharply.is_valid_reason(disk)
both: sharply.Geometry = sharply.union(point, disk)
merged: sharply.Geometry = sharply.union_all(disks)
wkt: str = sharply.to_wkt(point)
wkbs: npt.NDArray[np.object_] = sharply.to_wkb(disks)
coords: npt.NDArray[np.float64] = sharply.get_coordinates(disks)
coords_and_rows: tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]] = sharply.get_coordinates(disks, return_index=True)
first: sharply.Geometry | None = disks[0]
some: sharply.GeometryArray = disks[1:]
copy: sharply.GeometryArray = sharply.from_arrow(disks)
kind, ragged_coords, offsets = sharply.to_ragged_array(sharply.linestrings([[0, 0], [1, 1]], indices=[0, 0]))
method_area: float = disk.area
method_hit: bool = disk.contains(point)
threads: int = sharply.get_num_threads()
sharply.set_num_threads(threads)
"""

# Wrong uses: mypy must report an error on exactly the lines ending with "# E".
MISUSE = """\
import sharply

point = sharply.points(1.0, 2.0)
array = sharply.from_wkt(["POINT (0 0)"])

scalar_from_array: float = sharply.area(array)  # E
array_from_scalar: sharply.GeometryArray = sharply.buffer(point, 1.0)  # E
bool_from_array: bool = sharply.intersects(array, point)  # E
wrong_argument = sharply.set_num_threads("4")  # E
wrong_keyword = sharply.buffer(point, distance="far")  # E
unknown_method = point.no_such_method()  # E
"""


def run_mypy(*targets):
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental"]
    result = subprocess.run([*command, *map(str, targets)], cwd=ROOT, env=environment, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def test_package_type_checks():
    code, output = run_mypy(ROOT / "python" / "sharply")
    assert code == 0, output


def test_typical_uses_type_check(tmp_path):
    sample = tmp_path / "usage.py"
    sample.write_text(USAGE)
    code, output = run_mypy(sample)
    assert code == 0, output


def test_wrong_uses_are_rejected_on_the_marked_lines(tmp_path):
    sample = tmp_path / "misuse.py"
    sample.write_text(MISUSE)
    marked = {n for n, line in enumerate(MISUSE.splitlines(), 1) if line.endswith("# E")}
    code, output = run_mypy(sample)
    reported = {int(n) for n in re.findall(r"misuse\.py:(\d+): error", output)}
    assert code == 1, output
    assert reported == marked, output
