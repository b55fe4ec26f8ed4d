"""Methods of ``sharply.Geometry``: thin wrappers calling the module function with the geometry first.

Properties (area, bounds, centroid, is_valid, ...) are native getters of the type; methods that take
arguments are added here, each one line calling the vectorized function of the same name.
"""

from . import constructive, measurement, predicates, set_operations
from ._sharply import Geometry

__all__: list[str] = []


def _binary(function):
    def method(self, other):
        return function(self, other)

    return _named(method, function)


def _unary(function):
    def method(self):
        return function(self)

    return _named(method, function)


def _with_arguments(function):
    def method(self, *args, **kwargs):
        return function(self, *args, **kwargs)

    return _named(method, function)


def _named(method, function):
    method.__name__ = function.__name__
    method.__qualname__ = f"Geometry.{function.__name__}"
    method.__doc__ = f"``sharply.{function.__name__}`` with this geometry as first argument.\n\n{function.__doc__}"
    return method


_BINARY = [
    predicates.contains,
    predicates.contains_properly,
    predicates.covered_by,
    predicates.covers,
    predicates.crosses,
    predicates.disjoint,
    predicates.equals,
    predicates.intersects,
    predicates.overlaps,
    predicates.relate,
    predicates.touches,
    predicates.within,
    measurement.distance,
    measurement.hausdorff_distance,
    set_operations.difference,
    set_operations.intersection,
    set_operations.symmetric_difference,
    set_operations.union,
]
_UNARY = [
    constructive.make_valid,
    constructive.normalize,
    constructive.representative_point,
    constructive.reverse,
]
_WITH_ARGUMENTS = [
    constructive.buffer,
    constructive.simplify,
    predicates.dwithin,
    predicates.equals_exact,
    predicates.relate_pattern,
]

for _function in _BINARY:
    setattr(Geometry, _function.__name__, _binary(_function))
for _function in _UNARY:
    setattr(Geometry, _function.__name__, _unary(_function))
for _function in _WITH_ARGUMENTS:
    setattr(Geometry, _function.__name__, _with_arguments(_function))
setattr(Geometry, "point_on_surface", Geometry.representative_point)
