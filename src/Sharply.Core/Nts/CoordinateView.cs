using NetTopologySuite.Geometries;
using Sharply.Core.Geometries;

namespace Sharply.Core.Nts;

/// <summary>
/// A read-only <see cref="CoordinateSequence"/> over one ring of a <see cref="GeometryArray"/>'s
/// coordinate memory: ordinate reads go straight to the array, and the <see cref="Coordinate"/> objects
/// that some NTS algorithms ask for are made once, on first request. Writes throw: NTS operations that
/// mutate (normalize) work on <see cref="Copy"/>, which returns an ordinary sequence.
/// </summary>
internal sealed unsafe class CoordinateView : CoordinateSequence
{
    private readonly double* _values;
    private readonly GeometryArray _owner;
    private readonly int _stride;
    private Coordinate[]? _coordinates;

    /// <param name="array">Keeps the memory alive.</param>
    /// <param name="start">First vertex.</param>
    /// <param name="count">Number of vertices.</param>
    public CoordinateView(GeometryArray array, int start, int count)
        : base(count, array.Dimension, 0)
    {
        _owner = array;
        _stride = array.Dimension;
        // Safe: [start, start + count) was validated against the coordinate buffer, which _owner keeps alive.
        _values = array.Coordinates.Pointer + (long)start * _stride;
    }

    public override double GetX(int index) => _values[CheckedIndex(index) * _stride];

    public override double GetY(int index) => _values[CheckedIndex(index) * _stride + 1];

    public override double GetZ(int index) => _stride == 3 ? _values[CheckedIndex(index) * 3 + 2] : Coordinate.NullOrdinate;

    public override double GetOrdinate(int index, int ordinateIndex) =>
        (uint)ordinateIndex < (uint)_stride ? _values[CheckedIndex(index) * _stride + ordinateIndex] : Coordinate.NullOrdinate;

    public override void SetOrdinate(int index, int ordinateIndex, double value) =>
        throw new InvalidOperationException("a view of geometry array memory is read-only");

    public override Coordinate GetCoordinate(int i) => Coordinates()[i];

    public override Coordinate[] ToCoordinateArray() => Coordinates();

    public override Envelope ExpandEnvelope(Envelope env)
    {
        for (int i = 0; i < Count; i++) env.ExpandToInclude(_values[i * _stride], _values[i * _stride + 1]);
        return env;
    }

    public override CoordinateSequence Copy() =>
        new NetTopologySuite.Geometries.Implementation.CoordinateArraySequence(Array.ConvertAll(Coordinates(), c => c.Copy()), Dimension, 0);

    private int CheckedIndex(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        return index;
    }

    private Coordinate[] Coordinates()
    {
        // Benign race when the view is shared by threads: each builds an equal array, one is kept.
        Coordinate[]? cached = _coordinates;
        if (cached is not null) return cached;
        var made = new Coordinate[Count];
        for (int i = 0; i < made.Length; i++)
        {
            double* v = _values + (long)i * _stride;
            made[i] = _stride == 3 ? new CoordinateZ(v[0], v[1], v[2]) : new Coordinate(v[0], v[1]);
        }
        _coordinates = made;
        return made;
    }
}
