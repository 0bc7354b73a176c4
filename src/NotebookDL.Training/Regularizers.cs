using System.Runtime.CompilerServices;

namespace NotebookDL.Training;

/// <summary>A weight penalty added to the training loss, as Keras' kernel_regularizer.</summary>
public sealed record Regularizer(double L1, double L2)
{
    /// <summary>L1·Σ|w| + L2·Σw² over a layer's kernel (its "weight"; biases are not penalized, as in Keras).</summary>
    internal Tensor Penalty(Tensor weight)
    {
        // Built from the weight itself (not torch.zeros) so the penalty lives on the weight's device on either engine.
        var penalty = weight.sum() * 0.0;
        if (L2 != 0) penalty = penalty + weight.pow(2).sum() * L2;
        if (L1 != 0) penalty = penalty + weight.abs().sum() * L1;
        return penalty;
    }

    public override string ToString() => L1 == 0 ? $"l2({L2:G})" : L2 == 0 ? $"l1({L1:G})" : $"l1_l2(l1={L1:G}, l2={L2:G})";
}

/// <summary>Keras' regularizer factories: <c>nn.Linear(1024, 500).kernel_regularizer(l2(1e-4))</c>.</summary>
public static class regularizers
{
    private static readonly ConditionalWeakTable<torch.nn.Module, Regularizer> Attached = new();

    public static Regularizer l2(double l2 = 0.01) => Checked(0, l2);

    public static Regularizer l1(double l1 = 0.01) => Checked(l1, 0);

    public static Regularizer l1_l2(double l1 = 0.01, double l2 = 0.01) => Checked(l1, l2);

    private static Regularizer Checked(double l1, double l2)
    {
        if (l1 < 0 || l2 < 0 || double.IsNaN(l1) || double.IsNaN(l2))
            throw new ArgumentOutOfRangeException(nameof(l2), $"Regularization factors must be non-negative numbers, got l1={l1}, l2={l2}.");
        return new Regularizer(l1, l2);
    }

    /// <summary>Attaches a kernel penalty to a layer with a "weight" parameter and returns the layer, so it chains inside nn.Sequential(...).</summary>
    public static TModule kernel_regularizer<TModule>(this TModule layer, Regularizer regularizer) where TModule : torch.nn.Module
    {
        if (layer.named_parameters(recurse: false).All(p => p.name != "weight"))
            throw new ArgumentException($"{layer.GetName()} has no 'weight' parameter to regularize; attach the regularizer to a Linear or Conv2d layer.");
        Attached.AddOrUpdate(layer, regularizer);
        return layer;
    }

    /// <summary>The total penalty of every regularized layer inside <paramref name="model"/>, or null if none is.</summary>
    internal static Tensor? Penalty(torch.nn.Module model)
    {
        Tensor? total = null;
        foreach (var module in model.modules())
        {
            if (!Attached.TryGetValue(module, out var regularizer)) continue;
            var weight = module.named_parameters(recurse: false).First(p => p.name == "weight").parameter;
            var penalty = regularizer.Penalty(weight);
            total = total is null ? penalty : total + penalty;
        }
        return total;
    }
}
