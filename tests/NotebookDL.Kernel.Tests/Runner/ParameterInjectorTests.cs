using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Runner;

public class ParameterInjectorTests
{
    private static JsonObject Notebook(params (string Source, string[] Tags)[] cells) => new()
    {
        ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray([.. c.Tags.Select(t => (JsonNode)JsonValue.Create(t))]) },
            ["source"] = c.Source,
            ["outputs"] = new JsonArray(),
        })]),
        ["metadata"] = new JsonObject(),
    };

    private static string Source(JsonObject notebook, int index) => NotebookJson.Text(notebook["cells"]![index]!["source"]);

    [Fact]
    public void Injects_after_the_parameters_cell_with_the_declared_types()
    {
        var notebook = Notebook(("using System;", []), ("var lr = 0.01;\nint epochs = 2;\nvar name = \"mlp\";\nvar verbose = false;", ["parameters"]), ("train();", []));

        ParameterInjector.Inject(notebook, ParameterInjector.Parse(["lr=1", "epochs=10", "name=big \"one\"", "verbose=true", "extra=3.5"]));

        Assert.Equal(4, notebook["cells"]!.AsArray().Count);
        var injected = Source(notebook, 2);
        Assert.Contains("double lr = 1;", injected);
        Assert.Contains("int epochs = 10;", injected);
        Assert.Contains("string name = \"big \\\"one\\\"\";", injected);
        Assert.Contains("bool verbose = true;", injected);
        Assert.Contains("double extra = 3.5;", injected);
        Assert.Contains("injected-parameters", NotebookJson.Tags(notebook["cells"]![2]));
        Assert.Equal("10", notebook["metadata"]!["papermill"]!["parameters"]!["epochs"]!.GetValue<string>());
    }

    [Fact]
    public void Without_a_parameters_cell_the_injection_goes_first_and_replaces_an_earlier_one()
    {
        var notebook = Notebook(("Console.WriteLine(1);", []));
        ParameterInjector.Inject(notebook, ParameterInjector.Parse(["n=1"]));
        ParameterInjector.Inject(notebook, ParameterInjector.Parse(["n=2"]));

        Assert.Equal(2, notebook["cells"]!.AsArray().Count);
        Assert.Contains("int n = 2;", Source(notebook, 0));
    }

    [Fact]
    public void Bad_names_and_values_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ParameterInjector.Parse(["novalue"]));
        Assert.Throws<ArgumentException>(() => ParameterInjector.Parse(["1x=2"]));
        var notebook = Notebook(("int epochs = 2;", ["parameters"]));
        Assert.Throws<ArgumentException>(() => ParameterInjector.Inject(notebook, ParameterInjector.Parse(["epochs=lots"])));
    }
}
