using Sharply.Core.Parallel;
using Sharply.CPython;

namespace Sharply.Module.Functions;

/// <summary>Functions about the runtime itself: binding, threads, diagnostics.</summary>
internal static unsafe class Runtime
{
    public static readonly PyFunction Bind = new("_bind", ["name", "parameters", "doc", "defaults"], &BindFunction);

    public static readonly PyFunction[] Functions =
    [
        new("set_num_threads", ["n"], &SetNumThreads),
        new("get_num_threads", [], &GetNumThreads),
        new("_live_buffers", [], &LiveBuffers),
        new("_live_objects", [], &LiveObjects),
        new("_collect", [], &Collect),
        new("_prepare_fork", [], &PrepareFork),
    ];

    /// <summary>
    /// <c>_bind(name, parameters, doc, defaults)</c>: the builtin for declared function <c>name</c>, with the
    /// Python package's docstring and defaults. <c>parameters</c> must repeat the declared names in order.
    /// </summary>
    private static Owned BindFunction(in Arguments args)
    {
        string name = args[0].ToStringValue();
        if (!Declarations.ByName.TryGetValue(name, out PyFunction function))
            throw new ArgumentException($"no native function named '{name}'");
        string[] declared = function.Parameters;
        Borrowed parameters = args[1];
        bool same = parameters.IsTuple() && parameters.TupleLength() == declared.Length;
        for (int i = 0; same && i < declared.Length; i++)
            same = parameters.TupleItem(i).ToStringValue() == declared[i];
        if (!same)
            throw new PyTypeErrorException($"{name}: the Python signature does not match the native parameters ({string.Join(", ", declared)})");
        Borrowed defaults = args[3];
        if (!defaults.IsTuple()) throw new PyTypeErrorException("defaults must be a tuple");
        Span<nint> values = stackalloc nint[defaults.TupleLength()];
        for (int i = 0; i < values.Length; i++) values[i] = defaults.TupleItem(i).Handle;
        string? doc = args[2].IsNone ? null : args[2].ToStringValue();
        return FunctionBinder.Create(function, doc, values, "sharply");
    }

    private static Owned SetNumThreads(in Arguments args)
    {
        long n = args[0].ToInt64("n");
        if (n < 1) throw new ArgumentException($"n must be at least 1, got {n}");
        ParallelRange.ThreadCount = (int)Math.Min(n, 1024);
        return Py.None;
    }

    private static Owned GetNumThreads(in Arguments args) => Py.Int(ParallelRange.IsForkedChild ? 1 : ParallelRange.ThreadCount);

    private static Owned LiveBuffers(in Arguments args) => Py.Int(BufferExport.LiveCount);

    private static Owned LiveObjects(in Arguments args) => Py.Int(ManagedObject.LiveCount);

    /// <summary>Run by <c>os.register_at_fork(before=...)</c>: no worker thread may be caught mid-run by fork().</summary>
    private static Owned PrepareFork(in Arguments args)
    {
        using (Gil.Release()) ParallelRange.StopWorkers();
        return Py.None;
    }

    /// <summary>Runs the .NET garbage collector to completion (for tests of memory lifetime). The GIL is
    /// released: finalizers run foreign release callbacks, which may take it.</summary>
    private static Owned Collect(in Arguments args)
    {
        using (Gil.Release())
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        return Py.None;
    }
}
