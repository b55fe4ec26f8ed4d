namespace Sharply.Core.Kernels;

/// <summary>
/// Pairs the rows of two operands of equal length, or one operand with the single row of the other
/// (length 1): output index <c>i</c> reads row <c>i &amp; MaskA</c> of the left and <c>i &amp; MaskB</c> of
/// the right operand, the mask being -1 for an array and 0 for a broadcast scalar.
/// </summary>
internal readonly struct Broadcast
{
    public readonly int Count;
    public readonly int MaskA;
    public readonly int MaskB;

    private Broadcast(int count, int maskA, int maskB)
    {
        Count = count;
        MaskA = maskA;
        MaskB = maskB;
    }

    /// <summary>True when the right operand is a single row repeated for every output.</summary>
    public bool ScalarB => MaskB == 0 && Count != 1;

    /// <summary>True when the left operand is a single row repeated for every output.</summary>
    public bool ScalarA => MaskA == 0 && Count != 1;

    /// <exception cref="ArgumentException">The lengths are neither equal nor 1, or the output is too short.</exception>
    public static Broadcast Of(int lengthA, int lengthB, int outputLength)
    {
        Broadcast shape = Of(lengthA, lengthB);
        if (outputLength != shape.Count)
            throw new ArgumentException($"output has length {outputLength}, {shape.Count} expected");
        return shape;
    }

    /// <exception cref="ArgumentException">The lengths are neither equal nor 1.</exception>
    public static Broadcast Of(int lengthA, int lengthB)
    {
        if (lengthA == lengthB) return new Broadcast(lengthA, -1, -1);
        if (lengthB == 1) return new Broadcast(lengthA, -1, 0);
        if (lengthA == 1) return new Broadcast(lengthB, 0, -1);
        throw new ArgumentException($"operands of length {lengthA} and {lengthB} cannot be broadcast together");
    }
}
