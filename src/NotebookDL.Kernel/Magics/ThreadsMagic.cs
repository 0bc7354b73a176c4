using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class ThreadsMagic : Magic
{
    public override string Name => "threads";

    public override string Summary => "Sets (or shows) how many threads the engine's compute kernels use.";

    public override string Usage => "#!threads [N]";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        var engine = context.Session.Engine;
        if (context.Args.Count == 0)
        {
            context.WriteLine($"The {engine.Name} engine uses {engine.GetThreads()} compute threads ({Environment.ProcessorCount} logical cores).");
            return context.RunRestAsync();
        }
        int threads = context.RequireInt(0, "the thread count N", min: 1);
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        engine.SetThreads(threads);
        context.WriteLine($"The {engine.Name} engine now uses {engine.GetThreads()} compute threads.");
        return context.RunRestAsync();
    }
}
