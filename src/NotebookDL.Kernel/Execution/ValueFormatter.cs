using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Turns a cell's value into a MIME bundle. text/plain is always present; collections are listed rather than
/// shown as their type name. The display project's formatters plug in through <see cref="RichFormatter"/>.
/// </summary>
public static class ValueFormatter
{
    private const int MaxItems = 20;

    /// <summary>Richer formatting (HTML tables, plots) when the display library is loaded; null means "use text".</summary>
    public static Func<object?, JsonObject?>? RichFormatter { get; set; }

    public static JsonObject ToBundle(object? value)
    {
        var bundle = RichFormatter?.Invoke(value) ?? [];
        if (!bundle.ContainsKey("text/plain")) bundle["text/plain"] = ToText(value);
        return bundle;
    }

    public static string ToText(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f when value.GetType().IsPrimitive || value is decimal => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => Join(dictionary.Cast<DictionaryEntry>().Select(e => $"[{ToShortText(e.Key)}] = {ToShortText(e.Value)}"), "{ ", " }", dictionary.Count),
        IEnumerable sequence when !HasOwnToString(value) => ListItems(sequence),
        _ => value.ToString() ?? "",
    };

    /// <summary>A one-line preview (magics such as #!whos use it).</summary>
    public static string Preview(object? value, int maxLength = 60)
    {
        var text = ToText(value).ReplaceLineEndings(" ");
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
    }

    private static string ToShortText(object? value) => value is string s ? $"\"{s}\"" : ToText(value);

    private static string ListItems(IEnumerable sequence)
    {
        var items = new List<string>();
        int count = 0;
        foreach (var item in sequence)
        {
            if (count++ < MaxItems) items.Add(ToShortText(item));
            else if (count > 10_000) break; // a lazy infinite sequence must not hang the display
        }
        return Join(items, "[ ", " ]", count);
    }

    private static string Join(IEnumerable<string> items, string open, string close, int count)
    {
        var text = new StringBuilder(open).AppendJoin(", ", items.Take(MaxItems));
        if (count > MaxItems) text.Append($", … ({count} items)");
        return text.Append(close).ToString();
    }

    /// <summary>Types that print themselves (tensors, modules) keep their ToString even when enumerable.</summary>
    private static bool HasOwnToString(object value) =>
        value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring
        && declaring != typeof(object) && !declaring.IsGenericType && declaring.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;
}
