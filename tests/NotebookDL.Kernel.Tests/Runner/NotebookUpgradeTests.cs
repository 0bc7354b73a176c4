using System.Text.Json.Nodes;
using NotebookDL.Kernel.Runner;

namespace NotebookDL.Kernel.Tests.Runner;

public class NotebookUpgradeTests
{
    private const string Code = """{"cell_type": "code", "metadata": {}, "source": "1", "outputs": []}""";

    /// <summary>Each malformed field the runner reads is refused with the cell's number and the field, before anything runs.</summary>
    [Theory]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {}, "source": 42}]}""", "cell 1's source must be a string")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [CODE, {"cell_type": "code", "source": ["a", 1]}]}""", "cell 2's source must be a string")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": 3, "source": "x"}]}""", "cell 1 has no cell_type string")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [7]}""", "cell 1 is not a JSON object")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "id": 5, "source": "x"}]}""", "cell 1's id must be a string")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": [], "source": "x"}]}""", "cell 1's metadata must be a JSON object")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {"tags": "parameters"}, "source": "x"}]}""", "cell 1's metadata.tags must be a list of strings")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {"tags": [1]}, "source": "x"}]}""", "metadata.tags must be a list of strings")]
    [InlineData("""{"nbformat": 4, "metadata": "x", "cells": []}""", "the notebook's metadata must be a JSON object")]
    [InlineData("""{"nbformat": 4, "metadata": {}}""", "no \"cells\" list")]
    [InlineData("""{"nbformat": 2, "metadata": {}}""", "nbformat 2 is not supported")]
    [InlineData("""{"nbformat": "4", "cells": []}""", "nbformat \"4\" is not supported")]
    [InlineData("""{"metadata": {}, "cells": []}""", "nbformat (missing) is not supported")]
    [InlineData("""{"nbformat": 3, "metadata": {}}""", "needs a \"worksheets\" list")]
    [InlineData("""{"nbformat": 3, "metadata": {}, "worksheets": [{"cells": [{"cell_type": "code", "input": 5}]}]}""", "cell 1's source must be a string")]
    public void Validate_MalformedNotebook_NamesTheCellAndField(string json, string reason)
    {
        var notebook = JsonNode.Parse(json.Replace("CODE", Code, StringComparison.Ordinal))!.AsObject();

        var error = Assert.Throws<InvalidDataException>(() => NotebookUpgrade.Validate(notebook, "bad.ipynb"));

        Assert.StartsWith("bad.ipynb: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Validate_Nbformat3WithOddFields_UpgradesEveryCell()
    {
        var notebook = JsonNode.Parse("""
            {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [
              {"cell_type": "heading", "level": "two", "metadata": {}, "source": "Title"},
              {"cell_type": "code", "input": ["var a = 1;\n", "a"], "metadata": {}, "outputs": []},
              {"cell_type": "markdown", "source": "text"}
            ]}, {"cells": [{"cell_type": "code", "input": "2"}]}]}
            """)!.AsObject();

        NotebookUpgrade.Validate(notebook, "old.ipynb");

        var cells = notebook["cells"]!.AsArray();
        Assert.Equal(4, notebook["nbformat"]!.GetValue<int>());
        Assert.Null(notebook["worksheets"]);
        Assert.Equal(["markdown", "code", "markdown", "code"], cells.Select(c => c!["cell_type"]!.GetValue<string>()));
        Assert.Equal("# Title", NotebookJson.Text(cells[0]!["source"]));
        Assert.Equal("var a = 1;\na", NotebookJson.Text(cells[1]!["source"]));
        Assert.Equal("2", NotebookJson.Text(cells[3]!["source"]));
    }
}
