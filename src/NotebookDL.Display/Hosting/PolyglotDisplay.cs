namespace NotebookDL.Display;

/// <summary>
/// The display calls of .NET Interactive (Polyglot Notebooks), so notebooks written for it run in NotebookDL's kernel
/// unchanged. Inside .NET Interactive the host's own display(object, params string[]) is imported beside these, so they
/// take one or two MIME types without params: a call that fits both then binds here (normal form beats expanded form)
/// instead of being ambiguous, and reaches the host through NotebookDL's extension.
/// </summary>
public static partial class Notebook
{
    /// <summary>Shows <paramref name="value"/> with only this rendering (.NET Interactive's display(value, "text/html")); text/plain is always kept.</summary>
    public static DisplayHandle display(object? value, string mimeType) => display(Only(value, [mimeType]));

    /// <summary>Shows <paramref name="value"/> with only these two renderings; text/plain is always kept.</summary>
    public static DisplayHandle display(object? value, string mimeType, string otherMimeType) => display(Only(value, [mimeType, otherMimeType]));

    /// <summary>.NET Interactive's value.Display(): the same as display(value).</summary>
    public static DisplayHandle Display(this object? value) => display(value);

    /// <summary>.NET Interactive's value.Display("text/html"): the same as display(value, mimeType).</summary>
    public static DisplayHandle Display(this object? value, string mimeType) => display(value, mimeType);

    /// <summary>.NET Interactive's HTML("..."): markup shown as text/html (its source as the text/plain fallback).</summary>
    public static MimeBundle HTML(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new MimeBundle(html).With(MimeBundle.Html, html);
    }

    /// <summary>The renderings asked for, plus text/plain; text/html can always be given (a picture's SVG inline).</summary>
    private static MimeBundle Only(object? value, string[] mimeTypes)
    {
        var full = Formatter.ToMimeBundle(value);
        var chosen = new MimeBundle(full.Text);
        foreach (var mime in mimeTypes)
        {
            ArgumentException.ThrowIfNullOrEmpty(mime, nameof(mimeTypes));
            if (full.TryGetValue(mime, out var content)) chosen.With(mime, content);
            else if (mime == MimeBundle.Html) chosen.With(mime, full.ToHtml());
            else if (mime != MimeBundle.PlainText)
                throw new ArgumentException($"display: {value?.GetType().Name ?? "null"} has no '{mime}' rendering; it has {string.Join(", ", full.Keys)} (and text/html).", nameof(mimeTypes));
        }
        return chosen;
    }
}
