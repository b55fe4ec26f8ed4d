namespace Sharply.Core.Index;

/// <summary>A binary min-heap of tree nodes keyed by their box distance to a query, reused across queries.
/// Among equal distances the lowest level comes first, so items are reached before their ties are expanded.</summary>
internal sealed class NodeQueue
{
    private double[] _keys = new double[64];
    private int[] _nodes = new int[64];
    private int[] _levels = new int[64];

    public int Count { get; private set; }

    public double MinKey => _keys[0];

    public void Clear() => Count = 0;

    public void Push(double key, int node, int level)
    {
        if (Count == _keys.Length) Grow();
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Before(key, level, _keys[parent], _levels[parent])) break;
            _keys[i] = _keys[parent];
            _nodes[i] = _nodes[parent];
            _levels[i] = _levels[parent];
            i = parent;
        }
        _keys[i] = key;
        _nodes[i] = node;
        _levels[i] = level;
    }

    /// <summary>Removes the entry with the smallest key.</summary>
    public void Pop(out int node, out int level)
    {
        node = _nodes[0];
        level = _levels[0];
        int last = --Count;
        if (last == 0) return;
        double key = _keys[last];
        int keyLevel = _levels[last];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= last) break;
            if (child + 1 < last && Before(_keys[child + 1], _levels[child + 1], _keys[child], _levels[child])) child++;
            if (!Before(_keys[child], _levels[child], key, keyLevel)) break;
            _keys[i] = _keys[child];
            _nodes[i] = _nodes[child];
            _levels[i] = _levels[child];
            i = child;
        }
        _keys[i] = key;
        _nodes[i] = _nodes[last];
        _levels[i] = keyLevel;
    }

    private static bool Before(double key, int level, double otherKey, int otherLevel) =>
        key < otherKey || (key == otherKey && level < otherLevel);

    private void Grow()
    {
        if (_keys.Length >= Array.MaxLength / 2) throw new InvalidLayoutException("nearest search queue too large");
        int size = _keys.Length * 2;
        Array.Resize(ref _keys, size);
        Array.Resize(ref _nodes, size);
        Array.Resize(ref _levels, size);
    }
}
