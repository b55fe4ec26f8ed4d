"""Typical uses of Sharply, checked by mypy (tests/python/test_typing.py): each annotation must hold."""

import numpy as np
import numpy.typing as npt

import sharply

point: sharply.Geometry = sharply.points(1.0, 2.0)
array = sharply.from_wkt(["POINT (0 0)", "LINESTRING (0 0, 3 4)"])
disks: sharply.GeometryArray = sharply.buffer(array, 1.0, cap_style="square")
disk: sharply.Geometry = sharply.buffer(point, 1.0)
missing: None = sharply.buffer(None, 1.0)

area: float = sharply.area(point)
areas: npt.NDArray[np.float64] = sharply.area(disks)
hit: bool = sharply.intersects(point, disk)
hits: npt.NDArray[np.bool_] = sharply.intersects(disks, point)
reverse_hits: npt.NDArray[np.bool_] = sharply.within(point, disks)
near: bool = sharply.dwithin(point, disk, 2.0)
matrix: str | None = sharply.relate(point, disk)
gap: float = sharply.distance(point, disk)
type_ids: npt.NDArray[np.int32] = sharply.get_type_id(array)
reason: str | None = sharply.is_valid_reason(disk)
both: sharply.Geometry = sharply.union(point, disk)
merged: sharply.Geometry = sharply.union_all(disks)
wkt: str = sharply.to_wkt(point)
wkbs: npt.NDArray[np.object_] = sharply.to_wkb(disks)
coords: npt.NDArray[np.float64] = sharply.get_coordinates(disks)
coords_and_rows: tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]] = sharply.get_coordinates(disks, return_index=True)
first: sharply.Geometry | None = disks[0]
some: sharply.GeometryArray = disks[1:]
copy: sharply.GeometryArray = sharply.from_arrow(disks)
kind, ragged_coords, offsets = sharply.to_ragged_array(sharply.linestrings([[0, 0], [1, 1]], indices=[0, 0]))
method_area: float = disk.area
method_hit: bool = disk.contains(point)
threads: int = sharply.get_num_threads()
sharply.set_num_threads(threads)
