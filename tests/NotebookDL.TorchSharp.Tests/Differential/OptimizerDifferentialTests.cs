namespace NotebookDL.TorchSharp.Tests.Differential;

public class OptimizerDifferentialTests
{
    const int Steps = 5;

    public OptimizerDifferentialTests() => Engines.EnsureLoaded();

    public static TheoryData<string> Names() => [.. OptimizerCases.All.Select(c => c.Name)];

    /// <summary>
    /// Five steps on a small regression problem (tanh(x·W + b) against y), comparing every parameter after every step
    /// and the learning rate each scheduler sets.
    /// </summary>
    [Theory, MemberData(nameof(Names))]
    public void Optimizer_FiveSteps_MatchesLibTorch(string name)
    {
        int seed = Array.FindIndex(OptimizerCases.All, c => c.Name == name);
        var c = OptimizerCases.All[seed];
        long[] ws = [4, 3], bs = [3], xs = [6, 4], ys = [6, 3];
        float[] w0 = Engines.Data(100 * seed, ws), b0 = Engines.Data(100 * seed + 1, bs);
        float[] xd = Engines.Data(100 * seed + 2, xs), yd = Engines.Data(100 * seed + 3, ys);

        var w = MT.nn.Parameter(Engines.Managed(w0, ws));
        var b = MT.nn.Parameter(Engines.Managed(b0, bs));
        var tw = TT.nn.Parameter(Engines.Torch(w0, ws));
        var tb = TT.nn.Parameter(Engines.Torch(b0, bs));
        var optimizer = c.Managed([w, b]);
        var torchOptimizer = c.Torch([tw, tb]);
        var scheduler = c.ManagedScheduler?.Invoke(optimizer);
        var torchScheduler = c.TorchScheduler?.Invoke(torchOptimizer);
        var x = Engines.Managed(xd, xs);
        var y = Engines.Managed(yd, ys);
        var tx = Engines.Torch(xd, xs);
        var ty = Engines.Torch(yd, ys);

        for (int step = 1; step <= Steps; step++)
        {
            optimizer.zero_grad();
            torchOptimizer.zero_grad();
            (x.matmul(w) + b).tanh().sub(y).square().mean().backward();
            (tx.matmul(tw) + tb).tanh().sub(ty).square().mean().backward();
            optimizer.step();
            torchOptimizer.step();
            if (scheduler is not null)
            {
                scheduler.step();
                torchScheduler!.step();
                Engines.AssertClose($"{name} lr after step {step}", scheduler.get_last_lr().First(), torchScheduler.get_last_lr().First(), 1e-9, 1e-12);
            }
            Engines.AssertClose($"{name} weight after step {step}", w, tw, 1e-5, 1e-6);
            Engines.AssertClose($"{name} bias after step {step}", b, tb, 1e-5, 1e-6);
        }
    }
}
