namespace NotebookDL.Kernel.Install;

/// <summary>
/// Where Jupyter looks for kernelspecs, following jupyter_core: JUPYTER_PATH entries first, then the user
/// data directory (JUPYTER_DATA_DIR, else per-OS), then system directories.
/// </summary>
public static class JupyterPaths
{
    public static string UserDataDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(overridden)) return Path.GetFullPath(overridden);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    public static IEnumerable<string> JupyterPathEntries() =>
        (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Path.GetFullPath);

    public static IEnumerable<string> SystemDataDirectories()
    {
        if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter");
            yield break;
        }
        yield return "/usr/local/share/jupyter";
        yield return "/usr/share/jupyter";
    }

    /// <summary>Every data directory in lookup order (what `jupyter --paths` lists under data).</summary>
    public static IEnumerable<string> DataDirectories() =>
        JupyterPathEntries().Append(UserDataDirectory()).Concat(SystemDataDirectories()).Distinct();

    public static string KernelsDirectory(string dataDirectory) => Path.Combine(dataDirectory, "kernels");

    /// <summary>--prefix DIR installs where `jupyter kernelspec install --prefix DIR` would: DIR/share/jupyter/kernels.</summary>
    public static string PrefixDataDirectory(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter");
}
