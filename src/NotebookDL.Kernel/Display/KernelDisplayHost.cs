using System.Text.Json.Nodes;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Display;

/// <summary>
/// The display libraries' host inside the kernel and the runner: display(x) and handle.Update(x) become
/// display_data / update_display_data on the cell that is running now. An update of a display shown by an
/// earlier cell still finds it, because frontends match on the display id, not the cell. An empty update
/// blanks the display in place.
/// </summary>
public static class KernelDisplayHost
{
    public static void Send(string displayId, IReadOnlyDictionary<string, string> bundle, bool update)
    {
        CellConsole.Flush(); // text printed before the display stays before it
        var data = ToJson(bundle);
        CellConsole.Current?.Display(data, PictureMetadata.For(data), displayId, update);
    }

    /// <summary>A bundle's renderings as the data of a display_data message, in the bundle's order.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in bundle) data[mime] = content;
        return data;
    }
}
