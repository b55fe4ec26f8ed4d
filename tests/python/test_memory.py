"""Large buffers live in a pool of native blocks that is reused as soon as Python drops arrays: memory still
shared by a slice, a numpy view or an Arrow export must survive the drop and every reuse that follows."""

import os
import threading

import numpy as np
import pytest

import sharply
from fixtures import nybb


class ArrowArray:
    """An Arrow producer that hands out capsules exported earlier."""

    def __init__(self, capsules):
        self.capsules = capsules

    def __arrow_c_array__(self, requested_schema=None):
        return self.capsules


def boroughs_wkb(copies):
    return np.array([g.wkb for g in nybb()] * copies, dtype=object)


def test_shared_memory_survives_dropping_the_array_and_the_reuse_that_follows():
    wkb = boroughs_wkb(20)
    array = sharply.from_wkb(wkb)
    rows = array[10:20]
    view = sharply.get_coordinates(array)
    coordinates = view.copy()
    capsules = array.__arrow_c_array__()
    del array
    for _ in range(30):
        # Other contents of the same size, dropped at once: collections run and blocks are handed out again.
        sharply.from_wkb(wkb[::-1])
    assert list(sharply.to_wkb(rows)) == list(wkb[10:20])
    assert np.array_equal(view, coordinates)
    assert list(sharply.to_wkb(sharply.from_arrow(ArrowArray(capsules)))) == list(wkb)


def test_threads_decoding_and_dropping_large_arrays_get_their_own_memory():
    wkb = boroughs_wkb(40)
    x = np.random.default_rng(0).uniform(0, 1, 300_000)
    failures = []

    def work(shift):
        try:
            check(shift)
        except BaseException as error:  # an exception in a thread would otherwise pass unseen
            failures.append(repr(error))

    def check(shift):
        mine = np.roll(wkb, shift)
        areas = sharply.area(sharply.from_wkb(mine))
        for _ in range(20):
            decoded = sharply.from_wkb(mine)
            points = sharply.points(x, x * shift)
            if not np.array_equal(sharply.area(decoded), areas):
                failures.append("area")
            if list(sharply.to_wkb(decoded)) != list(mine):
                failures.append("wkb")
            if not np.array_equal(sharply.get_coordinates(points), np.column_stack([x, x * shift])):
                failures.append("points")

    threads = [threading.Thread(target=work, args=(shift,)) for shift in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_failed_decodes_give_their_memory_back():
    # Each attempt builds ~50 MB of coordinates before the last row fails: none of it may pile up.
    wkb = np.array([g.wkb for g in nybb()] * 40 + [b"\x01\x03\x00"], dtype=object)
    with pytest.raises(sharply.errors.GeometryDecodeError, match="row 200"):
        sharply.from_wkb(wkb)
    before = resident_bytes()
    for _ in range(40):
        with pytest.raises(sharply.errors.GeometryDecodeError):
            sharply.from_wkb(wkb)
    assert resident_bytes() - before < 300 * 2**20
