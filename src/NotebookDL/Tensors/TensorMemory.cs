using System.Runtime.CompilerServices;

namespace NotebookDL;

/// <summary>
/// Allocates the array behind a new tensor, refusing by name what cannot fit: past the element limit
/// (<see cref="Shapes.CheckedCount"/>), or more bytes than the process may use. A student's `zeros(50000, 50000,
/// dtype: int64)` then gets the shape, the bytes and what to do, not a bare OutOfMemoryException or a machine that
/// swaps for minutes first.
/// </summary>
internal static class TensorMemory
{
    // The machine's memory or the container's limit: fixed for the process, so read once (0 if the GC does not say).
    private static readonly long ProcessLimit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes is > 0 and var limit ? limit : long.MaxValue;

    public static T[] Allocate<T>(ReadOnlySpan<long> shape, string op) where T : unmanaged => Allocate<T>(shape, op, ProcessLimit);

    /// <param name="availableBytes">What the process may use at most; an allocation past it would fail or swap.</param>
    internal static T[] Allocate<T>(ReadOnlySpan<long> shape, string op, long availableBytes) where T : unmanaged
    {
        var count = Shapes.CheckedCount(shape, op);
        var bytes = (long)count * Unsafe.SizeOf<T>();
        if (bytes > availableBytes) throw TooLarge(shape, op, bytes, availableBytes, null);
        try
        {
            return new T[count];
        }
        catch (OutOfMemoryException e)
        {
            throw TooLarge(shape, op, bytes, availableBytes, e);
        }
    }

    private static InsufficientMemoryException TooLarge(ReadOnlySpan<long> shape, string op, long bytes, long availableBytes, Exception? inner) =>
        new($"{op}: a tensor of shape {Shapes.Format(shape)} needs {bytes:N0} bytes ({bytes / 1e9:0.##} GB), more than the " +
            $"{availableBytes:N0} bytes ({availableBytes / 1e9:0.##} GB) of memory this process can use. " +
            "Use smaller sizes or batches, or free other tensors first.", inner);
}
