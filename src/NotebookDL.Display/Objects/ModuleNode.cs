namespace NotebookDL.Display;

/// <summary>One module in a model's tree: its name in the parent, type, configuration and parameter counts.</summary>
public sealed record ModuleNode(string Name, string Type, string ExtraRepr, long Parameters, IReadOnlyList<ModuleNode> Children)
{
    public static ModuleNode From(string name, torch.nn.Module module) =>
        new(name, DisplayAdapter.TypeName(module), DisplayAdapter.ExtraRepr(module), module.parameters().Sum(p => p.numel()),
            module.named_children().Select(c => From(c.name, c.module)).ToList());

    /// <summary>
    /// The tree in the layout of PyTorch's print(model), built from the nodes so it reads the same on both engines
    /// (TorchSharp's modules print their type name only).
    /// </summary>
    public string ToRepr()
    {
        if (Children.Count == 0) return $"{Type}({ExtraRepr})";
        var lines = (ExtraRepr.Length > 0 ? ExtraRepr.Split('\n') : []).Concat(Children.Select(c => $"({c.Name}): {c.ToRepr()}"));
        return $"{Type}(\n" + string.Concat(lines.Select(line => "  " + line.Replace("\n", "\n  ") + "\n")) + ")";
    }
}
