using System.Numerics.Tensors;
using static NotebookDL.torch.optim;

namespace NotebookDL.Modules;

/// <summary>
/// RMSprop: PyTorch 1.13's <c>_single_tensor_rmsprop</c>, in float32. Buffers start at zero.
/// For each parameter θ with gradient ∇θ:
/// <code>
/// step       = step + 1
/// g          = maximize ? −∇θ : ∇θ
/// if weight_decay ≠ 0: g = g + weight_decay·θ
/// square_avg = alpha·square_avg + (1 − alpha)·g·g
/// if centered: grad_avg = alpha·grad_avg + (1 − alpha)·g
///              avg = sqrt(square_avg − grad_avg·grad_avg) + eps
/// else:        avg = sqrt(square_avg) + eps
/// if momentum > 0: b = momentum·b + g / avg;  θ = θ − lr·b
/// else:            θ = θ − lr·g / avg
/// </code>
/// State: step, square_avg, momentum_buffer (momentum > 0), grad_avg (centered).
/// </summary>
public class RMSProp : OptimizerHelper, IMomentum
{
    public RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, alpha, eps, weight_decay, momentum, centered, maximize)
    {
    }

    public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(new Options { LearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay, momentum = momentum, centered = centered, maximize = maximize })
    {
        AddGroups(parameters);
    }

    /// <summary>The default momentum (TorchSharp's IMomentum on the optimizer); groups keep their own.</summary>
    public double Momentum
    {
        get => ((Options)_defaults).momentum ?? 0;
        set => ((Options)_defaults).momentum = value;
    }

    private double lr, alpha, eps, weightDecay, momentum;
    private bool centered, maximize;

    protected override OptimizerOptions CreateOptions() => new Options();

    protected override OptimizerState CreateState(Parameter parameter) => new State(parameter);

    protected override void ValidateOptions(OptimizerOptions options)
    {
        var o = (Options)options;
        CheckNonNegative(o.LearningRate ?? 0, "learning rate");
        CheckNonNegative(o.eps ?? 0, "epsilon value");
        CheckNonNegative(o.momentum ?? 0, "momentum value");
        CheckNonNegative(o.weight_decay ?? 0, "weight_decay value");
        CheckNonNegative(o.alpha ?? 0, "alpha value");
    }

    protected override void BeginGroup(OptimizerOptions options)
    {
        lr = options.Require("lr");
        alpha = options.Require("alpha");
        eps = options.Require("eps");
        weightDecay = options.Require("weight_decay");
        momentum = options.Require("momentum");
        centered = options.RequireFlag("centered");
        maximize = options.RequireFlag("maximize");
    }

    protected override void Update(OptimizerState state, Span<float> param, ReadOnlySpan<float> grad)
    {
        var st = (State)state;
        st.EnsureBuffers(momentum > 0, centered);
        st.step += 1;
        var g = PrepareGrad(grad, param, maximize, weightDecay);
        var squareAvg = st.square_avg!;
        if (!centered && momentum == 0)
        {
            OptimMath.RmsPropPlain(param, g, squareAvg, (float)alpha, (float)eps, (float)lr);
            return;
        }
        var avg = Scratch(1, g.Length);
        var tmp = Scratch(2, g.Length);

        OptimMath.MulAddCMul(squareAvg, (float)alpha, g, g, (float)(1 - alpha), tmp);
        if (centered)
        {
            var gradAvg = st.grad_avg!;
            OptimMath.MulAdd(gradAvg, (float)alpha, g, (float)(1 - alpha));
            TensorPrimitives.Negate(gradAvg, avg);
            TensorPrimitives.MultiplyAdd(avg, gradAvg, squareAvg, avg);
            TensorPrimitives.Sqrt(avg, avg);
        }
        else
        {
            TensorPrimitives.Sqrt(squareAvg, avg);
        }
        TensorPrimitives.Add(avg, (float)eps, avg);

        if (momentum > 0)
        {
            var buf = st.momentum_buffer!;
            TensorPrimitives.Multiply(buf, (float)momentum, buf);
            OptimMath.AddCDiv(buf, g, avg, 1, tmp);
            TensorPrimitives.MultiplyAdd(buf, (float)-lr, param, param);
        }
        else
        {
            OptimMath.AddCDiv(param, g, avg, (float)-lr, tmp);
        }
    }

    public sealed class State : OptimizerState
    {
        public float[]? square_avg;
        public float[]? momentum_buffer;
        public float[]? grad_avg;

        public State(Parameter parameter) : base(parameter) { }

        protected override IEnumerable<string> BufferNames => ["square_avg", "momentum_buffer", "grad_avg"];

        // Created on demand so a momentum or centered switch (e.g. by OneCycleLR) finds a zero buffer.
        internal void EnsureBuffers(bool withMomentum, bool withGradAvg)
        {
            square_avg ??= NewBuffer();
            if (withMomentum) momentum_buffer ??= NewBuffer();
            if (withGradAvg) grad_avg ??= NewBuffer();
        }

        public override void Initialize(OptimizerOptions options)
        {
            base.Initialize(options);
            square_avg = momentum_buffer = grad_avg = null;
        }

        protected internal override IEnumerable<KeyValuePair<string, float[]>> NamedBuffers()
        {
            if (square_avg is not null) yield return new("square_avg", square_avg);
            if (momentum_buffer is not null) yield return new("momentum_buffer", momentum_buffer);
            if (grad_avg is not null) yield return new("grad_avg", grad_avg);
        }

        protected internal override void LoadBuffer(string name, float[] data)
        {
            switch (name)
            {
                case "square_avg": square_avg = data; break;
                case "momentum_buffer": momentum_buffer = data; break;
                case "grad_avg": grad_avg = data; break;
                default: throw UnknownBuffer(nameof(RMSProp), name);
            }
        }
    }

    public class Options : OptimizerOptions
    {
        public double? alpha { get => Get("alpha"); set => Set("alpha", value); }
        public double? eps { get => Get("eps"); set => Set("eps", value); }
        public double? weight_decay { get => Get("weight_decay"); set => Set("weight_decay", value); }
        public double? momentum { get => Get("momentum"); set => Set("momentum", value); }
        public bool? centered { get => GetFlag("centered"); set => SetFlag("centered", value); }
        public bool? maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }
    }

    /// <summary>A group with its own RMSProp options; arguments left null come from the optimizer's defaults.</summary>
    public class ParamGroup : ParamGroup<Options>, IMomentum
    {
        public ParamGroup() { }

        public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

        public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? alpha = null, double? eps = null, double? weight_decay = null, double? momentum = null, bool? centered = null, bool? maximize = null)
            : base(parameters, new Options { LearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay, momentum = momentum, centered = centered, maximize = maximize })
        {
        }

        public double Momentum
        {
            get => Options.momentum ?? 0;
            set => Options.momentum = value;
        }
    }
}
