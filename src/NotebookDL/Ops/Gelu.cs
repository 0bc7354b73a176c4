using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>
/// GELU(x) = x·Φ(x) with Φ the standard normal CDF; d/dx = Φ(x) + x·φ(x). A primitive because Φ needs
/// erf, which has no TensorPrimitives kernel.
/// </summary>
internal sealed class GeluFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new GeluFunction();
        var y = fn.Record(Elementwise.Unary(x, "gelu", static (s, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = (float)(s[i] * NormalCdf(s[i]));
        }), x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var x = Saved(0).contiguous().FloatSpan();
        var slope = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            slope[i] = (float)(NormalCdf(v) + v * Math.Exp(-0.5 * v * v) / Math.Sqrt(2 * Math.PI));
        }
        return [g * new Tensor(slope, g.shape)];
    }

    private static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>Complementary error function by a Chebyshev fit with relative error below 1.2e-7 everywhere.</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                   t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var r = t * Math.Exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}
