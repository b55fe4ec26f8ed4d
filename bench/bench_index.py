"""Spatial join: random points inside nybb's bounds against the 5 boroughs, predicate intersects.

Both ways round (a tree of the boroughs queried with the points, and a tree of the points queried with
the boroughs), on 1 thread and all threads, against GeoPandas' sjoin (its spatial index backend:
rtree or pygeos) on the same data. The result pairs are checked to be the same. Goal: at least 10 M
points/s per core whichever way round; per core is measured on the process's CPU time, which a busy
shared machine inflates less than wall time.
"""

import os
import sys
import time

import geopandas
import numpy as np

import sharply
from common import print_table


def _best(function, repeat):
    """Best wall time and best CPU time (all threads of the process) of ``repeat`` runs, and the result."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, result


def _pairs(left_index, right_index):
    order = np.lexsort((right_index, left_index))
    return np.stack([left_index[order], right_index[order]])


def main(quick=False):
    count = 100_000 if quick else 1_000_000
    nybb = geopandas.read_file(geopandas.datasets.get_path("nybb"))
    boroughs = sharply.from_geopandas(nybb.geometry)
    x0, y0, x1, y1 = nybb.total_bounds
    rng = np.random.default_rng(42)
    coords = np.column_stack([rng.uniform(x0, x1, count), rng.uniform(y0, y1, count)])
    points = sharply.points(coords)
    frame = geopandas.GeoDataFrame(geometry=geopandas.points_from_xy(coords[:, 0], coords[:, 1]), crs=nybb.crs)
    backend = "pygeos" if geopandas._compat.USE_PYGEOS else "rtree" if geopandas._compat.HAS_RTREE else "none"

    repeat = 3
    peer_left, _, joined = _best(lambda: geopandas.sjoin(frame, nybb, predicate="intersects"), 1)
    expected = _pairs(joined.index.to_numpy(), joined["index_right"].to_numpy())
    peer_right, _, _ = _best(lambda: geopandas.sjoin(nybb, frame, predicate="intersects"), 1)

    threads = sharply.get_num_threads()
    rows = []
    for label, run, peer in [
        ("sjoin(points, boroughs): tree of boroughs", lambda: sharply.sjoin(points, boroughs), peer_left),
        ("sjoin(boroughs, points): tree of points", lambda: sharply.sjoin(boroughs, points)[::-1], peer_right),
    ]:
        for n in (1, threads):
            sharply.set_num_threads(n)
            seconds, cpu, pairs = _best(run, repeat)
            assert np.array_equal(_pairs(pairs[0], pairs[1]), expected), "sharply and geopandas disagree"
            rows.append([label, n, f"{seconds * 1e3:.1f}", f"{count / seconds / 1e6:.1f}", f"{count / cpu / 1e6:.1f}",
                         f"{peer * 1e3:.0f}", f"{peer / seconds:.0f}x"])
    sharply.set_num_threads(threads)
    print_table(
        f"Spatial join, {count:,} random points x 5 nybb boroughs, intersects "
        f"(geopandas {geopandas.__version__}, backend {backend}; {os.cpu_count()} cores; goal >= 10 M points/s per core)",
        ["sharply call", "threads", "ms", "M points/s", "M points/s per core (CPU time)", "geopandas ms", "speed-up"],
        rows,
    )


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
