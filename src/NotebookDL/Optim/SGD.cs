using System.Numerics.Tensors;
using static NotebookDL.torch.optim;

namespace NotebookDL.Modules;

/// <summary>
/// Stochastic gradient descent, optionally with (Nesterov) momentum: PyTorch 1.13's
/// <c>_single_tensor_sgd</c>, in float32. For each parameter θ with gradient ∇θ:
/// <code>
/// g = maximize ? −∇θ : ∇θ
/// if weight_decay ≠ 0: g = g + weight_decay·θ
/// if momentum ≠ 0:
///     b = (first step) ? g : momentum·b + (1 − dampening)·g
///     g = nesterov ? g + momentum·b : b
/// θ = θ − lr·g
/// </code>
/// State: momentum_buffer (only once momentum ≠ 0).
/// </summary>
public class SGD : OptimizerHelper, IMomentum
{
    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(new Options { LearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize })
    {
        AddGroups(parameters);
    }

    /// <summary>The default momentum (TorchSharp's IMomentum on the optimizer); groups keep their own.</summary>
    public double Momentum
    {
        get => ((Options)_defaults).momentum ?? 0;
        set => ((Options)_defaults).momentum = value;
    }

    private double lr, momentum, dampening, weightDecay;
    private bool nesterov, maximize;

    protected override OptimizerOptions CreateOptions() => new Options();

    protected override OptimizerState CreateState(Parameter parameter) => new State(parameter);

    protected override void ValidateOptions(OptimizerOptions options)
    {
        var o = (Options)options;
        CheckNonNegative(o.LearningRate ?? 0, "learning rate");
        CheckNonNegative(o.momentum ?? 0, "momentum value");
        CheckNonNegative(o.weight_decay ?? 0, "weight_decay value");
        if ((o.nesterov ?? false) && ((o.momentum ?? 0) <= 0 || (o.dampening ?? 0) != 0))
            throw new ArgumentException(
                $"{Name}: Nesterov momentum requires a momentum > 0 and zero dampening, but momentum = {o.momentum ?? 0} and dampening = {o.dampening ?? 0}.");
    }

    protected override void BeginGroup(OptimizerOptions options)
    {
        lr = options.Require("lr");
        momentum = options.Require("momentum");
        dampening = options.Require("dampening");
        weightDecay = options.Require("weight_decay");
        nesterov = options.RequireFlag("nesterov");
        maximize = options.RequireFlag("maximize");
    }

    protected override void Update(OptimizerState state, Span<float> param, ReadOnlySpan<float> grad)
    {
        var st = (State)state;
        var g = PrepareGrad(grad, param, maximize, weightDecay);
        if (momentum != 0)
        {
            if (st.momentum_buffer is null) st.momentum_buffer = g.ToArray();
            else OptimMath.MulAdd(st.momentum_buffer, (float)momentum, g, (float)(1 - dampening));

            if (nesterov)
            {
                var d = Scratch(1, g.Length);
                TensorPrimitives.MultiplyAdd(st.momentum_buffer, (float)momentum, g, d);
                g = d;
            }
            else
            {
                g = st.momentum_buffer;
            }
        }
        TensorPrimitives.MultiplyAdd(g, (float)-lr, param, param);
    }

    public sealed class State : OptimizerState
    {
        public float[]? momentum_buffer;

        public State(Parameter parameter) : base(parameter) { }

        protected internal override bool HasStep => false;

        protected override IEnumerable<string> BufferNames => ["momentum_buffer"];

        public override void Initialize(OptimizerOptions options)
        {
            base.Initialize(options);
            momentum_buffer = null;
        }

        protected internal override IEnumerable<KeyValuePair<string, float[]>> NamedBuffers()
        {
            if (momentum_buffer is not null) yield return new("momentum_buffer", momentum_buffer);
        }

        protected internal override void LoadBuffer(string name, float[] data)
        {
            if (name != "momentum_buffer") throw UnknownBuffer(nameof(SGD), name);
            momentum_buffer = data;
        }
    }

    public class Options : OptimizerOptions
    {
        public double? momentum { get => Get("momentum"); set => Set("momentum", value); }
        public double? dampening { get => Get("dampening"); set => Set("dampening", value); }
        public double? weight_decay { get => Get("weight_decay"); set => Set("weight_decay", value); }
        public bool? nesterov { get => GetFlag("nesterov"); set => SetFlag("nesterov", value); }
        public bool? maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }
    }

    /// <summary>A group with its own SGD options; arguments left null come from the optimizer's defaults.</summary>
    public class ParamGroup : ParamGroup<Options>, IMomentum
    {
        public ParamGroup() { }

        public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

        public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? momentum = null, double? dampening = null, double? weight_decay = null, bool? nesterov = null, bool? maximize = null)
            : base(parameters, new Options { LearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize })
        {
        }

        public double Momentum
        {
            get => Options.momentum ?? 0;
            set => Options.momentum = value;
        }
    }
}
