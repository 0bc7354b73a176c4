using static NotebookDL.torch.optim;

namespace NotebookDL.Modules;

/// <summary>
/// Adam (with optional AMSGrad): PyTorch 1.13's <c>_single_tensor_adam</c>, in float32. Buffers start at zero.
/// For each parameter θ with gradient ∇θ:
/// <code>
/// step       = step + 1
/// g          = maximize ? −∇θ : ∇θ
/// if weight_decay ≠ 0: g = g + weight_decay·θ              (L2 penalty, coupled)
/// exp_avg    = beta1·exp_avg + (1 − beta1)·g
/// exp_avg_sq = beta2·exp_avg_sq + (1 − beta2)·g·g
/// bc1 = 1 − beta1^step;  bc2 = 1 − beta2^step              (double)
/// if amsgrad: max_exp_avg_sq = max(max_exp_avg_sq, exp_avg_sq);  v = max_exp_avg_sq
/// else:       v = exp_avg_sq
/// denom      = sqrt(v) / sqrt(bc2) + eps
/// θ          = θ − (lr / bc1)·exp_avg / denom
/// </code>
/// State: step, exp_avg, exp_avg_sq, max_exp_avg_sq (amsgrad).
/// </summary>
public class Adam : OptimizerHelper, IBetas
{
    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    public Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
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

    protected override OptimizerState CreateState(Parameter parameter) => new State(parameter);

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
        var st = (State)state;
        st.step += 1;
        var g = PrepareGrad(grad, param, maximize, weightDecay);
        AdamUpdate.Apply(st, param, g, lr, beta1, beta2, eps, amsgrad, Scratch(1, g.Length), Scratch(2, g.Length));
    }

    /// <summary>Per-parameter moments; AdamW keeps the same state.</summary>
    public sealed class State : OptimizerState
    {
        public float[]? exp_avg;
        public float[]? exp_avg_sq;
        public float[]? max_exp_avg_sq;

        public State(Parameter parameter) : base(parameter) { }

        protected override IEnumerable<string> BufferNames => ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"];

        // max_exp_avg_sq is created on demand, so turning amsgrad on later starts it at zero.
        internal void EnsureBuffers(bool amsgrad)
        {
            exp_avg ??= NewBuffer();
            exp_avg_sq ??= NewBuffer();
            if (amsgrad) max_exp_avg_sq ??= NewBuffer();
        }

        public override void Initialize(OptimizerOptions options)
        {
            base.Initialize(options);
            exp_avg = exp_avg_sq = max_exp_avg_sq = null;
        }

        protected internal override IEnumerable<KeyValuePair<string, float[]>> NamedBuffers()
        {
            if (exp_avg is not null) yield return new("exp_avg", exp_avg);
            if (exp_avg_sq is not null) yield return new("exp_avg_sq", exp_avg_sq);
            if (max_exp_avg_sq is not null) yield return new("max_exp_avg_sq", max_exp_avg_sq);
        }

        protected internal override void LoadBuffer(string name, float[] data)
        {
            switch (name)
            {
                case "exp_avg": exp_avg = data; break;
                case "exp_avg_sq": exp_avg_sq = data; break;
                case "max_exp_avg_sq": max_exp_avg_sq = data; break;
                default: throw UnknownBuffer(nameof(Adam), name);
            }
        }
    }

    public class Options : OptimizerOptions
    {
        public double? beta1 { get => Get("beta1"); set => Set("beta1", value); }
        public double? beta2 { get => Get("beta2"); set => Set("beta2", value); }
        public double? eps { get => Get("eps"); set => Set("eps", value); }
        public double? weight_decay { get => Get("weight_decay"); set => Set("weight_decay", value); }
        public bool? amsgrad { get => GetFlag("amsgrad"); set => SetFlag("amsgrad", value); }
        public bool? maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }
    }

    /// <summary>A group with its own Adam options; arguments left null come from the optimizer's defaults.</summary>
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
