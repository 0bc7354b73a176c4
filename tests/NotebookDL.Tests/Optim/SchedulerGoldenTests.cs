using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

/// <summary>Each scheduler against PyTorch 1.13's per-step learning rates (and momentums) in schedulers.json.</summary>
public class SchedulerGoldenTests
{
    // Same formulas in double on both sides; only libm differences in cos remain.
    private const double Rtol = 1e-12;
    private const double Atol = 1e-15;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in OptimFixtures.SchedulerCaseNames()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_GoldenCase_MatchesPyTorchSchedule(string name)
    {
        var testCase = OptimFixtures.SchedulerCase(name);
        var optConfig = testCase.GetProperty("optimizer");
        Assert.Equal("SGD", optConfig.GetProperty("name").GetString());

        // A dummy parameter with a fixed grad, so optimizer.step() runs before scheduler.step() as in PyTorch.
        var p = new Parameter(zeros(2)) { grad = ones(2) };
        var optimizer = optim.SGD([p], optConfig.GetProperty("lr").GetDouble(), momentum: optConfig.GetProperty("momentum").GetDouble());
        var scheduler = OptimFixtures.CreateScheduler(testCase, optimizer);
        var group = (SGD.ParamGroup)optimizer.param_groups[0];

        Close.Scalar(testCase.GetProperty("initial_lr").GetDouble(), group.LearningRate, Rtol, Atol, $"{name} lr after construction");
        if (testCase.TryGetProperty("initial_momentum", out var m0))
            Close.Scalar(m0.GetDouble(), group.Momentum, Rtol, Atol, $"{name} momentum after construction");

        var lrs = OptimFixtures.Doubles(testCase.GetProperty("lrs"));
        double[]? momentums = testCase.TryGetProperty("momentums", out var ms) ? OptimFixtures.Doubles(ms) : null;
        double[]? metrics = testCase.TryGetProperty("metrics", out var mt) ? OptimFixtures.Doubles(mt) : null;
        var steps = testCase.GetProperty("steps").GetInt32();
        Assert.Equal(steps, lrs.Length);

        for (int i = 0; i < steps; i++)
        {
            optimizer.step();
            if (metrics is not null) scheduler.step(metrics[i]);
            else scheduler.step();

            Close.Scalar(lrs[i], group.LearningRate, Rtol, Atol, $"{name} lr after step {i}");
            Assert.Equal(group.LearningRate, scheduler.get_last_lr().Single());
            if (momentums is not null)
                Close.Scalar(momentums[i], group.Momentum, Rtol, Atol, $"{name} momentum after step {i}");
        }
    }
}
