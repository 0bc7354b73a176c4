namespace NotebookDL.Training;

/// <summary>
/// The loss compile() takes: a torch loss module (nn.CrossEntropyLoss(), ...) or a Keras name.
/// Keras names read the model's output the way Keras does: "categorical_crossentropy" expects
/// probabilities when the model ends in Softmax and logits otherwise, and one-hot targets;
/// "sparse_categorical_crossentropy" takes class indices; "binary_crossentropy" probabilities after
/// a Sigmoid, logits otherwise.
/// </summary>
public sealed class LossSpec
{
    private readonly torch.nn.Module<Tensor, Tensor, Tensor>? module;
    private readonly string? keras;

    private LossSpec(torch.nn.Module<Tensor, Tensor, Tensor>? module, string? keras) => (this.module, this.keras) = (module, keras);

    public static implicit operator LossSpec(string name) => new(null, name);

    public static implicit operator LossSpec(torch.nn.Module<Tensor, Tensor, Tensor> module) => new(module, null);

    public string Name => keras ?? module!.GetType().Name;

    /// <summary>Resolves to a (output, target) → scalar function for a model whose last layer is <paramref name="last"/>.</summary>
    internal (Func<Tensor, Tensor, Tensor> loss, OutputKind kind) Resolve(torch.nn.Module? last)
    {
        var endsInSoftmax = last is Modules.Softmax;
        var endsInSigmoid = last is Modules.Sigmoid;
        if (module is not null)
        {
            var kind = module switch
            {
                Modules.BCEWithLogitsLoss => OutputKind.BinaryLogit,
                Modules.BCELoss => OutputKind.BinaryProbability,
                _ => OutputKind.MultiClass,
            };
            return (module.call, kind);
        }
        const double clip = 1e-7; // Keras' epsilon: probabilities are clipped before the log
        return keras!.ToLowerInvariant() switch
        {
            "categorical_crossentropy" => (endsInSoftmax
                ? (p, y) => -(y * p.clamp(clip, 1 - clip).log()).sum(1).mean()
                : (z, y) => torch.nn.functional.cross_entropy(z, y), OutputKind.MultiClass),
            "sparse_categorical_crossentropy" => (endsInSoftmax
                ? (p, y) => torch.nn.functional.nll_loss(p.clamp(clip, 1 - clip).log(), y.to(ScalarType.Int64).reshape(-1))
                : (z, y) => torch.nn.functional.cross_entropy(z, y.to(ScalarType.Int64).reshape(-1)), OutputKind.MultiClass),
            "binary_crossentropy" => endsInSigmoid
                ? ((p, y) => torch.nn.functional.binary_cross_entropy(p.clamp(clip, 1 - clip), y.to(ScalarType.Float32).reshape(p.shape)), OutputKind.BinaryProbability)
                : ((z, y) => torch.nn.functional.binary_cross_entropy_with_logits(z, y.to(ScalarType.Float32).reshape(z.shape)), OutputKind.BinaryLogit),
            "mse" or "mean_squared_error" => ((a, b) => torch.nn.functional.mse_loss(a, b.reshape(a.shape)), OutputKind.MultiClass),
            "mae" or "mean_absolute_error" => ((a, b) => torch.nn.functional.l1_loss(a, b.reshape(a.shape)), OutputKind.MultiClass),
            _ => throw new ArgumentException(
                $"Unknown loss '{keras}': use \"categorical_crossentropy\", \"sparse_categorical_crossentropy\", \"binary_crossentropy\", \"mse\" or \"mae\", or a loss module such as nn.CrossEntropyLoss()."),
        };
    }
}
