namespace NotebookDL.Display;

/// <summary>One module in a model's tree: its name in the parent, type, configuration and parameter counts.</summary>
public sealed record ModuleNode(string Name, string Type, string ExtraRepr, long Parameters, IReadOnlyList<ModuleNode> Children)
{
    public static ModuleNode From(string name, torch.nn.Module module) =>
        new(name, module.GetName(), module.extra_repr(), module.parameters().Sum(p => p.numel()),
            module.named_children().Select(c => From(c.name, c.module)).ToList());
}
