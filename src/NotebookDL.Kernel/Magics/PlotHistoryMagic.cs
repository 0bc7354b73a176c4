using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class PlotHistoryMagic : Magic
{
    public override string Name => "plot-history";

    public override string Summary => "Plots a training history (what fit returns): loss and metrics per epoch.";

    public override string Usage => "#!plot-history HISTORY";

    public override async Task<CellResult> RunAsync(MagicContext context)
    {
        var expression = context.RequireArg(0, "the history (a variable or expression)");
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        var value = await context.EvaluateAsync(expression).ConfigureAwait(false);
        var plot = context.Session.Engine.HistoryPlot(value)
            ?? throw new MagicUsageException($"'{expression}' is {(value is null ? "null" : "a " + WhosMagic.TypeName(value.GetType()))}, not the History that fit returns");
        context.Display(plot);
        return await context.RunRestAsync().ConfigureAwait(false);
    }
}
