using System.Diagnostics;
using System.Globalization;

// Measures the engine on the workloads bench/torch_peer.py measures in PyTorch, and prints one
// JSON object per line ({"impl", "name", "threads", "value", "unit"}) for bench/compare.py to pair up.
// The same file runs on NotebookDL's managed engine (this project) and on TorchSharp (NotebookDL.Bench.TorchSharp):
// each project's GlobalUsings.cs and Engine.cs bind it.
Engine.Load();
var threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var only = args.Length > 1 ? args[1] : "";
set_num_threads(threads);

foreach (var size in new[] { 256, 512, 1024 })
    if (Wanted($"matmul_{size}")) MatmulGflops($"matmul_{size}", size, size, size);
if (Wanted("matmul_128x784x512")) MatmulGflops("matmul_128x784x512", 128, 784, 512);
if (Wanted("mlp_step")) TrainStep("mlp_step", Models.Mlp(), randn(128, 784), randint(0, 10, [128]), repeats: 30);
if (Wanted("mnist_cnn_step")) TrainStep("mnist_cnn_step", Models.MnistCnn(), randn(128, 1, 28, 28), randint(0, 10, [128]), repeats: 20);
if (Wanted("cifar_cnn_step")) TrainStep("cifar_cnn_step", Models.CifarBaseline(), randn(32, 3, 32, 32), randint(0, 10, [32]), repeats: 30);
if (Wanted("cifar_tuned_step"))
{
    var tuned = Models.CifarTuned();
    TrainStep("cifar_tuned_step", tuned, randn(128, 3, 32, 32), randint(0, 10, [128]), repeats: 10, optim.Adam(tuned.parameters(), lr: 1e-4));
}
if (Wanted("fast_recipe_step"))
{
    var fast = Models.FastRecipe();
    var sgd = optim.SGD(fast.parameters().Where(p => p.requires_grad), 1e-3, momentum: 0.85, nesterov: true, weight_decay: 5e-4);
    TrainStep("fast_recipe_step", fast, randn(256, 3, 32, 32), randint(0, 10, [256]), repeats: 5, sgd, Engine.SmoothedCrossEntropySum(0.2));
}

if (Wanted("cifar_epoch") && Engine.CifarEpoch(Models.CifarBaseline()) is { } epochSeconds) Report("cifar_epoch", epochSeconds, "s");

bool Wanted(string name) => only.Length == 0 || name.StartsWith(only, StringComparison.Ordinal);

void Report(string name, double value, string unit) =>
    Console.WriteLine(FormattableString.Invariant($"{{\"impl\": \"{Engine.Name}\", \"name\": \"{name}\", \"threads\": {threads}, \"value\": {value:G6}, \"unit\": \"{unit}\"}}"));

void MatmulGflops(string name, int m, int k, int n)
{
    var a = randn(m, k);
    var b = randn(k, n);
    var flops = 2.0 * m * n * k;
    var repeats = Math.Max(3, (int)(2e10 / flops));
    var seconds = Median(() => a.matmul(b), repeats);
    Report(name, flops / seconds / 1e9, "GFLOP/s");
}

void TrainStep(string name, nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int repeats, optim.Optimizer? optimizer = null, nn.Module<Tensor, Tensor, Tensor>? loss = null)
{
    optimizer ??= optim.RMSProp(model.parameters(), lr: 1e-3);
    loss ??= nn.CrossEntropyLoss();
    model.train();
    var seconds = Median(() =>
    {
        optimizer.zero_grad();
        var l = loss.call(model.call(x), y);
        l.backward();
        optimizer.step();
        return l;
    }, repeats);
    Report(name, seconds * 1e3, "ms");
    Report(name + "_peak_memory", Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, "MiB");
}

// The median of timed runs after at least two seconds of warm-up: .NET compiles hot methods in tiers and
// only reaches optimized code after many calls, so short warm-ups time half-optimized code.
static double Median(Func<Tensor> action, int repeats)
{
    var warmup = Stopwatch.StartNew();
    // Each run in its own dispose scope: TorchSharp frees the step's native tensors there (the managed engine's scope is free).
    for (int i = 0; i < 3 || warmup.Elapsed.TotalSeconds < 2; i++)
        using (NewDisposeScope()) action();
    var times = new double[repeats];
    for (int i = 0; i < repeats; i++)
    {
        using var scope = NewDisposeScope();
        var watch = Stopwatch.StartNew();
        action();
        times[i] = watch.Elapsed.TotalSeconds;
    }
    Array.Sort(times);
    return times[repeats / 2];
}
