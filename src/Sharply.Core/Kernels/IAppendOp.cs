using Sharply.Core.Geometries;

namespace Sharply.Core.Kernels;

/// <summary>One step of a <see cref="BuilderDriver"/> loop: appends the rows (any number) that step
/// <c>i</c> gives to the builder of its chunk.</summary>
internal interface IAppendOp
{
    void Append(GeometryArrayBuilder builder, int i);
}
