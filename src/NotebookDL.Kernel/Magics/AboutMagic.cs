using NotebookDL.Display;
using NotebookDL.Kernel.Execution;
using NotebookDL.Kernel.Server;

namespace NotebookDL.Kernel.Magics;

public sealed class AboutMagic : Magic
{
    public override string Name => "about";

    public override string Summary => NotebookCommands.AboutSummary;

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        if (context.Args.Count > 0) throw new MagicUsageException($"#!about takes no arguments, got '{context.Args[0]}'");
        context.WriteLine(context.Session.Engine.AboutText("Kernel", KernelInfo.ImplementationVersion));
        return context.RunRestAsync();
    }
}
