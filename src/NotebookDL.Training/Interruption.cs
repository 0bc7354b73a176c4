namespace NotebookDL;

/// <summary>
/// The interrupt of the code a host is running now. A notebook kernel sets it for each cell, so an interrupt
/// stops a long fit cleanly between batches (keeping the weights reached) even when the cell passed no token,
/// and, on the managed engine, a long tensor op at its next parallel region (OperationCanceledException; libtorch's
/// ops cannot be stopped midway). Console programs never set it. Shared by both engine flavours.
/// </summary>
public static class Interruption
{
    private static CancellationToken current;

    public static CancellationToken Current
    {
        get => current;
        set => current = value;
    }

    internal static bool IsRequested(CancellationToken own) => own.IsCancellationRequested || current.IsCancellationRequested;

    /// <summary>Long tensor ops call this at each parallel region, so an interrupt also stops a single slow op.</summary>
    internal static void ThrowIfRequested() => current.ThrowIfCancellationRequested();
}
