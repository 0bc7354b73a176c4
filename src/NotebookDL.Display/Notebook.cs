namespace NotebookDL.Display;

/// <summary>
/// The notebook entry points, meant for <c>using static NotebookDL.Display.Notebook;</c>:
/// display(...), summary(...), plot(...), show_images(...) and the teaching plots.
/// </summary>
public static partial class Notebook
{
    /// <summary>Shows <paramref name="value"/> on the current host and returns a handle to redraw it in place.</summary>
    public static DisplayHandle display(object? value)
    {
        var host = DisplayHost.Current;
        var handle = new DisplayHandle(host, NewDisplayId());
        host.Display(handle.DisplayId, Formatter.ToMimeBundle(value));
        return handle;
    }

    internal static string NewDisplayId() => "notebookdl-" + Guid.NewGuid().ToString("N");
}
