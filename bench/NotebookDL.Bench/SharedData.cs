/// <summary>Finds the repository's shared dataset folder (shared/data beside the checkout).</summary>
internal static class SharedData
{
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "cifar-10-batches-bin"))) return candidate;
            }
        return null;
    }
}
