namespace NotebookDL.Display;

/// <summary>
/// Builds a <see cref="ModelSummary"/> with one dry forward pass. A plain Sequential is walked child by child
/// (into nested Sequentials too), calling each layer on the previous output and recording its shape. Any other
/// module with children (a custom forward) is called as a whole with a forward hook on every layer inside it,
/// so each layer's output shape is recorded as the model's own code calls it (a layer never called shows "?").
/// The pass runs on zeros (the random generator is not touched) in eval mode under no_grad, and every module's
/// own train/eval flag is restored.
/// </summary>
internal sealed class SummaryBuilder
{
    private readonly List<SummaryRow> rows = [];
    private long activationElements;

    public static ModelSummary Build(torch.nn.Module<Tensor, Tensor> model, long[] inputSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSize);
        if (inputSize.Length == 0 || inputSize.Any(d => d <= 0))
            throw new ArgumentException($"summary: input_size is the shape of ONE sample without the batch dimension, e.g. (1, 28, 28) or (784); got ({string.Join(", ", inputSize)}).");
        // TorchSharp's tensors are native: the zeros and every layer output of the dry run are freed when it ends
        using var scope = torch.NewDisposeScope();
        var builder = new SummaryBuilder();
        Tensor? output;
        var device = model.parameters().FirstOrDefault()?.device; // a TorchSharp model may live on a GPU
        using (new EvalScope(model)) output = builder.Walk(model, "", -1, torch.zeros([1, .. inputSize], device: device));
        var parameters = model.parameters().ToList();
        var trainable = parameters.Where(p => p.requires_grad).Sum(p => p.numel());
        var frozen = parameters.Where(p => !p.requires_grad).Sum(p => p.numel()) + StatisticBuffers(model, recurse: true);
        return new ModelSummary(DisplayAdapter.TypeName(model), [-1, .. inputSize], builder.rows, trainable + frozen, trainable, frozen)
        {
            OutputShape = Batchless(output),
            MultAdds = builder.rows.Where(r => !r.IsContainer).Sum(r => r.MultAdds ?? 0),
            InputBytes = inputSize.Aggregate(1L, (a, b) => a * b) * sizeof(float),
            // outputs are kept for backward and each gets a gradient of the same size: hence twice
            ForwardBackwardBytes = 2 * builder.activationElements * sizeof(float),
            ParameterBytes = (trainable + frozen) * sizeof(float),
        };
    }

    private Tensor? Walk(torch.nn.Module module, string name, int depth, Tensor? input)
    {
        var children = module.named_children().ToList();
        if (module.GetType() == typeof(Modules.Sequential))
        {
            var index = AddContainerRow(module, name, depth);
            var x = input;
            foreach (var (childName, child) in children) x = Walk(child, childName, depth + 1, x);
            if (index >= 0) rows[index] = rows[index] with { OutputShape = Batchless(x) };
            return x;
        }
        if (children.Count == 0)
        {
            var output = input is not null && module is torch.nn.Module<Tensor, Tensor> callable ? Call(callable, name, input) : observed.GetValueOrDefault(module);
            if (depth < 0) depth = 0; // a single layer summarized on its own
            var shape = output?.shape;
            if (shape is not null) activationElements += output!.numel();
            rows.Add(new SummaryRow(name.Length == 0 ? DisplayAdapter.TypeName(module) : name, DisplayAdapter.TypeName(module), depth, Batchless(output), OwnCount(module, recurse: true), IsContainer: false)
            {
                KernelShape = LayerCost.KernelShape(module),
                MultAdds = shape is null ? null : LayerCost.MultAdds(module, shape),
            });
            return output;
        }
        var whole = input is not null && module is torch.nn.Module<Tensor, Tensor> model ? CallObserved(model, name, input) : observed.GetValueOrDefault(module);
        var at = AddContainerRow(module, name, depth);
        if (at >= 0) rows[at] = rows[at] with { OutputShape = Batchless(whole) };
        foreach (var (childName, child) in children) Walk(child, childName, depth + 1, null);
        return whole;
    }

    /// <summary>Each layer's first output during the observed call, by module.</summary>
    private readonly Dictionary<torch.nn.Module, Tensor> observed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Calls a custom module with a forward hook on every descendant that takes and returns one tensor.</summary>
    private Tensor CallObserved(torch.nn.Module<Tensor, Tensor> model, string name, Tensor input)
    {
        var removers = model.modules().Where(m => !ReferenceEquals(m, model)).OfType<torch.nn.Module<Tensor, Tensor>>()
            .Select(layer => layer.register_forward_hook((m, _, output) =>
            {
                observed.TryAdd(m, output);
                return null!; // null leaves the layer's output as it is
            }))
            .ToList();
        try
        {
            return Call(model, name, input);
        }
        finally
        {
            foreach (var remover in removers) remover.remove();
        }
    }

    /// <summary>The row for a container: its own direct parameters only, since its children get rows of their own.</summary>
    private int AddContainerRow(torch.nn.Module module, string name, int depth)
    {
        if (depth < 0) return -1; // the model itself is the summary's title, not a row
        var own = OwnCount(module, recurse: false);
        rows.Add(new SummaryRow(name, DisplayAdapter.TypeName(module), depth, null, own, IsContainer: true) { ParametersInChildren = own == 0 });
        return rows.Count - 1;
    }

    private static Tensor Call(torch.nn.Module<Tensor, Tensor> layer, string name, Tensor input)
    {
        try
        {
            return layer.call(input);
        }
        catch (Exception e) when (DisplayAdapter.LayerFailure(e) is { } reason)
        {
            throw new InvalidOperationException(
                $"summary: layer '{name}' ({DisplayAdapter.TypeName(layer)}) failed on an input of shape ({string.Join(", ", input.shape.Skip(1).Prepend(-1).Select(d => d < 0 ? "None" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}): {reason}", e);
        }
    }

    private static long OwnCount(torch.nn.Module module, bool recurse) =>
        module.parameters(recurse).Sum(p => p.numel()) + StatisticBuffers(module, recurse);

    /// <summary>Floating-point buffers (running mean/variance) are Keras' non-trainable weights; integer counters are not.</summary>
    private static long StatisticBuffers(torch.nn.Module module, bool recurse) =>
        module.buffers(recurse, include_nonpersistent: false).Where(b => b.dtype == ScalarType.Float32).Sum(b => b.numel());

    private static long[]? Batchless(Tensor? output) => output is null ? null : [-1, .. output.shape.Skip(1)];
}
