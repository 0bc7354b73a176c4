using System.Text;

namespace NotebookDL.Display;

/// <summary>
/// A module as PyTorch's print(model) shows it (text/plain), and as a collapsible tree with parameter
/// counts in HTML (details/summary elements fold without scripts).
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<ModuleDisplay>), PreferredMimeTypes = [MimeBundle.Html, MimeBundle.PlainText])]
public sealed record ModuleDisplay(string Repr, ModuleNode Root, long TotalParameters, long TrainableParameters) : IDisplayable
{
    public static ModuleDisplay From(torch.nn.Module module)
    {
        var parameters = module.parameters().ToList();
        var root = ModuleNode.From("", module);
        return new(root.ToRepr(), root, parameters.Sum(p => p.numel()), parameters.Where(p => p.requires_grad).Sum(p => p.numel()));
    }

    public string ParameterLine => $"Total params: {Numbers.Thousands(TotalParameters)} (trainable: {Numbers.Thousands(TrainableParameters)})";

    public MimeBundle ToMimeBundle() => new MimeBundle(Repr).With(MimeBundle.Html, ToHtml());

    public string ToHtml()
    {
        var html = new StringBuilder($"<div style=\"{HtmlStyle.Container}\">");
        AppendNode(html, Root, open: true);
        html.Append($"<div style=\"{HtmlStyle.Muted};margin-top:4px\">{ParameterLine}</div>");
        return html.Append("</div>").ToString();
    }

    private static void AppendNode(StringBuilder html, ModuleNode node, bool open)
    {
        var label = new StringBuilder();
        if (node.Name.Length > 0) label.Append($"<span style=\"{HtmlStyle.Code}\">({Markup.Escape(node.Name)})</span> ");
        label.Append($"<b>{Markup.Escape(node.Type)}</b>");
        if (node.ExtraRepr.Length > 0) label.Append($"<span style=\"{HtmlStyle.Code}\">({Markup.Escape(node.ExtraRepr)})</span>");
        if (node.Parameters > 0) label.Append($" <span style=\"{HtmlStyle.Muted}\">· {Numbers.Thousands(node.Parameters)} params</span>");
        if (node.Children.Count == 0)
        {
            html.Append($"<div style=\"margin-left:18px;padding:1px 0\">{label}</div>");
            return;
        }
        html.Append($"<details{(open ? " open" : "")} style=\"margin-left:{(node.Name.Length > 0 ? 4 : 0)}px\"><summary style=\"cursor:pointer;padding:1px 0\">{label}</summary>");
        html.Append("<div style=\"margin-left:14px;border-left:1px solid rgba(128,128,128,.35);padding-left:4px\">");
        foreach (var child in node.Children) AppendNode(html, child, open: true);
        html.Append("</div></details>");
    }

    public override string ToString() => Repr;
}
