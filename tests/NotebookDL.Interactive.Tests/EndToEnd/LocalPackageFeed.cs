namespace NotebookDL.Interactive.Tests.EndToEnd;

/// <summary>
/// NotebookDL, NotebookDL.Display and NotebookDL.Plotly packed from this checkout into a folder feed, under a version of their own so the
/// host never reuses an older copy from the NuGet cache. Building goes to the feed's own artifacts folder, so the
/// checkout's bin and obj folders (which other test assemblies may be using) are left alone. Dispose deletes the feed
/// and this version's copies in the NuGet cache.
/// </summary>
public sealed class LocalPackageFeed : IDisposable
{
    private static readonly string[] Projects = ["NotebookDL", "NotebookDL.Display", "NotebookDL.Plotly"];

    public string Folder { get; }

    public string Version { get; } = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public LocalPackageFeed(string root)
    {
        Folder = Path.Combine(root, "feed");
        foreach (var project in Projects)
        {
            var (exit, output) = Processes.Run(Processes.Dotnet,
                ["pack", Path.Combine(RepositoryRoot(), "src", project), "-c", "Release", "-o", Folder, $"-p:Version={Version}",
                 "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(root, "artifacts")}"],
                TimeSpan.FromMinutes(8));
            if (exit != 0) throw new InvalidOperationException($"dotnet pack src/{project} failed (exit {exit}):\n{output}");
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NotebookDL.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"no NotebookDL.sln above {AppContext.BaseDirectory}");
    }

    public void Dispose()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var project in Projects)
        {
            var cached = Path.Combine(cache, project.ToLowerInvariant(), Version);
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
    }
}
