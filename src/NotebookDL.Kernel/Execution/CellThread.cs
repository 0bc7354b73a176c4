using System.Collections.Concurrent;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// The long-lived thread cells start on: a 16 MB stack (twice .NET's usual; recursion past it is stopped by the
/// frame guard the rewriter inserts, and unwinding a full stack takes seconds, so bigger is not better), without
/// paying for a new thread per cell. A cell that ignores an interrupt is abandoned with its
/// thread; the next cell gets a fresh one.
/// </summary>
public sealed class CellThread
{
    private const int StackSize = 16 * 1024 * 1024;
    private Worker? worker;

    /// <summary>Runs <paramref name="start"/> on the cell thread; awaits inside it continue on the thread pool.</summary>
    public Task<T> Run<T>(Func<Task<T>> start)
    {
        var completion = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = worker ??= new Worker();
        current.Post(() =>
        {
            try
            {
                completion.SetResult(start());
            }
            catch (Exception ex)
            {
                completion.SetResult(Task.FromException<T>(ex));
            }
        });
        return completion.Task.Unwrap();
    }

    /// <summary>Gives up on the current thread (still busy with an abandoned cell).</summary>
    public void Abandon()
    {
        worker?.Stop();
        worker = null;
    }

    private sealed class Worker
    {
        private readonly BlockingCollection<Action> work = new();

        public Worker()
        {
            new Thread(Loop, StackSize) { IsBackground = true, Name = "notebookdl cell" }.Start();
        }

        public void Post(Action action) => work.Add(action);

        public void Stop() => work.CompleteAdding();

        private void Loop()
        {
            CellCancellation.MarkStackBase();
            SynchronizationContext.SetSynchronizationContext(CellSynchronizationContext.Instance);
            foreach (var action in work.GetConsumingEnumerable()) action();
        }
    }
}
