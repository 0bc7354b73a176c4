using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// Batch normalization over the channel dim (1). Learnable weight (ones) and bias (zeros) when affine; running
/// mean (zeros), variance (ones) and an int64 batch counter as buffers when track_running_stats, which is what
/// eval mode normalizes with and what state_dict saves.
/// </summary>
public abstract class BatchNorm : nn.Module<Tensor, Tensor>
{
    protected BatchNorm(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype, string name)
        : base(name)
    {
        if (num_features <= 0) throw new ArgumentException($"{name}: num_features must be positive, got {num_features}.");
        if (!(eps >= 0)) throw new ArgumentException($"{name}: eps must be non-negative (it keeps the division away from zero), got {eps}.");
        if (momentum is { } m && !(m >= 0 && m <= 1)) throw new ArgumentException($"{name}: momentum must be in [0, 1], got {m}.");
        Linear.CheckFloat32(dtype, name);
        this.num_features = num_features;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.track_running_stats = track_running_stats;
        if (affine)
        {
            weight = new Parameter(ones([num_features], device: device));
            bias = new Parameter(zeros([num_features], device: device));
        }
        if (track_running_stats)
        {
            running_mean = zeros([num_features], device: device);
            running_var = ones([num_features], device: device);
            num_batches_tracked = tensor(0L, device: device);
        }
    }

    public long num_features { get; }

    public double eps { get; set; }

    /// <summary>Weight of the newest batch in the running statistics; null means a plain average over all batches so far.</summary>
    public double? momentum { get; set; }

    public bool affine { get; }

    public bool track_running_stats { get; }

    public Parameter? weight
    {
        get;
        set { field = value; ConditionallyRegisterParameter(nameof(weight), value); }
    }

    public Parameter? bias
    {
        get;
        set { field = value; ConditionallyRegisterParameter(nameof(bias), value); }
    }

    public Tensor? running_mean
    {
        get;
        set { field = value; ConditionallyRegisterBuffer(nameof(running_mean), value); }
    }

    public Tensor? running_var
    {
        get;
        set { field = value; ConditionallyRegisterBuffer(nameof(running_var), value); }
    }

    public Tensor? num_batches_tracked
    {
        get;
        set { field = value; ConditionallyRegisterBuffer(nameof(num_batches_tracked), value); }
    }

    /// <summary>What the input must look like, e.g. "[N, 4] or [N, 4, L]", for error messages.</summary>
    protected abstract string ExpectedShape { get; }

    protected abstract bool HasValidRank(Tensor input);

    public void reset_running_stats()
    {
        if (!track_running_stats) return;
        nn.init.zeros_(running_mean!);
        nn.init.ones_(running_var!);
        using (no_grad()) num_batches_tracked!.zero_();
    }

    public void reset_parameters()
    {
        reset_running_stats();
        if (weight is not null) nn.init.ones_(weight);
        if (bias is not null) nn.init.zeros_(bias);
    }

    public override Tensor forward(Tensor input)
    {
        if (!HasValidRank(input) || input.Shape[1] != num_features)
            throw new ArgumentException(
                $"{GetName()}(num_features={num_features}) expects input {ExpectedShape} but got {Shapes.Format(input.Shape)}" +
                (HasValidRank(input) ? $": dim 1 holds {input.Shape[1]} channels, not {num_features}." : "."));
        var factor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is not null)
        {
            using (no_grad()) num_batches_tracked.add_(tensor(1L)); // an int64 add: counting through float32 would stall at 2^24
            factor = momentum ?? 1.0 / num_batches_tracked.item<long>();
        }
        // Batch statistics are used in training, and also in eval when there are no running statistics to use.
        var useBatchStats = training || (running_mean is null && running_var is null);
        var keepRunning = !training || track_running_stats;
        return nn.functional.batch_norm(input, keepRunning ? running_mean : null, keepRunning ? running_var : null,
            weight, bias, useBatchStats, factor, eps);
    }

    public override string extra_repr() =>
        $"{num_features}, eps={PyRepr(eps)}, momentum={(momentum is { } m ? PyRepr(m) : "None")}, affine={PyRepr(affine)}, track_running_stats={PyRepr(track_running_stats)}";
}
