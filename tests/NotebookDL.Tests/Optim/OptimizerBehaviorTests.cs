using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

public class OptimizerBehaviorTests
{
    [Fact]
    public void ZeroGrad_Default_SetsGradsToNull()
    {
        var problem = new RegressionProblem();
        var opt = optim.SGD(problem.Parameters, 0.1);
        problem.Loss().backward();
        Assert.NotNull(problem.W.grad);

        opt.zero_grad();
        Assert.Null(problem.W.grad);
        Assert.Null(problem.b.grad);
    }

    [Fact]
    public void ZeroGrad_SetToNoneFalse_KeepsZeroTensors()
    {
        var problem = new RegressionProblem();
        var opt = optim.SGD(problem.Parameters, 0.1);
        problem.Loss().backward();

        opt.zero_grad(set_to_none: false);
        Assert.All(problem.W.grad!.data<float>(), v => Assert.Equal(0f, v));
        Assert.Equal(problem.W.shape, problem.W.grad!.shape);
    }

    [Fact]
    public void Step_ParameterWithoutGrad_IsSkippedAndGetsNoState()
    {
        var used = new Parameter(tensor(new[] { 1f, 2f }));
        var unused = new Parameter(tensor(new[] { 3f, 4f }));
        var opt = optim.Adam([used, unused], 0.1);
        used.grad = tensor(new[] { 0.5f, -0.5f });

        opt.step();
        Assert.Equal([3f, 4f], unused.data<float>());
        Assert.NotEqual([1f, 2f], used.data<float>());
        Assert.False(opt.state(unused)!.Initialized);
        Assert.DoesNotContain(opt.state_dict().State.Keys, k => k.StartsWith("state.1.", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_Closure_RunsItAndReturnsItsLoss()
    {
        var problem = new RegressionProblem();
        var opt = optim.SGD(problem.Parameters, 0.1);
        var w0 = problem.W.data<float>();

        var loss = opt.step(() =>
        {
            opt.zero_grad();
            var l = problem.Loss();
            l.backward();
            return l;
        });
        Assert.NotNull(loss);
        Assert.NotEqual(w0, problem.W.data<float>());
    }

    [Fact]
    public void Step_Sgd_DoesNotModifyTheGradient()
    {
        var p = new Parameter(tensor(new[] { 1f, 2f }));
        var opt = optim.SGD([p], 0.5, momentum: 0.9, weight_decay: 0.1, nesterov: true, maximize: true);
        p.grad = tensor(new[] { 1f, 1f });
        opt.step();
        Assert.Equal([1f, 1f], p.grad.data<float>());
    }

    [Fact]
    public void Step_TwoGroups_EachUsesItsOwnLearningRate()
    {
        var a = new Parameter(tensor(new[] { 1f, 1f }));
        var b = new Parameter(tensor(new[] { 1f, 1f }));
        var opt = optim.SGD([new SGD.ParamGroup([a], lr: 0.5), new SGD.ParamGroup([b])], 0.25);
        a.grad = ones(2);
        b.grad = ones(2);

        opt.step();
        Assert.Equal([0.5f, 0.5f], a.data<float>());
        Assert.Equal([0.75f, 0.75f], b.data<float>());
        Assert.Equal(0.5, opt.param_groups[0].LearningRate);
        Assert.Equal(0.25, opt.param_groups[1].LearningRate);
    }

    [Fact]
    public void Step_Maximize_AscendsTheGradient()
    {
        var p = new Parameter(tensor(new[] { 0f }));
        var opt = optim.SGD([p], 0.1, maximize: true);
        p.grad = tensor(new[] { 2f });
        opt.step();
        Assert.Equal(0.2f, p.data<float>()[0], 6);
    }

    [Fact]
    public void Step_NonContiguousParameter_UpdatesThroughTheView()
    {
        var storage = tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, [2, 3]);
        var p = new Parameter(storage.t()); // shape [3, 2], strides [1, 3]
        var opt = optim.SGD([p], 1.0);
        p.grad = tensor(new[] { 1f, 1f, 1f, 1f, 1f, 1f }, [3, 2]);

        opt.step();
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], storage.data<float>());
    }

    [Fact]
    public void LearningRate_SetOnGroup_TakesEffectNextStep()
    {
        var p = new Parameter(tensor(new[] { 1f }));
        var opt = optim.SGD([p], 0.1);
        opt.param_groups[0].LearningRate = 0.5;
        p.grad = tensor(new[] { 1f });
        opt.step();
        Assert.Equal(0.5f, p.data<float>()[0]);
    }

    public static TheoryData<string> Kinds() => new() { "SGD", "Adagrad", "Adadelta", "RMSProp", "Adam", "AdamW" };

    // PyTorch negates the gradient before weight decay, so maximizing with g is minimizing with −g.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Step_MaximizeWithGrad_EqualsMinimizeWithNegatedGrad(string kind)
    {
        optim.Optimizer Make(Parameter p, bool maximize) => kind switch
        {
            "SGD" => optim.SGD([p], 0.1, momentum: 0.9, weight_decay: 0.1, nesterov: true, maximize: maximize),
            "Adagrad" => optim.Adagrad([p], 0.1, weight_decay: 0.1, maximize: maximize),
            "Adadelta" => optim.Adadelta([p], weight_decay: 0.1, maximize: maximize),
            "RMSProp" => optim.RMSProp([p], weight_decay: 0.1, momentum: 0.5, centered: true, maximize: maximize),
            "Adam" => optim.Adam([p], 0.1, weight_decay: 0.1, amsgrad: true, maximize: maximize),
            _ => optim.AdamW([p], 0.1, weight_decay: 0.1, amsgrad: true, maximize: maximize),
        };
        var up = new Parameter(tensor(new[] { 0.5f, -1f, 2f }));
        var down = new Parameter(tensor(new[] { 0.5f, -1f, 2f }));
        var maximizer = Make(up, maximize: true);
        var minimizer = Make(down, maximize: false);
        for (int i = 0; i < 5; i++)
        {
            var g = up.data<float>().Select(v => v * v - 1f).ToArray(); // any state-dependent gradient
            up.grad = tensor(g);
            down.grad = tensor(g.Select(v => -v).ToArray());
            maximizer.step();
            minimizer.step();
            Assert.Equal(down.data<float>(), up.data<float>());
        }
        Assert.NotEqual([0.5f, -1f, 2f], up.data<float>());
    }
}
