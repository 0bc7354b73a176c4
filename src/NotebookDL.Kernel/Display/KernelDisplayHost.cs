using System.Text.Json.Nodes;
using NotebookDL.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Display;

/// <summary>
/// The display library's host inside the kernel and the runner: display(x) and handle.Update(x) become
/// display_data / update_display_data on the cell that is running now. An update of a display shown by an
/// earlier cell still finds it, because frontends match on the display id, not the cell.
/// </summary>
public sealed class KernelDisplayHost : IDisplayHost
{
    public void Display(string displayId, MimeBundle bundle) => Send(displayId, ToJson(bundle), update: false);

    public void Update(string displayId, MimeBundle bundle) => Send(displayId, ToJson(bundle), update: true);

    /// <summary>An empty update blanks the display in place.</summary>
    public void Clear(string displayId) => Send(displayId, [], update: true);

    private static void Send(string displayId, JsonObject data, bool update)
    {
        CellConsole.Flush(); // text printed before the display stays before it
        CellConsole.Current?.Display(data, PictureMetadata.For(data), displayId, update);
    }

    public static JsonObject ToJson(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in bundle) data[mime] = content;
        return data;
    }
}
