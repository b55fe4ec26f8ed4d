"""STRtree, sjoin and sjoin_geopandas against brute force with Shapely 1.8 and GeoPandas 0.12's sjoin."""

import geopandas
import geopandas.testing
import numpy as np
import pytest
import shapely.geometry as sg
from shapely.prepared import prep

import sharply

PREDICATES = ["intersects", "within", "contains", "overlaps", "crosses", "touches", "covers", "covered_by",
              "contains_properly"]


def to_sharply(geoms):
    """Shapely 1.8 geometries (None = missing) as a GeometryArray."""
    return sharply.from_wkb(np.array([None if g is None else g.wkb for g in geoms], dtype=object))


def holds(a, b, predicate, distance=None):
    """predicate(a, b) by Shapely 1.8 (missing and empty never match)."""
    if a is None or b is None or a.is_empty or b.is_empty:
        return False
    if predicate == "dwithin":
        return a.distance(b) <= distance
    if predicate == "contains_properly":
        return a.relate_pattern(b, "T**FF*FF*")
    return getattr(a, predicate)(b)


def _bounds(geometries):
    """(n, 4) bounds of Shapely geometries; NaN rows for None and empty ones (they match nothing)."""
    return np.array([[np.nan] * 4 if g is None or g.is_empty else g.bounds for g in geometries]).reshape(-1, 4)


def brute(inputs, tree, predicate, distance=None):
    """Sorted (input, tree) pairs for which predicate(input, tree) holds; pairs whose boxes are apart fail
    every predicate, so only pairs whose boxes meet (computed with numpy) are evaluated."""
    a, b = _bounds(inputs), _bounds(tree)
    dx = np.maximum(np.maximum(a[:, None, 0] - b[None, :, 2], b[None, :, 0] - a[:, None, 2]), 0)
    dy = np.maximum(np.maximum(a[:, None, 1] - b[None, :, 3], b[None, :, 1] - a[:, None, 3]), 0)
    limit = distance or 0.0
    candidates = np.argwhere(dx * dx + dy * dy <= limit * limit)
    pairs = [(i, j) for i, j in candidates if holds(inputs[i], tree[j], predicate, distance)]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2).T


def swap(pairs):
    """(a, b) pairs as (b, a) pairs, sorted by b then a."""
    return pairs[::-1][:, np.lexsort((pairs[0], pairs[1]))]


def random_points(count, bounds, seed):
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = bounds
    xs, ys = rng.uniform(x0, x1, count), rng.uniform(y0, y1, count)
    return [sg.Point(x, y) for x, y in zip(xs, ys)]


def brute_sharply(inputs, tree, predicate):
    """Sorted (input, tree) pairs for which Sharply's own vectorized predicate holds, over all pairs."""
    a, b = to_sharply(inputs), to_sharply(tree)
    i, j = np.divmod(np.arange(len(inputs) * len(tree)), len(tree))
    keep = getattr(sharply, predicate)(a[i], b[j])
    return np.stack([i[keep], j[keep]]).astype(np.int64)


def mixed_shapes(seed, circles=True):
    """Polygons, lines and points on a small integer grid (so many touch), with None and empties. Circles
    (buffered points) have irrational vertices: lines ending next to them are near-degenerate cases where
    NetTopologySuite's RelateNG and GEOS 3.11's relate can legitimately differ."""
    rng = np.random.default_rng(seed)
    shapes = []
    for _ in range(60):
        x, y = rng.integers(0, 20, 2)
        w, h = rng.integers(1, 6, 2)
        kind = rng.integers(0, 4 if circles else 3)
        if kind == 0:
            shapes.append(sg.box(x, y, x + w, y + h))
        elif kind == 1:
            shapes.append(sg.LineString([(x, y), (x + w, y + h)]))
        elif kind == 2:
            shapes.append(sg.Point(x, y))
        else:
            shapes.append(sg.Point(x, y).buffer(w, 8))
    return shapes + [None, sg.Polygon(), sg.Point(), sg.MultiPoint([(1, 1), (3, 4)])]


@pytest.fixture(scope="module")
def nybb():
    return geopandas.read_file(geopandas.datasets.get_path("nybb"))


@pytest.fixture(scope="module")
def countries():
    return geopandas.read_file(geopandas.datasets.get_path("naturalearth_lowres"))


@pytest.fixture(scope="module")
def cities():
    return geopandas.read_file(geopandas.datasets.get_path("naturalearth_cities"))


@pytest.mark.parametrize("predicate", PREDICATES)
def test_query_matches_the_predicate_functions_on_mixed_shapes(predicate):
    shapes = mixed_shapes(1)
    tree = sharply.STRtree(to_sharply(shapes))
    result = tree.query(to_sharply(shapes), predicate=predicate)
    assert result.dtype == np.int64 and result.shape[0] == 2
    np.testing.assert_array_equal(result, brute_sharply(shapes, shapes, predicate))


@pytest.mark.parametrize("predicate", PREDICATES)
def test_query_matches_geos_on_grid_shapes(predicate):
    shapes = mixed_shapes(2, circles=False)
    result = sharply.STRtree(to_sharply(shapes)).query(to_sharply(shapes), predicate=predicate)
    np.testing.assert_array_equal(result, brute(shapes, shapes, predicate))


@pytest.mark.parametrize("predicate", PREDICATES)
def test_countries_and_cities_both_ways_round(predicate, countries, cities):
    c, p = list(countries.geometry), list(cities.geometry)
    np.testing.assert_array_equal(sharply.STRtree(to_sharply(c)).query(to_sharply(p), predicate=predicate),
                                  brute(p, c, predicate))
    np.testing.assert_array_equal(sharply.STRtree(to_sharply(p)).query(to_sharply(c), predicate=predicate),
                                  brute(c, p, predicate))
    np.testing.assert_array_equal(sharply.sjoin(to_sharply(c), to_sharply(c), predicate), brute(c, c, predicate))


def test_nybb_boroughs_and_random_points_both_ways_round(nybb):
    boroughs = list(nybb.geometry)
    points = random_points(3000, nybb.total_bounds, seed=7)
    prepared = [prep(b) for b in boroughs]
    inside = [(i, j) for i, pt in enumerate(points) for j, b in enumerate(prepared) if b.intersects(pt)]
    strictly = [(i, j) for i, pt in enumerate(points) for j, b in enumerate(prepared) if b.contains(pt)]
    inside, strictly = np.array(inside).T, np.array(strictly).T
    assert inside.shape[1] > 500
    tree_of_boroughs, tree_of_points = sharply.STRtree(to_sharply(boroughs)), sharply.STRtree(to_sharply(points))
    np.testing.assert_array_equal(tree_of_boroughs.query(to_sharply(points), predicate="intersects"), inside)
    np.testing.assert_array_equal(tree_of_boroughs.query(to_sharply(points), predicate="within"), strictly)
    np.testing.assert_array_equal(tree_of_points.query(to_sharply(boroughs), predicate="contains"), swap(strictly))
    np.testing.assert_array_equal(sharply.sjoin(to_sharply(boroughs), to_sharply(points), "intersects"), swap(inside))


def test_scalar_query_returns_sorted_tree_indices():
    tree = sharply.STRtree(to_sharply([sg.box(0, 0, 2, 2), None, sg.Point(1, 1), sg.box(5, 5, 6, 6), sg.Point(1, 1)]))
    result = tree.query(to_sharply([sg.Point(1, 1)])[0])
    assert result.dtype == np.int64 and result.tolist() == [0, 2, 4]
    assert tree.query(to_sharply([sg.Point(1, 1)])[0], predicate="contains").tolist() == [2, 4]
    assert tree.query(None).tolist() == []
    assert tree.query(to_sharply([None, sg.Point()])).shape == (2, 0)
    assert len(tree) == 4


@pytest.mark.parametrize("distance", [0.0, 0.5, 2.0])
def test_dwithin_matches_brute_force(distance):
    shapes = mixed_shapes(2)
    result = sharply.STRtree(to_sharply(shapes)).query(to_sharply(shapes), predicate="dwithin", distance=distance)
    np.testing.assert_array_equal(result, brute(shapes, shapes, "dwithin", distance))


def test_dwithin_distance_per_input():
    shapes = mixed_shapes(3)
    distances = np.where(np.arange(len(shapes)) % 2 == 0, 1.5, np.nan)
    result = sharply.STRtree(to_sharply(shapes)).query(to_sharply(shapes), predicate="dwithin", distance=distances)
    expected = brute(shapes, shapes, "dwithin", 1.5)
    np.testing.assert_array_equal(result, expected[:, expected[0] % 2 == 0])


def test_empty_tree_and_bad_arguments():
    empty = sharply.STRtree(to_sharply([]))
    assert len(empty) == 0
    assert empty.query(to_sharply([sg.Point(0, 0)])).shape == (2, 0)
    assert empty.nearest(to_sharply([sg.Point(0, 0)])) is None
    only_missing = sharply.STRtree(to_sharply([None, sg.Polygon()]))
    assert len(only_missing) == 0
    assert only_missing.query(to_sharply([sg.box(-1, -1, 1, 1)]), predicate="intersects").shape == (2, 0)
    tree = sharply.STRtree(to_sharply([sg.Point(0, 0)]))
    with pytest.raises(ValueError, match="not a valid option"):
        tree.query(to_sharply([sg.Point(0, 0)]), predicate="nearby")
    with pytest.raises(ValueError, match="distance parameter must be provided"):
        tree.query(to_sharply([sg.Point(0, 0)]), predicate="dwithin")
    with pytest.raises(ValueError, match="distance must hold 1 or 1 values"):
        tree.query(to_sharply([sg.Point(0, 0)]), predicate="dwithin", distance=[1.0, 2.0])
    with pytest.raises(ValueError, match="node_capacity"):
        sharply.STRtree(to_sharply([sg.Point(0, 0)]), node_capacity=1)
    with pytest.raises(ValueError, match="greater than 0"):
        tree.query_nearest(to_sharply([sg.Point(0, 0)]), max_distance=0)
    with pytest.raises(ValueError, match="must be boolean"):
        tree.query_nearest(to_sharply([sg.Point(0, 0)]), exclusive="yes")


def brute_nearest(inputs, tree, all_matches=True, exclusive=False, max_distance=None):
    pairs, distances = [], []
    for i, a in enumerate(inputs):
        if a is None or a.is_empty:
            continue
        candidates = [(a.distance(b), j) for j, b in enumerate(tree)
                      if b is not None and not b.is_empty and not (exclusive and a.equals(b))]
        candidates = [(d, j) for d, j in candidates if max_distance is None or d <= max_distance]
        if not candidates:
            continue
        best = min(d for d, _ in candidates)
        ties = sorted(j for d, j in candidates if d == best)
        for j in ties if all_matches else ties[:1]:
            pairs.append((i, j))
            distances.append(best)
    return np.array(pairs, dtype=np.int64).reshape(-1, 2).T, np.array(distances)


@pytest.mark.parametrize("all_matches", [True, False])
@pytest.mark.parametrize("exclusive", [True, False])
def test_query_nearest_matches_brute_force(all_matches, exclusive):
    shapes = mixed_shapes(4)
    queries = random_points(100, (-2, -2, 25, 25), seed=5) + [None, sg.Point()] + shapes[:20]
    tree = sharply.STRtree(to_sharply(shapes))
    indices, distances = tree.query_nearest(to_sharply(queries), return_distance=True, all_matches=all_matches,
                                            exclusive=exclusive)
    expected, expected_distances = brute_nearest(queries, shapes, all_matches, exclusive)
    np.testing.assert_array_equal(indices, expected)
    np.testing.assert_allclose(distances, expected_distances, rtol=1e-12, atol=1e-12)
    limited = tree.query_nearest(to_sharply(queries), max_distance=0.5)
    np.testing.assert_array_equal(limited, brute_nearest(queries, shapes, max_distance=0.5)[0])


def test_nearest_matches_brute_force(countries, cities):
    c, p = list(countries.geometry), list(cities.geometry)
    tree = sharply.STRtree(to_sharply(c))
    expected = brute_nearest(p, c, all_matches=False)[0][1]
    np.testing.assert_array_equal(tree.nearest(to_sharply(p)), expected)
    assert tree.nearest(to_sharply(p)[3]) == expected[3]
    with pytest.raises(ValueError, match="empty geometry or missing value"):
        tree.nearest(to_sharply([p[0], None]))


def assert_same_join(ours, theirs):
    assert list(ours.columns) == list(theirs.columns)
    key = [ours.index.name or "index", "index_right"]
    a = ours.reset_index().sort_values(key).reset_index(drop=True)
    b = theirs.reset_index().sort_values(key).reset_index(drop=True)
    geopandas.testing.assert_geodataframe_equal(a, b, check_dtype=False, check_index_type=False)


@pytest.mark.parametrize("predicate", ["intersects", "within", "contains"])
def test_sjoin_geopandas_matches_geopandas_on_countries_and_cities(predicate, countries, cities):
    for left, right in [(cities, countries), (countries, cities)]:
        assert_same_join(sharply.sjoin_geopandas(left, right, predicate=predicate),
                         geopandas.sjoin(left, right, predicate=predicate))


def test_sjoin_geopandas_matches_geopandas_on_nybb(nybb):
    points = geopandas.GeoDataFrame({"id": np.arange(300)},
                                    geometry=random_points(300, nybb.total_bounds, seed=11), crs=nybb.crs)
    for how in ["inner", "left"]:
        assert_same_join(sharply.sjoin_geopandas(points, nybb, how=how), geopandas.sjoin(points, nybb, how=how))
    assert_same_join(sharply.sjoin_geopandas(nybb, points), geopandas.sjoin(nybb, points))
