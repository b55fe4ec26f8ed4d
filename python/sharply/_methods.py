"""Methods of ``sharply.Geometry`` that normalise their arguments in Python.

Properties (area, bounds, centroid, is_valid, ...) are native getters of the type, and methods such as
``g.intersects(h)`` or ``g.relate_pattern(h, "T********")`` are native method descriptors bound like the
module function of the same name (``Types/PyGeometry.cs``). Only the functions written in Python (they
normalise string enums and scalar checks before the native call) are added here, each as one line
calling the function of the same name, with Shapely's aliases ``interpolate`` and ``project``.
"""

from . import constructive, linear
from ._sharply import Geometry

__all__: list[str] = []


def _with_arguments(function):
    def method(self, *args, **kwargs):
        return function(self, *args, **kwargs)

    method.__name__ = function.__name__
    method.__qualname__ = f"Geometry.{function.__name__}"
    method.__doc__ = f"``sharply.{function.__name__}`` with this geometry as first argument.\n\n{function.__doc__}"
    return method


for _function in [constructive.buffer, constructive.offset_curve, constructive.simplify, linear.line_interpolate_point, linear.line_locate_point]:
    setattr(Geometry, _function.__name__, _with_arguments(_function))
setattr(Geometry, "interpolate", Geometry.line_interpolate_point)
setattr(Geometry, "project", Geometry.line_locate_point)
setattr(Geometry, "point_on_surface", Geometry.representative_point)
