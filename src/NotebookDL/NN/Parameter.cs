namespace NotebookDL.Modules;

/// <summary>
/// A tensor that a module owns and an optimizer updates: it shares storage with the tensor it wraps
/// and requires grad by default (TorchSharp.Modules.Parameter).
/// </summary>
public class Parameter : Tensor
{
    public Parameter(Tensor data, bool requires_grad = true) : base(data.detach())
    {
        this.requires_grad = requires_grad;
    }
}
