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
    public const string Png = "image/png";
    public const string Plotly = "application/vnd.plotly.v1+json";

    private readonly List<KeyValuePair<string, string>> entries = [];

    public MimeBundle(string plainText) => entries.Add(new(PlainText, plainText ?? ""));

    /// <summary>
    /// The bundle of a picture: its text summary, its SVG and, unless <paramref name="withPng"/> is false, a PNG of the
    /// same SVG (base64) for front ends that sanitize SVG away. Every picture display builds its bundle here.
    /// </summary>
    public static MimeBundle Picture(string plainText, string svg, bool withPng = true)
    {
        var bundle = new MimeBundle(plainText).With(Svg, svg);
        return withPng && SvgRasterizer.TryRender(svg) is { } png ? bundle.With(Png, Convert.ToBase64String(png)) : bundle;
    }

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
