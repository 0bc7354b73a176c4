using System.Text;

namespace NotebookDL.Display;

/// <summary>Escaping shared by the HTML and SVG writers (both are XML-compatible, so one escape serves).</summary>
internal static class Markup
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                // XML 1.0 forbids most control characters; a stray one would make the whole SVG unreadable.
                _ when c < ' ' && c is not ('\n' or '\t' or '\r') => "",
                _ => c.ToString(),
            });
        return result.ToString();
    }
}
