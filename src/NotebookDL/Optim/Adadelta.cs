using System.Numerics.Tensors;

namespace NotebookDL.Modules;

/// <summary>
/// Adadelta: PyTorch 1.13's <c>_single_tensor_adadelta</c>, in float32. Buffers start at zero.
/// For each parameter θ with gradient ∇θ:
/// <code>
/// step       = step + 1
/// g          = maximize ? −∇θ : ∇θ
/// if weight_decay ≠ 0: g = g + weight_decay·θ
/// square_avg = rho·square_avg + (1 − rho)·g·g
/// delta      = sqrt(acc_delta + eps) / sqrt(square_avg + eps) · g
/// acc_delta  = rho·acc_delta + (1 − rho)·delta·delta
/// θ          = θ − lr·delta
/// </code>
/// State: step, square_avg, acc_delta.
/// </summary>
public class Adadelta : OptimizerHelper
{
    public Adadelta(IEnumerable<Parameter> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, rho, eps, weight_decay, maximize)
    {
    }

    public Adadelta(IEnumerable<ParamGroup> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false)
        : base(new Options { LearningRate = lr, rho = rho, eps = eps, weight_decay = weight_decay, maximize = maximize })
    {
        AddGroups(parameters);
    }

    private double lr, rho, eps, weightDecay;
    private bool maximize;

    protected override OptimizerOptions CreateOptions() => new Options();

    protected override OptimizerState CreateState(Parameter parameter) => new State(parameter);

    protected override void ValidateOptions(OptimizerOptions options)
    {
        var o = (Options)options;
        CheckNonNegative(o.LearningRate ?? 0, "learning rate");
        CheckRange(o.rho ?? 0, "rho value", 0, 1, highInclusive: true);
        CheckNonNegative(o.eps ?? 0, "epsilon value");
        CheckNonNegative(o.weight_decay ?? 0, "weight_decay value");
    }

    protected override void BeginGroup(OptimizerOptions options)
    {
        lr = options.Require("lr");
        rho = options.Require("rho");
        eps = options.Require("eps");
        weightDecay = options.Require("weight_decay");
        maximize = options.RequireFlag("maximize");
    }

    protected override void Update(OptimizerState state, Span<float> param, ReadOnlySpan<float> grad)
    {
        var st = (State)state;
        st.EnsureBuffers();
        st.step += 1;
        var g = PrepareGrad(grad, param, maximize, weightDecay);
        var squareAvg = st.square_avg!;
        var accDelta = st.acc_delta!;
        var tmp = Scratch(1, g.Length);

        OptimMath.MulAddCMul(squareAvg, (float)rho, g, g, (float)(1 - rho), tmp);
        var std = tmp;
        TensorPrimitives.Add(squareAvg, (float)eps, std);
        TensorPrimitives.Sqrt(std, std);

        var delta = Scratch(2, g.Length);
        TensorPrimitives.Add(accDelta, (float)eps, delta);
        TensorPrimitives.Sqrt(delta, delta);
        TensorPrimitives.Divide(delta, std, delta);
        TensorPrimitives.Multiply(delta, g, delta);

        OptimMath.MulAddCMul(accDelta, (float)rho, delta, delta, (float)(1 - rho), tmp);
        TensorPrimitives.MultiplyAdd(delta, (float)-lr, param, param);
    }

    public sealed class State : OptimizerState
    {
        public float[]? square_avg;
        public float[]? acc_delta;

        public State(Parameter parameter) : base(parameter) { }

        protected override IEnumerable<string> BufferNames => ["square_avg", "acc_delta"];

        internal void EnsureBuffers()
        {
            square_avg ??= NewBuffer();
            acc_delta ??= NewBuffer();
        }

        public override void Initialize(OptimizerOptions options)
        {
            base.Initialize(options);
            square_avg = null;
            acc_delta = null;
        }

        protected internal override IEnumerable<KeyValuePair<string, float[]>> NamedBuffers()
        {
            if (square_avg is not null) yield return new("square_avg", square_avg);
            if (acc_delta is not null) yield return new("acc_delta", acc_delta);
        }

        protected internal override void LoadBuffer(string name, float[] data)
        {
            switch (name)
            {
                case "square_avg": square_avg = data; break;
                case "acc_delta": acc_delta = data; break;
                default: throw UnknownBuffer(nameof(Adadelta), name);
            }
        }
    }

    public class Options : OptimizerOptions
    {
        public double? rho { get => Get("rho"); set => Set("rho", value); }
        public double? eps { get => Get("eps"); set => Set("eps", value); }
        public double? weight_decay { get => Get("weight_decay"); set => Set("weight_decay", value); }
        public bool? maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }
    }

    /// <summary>A group with its own Adadelta options; arguments left null come from the optimizer's defaults.</summary>
    public class ParamGroup : ParamGroup<Options>
    {
        public ParamGroup() { }

        public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

        public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? rho = null, double? eps = null, double? weight_decay = null, bool? maximize = null)
            : base(parameters, new Options { LearningRate = lr, rho = rho, eps = eps, weight_decay = weight_decay, maximize = maximize })
        {
        }
    }
}
