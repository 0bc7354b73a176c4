using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Restores #r "nuget:" packages through the dotnet CLI: a throwaway project referencing them is published
/// for the running platform, and its output assemblies become cell references. Results are cached per
/// package set under the user's cache folder, so re-running a notebook does not restore again.
/// </summary>
public sealed class NuGetRestorer(string? cacheRoot = null)
{
    private readonly string cacheRoot = cacheRoot ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "notebookdl", "nuget");

    public static TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Restores and returns the assemblies to reference; throws <see cref="NuGetRestoreException"/> with dotnet's explanation.</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(IReadOnlyList<PackageRequest> packages, TextWriter progress)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join(";", packages.Select(p => $"{p.Name.ToLowerInvariant()}/{p.Version}")) + Environment.Version)))[..16];
        var folder = Path.Combine(cacheRoot, key);
        var output = Path.Combine(folder, "out");
        var marker = Path.Combine(folder, "restored.txt");
        bool floating = packages.Any(p => p.Version is null || p.Version.Contains('*'));
        if (!File.Exists(marker) || floating)
        {
            foreach (var package in packages) progress.WriteLine($"Installing package {package}...");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "packages.csproj"), ProjectFile(packages).ToString());
            var (exit, log) = await RunDotnetAsync(folder, "publish", "packages.csproj", "-c", "Release", "--use-current-runtime",
                "--self-contained", "false", "-o", output, "-nologo", "-v", "quiet").ConfigureAwait(false);
            if (exit != 0) throw new NuGetRestoreException(packages, Summarize(log));
            File.WriteAllText(marker, DateTime.UtcNow.ToString("o"));
        }
        foreach (var (name, version) in ResolvedVersions(output, packages))
            progress.WriteLine($"Installed package {name} version {version}");
        return Directory.EnumerateFiles(output, "*.dll")
            .Where(f => !Path.GetFileName(f).Equals("packages.dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>
    /// Puts packages into NuGet's global packages folder without publishing them: for native libraries that a loader
    /// finds there (TorchSharp's libtorch), which a publish would copy once more. Throws <see cref="NuGetRestoreException"/>.
    /// </summary>
    public async Task FetchAsync(IReadOnlyList<PackageRequest> packages, TextWriter progress)
    {
        var folder = Path.Combine(cacheRoot, "fetch-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var package in packages) progress.WriteLine($"Downloading package {package} into the NuGet cache...");
            File.WriteAllText(Path.Combine(folder, "packages.csproj"), ProjectFile(packages).ToString());
            var (exit, log) = await RunDotnetAsync(folder, "restore", "packages.csproj", "-nologo", "-v", "quiet").ConfigureAwait(false);
            if (exit != 0) throw new NuGetRestoreException(packages, Summarize(log));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static XElement ProjectFile(IReadOnlyList<PackageRequest> packages) =>
        new("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", $"net{Environment.Version.Major}.{Environment.Version.Minor}"),
                new XElement("OutputType", "Library"),
                new XElement("AssemblyName", "packages"),
                new XElement("ImplicitUsings", "disable"),
                new XElement("TreatWarningsAsErrors", "false"),
                new XElement("GenerateDocumentationFile", "false")),
            new XElement("ItemGroup", packages.Select(p =>
                new XElement("PackageReference", new XAttribute("Include", p.Name), new XAttribute("Version", p.Version ?? "*")))));

    /// <summary>The versions NuGet picked, read from the publish output's deps.json.</summary>
    private static IEnumerable<(string Name, string Version)> ResolvedVersions(string output, IReadOnlyList<PackageRequest> packages)
    {
        var depsPath = Path.Combine(output, "packages.deps.json");
        var libraries = File.Exists(depsPath) ? JsonNode.Parse(File.ReadAllText(depsPath))?["libraries"] as JsonObject : null;
        foreach (var package in packages)
        {
            var entry = libraries?.Select(l => l.Key).FirstOrDefault(k => k.StartsWith(package.Name + "/", StringComparison.OrdinalIgnoreCase));
            yield return (package.Name, entry?.Split('/')[1] ?? package.Version ?? "?");
        }
    }

    private static string Summarize(string log)
    {
        var errors = log.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(5).ToList();
        return errors.Count > 0 ? string.Join("\n", errors) : log.Trim();
    }

    /// <summary>The dotnet CLI that runs us (DOTNET_HOST_PATH when set by the SDK, else the runtime's own dotnet).</summary>
    public static string DotnetPath()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }

    private static async Task<(int Exit, string Log)> RunDotnetAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetPath()) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new NuGetRestoreException([], "could not start the dotnet CLI");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"dotnet {args[0]} did not finish within {Timeout.TotalMinutes:0} minutes");
        }
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}

public sealed class NuGetRestoreException(IReadOnlyList<PackageRequest> packages, string details)
    : Exception($"could not install {string.Join(", ", packages)}: {details}");
