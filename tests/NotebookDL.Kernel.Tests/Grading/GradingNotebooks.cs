using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Tests.Grading;

/// <summary>Builds small nbgrader-format notebooks and cells for the grading tests.</summary>
public static class GradingNotebooks
{
    public static JsonObject Cell(string type, string source, JsonObject? nbgrader = null)
    {
        var metadata = new JsonObject();
        if (nbgrader is not null) metadata["nbgrader"] = nbgrader;
        var cell = new JsonObject { ["cell_type"] = type, ["metadata"] = metadata, ["source"] = source };
        if (type == "code")
        {
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        return cell;
    }

    public static JsonObject Nbgrader(string id, bool solution = false, bool grade = false, bool locked = false, double? points = null)
    {
        var metadata = new JsonObject { ["grade"] = grade, ["grade_id"] = id, ["locked"] = locked, ["schema_version"] = 3, ["solution"] = solution, ["task"] = false };
        if (points is { } p) metadata["points"] = p;
        return metadata;
    }

    public static JsonObject Answer(string id, string source) => Cell("code", source, Nbgrader(id, solution: true));

    public static JsonObject Test(string id, double points, string source) => Cell("code", source, Nbgrader(id, grade: true, locked: true, points: points));

    public static JsonObject Notebook(params JsonObject[] cells) => new()
    {
        ["cells"] = new JsonArray([.. cells]),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    /// <summary>An instructor's notebook: Add with a solution region, a visible test with a hidden one, a written answer.</summary>
    public static JsonObject AddAssignment() => Notebook(
        Cell("markdown", "# Adding"),
        Answer("add", "static int Add(int a, int b)\n{\n    // ### BEGIN SOLUTION\n    return a + b;\n    // ### END SOLUTION\n}"),
        Test("test_add", 2, "if (Add(1, 2) != 3) throw new Exception(\"Add(1, 2) should be 3\");\n// ### BEGIN HIDDEN TESTS\nif (Add(-1, 1) != 0) throw new Exception(\"Add(-1, 1) should be 0\");\n// ### END HIDDEN TESTS"),
        Test("test_twice", 1, "if (Add(Add(1, 1), 2) != 4) throw new Exception(\"Add(Add(1, 1), 2) should be 4\");"),
        Cell("markdown", "Why does addition commute?\n\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION", Nbgrader("why", solution: true, grade: true, points: 1)));

    public static string Write(JsonObject notebook, string name = "assignment.ipynb")
    {
        var directory = Path.Combine(Path.GetTempPath(), "notebookdl-grading-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    public static JsonObject Read(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
}
