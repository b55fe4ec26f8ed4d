using System.Runtime.CompilerServices;

namespace Sharply.Core.Index;

/// <summary>A query box and a distance: it matches boxes whose Euclidean distance to it is at most the distance.</summary>
internal readonly struct QueryBox
{
    private readonly double _xmin, _ymin, _xmax, _ymax, _distance, _distanceSquared;

    public QueryBox(double xmin, double ymin, double xmax, double ymax, double distance)
    {
        _xmin = xmin;
        _ymin = ymin;
        _xmax = xmax;
        _ymax = ymax;
        _distance = distance;
        _distanceSquared = distance * distance;
    }

    /// <summary>False for NaN or inverted bounds, or a NaN or negative distance: such a query matches nothing.</summary>
    public bool IsValid => _xmin <= _xmax && _ymin <= _ymax && _distance >= 0;

    /// <summary>True when the box (<paramref name="xmin"/>, ...) is within the distance (touching counts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(double xmin, double ymin, double xmax, double ymax)
    {
        if (xmin > _xmax + _distance || xmax < _xmin - _distance || ymin > _ymax + _distance || ymax < _ymin - _distance)
            return false;
        if (_distance == 0) return true;
        double dx = Gap(xmin, xmax, _xmin, _xmax);
        double dy = Gap(ymin, ymax, _ymin, _ymax);
        return dx * dx + dy * dy <= _distanceSquared;
    }

    /// <summary>True when every point of the box is within the distance, so every box inside it matches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MatchesAllOf(double xmin, double ymin, double xmax, double ymax)
    {
        if (_distance == 0) return xmin >= _xmin && xmax <= _xmax && ymin >= _ymin && ymax <= _ymax;
        double dx = Math.Max(Outside(xmin, _xmin, _xmax), Outside(xmax, _xmin, _xmax));
        double dy = Math.Max(Outside(ymin, _ymin, _ymax), Outside(ymax, _ymin, _ymax));
        return dx * dx + dy * dy <= _distanceSquared;
    }

    /// <summary>The Euclidean distance between this box and another (0 when they touch or overlap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double DistanceTo(double xmin, double ymin, double xmax, double ymax)
    {
        double dx = Gap(xmin, xmax, _xmin, _xmax);
        double dy = Gap(ymin, ymax, _ymin, _ymax);
        return dx == 0 ? dy : dy == 0 ? dx : Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>The gap between intervals [a0, a1] and [b0, b1], 0 when they overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Gap(double a0, double a1, double b0, double b1) => Math.Max(Math.Max(a0 - b1, b0 - a1), 0);

    /// <summary>How far <paramref name="v"/> lies outside [lo, hi].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Outside(double v, double lo, double hi) => Math.Max(Math.Max(lo - v, v - hi), 0);
}
