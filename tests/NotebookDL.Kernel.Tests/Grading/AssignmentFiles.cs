using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Tests.Grading;

/// <summary>The course assignments in notebooks/assignments, found from the test binaries upwards.</summary>
public static class AssignmentFiles
{
    public static string Folder { get; } = Path.Combine(FindRepository(), "notebooks", "assignments");

    public static IReadOnlyList<string> All => [.. Directory.GetFiles(Folder, "*.ipynb").Order(StringComparer.Ordinal)];

    public static TheoryData<string> Names() => new(All.Select(Path.GetFileName).OfType<string>());

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static JsonObject Load(string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(PathOf(name)))!;

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NotebookDL.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"no NotebookDL.sln above {AppContext.BaseDirectory}");
    }
}
