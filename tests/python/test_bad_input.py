"""Bad input never crashes, hangs or leaks a .NET error: every public callable crossed with bad and edge arguments.

The matrix is derived from the signatures (``inspect.signature``), so a new function in ``sharply.__all__``
is swept without editing this file. Every call either returns or raises a ``TypeError`` / ``ValueError``
(``sharply.errors`` derive from them; ``IndexError`` for indexing, ``AttributeError`` for a property a
geometry type does not have, ``OverflowError`` from CPython's own int conversion) whose message carries no
.NET text. The calls run in a child process (this file run as a script) that reports each call before
making it, so a segfault, an abort or a hang fails the test named after the call, and the sweep resumes
after it in a new child.
"""

import faulthandler
import inspect
import json
import math
import os
import selectors
import struct
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import pytest

import sharply
from arrow_c import Field, Node, Producer, geoarrow

#: Text that only .NET puts in a message (type names, the runtime's own messages).
DOTNET_TEXT = (
    "System.",
    ".NET",
    "Exception",
    "internal error",
    "Index was outside the bounds",
    "Object reference not set",
    "Unable to cast",
    "Arithmetic operation resulted in an overflow",
    "Specified argument was out of the range",
    "Value cannot be null",
    "Input string was not in a correct format",
    "Handle is not initialized",
    "Non-negative number required",
    "Destination array was not long enough",
)
# A call that has not returned by then counts as a hang: generous, because a loaded CI machine may take
# seconds over a call's first imports (GeoPandas for the GeoSeries arguments), and a real hang never returns.
HANG_SECONDS = 30.0

WKT = [
    "POINT (1 2)",
    "POINT Z (1 2 3)",
    "LINESTRING (0 0, 1 1, 2 0)",
    "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
    "MULTIPOINT ((0 0), (3 3))",
    "MULTILINESTRING ((0 0, 1 0), (5 5, 5 8))",
    "MULTIPOLYGON (((20 20, 30 20, 30 30, 20 30, 20 20)))",
    "GEOMETRYCOLLECTION (POINT (2 3), LINESTRING (0 0, 0 5))",
    None,
]
EMPTY_WKT = [
    "POINT EMPTY",
    "LINESTRING EMPTY",
    "POLYGON EMPTY",
    "MULTIPOINT EMPTY",
    "MULTILINESTRING EMPTY",
    "MULTIPOLYGON EMPTY",
    "GEOMETRYCOLLECTION EMPTY",
]


def _wkb(type_code, *parts):
    """Little-endian WKB of a point (one (x, y)), a linestring (a list of them) or a polygon (a list of rings)."""
    def points(values):
        return struct.pack("<I", len(values)) + b"".join(struct.pack("<dd", *xy) for xy in values)

    if type_code == 1:
        return struct.pack("<BIdd", 1, 1, *parts[0])
    if type_code == 2:
        return struct.pack("<BI", 1, 2) + points(parts[0])
    return struct.pack("<BII", 1, 3, len(parts)) + b"".join(points(ring) for ring in parts)


#: Geometries with NaN or infinite coordinates (WKT cannot spell every one of them).
NAN_WKB = [
    _wkb(1, (math.nan, 1.0)),
    _wkb(2, [(0.0, 0.0), (math.nan, 1.0), (2.0, 2.0)]),
    _wkb(2, [(math.nan, math.nan), (math.nan, math.nan)]),
    _wkb(3, [(0.0, 0.0), (1.0, 0.0), (1.0, math.nan), (0.0, 0.0)]),
]
INF_WKB = [
    _wkb(1, (math.inf, 1.0)),
    _wkb(2, [(0.0, 0.0), (math.inf, 1.0)]),
    _wkb(2, [(0.0, 0.0), (1e308, 1e308), (-1e308, 1e308)]),
    _wkb(3, [(0.0, 0.0), (math.inf, 0.0), (1.0, 1.0), (0.0, 0.0)]),
]


def _array(texts):
    return sharply.from_wkt(np.array(texts, dtype=object))


def _read_only(array):
    array.flags.writeable = False
    return array


def _generator():
    return (value for value in [1.0, 2.0])


def bad_values():
    """(name, factory) of every bad or edge argument; factories give a fresh value per call."""
    return [
        ("None", lambda: None),
        ("nan", lambda: math.nan),
        ("inf", lambda: math.inf),
        ("-inf", lambda: -math.inf),
        ("0", lambda: 0),
        ("-1", lambda: -1),
        ("2**31", lambda: 2**31),
        ("2**63", lambda: 2**63),
        ("-2**63-1", lambda: -(2**63) - 1),
        ("10**100", lambda: 10**100),
        ("1e300", lambda: 1e300),
        ("-1e300", lambda: -1e300),
        ("True", lambda: True),
        ("''", lambda: ""),
        ("'abc'", lambda: "abc"),
        ("b''", lambda: b""),
        ("bytes junk", lambda: b"\x01\x02\x00\x00\x00\xff\xff\xff\x7f"),
        ("{}", lambda: {}),
        ("dict", lambda: {"type": "Point"}),
        ("[]", lambda: []),
        ("[None]", lambda: [None]),
        ("mixed list", lambda: [1, "a", None, b"x", 2.5]),
        ("nested list", lambda: [[1, 2], [3]]),
        ("generator", _generator),
        ("lambda", lambda: (lambda: 0)),
        ("object()", object),
        ("np.float64 nan", lambda: np.float64("nan")),
        ("0-d float", lambda: np.array(1.5)),
        ("0-d int", lambda: np.array(3)),
        ("2-d float", lambda: np.zeros((2, 2))),
        ("3-d float", lambda: np.ones((2, 2, 2))),
        ("4-d float", lambda: np.ones((1, 2, 2, 2))),
        ("empty float", lambda: np.zeros(0)),
        ("empty (0, 2)", lambda: np.zeros((0, 2))),
        ("object ints/str/None", lambda: np.array([1, "a", None], dtype=object)),
        ("object bytes/None", lambda: np.array([b"\x01\x01", None], dtype=object)),
        ("object None", lambda: np.array([None, None], dtype=object)),
        ("int8", lambda: np.array([1, -1, 3], dtype=np.int8)),
        ("uint64 huge", lambda: np.array([0, 2**64 - 1], dtype=np.uint64)),
        ("int64 negative", lambda: np.array([0, -5, 2**62], dtype=np.int64)),
        ("float32", lambda: np.array([1, 2, 3], dtype=np.float32)),
        ("complex", lambda: np.array([1 + 2j, 3j])),
        ("bool array", lambda: np.array([True, False])),
        ("str array", lambda: np.array(["POINT (1 1)", "x"])),
        ("nan array", lambda: np.array([math.nan, math.inf, -math.inf])),
        ("non-contiguous", lambda: np.arange(20.0)[::3]),
        ("non-contiguous (N, 2)", lambda: np.arange(24.0).reshape(4, 6)[:, ::3]),
        ("fortran (N, 2)", lambda: np.asfortranarray(np.arange(12.0).reshape(6, 2))),
        ("read-only", lambda: _read_only(np.arange(6.0).reshape(3, 2))),
        ("empty GeometryArray", lambda: sharply.points(np.zeros((0, 2)))),
        ("empties GeometryArray", lambda: _array(EMPTY_WKT)),
        ("Z GeometryArray", lambda: _array(["POINT Z (1 2 3)", "LINESTRING Z (0 0 1, 1 1 nan)"])),
        ("None GeometryArray", lambda: _array([None, None])),
        ("short GeometryArray", lambda: _array(WKT[:3])),
        ("NaN coordinates GeometryArray", lambda: sharply.from_wkb(np.array((NAN_WKB * 3)[: len(WKT)], dtype=object))),
        ("inf coordinates GeometryArray", lambda: sharply.from_wkb(np.array((INF_WKB * 3)[: len(WKT)], dtype=object))),
        ("empty Geometry", lambda: sharply.from_wkt("POLYGON EMPTY")),
        ("nan Geometry", lambda: sharply.points(math.nan, math.nan)),
        ("object Geometry/None", lambda: np.array([sharply.points(1.0, 1.0), None, 3], dtype=object)),
    ]


def good_values():
    """Per parameter name, a value that works: the sweep replaces one argument at a time."""
    geometries = _array(WKT)
    return {
        "geometry": geometries,
        "geometries": geometries,
        "geoms": geometries,
        "geom": geometries,
        "point": geometries,
        "a": geometries,
        "b": geometries[::-1],
        "left": geometries,
        "right": geometries[::-1],
        "other": sharply.from_wkt("POLYGON ((0 0, 5 0, 5 5, 0 0))"),
        "distance": 1.0,
        "tolerance": 0.5,
        "pattern": "T********",
        "x": 1.0,
        "y": 2.0,
        "n": 1,
        "arrays": [geometries, geometries],
        "obj": geometries[:2],
        "coords": np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]),
        "geometry_type": "linestring",
        "value": 3,
    }


#: Good values of one function's parameters where the name alone is not enough.
def function_good_values():
    geometries = _array(WKT)
    ring = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    return {
        "from_wkb": {"geometry": sharply.to_wkb(geometries)},
        "from_wkt": {"geometry": sharply.to_wkt(geometries)},
        "from_geojson": {"geometry": sharply.to_geojson(geometries)},
        "from_shapely": {"geometry": sharply.to_shapely(geometries)},
        "from_geopandas": {"data": sharply.to_geopandas(geometries)},
        "sjoin_geopandas": {
            "left_df": sharply.to_geopandas(geometries).to_frame("geometry"),
            "right_df": sharply.to_geopandas(geometries).to_frame("geometry"),
        },
        "polygons": {"geometries": ring},
        "multipoints": {"geometries": sharply.points(ring)},
        "multilinestrings": {"geometries": sharply.linestrings(np.stack([ring, ring]))},
        "multipolygons": {"geometries": sharply.polygons(np.stack([ring, ring]))},
        "concat": {"arrays": [geometries, geometries]},
        "intersection_all": {"geometries": geometries},
        "union_all": {"geometries": geometries},
        "unary_union": {"geometries": geometries},
        "set_num_threads": {"n": 1},
    }


def targets():
    """Public name -> callable, with the methods of the public types and one tree's query methods."""
    found = {}
    for name in sorted(sharply.__all__):
        obj = getattr(sharply, name)
        if callable(obj):
            found[name] = obj
    for name in sorted(dir(sharply.Geometry)):
        if not name.startswith("_"):
            found[f"Geometry.{name}"] = name if callable(getattr(sharply.Geometry, name)) else ("property", name)
    tree = sharply.STRtree(_array(WKT))
    for name in ("query", "nearest", "query_nearest"):
        found[f"STRtree.{name}"] = getattr(tree, name)
    array = _array(WKT)
    for name in ("__getitem__", "__arrow_c_array__", "__arrow_c_stream__", "__eq__"):
        found[f"GeometryArray.{name}"] = getattr(array, name)
    return found


def _parameters(function):
    try:
        return list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return []


def calls():
    """(target, description, thunk) of every call of the sweep, in a fixed order."""
    bad = bad_values()
    names = good_values()
    by_function = function_good_values()
    receivers = [("", sharply.from_wkt(text)) for text in WKT[:-1] + EMPTY_WKT]
    receivers += [(" nan", sharply.points(math.nan, 1.0))]
    for target, function in targets().items():
        if isinstance(function, tuple):
            continue
        if isinstance(function, str):
            for label, receiver in receivers:
                method = getattr(receiver, function)
                description = f"{receiver!r}{label}.{function}"
                yield from _function_calls(target, description, method, names, {}, bad)
            continue
        yield from _function_calls(target, target, function, names, by_function.get(target, {}), bad)
    yield from probes()
    for text in WKT[:-1] + EMPTY_WKT + ["POINT (nan nan)", "LINESTRING Z (0 0 nan, 1 1 2)"]:
        geometry = sharply.from_wkt(text)
        for name in dir(sharply.Geometry):
            if not name.startswith("_") and not callable(getattr(sharply.Geometry, name)):
                yield f"Geometry.{name}", f"{text}.{name}", (lambda g=geometry, n=name: getattr(g, n))


def probes():
    """Inputs that could drive a hang or a huge allocation: each must raise or return at once."""
    geometries = _array(WKT)
    line = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]])
    huge = _array(
        ["LINESTRING (0 0, 1e200 1e200, 2e200 0)", "POLYGON ((0 0, 1e300 0, 1e300 1e300, 0 0))", "LINESTRING (0 0, 1e-300 1e-300, 2e-300 0)"]
    )
    cases = [
        ("buffer", "buffer(quad_segs=10**6)", lambda: sharply.buffer(geometries, 1.0, quad_segs=10**6)),
        ("buffer", "buffer(quad_segs=10**9)", lambda: sharply.buffer(geometries, 1.0, quad_segs=10**9)),
        ("buffer", "buffer(quad_segs=2**31)", lambda: sharply.buffer(geometries, 1.0, quad_segs=2**31)),
        ("buffer", "buffer(distance=1e300)", lambda: sharply.buffer(geometries, 1e300)),
        ("buffer", "buffer(mitre_limit=1e300)", lambda: sharply.buffer(geometries, 1.0, join_style="mitre", mitre_limit=1e300)),
        ("simplify", "simplify(tolerance=nan, preserve_topology=False)", lambda: sharply.simplify(geometries, math.nan, False)),
        ("simplify", "simplify(tolerance=inf, preserve_topology=False)", lambda: sharply.simplify(geometries, math.inf, False)),
        ("simplify", "simplify(huge coordinates, 1e-300)", lambda: sharply.simplify(huge, 1e-300)),
        ("simplify", "simplify(huge coordinates, 0, preserve_topology=False)", lambda: sharply.simplify(huge, 0.0, False)),
        ("buffer", "buffer(huge coordinates, 1)", lambda: sharply.buffer(huge, 1.0)),
        ("buffer", "buffer(distance=1e155)", lambda: sharply.buffer(geometries, 1e155)),
        ("points", "points(broadcast 3e9 x)", lambda: sharply.points(np.broadcast_to(1.0, (3 * 10**9,)), 1.0)),
        ("points", "points((10**12, 0))", lambda: sharply.points(np.zeros((10**12, 0)))),
        ("linestrings", "linestrings((10**12, 0, 2))", lambda: sharply.linestrings(np.zeros((10**12, 0, 2)))),
        ("linearrings", "linearrings((10**12, 0, 2))", lambda: sharply.linearrings(np.zeros((10**12, 0, 2)))),
        ("polygons", "polygons((10**12, 0, 2))", lambda: sharply.polygons(np.zeros((10**12, 0, 2)))),
        ("multipoints", "multipoints((10**12, 0, 2))", lambda: sharply.multipoints(np.zeros((10**12, 0, 2)))),
        ("multilinestrings", "multilinestrings((10**6, 10**6, 0, 2))", lambda: sharply.multilinestrings(np.zeros((10**6, 10**6, 0, 2)))),
        ("multipolygons", "multipolygons((10**6, 10**6, 0, 2))", lambda: sharply.multipolygons(np.zeros((10**6, 10**6, 0, 2)))),
        ("geometrycollections", "geometrycollections(object (3e9, 0))", lambda: sharply.geometrycollections(np.empty((3 * 10**9, 0), dtype=object))),
        ("area", "area(broadcast 10**10 None)", lambda: sharply.area(np.broadcast_to(np.array([None], dtype=object), (10**10,)))),
        ("STRtree", "STRtree(node_capacity=10**9)", lambda: sharply.STRtree(geometries, node_capacity=10**9)),
        ("from_ragged_array", "from_ragged_array(offsets past the coordinates)", lambda: sharply.from_ragged_array(1, line, ([0, 2, 10**9],))),
        ("from_ragged_array", "from_ragged_array(decreasing offsets)", lambda: sharply.from_ragged_array(1, line, ([0, 3, 2],))),
        ("from_ragged_array", "from_ragged_array(offsets 2**40)", lambda: sharply.from_ragged_array(1, line, ([0, 2**40],))),
        ("from_ragged_array", "from_ragged_array(uint64 offsets 2**64-1)", lambda: sharply.from_ragged_array(1, line, (np.array([0, 2**64 - 1], np.uint64),))),
        ("from_wkb", "from_wkb(vertex count 2**31)", lambda: sharply.from_wkb(struct.pack("<BII", 1, 2, 2**31))),
        ("from_wkb", "from_wkb(ring count 2**32-1)", lambda: sharply.from_wkb(struct.pack("<BII", 1, 3, 2**32 - 1))),
        ("from_wkb", "from_wkb(member count 2**31)", lambda: sharply.from_wkb(struct.pack("<BII", 1, 7, 2**31))),
        ("from_wkb", "from_wkb(nested 10**5 deep)", lambda: sharply.from_wkb(struct.pack("<BII", 1, 7, 1) * 10**5)),
        ("from_wkt", "from_wkt(nested 10**5 deep)", lambda: sharply.from_wkt("GEOMETRYCOLLECTION (" * 10**5)),
        ("from_wkt", "from_wkt(10**6 digits)", lambda: sharply.from_wkt("POINT (" + "1" * 10**6 + " 2)")),
        ("from_geojson", "from_geojson(nested 10**5 deep)", lambda: sharply.from_geojson('{"type":"GeometryCollection","geometries":[' * 10**5)),
        ("to_wkt", "to_wkt(rounding_precision=2**31)", lambda: sharply.to_wkt(geometries, rounding_precision=2**31)),
        ("to_geojson", "to_geojson(indent=10**9)", lambda: sharply.to_geojson(geometries, indent=10**9)),
        ("set_num_threads", "set_num_threads(10**6) then a kernel", lambda: (sharply.set_num_threads(10**6), sharply.area(geometries))),
    ]
    yield from cases


def _function_calls(target, description, function, names, overrides, bad):
    parameters = [p for p in _parameters(function) if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    good = {}
    for parameter in parameters:
        if parameter.name in overrides:
            good[parameter.name] = overrides[parameter.name]
        elif parameter.default is not inspect.Parameter.empty:
            good[parameter.name] = parameter.default
        else:
            good[parameter.name] = names.get(parameter.name, names["geometry"])
    arguments = [good[p.name] for p in parameters]
    yield target, f"{description}()", lambda: function()
    yield target, f"{description}(good..., extra)", lambda: function(*arguments, None, None, None, None, None, None, None)
    yield target, f"{description}(good)", lambda: function(*arguments)
    if parameters:
        keywords = dict(good)
        yield target, f"{description}(good, bogus=1)", lambda: function(**keywords, bogus=1)
    for position, parameter in enumerate(parameters):
        for value_name, factory in bad:
            def positional(position=position, factory=factory):
                values = list(arguments)
                values[position] = factory()
                return function(*values)

            def keyword(name=parameter.name, factory=factory):
                values = dict(good)
                values[name] = factory()
                return function(**values)

            yield target, f"{description}({parameter.name}={value_name})", positional
            if parameter.kind is parameter.POSITIONAL_OR_KEYWORD and value_name in ("None", "nan", "-1", "'abc'"):
                yield target, f"{description}({parameter.name}={value_name}, by keyword)", keyword


def _verdict(target, thunk):
    """None when the call behaved, else what went wrong."""
    allowed = (TypeError, ValueError, OverflowError)
    if target.startswith("GeometryArray.__getitem__"):
        allowed += (IndexError,)
    if target.startswith("Geometry.") or target == "GeometryType":
        allowed += (AttributeError,)
    if target == "Geometry.coords":
        allowed += (NotImplementedError,)  # as Shapely: polygons and collections have no coordinate sequence
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = thunk()
            repr(result)
    except allowed as error:
        message = str(error)
        if any(text in message for text in DOTNET_TEXT):
            return f"{type(error).__name__} with .NET text: {message}"
        return None
    except BaseException as error:
        return f"{type(error).__name__}: {error}"
    return None


def child(start):
    """Run the sweep from call ``start``: ``S i target description`` before a call, ``F i message`` after a failure."""
    out = sys.stdout
    threads = sharply.get_num_threads()
    for index, (target, description, thunk) in enumerate(calls()):
        if index < start:
            continue
        out.write(json.dumps(["S", index, target, description]) + "\n")
        out.flush()
        failure = _verdict(target, thunk)
        if failure is not None:
            out.write(json.dumps(["F", index, target, description, failure]) + "\n")
            out.flush()
        sharply.set_num_threads(threads)
    out.write(json.dumps(["D"]) + "\n")
    out.flush()


def _run_child(start, failures):
    """Run a child from ``start``; returns the index to resume at, or None when the sweep finished."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    # stderr goes to a file: a pipe nobody reads until the end would block a child that warns a lot.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, __file__, str(start)], stdout=subprocess.PIPE, stderr=errors, env=environment
        )
        died, resume = _follow_child(process, failures)
        if not died:
            return resume
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    code, current = process.returncode, resume
    if current is None:
        raise AssertionError(f"the sweep's child process failed before its first call ({code}):\n{stderr}")
    failures.setdefault(current[2], []).append(f"{current[3]}: process died ({code}): {stderr[-400:]}")
    return current[1] + 1


def _follow_child(process, failures):
    """Read the child's records: (False, None) when it finishes, (False, the index to resume at) when a call
    hangs, (True, the record of the call it was in, or None) when it dies."""
    selector = selectors.DefaultSelector()
    assert process.stdout is not None
    selector.register(process.stdout, selectors.EVENT_READ)
    pending = b""
    current = None
    deadline = time.monotonic() + 60.0
    while True:
        timeout = deadline - time.monotonic()
        if timeout <= 0 or not selector.select(timeout):
            process.kill()
            process.wait()
            if current is None:
                raise AssertionError("the sweep's child process did not start")
            failures.setdefault(current[2], []).append(f"{current[3]}: hang (no return in {HANG_SECONDS} s)")
            return False, current[1] + 1
        chunk = os.read(process.stdout.fileno(), 1 << 16)
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            record = json.loads(line)
            if record[0] == "S":
                current = record
                deadline = time.monotonic() + HANG_SECONDS
            elif record[0] == "F":
                failures.setdefault(record[2], []).append(f"{record[3]}: {record[4]}")
            else:
                process.wait()
                return False, None
    process.wait()
    return True, current


@pytest.fixture(scope="module")
def sweep():
    failures: dict[str, list[str]] = {}
    start = 0
    while start is not None:
        start = _run_child(start, failures)
    return failures


@pytest.mark.parametrize("target", list(targets()))
def test_bad_arguments_raise_python_errors(sweep, target):
    problems = sweep.get(target, [])
    assert not problems, f"{len(problems)} bad calls:\n" + "\n".join(problems[:40])


# Regressions of the bugs the sweep found: exception class and a phrase naming the argument or row.


@pytest.mark.parametrize("cls", [sharply.Geometry, sharply.GeometryArray])
def test_types_cannot_be_instantiated_from_python(cls):
    with pytest.raises(TypeError, match=f"cannot create '{cls.__module__}.{cls.__name__}' instances"):
        cls()


def test_geopandas_conversions_name_what_they_need():
    with pytest.raises(TypeError, match="data must be a GeoSeries or a GeoDataFrame, not 'int'"):
        sharply.from_geopandas(3)
    with pytest.raises(TypeError, match="to_geopandas needs a GeometryArray, not 'list'"):
        sharply.to_geopandas([None])


@pytest.mark.parametrize("quad_segs", [2**31, 10**9, 100_001, -100_001, -(2**63)])
def test_buffer_quad_segs_out_of_range_raises_instead_of_wrapping_or_hanging(quad_segs):
    with pytest.raises(ValueError, match=f"quad_segs must be between -100000 and 100000, got {quad_segs}"):
        sharply.buffer(sharply.points(0.0, 0.0), 1.0, quad_segs=quad_segs)


def test_buffer_distance_whose_square_overflows_raises():
    # NTS's buffer dereferenced null beyond 1e154: under pytest's faulthandler, a crash.
    line = sharply.from_wkt("LINESTRING (0 0, 1 1, 2 0)")
    for distance in (1e155, -1e300):
        with pytest.raises(ValueError, match="distance must be between -1e150 and 1e150, got"):
            sharply.buffer(line, distance)
    assert sharply.area(sharply.buffer(line, 1e150)) > 1e300


def test_buffer_infinite_distance_raises_as_in_shapely():
    from shapely.geometry import Point

    for distance, text in [(math.inf, "inf"), (-math.inf, "-inf")]:
        with pytest.raises(ValueError, match=f"distance must be finite, got {text}"):
            sharply.buffer(sharply.points(0.0, 0.0), distance)
        with pytest.raises(ValueError, match="must be finite"):
            Point(0, 0).buffer(distance)


def test_buffer_and_simplify_with_nan_give_missing_geometries_as_shapely_2():
    array = sharply.points([[0.0, 0.0], [1.0, 1.0]], crs="EPSG:4326")
    line = sharply.from_wkt("LINESTRING (0 0, 1 1, 2 0)")
    assert sharply.buffer(line, math.nan) is None
    assert sharply.simplify(line, math.nan) is None
    assert sharply.simplify(line, math.nan, preserve_topology=False) is None
    for result in [sharply.buffer(array, math.nan), sharply.simplify(array, math.nan, preserve_topology=False)]:
        assert sharply.is_missing(result).tolist() == [True, True]
        assert result.crs == "EPSG:4326"


def test_buffer_and_simplify_reject_bad_parameters_by_name():
    line = sharply.from_wkt("LINESTRING (0 0, 1 1, 2 0)")
    with pytest.raises(ValueError, match="mitre_limit must be a number, got nan"):
        sharply.buffer(line, 1.0, join_style="mitre", mitre_limit=math.nan)
    for preserve_topology in (True, False):
        with pytest.raises(ValueError, match="tolerance must be non-negative, got -1"):
            sharply.simplify(line, -1.0, preserve_topology=preserve_topology)
    with pytest.raises(TypeError, match="distance must be a real number, not 'str'"):
        sharply.buffer(line, "1")
    with pytest.raises(TypeError, match="tolerance must be a real number, not 'NoneType'"):
        sharply.simplify(line, None)


def test_creation_indices_must_cover_every_coordinate():
    coords = np.arange(8.0).reshape(4, 2)
    for function in (sharply.linestrings, sharply.linearrings, sharply.multipoints):
        with pytest.raises(ValueError, match=r"indices must hold one value per coordinate \(4\), got shape \(2,\)"):
            function(coords, indices=[0, 0])


def test_ragged_geometry_type_is_named():
    with pytest.raises(TypeError, match="geometry_type must be a GeometryType, an int or a str, not 'NoneType'"):
        sharply.from_ragged_array(None, np.zeros((1, 2)))
    with pytest.raises(ValueError, match="unknown geometry type 'curve'"):
        sharply.from_ragged_array("curve", np.zeros((1, 2)))


def test_unsigned_offsets_beyond_int64_are_named():
    coords = np.zeros((3, 2))
    with pytest.raises(ValueError, match="offsets\\[0\\] holds 18446744073709551615, beyond int64"):
        sharply.from_ragged_array("linestring", coords, (np.array([0, 2**64 - 1], dtype=np.uint64),))
    with pytest.raises(ValueError, match="indices hold 18446744073709551615, beyond int64"):
        sharply.linestrings(coords, indices=np.array([0, 0, 2**64 - 1], dtype=np.uint64))


@pytest.mark.parametrize(
    "call, phrase",
    [
        (lambda: sharply.linestrings(np.zeros((10**12, 0, 2))), "coords: 1000000000000 rows exceed"),
        (lambda: sharply.multipolygons(np.zeros((10**6, 10**6, 0, 2))), "coords: 1000000000000 rows exceed"),
        (lambda: sharply.points(np.broadcast_to(1.0, (3 * 10**9,)), 1.0), "coords: 3000000000 rows exceed"),
        (lambda: sharply.points(1.0, np.broadcast_to(1.0, (3 * 10**9,))), "y: 3000000000 rows exceed"),
        (lambda: sharply.geometrycollections(np.empty((3 * 10**9, 0), dtype=object)), "coords: 3000000000 rows exceed"),
        (lambda: sharply.area(np.broadcast_to(np.array([None], dtype=object), (10**10,))), "geometry: 10000000000 rows exceed"),
    ],
)
def test_row_counts_beyond_int32_offsets_raise_before_allocating(call, phrase):
    with pytest.raises(ValueError, match=phrase):
        call()


def test_object_arrays_of_other_dimensions():
    from shapely.geometry import Polygon

    square = sharply.from_wkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
    assert sharply.area(np.array(square, dtype=object)) == Polygon([(0, 0), (2, 0), (2, 2), (0, 2)]).area
    assert sharply.area(np.array(None, dtype=object)) != sharply.area(np.array(None, dtype=object))
    with pytest.raises(ValueError, match=r"a: expected a 1-D array of geometries, got shape \(1, 2\)"):
        sharply.intersects(np.array([[square, square]], dtype=object), square)


def test_arrow_length_and_offset_that_overflow_when_added_are_rejected():
    coordinates = Node(4, [None, np.arange(4.0)])
    producer = Producer(geoarrow("geoarrow.point", Field("+w:2", children=[Field("g", "xy")])), Node(2**62, [None], [coordinates], offset=2**62))
    with pytest.raises(sharply.errors.InvalidLayoutError, match=f"has length {2**62} and offset {2**62}, outside the supported range"):
        sharply.from_arrow(producer)


def test_failures_on_nan_coordinates_name_the_row_without_dotnet_text():
    lines = sharply.from_wkb(np.array([None, _wkb(2, [(math.nan, math.nan), (math.nan, math.nan)])], dtype=object))
    for call, phrase in [
        (lambda: sharply.buffer(lines, 1.0), "row 1: NetTopologySuite failed on this geometry (NaN or infinite coordinates?)"),
        (lambda: sharply.representative_point(lines), "row 1: NaN or infinite coordinates have no interior point"),
        (lambda: sharply.is_simple(lines), "row 1: An ordinate value is NaN"),
        (lambda: sharply.simplify(lines, 1.0), "row 1: An ordinate value is NaN"),
    ]:
        with pytest.raises(sharply.errors.GeometryOperationError) as error:
            call()
        assert str(error.value) == phrase or str(error.value).startswith(phrase)
    with pytest.raises(sharply.errors.GeometryOperationError) as error:
        sharply.union_all(lines)
    assert str(error.value) == "An ordinate value is NaN"


def test_argument_messages_lose_their_dotnet_parameter_suffix():
    mixed = sharply.from_wkt("GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 1 1))")
    with pytest.raises(sharply.errors.GeometryOperationError) as error:
        sharply.difference(mixed, sharply.from_wkt("POINT (0 0)"))
    assert str(error.value) == "row 0: Overlay input is mixed-dimension"


def test_crs_must_be_a_string():
    with pytest.raises(TypeError, match="crs must be a str, not 'int'"):
        sharply.points([[0.0, 0.0]], crs=4326)
    with pytest.raises(TypeError, match="crs must be a str, not 'float'"):
        sharply.from_shapely([None], crs=math.nan)


def test_coords_of_polygons_raise_as_in_shapely():
    import shapely.wkt

    for text in ["POLYGON ((0 0, 1 0, 1 1, 0 0))", "MULTIPOINT ((0 0), (1 1))", "GEOMETRYCOLLECTION EMPTY"]:
        with pytest.raises(NotImplementedError):
            shapely.wkt.loads(text).coords
        with pytest.raises(NotImplementedError, match="has no coordinate sequence"):
            sharply.from_wkt(text).coords


if __name__ == "__main__":
    # As under pytest, faulthandler's SIGSEGV handler runs before the .NET runtime's: a null reference
    # inside NetTopologySuite, which .NET would raise as an exception, then kills the process.
    faulthandler.enable()
    child(int(sys.argv[1]))


def test_results_too_large_for_one_buffer_raise_before_allocating():
    hole = [(1 + 0.5 * np.cos(t), 1 + 0.5 * np.sin(t)) for t in np.linspace(0, 2 * np.pi, 100_000)]
    polygon = sharply.polygons([[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]], holes=[hole])
    with pytest.raises(ValueError, match="more than"):
        sharply.get_interior_ring(polygon, np.zeros(30_000, dtype=np.int64))  # 3e9 vertices: the sum overflowed int32
    line = sharply.from_wkt("LINESTRING (0 0, 1e9 0, 0 0, 1e9 0)")
    with pytest.raises(ValueError, match="too small"):
        sharply.segmentize(line, 1.0)  # 3e9 pieces: the vertex count overflowed int32
    square = sharply.from_wkt("POLYGON ((0 0, 1e9 0, 1e9 1e9, 0 0))")
    with pytest.raises(ValueError, match="too small"):
        sharply.segmentize(square, 1.0)  # NTS's unchecked piece count
    a, b = sharply.from_wkt("LINESTRING (0 0, 1 0)"), sharply.from_wkt("LINESTRING (0 1, 1 1)")
    with pytest.raises(ValueError, match="at least 1e-6"):
        sharply.frechet_distance(a, b, densify=1e-12)
    with pytest.raises(ValueError, match="nan"):
        sharply.frechet_distance(a, b, densify=float("nan"))
