using NotebookDL.Kernels;
using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>Shared plumbing of broadcasting binary ops: remembers the input shapes to sum gradients back.</summary>
internal abstract class BinaryFunction : GradFn
{
    protected long[] ShapeA = [], ShapeB = [];

    protected bool NeedsA => Inputs[0]?.requires_grad == true;

    protected bool NeedsB => Inputs[1]?.requires_grad == true;

    protected Tensor Track(Tensor output, Tensor a, Tensor b)
    {
        ShapeA = a.Shape;
        ShapeB = b.Shape;
        return Record(output, a, b);
    }

    protected Tensor? ToA(Func<Tensor> grad) => NeedsA ? Elementwise.SumTo(grad(), ShapeA) : null;

    protected Tensor? ToB(Func<Tensor> grad) => NeedsB ? Elementwise.SumTo(grad(), ShapeB) : null;
}

/// <summary>a + b; d/da = 1, d/db = 1.</summary>
internal sealed class AddFunction : BinaryFunction
{
    public static Tensor Apply(Tensor a, Tensor b) => new AddFunction().Track(Elementwise.Binary<AddOp>(a, b, "add"), a, b);

    internal override Tensor?[] Backward(Tensor g) => [ToA(() => g), ToB(() => g)];
}

/// <summary>a − b; d/da = 1, d/db = −1.</summary>
internal sealed class SubFunction : BinaryFunction
{
    public static Tensor Apply(Tensor a, Tensor b) => new SubFunction().Track(Elementwise.Binary<SubOp>(a, b, "sub"), a, b);

    internal override Tensor?[] Backward(Tensor g) => [ToA(() => g), ToB(() => -g)];
}

/// <summary>a · b; d/da = b, d/db = a.</summary>
internal sealed class MulFunction : BinaryFunction
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        var fn = new MulFunction();
        var y = fn.Track(Elementwise.Binary<MulOp>(a, b, "mul"), a, b);
        if (y.grad_fn == fn) fn.Save(a, b);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [ToA(() => g * Saved(1)), ToB(() => g * Saved(0))];
}

/// <summary>a / b (true division, so integer inputs give float32); d/da = 1/b, d/db = −a/b².</summary>
internal sealed class DivFunction : BinaryFunction
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        var fn = new DivFunction();
        var y = fn.Track(Elementwise.Binary<DivOp>(a.to(ScalarType.Float32), b.to(ScalarType.Float32), "div"), a, b);
        if (y.grad_fn == fn) fn.Save(a, b);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g) => [ToA(() => g / Saved(1)), ToB(() => -g * Saved(0) / (Saved(1) * Saved(1)))];
}

/// <summary>
/// a^b elementwise with broadcasting. Computed directly rather than as exp(b·log a), which is NaN for every negative base
/// (PyTorch gives (-2)^2 = 4). d/da = b·a^(b−1), 0 where b = 0; d/db = a^b·ln a, 0 where a = 0 (PyTorch's masks).
/// </summary>
internal sealed class PowTensorFunction : BinaryFunction
{
    public override string name() => "PowBackward1";

    public static Tensor Apply(Tensor a, Tensor b)
    {
        var fn = new PowTensorFunction();
        var y = fn.Track(Elementwise.Binary<PowOp>(a.to(ScalarType.Float32), b.to(ScalarType.Float32), "pow"), a, b);
        if (y.grad_fn == fn) fn.Save(a, b);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var a = Saved(0);
        var b = Saved(1);
        return [ToA(() => where(b == 0.0, 0.0, g * b * a.pow(b - 1.0))), ToB(() => where(a == 0.0, 0.0, g * a.pow(b) * a.log()))];
    }
}

/// <summary>
/// Elementwise max/min of two tensors. The gradient goes to the larger (smaller) input; on a tie it is
/// split evenly, as PyTorch does.
/// </summary>
internal sealed class ExtremumFunction(bool isMax) : BinaryFunction
{
    public override string name() => isMax ? "MaximumBackward0" : "MinimumBackward0";

    public static Tensor Apply(Tensor a, Tensor b, bool isMax)
    {
        var fn = new ExtremumFunction(isMax);
        var y = isMax ? Elementwise.Binary<MaxOp>(a, b, "maximum") : Elementwise.Binary<MinOp>(a, b, "minimum");
        y = fn.Track(y, a, b);
        if (y.grad_fn == fn) fn.Save(a, b);
        return y;
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var a = Saved(0);
        var b = Saved(1);
        var winsA = isMax ? Elementwise.Binary<GtOp>(a, b, "maximum", ScalarType.Float32) : Elementwise.Binary<LtOp>(a, b, "minimum", ScalarType.Float32);
        var ties = Elementwise.Binary<EqOp>(a, b, "maximum", ScalarType.Float32);
        var shareA = winsA + ties * 0.5f;
        return [ToA(() => g * shareA), ToB(() => g * (1f - shareA))];
    }
}
