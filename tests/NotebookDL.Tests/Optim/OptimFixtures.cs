using System.Text.Json;
using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Optim;

/// <summary>
/// Reads optimizers.json and schedulers.json (written by tests/golden/generate_golden.py) and maps their
/// python keyword arguments onto the C# factories.
/// </summary>
internal static class OptimFixtures
{
    private static readonly Lazy<JsonDocument> Optimizers = new(() => Load("optimizers.json"));
    private static readonly Lazy<JsonDocument> Schedulers = new(() => Load("schedulers.json"));

    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)));

    public static JsonElement Problem => Optimizers.Value.RootElement.GetProperty("problem");

    public static JsonElement OptimizerCase(string name) => Find(Optimizers.Value, name);

    public static JsonElement SchedulerCase(string name) => Find(Schedulers.Value, name);

    public static IEnumerable<string> OptimizerCaseNames() => Names(Optimizers.Value);

    public static IEnumerable<string> SchedulerCaseNames() => Names(Schedulers.Value);

    private static IEnumerable<string> Names(JsonDocument doc) =>
        doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();

    private static JsonElement Find(JsonDocument doc, string name) =>
        doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>A fixture tensor {"shape", "data"}; the doubles are exact float32 values.</summary>
    public static Tensor ToTensor(JsonElement t)
    {
        var shape = t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        var data = t.GetProperty("data").EnumerateArray().Select(d => (float)d.GetDouble()).ToArray();
        return tensor(data, shape);
    }

    public static float[] Floats(JsonElement t) =>
        t.GetProperty("data").EnumerateArray().Select(d => (float)d.GetDouble()).ToArray();

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(d => d.GetDouble()).ToArray();

    /// <summary>
    /// Builds the case's optimizer. Keys missing from "config" take the values PyTorch reported in
    /// "defaults", so the trajectory test does not depend on the C# default arguments (tested separately).
    /// </summary>
    public static optim.Optimizer CreateOptimizer(JsonElement testCase, IEnumerable<Parameter> parameters)
    {
        var config = testCase.GetProperty("config");
        var defaults = testCase.GetProperty("defaults");
        double D(string key) => (config.TryGetProperty(key, out var v) ? v : defaults.GetProperty(key)).GetDouble();
        bool B(string key) => (config.TryGetProperty(key, out var v) ? v : defaults.GetProperty(key)).GetBoolean();
        double Beta(int i) => (config.TryGetProperty("betas", out var v) ? v : defaults.GetProperty("betas"))[i].GetDouble();

        return testCase.GetProperty("optimizer").GetString() switch
        {
            "SGD" => optim.SGD(parameters, D("lr"), momentum: D("momentum"), dampening: D("dampening"), weight_decay: D("weight_decay"), nesterov: B("nesterov"), maximize: B("maximize")),
            "Adagrad" => optim.Adagrad(parameters, D("lr"), lr_decay: D("lr_decay"), weight_decay: D("weight_decay"), initial_accumulator_value: D("initial_accumulator_value"), eps: D("eps"), maximize: B("maximize")),
            "Adadelta" => optim.Adadelta(parameters, D("lr"), rho: D("rho"), eps: D("eps"), weight_decay: D("weight_decay"), maximize: B("maximize")),
            "RMSprop" => optim.RMSProp(parameters, D("lr"), alpha: D("alpha"), eps: D("eps"), weight_decay: D("weight_decay"), momentum: D("momentum"), centered: B("centered"), maximize: B("maximize")),
            "Adam" => optim.Adam(parameters, D("lr"), beta1: Beta(0), beta2: Beta(1), eps: D("eps"), weight_decay: D("weight_decay"), amsgrad: B("amsgrad"), maximize: B("maximize")),
            "AdamW" => optim.AdamW(parameters, D("lr"), beta1: Beta(0), beta2: Beta(1), eps: D("eps"), weight_decay: D("weight_decay"), amsgrad: B("amsgrad"), maximize: B("maximize")),
            var other => throw new NotSupportedException($"fixture optimizer {other}"),
        };
    }

    /// <summary>The case's scheduler over <paramref name="optimizer"/>, python kwargs mapped to C# arguments.</summary>
    public static optim.lr_scheduler.LRScheduler CreateScheduler(JsonElement testCase, optim.Optimizer optimizer)
    {
        var config = testCase.GetProperty("config");
        double D(string key, double fallback) => config.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        int I(string key, int fallback) => config.TryGetProperty(key, out var v) ? v.GetInt32() : fallback;
        string S(string key, string fallback) => config.TryGetProperty(key, out var v) ? v.GetString()! : fallback;
        bool B(string key, bool fallback) => config.TryGetProperty(key, out var v) ? v.GetBoolean() : fallback;

        var sched = optim.lr_scheduler.impl.OneCycleLR.AnnealStrategy.Cos;
        if (S("anneal_strategy", "cos") == "linear") sched = optim.lr_scheduler.impl.OneCycleLR.AnnealStrategy.Linear;

        return testCase.GetProperty("scheduler").GetString() switch
        {
            "StepLR" => optim.lr_scheduler.StepLR(optimizer, I("step_size", 0), D("gamma", 0.1)),
            "ExponentialLR" => optim.lr_scheduler.ExponentialLR(optimizer, D("gamma", 0.1)),
            "CosineAnnealingLR" => optim.lr_scheduler.CosineAnnealingLR(optimizer, D("T_max", 0), D("eta_min", 0)),
            "OneCycleLR" => optim.lr_scheduler.OneCycleLR(optimizer, D("max_lr", 0), total_steps: I("total_steps", -1), pct_start: D("pct_start", 0.3),
                anneal_strategy: sched, three_phase: B("three_phase", false)),
            "ReduceLROnPlateau" => optim.lr_scheduler.ReduceLROnPlateau(optimizer, S("mode", "min"), D("factor", 0.1), I("patience", 10), D("threshold", 1e-4),
                S("threshold_mode", "rel"), I("cooldown", 0), config.TryGetProperty("min_lr", out var m) ? [m.GetDouble()] : null),
            var other => throw new NotSupportedException($"fixture scheduler {other}"),
        };
    }
}
