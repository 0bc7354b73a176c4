using System.Globalization;
using NotebookDL.Modules;

namespace NotebookDL;

public static partial class torch
{
    public static partial class optim
    {
        public abstract partial class Optimizer
        {
            private const string NumParamsKey = "num_params";
            private const string StepKey = "step";

            /// <summary>Snapshot of the hyper-parameters and per-parameter state; see <see cref="StateDictionary"/>.</summary>
            public virtual StateDictionary state_dict()
            {
                var sd = new StateDictionary();
                int index = 0;
                for (int g = 0; g < _parameter_groups.Count; g++)
                {
                    var group = _parameter_groups[g];
                    foreach (var (key, value) in group.Options.Values)
                        sd.Options[$"param_groups.{g}.{key}"] = value;
                    sd.Options[$"param_groups.{g}.{NumParamsKey}"] = group.ParameterArray.Length;

                    foreach (var p in group.ParameterArray)
                    {
                        if (_state.TryGetValue(p, out var st) && st.Initialized)
                        {
                            if (st.HasStep) sd.State[$"state.{index}.{StepKey}"] = new Tensor([(float)st.step], []);
                            foreach (var (name, buffer) in st.NamedBuffers())
                                sd.State[$"state.{index}.{name}"] = new Tensor((float[])buffer.Clone(), p.shape);
                        }
                        index++;
                    }
                }
                return sd;
            }

            /// <summary>
            /// Restores what <see cref="state_dict"/> produced, possibly by another instance over parameters of
            /// the same shapes and grouping. Everything is validated before anything changes, so a refused
            /// dictionary leaves the optimizer as it was. Parameters without entries get fresh state.
            /// </summary>
            public virtual void load_state_dict(StateDictionary state_dict)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                var newOptions = LoadOptions(state_dict.Options);
                var all = parameters().ToList();
                var newStates = LoadStates(state_dict.State, all, newOptions);

                for (int g = 0; g < _parameter_groups.Count; g++)
                    _parameter_groups[g].Options.CopyFrom(newOptions[g]);
                for (int i = 0; i < all.Count; i++)
                    _state[all[i]] = newStates[i];
            }

            private List<OptimizerOptions> LoadOptions(Dictionary<string, double> entries)
            {
                var result = new List<OptimizerOptions>();
                foreach (var group in _parameter_groups)
                {
                    var copy = CreateOptions();
                    copy.CopyFrom(group.Options);
                    result.Add(copy);
                }

                var groupsSeen = new HashSet<int>();
                foreach (var (key, value) in entries)
                {
                    var parts = key.Split('.', 3);
                    if (parts.Length != 3 || parts[0] != "param_groups" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var g))
                        throw new ArgumentException($"{Name}.load_state_dict: malformed option key '{key}'; expected 'param_groups.<group>.<name>'.");
                    if (g >= _parameter_groups.Count)
                        throw new ArgumentException($"{Name}.load_state_dict: the state has a parameter group {g}, but this optimizer has {_parameter_groups.Count} group(s).");
                    groupsSeen.Add(g);
                    var name = parts[2];
                    if (name == NumParamsKey)
                    {
                        if (value != _parameter_groups[g].ParameterArray.Length)
                            throw new ArgumentException($"{Name}.load_state_dict: group {g} had {value} parameters in the saved state but has {_parameter_groups[g].ParameterArray.Length} here.");
                        continue;
                    }
                    if (name != OptimizerOptions.InitialLrKey && !result[g].Values.ContainsKey(name))
                        throw new ArgumentException($"{Name}.load_state_dict: unknown option '{name}' in group {g} (was the state saved by another optimizer type?); {Name} has {string.Join(", ", result[g].Values.Keys)}.");
                    result[g].SetValue(name, value);
                }
                if (groupsSeen.Count != _parameter_groups.Count && entries.Count > 0)
                    throw new ArgumentException($"{Name}.load_state_dict: the state has {groupsSeen.Count} parameter group(s), but this optimizer has {_parameter_groups.Count}.");

                foreach (var options in result) ValidateOptions(options);
                return result;
            }

            private List<OptimizerState> LoadStates(Dictionary<string, Tensor> entries, List<Parameter> all, List<OptimizerOptions> options)
            {
                var perParam = new Dictionary<int, List<(string Name, Tensor Value)>>();
                foreach (var (key, value) in entries)
                {
                    var parts = key.Split('.', 3);
                    if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                        throw new ArgumentException($"{Name}.load_state_dict: malformed state key '{key}'; expected 'state.<parameter>.<name>'.");
                    if (i >= all.Count)
                        throw new ArgumentException($"{Name}.load_state_dict: the state has an entry for parameter {i}, but this optimizer has {all.Count} parameter(s).");
                    if (!perParam.TryGetValue(i, out var list)) perParam[i] = list = [];
                    list.Add((parts[2], value ?? throw new ArgumentException($"{Name}.load_state_dict: '{key}' is null.")));
                }

                var groupOf = new List<OptimizerOptions>();
                for (int g = 0; g < _parameter_groups.Count; g++)
                    foreach (var _ in _parameter_groups[g].ParameterArray) groupOf.Add(options[g]);

                var states = new List<OptimizerState>();
                for (int i = 0; i < all.Count; i++)
                {
                    var p = all[i];
                    var st = NewState(p, groupOf[i]);
                    if (perParam.TryGetValue(i, out var list))
                    {
                        foreach (var (name, value) in list)
                            LoadEntry(st, p, i, name, value);
                        st.Initialized = true;
                    }
                    states.Add(st);
                }
                return states;
            }

            private void LoadEntry(OptimizerState st, Parameter p, int i, string name, Tensor value)
            {
                if (name == StepKey)
                {
                    if (value.numel() != 1)
                        throw new ArgumentException($"{Name}.load_state_dict: state.{i}.step must hold one number, but has shape {Shapes.Format(value.Shape)}.");
                    var step = value.ElementAsDouble(0);
                    if (!(step >= 0) || step != Math.Floor(step))
                        throw new ArgumentException($"{Name}.load_state_dict: state.{i}.step must be a non-negative whole number, but is {step.ToString(CultureInfo.InvariantCulture)}.");
                    st.step = (long)step;
                    return;
                }
                if (!value.IsFloat || !Shapes.SameShape(value.Shape, p.Shape))
                    throw new ArgumentException(
                        $"{Name}.load_state_dict: state.{i}.{name} is {value.Describe()}, but parameter {i} is {p.Describe()}.");
                st.LoadBuffer(name, value.contiguous().FloatSpan().ToArray());
            }
        }
    }
}
