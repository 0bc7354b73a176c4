using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NotebookDL.Training;

namespace NotebookDL.Display;

/// <summary>
/// The engine-level work behind the notebook magics (#!seed, #!threads, #!about, #!summary, #!plot-history).
/// NotebookDL's kernel and its .NET Interactive extension both call these, so the two hosts do and say the same;
/// each host only parses its own command line and shows the result its own way.
/// </summary>
public static class NotebookCommands
{
    public const string SeedSummary = "Seeds the engine's random generator (init, dropout, shuffling, augmentation) for reproducible runs.";
    public const string ThreadsSummary = "Sets (or shows) how many threads the engine's compute kernels use.";
    public const string AboutSummary = "Shows versions, the engine, its compute device, threads and SIMD width.";
    public const string SummarySummary = "Shows a model summary: each layer's output shape and parameter count (a dry forward pass).";
    public const string PlotHistorySummary = "Plots a training history (what fit returns): loss and metrics per epoch.";

    /// <summary>Seeds the default generator, which every op draws from unless handed its own; returns the line to show.</summary>
    public static string Seed(long seed)
    {
        torch.manual_seed(seed);
        return $"Seeded the {DisplayAdapter.EngineName} engine's random generator with {seed}.";
    }

    /// <summary>A seed as typed after #!seed; anything but an integer is an argument error.</summary>
    public static long ParseSeed(string? text) =>
        long.TryParse(text, out var seed) ? seed : throw new CommandArgumentException($"the seed must be an integer, got '{text}'");

    /// <summary>A thread count as typed after #!threads; null when none is given (show the count).</summary>
    public static int? ParseThreads(string? text) =>
        text is null ? null
        : int.TryParse(text, out var threads) ? threads
        : throw new CommandArgumentException($"the thread count N must be an integer, got '{text}'");

    /// <summary>Sets the compute threads when <paramref name="threads"/> is given (at least 1); returns the line to show.</summary>
    public static string Threads(int? threads)
    {
        if (threads is null)
            return $"The {DisplayAdapter.EngineName} engine uses {HostServices.GetThreads()} compute threads ({Environment.ProcessorCount} logical cores).";
        if (threads < 1) throw new CommandArgumentException($"the thread count must be at least 1, got {threads}");
        HostServices.SetThreads(threads.Value);
        return $"The {DisplayAdapter.EngineName} engine now uses {HostServices.GetThreads()} compute threads.";
    }

    /// <summary>Versions, the engine and its device, threads and SIMD width; <paramref name="host"/> names the notebook host and its version.</summary>
    public static IReadOnlyList<(string Name, string Value)> About((string Name, string Value) host)
    {
        var widest = Vector512.IsHardwareAccelerated ? "512-bit (AVX-512)" : Vector256.IsHardwareAccelerated ? "256-bit" : Vector128.IsHardwareAccelerated ? "128-bit" : "none";
        return
        [
            ("NotebookDL", Version(typeof(NotebookCommands).Assembly)),
            host,
            (".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})"),
            ("OS", RuntimeInformation.OSDescription),
            .. HostServices.Facts().Select(fact => (fact.Key, fact.Value)),
            ("Threads", $"{HostServices.GetThreads()} compute threads, {Environment.ProcessorCount} logical cores"),
            ("SIMD", $"Vector<float> is {Vector<float>.Count * 32}-bit ({Vector<float>.Count} lanes); widest hardware vectors: {widest}"),
        ];
    }

    /// <summary>The facts of <see cref="About"/> as aligned lines.</summary>
    public static string AboutText((string Name, string Value) host)
    {
        var facts = About(host);
        var width = Math.Max(12, facts.Max(fact => fact.Name.Length) + 2);
        return string.Join(Environment.NewLine, facts.Select(fact => fact.Name.PadRight(width) + fact.Value));
    }

    /// <summary>An assembly's informational version without the commit hash ("1.0.0-beta.26120.1"), else its version.</summary>
    public static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>One sample's shape without the batch dimension, as written after --input-size: "1,28,28", "(3, 32, 32)".</summary>
    public static long[] ParseInputSize(string? text)
    {
        if (text is null) throw new CommandArgumentException("missing --input-size (one sample's shape without the batch dimension, e.g. 1,28,28)");
        var parts = text.Trim('(', ')', '[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shape = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], out shape[i]) || shape[i] < 1)
                throw new CommandArgumentException($"--input-size must be positive integers separated by commas, got '{text}'");
        return shape.Length > 0 ? shape : throw new CommandArgumentException("--input-size is empty");
    }

    /// <summary>The summary of <paramref name="value"/> (what <paramref name="expression"/> evaluated to) for one sample of <paramref name="inputSize"/>.</summary>
    public static ModelSummary Summary(object? value, string expression, long[] inputSize, bool showKernelShape = false, bool showMultAdds = false)
    {
        if (value is not torch.nn.Module<torch.Tensor, torch.Tensor> model)
            throw new CommandArgumentException($"'{expression}' is {Describe(value)}, not a model taking and returning a tensor");
        return ModelSummary.Of(model, inputSize) with { ShowKernelShape = showKernelShape, ShowMultAdds = showMultAdds };
    }

    /// <summary>The learning curves of <paramref name="value"/> (what <paramref name="expression"/> evaluated to).</summary>
    public static HistoryChart PlotHistory(object? value, string expression) =>
        value is History history
            ? HistoryChart.From(history)
            : throw new CommandArgumentException($"'{expression}' is {Describe(value)}, not the History that fit returns");

    private static string Describe(object? value) => value is null ? "null" : "a " + TypeNames.Of(value.GetType());
}
