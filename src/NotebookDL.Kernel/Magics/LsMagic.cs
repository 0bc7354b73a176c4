using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class LsMagic : Magic
{
    public override string Name => "lsmagic";

    public override string Summary => "Lists the magic commands.";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        var listed = context.Registry.All.Where(m => m.Listed).ToList();
        int width = listed.Max(m => m.Name.Length) + 2;
        context.WriteLine("Magic commands (first lines of a cell; add -h for help on one):");
        foreach (var magic in listed)
            context.WriteLine($"  #!{magic.Name.PadRight(width)}{magic.Summary}");
        return context.RunRestAsync();
    }
}
