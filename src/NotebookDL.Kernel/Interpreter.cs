using NotebookDL.Kernel.Display;
using NotebookDL.Kernel.Engines;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Magics;

namespace NotebookDL.Kernel;

/// <summary>
/// Runs notebook cells: magic lines first (each wrapping the rest of the cell), then the C# code in the
/// session. Shared by the Jupyter kernel and the headless runner so both behave identically.
/// </summary>
public sealed class Interpreter(ScriptSession session, MagicRegistry magics)
{
    private readonly NuGetRestorer restorer = new();

    public Interpreter(string? baseDirectory = null) : this(new ScriptSession(baseDirectory), MagicRegistry.CreateDefault())
    {
    }

    public ScriptSession Session => session;

    public MagicRegistry Magics => magics;

    public async Task<CellResult> ExecuteAsync(string cell, string cellName, ICellOutput output)
    {
        var (lines, withDirectives) = MagicParser.Split(cell);
        var (packages, code) = NuGetDirectives.Extract(withDirectives);
        CellConsole.Install();
        CellConsole.Route(output);
        if (await ActivateAsync(session.Engine).ConfigureAwait(false) is { } inactive) return inactive;
        Func<Task<CellResult>> run = async () =>
        {
            if (packages.Where(TorchSharpRequests.IsTorchSharp).ToList() is { Count: > 0 } torchSharp
                && await TorchSharpRequests.ApplyAsync(torchSharp, session, Console.Out).ConfigureAwait(false) is { } refused) return refused;
            packages = [.. packages.Where(p => !TorchSharpRequests.IsTorchSharp(p))];
            if (packages.Count > 0 && await RestoreAsync(packages).ConfigureAwait(false) is { } failed) return failed;
            return string.IsNullOrWhiteSpace(code)
                ? CellResult.Empty
                : await session.ExecuteAsync(code, cellName, output).ConfigureAwait(false);
        };

        for (int i = lines.Count - 1; i >= 0; i--)
        {
            var line = lines[i];
            if (!magics.TryGet(line.Name, out var magic))
                return CellResult.Failed(new CellError("UnknownMagic", $"#!{line.Name} is not a magic command",
                    [$"UnknownMagic: #!{line.Name} is not a magic command. Available: {string.Join(", ", magics.All.Where(m => m.Listed).Select(m => "#!" + m.Name))} (#!lsmagic describes them)."]));
            var next = run;
            run = () => RunMagicAsync(magic, line, output, next);
        }
        var result = await run().ConfigureAwait(false);
        CellConsole.Flush();
        return result;
    }

    /// <summary>Makes <paramref name="engine"/> usable (loads or restores its natives) and routes its displays; an error result when it cannot run.</summary>
    public static async Task<CellResult?> ActivateAsync(KernelEngine engine)
    {
        try
        {
            await EngineActivator.ActivateAsync(engine, Console.Out).ConfigureAwait(false);
        }
        catch (EngineActivationException ex)
        {
            CellConsole.Flush();
            return CellResult.Failed(new CellError("EngineError", ex.Message, [$"EngineError: {ex.Message}"]));
        }
        DisplayBridge.Install(engine);
        return null;
    }

    /// <summary>
    /// Moves <paramref name="session"/> to <paramref name="engine"/> before its first code, activating the engine first so
    /// a failure leaves the session on the engine it had; an error result when the engine cannot run.
    /// </summary>
    public static async Task<CellResult?> SwitchEngineAsync(ScriptSession session, KernelEngine engine)
    {
        if (await ActivateAsync(engine).ConfigureAwait(false) is { } failed) return failed;
        session.UseEngine(engine);
        return null;
    }

    /// <summary>Restores #r "nuget:" packages (progress goes to the cell) and references them; an error result on failure.</summary>
    private async Task<CellResult?> RestoreAsync(IReadOnlyList<PackageRequest> packages)
    {
        try
        {
            session.AddReferences(await restorer.RestoreAsync(packages, Console.Out).ConfigureAwait(false));
            return null;
        }
        catch (NuGetRestoreException ex)
        {
            return CellResult.Failed(new CellError("NuGetRestoreError", ex.Message, [$"NuGetRestoreError: {ex.Message}"]));
        }
    }

    private async Task<CellResult> RunMagicAsync(Magic magic, MagicLine line, ICellOutput output, Func<Task<CellResult>> next)
    {
        if (line.Args.Any(a => a is "-h" or "--help"))
        {
            Console.Out.WriteLine($"{magic.Usage}\n\n{magic.Summary}");
            return CellResult.Empty;
        }
        try
        {
            return await magic.RunAsync(new MagicContext(line.Args, session, output, magics, next)).ConfigureAwait(false);
        }
        catch (MagicUsageException ex)
        {
            return CellResult.Failed(new CellError("UsageError", $"#!{magic.Name}: {ex.Message}",
                [$"UsageError: #!{magic.Name}: {ex.Message}", "", $"usage: {magic.Usage}"]));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CellResult.Failed(ErrorFormatter.FromException(ex));
        }
    }
}
