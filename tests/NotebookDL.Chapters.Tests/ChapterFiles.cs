namespace NotebookDL.Chapters.Tests;

/// <summary>The textbook's notebooks in this checkout: chapters/NN-*.ipynb.</summary>
public static class ChapterFiles
{
    public static string Repository { get; } = FindRepository();

    public static string ChaptersFolder => Path.Combine(Repository, "chapters");

    /// <summary>File names of every chapter, as theory data (one test case per chapter).</summary>
    public static TheoryData<string> All() => Data(_ => true);

    /// <summary>Chapters that need nothing but the repository.</summary>
    public static TheoryData<string> SelfContained() => Data(path => !UsesSharedData(path));

    /// <summary>Chapters that train on the real MNIST / CIFAR-10 copies in shared/data beside the checkout.</summary>
    public static TheoryData<string> OnSharedData() => Data(UsesSharedData);

    /// <summary>
    /// Chapters that also run on the TorchSharp engine: their metadata.notebookdl.engines lists "torchsharp" (the
    /// others still use managed-only helpers; README "Two engines" says which).
    /// </summary>
    public static TheoryData<string> OnTorchSharp() => Data(path =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))?["metadata"]?["notebookdl"]?["engines"]?.AsArray()
            .Any(e => e?.GetValue<string>() == "torchsharp") == true);

    /// <summary>The shared/data folder above the test directory, or null (then the real-data chapters are skipped).</summary>
    public static string? SharedData { get; } = FindSharedData();

    private static TheoryData<string> Data(Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(ChaptersFolder, "*.ipynb").Order(StringComparer.Ordinal))
            if (include(path)) data.Add(Path.GetFileName(path));
        return data;
    }

    // The datasets read shared/data through torchvision.datasets.MNIST / CIFAR10; a chapter that names them needs it.
    private static bool UsesSharedData(string path) => File.ReadAllText(path).Contains("torchvision.datasets.", StringComparison.Ordinal);

    private static string? FindSharedData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "mnist")) && Directory.Exists(Path.Combine(candidate, "cifar-10-batches-bin"))) return candidate;
        }
        return null;
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NotebookDL.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"no NotebookDL.sln above {AppContext.BaseDirectory}");
    }
}
