namespace NotebookDL;

/// <summary>
/// The interrupt of the code a host is running now. A notebook kernel sets it for each cell, so an interrupt
/// stops a long fit cleanly between batches (keeping the weights reached) even when the cell passed no token.
/// Plain console programs never set it.
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
}
