using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>
/// Base of layers that own no state (activations, Flatten, Dropout, pooling): registering a parameter,
/// buffer or submodule on them is a mistake, so it fails loudly instead of silently being saved.
/// </summary>
public abstract class ParameterLessModule<T1, TResult> : nn.Module<T1, TResult>
{
    protected ParameterLessModule(string name) : base(name) { }

    public override void register_buffer(string name, Tensor tensor, bool persistent = true) =>
        throw new InvalidOperationException($"{GetName()} has no state: a buffer ('{name}') cannot be registered on it.");

    public override void register_parameter(string name, Parameter param) =>
        throw new InvalidOperationException($"{GetName()} has no state: a parameter ('{name}') cannot be registered on it.");

    public override void register_module(string name, nn.Module submodule) =>
        throw new InvalidOperationException($"{GetName()} has no state: a submodule ('{name}') cannot be registered on it.");
}
