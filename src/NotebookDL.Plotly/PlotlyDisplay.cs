using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NotebookDL.Display;
using Plotly.NET;

namespace NotebookDL.Plotly;

/// <summary>
/// Shows a Plotly.NET chart in a notebook with no network: text/html that draws it with plotly.js, plus a text/plain
/// summary. plotly.js (Plotly.NET's embedded copy, 3.6 MB) goes into the first chart's HTML only, once per process (one
/// notebook session); each chart waits for it, and says so if it never comes. Registered with NotebookDL's Formatter,
/// so display(chart) and a chart as a cell's value render in NotebookDL's kernel and, through NotebookDL's
/// .NET Interactive extension, in .NET Interactive.
/// </summary>
public static class PlotlyDisplay
{
    private const string Resource = "Plotly.NET.plotly-2.28.0.min.js";
    private static int scriptSent;
    private static int charts;

    internal static void Register() => Formatter.Register<GenericChart>(ToMimeBundle);

    /// <summary>Makes the next chart carry plotly.js again (a new notebook session in the same process, tests).</summary>
    public static void ResendPlotlyJs() => Interlocked.Exchange(ref scriptSent, 0);

    public static MimeBundle ToMimeBundle(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        var id = $"notebookdl-plotly-{Environment.ProcessId}-{Interlocked.Increment(ref charts)}";
        var html = new StringBuilder();
        if (Interlocked.Exchange(ref scriptSent, 1) == 0) html.Append(PlotlyScript());
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\"></div>\n<script type=\"text/javascript\">\n(function () {{\n")
            .Append("  var figure = ").Append(figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal)).Append(";\n")
            .Append(CultureInfo.InvariantCulture, $"  var target = document.getElementById('{id}'), tries = 0;\n")
            .Append("  (function draw() {\n")
            .Append("    if (window.Plotly) { window.Plotly.newPlot(target, figure.data, figure.layout, {responsive: true, displaylogo: false}); return; }\n")
            .Append("    if (++tries < 200) { setTimeout(draw, 50); return; }\n")
            .Append("    target.textContent = 'plotly.js is not loaded: NotebookDL sends it with the first Plotly chart of a session; run that cell again.';\n")
            .Append("  })();\n})();\n</script>");
        return new MimeBundle(Summary(figure)).With(MimeBundle.Html, html.ToString());
    }

    /// <summary>
    /// plotly.js as an inline script. Inside the wrapper define and module are undefined, so plotly.js sets window.Plotly
    /// even where require.js is on the page (the classic Notebook), instead of registering an AMD module nobody asks for.
    /// </summary>
    private static string PlotlyScript()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Plotly.NET has no embedded {Resource}; NotebookDL.Plotly needs Plotly.NET 6.0.0.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return "<script type=\"text/javascript\">\n(function (define, module, exports) {\n" + script + "\n})();\n</script>\n";
    }

    /// <summary>What the chart shows, in words: its title and its traces.</summary>
    private static string Summary(JsonObject figure)
    {
        var traces = figure["data"]?.AsArray().Select(t => t!) ?? [];
        var names = traces.Select(t => (string?)t["name"]).OfType<string>().Distinct().ToList();
        var title = figure["layout"]?["title"] switch
        {
            JsonValue plain => (string?)plain,
            JsonObject titled => (string?)titled["text"],
            _ => null,
        };
        var count = traces.Count();
        var text = new StringBuilder("Plotly chart");
        if (title is not null) text.Append(CultureInfo.InvariantCulture, $" \"{title}\"");
        text.Append(CultureInfo.InvariantCulture, $": {count} trace{(count == 1 ? "" : "s")}");
        if (names.Count > 0) text.Append(" (").Append(string.Join(", ", names)).Append(')');
        return text.ToString();
    }
}
