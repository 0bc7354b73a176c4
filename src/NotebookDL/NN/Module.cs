using System.Reflection;
using NotebookDL.Modules;
using NotebookDL.Utils;

namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The base of every layer and model (TorchSharp's torch.nn.Module): it owns named parameters, buffers and
        /// submodules, and walks them for parameters(), state_dict(), train()/eval() and printing.
        /// Registration order is preserved, so state_dict keys come out in the order PyTorch would list them.
        /// </summary>
        public partial class Module : IDisposable
        {
            private readonly OrderedDictionary<string, Module> submodules = new();
            private readonly OrderedDictionary<string, Parameter> parameterSlots = new();
            private readonly OrderedDictionary<string, (Tensor tensor, bool persistent)> bufferSlots = new();
            private bool componentsRegistered;
            private bool isTraining = true;

            /// <summary>The name shown by ToString (TorchSharp keeps it in this protected field too).</summary>
            protected string? name;

            protected Module(string name) => this.name = name;

            public virtual string GetName() => name ?? GetType().Name;

            /// <summary>
            /// Registers every field holding a Module, Parameter or Tensor under the field's name (a buffer for plain
            /// tensors), as TorchSharp does. Custom modules call it at the end of their constructor.
            /// </summary>
            protected virtual void RegisterComponents()
            {
                if (componentsRegistered) return;
                foreach (var field in InstanceFields(GetType()))
                {
                    var key = ComponentName(field);
                    if (submodules.ContainsKey(key) || parameterSlots.ContainsKey(key) || bufferSlots.ContainsKey(key)) continue;
                    switch (field.GetValue(this))
                    {
                        case Module module when !IsRegistered(module):
                            register_module(key, module);
                            break;
                        case Parameter parameter when !IsRegistered(parameter): // before Tensor: a Parameter is a Tensor
                            register_parameter(key, parameter);
                            break;
                        case Parameter _:
                            break;
                        case Tensor tensor when !IsRegistered(tensor):
                            register_buffer(key, tensor);
                            break;
                    }
                }
                componentsRegistered = true;
            }

            /// <summary>Base-class fields first, so a subclass's components follow the ones its base declared.</summary>
            private static IEnumerable<FieldInfo> InstanceFields(Type type)
            {
                var chain = new Stack<Type>();
                for (var t = type; t is not null && t != typeof(Module); t = t.BaseType) chain.Push(t);
                const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                return chain.SelectMany(t => t.GetFields(flags));
            }

            /// <summary>An auto-property's backing field "&lt;fc1&gt;k__BackingField" is registered as "fc1".</summary>
            private static string ComponentName(FieldInfo field)
            {
                if (field.GetCustomAttribute<ComponentNameAttribute>()?.Name is { } custom) return custom;
                var n = field.Name;
                return n.StartsWith('<') && n.IndexOf('>') is var end and > 1 ? n[1..end] : n;
            }

            private bool IsRegistered(object component) =>
                submodules.Values.Any(m => ReferenceEquals(m, component))
                || parameterSlots.Values.Any(p => ReferenceEquals(p, component))
                || bufferSlots.Values.Any(b => ReferenceEquals(b.tensor, component));

            public virtual void register_module(string name, Module submodule)
            {
                ArgumentNullException.ThrowIfNull(submodule);
                CheckComponentName(name, "module");
                if (submodules.ContainsKey(name)) throw new InvalidOperationException($"Sub-module {name} is already registered.");
                if (ReferenceEquals(submodule, this)) throw new ArgumentException($"register_module: a module cannot contain itself (name '{name}').");
                submodule.RegisterComponents();
                submodules.Add(name, submodule);
            }

            public void add_module(string name, Module module) => register_module(name, module);

            public virtual void register_parameter(string name, Parameter param)
            {
                ArgumentNullException.ThrowIfNull(param, nameof(param));
                CheckComponentName(name, "parameter");
                if (!parameterSlots.TryAdd(name, param)) throw new InvalidOperationException($"Parameter {name} is already registered.");
            }

            /// <summary>A buffer is module state that is not trained (BatchNorm's running statistics): in state_dict, not in parameters().</summary>
            public virtual void register_buffer(string name, Tensor tensor, bool persistent = true)
            {
                ArgumentNullException.ThrowIfNull(tensor, nameof(tensor));
                CheckComponentName(name, "buffer");
                if (!bufferSlots.TryAdd(name, (tensor, persistent))) throw new InvalidOperationException($"Tensor {name} is already registered.");
            }

            /// <summary>Sets, replaces or (for null) removes a parameter slot; layers use it for optional weights such as bias.</summary>
            protected void ConditionallyRegisterParameter(string name, Parameter? value)
            {
                if (value is null) parameterSlots.Remove(name);
                else parameterSlots[name] = value;
            }

            protected void ConditionallyRegisterBuffer(string name, Tensor? value, bool persistent = true)
            {
                if (value is null) bufferSlots.Remove(name);
                else bufferSlots[name] = (value, persistent);
            }

            /// <summary>Drops every submodule; containers use it to re-register after an insert or removal.</summary>
            protected void ClearModules() => submodules.Clear();

            private static void CheckComponentName(string name, string kind)
            {
                if (string.IsNullOrEmpty(name)) throw new ArgumentException($"{kind} name can't be empty string \"\"");
                if (name.Contains('.')) throw new ArgumentException($"{kind} name can't contain \".\", got: {name}");
            }

            /// <summary>Own parameters first, then each child's under "child.name"; a parameter shared by two layers is listed once.</summary>
            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (n, p) in parameterSlots)
                    if (seen.Add(p)) yield return (n, p);
                if (!recurse) yield break;
                foreach (var (childName, child) in submodules)
                    foreach (var (n, p) in child.named_parameters(true))
                        if (seen.Add(p)) yield return ($"{childName}.{n}", p);
            }

            public virtual IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(np => np.parameter);

            public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (n, (b, persistent)) in bufferSlots)
                    if ((persistent || include_nonpersistent) && seen.Add(b)) yield return (n, b);
                if (!recurse) yield break;
                foreach (var (childName, child) in submodules)
                    foreach (var (n, b) in child.named_buffers(true, include_nonpersistent))
                        if (seen.Add(b)) yield return ($"{childName}.{n}", b);
            }

            public virtual IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true) =>
                named_buffers(recurse, include_nonpersistent).Select(nb => nb.buffer);

            public virtual IEnumerable<(string name, Module module)> named_children() => submodules.Select(kv => (kv.Key, kv.Value));

            public virtual IEnumerable<Module> children() => named_children().Select(nc => nc.module);

            /// <summary>
            /// Every descendant, depth first, named by its dotted path. Like TorchSharp (and unlike PyTorch) the module
            /// itself is not included.
            /// </summary>
            public virtual IEnumerable<(string name, Module module)> named_modules()
            {
                foreach (var (childName, child) in named_children())
                {
                    yield return (childName, child);
                    foreach (var (n, m) in child.named_modules()) yield return ($"{childName}.{n}", m);
                }
            }

            public virtual IEnumerable<Module> modules() => named_modules().Select(nm => nm.module);

            public virtual Parameter? get_parameter(string target) =>
                Resolve(target, out var owner, out var leaf) && owner.parameterSlots.TryGetValue(leaf, out var p) ? p : null;

            public virtual Tensor? get_buffer(string target) =>
                Resolve(target, out var owner, out var leaf) && owner.bufferSlots.TryGetValue(leaf, out var b) ? b.tensor : null;

            public virtual bool has_parameter(string target) => get_parameter(target) is not null;

            public virtual bool has_buffer(string target) => get_buffer(target) is not null;

            /// <summary>Walks "a.b.c" down to the module that owns "c".</summary>
            private bool Resolve(string target, out Module owner, out string leaf)
            {
                owner = this;
                var parts = target.Split('.');
                leaf = parts[^1];
                foreach (var part in parts[..^1])
                {
                    var next = owner.named_children().FirstOrDefault(c => c.name == part).module;
                    if (next is null) return false;
                    owner = next;
                }
                return true;
            }

            /// <summary>Runs <paramref name="fn"/> on every submodule (children first) and then on this module.</summary>
            public virtual Module apply(Action<Module> fn)
            {
                foreach (var child in children()) child.apply(fn);
                fn(this);
                return this;
            }

            /// <summary>Switches this module and every descendant between training and evaluation behaviour (Dropout, BatchNorm).</summary>
            public virtual void train(bool train = true)
            {
                isTraining = train;
                foreach (var child in children()) child.train(train);
            }

            public virtual void eval() => train(false);

            public virtual bool training => isTraining;

            /// <summary>Clears every parameter's gradient (or zeroes it in place when <paramref name="set_to_none"/> is false).</summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (p.grad is null) continue;
                    if (set_to_none) p.grad = null;
                    else using (no_grad()) p.grad.zero_();
                }
            }

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Tensors are garbage-collected, so there is nothing to free; kept for TorchSharp's using-pattern.</summary>
            protected virtual void Dispose(bool disposing) { }
        }
    }
}
