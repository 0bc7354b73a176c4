using static NotebookDL.torch.optim;

namespace NotebookDL.Modules;

/// <summary>
/// A set of parameters optimized with their own hyper-parameters (TorchSharp.Modules.ParamGroup,
/// PyTorch's param_groups entry). Options left unset are filled from the optimizer's defaults when the
/// group is added.
/// </summary>
public class ParamGroup : ILearningRateController
{
    private Parameter[] parameters = [];
    private OptimizerOptions options = new();

    public ParamGroup() { }

    public ParamGroup(IEnumerable<Parameter> parameters, OptimizerOptions? options = null)
    {
        Parameters = parameters;
        if (options is not null) Options = options;
    }

    /// <summary>The group's parameters; setting it takes a snapshot, so lazy sequences are enumerated once.</summary>
    public IEnumerable<Parameter> Parameters
    {
        get => parameters;
        set => parameters = (value ?? throw new ArgumentNullException(nameof(value))).ToArray();
    }

    internal Parameter[] ParameterArray => parameters;

    public OptimizerOptions Options
    {
        get => options;
        set => options = value ?? throw new ArgumentNullException(nameof(value));
    }

    public double LearningRate
    {
        get => Options.LearningRate ?? throw new InvalidOperationException("This parameter group has no learning rate yet; add it to an optimizer first.");
        set => Options.LearningRate = value;
    }

    public double InitialLearningRate
    {
        get => Options.InitialLearningRate;
        set => Options.InitialLearningRate = value;
    }
}

/// <summary>A parameter group whose options have the optimizer's own options type.</summary>
public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions, new()
{
    public ParamGroup()
    {
        base.Options = new TOptions();
    }

    public ParamGroup(IEnumerable<Parameter> parameters, TOptions? options = null) : base(parameters, options ?? new TOptions()) { }

    public new TOptions Options
    {
        get => (TOptions)base.Options;
        set => base.Options = value;
    }
}
