using static NotebookDL.torch;

namespace NotebookDL;

/// <summary>
/// Runs reverse-mode differentiation: orders the graph's nodes so each runs after everything that
/// consumes its output, sums the gradients flowing into each node, and hands leaves their .grad.
/// </summary>
internal static class BackwardEngine
{
    /// <param name="accumulateInto">null: accumulate into every leaf's .grad (backward). Otherwise only these leaves, returned instead (autograd.grad).</param>
    public static Dictionary<Tensor, Tensor> Run(IReadOnlyList<Tensor> roots, IReadOnlyList<Tensor> rootGrads, bool retainGraph, bool createGraph, IReadOnlyCollection<Tensor>? accumulateInto = null)
    {
        var order = TopologicalOrder(roots);
        var pending = new Dictionary<GradFn, Tensor>(ReferenceEqualityComparer.Instance);
        var captured = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);

        for (int i = 0; i < roots.Count; i++)
            Deliver(roots[i], rootGrads[i], pending, captured, accumulateInto);

        using (set_grad_enabled(createGraph))
        {
            foreach (var node in order)
            {
                if (!pending.Remove(node, out var gradOutput)) continue;
                var inputGrads = node.Backward(gradOutput);
                for (int i = 0; i < node.Inputs.Length; i++)
                {
                    var input = node.Inputs[i];
                    var g = inputGrads[i];
                    if (input is null || g is null || !input.requires_grad) continue;
                    if (!Shapes.SameShape(g.Shape, input.Shape))
                        throw new InvalidOperationException(
                            $"internal: {node.name()} returned a gradient of shape {Shapes.Format(g.Shape)} for an input of shape {Shapes.Format(input.Shape)}");
                    Deliver(input, g, pending, captured, accumulateInto);
                }
                if (!retainGraph) node.Release();
            }
        }
        return captured;
    }

    private static void Deliver(Tensor target, Tensor grad, Dictionary<GradFn, Tensor> pending, Dictionary<Tensor, Tensor> captured, IReadOnlyCollection<Tensor>? only)
    {
        if (only is not null && only.Contains(target, ReferenceEqualityComparer.Instance))
        {
            captured[target] = captured.TryGetValue(target, out var c) ? c + grad : grad;
            if (target.grad_fn is null) return;
        }
        if (target.grad_fn is { } fn)
        {
            pending[fn] = pending.TryGetValue(fn, out var existing) ? existing + grad : grad;
            // retain_grad(): every contribution passes here, so .grad ends as their sum, as for a leaf.
            if (only is null && target.retains_grad) Accumulate(target, grad);
            return;
        }
        if (only is not null || !target.requires_grad) return;
        Accumulate(target, grad);
    }

    private static void Accumulate(Tensor target, Tensor grad)
    {
        if (target.grad is null)
            target.grad = grad.clone(); // a private copy: the same gradient tensor may flow to several leaves
        else if (grad.requires_grad || target.grad.requires_grad)
            target.grad = target.grad + grad;
        else
            Ops.InPlace.AddInto(target.grad, grad);
    }

    /// <summary>Nodes in an order where every node comes before the nodes that produced its inputs.</summary>
    private static List<GradFn> TopologicalOrder(IReadOnlyList<Tensor> roots)
    {
        var postOrder = new List<GradFn>();
        var visited = new HashSet<GradFn>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(GradFn node, int next)>();
        foreach (var root in roots)
        {
            if (root.grad_fn is not { } start || !visited.Add(start)) continue;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (node.IsReleased)
                    throw new InvalidOperationException(
                        $"Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed) in {node.name()}. " +
                        "Saved intermediate values of the graph are freed when you call .backward(). " +
                        "Specify retain_graph: true if you need to backward through the graph a second time.");
                if (next < node.Inputs.Length)
                {
                    stack.Push((node, next + 1));
                    if (node.Inputs[next]?.grad_fn is { } child && visited.Add(child)) stack.Push((child, 0));
                }
                else postOrder.Add(node);
            }
        }
        postOrder.Reverse();
        return postOrder;
    }
}
