namespace NotebookDL.Kernel.Tests.Polyglot;

/// <summary>The Polyglot-format notebooks in Notebooks/, copied into a fresh folder for each test (runs write beside them).</summary>
public static class PolyglotNotebooks
{
    public static string Copy(string name)
    {
        var directory = Directory.CreateTempSubdirectory("notebookdl-polyglot-tests-").FullName;
        var path = Path.Combine(directory, name);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Polyglot", "Notebooks", name), path);
        return path;
    }
}
