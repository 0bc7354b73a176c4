namespace NotebookDL.Display;

/// <summary>The activation and loss functions of the textbook, ready for <c>plot_functions</c>.</summary>
public static class Activations
{
    // nn.functional.step, spelled with ops TorchSharp has too (it has no step)
    public static NamedFunction step { get; } = new("step", x => (x >= 0).to(x.dtype).detach());

    public static NamedFunction sigmoid { get; } = new("sigmoid", x => x.sigmoid());

    public static NamedFunction tanh { get; } = new("tanh", x => x.tanh());

    public static NamedFunction relu { get; } = new("ReLU", x => x.relu());

    /// <summary>Leaky ReLU; the default slope 0.1 is larger than PyTorch's 0.01 so the leak is visible in a plot.</summary>
    public static NamedFunction leaky_relu(double negative_slope = 0.1) =>
        new($"leaky ReLU ({Numbers.Compact(negative_slope)})", x => torch.nn.functional.leaky_relu(x, negative_slope));

    /// <summary>
    /// Component <paramref name="index"/> of softmax(z) where z = (x, others...): how one class's probability
    /// rises with its own logit while the other logits stay fixed.
    /// </summary>
    public static NamedFunction softmax_component(int index, params double[] others)
    {
        if (others.Length == 0) others = [1, 0];
        if (index < 0 || index > others.Length) throw new ArgumentOutOfRangeException(nameof(index), $"softmax_component: index must be in [0, {others.Length}] for {others.Length + 1} logits.");
        var logits = string.Join(", ", others.Select(Numbers.Compact).Prepend("x"));
        return new($"softmax({logits})[{index}]", x =>
        {
            var z = torch.stack(others.Select(o => torch.full_like(x, o)).Prepend(x), 1);
            return torch.nn.functional.softmax(z, 1).select(1, index);
        });
    }

    /// <summary>All components of softmax(x, others...), one function each.</summary>
    public static IReadOnlyList<NamedFunction> softmax_components(params double[] others)
    {
        if (others.Length == 0) others = [1, 0];
        return Enumerable.Range(0, others.Length + 1).Select(i => softmax_component(i, others)).ToList();
    }

    /// <summary>The cross-entropy of one sample as a function of the probability p given to its true class: −log p.</summary>
    public static NamedFunction neg_log { get; } = new("\u2212log p", p => -p.log());

    /// <summary>step, sigmoid, tanh, ReLU and leaky ReLU: the activation chapter's figure.</summary>
    public static IReadOnlyList<NamedFunction> all => [step, sigmoid, tanh, relu, leaky_relu()];
}
