namespace NotebookDL;

/// <summary>
/// Everything dataset loading reads from the outside world: network, progress output, environment variables,
/// the current directory and the cache folder. Tests replace parts of it instead of touching global state.
/// </summary>
internal sealed class DataEnvironment
{
    public const string DataVariable = "NOTEBOOKDL_DATA";

    public Func<Uri, Stream> OpenUrl { get; init; } = HttpDownload.Open;

    public TextWriter? Progress { get; init; } = torchvision.datasets.download_progress;

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    public string? AssemblyDirectory { get; init; } =
        typeof(DataEnvironment).Assembly.Location is { Length: > 0 } location ? Path.GetDirectoryName(location) : AppContext.BaseDirectory;

    public string? CacheFolder { get; init; }

    /// <summary>Whether to walk up from the current directory and the assembly looking for shared/data.</summary>
    public bool SearchShared { get; init; } = true;

    public string DefaultCache => CacheFolder ?? torchvision.datasets.default_root;

    public string? DataVariableValue => GetVariable(DataVariable) is { Length: > 0 } v ? v : null;
}

public static partial class torchvision
{
    public static partial class datasets
    {
        /// <summary>
        /// Where downloads report progress (Console.Out unless changed); set to null for silence or to any TextWriter.
        /// </summary>
        public static TextWriter? download_progress { get; set; } = Console.Out;

        /// <summary>
        /// The default data folder: $XDG_CACHE_HOME/notebookdl/data, else ~/.cache/notebookdl/data. Datasets are looked
        /// for in the root you pass, then $NOTEBOOKDL_DATA, then here, then in shared/data folders found by walking up
        /// from the current directory and from the NotebookDL assembly; downloads go to the first of root,
        /// $NOTEBOOKDL_DATA and this folder.
        /// </summary>
        public static string default_root
        {
            get
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                var cache = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
                return Path.Combine(cache, "notebookdl", "data");
            }
        }
    }
}
