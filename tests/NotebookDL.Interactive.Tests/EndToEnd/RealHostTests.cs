using System.Text.Json.Nodes;
using NotebookDL.Display;

namespace NotebookDL.Interactive.Tests.EndToEnd;

/// <summary>
/// The extension in the real host: NotebookDL packed into a local feed, referenced from a notebook with
/// #r "nuget: NotebookDL.Display", executed by nbclient in the dotnet-interactive tool's own C# Jupyter kernel.
/// </summary>
[Collection("interactive")]
public class RealHostTests
{
    private const string Notebook = "notebookdl-in-dotnet-interactive.ipynb";

    [DotnetInteractiveFact]
    public void Execute_NotebookReferencingNotebookDL_ExtensionFormatsDisplaysAndRunsDirectives()
    {
        var root = Directory.CreateTempSubdirectory("notebookdl-interactive-e2e-").FullName;
        try
        {
            using var feed = new LocalPackageFeed(root);
            var cells = Execute(root, feed);

            Assert.Contains("NotebookDL.Interactive.dll", Text(cells[0]));

            torch.manual_seed(1);
            var seeded = NotebookDL.Display.Formatter.ToMimeBundle(torch.randn(3)).Text;
            Assert.Equal(seeded, Joined(Result(cells[2])["text/plain"]));
            Assert.Contains("Seeded the managed engine's random generator with 1.", Text(cells[2]));

            Assert.Contains("Linear(in_features=4, out_features=8, bias=True)", Joined(Result(cells[3])["text/plain"]));
            Assert.NotNull(Result(cells[3])["text/html"]);

            var summary = Assert.Single(Displays(cells[4]));
            Assert.Contains("58", Joined(summary["text/plain"])); // 4*8+8 + 8*2+2 parameters
            Assert.Contains("<table", Joined(summary["text/html"]));

            // update_display_data replaced the display in place: one output, showing the update
            Assert.Contains("tensor([1.])", Joined(Assert.Single(Displays(cells[5]))["text/plain"]));

            var live = Assert.Single(Displays(cells[6]));
            Assert.Contains("<svg", Joined(live[MimeBundle.Svg]));
            Assert.NotNull(live[MimeBundle.Png]); // the finished chart, which the saved notebook keeps, carries its PNG

            Assert.Contains("<svg", Joined(Assert.Single(Displays(cells[7]))[MimeBundle.Svg]));

            var about = Text(cells[8]);
            Assert.Contains("NotebookDL", about);
            Assert.Contains(".NET Interactive 1.0.0", about);

            Assert.Contains("--input-size must be positive integers separated by commas, got '4,x'", Text(cells[9]));

            // Plotly.NET in the host: loads despite the host's older FSharp.Core, and draws offline with the embedded plotly.js
            Assert.DoesNotContain("error", string.Join(",", Outputs(cells[10]).Select(o => (string?)o["output_type"])));
            var chart = Result(cells[11]);
            Assert.StartsWith("Plotly chart \"Training history\"", Joined(chart["text/plain"]));
            Assert.Contains("window.Plotly.newPlot", Joined(chart["text/html"]));
            Assert.True(Joined(chart["text/html"]).Length > 3_000_000, "the first chart carries plotly.js");

            // .NET Interactive's display calls, bound to NotebookDL's under "using static NotebookDL.Display.Notebook"
            var polyglot = Displays(cells[12]).ToList();
            Assert.True(polyglot.Count == 2, cells[12]!["outputs"]!.ToJsonString());
            Assert.Equal(["text/html", "text/plain"], polyglot[0].Select(d => d.Key).Order()); // only what was asked, and text
            Assert.Contains("tensor([1., 1., 1.])", Joined(polyglot[1]["text/plain"]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static JsonArray Execute(string root, LocalPackageFeed feed)
    {
        var input = Path.Combine(root, Notebook);
        var output = Path.Combine(root, "executed.ipynb");
        File.WriteAllText(input, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EndToEnd", Notebook))
            .Replace("@FEED@", feed.Folder).Replace("@VERSION@", feed.Version));
        var data = DotnetInteractiveTool.CreateJupyterDataFolder(Path.Combine(root, "jupyter"));
        var (exit, log) = Processes.Run(DotnetInteractiveTool.Python, [Path.Combine(AppContext.BaseDirectory, "EndToEnd", "run_notebook.py"), input, output],
            TimeSpan.FromMinutes(8), new Dictionary<string, string> { ["JUPYTER_PATH"] = data, ["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "runtime") });
        Assert.True(exit == 0, $"nbclient failed (exit {exit}):\n{log}");
        return JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
    }

    private static IEnumerable<JsonObject> Outputs(JsonNode? cell) => cell!["outputs"]!.AsArray().Select(o => o!.AsObject());

    private static JsonObject Result(JsonNode? cell) =>
        Assert.Single(Outputs(cell), o => (string?)o["output_type"] == "execute_result")["data"]!.AsObject();

    private static IEnumerable<JsonObject> Displays(JsonNode? cell) =>
        Outputs(cell).Where(o => (string?)o["output_type"] == "display_data").Select(o => o["data"]!.AsObject());

    /// <summary>Everything a reader sees as text in the cell: streams, text/plain of displays, error messages.</summary>
    private static string Text(JsonNode? cell) => string.Join("\n", Outputs(cell).Select(o => (string?)o["output_type"] switch
    {
        "stream" => Joined(o["text"]),
        "error" => $"{o["ename"]}: {o["evalue"]}\n{Joined(o["traceback"])}",
        _ => Joined(o["data"]?["text/plain"]),
    }));

    /// <summary>nbformat stores multi-line strings as a string or a list of lines.</summary>
    private static string Joined(JsonNode? text) => text switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => text.GetValue<string>(),
    };
}
