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
    print(f"{'points':>12} {'numpy copy (peer)':>18} {'__arrow_c_array__':>18} {'from_arrow':>12} {'from_arrow / copy':>18}")
    for size in sizes:
        copy, export, load = rows[size]
        print(f"{size:>12,} {copy * 1e6:>15.1f} us {export * 1e6:>15.1f} us {load * 1e6:>9.1f} us {load / copy:>18.4f}")
    print(f"{'large/small':>12} {rows[large][0] / rows[small][0]:>18.1f} {rows[large][1] / rows[small][1]:>18.2f} "
          f"{rows[large][2] / rows[small][2]:>12.2f}")
    array = sharply.points(np.random.default_rng(1).random((large, 2)))
    imported = sharply.from_arrow(array)
    shared = _coordinate_address(imported) == _coordinate_address(array)
    print(f"imported array shares the producer's coordinate buffer ({large:,} points): {shared}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
