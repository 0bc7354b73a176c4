using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class SummaryMagic : Magic
{
    public override string Name => "summary";

    public override string Summary => "Shows a model summary: each layer's output shape and parameter count (a dry forward pass).";

    public override string Usage => "#!summary MODEL --input-size C,H,W [--kernel-shape] [--mult-adds]";

    public override async Task<CellResult> RunAsync(MagicContext context)
    {
        var expression = context.RequireArg(0, "the model (a variable or expression)");
        var sizeText = context.Option("--input-size") ?? throw new MagicUsageException("missing --input-size (one sample's shape without the batch dimension, e.g. 1,28,28)");
        var inputSize = ParseShape(sizeText);
        var value = await context.EvaluateAsync(expression).ConfigureAwait(false);
        var summary = context.Session.Engine.Summary(value, inputSize, context.Args.Contains("--kernel-shape"), context.Args.Contains("--mult-adds"))
            ?? throw new MagicUsageException($"'{expression}' is {(value is null ? "null" : "a " + WhosMagic.TypeName(value.GetType()))}, not a {context.Session.Engine.Name} model taking and returning a tensor");
        context.Display(summary);
        return await context.RunRestAsync().ConfigureAwait(false);
    }

    public static long[] ParseShape(string text)
    {
        var parts = text.Trim('(', ')', '[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shape = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], out shape[i]) || shape[i] < 1)
                throw new MagicUsageException($"--input-size must be positive integers separated by commas, got '{text}'");
        return shape.Length > 0 ? shape : throw new MagicUsageException("--input-size is empty");
    }
}
