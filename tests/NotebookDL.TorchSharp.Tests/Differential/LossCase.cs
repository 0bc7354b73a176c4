namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>The target of a loss case: float values, or int64 class indices when <paramref name="Classes"/> is set.</summary>
/// <param name="Shape">The target's shape.</param>
/// <param name="Kind">Value distribution of float targets; <see cref="Values.Probability"/> rows are normalized when <paramref name="Distribution"/>.</param>
/// <param name="Classes">For class-index targets, the number of classes; indices are drawn from [0, Classes).</param>
/// <param name="Distribution">For float targets [N, C, …], normalize over dim 1 so each row is a probability distribution.</param>
/// <param name="Binary">For float targets, round to 0 or 1.</param>
public sealed record Target(long[] Shape, Values Kind = Values.Normal, long? Classes = null, bool Distribution = false, bool Binary = false);

/// <summary>One loss function written once per engine, compared on the same random input and target.</summary>
public sealed record LossCase(
    string Name, Input Input, Target Target, Func<MT.Tensor, MT.Tensor, MT.Tensor> Managed, Func<TT.Tensor, TT.Tensor, TT.Tensor> Torch,
    double Rtol = 1e-5, double Atol = 1e-6)
{
    public override string ToString() => Name;
}
