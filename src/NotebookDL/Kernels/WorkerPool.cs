using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace NotebookDL.Kernels;

/// <summary>Work item for <see cref="WorkerPool.For{TBody}(int, in TBody)"/>; a struct so that a parallel region allocates nothing.</summary>
internal interface IParallelBody
{
    void Invoke(int index);
}

/// <summary>
/// A small persistent pool of worker threads. The caller always takes a share of the work, so NumThreads counts
/// the caller. Idle threads block after a short, time-bounded spin rather than spinning on: a small VM may pack
/// spinning threads onto one vCPU, which makes every region cost milliseconds. Work is handed out one index at a
/// time, so bodies should be coarse (a block of rows, not an element). One region runs at a time; a caller that
/// finds the pool busy, or calls from inside a region, runs its loop inline.
/// </summary>
internal static unsafe class WorkerPool
{
    // Waiting threads spin this long before sleeping. Waking a sleeping thread costs tens of microseconds on a VM,
    // and back-to-back kernels arrive well within this window; a longer spin is what starves a shared vCPU.
    private const int SpinBeforeSleepMicroseconds = 50;
    private const int SpinIterations = 20;
    private static readonly long SpinBeforeSleepTicks = Stopwatch.Frequency * SpinBeforeSleepMicroseconds / 1_000_000;

    private static readonly object RegionGate = new();
    private static readonly ManualResetEventSlim AllHelpersDone = new(false, 0);
    private static Worker[] workers = [];
    private static int numThreads = Math.Max(1, Environment.ProcessorCount);

    // The current region; written by the caller before helpers are released, read-only while it runs.
    private static delegate*<void*, int, void> regionBody;
    private static void* regionState;
    private static Action<int>? regionAction;
    private static int regionCount;
    private static int nextIndex;
    private static int helpersPending;
    private static ExceptionDispatchInfo? regionError;

    // A nested region (a kernel called from inside a parallel body) runs inline instead of deadlocking on the gate.
    [ThreadStatic] private static bool insideRegion;

    /// <summary>Threads used by a parallel region, the caller included. Backs torch.set_num_threads / get_num_threads.</summary>
    internal static int NumThreads
    {
        get => Volatile.Read(ref numThreads);
        set => Volatile.Write(ref numThreads, Math.Max(1, value));
    }

    /// <summary>Runs body(0..count-1), spread over the pool; returns when all are done and rethrows the first failure.</summary>
    public static void For(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Interruption.ThrowIfRequested();
        if (ShouldRunInline(count))
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        RunRegion(count, null, null, body);
    }

    /// <summary>Allocation-free variant: the body is copied to the caller's stack and shared by pointer with the helpers.</summary>
    public static void For<TBody>(int count, in TBody body) where TBody : unmanaged, IParallelBody
    {
        Interruption.ThrowIfRequested();
        TBody local = body;
        if (ShouldRunInline(count))
        {
            for (int i = 0; i < count; i++) local.Invoke(i);
            return;
        }
        RunRegion(count, &InvokeBody<TBody>, &local, null);
    }

    private static void InvokeBody<TBody>(void* state, int index) where TBody : unmanaged, IParallelBody
        => Unsafe.AsRef<TBody>(state).Invoke(index);

    private static bool ShouldRunInline(int count) => count <= 1 || NumThreads == 1 || insideRegion;

    private static void RunRegion(int count, delegate*<void*, int, void> body, void* state, Action<int>? action)
    {
        // Another thread owns the pool: doing the work alone beats queueing behind it.
        if (!Monitor.TryEnter(RegionGate))
        {
            RunInline(count, body, state, action);
            return;
        }
        try
        {
            int helpers = Math.Min(NumThreads, count) - 1;
            EnsureWorkers(helpers);
            regionBody = body;
            regionState = state;
            regionAction = action;
            regionCount = count;
            regionError = null;
            Volatile.Write(ref nextIndex, 0);
            Volatile.Write(ref helpersPending, helpers);
            AllHelpersDone.Reset();
            for (int i = 0; i < helpers; i++) workers[i].Release();

            insideRegion = true;
            try { RunShare(); }
            finally { insideRegion = false; }

            if (helpers > 0) WaitForHelpers();
            ExceptionDispatchInfo? error = regionError;
            regionBody = null;
            regionState = null;
            regionAction = null;
            regionError = null;
            error?.Throw();
        }
        finally
        {
            Monitor.Exit(RegionGate);
        }
    }

    private static void WaitForHelpers()
    {
        long spinUntil = Stopwatch.GetTimestamp() + SpinBeforeSleepTicks;
        while (Volatile.Read(ref helpersPending) != 0)
        {
            if (Stopwatch.GetTimestamp() >= spinUntil)
            {
                AllHelpersDone.Wait();
                return;
            }
            Thread.SpinWait(SpinIterations);
        }
    }

    private static void RunInline(int count, delegate*<void*, int, void> body, void* state, Action<int>? action)
    {
        bool wasInside = insideRegion;
        insideRegion = true;
        try
        {
            for (int i = 0; i < count; i++)
            {
                if (action is not null) action(i);
                else body(state, i);
            }
        }
        finally { insideRegion = wasInside; }
    }

    private static void RunShare()
    {
        int count = regionCount;
        Action<int>? action = regionAction;
        delegate*<void*, int, void> body = regionBody;
        void* state = regionState;
        int index;
        while ((index = Interlocked.Increment(ref nextIndex) - 1) < count)
        {
            try
            {
                if (action is not null) action(index);
                else body(state, index);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref regionError, ExceptionDispatchInfo.Capture(e), null);
                // Skip the remaining indices: the region has failed anyway.
                Volatile.Write(ref nextIndex, count);
            }
        }
    }

    private static void EnsureWorkers(int needed)
    {
        if (workers.Length >= needed) return;
        var grown = new Worker[needed];
        Array.Copy(workers, grown, workers.Length);
        for (int i = workers.Length; i < needed; i++) grown[i] = new Worker(i);
        workers = grown;
    }

    private sealed class Worker
    {
        private readonly ManualResetEventSlim wake = new(false, 0);
        // Bumped by the region owner to hand this worker a share of the next region.
        private int ticket;

        public Worker(int id)
        {
            var thread = new Thread(Loop)
            {
                IsBackground = true,
                Name = $"NotebookDL worker {id + 1}",
            };
            thread.Start();
        }

        public void Release()
        {
            Interlocked.Increment(ref ticket);
            wake.Set();
        }

        private void Loop()
        {
            insideRegion = true;
            int seen = 0;
            while (true)
            {
                long spinUntil = Stopwatch.GetTimestamp() + SpinBeforeSleepTicks;
                while (Volatile.Read(ref ticket) == seen)
                {
                    if (Stopwatch.GetTimestamp() < spinUntil)
                    {
                        Thread.SpinWait(SpinIterations);
                        continue;
                    }
                    // A stale Set from a region already picked up while spinning can end this wait early;
                    // re-checking the ticket after Reset makes that harmless and loses no real wake-up.
                    wake.Wait();
                    wake.Reset();
                }
                seen = Volatile.Read(ref ticket);
                RunShare();
                if (Interlocked.Decrement(ref helpersPending) == 0) AllHelpersDone.Set();
            }
        }
    }
}
