namespace NotebookDL.Display;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/>: one formatter per MIME type
/// our displays produce, each bound to <typeparamref name="T"/> so .NET Interactive never applies it
/// to other types. Generic because .NET Interactive creates sources with a parameterless constructor.
/// </summary>
public sealed class DisplayFormatterSource<T>
{
    private static readonly string[] MimeTypes = [MimeBundle.PlainText, MimeBundle.Html, MimeBundle.Svg, MimeBundle.Plotly];

    public IEnumerable<object> CreateTypeFormatters() => MimeTypes.Select(mime => new MimeTypeFormatter(mime, typeof(T)));
}
