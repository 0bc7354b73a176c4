using System.Text;
using System.Text.RegularExpressions;

namespace NotebookDL.Kernel.Execution;

/// <summary>A package a cell asked for with #r "nuget: Name, Version" (no version: the latest).</summary>
public sealed record PackageRequest(string Name, string? Version)
{
    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}

/// <summary>
/// Finds #r "nuget: ..." lines (Roslyn scripting knows only #r "path"). They become blank lines of the same
/// length, so the remaining code keeps its line numbers and offsets.
/// </summary>
public static partial class NuGetDirectives
{
    public static (IReadOnlyList<PackageRequest> Packages, string Code) Extract(string code)
    {
        if (!code.Contains("nuget:", StringComparison.OrdinalIgnoreCase)) return ([], code);
        var packages = new List<PackageRequest>();
        var result = new StringBuilder(code);
        foreach (Match match in Directive().Matches(code))
        {
            var version = match.Groups["version"].Success ? match.Groups["version"].Value.Trim() : null;
            packages.Add(new PackageRequest(match.Groups["name"].Value.Trim(), string.IsNullOrEmpty(version) ? null : version));
            for (int i = match.Index; i < match.Index + match.Length; i++)
                if (result[i] is not ('\n' or '\r')) result[i] = ' ';
        }
        return (packages, result.ToString());
    }

    [GeneratedRegex(@"^[ \t]*#r[ \t]+""nuget:[ \t]*(?<name>[^,""\s]+)[ \t]*(?:,[ \t]*(?<version>[^""]*))?""[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
