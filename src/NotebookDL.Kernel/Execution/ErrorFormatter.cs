using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Builds Jupyter errors: compile errors as one readable error naming cell lines (never stderr noise, which
/// nbgrader penalises), runtime exceptions with a traceback that points into cells and hides Roslyn and
/// kernel plumbing.
/// </summary>
public static partial class ErrorFormatter
{
    public const string CompilationErrorName = "CompilationError";
    public const string InterruptName = "KeyboardInterrupt";
    private const int MaxListedErrors = 10;

    public static CellError FromDiagnostics(IReadOnlyList<Diagnostic> errors, string code, string cellName)
    {
        // Roslyn reports in binding order; a reader expects the cell's order, top to bottom.
        errors = [.. errors.OrderBy(e => e.Location.IsInSource ? 0 : 1)
            .ThenBy(e => e.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(e => e.Location.GetLineSpan().StartLinePosition.Character)];
        var lines = code.ReplaceLineEndings("\n").Split('\n');
        var traceback = new List<string>();
        foreach (var error in errors.Take(MaxListedErrors))
        {
            var span = error.Location.GetLineSpan();
            int line = span.StartLinePosition.Line, column = span.StartLinePosition.Character;
            traceback.Add($"{cellName}, line {line + 1}, column {column + 1}: error {error.Id}: {error.GetMessage()}");
            if (error.Location.IsInSource && line < lines.Length)
            {
                traceback.Add("    " + lines[line]);
                traceback.Add("    " + new string(' ', Math.Min(column, lines[line].Length)) + "^");
            }
        }
        if (errors.Count > MaxListedErrors) traceback.Add($"... and {errors.Count - MaxListedErrors} more errors");
        var first = errors[0];
        var firstLine = first.Location.GetLineSpan().StartLinePosition.Line + 1;
        return new CellError(CompilationErrorName, $"{first.Id}: {first.GetMessage()} (line {firstLine})", traceback);
    }

    public static CellError FromException(Exception exception)
    {
        var ex = Unwrap(exception);
        if (ex is CellInterruptedException)
            return new CellError(InterruptName, "The cell was interrupted.",
                [$"{InterruptName}: the cell was interrupted; variables assigned before the interrupt are kept."]);

        var name = ex.GetType().Name;
        var traceback = new List<string> { $"{ex.GetType().FullName}: {ex.Message}" };
        traceback.AddRange(Frames(ex));
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        return new CellError(name, ex.Message, traceback);
    }

    private static Exception Unwrap(Exception ex)
    {
        while (true)
        {
            switch (ex)
            {
                case TargetInvocationException { InnerException: { } inner }: ex = inner; continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate: ex = aggregate.InnerExceptions[0]; continue;
                default: return ex;
            }
        }
    }

    private static IEnumerable<string> Frames(Exception ex)
    {
        foreach (var frame in new StackTrace(ex, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (method is null || type is null || IsPlumbing(type)) continue;
            int line = frame.GetFileLineNumber();
            if (IsSubmission(type))
            {
                var where = CellName(frame.GetFileName());
                var member = SubmissionMember(type, method);
                yield return $"   at {where}{(line > 0 ? $", line {line}" : "")}{(member is null ? "" : $", in {member}")}";
            }
            else
            {
                var parameters = string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));
                var location = line > 0 ? $" in {Path.GetFileName(frame.GetFileName())}:line {line}" : "";
                yield return $"   at {type.FullName?.Replace('+', '.')}.{method.Name}({parameters}){location}";
            }
        }
    }

    /// <summary>Submissions compile to assemblies named "ℛ*guid#n" with types "Submission#n".</summary>
    private static bool IsSubmission(Type type) =>
        (type.Assembly.GetName().Name ?? "").StartsWith("ℛ*", StringComparison.Ordinal);

    private static bool IsPlumbing(Type type)
    {
        var ns = type.Namespace ?? "";
        return ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || ns.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal)
            || ns.StartsWith("System.Runtime.ExceptionServices", StringComparison.Ordinal)
            || ns.StartsWith("System.Threading", StringComparison.Ordinal)
            || type.Assembly == typeof(ErrorFormatter).Assembly;
    }

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
