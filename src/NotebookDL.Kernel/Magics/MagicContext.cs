using System.Text.Json.Nodes;
using NotebookDL.Kernel.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

/// <summary>What a magic gets: its arguments, the session, the cell's output and the rest of the cell.</summary>
public sealed class MagicContext(IReadOnlyList<string> args, ScriptSession session, ICellOutput output, MagicRegistry registry,
    Func<Task<CellResult>> runRest)
{
    public IReadOnlyList<string> Args => args;

    public ScriptSession Session => session;

    public ICellOutput Output => output;

    public MagicRegistry Registry => registry;

    /// <summary>Runs the following magics and the cell's code.</summary>
    public Task<CellResult> RunRestAsync() => runRest();

    /// <summary>Writes through Console.Out (already routed to this cell) so magic text and cell text keep their order.</summary>
    public void WriteLine(string text = "") => Console.Out.WriteLine(text);

    public void Display(IReadOnlyDictionary<string, string> bundle) => Display(KernelDisplayHost.ToJson(bundle));

    public void Display(JsonObject bundle)
    {
        CellConsole.Flush();
        output.Display(bundle, PictureMetadata.For(bundle), null, update: false);
    }

    /// <summary>The single positional argument, or a usage error naming what is missing.</summary>
    public string RequireArg(int index, string what) =>
        index < args.Count ? args[index] : throw new MagicUsageException($"missing {what}");

    public int RequireInt(int index, string what, int min = int.MinValue)
    {
        var text = RequireArg(index, what);
        if (!int.TryParse(text, out var value)) throw new MagicUsageException($"{what} must be an integer, got '{text}'");
        if (value < min) throw new MagicUsageException($"{what} must be at least {min}, got {value}");
        return value;
    }

    /// <summary>Evaluates a magic's argument (a variable name or expression); compile errors become usage errors.</summary>
    public async Task<object?> EvaluateAsync(string expression)
    {
        try
        {
            return await session.EvaluateAsync(expression).ConfigureAwait(false);
        }
        catch (Microsoft.CodeAnalysis.Scripting.CompilationErrorException ex)
        {
            throw new MagicUsageException($"cannot evaluate '{expression}': {ex.Diagnostics.FirstOrDefault()?.GetMessage()}");
        }
    }

    /// <summary>The value after <paramref name="option"/> (e.g. --input-size 1,28,28), if present.</summary>
    public string? Option(string option)
    {
        for (int i = 0; i < args.Count; i++)
            if (args[i] == option) return i + 1 < args.Count ? args[i + 1] : throw new MagicUsageException($"{option} needs a value");
        return null;
    }
}
