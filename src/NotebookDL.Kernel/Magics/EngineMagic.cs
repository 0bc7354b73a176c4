using NotebookDL.Kernel.Engines;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

/// <summary>
/// Chooses the tensor engine the notebook runs on, in its first code cell: the same code runs on NotebookDL's
/// managed engine (the default, pure C#) or on TorchSharp (libtorch, GPU-capable).
/// </summary>
public sealed class EngineMagic : Magic
{
    public override string Name => "engine";

    public override string Summary => "Chooses the tensor engine (managed or torchsharp) before the first code cell runs; without an argument, shows it.";

    public override string Usage => "#!engine [managed|torchsharp]";

    public override async Task<CellResult> RunAsync(MagicContext context)
    {
        var session = context.Session;
        if (context.Args.Count == 0)
        {
            context.WriteLine($"This notebook runs on the {session.Engine.Name} engine (choices: {string.Join(", ", KernelEngines.Names)}).");
            return await context.RunRestAsync().ConfigureAwait(false);
        }
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        KernelEngine engine;
        try
        {
            engine = KernelEngines.Get(context.Args[0]);
        }
        catch (ArgumentException e)
        {
            throw new MagicUsageException(e.Message);
        }
        if (engine != session.Engine)
        {
            if (session.HasRunCode) throw new MagicUsageException(NotAfterCode(session.Engine, engine));
            if (await Interpreter.SwitchEngineAsync(session, engine).ConfigureAwait(false) is { } failed) return failed;
        }
        foreach (var (name, value) in engine.Facts()) context.WriteLine($"{name,-12}{value}");
        return await context.RunRestAsync().ConfigureAwait(false);
    }

    private static string NotAfterCode(KernelEngine current, KernelEngine wanted) =>
        $"this notebook already ran code on the {current.Name} engine, and its variables cannot move to {wanted.Name}. " +
        $"Put '#!engine {wanted.Name}' in the first code cell and restart the kernel (or run the notebook with --engine {wanted.Name}).";
}
