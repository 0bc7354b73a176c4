namespace NotebookDL.Kernel.Runner;

/// <summary>
/// Whether two paths name one file, however they are spelled: "--out ." and "--out ./sub/.." and a symbolic link to
/// the notebook's folder all resolve to the input, which the runner must not write over without --inplace.
/// </summary>
public static class FileIdentity
{
    public static bool SameFile(string a, string b) =>
        string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The full path with every symbolic link along it followed (parts that do not exist yet are kept as written).</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            // Links are followed to their final target; a loop or an unreadable link leaves the path as written.
            try
            {
                if (new FileInfo(current).ResolveLinkTarget(returnFinalTarget: true) is { } target) current = Resolve(target.FullName);
            }
            catch (IOException)
            {
            }
        }
        return current;
    }
}
