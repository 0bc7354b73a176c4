using System.Numerics.Tensors;

namespace NotebookDL.Modules;

/// <summary>
/// Adagrad: PyTorch 1.13's <c>_single_tensor_adagrad</c> (dense gradients), in float32. The sum starts at
/// initial_accumulator_value when the optimizer is built. For each parameter θ with gradient ∇θ:
/// <code>
/// step = step + 1
/// g    = maximize ? −∇θ : ∇θ
/// if weight_decay ≠ 0: g = g + weight_decay·θ
/// clr  = lr / (1 + (step − 1)·lr_decay)            (double)
/// sum  = sum + g·g
/// θ    = θ − clr·g / (sqrt(sum) + eps)
/// </code>
/// State: step, sum.
/// </summary>
public class Adagrad : OptimizerHelper
{
    public Adagrad(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize)
    {
    }

    public Adagrad(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
        : base(new Options { LearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay, initial_accumulator_value = initial_accumulator_value, eps = eps, maximize = maximize })
    {
        AddGroups(parameters);
    }

    private double lr, lrDecay, weightDecay, eps;
    private bool maximize;

    protected override OptimizerOptions CreateOptions() => new Options();

    protected override OptimizerState CreateState(Parameter parameter) => new State(parameter);

    protected override void ValidateOptions(OptimizerOptions options)
    {
        var o = (Options)options;
        CheckNonNegative(o.LearningRate ?? 0, "learning rate");
        CheckNonNegative(o.lr_decay ?? 0, "lr_decay value");
        CheckNonNegative(o.weight_decay ?? 0, "weight_decay value");
        CheckNonNegative(o.initial_accumulator_value ?? 0, "initial_accumulator_value value");
        CheckNonNegative(o.eps ?? 0, "epsilon value");
    }

    protected override void BeginGroup(OptimizerOptions options)
    {
        lr = options.Require("lr");
        lrDecay = options.Require("lr_decay");
        weightDecay = options.Require("weight_decay");
        eps = options.Require("eps");
        maximize = options.RequireFlag("maximize");
    }

    protected override void Update(OptimizerState state, Span<float> param, ReadOnlySpan<float> grad)
    {
        var st = (State)state;
        st.step += 1;
        var g = PrepareGrad(grad, param, maximize, weightDecay);
        var clr = lr / (1 + (st.step - 1) * lrDecay);

        var sum = st.sum!;
        TensorPrimitives.MultiplyAdd(g, g, sum, sum);
        var std = Scratch(1, g.Length);
        TensorPrimitives.Sqrt(sum, std);
        TensorPrimitives.Add(std, (float)eps, std);
        OptimMath.AddCDiv(param, g, std, (float)-clr, Scratch(2, g.Length));
    }

    public sealed class State : OptimizerState
    {
        public float[]? sum;

        public State(Parameter parameter) : base(parameter) { }

        protected override IEnumerable<string> BufferNames => ["sum"];

        /// <summary>Unlike the other optimizers, Adagrad's state exists from construction (PyTorch does the same).</summary>
        public override void Initialize(OptimizerOptions options)
        {
            base.Initialize(options);
            sum = NewBuffer((float)options.Require("initial_accumulator_value"));
            Initialized = true;
        }

        protected internal override IEnumerable<KeyValuePair<string, float[]>> NamedBuffers()
        {
            if (sum is not null) yield return new("sum", sum);
        }

        protected internal override void LoadBuffer(string name, float[] data)
        {
            if (name != "sum") throw UnknownBuffer(nameof(Adagrad), name);
            sum = data;
        }
    }

    public class Options : OptimizerOptions
    {
        public double? lr_decay { get => Get("lr_decay"); set => Set("lr_decay", value); }
        public double? weight_decay { get => Get("weight_decay"); set => Set("weight_decay", value); }
        public double? initial_accumulator_value { get => Get("initial_accumulator_value"); set => Set("initial_accumulator_value", value); }
        public double? eps { get => Get("eps"); set => Set("eps", value); }
        public bool? maximize { get => GetFlag("maximize"); set => SetFlag("maximize", value); }
    }

    /// <summary>A group with its own Adagrad options; arguments left null come from the optimizer's defaults.</summary>
    public class ParamGroup : ParamGroup<Options>
    {
        public ParamGroup() { }

        public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

        public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, double? lr_decay = null, double? weight_decay = null, double? initial_accumulator_value = null, double? eps = null, bool? maximize = null)
            : base(parameters, new Options { LearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay, initial_accumulator_value = initial_accumulator_value, eps = eps, maximize = maximize })
        {
        }
    }
}
