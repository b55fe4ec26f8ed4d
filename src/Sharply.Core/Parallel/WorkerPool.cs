namespace Sharply.Core.Parallel;

/// <summary>Background threads that help the calling thread run a <see cref="ParallelRange.Job"/>.
/// One job at a time: concurrent callers queue on a lock.</summary>
internal sealed class WorkerPool
{
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly object _runGate = new();
    private ParallelRange.Job? _job;
    private volatile bool _stopping;

    public WorkerPool(int size)
    {
        _threads = new Thread[size];
        for (int i = 0; i < size; i++)
        {
            _threads[i] = new Thread(Loop) { IsBackground = true, Name = $"sharply-worker-{i}" };
            _threads[i].Start();
        }
    }

    public int Size => _threads.Length;

    /// <summary>Runs <paramref name="job"/> on the calling thread and <paramref name="helpers"/> workers.</summary>
    public void Run(ParallelRange.Job job, int helpers)
    {
        lock (_runGate)
        {
            job.Start(helpers);
            _job = job;
            _wake.Release(helpers);
            job.Work(isCaller: true);
            try
            {
                job.WaitForHelpers(helpers);
            }
            finally
            {
                _job = null;
            }
        }
    }

    /// <summary>Ends the threads and waits for them (after any running job).</summary>
    public void Stop()
    {
        lock (_runGate)
        {
            _stopping = true;
            _wake.Release(_threads.Length);
        }
        foreach (Thread thread in _threads) thread.Join();
    }

    private void Loop()
    {
        while (true)
        {
            _wake.Wait();
            if (_stopping) return;
            ParallelRange.Job job = _job!;
            job.Work(isCaller: false);
            job.HelperFinished();
        }
    }
}
