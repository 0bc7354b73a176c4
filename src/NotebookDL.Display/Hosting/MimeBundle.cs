using System.Collections;

namespace NotebookDL.Display;

/// <summary>
/// One display's renderings keyed by MIME type, in order of preference from plainest to richest as
/// Jupyter's display_data expects them. text/plain is always present so every front end shows something.
/// </summary>
public sealed class MimeBundle : IReadOnlyDictionary<string, string>
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Svg = "image/svg+xml";
    public const string Plotly = "application/vnd.plotly.v1+json";

    private readonly List<KeyValuePair<string, string>> entries = [];

    public MimeBundle(string plainText) => entries.Add(new(PlainText, plainText ?? ""));

    /// <summary>Adds or replaces a rendering; returns this bundle so renderings can be chained.</summary>
    public MimeBundle With(string mimeType, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        ArgumentNullException.ThrowIfNull(content);
        var index = entries.FindIndex(e => e.Key == mimeType);
        if (index >= 0) entries[index] = new(mimeType, content);
        else entries.Add(new(mimeType, content));
        return this;
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"This display has no '{key}' rendering; it has: {string.Join(", ", Keys)}.");

    public string Text => entries[0].Value;

    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    public IEnumerable<string> Values => entries.Select(e => e.Value);

    public int Count => entries.Count;

    public bool ContainsKey(string key) => entries.Any(e => e.Key == key);

    public bool TryGetValue(string key, out string value)
    {
        foreach (var e in entries)
            if (e.Key == key)
            {
                value = e.Value;
                return true;
            }
        value = "";
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Text;
}
