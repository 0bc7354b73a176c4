using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class WhoMagic : Magic
{
    public override string Name => "who";

    public override string Summary => "Lists the variables the notebook has defined.";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        if (context.Args.Count > 0) throw new MagicUsageException($"#!who takes no arguments, got '{context.Args[0]}'");
        var names = context.Session.Variables.Select(v => v.Name).ToList();
        context.WriteLine(names.Count == 0 ? "No variables are defined." : string.Join("  ", names));
        return context.RunRestAsync();
    }
}
