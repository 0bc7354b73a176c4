namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>One operation written once per engine, run on the same random inputs.</summary>
/// <param name="Name">A unique, readable name; also the test case's display name.</param>
/// <param name="Inputs">The float32 inputs.</param>
/// <param name="Managed">The operation in the managed engine.</param>
/// <param name="Torch">The same operation in TorchSharp.</param>
/// <param name="Rtol">Relative tolerance: float32 rounding, looser for long reductions and products.</param>
/// <param name="Atol">Absolute tolerance, for results near zero.</param>
public sealed record OpCase(
    string Name, Input[] Inputs, Func<MT.Tensor[], MT.Tensor> Managed, Func<TT.Tensor[], TT.Tensor> Torch,
    double Rtol = 1e-5, double Atol = 1e-6)
{
    public override string ToString() => Name;
}
