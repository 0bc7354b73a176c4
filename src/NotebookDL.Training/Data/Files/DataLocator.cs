namespace NotebookDL;

/// <summary>
/// Finds a dataset's folder. Roots are searched in order: the root the caller passed, $NOTEBOOKDL_DATA, the
/// default cache, then every shared/data folder above the current directory and above the NotebookDL assembly
/// (this repository keeps a copy in ../shared/data beside each checkout). Under each root the source's folder
/// names are tried (e.g. mnist/, MNIST/raw/, or the root itself).
/// </summary>
internal static class DataLocator
{
    /// <summary>A data root with a short note on why it is searched, for error messages.</summary>
    internal sealed record Root(string Path, string Reason);

    public static List<Root> Roots(string? root, DataEnvironment env)
    {
        var roots = new List<Root>();
        if (!string.IsNullOrWhiteSpace(root)) roots.Add(new(Full(root, env), "the root you passed"));
        if (env.DataVariableValue is { } variable) roots.Add(new(Full(variable, env), $"${DataEnvironment.DataVariable}"));
        roots.Add(new(env.DefaultCache, "the default cache"));
        if (env.SearchShared)
        {
            foreach (var start in new[] { env.CurrentDirectory, env.AssemblyDirectory })
                for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var shared = Path.Combine(dir.FullName, "shared", "data");
                    if (Directory.Exists(shared)) roots.Add(new(shared, "a shared/data folder"));
                }
        }
        return roots.DistinctBy(r => r.Path).ToList();
    }

    /// <summary>The first folder that holds at least one of <paramref name="files"/>, or null.</summary>
    public static string? Find(DataSource source, IReadOnlyList<string> files, string? root, DataEnvironment env)
    {
        foreach (var r in Roots(root, env))
            foreach (var folder in source.Folders)
            {
                var dir = Path.Combine(r.Path, folder);
                if (files.Any(f => File.Exists(Path.Combine(dir, f)))) return dir;
            }
        return null;
    }

    /// <summary>Where a download goes: the root passed, else $NOTEBOOKDL_DATA, else the default cache; then the source's folder.</summary>
    public static string DownloadFolder(DataSource source, string? root, DataEnvironment env)
    {
        var baseDir = !string.IsNullOrWhiteSpace(root) ? Full(root, env) : env.DataVariableValue is { } v ? Full(v, env) : env.DefaultCache;
        return Path.Combine(baseDir, source.Folders[0]);
    }

    /// <summary>The searched places, one per line, for "not found" errors.</summary>
    public static string Describe(DataSource source, string? root, DataEnvironment env)
    {
        var lines = Roots(root, env).Select(r => $"  - {Path.Combine(r.Path, source.Folders[0])} ({r.Reason})").ToList();
        if (env.DataVariableValue is null) lines.Add($"  - (${DataEnvironment.DataVariable} is not set)");
        if (env.SearchShared) lines.Add($"  - (and shared/data/{source.Folders[0]} in every folder above {env.CurrentDirectory} and above the NotebookDL assembly)");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Full(string path, DataEnvironment env)
    {
        if (path.StartsWith('~')) path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~', '/', '\\'));
        return Path.GetFullPath(path, env.CurrentDirectory);
    }
}
