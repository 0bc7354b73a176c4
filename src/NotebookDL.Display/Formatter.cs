using NotebookDL.Training;

namespace NotebookDL.Display;

/// <summary>
/// Picks the display for any object: display records render themselves, engine objects (tensors,
/// modules, histories, confusion matrices) get their display type, anything else falls back to
/// ToString as text/plain. Notebook hosts call this for every cell result.
/// </summary>
public static class Formatter
{
    private static readonly List<(Type type, Func<object, MimeBundle> render)> registered = [];
    private static readonly Lock gate = new();

    /// <summary>Adds a display for <typeparamref name="T"/> (and subclasses); later registrations win over earlier ones.</summary>
    public static void Register<T>(Func<T, MimeBundle> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        lock (gate) registered.Insert(0, (typeof(T), o => render((T)o)));
        Registered?.Invoke(typeof(T));
    }

    /// <summary>
    /// Raised after each <see cref="Register"/> with its type: a host with a formatter registry of its own (.NET Interactive)
    /// registers the type there too, so displays added later (NotebookDL.Plotly's charts) reach it.
    /// </summary>
    public static event Action<Type>? Registered;

    /// <summary>The types given to <see cref="Register"/> so far, latest first.</summary>
    public static IReadOnlyList<Type> RegisteredTypes
    {
        get
        {
            lock (gate) return registered.Select(r => r.type).ToList();
        }
    }

    public static MimeBundle ToMimeBundle(object? value)
    {
        switch (value)
        {
            case null: return new MimeBundle("null");
            case MimeBundle bundle: return bundle;
            case IDisplayable displayable: return displayable.ToMimeBundle();
        }
        lock (gate)
            foreach (var (type, render) in registered)
                if (type.IsInstanceOfType(value)) return render(value);
        return value switch
        {
            Tensor t => TensorDisplay.From(t).ToMimeBundle(),
            torch.nn.Module m => ModuleDisplay.From(m).ToMimeBundle(),
            History h => HistoryChart.From(h).ToMimeBundle(),
            ConfusionMatrix cm => ConfusionMatrixDisplay.From(cm).ToMimeBundle(),
            Chart chart => new Figure([chart]).ToMimeBundle(), // one panel shows as a figure of one
            System.Collections.IEnumerable items when value is not string => new MimeBundle(ListText(items)),
            _ => new MimeBundle(value.ToString() ?? ""),
        };
    }

    /// <summary>Arrays and lists as their values ("[1, 2, 3]"), not as "System.Int64[]"; long ones are cut at 100 items.</summary>
    private static string ListText(System.Collections.IEnumerable items)
    {
        const int limit = 100;
        var shown = new List<string>();
        var count = 0;
        foreach (var item in items)
        {
            if (count++ < limit)
                shown.Add(item switch
                {
                    null => "null",
                    string text => text,
                    IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    System.Collections.IEnumerable inner => ListText(inner),
                    _ => item.ToString() ?? "",
                });
        }
        return "[" + string.Join(", ", shown) + (count > limit ? $", … ({count} items)" : "") + "]";
    }

    /// <summary>Whether there is a display richer than ToString for this object's type.</summary>
    public static bool HasRichDisplay(Type type) =>
        typeof(IDisplayable).IsAssignableFrom(type) || typeof(Tensor).IsAssignableFrom(type) || typeof(torch.nn.Module).IsAssignableFrom(type)
        || typeof(History).IsAssignableFrom(type) || typeof(ConfusionMatrix).IsAssignableFrom(type) || typeof(Chart).IsAssignableFrom(type);
}
