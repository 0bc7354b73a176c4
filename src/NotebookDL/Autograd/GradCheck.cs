namespace NotebookDL;

public static partial class torch
{
    public static partial class autograd
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
            var rng = new Generator(seed);
            for (int p = 0; p < projections; p++)
            {
                var output = func(inputs);
                var direction = p == 0 ? ones_like(output) : randn(output.Shape, generator: rng);
                var analytical = grad([(output * direction).sum()], differentiable, allow_unused: true);
                for (int k = 0; k < differentiable.Length; k++)
                {
                    var x = differentiable[k];
                    var computed = analytical[k]?.contiguous().ToArray<float>() ?? new float[x.Count];
                    var data = x.FloatData;
                    for (int i = 0; i < x.Count; i++)
                    {
                        var pos = x.StorageIndex(i);
                        var original = data[pos];
                        data[pos] = original + (float)eps;
                        var plus = Project(func(inputs), direction);
                        data[pos] = original - (float)eps;
                        var minus = Project(func(inputs), direction);
                        data[pos] = original;
                        var actualStep = (double)(original + (float)eps) - (original - (float)eps);
                        var numerical = (plus - minus) / actualStep;
                        if (Math.Abs(computed[i] - numerical) <= atol + rtol * Math.Abs(numerical)) continue;
                        if (!raise_exception) return false;
                        throw new InvalidOperationException(
                            $"gradcheck: Jacobian mismatch for input {Array.IndexOf(inputs, x)} (shape {Shapes.Format(x.Shape)}) at element {i}: " +
                            $"analytical {computed[i]:G6} vs numerical {numerical:G6} (projection {p}, eps {eps}, atol {atol}, rtol {rtol}).");
                    }
                }
            }
            return true;
        }

        public static bool gradcheck(Func<Tensor, Tensor> func, Tensor input, double eps = 1e-3, double atol = 1e-3, double rtol = 1e-2, bool raise_exception = true) =>
            gradcheck(xs => func(xs[0]), [input], eps, atol, rtol, raise_exception);

        private static double Project(Tensor output, Tensor direction)
        {
            using var _ = no_grad();
            var y = output.contiguous().ToArray<float>();
            var v = direction.contiguous().ToArray<float>();
            double sum = 0;
            for (int i = 0; i < y.Length; i++) sum += (double)y[i] * v[i];
            return sum;
        }
    }
}
