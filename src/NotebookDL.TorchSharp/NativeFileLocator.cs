using System.Reflection;
using TorchSharp;

namespace NotebookDL.TorchSharp;

/// <summary>
/// Finds the native files TorchSharp would load, in the order it would look: the folders the runtime probes for
/// P/Invokes (the app's output and its <c>runtimes/linux-x64/native</c> folder, from the deps.json), then the NuGet
/// global packages folder, where TorchSharp looks when a script or notebook references the packages directly.
/// </summary>
public static class NativeFileLocator
{
    /// <summary>The file name of TorchSharp's native glue library on Linux.</summary>
    public const string LibTorchSharp = "libLibTorchSharp.so";

    /// <summary>The folders to search, most preferred first, without duplicates or missing folders.</summary>
    public static IReadOnlyList<string> SearchDirectories()
    {
        var dirs = new List<string>();
        // The runtime resolves DllImport("LibTorchSharp") through these folders, so their files are the ones that count.
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string probing)
            dirs.AddRange(probing.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var torchSharpDir = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (!string.IsNullOrEmpty(torchSharpDir))
        {
            dirs.Add(torchSharpDir);
            dirs.Add(Path.Combine(torchSharpDir, "runtimes", "linux-x64", "native"));
        }
        dirs.AddRange(NuGetDirectories());
        return dirs.Select(d => Path.GetFullPath(d)).Where(Directory.Exists).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The first <paramref name="fileName"/> in <paramref name="directories"/>, or null.</summary>
    public static string? Find(string fileName, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, fileName)).FirstOrDefault(File.Exists);

    static IEnumerable<string> NuGetDirectories()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(packages))
            yield break;
        const string native = "runtimes/linux-x64/native";
        yield return Path.Combine(packages, "torchsharp", TorchSharpVersion(), native);
        var libtorch = LibTorchVersion();
        if (libtorch is null)
            yield break;
        // TorchSharp names libtorch's package version with four parts (2.10.0.0); NuGet's folder drops a zero fourth part (2.10.0).
        string[] versions = [NuGetFolderVersion(libtorch), libtorch];
        foreach (var version in versions.Distinct())
        {
            // CPU first: it works everywhere; the CUDA packages come in parts (libtorch-cuda-12.8-linux-x64-part1…).
            yield return Path.Combine(packages, "libtorch-cpu-linux-x64", version, native);
            foreach (var dir in Directory.EnumerateDirectories(packages, "libtorch-cuda-*-linux-x64*").Order(StringComparer.Ordinal))
                yield return Path.Combine(dir, version, native);
        }
    }

    /// <summary>The folder name NuGet gives a version: lower-case, without a fourth part that is zero (2.10.0.0 → 2.10.0).</summary>
    public static string NuGetFolderVersion(string version)
    {
        var parts = version.Split('-', 2);
        var numbers = parts[0].Split('.');
        var release = numbers.Length == 4 && numbers[3] == "0" ? string.Join('.', numbers[..3]) : parts[0];
        return (parts.Length > 1 ? $"{release}-{parts[1]}" : release).ToLowerInvariant();
    }

    static string TorchSharpVersion()
    {
        var assembly = typeof(torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (informational ?? assembly.GetName().Version?.ToString(3) ?? "").Split('+')[0];
    }

    /// <summary>TorchSharp's private <c>libtorchPackageVersion</c> constant, read without running torch's static constructor.</summary>
    static string? LibTorchVersion() =>
        typeof(torch).GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string;
}
