namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>One layer built in both engines, the TorchSharp one given the managed one's parameters and buffers.</summary>
/// <param name="Name">A unique, readable name; also the test case's display name.</param>
/// <param name="Input">The input's shape.</param>
/// <param name="Managed">Builds the managed layer.</param>
/// <param name="Torch">Builds the TorchSharp layer.</param>
/// <param name="Train">Whether to run in training mode (batch statistics) or evaluation mode.</param>
/// <param name="Rtol">Relative tolerance.</param>
/// <param name="Atol">Absolute tolerance.</param>
public sealed record LayerCase(
    string Name, long[] Input, Func<MT.nn.Module<MT.Tensor, MT.Tensor>> Managed, Func<TT.nn.Module<TT.Tensor, TT.Tensor>> Torch,
    bool Train = false, double Rtol = 1e-5, double Atol = 1e-5)
{
    public override string ToString() => Name;
}
