"""WKB and GeoJSON in and out: Sharply against GeoPandas 0.12 (Shapely 1.8 / GEOS 3.11).

Data: nybb x 1000 (5000 multipolygons, each decoded separately) and 1,000,000 points. Shapely 1.8's
per-geometry ``wkb.loads`` loop runs on a subset and is extrapolated (marked "~"). Sharply runs with one
thread and with all threads.
"""

import json
import sys
import time

import geopandas
import numpy as np
import shapely.wkb

import sharply

POLYGON_GEOJSON_ROWS = 250


def best(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def datasets(quick):
    nybb = [g.wkb for g in geopandas.read_file(geopandas.datasets.get_path("nybb")).geometry]
    copies = 50 if quick else 1000
    rng = np.random.default_rng(0)
    points = geopandas.GeoSeries.from_xy(*rng.uniform(0, 1000, (2, 100_000 if quick else 1_000_000)))
    return [
        (f"nybb x {copies}", nybb * copies),
        (f"{len(points):,} points", list(points.to_wkb())),
    ]


def row(name, peer, ours, one, megabytes):
    print(f"{name:<34} {peer:>11} {ours * 1e3:>10.1f} {one * 1e3:>10.1f} {megabytes / ours:>9.0f}"
          f" {peer_ratio(peer, ours):>8} {peer_ratio(peer, one):>8}")


def peer_ratio(peer, ours):
    seconds = float(peer.strip("~ms")) / 1e3
    return f"{seconds / ours:.1f}x"


def main(quick=False):
    threads = sharply.get_num_threads()
    repeat = 2 if quick else 3
    print(f"IO: Sharply ({threads} threads, and 1) vs GeoPandas 0.12 / Shapely 1.8; best of {repeat}")
    print(f"{'case':<34} {'peer ms':>11} {'sharply ms':>10} {'1 thread':>10} {'MB/s':>9} {'ratio':>8} {'ratio 1t':>8}")

    def timed(function):
        sharply.set_num_threads(threads)
        ours = best(function, repeat)
        sharply.set_num_threads(1)
        one = best(function, repeat)
        sharply.set_num_threads(threads)
        return ours, one

    for name, wkb in datasets(quick):
        objects = np.array(wkb, dtype=object)
        megabytes = sum(map(len, wkb)) / 1e6
        series = geopandas.GeoSeries.from_wkb(objects)
        array = sharply.from_wkb(objects)

        decode = timed(lambda: sharply.from_wkb(objects))
        peer = best(lambda: geopandas.GeoSeries.from_wkb(objects), repeat)
        row(f"from_wkb {name} (GeoSeries)", f"{peer * 1e3:.1f}", *decode, megabytes)
        subset = wkb[: max(1, len(wkb) // 20)]
        loop = best(lambda: [shapely.wkb.loads(b) for b in subset], 1) * len(wkb) / len(subset)
        row(f"from_wkb {name} (1.8 loop)", f"~{loop * 1e3:.1f}", *decode, megabytes)
        peer = best(lambda: series.to_wkb(), repeat)
        row(f"to_wkb {name} (GeoSeries)", f"{peer * 1e3:.1f}", *timed(lambda: sharply.to_wkb(array)), megabytes)

        # GeoJSON text is ~2.5x the WKB and to_json is slow: the polygons are cut to their first 250 rows.
        rows = POLYGON_GEOJSON_ROWS if name.startswith("nybb") else len(wkb)
        series, array = series[:rows], array[:rows]
        label = name if rows == len(wkb) else f"{name}[:{rows}]"
        text = sharply.to_geojson(array)
        text_megabytes = sum(map(len, text)) / 1e6
        peer = best(lambda: series.to_json(), 1)
        row(f"to_geojson {label} (to_json)", f"{peer * 1e3:.1f}", *timed(lambda: sharply.to_geojson(array)), text_megabytes)
        document = series.to_json()
        peer = best(lambda: json.loads(document), 1)
        row(f"from_geojson {label} (json.loads)", f"{peer * 1e3:.1f}", *timed(lambda: sharply.from_geojson(text)), text_megabytes)
    print("MB/s: input WKB (output GeoJSON text) megabytes per second with all threads; ~: extrapolated from 5% of the rows")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
