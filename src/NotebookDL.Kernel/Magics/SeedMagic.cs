using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class SeedMagic : Magic
{
    public override string Name => "seed";

    public override string Summary => "Seeds the engine's random generator (init, dropout, shuffling, augmentation) for reproducible runs.";

    public override string Usage => "#!seed N";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        var text = context.RequireArg(0, "the seed N");
        if (!long.TryParse(text, out var seed)) throw new MagicUsageException($"the seed must be an integer, got '{text}'");
        if (context.Args.Count > 1) throw new MagicUsageException($"unexpected argument '{context.Args[1]}'");
        // Every NotebookDL op draws from the default generator unless handed its own, so this seeds them all.
        context.Session.Engine.Seed(seed);
        context.WriteLine($"Seeded the {context.Session.Engine.Name} engine's random generator with {seed}.");
        return context.RunRestAsync();
    }
}
