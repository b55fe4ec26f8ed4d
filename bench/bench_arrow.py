"""Arrow PyCapsule Interface: export (__arrow_c_array__) and import (from_arrow) cost nothing per row.

For 1,000 and 10,000,000 points, times GeometryArray.__arrow_c_array__ and sharply.from_arrow (each on
its own, median of repeats) beside the peer a copying consumer would pay: numpy copying the coordinates.
The ratio large / small shows the time does not grow with the size. Finally it checks, through the
capsules (read with ctypes), that the imported array's coordinate buffer is the producer's.
"""

import ctypes
import statistics
import sys
import time

import numpy as np

import sharply
from common import print_table

_get_pointer = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.py_object, ctypes.c_char_p)(("PyCapsule_GetPointer", ctypes.pythonapi))


def _coordinate_address(array):
    """The address of the coordinate values an array exports (ArrowArray.children[0]->buffers[1])."""
    _, capsule = array.__arrow_c_array__()
    struct = _get_pointer(capsule, b"arrow_array")
    children = ctypes.c_void_p.from_address(struct + 6 * 8).value
    child = ctypes.c_void_p.from_address(children).value
    buffers = ctypes.c_void_p.from_address(child + 5 * 8).value
    return ctypes.c_void_p.from_address(buffers + 8).value


def _median_seconds(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(quick: bool):
    sizes = [1_000, 1_000_000 if quick else 10_000_000]
    repeats = 20 if quick else 50
    rows = {}
    for size in sizes:
        coords = np.random.default_rng(0).random((size, 2))
        array = sharply.points(coords)
        rows[size] = (
            _median_seconds(lambda: np.array(coords), max(3, repeats // 10)),
            _median_seconds(array.__arrow_c_array__, repeats),
            _median_seconds(lambda: sharply.from_arrow(array), repeats),
        )
    small, large = sizes
    table = []
    for size in sizes:
        copy, export, load = rows[size]
        table.append([f"{size:,}", f"{copy * 1e6:.1f}", f"{export * 1e6:.2f}", f"{load * 1e6:.2f}", f"{load / copy:.4f}x"])
    table.append(["large / small", *(f"{rows[large][i] / rows[small][i]:.2f}x" for i in range(3)), ""])
    print_table(
        "Arrow PyCapsule Interface: time per call (us), points with interleaved coordinates",
        ["points", "numpy copy (peer)", "__arrow_c_array__", "from_arrow", "from_arrow / copy"],
        table,
    )
    array = sharply.points(np.random.default_rng(1).random((large, 2)))
    imported = sharply.from_arrow(array)
    shared = _coordinate_address(imported) == _coordinate_address(array)
    print(f"\nThe imported array shares the producer's coordinate buffer ({large:,} points): {shared}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
