using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;

namespace Sharply.Core.Nts;

/// <summary>
/// The floating-precision noder of OverlayNG (monotone chains, <see cref="IntersectionAdder"/>, then a check
/// that the noded strings have no interior intersection left, as NTS's <see cref="ValidatingNoder"/> does),
/// with both passes run by <see cref="SweepNoder"/>.
/// </summary>
internal sealed class ValidatingSweepNoder : INoder
{
    private IList<ISegmentString>? _noded;

    /// <exception cref="TopologyException">The floating-point noding left an intersection unnoded.</exception>
    public void ComputeNodes(IList<ISegmentString> segStrings)
    {
        var noder = new SweepNoder(new IntersectionAdder(new RobustLineIntersector()));
        noder.ComputeNodes(segStrings);
        IList<ISegmentString> noded = noder.GetNodedSubstrings();
        var finder = new NodingIntersectionFinder(new RobustLineIntersector());
        SweepNoder.Intersect(noded, finder);
        if (finder.HasIntersection) throw new TopologyException("found a non-noded intersection", finder.Intersection);
        _noded = noded;
    }

    public IList<ISegmentString> GetNodedSubstrings() => _noded ?? throw new InvalidOperationException("ComputeNodes did not succeed");
}
