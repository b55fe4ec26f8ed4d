using System.Diagnostics;
using System.Runtime.CompilerServices;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>Releasing the GIL around long native work, and polling for Ctrl-C while it is released.</summary>
public static unsafe class Gil
{
    // The C calls that release and take back the GIL stay out of line (NoInlining): inlined, such a call makes
    // its caller set up a GC transition frame, which every call shape's scalar path (ReleaseIf(false): the GIL
    // kept) would then pay.

    /// <summary>Releases the GIL until disposed: <c>using (Gil.Release()) { ... }</c>. Touch no Python object inside.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Released Release() => new(CApi.PyEval_SaveThread());

    /// <summary>Releases the GIL until disposed when <paramref name="release"/> is true (work long enough to be
    /// worth the ~0.1 us of releasing and taking it back); otherwise keeps it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Released ReleaseIf(bool release) => release ? Release() : default;

    /// <summary>The GIL released by <see cref="Release"/> (or kept, for a zero thread state); disposing takes it back.</summary>
    /// <param name="threadState">The thread state <c>PyEval_SaveThread</c> returned, or 0 when the GIL was kept.</param>
    public readonly ref struct Released(nint threadState)
    {
        /// <summary>Takes the GIL back (<c>PyEval_RestoreThread</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Dispose()
        {
            if (threadState != 0) Restore(threadState);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Restore(nint threadState) => CApi.PyEval_RestoreThread(threadState);
    }

    private static long _lastPoll;
    private static readonly long PollInterval = Stopwatch.Frequency / 20;

    /// <summary>
    /// Called (on the thread that released the GIL) between chunks of a long loop: at most every 50 ms it
    /// takes the GIL back briefly and runs Python's signal handlers. Returns 1 when a handler raised
    /// (KeyboardInterrupt is then set, to be reported once the loop unwinds), else 0.
    /// </summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    public static int PollSignals()
    {
        long now = Stopwatch.GetTimestamp();
        if (now - _lastPoll < PollInterval) return 0;
        _lastPoll = now;
        int state = CApi.PyGILState_Ensure();
        int failed = CApi.PyErr_CheckSignals();
        CApi.PyGILState_Release(state);
        return failed < 0 ? 1 : 0;
    }
}
