using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>
/// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt; d/dx = 2/√π · e^(−x²). A primitive because erf has no
/// TensorPrimitives kernel; its backward is written with tensor ops, so it is differentiable again.
/// </summary>
internal sealed class ErfFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new ErfFunction();
        var y = fn.Record(Elementwise.Unary(x, "erf", static (s, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = (float)(1 - GeluFunction.Erfc(s[i]));
        }), x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var x = Saved(0);
        return [g * ((x * x).neg().exp() * (2 / Math.Sqrt(Math.PI)))];
    }
}
