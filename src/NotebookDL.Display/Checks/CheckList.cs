using System.Text;

namespace NotebookDL.Display;

/// <summary>Several book checks shown as one block (a worked example's intermediate values, say).</summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<CheckList>), PreferredMimeTypes = [MimeBundle.Html, MimeBundle.PlainText])]
public sealed record CheckList(string? Title, IReadOnlyList<BookCheck> Checks) : IDisplayable
{
    public bool Passed => Checks.All(c => c.Passed);

    public MimeBundle ToMimeBundle()
    {
        var text = new StringBuilder();
        if (Title is not null) text.AppendLine(Title);
        foreach (var check in Checks) text.AppendLine(check.Line);
        var html = new StringBuilder($"<div style=\"{HtmlStyle.Container}\">");
        if (Title is not null) html.Append($"<div style=\"{HtmlStyle.Caption}\">{Markup.Escape(Title)}</div>");
        foreach (var check in Checks) html.Append(check.Html());
        html.Append("</div>");
        return new MimeBundle(text.ToString().TrimEnd()).With(MimeBundle.Html, html.ToString());
    }

    public override string ToString() => ToMimeBundle().Text;
}
