using NotebookDL.Kernels;
using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>Tensor-level entry to the elementwise kernels: shape checks, dtype rules, fast paths.</summary>
internal static class Elementwise
{
    public static Tensor Binary<TOp>(Tensor a, Tensor b, string op, ScalarType? resultType = null) where TOp : struct, IBinaryOperator<TOp>
    {
        var outShape = Shapes.SameShape(a.Shape, b.Shape) ? (long[])a.Shape.Clone() : Shapes.Broadcast(a.Shape, b.Shape, op);
        var type = resultType ?? Promote(a.dtype, b.dtype);
        var count = Shapes.CheckedCount(outShape, op);
        if (type != ScalarType.Int64 && a.Storage is FloatStorage fa && b.Storage is FloatStorage fb)
        {
            var result = TensorMemory.Allocate<float>(outShape, op);
            if (a.is_contiguous() && b.is_contiguous() && Shapes.SameShape(a.Shape, outShape) && Shapes.SameShape(b.Shape, outShape))
                TOp.VV(a.FloatSpan(), b.FloatSpan(), result);
            else if (b.Count == 1 && a.is_contiguous() && Shapes.SameShape(a.Shape, outShape))
                TOp.VS(a.FloatSpan(), fb.Data[b.Offset], result);
            else if (a.Count == 1 && b.is_contiguous() && Shapes.SameShape(b.Shape, outShape))
                TOp.SV(fa.Data[a.Offset], b.FloatSpan(), result);
            else
                Broadcast.Run<TOp>(
                    new(fa.Data, a.Offset, Shapes.BroadcastStrides(a.Shape, a.Strides, outShape)),
                    new(fb.Data, b.Offset, Shapes.BroadcastStrides(b.Shape, b.Strides, outShape)),
                    outShape, result);
            if (type == ScalarType.Float32 || resultType is not null) return new Tensor(result, outShape, type);
            for (int i = 0; i < result.Length; i++) result[i] = result[i] != 0 ? 1 : 0; // bool arithmetic stays 0/1
            return new Tensor(result, outShape, type);
        }
        if (a.dtype != ScalarType.Float32 && b.dtype != ScalarType.Float32)
            return BinaryExact<TOp>(a, b, outShape, type);
        var values = new double[count];
        Broadcast.RunScalar<TOp>(Reader(a), Shapes.BroadcastStrides(a.Shape, a.Strides, outShape), a.Offset,
            Reader(b), Shapes.BroadcastStrides(b.Shape, b.Strides, outShape), b.Offset, outShape, (i, v) => values[i] = v);
        return FromDoubles(values, outShape, type);
    }

    /// <summary>int64/bool operands in 64-bit integers: exact where a double would round past 2^53.</summary>
    private static Tensor BinaryExact<TOp>(Tensor a, Tensor b, long[] outShape, ScalarType type) where TOp : struct, IBinaryOperator<TOp>
    {
        var values = new long[Shapes.Numel(outShape)];
        Broadcast.RunExact<TOp>(ExactReader(a), Shapes.BroadcastStrides(a.Shape, a.Strides, outShape), a.Offset,
            ExactReader(b), Shapes.BroadcastStrides(b.Shape, b.Strides, outShape), b.Offset, outShape, (i, v) => values[i] = v);
        if (type == ScalarType.Int64) return new Tensor(values, outShape);
        var floats = new float[values.Length];
        for (int i = 0; i < values.Length; i++) floats[i] = type == ScalarType.Bool ? (values[i] != 0 ? 1 : 0) : values[i];
        return new Tensor(floats, outShape, type);
    }

    private static Func<long, long> ExactReader(Tensor t) => t.Storage switch
    {
        LongStorage ls => i => ls.Data[i],
        FloatStorage fs => i => (long)fs.Data[i],
        _ => throw new NotSupportedException("internal: unknown storage"),
    };

    internal static Func<long, double> Reader(Tensor t) => t.Storage switch
    {
        LongStorage ls => i => ls.Data[i],
        FloatStorage fs => i => fs.Data[i],
        _ => throw new NotSupportedException("internal: unknown storage"),
    };

    internal static Tensor FromDoubles(double[] values, long[] shape, ScalarType type)
    {
        if (type == ScalarType.Int64)
        {
            var longs = new long[values.Length];
            for (int i = 0; i < values.Length; i++) longs[i] = (long)values[i];
            return new Tensor(longs, shape);
        }
        var floats = new float[values.Length];
        for (int i = 0; i < values.Length; i++) floats[i] = type == ScalarType.Bool ? (values[i] != 0 ? 1 : 0) : (float)values[i];
        return new Tensor(floats, shape, type);
    }

    /// <summary>Applies a span-to-span float kernel to a float tensor, producing a new contiguous tensor.</summary>
    public static Tensor Unary(Tensor x, string op, SpanAction kernel)
    {
        var input = RequireFloat(x, op).contiguous();
        var result = new float[input.Count];
        kernel(input.FloatSpan(), result);
        return new Tensor(result, input.shape);
    }

    public delegate void SpanAction(ReadOnlySpan<float> source, Span<float> destination);

    public static Tensor RequireFloat(Tensor x, string op)
    {
        if (x.IsFloat) return x;
        throw new ArgumentException(
            $"{op}: expected a floating point tensor but got {TypeName(x.dtype)} with shape {Shapes.Format(x.Shape)}; convert it with .to(torch.float32).");
    }

    /// <summary>Sums a broadcast gradient back down to the shape of the input that was broadcast.</summary>
    public static Tensor SumTo(Tensor grad, long[] shape)
    {
        if (Shapes.SameShape(grad.Shape, shape)) return grad;
        var lead = grad.Shape.Length - shape.Length;
        var dims = new List<long>();
        for (int d = 0; d < grad.Shape.Length; d++)
            if (d < lead || (shape[d - lead] == 1 && grad.Shape[d] != 1)) dims.Add(d);
        var summed = dims.Count == 0 ? grad : grad.sum(dims.ToArray(), keepdim: true);
        return summed.reshape(shape);
    }
}
