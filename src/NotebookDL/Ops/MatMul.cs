using NotebookDL.Kernels;
using static NotebookDL.torch;

namespace NotebookDL.Ops;

/// <summary>
/// Batched matrix product [B, m, k] · [B, k, n] (B = 1 for mm). Transposed views are handed to the GEMM
/// kernel as transposed operands instead of being copied, which keeps Linear's backward copy-free.
/// d/dA = G·Bᵀ, d/dB = Aᵀ·G.
/// </summary>
internal sealed class BmmFunction : GradFn
{
    private bool is2D;

    public override string name() => is2D ? "MmBackward0" : "BmmBackward0";

    public static Tensor Apply(Tensor a, Tensor b, string op)
    {
        Elementwise.RequireFloat(a, op);
        Elementwise.RequireFloat(b, op);
        var is2D = a.Shape.Length == 2;
        if (a.Shape.Length != b.Shape.Length || (a.Shape.Length != 2 && a.Shape.Length != 3))
            throw new ArgumentException($"{op}: expected two {(is2D ? "2-D" : "3-D")} tensors but got shapes {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)}.");
        var batch = is2D ? 1 : a.Shape[0];
        var (m, k) = (a.Shape[^2], a.Shape[^1]);
        var (k2, n) = (b.Shape[^2], b.Shape[^1]);
        if (k != k2 || (!is2D && b.Shape[0] != batch))
            throw new ArgumentException(
                $"{op}: shapes {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)} cannot be multiplied " +
                $"({m}x{k} and {k2}x{n}: the inner sizes {k} and {k2} must match{(is2D ? "" : ", and so must the batch sizes")}).");
        var (da, offA, strideA, transA) = Operand(a);
        var (db, offB, strideB, transB) = Operand(b);
        var shape = is2D ? new[] { m, n } : [batch, m, n];
        var result = TensorMemory.Allocate<float>(shape, op);
        Gemm.MultiplyBatched(da.AsSpan(offA), strideA, db.AsSpan(offB), strideB, result, (int)(m * n), (int)batch, (int)m, (int)n, (int)k, transA, transB);
        var fn = new BmmFunction { is2D = is2D };
        var y = fn.Record(new Tensor(result, shape), a, b);
        if (y.grad_fn == fn) fn.Save(a, b);
        return y;
    }

    /// <summary>Storage, start, batch stride and transposition that let GEMM read the matrices without a copy.</summary>
    private static (float[] data, int offset, int batchStride, bool transposed) Operand(Tensor t)
    {
        var rank = t.Shape.Length;
        var (rows, cols) = (t.Shape[^2], t.Shape[^1]);
        var (rs, cs) = (t.Strides[^2], t.Strides[^1]);
        var batchStride = rank == 3 ? t.Strides[0] : 0;
        var batchOk = rank == 2 || t.Shape[0] == 1 || batchStride == rows * cols || batchStride == 0;
        if (batchOk && (cs == 1 || cols == 1) && (rs == cols || rows == 1))
            return (t.FloatData, (int)t.Offset, (int)batchStride, false);
        if (batchOk && (rs == 1 || rows == 1) && (cs == rows || cols == 1))
            return (t.FloatData, (int)t.Offset, (int)batchStride, true);
        var c = t.contiguous();
        return (c.FloatData, (int)c.Offset, rank == 3 ? (int)(rows * cols) : 0, false);
    }

    internal override Tensor?[] Backward(Tensor g)
    {
        var a = Saved(0);
        var b = Saved(1);
        var needA = Inputs[0]?.requires_grad == true;
        var needB = Inputs[1]?.requires_grad == true;
        var op = is2D ? "mm" : "bmm";
        return
        [
            needA ? Apply(g, b.transpose(-2, -1), op) : null,
            needB ? Apply(a.transpose(-2, -1), g, op) : null,
        ];
    }
}

/// <summary>torch.matmul's dispatch over 1-D, 2-D and batched operands, built on <see cref="BmmFunction"/>.</summary>
internal static class MatMul
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        if (a.Shape.Length == 0 || b.Shape.Length == 0)
            throw new ArgumentException($"matmul: both arguments need at least 1 dimension, but got shapes {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)}.");
        if (a.Shape.Length == 1 && b.Shape.Length == 1)
        {
            if (a.Shape[0] != b.Shape[0])
                throw new ArgumentException($"matmul: 1-D tensors of sizes {a.Shape[0]} and {b.Shape[0]} must have the same size for a dot product.");
            return (a * b).sum();
        }
        if (a.Shape.Length == 1) return Apply(a.unsqueeze(0), b).squeeze(-2);
        if (b.Shape.Length == 1) return Apply(a, b.unsqueeze(-1)).squeeze(-1);
        if (a.Shape.Length == 2 && b.Shape.Length == 2) return BmmFunction.Apply(a, b, "matmul");
        if (b.Shape.Length == 2 && a.Shape[^1] == b.Shape[0])
        {
            // [..., m, k]·[k, n] is one big 2-D product over the folded leading dims.
            var lead = a.Shape[..^1];
            var flat = BmmFunction.Apply(a.reshape(-1, a.Shape[^1]), b, "matmul");
            return flat.reshape([.. lead, b.Shape[1]]);
        }
        var batchA = a.Shape[..^2];
        var batchB = b.Shape[..^2];
        var batch = Shapes.Broadcast(batchA, batchB, "matmul");
        var count = Shapes.Numel(batch);
        var ea = a.expand([.. batch, a.Shape[^2], a.Shape[^1]]).reshape(count, a.Shape[^2], a.Shape[^1]);
        var eb = b.expand([.. batch, b.Shape[^2], b.Shape[^1]]).reshape(count, b.Shape[^2], b.Shape[^1]);
        var product = BmmFunction.Apply(ea, eb, "matmul");
        return product.reshape([.. batch, a.Shape[^2], b.Shape[^1]]);
    }
}
