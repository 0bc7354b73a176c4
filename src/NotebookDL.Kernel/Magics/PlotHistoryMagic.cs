using NotebookDL.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class PlotHistoryMagic : Magic
{
    public override string Name => "plot-history";

    public override string Summary => NotebookCommands.PlotHistorySummary;

    public override string Usage => "#!plot-history HISTORY";

    public override async Task<CellResult> RunAsync(MagicContext context)
    {
        var expression = context.RequireArg(0, "the history (a variable or expression)");
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        var value = await context.EvaluateAsync(expression).ConfigureAwait(false);
        context.Display(UsageErrors.Of(() => context.Session.Engine.HistoryPlot(value, expression)));
        return await context.RunRestAsync().ConfigureAwait(false);
    }
}
