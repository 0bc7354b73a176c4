using System.Collections;
using NotebookDL.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Display;

/// <summary>Connects the display library to cell execution; called once before the first cell.</summary>
public static class DisplayBridge
{
    private static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        DisplayHost.Register(new KernelDisplayHost());
        ValueFormatter.RichFormatter = Rich;
    }

    /// <summary>
    /// The library's bundle when it knows the type (tensors, modules, histories, registered formatters);
    /// null for a plain ToString, so collections are listed by <see cref="ValueFormatter"/> instead.
    /// </summary>
    private static System.Text.Json.Nodes.JsonObject? Rich(object? value)
    {
        if (value is null) return null;
        var bundle = Formatter.ToMimeBundle(value);
        bool plainToString = bundle.Count == 1 && bundle.Text == value.ToString();
        return plainToString && (value is IEnumerable || value.GetType().IsPrimitive) ? null : KernelDisplayHost.ToJson(bundle);
    }
}
