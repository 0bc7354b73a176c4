namespace NotebookDL.Display;

/// <summary>An element-wise function of a 1-D tensor with the name its legend shows, e.g. ("sigmoid", torch.sigmoid).</summary>
public sealed record NamedFunction(string Name, Func<Tensor, Tensor> Function)
{
    public static implicit operator NamedFunction((string name, Func<Tensor, Tensor> function) pair) => new(pair.name, pair.function);
}
