"""The CPython bridge: argument binding, errors, buffer protocol in and out, lifetime, threads, fork."""

import gc
import math
import os
import signal
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest

import sharply
from sharply import _sharply
from sharply.creation import _native_points

live_buffers = _sharply._bind("_live_buffers", (), None, ())
live_objects = _sharply._bind("_live_objects", (), None, ())
collect_dotnet_garbage = _sharply._bind("_collect", (), None, ())
P = sharply.points(1.0, 2.0)


def test_module_is_the_compiled_extension():
    assert _sharply.__file__.endswith("_sharply.abi3.so")
    assert sharply.area.__module__ == "sharply"
    assert sharply.area.__doc__.startswith("Compute the area")


def test_signature_comes_from_the_python_stub():
    import inspect

    assert str(inspect.signature(sharply.area)) == "(geometry)"
    assert str(inspect.signature(_native_points)) == "(coords, y, z, crs)"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: sharply.area(), "area() missing required argument 'geometry' (pos 1)"),
        (lambda: sharply.area(None, None), "area() takes at most 1 argument (2 given)"),
        (lambda: sharply.area(geom=None), "area() got an unexpected keyword argument 'geom'"),
        (lambda: sharply.area(None, geometry=None), "area() got multiple values for argument 'geometry'"),
        (lambda: sharply.set_num_threads("4"), "n must be an integer, not 'str'"),
        (lambda: _native_points("a", 1.0, None, None), "x must support the buffer protocol (a numpy array), not 'str'"),
        (lambda: P.intersects(), "intersects() missing required argument 'other' (pos 2)"),
        (lambda: P.intersects(P, P), "intersects() takes at most 2 arguments (3 given)"),
        (lambda: P.intersects(*[P] * 20), "intersects() takes at most 2 arguments (21 given)"),
        (lambda: P.dwithin(P, dist=1.0), "dwithin() got an unexpected keyword argument 'dist'"),
        (lambda: P.equals_exact(P, other=P), "equals_exact() got multiple values for argument 'other'"),
        (lambda: P.intersects(b=P), "intersects() got an unexpected keyword argument 'b'"),
        (lambda: P.intersects(1), "other: expected geometries, got 'int'"),
        (lambda: sharply.intersects(P, 1), "b: expected geometries, got 'int'"),
    ],
)
def test_argument_errors_read_like_cpython(call, message):
    with pytest.raises(TypeError) as error:
        call()
    assert str(error.value) == message


def test_keyword_arguments_and_defaults():
    p = sharply.points(coords=1.0, y=2.0)
    assert sharply.area(geometry=p) == 0.0
    assert _native_points(1.0, 2.0, None, None).area == 0.0


def test_methods_are_native_descriptors_bound_like_their_functions():
    import inspect

    q = sharply.points(1.0, 3.0)
    assert type(sharply.Geometry.dwithin).__name__ == "method_descriptor"
    assert str(inspect.signature(sharply.Geometry.equals_exact)) == "(self, /, other, tolerance=0.0)"
    assert str(inspect.signature(P.dwithin)) == "(other, distance)"
    assert P.dwithin(q, distance=1.0) is True and P.dwithin(other=q, distance=0.5) is False
    assert P.equals_exact(q) is False and P.equals_exact(q, tolerance=1.0) is True
    assert P.relate_pattern(q, pattern="FF0FFF0F2") is True and P.relate(q) == "FF0FFF0F2"
    assert P.intersects(None) is False and math.isnan(P.distance(None))
    doc = sharply.Geometry.relate_pattern.__doc__
    assert doc == f"``sharply.relate_pattern`` with this geometry as first argument.\n\n{sharply.relate_pattern.__doc__}"


def test_binding_checks_the_declared_parameters():
    with pytest.raises(TypeError, match="does not match the native parameters"):
        _sharply._bind("area", ("geom",), None, ())
    with pytest.raises(ValueError, match="no native function named 'nope'"):
        _sharply._bind("nope", (), None, ())


def test_error_hierarchy():
    errors = sharply.errors
    for cls in (errors.GeometryDecodeError, errors.InvalidLayoutError, errors.GeometryOperationError):
        assert issubclass(cls, errors.SharplyError) and issubclass(cls, ValueError)
    assert errors.GeometryDecodeError.__module__ == "sharply._sharply"
    assert issubclass(errors.SharplyWarning, UserWarning)


class TestBufferConsumer:
    def test_reads_float64_in_place_including_read_only(self):
        x = np.arange(4.0)
        x.flags.writeable = False
        points = _native_points(x, x * 2, None, None)
        assert len(points) == 4

    def test_wrong_dtype(self):
        with pytest.raises(ValueError, match=r"x must hold float64 values, got buffer format '[lq]' with 8-byte items"):
            _native_points(np.arange(3), np.arange(3.0), None, None)

    def test_non_contiguous(self):
        with pytest.raises(ValueError, match="x must be C-contiguous"):
            _native_points(np.arange(6.0)[::2], np.arange(3.0), None, None)

    def test_wrong_shape(self):
        with pytest.raises(ValueError, match=r"coords must have shape \(N, 2\) or \(N, 3\), got \(3, 4\)"):
            _native_points(np.zeros((3, 4)), None, None, None)
        with pytest.raises(ValueError, match="same length"):
            _native_points(np.zeros(3), np.zeros(4), None, None)

    def test_public_function_normalises_dtype_and_layout(self):
        # The Python layer converts integers and strided views before the native call.
        points = sharply.points(np.arange(6)[::2], np.arange(3))
        assert len(points) == 3


class TestBufferProducer:
    def test_result_is_a_read_only_numpy_view_of_native_memory(self):
        result = sharply.area(sharply.points(np.arange(5.0), np.arange(5.0)))
        assert isinstance(result, np.ndarray) and result.dtype == np.float64
        assert result.tolist() == [0.0] * 5
        assert type(result.base.obj).__name__ == "_Buffer"
        assert not result.flags.writeable
        with pytest.raises(ValueError):
            result[0] = 1.0

    def test_memory_is_freed_once_when_the_last_view_dies(self):
        gc.collect()
        before = live_buffers()
        result = sharply.area(sharply.points(np.arange(1000.0), np.arange(1000.0)))
        view = result[10:20]
        assert live_buffers() == before + 1
        del result
        collect_dotnet_garbage()
        assert view.tolist() == [0.0] * 10  # the view keeps the memory alive
        assert live_buffers() == before + 1
        del view
        gc.collect()
        assert live_buffers() == before


def test_heap_type_instances_are_freed():
    gc.collect()
    before = live_objects()
    array = sharply.points(np.arange(100.0), np.arange(100.0))
    scalars = [array[i] for i in range(100)]
    assert live_objects() == before + 101
    del array, scalars
    gc.collect()
    assert live_objects() == before


def test_errors_inside_calls_leave_no_reference_behind():
    gc.collect()
    before = live_objects(), live_buffers()
    for _ in range(100):
        with pytest.raises(TypeError):
            sharply.area("not a geometry")
        with pytest.raises(ValueError):
            _native_points(np.arange(3), np.arange(3.0), None, None)
    gc.collect()
    assert (live_objects(), live_buffers()) == before


def test_thread_count_round_trip_and_validation():
    before = sharply.get_num_threads()
    try:
        sharply.set_num_threads(3)
        assert sharply.get_num_threads() == 3
        with pytest.raises(ValueError, match="n must be at least 1, got 0"):
            sharply.set_num_threads(0)
    finally:
        sharply.set_num_threads(before)


def test_results_do_not_depend_on_thread_count():
    rng = np.random.default_rng(0)
    points = sharply.points(rng.random(100_000), rng.random(100_000))
    before = sharply.get_num_threads()
    try:
        sharply.set_num_threads(1)
        one = sharply.area(points)
        sharply.set_num_threads(4)
        four = sharply.area(points)
    finally:
        sharply.set_num_threads(before)
    np.testing.assert_array_equal(one, four)


def test_gil_is_released_during_long_calls():
    points = sharply.points(np.zeros(3_000_000), np.zeros(3_000_000))
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        for _ in range(5):
            sharply.area(points)
    finally:
        stop.set()
        thread.join()
    assert ticks


def test_kernels_keep_working_in_a_forked_child():
    script = textwrap.dedent(
        """
        import os, sys
        import numpy as np
        import sharply
        points = sharply.points(np.arange(200_000.0), np.arange(200_000.0))
        sharply.set_num_threads(4)
        assert sharply.area(points).sum() == 0.0  # starts the worker threads
        pid = os.fork()
        if pid == 0:
            ok = sharply.area(points).sum() == 0.0 and sharply.get_num_threads() == 1
            os._exit(0 if ok else 1)
        _, status = os.waitpid(pid, 0)
        sys.exit(os.waitstatus_to_exitcode(status))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], timeout=60, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_multiprocessing_fork_pool():
    script = textwrap.dedent(
        """
        import multiprocessing as mp
        import numpy as np
        import sharply

        def work(n):
            return float(sharply.area(sharply.points(np.arange(float(n)), np.arange(float(n)))).sum())

        if __name__ == "__main__":
            work(100_000)
            with mp.get_context("fork").Pool(2) as pool:
                print(pool.map(work, [100_000, 200_000]))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], timeout=60, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[0.0, 0.0]"


def test_ctrl_c_interrupts_a_long_call():
    script = textwrap.dedent(
        """
        import signal, sys, threading, os, time
        import numpy as np
        import sharply
        points = sharply.points(np.zeros(20_000_000), np.zeros(20_000_000))
        sharply.set_num_threads(1)
        threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            for _ in range(200):
                sharply.area(points)
        except KeyboardInterrupt:
            print("interrupted")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], timeout=120, capture_output=True, text=True)
    assert result.stdout.strip() == "interrupted", result.stderr
