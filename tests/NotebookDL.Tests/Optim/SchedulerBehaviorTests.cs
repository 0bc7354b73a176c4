using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

public class SchedulerBehaviorTests
{
    private static (Parameter P, SGD Optimizer) Sgd(double lr = 0.1, double momentum = 0.9)
    {
        var p = new Parameter(zeros(2)) { grad = ones(2) };
        return (p, optim.SGD([p], lr, momentum: momentum));
    }

    [Fact]
    public void OneCycleLR_StepPastTotalSteps_ThrowsLikePyTorch()
    {
        var (_, opt) = Sgd();
        var scheduler = optim.lr_scheduler.OneCycleLR(opt, max_lr: 1.0, total_steps: 25);
        for (int i = 0; i < 25; i++) scheduler.step(); // PyTorch allows last_epoch == total_steps

        var ex = Assert.Throws<InvalidOperationException>(() => scheduler.step());
        Assert.Contains("27", ex.Message);
        Assert.Contains("25", ex.Message);
    }

    [Fact]
    public void OneCycleLR_AdamOptimizer_CyclesBeta1AndKeepsBeta2()
    {
        var expected = OptimFixtures.SchedulerCase("onecyclelr");
        var p = new Parameter(zeros(2)) { grad = ones(2) };
        var opt = optim.Adam([p], 0.1, beta1: 0.9, beta2: 0.999);
        var scheduler = optim.lr_scheduler.OneCycleLR(opt, max_lr: 1.0, total_steps: 25);
        var group = (Adam.ParamGroup)opt.param_groups[0];
        Assert.Equal((0.95, 0.999), group.Betas);

        var momentums = OptimFixtures.Doubles(expected.GetProperty("momentums"));
        for (int i = 0; i < momentums.Length; i++)
        {
            opt.step();
            scheduler.step();
            Close.Scalar(momentums[i], group.Betas.Item1, 1e-12, 1e-15, $"beta1 after step {i}");
            Assert.Equal(0.999, group.Betas.Item2);
        }
    }

    [Fact]
    public void OneCycleLR_OptimizerWithoutMomentum_ThrowsUnlessCyclingIsOff()
    {
        var p = new Parameter(zeros(2));
        var opt = optim.Adagrad([p], 0.1);
        var ex = Assert.Throws<ArgumentException>(() => optim.lr_scheduler.OneCycleLR(opt, 1.0, total_steps: 10));
        Assert.Contains("Adagrad", ex.Message);

        optim.lr_scheduler.OneCycleLR(opt, 1.0, total_steps: 10, cycle_momentum: false);
        Assert.Equal(1.0 / 25, opt.param_groups[0].LearningRate, 15);
    }

    [Fact]
    public void OneCycleLR_EpochsTimesStepsPerEpoch_SetsTotalSteps()
    {
        var (_, opt) = Sgd();
        var scheduler = new optim.lr_scheduler.impl.OneCycleLR(opt, 1.0, epochs: 5, steps_per_epoch: 5);
        Assert.Equal(25, scheduler.total_steps);
        Assert.Throws<ArgumentException>(() => optim.lr_scheduler.OneCycleLR(opt, 1.0));
    }

    [Fact]
    public void ReduceLROnPlateau_StepWithoutMetric_Throws()
    {
        var (_, opt) = Sgd();
        var scheduler = optim.lr_scheduler.ReduceLROnPlateau(opt);
        Assert.Throws<InvalidOperationException>(() => scheduler.step());
        Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(opt, mode: "lowest"));
        Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(opt, factor: 1.0));
    }

    [Fact]
    public void MultiStepLR_RepeatedMilestone_DecaysOncePerListing()
    {
        // PyTorch: [1.0, 1.0, 0.1, 0.1, 0.1, 0.0010000000000000002, 0.0010000000000000002]
        var (_, opt) = Sgd(lr: 1.0);
        var scheduler = optim.lr_scheduler.MultiStepLR(opt, [2, 5, 5], gamma: 0.1);
        var lrs = new List<double> { opt.param_groups[0].LearningRate };
        for (int i = 0; i < 6; i++)
        {
            scheduler.step();
            lrs.Add(opt.param_groups[0].LearningRate);
        }
        Assert.Equal([1.0, 1.0, 0.1, 0.1, 0.1, 0.0010000000000000002, 0.0010000000000000002], lrs);
    }

    [Fact]
    public void LambdaLR_Lambda_ScalesInitialLearningRate()
    {
        var (_, opt) = Sgd(lr: 0.5);
        var scheduler = optim.lr_scheduler.LambdaLR(opt, epoch => 1.0 / (epoch + 1));
        Assert.Equal(0.5, opt.param_groups[0].LearningRate);
        scheduler.step();
        scheduler.step();
        Assert.Equal(0.5 / 3, opt.param_groups[0].LearningRate, 15);
    }

    [Fact]
    public void StepLR_StepWithEpoch_UsesClosedForm()
    {
        var (_, opt) = Sgd(lr: 1.0);
        var scheduler = optim.lr_scheduler.StepLR(opt, step_size: 5, gamma: 0.5);
        scheduler.step(12);
        Assert.Equal(0.25, opt.param_groups[0].LearningRate, 15);
        Assert.Equal(12, ((optim.lr_scheduler.impl.StepLR)scheduler).last_epoch);
    }

    [Fact]
    public void ExponentialLR_TwoParameterGroups_ScalesEachFromItsOwnRate()
    {
        var a = new Parameter(zeros(2));
        var b = new Parameter(zeros(3));
        var opt = optim.SGD([new SGD.ParamGroup([a], lr: 1.0), new SGD.ParamGroup([b])], 0.1);
        var scheduler = optim.lr_scheduler.ExponentialLR(opt, gamma: 0.5);
        scheduler.step();
        Assert.Equal([0.5, 0.05], scheduler.get_last_lr());
        Assert.Equal([1.0, 0.1], opt.param_groups.Select(g => g.InitialLearningRate));
    }

    [Fact]
    public void OneCycleLR_RMSPropOptimizer_CyclesItsMomentum()
    {
        var p = new Parameter(zeros(2)) { grad = ones(2) };
        var opt = optim.RMSProp([p], 0.01);
        var scheduler = optim.lr_scheduler.OneCycleLR(opt, max_lr: 1.0, total_steps: 25);
        Assert.Equal(0.95, ((RMSProp.ParamGroup)opt.param_groups[0]).Momentum);
        opt.step(); // momentum turned on after construction: the buffer must be created on demand
        scheduler.step();
        Assert.Equal(0.9442728012826604, ((RMSProp.ParamGroup)opt.param_groups[0]).Momentum, 14);
        Assert.NotNull(((RMSProp.State)opt.state(p)!).momentum_buffer);
    }
}
