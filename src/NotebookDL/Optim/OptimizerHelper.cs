namespace NotebookDL.Modules;

/// <summary>
/// TorchSharp's base of the managed optimizers (TorchSharp.Modules.OptimizerHelper). Here all the
/// machinery lives in <see cref="torch.optim.Optimizer"/>; the class exists so code written against
/// TorchSharp's type names compiles unchanged.
/// </summary>
public abstract class OptimizerHelper : torch.optim.Optimizer
{
    protected OptimizerHelper(OptimizerOptions defaults) : base(defaults) { }
}
