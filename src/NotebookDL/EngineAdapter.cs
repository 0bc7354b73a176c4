using System.Text.Json;

namespace NotebookDL;

/// <summary>
/// The managed engine's side of the few things the shared training layer (src/NotebookDL.Training) needs and the
/// two engines spell differently. The TorchSharp flavour has a file of the same name and members; everything
/// else in the shared folder is written once against the API both engines have in common.
/// </summary>
internal static class EngineAdapter
{
    private const string OptionsKey = "optimizer_options";

    /// <summary>The tensor's elements in row-major order; the dtype must match <typeparamref name="T"/>.</summary>
    public static T[] ToArray<T>(Tensor tensor) where T : unmanaged => tensor.ToArray<T>();

    public static string FormatShape(long[] shape) => Shapes.Format(shape);

    /// <summary>The element count of a shape, refused by name when it is past what one .NET array holds.</summary>
    public static int CheckedElementCount(long[] shape, string op) => Shapes.CheckedCount(shape, op);

    /// <summary>Whether the cell's interrupt or the caller's token asks training to stop.</summary>
    public static bool IsInterruptRequested(CancellationToken token) => Interruption.IsRequested(token);

    /// <summary>Rows <paramref name="rows"/> of a contiguous tensor, copied into one new tensor.</summary>
    public static Tensor GatherRows(Tensor source, long[] rows) =>
        RowCopy.Gather(source, source.numel() / Math.Max(1, source.size(0)), rows);

    /// <summary>The managed engine's tensors are garbage collected: there is no dispose scope to leave.</summary>
    public static Tensor KeepBeyondScope(Tensor tensor) => tensor;

    public static double GetLearningRate(torch.optim.Optimizer optimizer) => optimizer.param_groups[0].LearningRate;

    public static void SetLearningRate(torch.optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.param_groups) group.LearningRate = learningRate;
    }

    /// <summary>The optimizer's buffers as named tensors and its hyper-parameters as metadata, for a checkpoint.</summary>
    public static (Dictionary<string, Tensor> tensors, Dictionary<string, string> metadata) SaveOptimizerState(torch.optim.Optimizer optimizer)
    {
        var state = optimizer.state_dict();
        return (new Dictionary<string, Tensor>(state.State), new Dictionary<string, string> { [OptionsKey] = JsonSerializer.Serialize(state.Options) });
    }

    /// <summary>Restores what <see cref="SaveOptimizerState"/> wrote into <paramref name="path"/>.</summary>
    public static void LoadOptimizerState(torch.optim.Optimizer optimizer, Dictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata, string path)
    {
        if (!metadata.TryGetValue(OptionsKey, out var options))
            throw new InvalidDataException(
                $"'{path}' holds no managed-engine optimizer state (it was probably saved with the TorchSharp engine); " +
                "load its weights with model.load_weights(path) and start a new fit.");
        var state = new torch.optim.Optimizer.StateDictionary();
        foreach (var (k, v) in tensors) state.State[k] = v;
        foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, double>>(options)!) state.Options[k] = v;
        optimizer.load_state_dict(state);
    }

    /// <summary>The random numbers of a synthetic dataset: a stream seeded by <paramref name="seed"/>, else the default generator's own.</summary>
    public static Xoshiro256 RandomStream(long? seed) => seed is { } s ? new Xoshiro256(s) : torch.Generator.Default.Stream;

    /// <summary>A generator seeded with <paramref name="seed"/>, for reproducible random tensors (gradcheck's directions).</summary>
    public static torch.Generator SeededGenerator(long seed) => new(seed);

    /// <summary>Element <paramref name="index"/> (row-major) of a float32 tensor.</summary>
    public static float ReadElement(Tensor tensor, long index) => tensor.FloatData[tensor.StorageIndex((int)index)];

    /// <summary>Overwrites element <paramref name="index"/> (row-major) of a float32 tensor in place, outside autograd.</summary>
    public static void WriteElement(Tensor tensor, long index, float value) => tensor.FloatData[tensor.StorageIndex((int)index)] = value;

    /// <summary>A gradient's values, or zeros where autograd found no path (allow_unused).</summary>
    public static float[] GradientValues(Tensor? gradient, long count) => gradient?.contiguous().ToArray<float>() ?? new float[count];
}
