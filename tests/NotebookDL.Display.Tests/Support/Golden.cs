using System.Runtime.CompilerServices;

namespace NotebookDL.Display.Tests;

/// <summary>
/// Compares a rendering with its reviewed copy under Golden/. Set NOTEBOOKDL_UPDATE_GOLDEN=1 to
/// rewrite the files instead (then review the diff before committing); see Golden/README.md.
/// </summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("NOTEBOOKDL_UPDATE_GOLDEN") == "1";

    public static void Verify(string fileName, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(ProjectDirectory(callerPath), "Golden", fileName);
        actual = actual.ReplaceLineEndings("\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with NOTEBOOKDL_UPDATE_GOLDEN=1 to create it, then review it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual) return;
        var received = path + ".received";
        File.WriteAllText(received, actual);
        Assert.Fail($"{fileName} differs from its golden file (first difference at line {FirstDifferentLine(expected, actual)}). " +
                    $"The new rendering is in {received}; if the change is intended, rerun with NOTEBOOKDL_UPDATE_GOLDEN=1 and review the diff.");
    }

    /// <summary>The test project's directory: the caller's source file lives somewhere below it.</summary>
    public static string ProjectDirectory([CallerFilePath] string callerPath = "")
    {
        var dir = Path.GetDirectoryName(callerPath);
        while (dir is not null && !File.Exists(Path.Combine(dir, "NotebookDL.Display.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException($"Cannot find the test project above {callerPath}.");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (int i = 0; i < Math.Min(e.Length, a.Length); i++)
            if (e[i] != a[i]) return i + 1;
        return Math.Min(e.Length, a.Length) + 1;
    }
}
