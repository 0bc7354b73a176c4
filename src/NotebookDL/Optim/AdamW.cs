using System.Numerics.Tensors;
using static NotebookDL.torch.optim;

namespace NotebookDL.Modules;

/// <summary>
/// AdamW, Adam with decoupled weight decay: PyTorch 1.13's <c>_single_tensor_adamw</c>, in float32.
/// Buffers start at zero. For each parameter θ with gradient ∇θ:
/// <code>
/// step       = step + 1
/// g          = maximize ? −∇θ : ∇θ
/// θ          = θ·(1 − lr·weight_decay)                    (decoupled decay, before the moments)
/// exp_avg    = beta1·exp_avg + (1 − beta1)·g
/// exp_avg_sq = beta2·exp_avg_sq + (1 − beta2)·g·g
/// bc1 = 1 − beta1^step;  bc2 = 1 − beta2^step              (double)
/// if amsgrad: max_exp_avg_sq = max(max_exp_avg_sq, exp_avg_sq);  v = max_exp_avg_sq
/// else:       v = exp_avg_sq
/// θ          = θ − (lr / bc1)·exp_avg / (sqrt(v) / sqrt(bc2) + eps)
/// </code>
/// State (<see cref="Adam.State"/>): step, exp_avg, exp_avg_sq, max_exp_avg_sq (amsgrad).
/// The default weight_decay is PyTorch's 0.01.
/// </summary>
public class AdamW : OptimizerHelper, IBetas
{
    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    public AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : base(new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize })
    {
        AddGroups(parameters);
    }

    /// <summary>The default betas (TorchSharp's IBetas on the optimizer); groups keep their own.</summary>
    public (double, double) Betas
    {
        get => (((Options)_defaults).beta1 ?? 0, ((Options)_defaults).beta2 ?? 0);
        set => (((Options)_defaults).beta1, ((Options)_defaults).beta2) = value;
    }

    private double lr, beta1, beta2, eps, weightDecay;
    private bool amsgrad, maximize;

    protected override OptimizerOptions CreateOptions() => new Options();

    protected override OptimizerState CreateState(Parameter parameter) => new Adam.State(parameter);

    protected override void ValidateOptions(OptimizerOptions options)
    {
        var o = (Options)options;
        CheckNonNegative(o.LearningRate ?? 0, "learning rate");
        CheckNonNegative(o.eps ?? 0, "epsilon value");
        CheckRange(o.beta1 ?? 0, "beta parameter at index 0 (beta1)", 0, 1, highInclusive: false);
        CheckRange(o.beta2 ?? 0, "beta parameter at index 1 (beta2)", 0, 1, highInclusive: false);
        CheckNonNegative(o.weight_decay ?? 0, "weight_decay value");
    }

    protected override void BeginGroup(OptimizerOptions options)
    {
        lr = options.Require("lr");
        beta1 = options.Require("beta1");
        beta2 = options.Require("beta2");
        eps = options.Require("eps");
        weightDecay = options.Require("weight_decay");
        amsgrad = options.RequireFlag("amsgrad");
        maximize = options.RequireFlag("maximize");
    }

    protected override void Update(OptimizerState state, Span<float> param, ReadOnlySpan<float> grad)
    {
        var st = (Adam.State)state;
        st.step += 1;
        var g = PrepareGrad(grad, param, maximize, weight_decay: 0);
        var decay = (float)(1 - lr * weightDecay);
        if (decay != 1) TensorPrimitives.Multiply(param, decay, param);
        AdamUpdate.Apply(st, param, g, lr, beta1, beta2, eps, amsgrad, Scratch(1, g.Length), Scratch(2, g.Length));
    }

    /// <summary>AdamW's options are Adam's; the type is distinct so groups are not mixed up between the two.</summary>
    public class Options : Adam.Options { }

    /// <summary>A group with its own AdamW options; arguments left null come from the optimizer's defaults.</summary>
    public class ParamGroup : ParamGroup<Options>, IBetas
    {
        public ParamGroup() { }

        public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

        public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? beta1 = null, double? beta2 = null, double? eps = null, double? weight_decay = null, bool? amsgrad = null, bool? maximize = null)
            : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize })
        {
        }

        public (double, double) Betas
        {
            get => (Options.beta1 ?? 0, Options.beta2 ?? 0);
            set => (Options.beta1, Options.beta2) = value;
        }
    }
}
