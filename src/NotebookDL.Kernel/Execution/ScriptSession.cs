using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookDL.Kernel.Diagnostics;
using NotebookDL.Kernel.Engines;

namespace NotebookDL.Kernel.Execution;

/// <summary>
/// A Roslyn C# scripting session: each cell is a submission continuing the previous state, so variables,
/// methods and types carry across cells. Cells run on their own thread and stay interruptible.
/// </summary>
public sealed class ScriptSession
{
    /// <summary>How long an interrupted cell may take to notice before it is abandoned to run on in the background.</summary>
    public static TimeSpan InterruptGrace { get; set; } = TimeSpan.FromSeconds(2);

    private readonly CellThread cellThread = new();
    private readonly List<string> addedReferences = [];
    private Lazy<Task<ScriptState<object>>> warmUp;
    private ScriptOptions options;
    private ScriptState<object>? state;
    private bool codeRan;

    public ScriptSession(string? baseDirectory = null, KernelEngine? engine = null)
    {
        UnhandledExceptions.Install();
        BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
        Engine = engine ?? KernelEngines.Default;
        options = ScriptEnvironment.CreateOptions(BaseDirectory, Engine);
        warmUp = new Lazy<Task<ScriptState<object>>>(() => Task.Run(WarmUpCoreAsync));
    }

    public string BaseDirectory { get; }

    /// <summary>The tensor engine cells compile against and run on.</summary>
    public KernelEngine Engine { get; private set; }

    /// <summary>True once a cell's code ran (magic-only cells do not count): the engine is fixed from then on.</summary>
    public bool HasRunCode => codeRan;

    /// <summary>
    /// Moves the session to another engine, already activated (<see cref="Interpreter.SwitchEngineAsync"/> does both). Only before
    /// the first code cell: variables made by one engine's code cannot carry over to the other's types. Throws
    /// InvalidOperationException afterwards.
    /// </summary>
    public void UseEngine(KernelEngine engine)
    {
        if (engine == Engine) return;
        if (codeRan) throw new InvalidOperationException($"the session already ran code on the {Engine.Name} engine; it cannot move to {engine.Name}.");
        Engine = engine;
        options = ScriptEnvironment.CreateOptions(BaseDirectory, engine)
            .AddReferences(addedReferences.Select(p => MetadataReference.CreateFromFile(p)));
        warmUp = new Lazy<Task<ScriptState<object>>>(() => Task.Run(WarmUpCoreAsync));
    }

    public ScriptOptions Options => options;

    /// <summary>Starts compiling in the background (loading Roslyn takes a second or two); later calls await the same work.</summary>
    public Task WarmUpAsync() => warmUp.Value;

    private async Task<ScriptState<object>> WarmUpCoreAsync()
    {
        var initial = await CSharpScript.RunAsync("", options).ConfigureAwait(false);
        // Compiling (not running) a representative cell JITs the compiler paths the first real cell needs.
        initial.Script.ContinueWith("var __warm = torch.ones(2).sum().item<float>();", options).Compile();
        return initial;
    }

    private async Task<ScriptState<object>> CurrentStateAsync() => state ?? await warmUp.Value.ConfigureAwait(false);

    /// <summary>Adds references (from #r "nuget: ..." restores) to later cells.</summary>
    public void AddReferences(IEnumerable<string> paths)
    {
        var added = paths.ToList();
        addedReferences.AddRange(added);
        options = options.AddReferences(added.Select(p => MetadataReference.CreateFromFile(p)));
    }

    /// <summary>The variables cells have defined, newest declaration of each name first-class.</summary>
    public IReadOnlyList<ScriptVariable> Variables
    {
        get
        {
            if (state is null) return [];
            var seen = new HashSet<string>();
            var latest = new List<ScriptVariable>();
            for (int i = state.Variables.Length - 1; i >= 0; i--)
            {
                var variable = state.Variables[i];
                if (variable.Name.StartsWith("__", StringComparison.Ordinal) || !seen.Add(variable.Name)) continue;
                latest.Add(variable);
            }
            latest.Reverse();
            return latest;
        }
    }

    /// <summary>A compilation of <paramref name="code"/> as the next cell, and that cell's tree, for completion and inspection.</summary>
    public async Task<(Compilation Compilation, SyntaxTree Tree)> CompileAsNextCellAsync(string code)
    {
        const string name = "completion";
        var current = await CurrentStateAsync().ConfigureAwait(false);
        var compilation = current.Script.ContinueWith(code, options.WithFilePath(name)).GetCompilation();
        return (compilation, CellTree(compilation, name));
    }

    /// <summary>The cell's own tree: #load adds the loaded files' trees to the submission's compilation.</summary>
    public static SyntaxTree CellTree(Compilation compilation, string cellName) =>
        compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == cellName) ?? compilation.SyntaxTrees.Last();

    /// <summary>Evaluates an expression against the notebook's variables without changing them (user_expressions, magics).</summary>
    public async Task<object?> EvaluateAsync(string expression)
    {
        var current = await CurrentStateAsync().ConfigureAwait(false);
        var result = await current.ContinueWithAsync<object>(expression, options).ConfigureAwait(false);
        return result.ReturnValue;
    }

    /// <summary>Compiles and runs one cell. Never throws for user errors: they come back as the result's error.</summary>
    public async Task<CellResult> ExecuteAsync(string code, string cellName, ICellOutput output)
    {
        CellConsole.Install();
        CellConsole.Route(output);
        ReportBackgroundFailures(output, "before this cell");
        var interrupt = CellCancellation.BeginCell();
        Engine.SetInterrupt(interrupt); // fit and other long engine calls stop on it without a token
        codeRan = true;
        var previous = await CurrentStateAsync().ConfigureAwait(false);

        var cellOptions = options.WithFilePath(cellName);
        var delegates = Variables.Where(v => typeof(Delegate).IsAssignableFrom(v.Type)).Select(v => v.Name);
        var script = previous.Script.ContinueWith(LoopRewriter.Rewrite(code, ScriptEnvironment.ParseOptions, delegates), cellOptions);

        // RunFromAsync compiles once and throws CompilationErrorException on errors; an explicit Compile() first
        // would bind everything twice (a third of a small cell's latency).
        // The value is formatted on the cell thread, inside the interrupt window: a ToString that blocks can be
        // interrupted like any cell, and one that throws becomes the cell's error.
        var engine = Engine;
        var run = cellThread.Run(async () =>
        {
            engine.PrepareCellThread();
            var ran = await script.RunFromAsync(previous, _ => true, CancellationToken.None).ConfigureAwait(false);
            if (ran.Exception is not null || CellCancellation.IsInterrupted) return new Completed(ran, null, null);
            var compilation = script.GetCompilation();
            if (!HasValue(compilation, CellTree(compilation, cellName), ran.ReturnValue)) return new Completed(ran, null, null);
            try
            {
                return new Completed(ran, ValueFormatter.ToBundle(ran.ReturnValue), null);
            }
            catch (Exception ex) when (ex is not CellInterruptedException)
            {
                return new Completed(ran, null, ex);
            }
        });
        if (!await FinishesOrIsAbandonedAsync(run, interrupt, cellName).ConfigureAwait(false))
        {
            CellConsole.Flush();
            return CellResult.Failed(new CellError(ErrorFormatter.InterruptName, "The cell was interrupted.",
                [$"{ErrorFormatter.InterruptName}: the cell did not stop within {InterruptGrace.TotalSeconds:0.#} s and was abandoned;",
                 "it may keep running in the background. Variables it defined are lost; restart the kernel to stop it."]));
        }

        ScriptState<object> next;
        Completed completed;
        try
        {
            completed = await run.ConfigureAwait(false);
            next = completed.State;
        }
        catch (CompilationErrorException ex)
        {
            return CellResult.Failed(ErrorFormatter.FromDiagnostics([.. ex.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)], code, cellName));
        }
        var tree = CellTree(script.GetCompilation(), cellName);
        if (!SubmissionShape.DeclaresNothing(tree)) state = next;
        CellConsole.Flush();
        ReportBackgroundFailures(output, "during this cell");
        if (next.Exception is { } exception && !CellCancellation.IsInterrupted) return CellResult.Failed(ErrorFormatter.FromException(exception));
        if (CellCancellation.IsInterrupted)
            // The engine stopped (fit between batches, a long op at a parallel region); the cell ends as interrupted.
            return CellResult.Failed(new CellError(ErrorFormatter.InterruptName, "The cell was interrupted.",
                [$"{ErrorFormatter.InterruptName}: interrupted; variables defined so far are kept."]));
        if (completed.FormattingError is { } formatting)
            return CellResult.Failed(ErrorFormatter.FromException(new InvalidOperationException(
                $"The cell ran, but showing its value failed: {next.ReturnValue?.GetType().Name}'s display threw {formatting.GetType().Name}: {formatting.Message}", formatting)));
        return completed.Value is { } bundle ? CellResult.WithValue(bundle) : CellResult.Empty;
    }

    /// <summary>
    /// Waits for <paramref name="run"/> on the cell thread; false when it ignored an interrupt for longer than
    /// <see cref="InterruptGrace"/>, and was abandoned with its thread so the kernel can go on.
    /// </summary>
    private async Task<bool> FinishesOrIsAbandonedAsync(Task run, CancellationToken interrupt, string name)
    {
        var interrupted = Task.Delay(Timeout.Infinite, interrupt);
        if (await Task.WhenAny(run, interrupted).ConfigureAwait(false) == run
            || await Task.WhenAny(run, Task.Delay(InterruptGrace)).ConfigureAwait(false) == run) return true;
        Log.Warn($"{name} ignored the interrupt; abandoning it (it keeps running until the kernel restarts)");
        cellThread.Abandon();
        return false;
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> and formats its value like a cell's (user_expressions): on the cell
    /// thread, so an expression or a ToString that blocks can be interrupted instead of hanging the shell.
    /// </summary>
    public async Task<System.Text.Json.Nodes.JsonObject> EvaluateToBundleAsync(string expression)
    {
        var current = await CurrentStateAsync().ConfigureAwait(false);
        var interrupt = CellCancellation.BeginCell();
        var run = cellThread.Run(async () =>
            ValueFormatter.ToBundle((await current.ContinueWithAsync<object>(LoopRewriter.Rewrite(expression, ScriptEnvironment.ParseOptions), options).ConfigureAwait(false)).ReturnValue));
        if (!await FinishesOrIsAbandonedAsync(run, interrupt, $"user expression `{expression}`").ConfigureAwait(false))
            throw new CellInterruptedException(interrupt);
        return await run.ConfigureAwait(false);
    }

    /// <summary>Says on the cell's stderr which background work (threads, timers, async void methods) failed, and why.</summary>
    private static void ReportBackgroundFailures(ICellOutput output, string when)
    {
        foreach (var failure in CellSynchronizationContext.Failures())
            output.WriteStream("stderr", $"Background work started by a cell failed {when}: {failure.GetType().Name}: {failure.Message}\n" +
                "(a thread, timer, async void method or continuation the cell started; the kernel caught it and keeps running)\n");
    }

    /// <summary>A cell's run: the script state, its formatted value (when it has one), or why formatting failed.</summary>
    private sealed record Completed(ScriptState<object> State, System.Text.Json.Nodes.JsonObject? Value, Exception? FormattingError);

    /// <summary>
    /// True when the cell ends in an expression without a semicolon whose type is not void. Only a null value
    /// needs the (costly) semantic model: void calls and null-valued expressions both return null.
    /// </summary>
    private static bool HasValue(Compilation compilation, SyntaxTree tree, object? value)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax root) return false;
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax expression }
            || !expression.SemicolonToken.IsMissing) return false;
        if (value is not null) return true;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(expression.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }
}
