using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// The stack frames a runtime error lists. A student's mistake is in their cell, so by default only the cells'
/// frames (and other user code, such as a #r package) are listed, and the frames inside NotebookDL and .NET are
/// summed up in one line that names where the exception was raised. Roslyn's and the kernel's own frames never
/// help and are dropped. <see cref="FullVariable"/>=1 lists every frame, for debugging NotebookDL itself.
/// </summary>
public static partial class TracebackFrames
{
    public const string FullVariable = "NOTEBOOKDL_FULL_TRACEBACK";

    /// <summary>Read at every error, so a cell can switch it with Environment.SetEnvironmentVariable.</summary>
    public static bool Full => Environment.GetEnvironmentVariable(FullVariable) is "1" or "true" or "yes";

    public static IReadOnlyList<string> Lines(Exception ex, bool? full = null)
    {
        var frames = new StackTrace(ex, fNeedFileInfo: true).GetFrames()
            .Where(f => f.GetMethod()?.DeclaringType is not null).ToList();
        if (full ?? Full) return [.. frames.Select(Describe)];

        var lines = frames.Where(f => IsUserCode(Type(f))).Select(Describe).ToList();
        var library = frames.Where(f => !IsUserCode(Type(f)) && !IsPlumbing(Type(f))).ToList();
        if (library.Count > 0)
        {
            var raisedIn = frames[0] == library[0] ? $"raised in {Name(library[0])}; " : "";
            lines.Add($"   ({raisedIn}{library.Count} frame{(library.Count == 1 ? "" : "s")} inside NotebookDL and .NET hidden: {FullVariable}=1 shows them)");
        }
        return lines;
    }

    private static Type Type(StackFrame frame) => frame.GetMethod()!.DeclaringType!;

    private static bool IsUserCode(Type type) => IsSubmission(type) || !(IsPlumbing(type) || IsLibrary(type));

    /// <summary>NotebookDL's assemblies and the .NET runtime: where a student's mistake surfaces, not where it is.</summary>
    private static bool IsLibrary(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? "";
        return assembly.StartsWith("NotebookDL", StringComparison.Ordinal) || assembly.StartsWith("System", StringComparison.Ordinal)
            || assembly.StartsWith("Microsoft", StringComparison.Ordinal) || assembly is "mscorlib" or "netstandard"
            || assembly.StartsWith("SkiaSharp", StringComparison.Ordinal) || assembly.StartsWith("Svg", StringComparison.Ordinal);
    }

    /// <summary>How a cell runs: Roslyn scripting, async machinery and this kernel.</summary>
    private static bool IsPlumbing(Type type)
    {
        var ns = type.Namespace ?? "";
        return ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || ns.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal)
            || ns.StartsWith("System.Runtime.ExceptionServices", StringComparison.Ordinal)
            || ns.StartsWith("System.Threading", StringComparison.Ordinal)
            || type.Assembly == typeof(TracebackFrames).Assembly;
    }

    /// <summary>Submissions compile to assemblies named "ℛ*guid#n" with types "Submission#n".</summary>
    private static bool IsSubmission(Type type) =>
        (type.Assembly.GetName().Name ?? "").StartsWith("ℛ*", StringComparison.Ordinal);

    private static string Describe(StackFrame frame)
    {
        var method = frame.GetMethod()!;
        var type = method.DeclaringType!;
        int line = frame.GetFileLineNumber();
        if (IsSubmission(type))
        {
            var member = SubmissionMember(type, method);
            return $"   at {CellName(frame.GetFileName())}{(line > 0 ? $", line {line}" : "")}{(member is null ? "" : $", in {member}")}";
        }
        var parameters = string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));
        var location = line > 0 ? $" in {Path.GetFileName(frame.GetFileName())}:line {line}" : "";
        return $"   at {Name(frame)}({parameters}){location}";
    }

    private static string Name(StackFrame frame) => $"{Type(frame).FullName?.Replace('+', '.')}.{frame.GetMethod()!.Name}";

    private static string CellName(string? fileName) => string.IsNullOrEmpty(fileName) ? "Cell" : $"Cell {Path.GetFileName(fileName)}";

    /// <summary>Top-level code is "&lt;&lt;Initialize&gt;&gt;"; a method declared in a cell keeps its name (async ones are "&lt;Name&gt;d__n").</summary>
    private static string? SubmissionMember(Type type, MethodBase method)
    {
        var name = method.Name == "MoveNext" ? type.Name : method.Name;
        var match = StateMachineName().Match(name);
        if (match.Success) name = match.Groups[1].Value;
        return name.Contains("Initialize", StringComparison.Ordinal) || name.StartsWith('<') ? null : name;
    }

    [GeneratedRegex(@"^<([^<>]+)>")]
    private static partial Regex StateMachineName();
}
