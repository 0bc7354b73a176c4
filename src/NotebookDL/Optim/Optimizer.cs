using System.Globalization;
using System.Numerics.Tensors;
using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Base class of all optimizers (torch.optim.Optimizer). It owns the parameter groups and the
        /// per-parameter state, runs the step loop (skipping parameters whose grad is null) and hands each
        /// parameter's contiguous float32 storage and gradient to the subclass's update rule.
        /// </summary>
        public abstract partial class Optimizer : IDisposable
        {
            protected readonly OptimizerOptions _defaults;
            protected readonly List<ParamGroup> _parameter_groups = [];

            // Keyed by identity: two parameters with equal values are still different parameters.
            private readonly Dictionary<Parameter, OptimizerState> _state = new(ReferenceEqualityComparer.Instance);

            // Temporaries reused across steps so an update allocates nothing once warmed up.
            private readonly float[][] scratch = [[], [], []];

            protected Optimizer(OptimizerOptions defaults)
            {
                _defaults = defaults;
            }

            /// <summary>The hyper-parameters groups fall back on (PyTorch's optimizer.defaults).</summary>
            public OptimizerOptions defaults => _defaults;

            /// <summary>The groups as schedulers see them (TorchSharp).</summary>
            public virtual IEnumerable<ILearningRateController> ParamGroups => _parameter_groups;

            /// <summary>The groups with their options (PyTorch's optimizer.param_groups).</summary>
            public IReadOnlyList<ParamGroup> param_groups => _parameter_groups;

            /// <summary>The optimizer's name in error messages.</summary>
            protected string Name => GetType().Name;

            public virtual IEnumerable<Parameter> parameters() => _parameter_groups.SelectMany(g => g.ParameterArray);

            /// <summary>The state kept for <paramref name="parameter"/>, or null if it is not optimized here.</summary>
            public OptimizerState? state(Parameter parameter) => _state.GetValueOrDefault(parameter);

            /// <summary>A blank options object of this optimizer's options type.</summary>
            protected abstract OptimizerOptions CreateOptions();

            /// <summary>Fresh (uninitialized) state for one parameter.</summary>
            protected abstract OptimizerState CreateState(Parameter parameter);

            /// <summary>Throws ArgumentException when a group's (merged) options are out of range.</summary>
            protected abstract void ValidateOptions(OptimizerOptions options);

            /// <summary>Called once per group per step, before its parameters are updated.</summary>
            protected abstract void BeginGroup(OptimizerOptions options);

            /// <summary>Updates one parameter in place from its gradient (both contiguous, same length).</summary>
            protected abstract void Update(OptimizerState state, Span<float> param, ReadOnlySpan<float> grad);

            /// <summary>Constructor tail shared by all optimizers: validates the defaults, then adds the groups.</summary>
            protected void AddGroups(IEnumerable<ParamGroup> groups)
            {
                ValidateOptions(_defaults);
                foreach (var group in groups ?? throw new ArgumentNullException(nameof(groups)))
                    add_param_group(group);
                if (!_parameter_groups.Any(g => g.ParameterArray.Length > 0))
                    throw new ArgumentException($"{Name}: optimizer got an empty parameter list.");
            }

            /// <summary>Adds a group; its unset options are taken from the defaults (PyTorch's add_param_group).</summary>
            public virtual void add_param_group(ParamGroup param_group)
            {
                ArgumentNullException.ThrowIfNull(param_group);
                var options = TypedOptions(param_group.Options);
                options.MergeMissing(_defaults);
                ValidateOptions(options);

                var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
                foreach (var p in param_group.ParameterArray)
                {
                    if (p is null) throw new ArgumentException($"{Name}: a parameter group contains a null parameter.");
                    if (!p.IsFloat)
                        throw new ArgumentException($"{Name}: can only optimize float32 parameters, but got a {TypeName(p.dtype)} parameter of shape {Shapes.Format(p.Shape)}.");
                    if (!seen.Add(p) || _state.ContainsKey(p))
                        throw new ArgumentException($"{Name}: some parameters appear more than once (in one group or in several); each parameter may be optimized only once.");
                }

                param_group.Options = options;
                foreach (var p in param_group.ParameterArray)
                    _state[p] = NewState(p, options);
                _parameter_groups.Add(param_group);
            }

            private OptimizerOptions TypedOptions(OptimizerOptions given)
            {
                var typed = CreateOptions();
                if (typed.GetType().IsInstanceOfType(given)) return given;
                if (given.GetType() != typeof(OptimizerOptions))
                    throw new ArgumentException($"{Name}: a parameter group carries {given.GetType().Name} options from another optimizer; use {Name}.ParamGroup.");
                typed.CopyFrom(given);
                return typed;
            }

            private OptimizerState NewState(Parameter p, OptimizerOptions options)
            {
                var st = CreateState(p);
                st.Initialize(options);
                return st;
            }

            /// <summary>
            /// Clears the gradients: by default sets them to null (PyTorch's set_to_none=True), so the next
            /// backward allocates fresh ones and this step skips parameters that got none.
            /// </summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (p.grad is not { } g) continue;
                    if (set_to_none) { p.grad = null; continue; }
                    var cleared = g.detach();
                    using (no_grad()) cleared.zero_();
                    p.grad = cleared;
                }
            }

            /// <summary>
            /// One update of every parameter that has a gradient. The closure, if any, is run first with grad
            /// enabled (it should zero the grads, compute the loss and call backward) and its loss is returned.
            /// </summary>
            public virtual Tensor? step(Func<Tensor>? closure = null)
            {
                Tensor? loss = null;
                if (closure is not null)
                    using (enable_grad()) loss = closure();

                using (no_grad())
                {
                    foreach (var group in _parameter_groups)
                    {
                        BeginGroup(group.Options);
                        foreach (var p in group.ParameterArray)
                            if (p.grad is { } grad) UpdateOne(p, grad, group.Options);
                    }
                }
                return loss;
            }

            private void UpdateOne(Parameter p, Tensor grad, OptimizerOptions options)
            {
                if (!grad.IsFloat || !Shapes.SameShape(grad.Shape, p.Shape))
                    throw new InvalidOperationException(
                        $"{Name}.step: a parameter of shape {Shapes.Format(p.Shape)} has a gradient of {grad.Describe()}; it must be float32 with the parameter's shape.");
                if (!_state.TryGetValue(p, out var st))
                    _state[p] = st = NewState(p, options); // a parameter added to Parameters after the group was registered

                var g = grad.contiguous().FloatSpan();
                if (p.is_contiguous())
                {
                    Update(st, p.FloatSpan(), g);
                }
                else
                {
                    // Views with gaps have no single span: update a packed copy and scatter it back.
                    var packed = p.contiguous();
                    Update(st, packed.FloatSpan(), g);
                    p.copy_(packed);
                }
                st.Initialized = true;
            }

            /// <summary>A reusable temporary of <paramref name="length"/> floats; slot 0 is taken by <see cref="PrepareGrad"/>.</summary>
            protected Span<float> Scratch(int slot, int length)
            {
                if (scratch[slot].Length < length) scratch[slot] = new float[length];
                return scratch[slot].AsSpan(0, length);
            }

            /// <summary>
            /// The gradient the rules start from: (maximize ? −grad : grad) + weight_decay·param. Returns the
            /// gradient itself when neither applies; otherwise a scratch copy, so .grad is never modified.
            /// </summary>
            protected ReadOnlySpan<float> PrepareGrad(ReadOnlySpan<float> grad, ReadOnlySpan<float> param, bool maximize, double weight_decay)
            {
                if (!maximize && weight_decay == 0) return grad;
                var g = Scratch(0, grad.Length);
                if (maximize) TensorPrimitives.Negate(grad, g);
                else grad.CopyTo(g);
                if (weight_decay != 0) TensorPrimitives.MultiplyAdd(param, (float)weight_decay, g, g);
                return g;
            }

            /// <summary>Throws unless <paramref name="value"/> ≥ 0 (NaN included in the refusals).</summary>
            protected void CheckNonNegative(double value, string what)
            {
                if (!(value >= 0))
                    throw new ArgumentException($"{Name}: invalid {what}: {Format(value)} (must be >= 0).");
            }

            /// <summary>Throws unless <paramref name="low"/> ≤ value and value &lt; high (or ≤ high when <paramref name="highInclusive"/>).</summary>
            protected void CheckRange(double value, string what, double low, double high, bool highInclusive)
            {
                var ok = value >= low && (highInclusive ? value <= high : value < high);
                if (!ok)
                    throw new ArgumentException(
                        $"{Name}: invalid {what}: {Format(value)} (must be in [{Format(low)}, {Format(high)}{(highInclusive ? "]" : ")")}).");
            }

            private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

            /// <summary>Tensors are managed memory; kept so TorchSharp code that disposes optimizers compiles.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing) { }
        }
    }
}
