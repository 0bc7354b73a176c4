using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class ThreadsMagic : Magic
{
    public override string Name => "threads";

    public override string Summary => "Sets (or shows) how many threads NotebookDL's compute kernels use.";

    public override string Usage => "#!threads [N]";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        if (context.Args.Count == 0)
        {
            context.WriteLine($"NotebookDL uses {torch.get_num_threads()} compute threads ({Environment.ProcessorCount} logical cores).");
            return context.RunRestAsync();
        }
        int threads = context.RequireInt(0, "the thread count N", min: 1);
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        torch.set_num_threads(threads);
        context.WriteLine($"NotebookDL now uses {torch.get_num_threads()} compute threads.");
        return context.RunRestAsync();
    }
}
