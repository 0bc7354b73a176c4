using static NotebookDL.torch;

namespace NotebookDL;

/// <summary>
/// A node of the autograd graph: the op that produced a tensor, the inputs it must send gradients to,
/// and whatever it saved from the forward pass. Each primitive op subclasses this next to its forward.
/// </summary>
public abstract class GradFn
{
    private Tensor?[]? saved;
    private bool released;

    /// <summary>The op's tensor inputs, in the order <see cref="Backward"/> returns their gradients.</summary>
    internal Tensor?[] Inputs { get; private set; } = [];

    /// <summary>PyTorch's name for the node (for example AddBackward0), as printed in grad_fn=&lt;...&gt;.</summary>
    public virtual string name() => GetType().Name.Replace("Function", "") + "Backward0";

    public override string ToString() => name();

    /// <summary>Gradients with respect to each input, given the gradient of the output. Null where an input needs none.</summary>
    internal abstract Tensor?[] Backward(Tensor gradOutput);

    /// <summary>Connects the freshly computed <paramref name="output"/> to this node when any input requires grad.</summary>
    internal Tensor Record(Tensor output, params Tensor?[] inputs)
    {
        if (!autograd.GradMode.IsEnabled) return output;
        var needed = false;
        foreach (var t in inputs) needed |= t is not null && t.requires_grad;
        if (!needed) return output;
        Inputs = inputs;
        output.grad_fn = this;
        output.MarkRequiresGrad();
        return output;
    }

    protected void Save(params Tensor?[] tensors) => saved = tensors;

    protected Tensor Saved(int index)
    {
        if (released || saved is null)
            throw new InvalidOperationException(
                $"Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed) in {name()}. " +
                "Saved intermediate values of the graph are freed when you call .backward(). " +
                "Specify retain_graph: true if you need to backward through the graph a second time.");
        return saved[index] ?? throw new InvalidOperationException($"internal: {name()} saved no tensor at {index}");
    }

    internal void Release()
    {
        released = true;
        saved = null;
    }

    internal bool IsReleased => released;
}
