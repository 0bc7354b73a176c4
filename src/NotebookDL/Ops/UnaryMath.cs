using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>−x; d/dx = −1.</summary>
internal sealed class NegFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        if (!x.IsFloat) return Elementwise.Binary<Kernels.SubOp>(zeros_like(x), x, "neg");
        return new NegFunction().Record(Elementwise.Unary(x, "neg", TensorPrimitives.Negate), x);
    }

    internal override Tensor?[] Backward(Tensor g) => [-g];
}

/// <summary>eˣ; d/dx = eˣ, so the output is what backward needs.</summary>
internal sealed class ExpFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new ExpFunction();
        var y = fn.Record(Elementwise.Unary(x, "exp", TensorPrimitives.Exp), x);
        if (y.grad_fn == fn) fn.Save(y);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [g * Saved(0)];
}

/// <summary>ln x; d/dx = 1/x.</summary>
internal sealed class LogFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new LogFunction();
        var y = fn.Record(Elementwise.Unary(x, "log", TensorPrimitives.Log), x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [g / Saved(0)];
}

/// <summary>√x; d/dx = 1/(2√x).</summary>
internal sealed class SqrtFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new SqrtFunction();
        var y = fn.Record(Elementwise.Unary(x, "sqrt", TensorPrimitives.Sqrt), x);
        if (y.grad_fn == fn) fn.Save(y);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [g / (Saved(0) * 2f)];
}

/// <summary>|x|; d/dx = sign(x) (0 at 0, as PyTorch).</summary>
internal sealed class AbsFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        if (!x.IsFloat) return where(x < 0, -x, x);
        var fn = new AbsFunction();
        var y = fn.Record(Elementwise.Unary(x, "abs", TensorPrimitives.Abs), x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [g * Saved(0).sign()];
}

/// <summary>tanh x; d/dx = 1 − tanh²x.</summary>
internal sealed class TanhFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new TanhFunction();
        var y = fn.Record(Elementwise.Unary(x, "tanh", TensorPrimitives.Tanh), x);
        if (y.grad_fn == fn) fn.Save(y);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var y = Saved(0);
        return [g * (1f - y * y)];
    }
}

/// <summary>σ(x) = 1 / (1 + e⁻ˣ); d/dx = σ(1 − σ). A primitive rather than (1 + tanh(x/2)) / 2, which rounds σ(−20) ≈ 2e-9 to 0.</summary>
internal sealed class SigmoidFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new SigmoidFunction();
        var y = fn.Record(Elementwise.Unary(x, "sigmoid", TensorPrimitives.Sigmoid), x);
        if (y.grad_fn == fn) fn.Save(y);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var y = Saved(0);
        return [g * y * (1f - y)];
    }
}

/// <summary>max(x, 0); d/dx = 1 where the output is positive, else 0.</summary>
internal sealed class ReluFunction : GradFn
{
    public static Tensor Apply(Tensor x)
    {
        var fn = new ReluFunction();
        var y = fn.Record(Elementwise.Unary(x, "relu", static (s, d) => TensorPrimitives.Max(s, 0f, d)), x);
        if (y.grad_fn == fn) fn.Save(y.detach());
        return y;
    }

    // Masking g with an op (not a raw loop) keeps the result differentiable in g for create_graph.
    internal override Tensor?[] Backward(Tensor g) => [g * PositiveMask(Saved(0))];

    /// <summary>1 where y &gt; 0, else 0, in one vectorized pass (the backward of every ReLU in a network runs this).</summary>
    private static Tensor PositiveMask(Tensor y)
    {
        var source = y.contiguous().FloatSpan();
        var mask = new float[source.Length];
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= source.Length - Vector512<float>.Count; i += Vector512<float>.Count)
                Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.Create(source.Slice(i, Vector512<float>.Count)), Vector512<float>.Zero),
                    Vector512<float>.One, Vector512<float>.Zero).CopyTo(mask.AsSpan(i));
        else if (Vector256.IsHardwareAccelerated)
            for (; i <= source.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.Create(source.Slice(i, Vector256<float>.Count)), Vector256<float>.Zero),
                    Vector256<float>.One, Vector256<float>.Zero).CopyTo(mask.AsSpan(i));
        for (; i < mask.Length; i++) mask[i] = source[i] > 0 ? 1f : 0f;
        return new Tensor(mask, y.shape);
    }
}

/// <summary>xᵖ for a constant p; d/dx = p·xᵖ⁻¹.</summary>
internal sealed class PowFunction(float exponent) : GradFn
{
    public static Tensor Apply(Tensor x, float exponent)
    {
        var fn = new PowFunction(exponent);
        Tensor y = exponent switch
        {
            2f => Elementwise.Unary(x, "pow", static (s, d) => TensorPrimitives.Multiply(s, s, d)),
            1f => Elementwise.Unary(x, "pow", static (s, d) => s.CopyTo(d)),
            _ => Elementwise.Unary(x, "pow", (s, d) => TensorPrimitives.Pow(s, exponent, d)),
        };
        y = fn.Record(y, x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    // The common exponents skip pow in the backward pass: TensorPrimitives.Pow costs a transcendental per
    // element, which made an L2 penalty (w²) cost more than the matrix multiplies of a small MLP's step.
    internal override Tensor?[] Backward(Tensor g) => exponent switch
    {
        0f => [zeros_like(g)],
        1f => [g * 1.0],
        2f => [g * Saved(0) * 2.0],
        _ => [g * Saved(0).pow(exponent - 1) * exponent],
    };
}

/// <summary>min(max(x, lo), hi); the gradient passes where lo ≤ x ≤ hi (inclusive, as PyTorch).</summary>
internal sealed class ClampFunction(float? min, float? max) : GradFn
{
    public static Tensor Apply(Tensor x, double? min, double? max)
    {
        if (min is null && max is null) throw new ArgumentException("clamp: at least one of min or max must be given.");
        var lo = (float?)min;
        var hi = (float?)max;
        var fn = new ClampFunction(lo, hi);
        var y = fn.Record(Elementwise.Unary(x, "clamp", (s, d) =>
        {
            if (lo is { } l) TensorPrimitives.Max(s, l, d);
            else s.CopyTo(d);
            if (hi is { } h) TensorPrimitives.Min(d, h, d);
        }), x);
        if (y.grad_fn == fn) fn.Save(x);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var x = Saved(0);
        var pass = ones_like(x);
        if (min is { } lo) pass = pass * (x >= lo).to(ScalarType.Float32);
        if (max is { } hi) pass = pass * (x <= hi).to(ScalarType.Float32);
        return [g * pass];
    }
}

/// <summary>A copy with its own storage; the gradient passes through unchanged.</summary>
internal sealed class Clone : GradFn
{
    public override string name() => "CloneBackward0";

    public static Tensor Apply(Tensor x)
    {
        Tensor copy;
        if (x.Storage is LongStorage ls)
        {
            var data = new long[x.Count];
            Kernels.StridedCopy.Gather(ls.Data, x.Offset, x.Shape, x.Strides, data.AsSpan());
            copy = new Tensor(data, x.shape);
        }
        else
        {
            var data = new float[x.Count];
            Kernels.StridedCopy.Gather(x.FloatData, x.Offset, x.Shape, x.Strides, data.AsSpan());
            copy = new Tensor(data, x.shape, x.dtype);
        }
        return new Clone().Record(copy, x);
    }

    internal override Tensor?[] Backward(Tensor g) => [g];
}

/// <summary>Converts between element types; only float→float keeps the graph.</summary>
internal static class Cast
{
    public static Tensor Apply(Tensor x, ScalarType type)
    {
        var c = x.contiguous();
        if (c.Storage is FloatStorage && type != ScalarType.Int64)
        {
            var copy = c.FloatSpan().ToArray();
            if (type == ScalarType.Bool)
                for (int i = 0; i < copy.Length; i++) copy[i] = copy[i] != 0 ? 1 : 0;
            return new Tensor(copy, c.shape, type);
        }
        if (type == ScalarType.Int64)
        {
            var data = new long[c.Count];
            for (int i = 0; i < data.Length; i++) data[i] = (long)c.ElementAsDouble(i);
            return new Tensor(data, c.shape);
        }
        // long → float directly: going through double can round twice and miss the nearest float.
        var longs = c.LongSpan();
        var floats = new float[c.Count];
        for (int i = 0; i < floats.Length; i++) floats[i] = type == ScalarType.Bool ? (longs[i] != 0 ? 1 : 0) : longs[i];
        return new Tensor(floats, c.shape, type);
    }
}
