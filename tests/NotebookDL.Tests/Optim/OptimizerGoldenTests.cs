using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

/// <summary>Each optimizer against PyTorch 1.13's 20-step trajectories in optimizers.json.</summary>
public class OptimizerGoldenTests
{
    private const double Rtol = 1e-4;
    private const double Atol = 1e-6;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in OptimFixtures.OptimizerCaseNames()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_GoldenCase_MatchesPyTorchTrajectory(string name)
    {
        var testCase = OptimFixtures.OptimizerCase(name);
        var problem = new RegressionProblem();
        var optimizer = OptimFixtures.CreateOptimizer(testCase, problem.Parameters);

        var losses = OptimFixtures.Doubles(testCase.GetProperty("losses"));
        var ws = testCase.GetProperty("W").EnumerateArray().ToList();
        var bs = testCase.GetProperty("b").EnumerateArray().ToList();
        for (int step = 0; step < losses.Length; step++)
        {
            var loss = problem.Step(optimizer);
            Close.Scalar(losses[step], loss, Rtol, Atol, $"{name} loss at step {step}");
            Close.All(OptimFixtures.Floats(ws[step]), problem.W.data<float>(), Rtol, Atol, $"{name} W after step {step}");
            Close.All(OptimFixtures.Floats(bs[step]), problem.b.data<float>(), Rtol, Atol, $"{name} b after step {step}");
        }
    }

    // Cases built from lr alone: their "defaults" are PyTorch's defaults for every other option.
    [Theory]
    [InlineData("sgd_lr0.1")]
    [InlineData("adagrad_lr0.1")]
    [InlineData("adadelta_lr1")]
    [InlineData("rmsprop_lr0.01")]
    [InlineData("adam_lr0.01")]
    [InlineData("adamw_lr0.01")]
    public void Factory_OnlyLearningRateGiven_DefaultsMatchPyTorch(string name)
    {
        var testCase = OptimFixtures.OptimizerCase(name);
        var lr = testCase.GetProperty("config").GetProperty("lr").GetDouble();
        var ps = new RegressionProblem().Parameters;
        optim.Optimizer optimizer = testCase.GetProperty("optimizer").GetString() switch
        {
            "SGD" => optim.SGD(ps, lr),
            "Adagrad" => optim.Adagrad(ps, lr),
            "Adadelta" => optim.Adadelta(ps, lr),
            "RMSprop" => optim.RMSProp(ps, lr),
            "Adam" => optim.Adam(ps, lr),
            "AdamW" => optim.AdamW(ps, lr),
            var other => throw new NotSupportedException(other),
        };

        var expected = new Dictionary<string, double>();
        foreach (var property in testCase.GetProperty("defaults").EnumerateObject())
        {
            switch (property.Name)
            {
                case "foreach" or "capturable" or "differentiable" or "fused":
                    break; // execution strategies, not hyper-parameters
                case "betas":
                    expected["beta1"] = property.Value[0].GetDouble();
                    expected["beta2"] = property.Value[1].GetDouble();
                    break;
                default:
                    expected[property.Name] = property.Value.ValueKind switch
                    {
                        System.Text.Json.JsonValueKind.True => 1,
                        System.Text.Json.JsonValueKind.False => 0,
                        _ => property.Value.GetDouble(),
                    };
                    break;
            }
        }

        var actual = optimizer.param_groups[0].Options.Values;
        Assert.Equal(expected.Keys.Order(), actual.Keys.Where(k => k != "initial_lr").Order());
        foreach (var (key, value) in expected)
            Assert.True(value == actual[key], $"{name}: option {key} is {actual[key]}, PyTorch's default is {value}");
    }
}
