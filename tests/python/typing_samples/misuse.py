"""Wrong uses that mypy must reject (tests/python/test_typing.py): one per line marked ``# E``."""

import sharply

point = sharply.points(1.0, 2.0)
array = sharply.from_wkt(["POINT (0 0)"])

scalar_from_array: float = sharply.area(array)  # E
array_from_scalar: sharply.GeometryArray = sharply.buffer(point, 1.0)  # E
bool_from_array: bool = sharply.intersects(array, point)  # E
wrong_argument = sharply.set_num_threads("4")  # E
wrong_keyword = sharply.buffer(point, distance="far")  # E
unknown_method = point.no_such_method()  # E
