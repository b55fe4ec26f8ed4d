using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Chain;
using NetTopologySuite.Noding;

namespace Sharply.Core.Nts;

/// <summary>
/// NTS's <see cref="MCIndexNoder"/> without its R-tree: the monotone chains are sorted by their smallest x
/// and swept, so no query allocates a result list. Every pair of chains whose envelopes intersect is handed
/// to the intersector exactly once, lower chain id first, as <see cref="MCIndexNoder"/> does, so the nodes
/// found are the same. Chains that overlap in x but not in y cost the sweep a comparison each: when those
/// pile up (combs of long horizontal chains, as in polygonized rasters), the remaining work goes to
/// <see cref="MCIndexNoder"/>, which finds the same nodes again (adding a node twice changes nothing).
/// </summary>
internal sealed class SweepNoder(ISegmentIntersector intersector) : INoder
{
    private IList<ISegmentString>? _segmentStrings;

    public void ComputeNodes(IList<ISegmentString> segStrings)
    {
        _segmentStrings = segStrings;
        Intersect(segStrings, intersector);
    }

    public IList<ISegmentString> GetNodedSubstrings() =>
        NodedSegmentString.GetNodedSubstrings(_segmentStrings ?? throw new InvalidOperationException("ComputeNodes was not called"));

    /// <summary>Envelope comparisons allowed per chain before the sweep hands over to the R-tree.</summary>
    private const long ComparisonBudget = 64;

    /// <summary>Calls <paramref name="intersector"/> for every pair of overlapping monotone chains of
    /// <paramref name="segmentStrings"/> (including pairs from one string) until it is done.</summary>
    public static void Intersect(IList<ISegmentString> segmentStrings, ISegmentIntersector intersector)
    {
        var chains = new List<MonotoneChain>();
        foreach (ISegmentString segmentString in segmentStrings)
        {
            foreach (MonotoneChain chain in MonotoneChainBuilder.GetChains(segmentString.Coordinates, segmentString))
            {
                chain.Id = chains.Count;
                chains.Add(chain);
            }
        }
        int count = chains.Count;
        var minX = new double[count];
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            minX[i] = chains[i].Envelope.MinX;
            order[i] = i;
        }
        Array.Sort(minX, order);
        var maxX = new double[count];
        var minY = new double[count];
        var maxY = new double[count];
        for (int i = 0; i < count; i++)
        {
            Envelope envelope = chains[order[i]].Envelope;
            maxX[i] = envelope.MaxX;
            minY[i] = envelope.MinY;
            maxY[i] = envelope.MaxY;
        }
        var action = new MCIndexNoder.SegmentOverlapAction(intersector);
        long comparisons = ComparisonBudget * (count + 1000L);
        for (int i = 0; i < count; i++)
        {
            double right = maxX[i], bottom = minY[i], top = maxY[i];
            for (int j = i + 1; j < count && minX[j] <= right; j++)
            {
                if (--comparisons < 0)
                {
                    new MCIndexNoder(intersector).ComputeNodes(segmentStrings);
                    return;
                }
                if (minY[j] > top || maxY[j] < bottom) continue;
                int a = order[i], b = order[j];
                if (a < b) chains[a].ComputeOverlaps(chains[b], action);
                else chains[b].ComputeOverlaps(chains[a], action);
                if (intersector.IsDone) return;
            }
        }
    }
}
