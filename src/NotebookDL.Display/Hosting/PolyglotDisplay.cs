namespace NotebookDL.Display;

/// <summary>
/// The display calls of .NET Interactive (Polyglot Notebooks), so notebooks written for it run in NotebookDL's kernel
/// unchanged. Inside .NET Interactive a cell's "using static NotebookDL.Display.Notebook" is the closer scope, so these
/// win over the host's own display(...) there too, and reach the host through NotebookDL's extension.
/// </summary>
public static partial class Notebook
{
    /// <summary>
    /// Shows <paramref name="value"/> with only the given renderings (.NET Interactive's display(value, "text/html")).
    /// text/plain is always kept so every front end shows something; text/html can always be given (a picture's SVG inline).
    /// </summary>
    public static DisplayHandle display(object? value, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(mimeTypes);
        if (mimeTypes.Length == 0) return display(value);
        var full = Formatter.ToMimeBundle(value);
        var chosen = new MimeBundle(full.Text);
        foreach (var mime in mimeTypes)
        {
            if (full.TryGetValue(mime, out var content)) chosen.With(mime, content);
            else if (mime == MimeBundle.Html) chosen.With(mime, full.ToHtml());
            else if (mime != MimeBundle.PlainText)
                throw new ArgumentException($"display: {value?.GetType().Name ?? "null"} has no '{mime}' rendering; it has {string.Join(", ", full.Keys)} (and text/html).", nameof(mimeTypes));
        }
        return display(chosen);
    }

    /// <summary>.NET Interactive's value.Display(): the same as display(value), or with only the given renderings.</summary>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) => display(value, mimeTypes);

    /// <summary>.NET Interactive's HTML("..."): markup shown as text/html (its source as the text/plain fallback).</summary>
    public static MimeBundle HTML(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new MimeBundle(html).With(MimeBundle.Html, html);
    }
}
