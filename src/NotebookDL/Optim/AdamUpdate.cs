using System.Numerics.Tensors;

namespace NotebookDL.Modules;

/// <summary>
/// The moment update shared by Adam and AdamW (the part after their different weight-decay handling):
/// PyTorch 1.13's non-capturable branch of <c>_single_tensor_adam</c>. Bias corrections are computed in
/// double and, like PyTorch's python floats, rounded to float32 only where they meet a tensor.
/// </summary>
internal static class AdamUpdate
{
    public static void Apply(Adam.State st, Span<float> param, ReadOnlySpan<float> g,
        double lr, double beta1, double beta2, double eps, bool amsgrad, Span<float> denom, Span<float> tmp)
    {
        st.EnsureBuffers(amsgrad);
        var expAvg = st.exp_avg!;
        var expAvgSq = st.exp_avg_sq!;

        OptimMath.MulAdd(expAvg, (float)beta1, g, (float)(1 - beta1));
        OptimMath.MulAddCMul(expAvgSq, (float)beta2, g, g, (float)(1 - beta2), tmp);

        var biasCorrection1 = 1 - Math.Pow(beta1, st.step);
        var biasCorrection2 = 1 - Math.Pow(beta2, st.step);
        var stepSize = lr / biasCorrection1;
        var biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);

        ReadOnlySpan<float> second = expAvgSq;
        if (amsgrad)
        {
            var maxSq = st.max_exp_avg_sq!;
            TensorPrimitives.Max(maxSq, expAvgSq, maxSq);
            second = maxSq;
        }
        TensorPrimitives.Sqrt(second, denom);
        TensorPrimitives.Divide(denom, (float)biasCorrection2Sqrt, denom);
        TensorPrimitives.Add(denom, (float)eps, denom);
        OptimMath.AddCDiv(param, expAvg, denom, (float)-stepSize, tmp);
    }
}
