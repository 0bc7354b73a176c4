namespace NotebookDL.Training;

/// <summary>
/// The optimizer compile() takes: a torch optimizer, or a Keras name ("rmsprop", "adam", "sgd",
/// "adagrad", "adadelta", "adamw") built over the model's parameters with Keras' defaults
/// (for example RMSprop lr 0.001, rho 0.9, epsilon 1e-7).
/// </summary>
public sealed class OptimizerSpec
{
    private readonly torch.optim.Optimizer? optimizer;
    private readonly string? keras;

    private OptimizerSpec(torch.optim.Optimizer? optimizer, string? keras) => (this.optimizer, this.keras) = (optimizer, keras);

    public static implicit operator OptimizerSpec(string name) => new(null, name);

    public static implicit operator OptimizerSpec(torch.optim.Optimizer optimizer) => new(optimizer, null);

    internal torch.optim.Optimizer Resolve(IEnumerable<Modules.Parameter> parameters)
    {
        if (optimizer is not null) return optimizer;
        return keras!.ToLowerInvariant() switch
        {
            "rmsprop" => torch.optim.RMSProp(parameters, lr: 0.001, alpha: 0.9, eps: 1e-7),
            "adam" => torch.optim.Adam(parameters, lr: 0.001, eps: 1e-7),
            "adamw" => torch.optim.AdamW(parameters, lr: 0.001, eps: 1e-7, weight_decay: 0.004),
            "sgd" => torch.optim.SGD(parameters, 0.01),
            "adagrad" => torch.optim.Adagrad(parameters, lr: 0.001, initial_accumulator_value: 0.1, eps: 1e-7),
            "adadelta" => torch.optim.Adadelta(parameters, lr: 0.001, rho: 0.95, eps: 1e-7),
            _ => throw new ArgumentException($"Unknown optimizer '{keras}': use \"rmsprop\", \"adam\", \"adamw\", \"sgd\", \"adagrad\" or \"adadelta\", or pass an optimizer such as optim.Adam(model.parameters())."),
        };
    }
}
