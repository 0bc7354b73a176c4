using System.Numerics.Tensors;
using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>sin x; d/dx = cos x (a tensor expression, so it is differentiable again).</summary>
internal sealed class SinFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new SinFunction();
        var y = fn.Record(Elementwise.Unary(x, "sin", TensorPrimitives.Sin), x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [g * Saved(0).cos()];
}

/// <summary>cos x; d/dx = −sin x.</summary>
internal sealed class CosFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new CosFunction();
        var y = fn.Record(Elementwise.Unary(x, "cos", TensorPrimitives.Cos), x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [-(g * Saved(0).sin())];
}
