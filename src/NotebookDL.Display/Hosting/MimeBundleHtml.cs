using System.Net;

namespace NotebookDL.Display;

/// <summary>Any bundle as one HTML rendering, for hosts and callers that ask for text/html only.</summary>
public static class MimeBundleHtml
{
    /// <summary>The bundle's own HTML, else its SVG inline (HTML5 embeds SVG as is), else its PNG as an image, else its text in a pre block.</summary>
    public static string ToHtml(this MimeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.TryGetValue(MimeBundle.Html, out var html)) return html;
        if (bundle.TryGetValue(MimeBundle.Svg, out var svg)) return svg;
        if (bundle.TryGetValue(MimeBundle.Png, out var png)) return $"<img src=\"data:image/png;base64,{png}\" alt=\"{WebUtility.HtmlEncode(bundle.Text)}\"/>";
        return $"<pre>{WebUtility.HtmlEncode(bundle.Text)}</pre>";
    }
}
