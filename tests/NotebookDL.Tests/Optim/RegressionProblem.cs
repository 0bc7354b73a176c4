using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

/// <summary>
/// The fixture's linear least-squares problem, loss = ((X @ W + b − Y)²).mean(), with fresh parameters
/// W, b that start at the fixture's W0, b0 (or at given values, to continue a run elsewhere).
/// </summary>
internal sealed class RegressionProblem
{
    public Tensor X { get; }
    public Tensor Y { get; }
    public Parameter W { get; }
    public Parameter b { get; }

    public RegressionProblem(float[]? w = null, float[]? bias = null)
    {
        var problem = OptimFixtures.Problem;
        X = OptimFixtures.ToTensor(problem.GetProperty("X"));
        Y = OptimFixtures.ToTensor(problem.GetProperty("Y"));
        var w0 = OptimFixtures.ToTensor(problem.GetProperty("W0"));
        var b0 = OptimFixtures.ToTensor(problem.GetProperty("b0"));
        W = new Parameter(w is null ? w0 : tensor(w, w0.shape));
        b = new Parameter(bias is null ? b0 : tensor(bias, b0.shape));
    }

    public Parameter[] Parameters => [W, b];

    public Tensor Loss() => (X.matmul(W) + b - Y).pow(2).mean();

    /// <summary>One training iteration as the fixture ran it; returns the loss before the update.</summary>
    public float Step(optim.Optimizer optimizer)
    {
        optimizer.zero_grad();
        var loss = Loss();
        var value = loss.item<float>();
        loss.backward();
        optimizer.step();
        return value;
    }
}
