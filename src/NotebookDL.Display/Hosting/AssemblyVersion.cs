using System.Reflection;

namespace NotebookDL.Display;

/// <summary>An assembly's version as its package names it (the informational version without the commit hash).</summary>
internal static class AssemblyVersion
{
    public static string Of(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
