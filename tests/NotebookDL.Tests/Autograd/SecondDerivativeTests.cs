using static NotebookDL.torch;
using static NotebookDL.Tests.Autograd.GradInputs;

namespace NotebookDL.Tests.Autograd;

/// <summary>
/// create_graph: the first derivative, built with create_graph, is itself checked with gradcheck, so its
/// backward (the second derivative) must match finite differences of the first derivative.
/// </summary>
public class SecondDerivativeTests
{
    private static readonly Dictionary<string, (Func<Tensor[], Tensor> f, Func<Tensor>[] inputs)> Cases = new()
    {
        ["mul_cubed"] = (x => x[0] * x[0] * x[0], [() => Randn(1, 5)]),
        ["pow_3"] = (x => x[0].pow(3), [() => Randn(2, 5)]),
        ["div_reciprocal"] = (x => 1.0 / x[0], [() => Positive(3, 5)]),
        ["exp"] = (x => x[0].exp(), [() => Randn(4, 5)]),
        ["log"] = (x => x[0].log(), [() => Positive(5, 5)]),
        ["sqrt"] = (x => x[0].sqrt(), [() => Positive(6, 5)]),
        ["tanh"] = (x => x[0].tanh(), [() => Randn(7, 5)]),
        ["sigmoid"] = (x => x[0].sigmoid(), [() => Randn(8, 5)]),
        ["relu_squared"] = (x => x[0].relu().pow(2), [() => Distinct(9, 6)]),
        ["softmax"] = (x => nn.functional.softmax(x[0], 1) * x[1], [() => Randn(10, 2, 4), () => Randn(11, 2, 4)]),
        ["matmul_squared"] = (x => x[0].matmul(x[1]).pow(2), [() => Randn(12, 3, 4), () => Randn(13, 4, 2)]),
        ["mean_var"] = (x => x[0].var(1) * x[0].mean(1), [() => Randn(14, 3, 4)]),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void CreateGraph_FirstDerivative_IsDifferentiable(string name)
    {
        var (f, makeInputs) = Cases[name];
        var inputs = makeInputs.Select(make => make()).ToArray();

        // d/dx of sum(f): differentiating it again checks the second derivative (and mixed ones for two inputs).
        Tensor FirstDerivative(Tensor[] x) => autograd.grad([f(x).sum()], [x[0]], create_graph: true)[0]!;

        Assert.True(autograd.gradcheck(FirstDerivative, inputs));
    }
}
