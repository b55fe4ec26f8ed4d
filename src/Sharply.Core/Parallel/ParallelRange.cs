using System.Runtime.InteropServices;

namespace Sharply.Core.Parallel;

/// <summary>
/// Splits an index range into fixed chunks and runs them on Sharply's own worker threads and the
/// calling thread. Chunk boundaries depend only on the range and the grain, never on the thread
/// count, so results are identical for any number of threads.
/// <para>The .NET ThreadPool hangs forever in a child created by <c>fork()</c>, so Sharply keeps its
/// own threads; in a forked child (detected by a changed process id) they do not exist any more and
/// loops run on the calling thread alone.</para>
/// </summary>
public static partial class ParallelRange
{
    private static readonly object Gate = new();
    private static WorkerPool? _pool;
    private static int _threadCount = Environment.ProcessorCount;
    private static readonly int OwnerPid = GetPid();

    /// <summary>Set while this thread runs a parallel loop: a nested loop then runs serially.</summary>
    [ThreadStatic] private static bool _insideLoop;

    /// <summary>
    /// Called on the calling thread between chunks; returns true to abandon the loop (Ctrl-C).
    /// Set once by the host (the Python extension module); null means never interrupted.
    /// </summary>
    public static unsafe delegate* unmanaged<int> InterruptPoll { get; set; }

    /// <summary>Threads used by loops (1 = the calling thread only). Defaults to the number of cores.</summary>
    public static int ThreadCount
    {
        get => _threadCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _threadCount = value;
        }
    }

    /// <summary>True in a process forked from the one that loaded Sharply: loops stay on one thread there.</summary>
    public static bool IsForkedChild => GetPid() != OwnerPid;

    /// <summary>Runs <paramref name="body"/> over <c>[0, count)</c> in chunks of <paramref name="grain"/> indices.</summary>
    /// <exception cref="OperationCanceledException">The interrupt poll asked to stop.</exception>
    public static void For<TBody>(int count, int grain, ref TBody body) where TBody : struct, IRangeBody
    {
        if (count <= 0) return;
        grain = Math.Max(1, grain);
        int chunks = (int)(((long)count + grain - 1) / grain);
        int threads = Math.Min(_threadCount, chunks);
        if (threads <= 1 || _insideLoop || IsForkedChild)
        {
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                // Between chunks only: a one-chunk loop (every scalar call) never pays for the poll.
                if (chunk > 0) PollInterrupt();
                int start = chunk * grain;
                body.Run(start, Math.Min(count, start + grain));
            }
            return;
        }
        var job = new RangeJob<TBody>(body, count, grain, chunks);
        _insideLoop = true;
        try
        {
            Pool(threads - 1).Run(job, threads - 1);
        }
        finally
        {
            _insideLoop = false;
        }
        body = job.Body;
    }

    /// <summary>Chunk size that gives each thread a few chunks but keeps chunks worth scheduling.</summary>
    public static int Grain(int count, int minimum = 256) =>
        Math.Max(minimum, count / (Math.Max(1, _threadCount) * 8));

    /// <summary>
    /// Stops and joins the worker threads (they are re-created by the next loop). Called just before
    /// <c>fork()</c>: a thread caught mid-run in the parent would block every garbage collection in the
    /// child forever.
    /// </summary>
    public static void StopWorkers()
    {
        lock (Gate)
        {
            _pool?.Stop();
            _pool = null;
        }
    }

    private static unsafe void PollInterrupt()
    {
        if (InterruptPoll != null && InterruptPoll() != 0) throw new OperationCanceledException("interrupted");
    }

    private static WorkerPool Pool(int workers)
    {
        lock (Gate)
        {
            if (_pool is null || _pool.Size < workers)
            {
                _pool?.Stop();
                _pool = new WorkerPool(workers);
            }
            return _pool;
        }
    }

    [LibraryImport("libc", EntryPoint = "getpid")]
    private static partial int GetPid();

    /// <summary>A loop shared by the workers: each claims the next chunk until none is left.</summary>
    internal abstract class Job
    {
        private int _next = -1;
        private int _pendingThreads;
        private readonly ManualResetEventSlim _done = new(false);
        private Exception? _error;
        private volatile bool _stop;

        protected Job(int chunks) => Chunks = chunks;

        public int Chunks { get; }

        protected abstract void RunChunk(int chunk);

        /// <summary>Runs chunks until none is left; called by each participating thread.</summary>
        public void Work(bool isCaller)
        {
            try
            {
                int chunk;
                while (!_stop && (chunk = Interlocked.Increment(ref _next)) < Chunks)
                {
                    if (isCaller) PollInterrupt();
                    RunChunk(chunk);
                }
            }
            catch (Exception error)
            {
                Interlocked.CompareExchange(ref _error, error, null);
                _stop = true;
            }
        }

        public void Start(int helpers) => _pendingThreads = helpers;

        public void HelperFinished()
        {
            if (Interlocked.Decrement(ref _pendingThreads) == 0) _done.Set();
        }

        public void WaitForHelpers(int helpers)
        {
            if (helpers > 0) _done.Wait();
            _done.Dispose();
            if (_error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
        }
    }

    private sealed class RangeJob<TBody>(TBody body, int count, int grain, int chunks) : Job(chunks)
        where TBody : struct, IRangeBody
    {
        public TBody Body = body;

        protected override void RunChunk(int chunk)
        {
            int start = chunk * grain;
            Body.Run(start, Math.Min(count, start + grain));
        }
    }
}
