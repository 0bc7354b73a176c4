using NotebookDL.Display;
using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class SeedMagic : Magic
{
    public override string Name => "seed";

    public override string Summary => NotebookCommands.SeedSummary;

    public override string Usage => "#!seed N";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        var text = context.RequireArg(0, "the seed N");
        var seed = UsageErrors.Of(() => NotebookCommands.ParseSeed(text));
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        // Every op draws from the engine's default generator unless handed its own, so this seeds them all.
        context.WriteLine(context.Session.Engine.Seed(seed));
        return context.RunRestAsync();
    }
}
