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

        ParameterInjector.Inject(notebook, ParameterInjector.Parse(["lr=1", "epochs=10", "name=big \"one\"", "verbose=true"]));

        Assert.Equal(4, notebook["cells"]!.AsArray().Count);
        var injected = Source(notebook, 2);
        Assert.Contains("double lr = 1;", injected);
        Assert.Contains("int epochs = 10;", injected);
        Assert.Contains("string name = \"big \\\"one\\\"\";", injected);
        Assert.Contains("bool verbose = true;", injected);
        Assert.Contains("injected-parameters", NotebookJson.Tags(notebook["cells"]![2]));
        Assert.Equal("10", notebook["metadata"]!["papermill"]!["parameters"]!["epochs"]!.GetValue<string>());
    }

    [Fact]
    public void Inject_RepeatedRun_ReplacesTheEarlierInjection()
    {
        var notebook = Notebook(("int n = 0;", ["parameters"]), ("Console.WriteLine(n);", []));
        ParameterInjector.Inject(notebook, ParameterInjector.Parse(["n=1"]));
        ParameterInjector.Inject(notebook, ParameterInjector.Parse(["n=2"]));

        Assert.Equal(3, notebook["cells"]!.AsArray().Count);
        Assert.Contains("int n = 2;", Source(notebook, 1));
    }

    [Theory]
    [InlineData("epochz=3", "declares epochs, name")]
    [InlineData("name=x", null)]
    public void Inject_UnknownName_IsAnErrorListingTheDeclaredParameters(string pair, string? message)
    {
        var notebook = Notebook(("int epochs = 2;\nstring? name = null;", ["parameters"]));
        if (message is null)
        {
            ParameterInjector.Inject(notebook, ParameterInjector.Parse([pair]));
            return;
        }
        var error = Assert.Throws<ArgumentException>(() => ParameterInjector.Inject(notebook, ParameterInjector.Parse([pair])));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Inject_NoParametersCell_IsAnError()
    {
        var notebook = Notebook(("Console.WriteLine(1);", []));
        var error = Assert.Throws<ArgumentException>(() => ParameterInjector.Inject(notebook, ParameterInjector.Parse(["n=1"])));
        Assert.Contains("no cell tagged 'parameters'", error.Message);
    }

    /// <summary>Values become literals of the declared type, whatever its spelling; they are never pasted in as code.</summary>
    [Theory]
    [InlineData("string? path = null;", "path=File.Delete(\"x\")", "string? path = \"File.Delete(\\\"x\\\")\";")]
    [InlineData("String path = \"a\";", "path=b\"+x+\"", "String path = \"b\\\"+x+\\\"\";")]
    [InlineData("System.String path = \"a\";", "path=c", "System.String path = \"c\";")]
    [InlineData("double? lr = null;", "lr=0.5", "double? lr = 0.5;")]
    [InlineData("double? lr = 0.1;", "lr=null", "double? lr = null;")]
    [InlineData("Int64 n = 1;", "n=7", "Int64 n = 7L;")]
    [InlineData("var n = 1L;", "n=7", "long n = 7L;")]
    [InlineData("int[] sizes = [1, 2];", "sizes=3,4", "int[] sizes = new int[] { 3, 4 };")]
    [InlineData("var sizes = new[] { 1, 2 };", "sizes=[5]", "int[] sizes = new int[] { 5 };")]
    [InlineData("var names = new string[] { \"a\" };", "names=b,c", "string[] names = new string[] { \"b\", \"c\" };")]
    public void Inject_AnyDeclaredSpelling_WritesALiteral(string declaration, string pair, string expected)
    {
        var notebook = Notebook((declaration, ["parameters"]));
        ParameterInjector.Inject(notebook, ParameterInjector.Parse([pair]));
        Assert.Contains(expected, Source(notebook, 1));
    }

    [Theory]
    [InlineData("double? lr = 0.1;", "lr=1;File.Delete(\"x\")")]
    [InlineData("int[] sizes = [1, 2];", "sizes=new int[0]")]
    [InlineData("var model = nn.Linear(2, 2);", "model=null")]
    [InlineData("int n = 1;", "n=1e300")]
    public void Inject_ValueThatIsNotALiteralOfTheType_IsRefused(string declaration, string pair)
    {
        var notebook = Notebook((declaration, ["parameters"]));
        Assert.Throws<ArgumentException>(() => ParameterInjector.Inject(notebook, ParameterInjector.Parse([pair])));
    }

    [Fact]
    public void WithCiParameters_MergesMetadataUnderExplicitValues()
    {
        var notebook = Notebook(("int epochs = 100;\nint n = 5;", ["parameters"]));
        notebook["metadata"] = new JsonObject { ["notebookdl"] = new JsonObject { ["ci_parameters"] = new JsonObject { ["epochs"] = "2", ["n"] = 3 } } };

        var merged = ParameterInjector.WithCiParameters(notebook, ParameterInjector.Parse(["n=4"]));

        Assert.Equal([("n", "4"), ("epochs", "2")], merged);
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
