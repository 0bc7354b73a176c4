using NotebookDL.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class ThreadsMagic : Magic
{
    public override string Name => "threads";

    public override string Summary => NotebookCommands.ThreadsSummary;

    public override string Usage => "#!threads [N]";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        var engine = context.Session.Engine;
        if (context.Args.Count == 0)
        {
            context.WriteLine(engine.Threads(null));
            return context.RunRestAsync();
        }
        int threads = context.RequireInt(0, "the thread count N", min: 1);
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        context.WriteLine(UsageErrors.Of(() => engine.Threads(threads)));
        return context.RunRestAsync();
    }
}
