namespace NotebookDL;

/// <summary>
/// Turns "I need these files of that dataset" into verified paths: finds the folder, checks every file's digest,
/// downloads what is missing or corrupt when allowed, and otherwise explains exactly what to do.
/// </summary>
internal static class DataResolver
{
    public static string[] Resolve(DataSource source, string[] files, string what, string? root, bool download, DataEnvironment env)
    {
        var folder = DataLocator.Find(source, files, root, env);
        if (folder is null)
        {
            if (!download) throw NotFound(source, files, what, root, env);
            folder = DataLocator.DownloadFolder(source, root, env);
        }
        var needed = new List<string>();
        foreach (var name in files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                needed.Add(name);
                continue;
            }
            if (Problem(source, path) is not { } problem) continue;
            if (!download) throw new InvalidDataException($"{problem} {FixHint(source, folder)}");
            env.Progress?.WriteLine($"{problem} Downloading it again.");
            needed.Add(name);
        }
        if (needed.Count > 0)
        {
            if (!download)
                throw new FileNotFoundException(
                    $"{source.Title}: {folder} has some of the {what} but not {string.Join(", ", needed)}. " +
                    $"Copy the missing files there (from {source.Origin}), or pass download: true to download them.");
            Downloader.Fetch(source, needed, folder, env);
            foreach (var name in needed)
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path))
                    throw new FileNotFoundException($"{source.Title}: the download did not produce {name} in {folder}; the archive {source.Origin} may have changed.");
                if (Problem(source, path) is { } problem) throw new InvalidDataException(problem);
            }
        }
        return files.Select(f => Path.Combine(folder, f)).ToArray();
    }

    /// <summary>Why the file at <paramref name="path"/> is not the official one, or null when its digest matches (or none is known).</summary>
    public static string? Problem(DataSource source, string path)
    {
        var spec = source.File(Path.GetFileName(path));
        if (spec.Checksum is null || spec.Checksum.Matches(path, out var actual)) return null;
        var size = new FileInfo(path).Length;
        var expectedSize = spec.Size is { } s ? $" and {s:N0} bytes" : "";
        return $"{source.Title}: {path} is corrupt or truncated: its {spec.Checksum.Name} is {actual} ({size:N0} bytes), " +
               $"but the official {spec.Name} has {spec.Checksum}{expectedSize}.";
    }

    public static string FixHint(DataSource source, string folder) =>
        source.CanDownload
            ? $"Load again with download: true to replace it, or copy a good copy into {folder} (from {source.Origin})."
            : $"Replace it with a good copy (see {source.Homepage}).";

    /// <summary>An error for a file whose digest is unknown or matched but whose contents still do not parse.</summary>
    public static InvalidDataException Invalid(DataSource source, string path, string detail)
    {
        var spec = source.File(Path.GetFileName(path));
        var official = spec.Checksum is null ? "" : $" The official {spec.Name} has {spec.Checksum}.";
        return new InvalidDataException(
            $"{source.Title}: {path} is not a valid {spec.Name} file: {detail}.{official} {FixHint(source, Path.GetDirectoryName(path) ?? ".")}");
    }

    private static FileNotFoundException NotFound(DataSource source, string[] files, string what, string? root, DataEnvironment env)
    {
        var target = DataLocator.DownloadFolder(source, root, env);
        var get = source.CanDownload
            ? $", or pass download: true to download them from {source.Origin}"
            : $". They have no official download of their own; see {source.Homepage}";
        return new FileNotFoundException(
            $"{source.Title}: could not find the {what} ({string.Join(", ", files)}). Looked in:{Environment.NewLine}" +
            $"{DataLocator.Describe(source, root, env)}{Environment.NewLine}" +
            $"Put the files into {target} (or into a {source.Folders[0]}/ folder under the root you pass, or under ${DataEnvironment.DataVariable}){get}.");
    }
}
