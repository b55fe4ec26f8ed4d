"""Linear referencing and line constructives against Shapely 1.8 (GEOS 3.11), in one run on the same data.

- interpolate (line_interpolate_point at half the length), project (line_locate_point of a point), segmentize
  (Shapely 1.8 has no densify: GEOSDensify through its library, tests/python/geos_reference.py) and
  clip_by_rect (the middle quarter of the extent) of random lines: 20,000 (2,000 quick) with 2 to 40 vertices.
- segmentize(500) and clip_by_rect (the middle of the extent) of the five New York boroughs.

Shapely 1.8 runs a loop over its geometries; Sharply one call, with 1 thread and with all threads.
"""

import os
import sys
import time
import warnings

import numpy as np

from common import best_of, print_table

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "python"))


def _to_sharply(geometries):
    import sharply

    return sharply.from_wkb(np.array([g.wkb for g in geometries], dtype=object))


def _random_lines(count):
    from shapely.geometry import LineString

    rng = np.random.default_rng(0)
    starts = rng.uniform(0, 10_000, (count, 2))
    return [LineString(start + np.cumsum(rng.normal(0, 100, (rng.integers(2, 41), 2)), axis=0)) for start in starts]


def _boroughs():
    import geopandas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = geopandas.read_file(geopandas.datasets.get_path("nybb"))
    return list(frame.geometry)


def _ratio(peer, ours):
    return f"{peer / ours:.1f}x"


def _thread_counts():
    return sorted({1, os.cpu_count() or 1})


def _rows(cases, runs):
    import sharply

    rows = []
    for label, peer_call, our_call in cases:
        peer = best_of(peer_call, repeat=runs)
        for threads in _thread_counts():
            sharply.set_num_threads(threads)
            ours = best_of(our_call, repeat=runs)
            rows.append([label, threads, f"{peer * 1e3:.1f}", f"{ours * 1e3:.2f}", _ratio(peer, ours)])
    return rows


def _middle(bounds, fraction):
    x0, y0, x1, y1 = bounds
    dx, dy = (x1 - x0) * fraction / 2, (y1 - y0) * fraction / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - dx, cy - dy, cx + dx, cy + dy


def _lines(count, quick):
    import shapely.ops
    from shapely.geometry import Point

    import geos_reference
    import sharply

    lines = _random_lines(count)
    array = _to_sharply(lines)
    point = Point(5_000, 5_000)
    our_point = sharply.points(5_000.0, 5_000.0)
    rectangle = _middle(sharply.total_bounds(array), 0.5)
    cases = [
        ("interpolate(0.5, normalized)", lambda: [g.interpolate(0.5, normalized=True) for g in lines],
         lambda: sharply.line_interpolate_point(array, 0.5, normalized=True)),
        ("project(point)", lambda: [g.project(point) for g in lines], lambda: sharply.line_locate_point(array, our_point)),
        ("segmentize(20)", lambda: [geos_reference.densify(g, 20.0) for g in lines], lambda: sharply.segmentize(array, 20.0)),
        ("clip_by_rect(middle quarter)", lambda: [shapely.ops.clip_by_rect(g, *rectangle) for g in lines],
         lambda: sharply.clip_by_rect(array, *rectangle)),
    ]
    print_table(f"{count:,} random lines of 2 to 40 vertices (ms for all)", ["operation", "threads", "Shapely 1.8 loop", "Sharply", "ratio"],
                _rows(cases, 1 if quick else 3))


def _nybb(quick):
    import shapely.ops

    import geos_reference
    import sharply

    boroughs = _boroughs()
    array = _to_sharply(boroughs)
    rectangle = _middle(sharply.total_bounds(array), 0.5)
    cases = [
        ("segmentize(500)", lambda: [geos_reference.densify(g, 500.0) for g in boroughs], lambda: sharply.segmentize(array, 500.0)),
        ("clip_by_rect(middle quarter)", lambda: [shapely.ops.clip_by_rect(g, *rectangle) for g in boroughs],
         lambda: sharply.clip_by_rect(array, *rectangle)),
    ]
    print_table("The five New York boroughs (ms for all)", ["operation", "threads", "Shapely 1.8 loop", "Sharply", "ratio"],
                _rows(cases, 1 if quick else 3))


def main(quick=False):
    import sharply

    threads = sharply.get_num_threads()
    start = time.perf_counter()
    try:
        _lines(2_000 if quick else 20_000, quick)
        _nybb(quick)
    finally:
        sharply.set_num_threads(threads)
    print(f"\n(linear benchmark: {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
