namespace NotebookDL.Chapters.Tests;

/// <summary>The textbook's notebooks in this checkout: chapters/NN-*.ipynb.</summary>
public static class ChapterFiles
{
    public static string Repository { get; } = FindRepository();

    public static string ChaptersFolder => Path.Combine(Repository, "chapters");

    /// <summary>File names of every chapter, as theory data (one test case per chapter).</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(ChaptersFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NotebookDL.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"no NotebookDL.sln above {AppContext.BaseDirectory}");
    }
}
