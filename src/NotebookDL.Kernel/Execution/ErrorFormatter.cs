using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// Builds Jupyter errors: compile errors as one readable error naming cell lines (never stderr noise, which
/// nbgrader penalises), runtime exceptions with a traceback that points into cells (see <see cref="TracebackFrames"/>).
/// </summary>
public static class ErrorFormatter
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
        var message = NativeErrorText.Shorten(ex.Message);
        var traceback = new List<string> { $"{ex.GetType().FullName}: {message}" };
        traceback.AddRange(TracebackFrames.Lines(ex));
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
            traceback.Add($" ---> {inner.GetType().FullName}: {NativeErrorText.Shorten(inner.Message)}");
        return new CellError(name, message, traceback);
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
}
