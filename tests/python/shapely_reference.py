"""Reference values computed from Shapely 1.8 objects (loops are fine here: this is the test oracle)."""

import numpy as np

_TYPE_IDS = {
    "Point": 0,
    "LineString": 1,
    "Polygon": 3,
    "MultiPoint": 4,
    "MultiLineString": 5,
    "MultiPolygon": 6,
}


def coordinates(sequence, include_z):
    """An (n, 2|3) array of a Shapely coordinate sequence (NaN z for 2D input)."""
    values = [tuple(c) for c in sequence.coords]
    dim = 3 if include_z else 2
    out = np.full((len(values), dim), np.nan)
    for i, c in enumerate(values):
        out[i, : min(dim, len(c))] = c[:dim]
    return out


def rings(polygon):
    return [] if polygon.is_empty else [polygon.exterior, *polygon.interiors]


def parts(geometry):
    if geometry is None:
        return []
    return list(geometry.geoms) if geometry.geom_type.startswith("Multi") else [geometry]


def get_coordinates(geometries, include_z=False):
    """Shapely 2's get_coordinates on Shapely 1.8 objects: (coords, row index)."""
    blocks, index = [], []
    for row, geometry in enumerate(geometries):
        for part in parts(geometry) if geometry is not None and geometry.geom_type != "GeometryCollection" else (
            [] if geometry is None else list(geometry.geoms)
        ):
            sequences = rings(part) if part.geom_type == "Polygon" else [part]
            for sequence in sequences:
                if sequence.is_empty:
                    continue
                block = coordinates(sequence, include_z)
                blocks.append(block)
                index.extend([row] * len(block))
    dim = 3 if include_z else 2
    coords = np.concatenate(blocks) if blocks else np.empty((0, dim))
    return coords, np.array(index, dtype=np.int64)


def _offsets(counts):
    return np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]).astype(np.int32)


def to_ragged_array(geometries, include_z):
    """Shapely 2's to_ragged_array on Shapely 1.8 objects: (type id, coords, offsets)."""
    types = {g.geom_type for g in geometries if g is not None}
    family = {t.replace("Multi", "") for t in types}
    assert len(family) == 1
    target = types.pop() if len(types) == 1 else "Multi" + family.pop()
    dim = 3 if include_z else 2
    blocks = []

    def add(sequence):
        block = coordinates(sequence, include_z)
        blocks.append(block)
        return len(block)

    if target == "Point":
        for g in geometries:
            if g is None or g.is_empty:
                blocks.append(np.full((1, dim), np.nan))
            else:
                add(g)
        offsets = ()
    elif target == "LineString":
        offsets = (_offsets([0 if g is None else add(g) for g in geometries]),)
    elif target == "MultiPoint":
        offsets = (_offsets([sum(add(p) for p in parts(g)) for g in geometries]),)
    elif target == "Polygon":
        ring_counts, polygon_counts = [], []
        for g in geometries:
            polygon_rings = [] if g is None else rings(g)
            ring_counts.extend(add(r) for r in polygon_rings)
            polygon_counts.append(len(polygon_rings))
        offsets = (_offsets(ring_counts), _offsets(polygon_counts))
    elif target == "MultiLineString":
        line_counts, part_counts = [], []
        for g in geometries:
            lines = parts(g)
            line_counts.extend(add(line) for line in lines)
            part_counts.append(len(lines))
        offsets = (_offsets(line_counts), _offsets(part_counts))
    else:
        ring_counts, polygon_counts, part_counts = [], [], []
        for g in geometries:
            polygons = parts(g)
            for p in polygons:
                polygon_rings = rings(p)
                ring_counts.extend(add(r) for r in polygon_rings)
                polygon_counts.append(len(polygon_rings))
            part_counts.append(len(polygons))
        offsets = (_offsets(ring_counts), _offsets(polygon_counts), _offsets(part_counts))
    coords = np.concatenate(blocks) if blocks else np.empty((0, dim))
    return _TYPE_IDS[target], coords, offsets


def assert_ragged_equal(actual, expected):
    type_id, coords, offsets = actual
    assert int(type_id) == expected[0]
    np.testing.assert_array_equal(coords, expected[1])
    assert len(offsets) == len(expected[2])
    for got, want in zip(offsets, expected[2]):
        np.testing.assert_array_equal(got, want)
