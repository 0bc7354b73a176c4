namespace NotebookDL.Display;

/// <summary>An optimizer to race on a surface: a name for the panel and how to build it over the parameters.</summary>
public sealed record OptimizerChoice(string Name, Func<IEnumerable<Modules.Parameter>, torch.optim.Optimizer> Create)
{
    /// <summary>
    /// The six optimizers of the textbook with settings that converge on the default surface 0.1·x² + 2·y² in
    /// about 20 steps, so the pictures show each method's character rather than a bad learning rate.
    /// </summary>
    public static IReadOnlyList<OptimizerChoice> Defaults { get; } =
    [
        new("SGD (lr 0.4)", p => torch.optim.SGD(p, 0.4)),
        new("Momentum (lr 0.3, \u03bc 0.6)", p => torch.optim.SGD(p, 0.3, momentum: 0.6)),
        new("Nesterov (lr 0.3, \u03bc 0.6)", p => torch.optim.SGD(p, 0.3, momentum: 0.6, nesterov: true)),
        new("Adagrad (lr 1.5)", p => torch.optim.Adagrad(p, lr: 1.5)),
        new("RMSProp (lr 0.3, \u03b1 0.9)", p => torch.optim.RMSProp(p, lr: 0.3, alpha: 0.9)),
        new("Adam (lr 0.8)", p => torch.optim.Adam(p, lr: 0.8)),
    ];
}
