using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Polyglot;

/// <summary>
/// Converts one .dib file to NAME.ipynb (beside it, or in an output folder). An existing notebook is never replaced
/// unless asked, and the write is atomic, so nothing a user saved is lost.
/// </summary>
public static class DibConversion
{
    /// <summary>Returns the path written; throws <see cref="IOException"/> or <see cref="FormatException"/> with the reason otherwise.</summary>
    public static string Convert(string dibPath, string? outputDirectory, bool overwrite)
    {
        var input = Path.GetFullPath(dibPath);
        if (!File.Exists(input)) throw new FileNotFoundException($"{input} does not exist", input);
        if (!string.Equals(Path.GetExtension(input), ".dib", StringComparison.OrdinalIgnoreCase))
            throw new IOException($"{input} is not a .dib file; notebookdl convert reads .NET Interactive's .dib notebooks (.ipynb ones run as they are)");
        var output = Path.Combine(outputDirectory is null ? Path.GetDirectoryName(input)! : Path.GetFullPath(outputDirectory),
            Path.GetFileNameWithoutExtension(input) + ".ipynb");
        if (File.Exists(output) && !overwrite)
            throw new IOException($"{output} already exists; pass --force to replace it, or --out to write elsewhere");
        var notebook = DibConverter.ToIpynb(DibNotebook.Parse(File.ReadAllText(input), input));
        AtomicFile.WriteAllText(output, notebook.ToJsonString(Json.Indented) + "\n");
        return output;
    }
}
