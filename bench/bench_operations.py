"""Vectorized operations against Shapely 1.8 (GEOS 3.11) on the nybb boroughs.

- The seed experiment: ``for _ in range(1000): mp.intersects(mp)`` on Staten Island (nybb row 0), with
  Shapely 1.8, a Sharply scalar loop and one ``sharply.intersects(arr, arr)`` call over 1000 copies;
  "same object" compares a geometry with itself, "distinct copy" with an equal, separately decoded one.
- area / length / bounds / centroid of nybb x 1000 (real copies, not references), with the coordinate
  throughput in GB/s.
- intersects_xy / contains_xy of 1,000,000 random points against each borough (Shapely 1.8: a prepared
  geometry and a loop over points, timed on a sample and scaled per point).
- buffer(100) of the boroughs and of Staten Island alone, and the intersection of Brooklyn and Queens.

Sharply runs with 1 thread and with all threads.
"""

import os
import sys
import time
import warnings

import numpy as np

from common import best_of, print_table

def _to_sharply(geometries):
    """A GeometryArray decoded from the geometries' WKB: every row its own copy of the coordinates."""
    import sharply

    return sharply.from_wkb(np.array([g.wkb for g in geometries], dtype=object))


def _boroughs():
    import geopandas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = geopandas.read_file(geopandas.datasets.get_path("nybb"))
    return list(frame["BoroName"]), list(frame.geometry)


def _ratio(peer, ours):
    return f"{peer / ours:.1f}x"


def _thread_counts():
    return sorted({1, os.cpu_count() or 1})


def _seed(staten, repeat, quick):
    import shapely.wkb

    import sharply

    copy = shapely.wkb.loads(staten.wkb)
    one, other = _to_sharply([staten]), _to_sharply([staten])
    same_array = _to_sharply([staten] * repeat)
    distinct_array = _to_sharply([staten] * repeat)
    g, h = one[0], other[0]
    runs = 1 if quick else 3

    def loop(a, b):
        for _ in range(repeat):
            a.intersects(b)

    rows = []
    for label, a, b, arr_a, arr_b in [("same object", staten, staten, same_array, same_array),
                                       ("distinct copy", staten, copy, same_array, distinct_array)]:
        peer = best_of(lambda: loop(a, b), repeat=runs)
        sharply_b = g if label == "same object" else h
        for threads in _thread_counts():
            sharply.set_num_threads(threads)
            scalar = best_of(lambda: loop(g, sharply_b), repeat=runs)
            vector = best_of(lambda: sharply.intersects(arr_a, arr_b), repeat=runs)
            rows.append([label, threads, f"{peer * 1e3:.1f}", f"{scalar * 1e3:.3f}", _ratio(peer, scalar),
                         f"{vector * 1e3:.4f}", _ratio(peer, vector)])
    print_table(
        f"Seed: {repeat} x Staten Island intersects itself (ms for all {repeat})",
        ["variant", "threads", "Shapely 1.8 loop", "Sharply scalar loop", "ratio", "sharply.intersects(arr, arr)", "ratio"],
        rows,
    )


def _measures(boroughs, copies, quick):
    import sharply

    geometries = boroughs * copies
    array = _to_sharply(geometries)
    coordinate_bytes = int(sharply.get_num_coordinates(array).sum()) * 16
    runs = 2 if quick else 5
    peers = {
        "area": lambda: [g.area for g in geometries],
        "length": lambda: [g.length for g in geometries],
        "bounds": lambda: [g.bounds for g in geometries],
        "centroid": lambda: [g.centroid for g in geometries],
    }
    rows = []
    for name, peer_call in peers.items():
        peer = best_of(peer_call, repeat=runs)
        function = getattr(sharply, name)
        for threads in _thread_counts():
            sharply.set_num_threads(threads)
            ours = best_of(lambda: function(array), repeat=runs)
            rows.append([name, threads, f"{peer * 1e3:.1f}", f"{ours * 1e3:.2f}", _ratio(peer, ours),
                         f"{coordinate_bytes / ours / 1e9:.1f}"])
    print_table(
        f"Measures of nybb x {copies} ({len(geometries)} multipolygons, {coordinate_bytes / 1e6:.0f} MB of coordinates; ms)",
        ["function", "threads", "Shapely 1.8", "Sharply", "ratio", "Sharply GB/s"],
        rows,
    )


def _points_in(names, boroughs, count, quick):
    from shapely.geometry import Point
    from shapely.prepared import prep

    import sharply

    array = _to_sharply(boroughs)
    x0, y0, x1, y1 = sharply.total_bounds(array)
    rng = np.random.default_rng(0)
    xs, ys = rng.uniform(x0, x1, count), rng.uniform(y0, y1, count)
    sample = 1_000 if quick else 20_000
    points = [Point(x, y) for x, y in zip(xs[:sample], ys[:sample])]
    rows = []
    for function, method in [("intersects_xy", "intersects"), ("contains_xy", "contains")]:
        for k, name in enumerate(names):
            prepared = prep(boroughs[k])
            test = getattr(prepared, method)
            peer = best_of(lambda: [test(p) for p in points], repeat=1) / sample * count
            geometry = array[k]
            call = getattr(sharply, function)
            for threads in _thread_counts():
                sharply.set_num_threads(threads)
                ours = best_of(lambda: call(geometry, xs, ys), repeat=2 if quick else 3)
                rows.append([function, name, threads, f"{peer * 1e3:.0f}", f"{ours * 1e3:.1f}", _ratio(peer, ours),
                             f"{count / ours / 1e6:.2f}"])
    print_table(
        f"{count:,} random points against each borough (ms; Shapely 1.8: prepared geometry, per point from a "
        f"{sample:,}-point sample)",
        ["function", "borough", "threads", "Shapely 1.8", "Sharply", "ratio", "Sharply Mpoints/s"],
        rows,
    )


def _constructive(names, boroughs, quick):
    import sharply

    array = _to_sharply(boroughs)
    brooklyn, queens = boroughs[names.index("Brooklyn")], boroughs[names.index("Queens")]
    b, q = array[names.index("Brooklyn")], array[names.index("Queens")]
    staten = boroughs[names.index("Staten Island")]
    s = array[names.index("Staten Island")]
    runs = 1 if quick else 3
    cases = [
        ("buffer(100), 5 boroughs", lambda: [g.buffer(100, 8) for g in boroughs], lambda: sharply.buffer(array, 100.0)),
        ("buffer(100), Staten Island", lambda: staten.buffer(100, 8), lambda: sharply.buffer(s, 100.0)),
        ("intersection(Brooklyn, Queens)", lambda: brooklyn.intersection(queens), lambda: sharply.intersection(b, q)),
    ]
    rows = []
    for label, peer_call, our_call in cases:
        peer = best_of(peer_call, repeat=runs)
        for threads in _thread_counts():
            sharply.set_num_threads(threads)
            ours = best_of(our_call, repeat=runs)
            rows.append([label, threads, f"{peer * 1e3:.0f}", f"{ours * 1e3:.0f}", _ratio(peer, ours)])
    print_table("Constructive operations on the boroughs (ms)", ["operation", "threads", "Shapely 1.8", "Sharply", "ratio"], rows)


def main(quick=False):
    import sharply

    threads = sharply.get_num_threads()
    names, boroughs = _boroughs()
    start = time.perf_counter()
    try:
        _seed(boroughs[0], 20 if quick else 1000, quick)
        _measures(boroughs, 100 if quick else 1000, quick)
        _points_in(names, boroughs, 10_000 if quick else 1_000_000, quick)
        _constructive(names, boroughs, quick)
    finally:
        sharply.set_num_threads(threads)
    print(f"\n(operations benchmark: {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
