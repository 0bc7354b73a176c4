namespace NotebookDL;

/// <summary>
/// torch.autograd.gradcheck on both engines: a C# 14 static extension of the engine's torch.autograd class (TorchSharp
/// has no gradcheck of its own). The few element reads and writes go through each engine's EngineAdapter.
/// </summary>
public static class GradCheck
{
    extension(torch.autograd)
    {
        /// <summary>
        /// Compares autograd's gradients with central finite differences. The output is projected onto a few
        /// random directions v, so each check compares vᵀJ (from backward) with the numerical d(v·f)/dx,
        /// summed in float64. Tolerances suit float32 tensors: |analytical − numerical| ≤ atol + rtol·|numerical|.
        /// </summary>
        public static bool gradcheck(Func<Tensor[], Tensor> func, Tensor[] inputs, double eps = 1e-3, double atol = 1e-3, double rtol = 1e-2,
            bool raise_exception = true, int projections = 3, long seed = 1234)
        {
            var differentiable = inputs.Where(t => t.requires_grad).ToArray();
            if (differentiable.Length == 0)
                throw new ArgumentException("gradcheck: none of the inputs requires grad; create them with requires_grad: true.");
            var rng = EngineAdapter.SeededGenerator(seed);
            for (int p = 0; p < projections; p++)
            {
                var output = func(inputs);
                var direction = p == 0 ? torch.ones_like(output) : torch.randn(output.shape, generator: rng);
                var analytical = torch.autograd.grad([(output * direction).sum()], differentiable, allow_unused: true);
                for (int k = 0; k < differentiable.Length; k++)
                {
                    var x = differentiable[k];
                    var count = x.numel();
                    var computed = EngineAdapter.GradientValues(analytical[k], count);
                    for (long i = 0; i < count; i++)
                    {
                        var original = EngineAdapter.ReadElement(x, i);
                        EngineAdapter.WriteElement(x, i, original + (float)eps);
                        var plus = Project(func(inputs), direction);
                        EngineAdapter.WriteElement(x, i, original - (float)eps);
                        var minus = Project(func(inputs), direction);
                        EngineAdapter.WriteElement(x, i, original);
                        var actualStep = (double)(original + (float)eps) - (original - (float)eps);
                        var numerical = (plus - minus) / actualStep;
                        if (Math.Abs(computed[i] - numerical) <= atol + rtol * Math.Abs(numerical)) continue;
                        if (!raise_exception) return false;
                        throw new InvalidOperationException(
                            $"gradcheck: Jacobian mismatch for input {Array.IndexOf(inputs, x)} (shape {EngineAdapter.FormatShape(x.shape)}) at element {i}: " +
                            $"analytical {computed[i]:G6} vs numerical {numerical:G6} (projection {p}, eps {eps}, atol {atol}, rtol {rtol}).");
                    }
                }
            }
            return true;
        }

        public static bool gradcheck(Func<Tensor, Tensor> func, Tensor input, double eps = 1e-3, double atol = 1e-3, double rtol = 1e-2, bool raise_exception = true) =>
            torch.autograd.gradcheck(xs => func(xs[0]), [input], eps, atol, rtol, raise_exception);
    }

    private static double Project(Tensor output, Tensor direction)
    {
        using var _ = torch.no_grad();
        var y = EngineAdapter.ToArray<float>(output.detach());
        var v = EngineAdapter.ToArray<float>(direction);
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum += (double)y[i] * v[i];
        return sum;
    }
}
