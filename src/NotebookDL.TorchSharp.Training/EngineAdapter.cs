using System.Text;

namespace NotebookDL;

/// <summary>
/// TorchSharp's side of the few things the shared training layer (src/NotebookDL.Training) needs and the two
/// engines spell differently; the managed engine has a file of the same name and members (src/NotebookDL).
/// </summary>
internal static class EngineAdapter
{
    // TorchSharp's optimizer state has its own binary format (per-optimizer state classes, not named tensors), so a
    // checkpoint keeps that stream whole, base64 in the metadata.
    private const string StateKey = "optimizer_state_torchsharp";

    /// <summary>The tensor's elements in row-major order; the dtype must match <typeparamref name="T"/>.</summary>
    public static T[] ToArray<T>(Tensor tensor) where T : unmanaged
    {
        using var scope = torch.NewDisposeScope(); // the CPU copy, when the tensor lives on a GPU
        return tensor.cpu().contiguous().data<T>().ToArray();
    }

    public static string FormatShape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The element count of a shape, refused by name when it is past what one .NET array holds.</summary>
    public static int CheckedElementCount(long[] shape, string op)
    {
        var n = shape.Aggregate(1.0, (product, size) => product * size); // a double cannot overflow here
        if (n > Array.MaxLength)
            throw new ArgumentException($"{op}: a tensor of shape {FormatShape(shape)} has {n:N0} elements, more than NotebookDL's safetensors reader can hold in one .NET array ({Array.MaxLength:N0}).");
        return (int)n;
    }

    /// <summary>TorchSharp's ops cannot be interrupted midway; fit checks the caller's token and the cell's interrupt between batches.</summary>
    public static bool IsInterruptRequested(CancellationToken token) => Interruption.IsRequested(token);

    /// <summary>Rows <paramref name="rows"/> of a tensor, copied into one new tensor on its device.</summary>
    public static Tensor GatherRows(Tensor source, long[] rows)
    {
        using var indices = torch.tensor(rows, device: source.device);
        return source.index_select(0, indices);
    }

    /// <summary>Moves a tensor out of the current dispose scope, so the scope's end does not free it.</summary>
    public static Tensor KeepBeyondScope(Tensor tensor) => tensor.MoveToOuterDisposeScope();

    public static double GetLearningRate(torch.optim.Optimizer optimizer) => optimizer.ParamGroups.First().LearningRate;

    public static void SetLearningRate(torch.optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }

    /// <summary>The optimizer's state for a checkpoint: no named tensors, TorchSharp's own stream in the metadata.</summary>
    public static (Dictionary<string, Tensor> tensors, Dictionary<string, string> metadata) SaveOptimizerState(torch.optim.Optimizer optimizer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true)) Serializable(optimizer).save_state_dict(writer);
        return ([], new Dictionary<string, string> { [StateKey] = Convert.ToBase64String(buffer.ToArray()) });
    }

    /// <summary>Restores what <see cref="SaveOptimizerState"/> wrote into <paramref name="path"/>.</summary>
    public static void LoadOptimizerState(torch.optim.Optimizer optimizer, Dictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata, string path)
    {
        if (!metadata.TryGetValue(StateKey, out var state))
            throw new InvalidDataException(
                $"'{path}' holds no TorchSharp optimizer state (it was probably saved with the managed engine); " +
                "load its weights with model.load_weights(path) and start a new fit.");
        using var reader = new BinaryReader(new MemoryStream(Convert.FromBase64String(state)), Encoding.UTF8);
        Serializable(optimizer).load_state_dict(reader);
    }

    /// <summary>TorchSharp's own optimizers derive from OptimizerHelper, which reads and writes their state.</summary>
    private static Modules.OptimizerHelper Serializable(torch.optim.Optimizer optimizer) =>
        optimizer as Modules.OptimizerHelper ?? throw new NotSupportedException(
            $"A checkpoint cannot store the state of a {optimizer.GetType().Name}: only TorchSharp's own optimizers (torch.optim.Adam, SGD, ...) " +
            "can be saved. Use ModelCheckpoint(save_weights_only: true) to keep the weights.");

    /// <summary>
    /// The random numbers of a synthetic dataset: seeded by <paramref name="seed"/> (the same samples as on the managed
    /// engine), else by a draw from libtorch's default generator, so torch.manual_seed makes them reproducible.
    /// </summary>
    public static Xoshiro256 RandomStream(long? seed)
    {
        if (seed is { } s) return new Xoshiro256(s);
        using var draw = torch.randint(long.MaxValue, [1], dtype: ScalarType.Int64);
        return new Xoshiro256(draw.item<long>());
    }

    /// <summary>A generator seeded with <paramref name="seed"/>, for reproducible random tensors (gradcheck's directions).</summary>
    public static torch.Generator SeededGenerator(long seed) => new(unchecked((ulong)seed));

    /// <summary>Element <paramref name="index"/> (row-major) of a float32 CPU tensor.</summary>
    public static float ReadElement(Tensor tensor, long index)
    {
        using var flat = Flat(tensor);
        return flat.data<float>()[index];
    }

    /// <summary>Overwrites element <paramref name="index"/> (row-major) of a float32 CPU tensor in place, outside autograd.</summary>
    public static void WriteElement(Tensor tensor, long index, float value)
    {
        using var flat = Flat(tensor);
        var elements = flat.data<float>();
        elements[index] = value;
    }

    /// <summary>A gradient's values, or zeros where autograd found no path (allow_unused gives an undefined tensor).</summary>
    public static float[] GradientValues(Tensor? gradient, long count) =>
        gradient is null || gradient.IsInvalid ? new float[count] : ToArray<float>(gradient);

    /// <summary>A flat view sharing the tensor's memory: element writes must reach the tensor itself.</summary>
    private static Tensor Flat(Tensor tensor)
    {
        if (tensor.dtype != ScalarType.Float32 || tensor.device_type != global::TorchSharp.DeviceType.CPU || !tensor.is_contiguous())
            throw new ArgumentException($"gradcheck: inputs must be contiguous float32 tensors on the CPU, got {tensor.dtype} on {tensor.device} (contiguous: {tensor.is_contiguous()}).");
        return tensor.detach().view(-1);
    }
}
