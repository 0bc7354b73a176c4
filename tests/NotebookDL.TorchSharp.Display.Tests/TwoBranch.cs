namespace NotebookDL.TorchSharp.Display.Tests;

/// <summary>A custom TorchSharp module with children and its own forward: two linear branches added.</summary>
sealed class TwoBranch : torch.nn.Module<Tensor, Tensor>
{
    private readonly global::TorchSharp.Modules.Linear left = torch.nn.Linear(4, 3), right = torch.nn.Linear(4, 3);

    public TwoBranch() : base(nameof(TwoBranch)) => RegisterComponents();

    public override Tensor forward(Tensor x) => left.call(x) + right.call(x);
}

/// <summary>The same module in the managed engine.</summary>
sealed class ManagedTwoBranch : M.nn.Module<M.Tensor, M.Tensor>
{
    private readonly ManagedLinear left = M.nn.Linear(4, 3), right = M.nn.Linear(4, 3);

    public ManagedTwoBranch() : base(nameof(TwoBranch)) => RegisterComponents();

    public override M.Tensor forward(M.Tensor x) => left.call(x) + right.call(x);
}
