using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

public class OptimizerStateDictTests
{
    public static TheoryData<string> Cases() => OptimizerGoldenTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadStateDict_FreshOptimizer_ContinuesIdentically(string name)
    {
        var testCase = OptimFixtures.OptimizerCase(name);
        var original = new RegressionProblem();
        var optimizer = OptimFixtures.CreateOptimizer(testCase, original.Parameters);
        for (int i = 0; i < 7; i++) original.Step(optimizer);

        var saved = optimizer.state_dict();
        var resumed = new RegressionProblem(original.W.data<float>(), original.b.data<float>());
        var fresh = OptimFixtures.CreateOptimizer(testCase, resumed.Parameters);
        fresh.param_groups[0].LearningRate = 123; // must be overwritten by the loaded options
        fresh.load_state_dict(saved);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(original.Step(optimizer), resumed.Step(fresh));
            Assert.Equal(original.W.data<float>(), resumed.W.data<float>());
            Assert.Equal(original.b.data<float>(), resumed.b.data<float>());
        }
    }

    [Fact]
    public void StateDict_AdamAfterThreeSteps_ExposesNamedTensorsAndOptions()
    {
        var problem = new RegressionProblem();
        var opt = optim.Adam(problem.Parameters, 0.01, amsgrad: true);
        for (int i = 0; i < 3; i++) problem.Step(opt);

        var sd = opt.state_dict();
        Assert.Equal(
            ["state.0.exp_avg", "state.0.exp_avg_sq", "state.0.max_exp_avg_sq", "state.0.step",
             "state.1.exp_avg", "state.1.exp_avg_sq", "state.1.max_exp_avg_sq", "state.1.step"],
            sd.State.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3f, sd.State["state.0.step"].item<float>());
        Assert.Equal(problem.W.shape, sd.State["state.0.exp_avg"].shape);
        Assert.Equal(problem.b.shape, sd.State["state.1.exp_avg_sq"].shape);
        Assert.Equal(0.01, sd.Options["param_groups.0.lr"]);
        Assert.Equal(0.999, sd.Options["param_groups.0.beta2"]);
        Assert.Equal(1, sd.Options["param_groups.0.amsgrad"]);
        Assert.Equal(2, sd.Options["param_groups.0.num_params"]);
    }

    [Fact]
    public void StateDict_LaterSteps_DoNotChangeTakenSnapshot()
    {
        var problem = new RegressionProblem();
        var opt = optim.SGD(problem.Parameters, 0.1, momentum: 0.9);
        problem.Step(opt);
        var sd = opt.state_dict();
        var before = sd.State["state.0.momentum_buffer"].data<float>();
        problem.Step(opt);
        Assert.Equal(before, sd.State["state.0.momentum_buffer"].data<float>());
        Assert.False(sd.State.ContainsKey("state.0.step")); // PyTorch's SGD keeps no step count
    }

    [Fact]
    public void StateDict_NeverStepped_HasOptionsButNoState()
    {
        var opt = optim.Adam(new RegressionProblem().Parameters);
        var sd = opt.state_dict();
        Assert.Empty(sd.State);
        Assert.Equal(0.001, sd.Options["param_groups.0.lr"]);
    }

    [Fact]
    public void LoadStateDict_StateOfOtherOptimizerType_ThrowsAndChangesNothing()
    {
        var problem = new RegressionProblem();
        var adam = optim.Adam(problem.Parameters, 0.01);
        problem.Step(adam);
        var sgd = optim.SGD(new RegressionProblem().Parameters, 0.1);

        var ex = Assert.Throws<ArgumentException>(() => sgd.load_state_dict(adam.state_dict()));
        Assert.Contains("SGD", ex.Message);
        Assert.Equal(0.1, sgd.param_groups[0].LearningRate);
    }

    [Fact]
    public void LoadStateDict_BufferShapeMismatch_ThrowsAndKeepsState()
    {
        var problem = new RegressionProblem();
        var opt = optim.Adam(problem.Parameters, 0.01);
        problem.Step(opt);
        var sd = opt.state_dict();
        sd.State["state.1.exp_avg"] = zeros(5);
        sd.Options["param_groups.0.lr"] = 0.5;

        var ex = Assert.Throws<ArgumentException>(() => opt.load_state_dict(sd));
        Assert.Contains("state.1.exp_avg", ex.Message);
        Assert.Equal(0.01, opt.param_groups[0].LearningRate);
        Assert.Equal(1, opt.state(problem.b)!.step);
    }

    [Fact]
    public void LoadStateDict_InvalidLoadedOption_Throws()
    {
        var problem = new RegressionProblem();
        var opt = optim.RMSProp(problem.Parameters);
        var sd = opt.state_dict();
        sd.Options["param_groups.0.alpha"] = -1;
        Assert.Throws<ArgumentException>(() => opt.load_state_dict(sd));
    }
}
