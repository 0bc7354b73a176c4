namespace NotebookDL.Display;

/// <summary>Puts back what a scoped override replaced (a display host, a rasterizer), once, however often it is disposed.</summary>
internal sealed class RestoreOnDispose(Action restore) : IDisposable
{
    private Action? restore = restore;

    public void Dispose() => Interlocked.Exchange(ref restore, null)?.Invoke();
}
