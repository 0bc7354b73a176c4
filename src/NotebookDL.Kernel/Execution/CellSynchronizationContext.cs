using System.Collections.Concurrent;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// The synchronization context cells run under. Continuations still run on the thread pool, as without a context,
/// but inside a catch: an <c>async void</c> method a cell starts rethrows its exception through this context, and
/// without one .NET would end the kernel process. Caught exceptions wait in <see cref="Failures"/> until the
/// running (or next) cell reports them.
/// </summary>
public sealed class CellSynchronizationContext : SynchronizationContext
{
    public static readonly CellSynchronizationContext Instance = new();

    private static readonly ConcurrentQueue<Exception> failures = new();

    private CellSynchronizationContext() { }

    /// <summary>Exceptions from cells' background work not yet reported, oldest first; reading removes them.</summary>
    public static IReadOnlyList<Exception> Failures()
    {
        var drained = new List<Exception>();
        while (failures.TryDequeue(out var failure)) drained.Add(failure);
        return drained;
    }

    /// <summary>Adds a failure of a cell's background work to report (see <see cref="UnhandledExceptions"/>).</summary>
    internal static void Report(Exception failure) => failures.Enqueue(failure);

    public override void Post(SendOrPostCallback d, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ => Run(d, state), null);

    public override void Send(SendOrPostCallback d, object? state) => Run(d, state);

    public override SynchronizationContext CreateCopy() => this;

    private void Run(SendOrPostCallback d, object? state)
    {
        var previous = Current;
        // Work continued from a cell keeps this context, so async void methods started later are covered too.
        SetSynchronizationContext(this);
        try
        {
            d(state);
        }
        catch (Exception ex)
        {
            failures.Enqueue(ex);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
