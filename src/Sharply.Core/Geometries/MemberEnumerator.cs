namespace Sharply.Core.Geometries;

/// <summary>
/// Enumerates the members of a row without allocating: a single geometry is its own only member, a
/// Multi* row has one member per part, a GeometryCollection row the members its part codes record
/// (see <see cref="PartCodes"/>).
/// </summary>
public struct MemberEnumerator
{
    private readonly GeometryArray _array;
    private readonly GeometryType _type;
    private readonly int _end;
    private int _next;
    private bool _single;

    internal MemberEnumerator(GeometryArray array, int row)
    {
        _array = array;
        _type = array.TypeOf(row);
        (_next, _end) = array.PartsOf(row);
        _single = GeometryTypes.IsSingle(_type);
        Current = default;
    }

    /// <summary>The current member.</summary>
    public Member Current { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly MemberEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next member.</summary>
    public bool MoveNext()
    {
        if (_single)
        {
            _single = false;
            Current = new Member(_type, _next, _end);
            _next = _end;
            return true;
        }
        if (_next >= _end) return false;
        int start = _next;
        if (_type != GeometryType.GeometryCollection)
        {
            Current = new Member(GeometryTypes.PartKind(_type), start, ++_next);
            return true;
        }
        byte code = _array.PartCode(start);
        GeometryType memberType = PartCodes.MemberType(code);
        _next++;
        if ((code & PartCodes.EmptyMember) != 0)
        {
            Current = new Member(memberType, start, start);
            return true;
        }
        while (_next < _end && (_array.PartCode(_next) & PartCodes.Continues) != 0) _next++;
        Current = new Member(memberType, start, _next);
        return true;
    }
}
