namespace Sharply.Core.Geometries;

/// <summary>One member of a row (see <see cref="GeometryArray.MembersOf"/>): its type and its parts
/// <c>[PartStart, PartEnd)</c>, an empty range for an empty member.</summary>
public readonly record struct Member(GeometryType Type, int PartStart, int PartEnd);
