namespace NotebookDL;

/// <summary>
/// The interrupt of the code a notebook host is running now, as in the managed engine: the kernel sets it for each
/// cell, so an interrupt stops a long fit cleanly between batches even when the cell passed no token. (libtorch's own
/// ops cannot be stopped midway.) Console programs never set it.
/// </summary>
public static class Interruption
{
    private static CancellationToken current;

    public static CancellationToken Current
    {
        get => current;
        set => current = value;
    }
}
