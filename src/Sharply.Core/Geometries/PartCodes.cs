namespace Sharply.Core.Geometries;

/// <summary>
/// The byte stored per part in <see cref="GeometryArray.PartKinds"/>. Outside collections it is the part's
/// kind (Point, LineString, Polygon). In a GeometryCollection row it is the type of the member the part
/// belongs to (1 to 6) plus two flags: <see cref="Continues"/> on every part of a Multi* member but its
/// first, and <see cref="EmptyMember"/> on the one placeholder part of an empty Multi* member (the
/// placeholder holds what an empty single of its kind holds, so kernels that only read parts see an
/// empty part). The part's kind is always <see cref="GeometryTypes.PartKind"/> of the member type.
/// </summary>
public static class PartCodes
{
    /// <summary>The bits holding the member type.</summary>
    public const byte TypeMask = 0x07;

    /// <summary>This part continues the Multi* member of the previous part.</summary>
    public const byte Continues = 0x80;

    /// <summary>This part only stands for an empty Multi* member: the member has no parts.</summary>
    public const byte EmptyMember = 0x40;

    /// <summary>The member type of a code.</summary>
    public static GeometryType MemberType(byte code) => (GeometryType)(code & TypeMask);

    /// <summary>The part kind of a code: Point, LineString or Polygon.</summary>
    public static GeometryType Kind(byte code) => (GeometryType)"\0\u0001\u0002\u0003\u0001\u0002\u0003\0"u8[code & TypeMask];

    /// <summary>The code of a part, given its member's type and whether it is the member's first part.</summary>
    public static byte Of(GeometryType memberType, bool continues) => (byte)((byte)memberType | (continues ? Continues : 0));

    /// <summary>True when the code has a member type from 1 to 6 and flags only a Multi* member can have.</summary>
    public static bool IsValid(byte code)
    {
        GeometryType type = MemberType(code);
        if (type is GeometryType.Mixed or GeometryType.GeometryCollection || (code & 0x38) != 0) return false;
        bool flagged = (code & (Continues | EmptyMember)) != 0;
        return !flagged || (!GeometryTypes.IsSingle(type) && (code & (Continues | EmptyMember)) != (Continues | EmptyMember));
    }
}
