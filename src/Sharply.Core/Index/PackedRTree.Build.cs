using Sharply.Core.Parallel;

namespace Sharply.Core.Index;

public sealed partial class PackedRTree
{
    /// <summary>Sort keys: the Hilbert index of each item's centre in the high half, its index in the low half
    /// (so keys are unique and the order is deterministic).</summary>
    private readonly unsafe struct HilbertBody(double* bounds, int[] items, ulong[] keys,
        double minX, double minY, double scaleX, double scaleY) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int item = items[i];
                double* box = bounds + 4L * item;
                uint x = Cell((box[0] * 0.5 + box[2] * 0.5 - minX) * scaleX);
                uint y = Cell((box[1] * 0.5 + box[3] * 0.5 - minY) * scaleY);
                keys[i] = ((ulong)Hilbert.Index(x, y) << 32) | (uint)item;
            }
        }

        /// <summary>Clamps a scaled coordinate to the grid; NaN (an infinite centre) goes to cell 0.</summary>
        private static uint Cell(double scaled) =>
            scaled >= Hilbert.Max ? Hilbert.Max : scaled > 0 ? (uint)scaled : 0;
    }

    /// <summary>Writes level 0: the items' boxes and indices in key order.</summary>
    private readonly unsafe struct LeafBody(double* bounds, ulong[] keys, double[] boxes, int[] ids) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int item = (int)(uint)keys[i];
                ids[i] = item;
                double* box = bounds + 4L * item;
                boxes[4 * i] = box[0];
                boxes[4 * i + 1] = box[1];
                boxes[4 * i + 2] = box[2];
                boxes[4 * i + 3] = box[3];
            }
        }
    }

    /// <summary>Writes the boxes of one level as the union of each node's children on the level below,
    /// which ends where this level starts.</summary>
    private readonly struct ParentBody(double[] boxes, int childStart, int parentStart, int capacity) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int parent = start; parent < end; parent++)
            {
                int first = childStart + parent * capacity;
                int last = Math.Min(first + capacity, parentStart);
                double xmin = double.PositiveInfinity, ymin = double.PositiveInfinity;
                double xmax = double.NegativeInfinity, ymax = double.NegativeInfinity;
                for (int child = first; child < last; child++)
                {
                    xmin = Math.Min(xmin, boxes[4 * child]);
                    ymin = Math.Min(ymin, boxes[4 * child + 1]);
                    xmax = Math.Max(xmax, boxes[4 * child + 2]);
                    ymax = Math.Max(ymax, boxes[4 * child + 3]);
                }
                int at = 4 * (parentStart + parent);
                boxes[at] = xmin;
                boxes[at + 1] = ymin;
                boxes[at + 2] = xmax;
                boxes[at + 3] = ymax;
            }
        }
    }

    /// <summary>Sorts keys by their high 32 bits (the Hilbert index), stably: a least-significant-digit
    /// radix sort in four byte passes, so keys with equal codes keep their ascending item order.</summary>
    private static void SortByHilbertIndex(ulong[] keys)
    {
        ulong[] from = keys;
        ulong[] to = GC.AllocateUninitializedArray<ulong>(keys.Length);
        Span<int> starts = stackalloc int[256];
        for (int shift = 32; shift < 64; shift += 8)
        {
            starts.Clear();
            foreach (ulong key in from) starts[(int)(key >> shift) & 0xFF]++;
            int total = 0;
            for (int digit = 0; digit < 256; digit++)
            {
                int count = starts[digit];
                starts[digit] = total;
                total += count;
            }
            foreach (ulong key in from) to[starts[(int)(key >> shift) & 0xFF]++] = key;
            (from, to) = (to, from);
        }
    }
}
