using NotebookDL.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class SummaryMagic : Magic
{
    public override string Name => "summary";

    public override string Summary => NotebookCommands.SummarySummary;

    public override string Usage => "#!summary MODEL --input-size C,H,W [--kernel-shape] [--mult-adds]";

    public override async Task<CellResult> RunAsync(MagicContext context)
    {
        var expression = context.RequireArg(0, "the model (a variable or expression)");
        var inputSize = ParseShape(context.Option("--input-size"));
        var value = await context.EvaluateAsync(expression).ConfigureAwait(false);
        var summary = UsageErrors.Of(() => context.Session.Engine.Summary(value, expression, inputSize,
            context.Args.Contains("--kernel-shape"), context.Args.Contains("--mult-adds")));
        context.Display(summary);
        return await context.RunRestAsync().ConfigureAwait(false);
    }

    public static long[] ParseShape(string? text) => UsageErrors.Of(() => NotebookCommands.ParseInputSize(text));
}
