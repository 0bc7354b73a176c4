using System.Collections;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Engines;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Display;

/// <summary>Connects an engine's display library to cell execution; called before each cell.</summary>
public static class DisplayBridge
{
    private static readonly HashSet<string> registered = [];
    private static readonly Lock gate = new();

    /// <summary>Routes <paramref name="engine"/>'s displays to the running cell and formats cell values with its formatters.</summary>
    public static void Install(KernelEngine engine)
    {
        lock (gate)
            if (registered.Add(engine.Name))
                engine.RegisterDisplayHost(KernelDisplayHost.Send);
        ValueFormatter.RichFormatter = value => Rich(engine, value);
    }

    /// <summary>
    /// The library's bundle when it knows the type (tensors, modules, histories, registered formatters);
    /// null for a plain ToString, so collections are listed by <see cref="ValueFormatter"/> instead.
    /// </summary>
    private static JsonObject? Rich(KernelEngine engine, object? value)
    {
        if (value is null) return null;
        var bundle = engine.ToBundle(value);
        bool plainToString = bundle.Count == 1 && bundle.TryGetValue("text/plain", out var text) && text == value.ToString();
        return plainToString && (value is IEnumerable || value.GetType().IsPrimitive) ? null : KernelDisplayHost.ToJson(bundle);
    }
}
