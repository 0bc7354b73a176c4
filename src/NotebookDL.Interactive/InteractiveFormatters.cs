using Microsoft.DotNet.Interactive.Formatting;
using NotebookDL.Display;
using NotebookDL.Training;
using DisplayFormatter = NotebookDL.Display.Formatter;
using HostFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace NotebookDL.Interactive;

/// <summary>
/// Registers NotebookDL's MIME bundles with .NET Interactive's formatter for every type NotebookDL displays richly.
/// The host asks one formatter per MIME type and shows text/html by default, so each type gets text/html and
/// text/plain: the bundle's HTML where it has one, else its SVG inline (HTML5 embeds SVG as is).
/// </summary>
internal static class InteractiveFormatters
{
    /// <summary>The root types Formatter.ToMimeBundle renders; subclasses and implementations inherit the registration.</summary>
    internal static readonly Type[] DisplayedTypes =
        [typeof(IDisplayable), typeof(MimeBundle), typeof(torch.Tensor), typeof(torch.nn.Module),
         typeof(History), typeof(ConfusionMatrix), typeof(Chart)];

    private static readonly string[] MimeTypes = [MimeBundle.Html, MimeBundle.PlainText];

    private static int registered;

    /// <summary>Registers the built-in types and every type given to NotebookDL's Formatter.Register, now and later; once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        foreach (var type in DisplayedTypes.Concat(DisplayFormatter.RegisteredTypes)) Register(type);
        DisplayFormatter.Registered += Register;
    }

    private static void Register(Type type)
    {
        HostFormatter.Register(type, (value, writer) => writer.Write(DisplayFormatter.ToMimeBundle(value).ToHtml()), MimeBundle.Html);
        HostFormatter.Register(type, (value, writer) => writer.Write(DisplayFormatter.ToMimeBundle(value).Text), MimeBundle.PlainText);
        HostFormatter.SetPreferredMimeTypesFor(type, MimeTypes);
    }
}
