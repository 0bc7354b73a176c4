using static NotebookDL.torch;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Computes d(this)/d(leaf) for every leaf that requires grad; this must be a scalar.</summary>
        public void backward() => backward((IList<Tensor>?)null);

        public void backward(Tensor gradient, bool retain_graph = false, bool create_graph = false) =>
            backward([gradient], retain_graph, create_graph);

        public void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor>? inputs = null)
        {
            var gradient = grad_tensors is { Count: > 0 } ? grad_tensors[0] : null;
            autograd.backward([this], gradient is null ? null : [gradient], retain_graph, create_graph, inputs);
        }

        /// <summary>Resets this tensor's accumulated gradient (TorchSharp's Parameter.zero_grad).</summary>
        public void zero_grad() => grad = null;
    }

    public static partial class autograd
    {
        public static void backward(IList<Tensor> tensors, IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor>? inputs = null)
        {
            var grads = RootGradients(tensors, grad_tensors, "backward");
            var captured = BackwardEngine.Run(tensors.ToList(), grads, retain_graph || create_graph, create_graph, inputs?.ToList());
            if (inputs is null) return;
            foreach (var input in inputs)
                if (captured.TryGetValue(input, out var g))
                    input.grad = input.grad is null ? g.clone() : input.grad + g;
        }

        /// <summary>Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without touching any .grad.</summary>
        public static IList<Tensor?> grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor>? grad_outputs = null, bool retain_graph = false, bool create_graph = false, bool allow_unused = false)
        {
            var grads = RootGradients(outputs, grad_outputs, "grad");
            var captured = BackwardEngine.Run(outputs.ToList(), grads, retain_graph || create_graph, create_graph, inputs.ToList());
            var result = new List<Tensor?>();
            for (int i = 0; i < inputs.Count; i++)
            {
                if (captured.TryGetValue(inputs[i], out var g)) result.Add(g);
                else if (allow_unused) result.Add(null);
                else throw new InvalidOperationException(
                    $"autograd.grad: input {i} (shape {Shapes.Format(inputs[i].Shape)}) was not used to compute the outputs; pass allow_unused: true if that is expected.");
            }
            return result;
        }

        private static List<Tensor> RootGradients(IList<Tensor> outputs, IList<Tensor>? given, string op)
        {
            var grads = new List<Tensor>();
            for (int i = 0; i < outputs.Count; i++)
            {
                var output = outputs[i];
                if (!output.requires_grad)
                    throw new InvalidOperationException(
                        $"{op}: element {i} of tensors does not require grad and does not have a grad_fn. " +
                        "Create the inputs with requires_grad: true (or call .requires_grad_()) and compute outside torch.no_grad().");
                var g = given is not null && i < given.Count ? given[i] : null;
                if (g is null)
                {
                    if (output.Count != 1)
                        throw new InvalidOperationException(
                            $"{op}: grad can be implicitly created only for scalar outputs, but the output has shape {Shapes.Format(output.Shape)}. " +
                            "Reduce it first (e.g. loss.mean()) or pass a gradient of the same shape: y.backward(torch.ones_like(y)).");
                    g = ones_like(output);
                }
                else if (!Shapes.SameShape(g.Shape, output.Shape))
                    throw new ArgumentException(
                        $"{op}: the gradient has shape {Shapes.Format(g.Shape)} but the output has shape {Shapes.Format(output.Shape)}; they must match.");
                grads.Add(g);
            }
            return grads;
        }
    }
}
