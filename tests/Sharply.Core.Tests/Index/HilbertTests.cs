using Sharply.Core.Index;

namespace Sharply.Core.Tests.Index;

public class HilbertTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void TheFirstCellsFillASquareCornerWithEachStepToANeighbour(int side)
    {
        var cells = new (int X, int Y)[side * side];
        var seen = new bool[side * side];
        for (int x = 0; x < side; x++)
        {
            for (int y = 0; y < side; y++)
            {
                uint index = Hilbert.Index((uint)x, (uint)y);
                Assert.True(index < (uint)(side * side), $"({x}, {y}) -> {index}");
                Assert.False(seen[index]);
                seen[index] = true;
                cells[index] = (x, y);
            }
        }
        Assert.Equal((0, 0), cells[0]);
        for (int i = 1; i < cells.Length; i++)
            Assert.Equal(1, Math.Abs(cells[i].X - cells[i - 1].X) + Math.Abs(cells[i].Y - cells[i - 1].Y));
    }

    [Fact]
    public void TheLastCellIsTheOtherBottomCorner()
    {
        Assert.Equal(uint.MaxValue, Hilbert.Index(Hilbert.Max, 0));
    }
}
