using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>The C# spelling of every "op" in ops.json, mirroring apply_op in tests/golden/generate_golden.py.</summary>
internal static class GoldenOps
{
    /// <summary>The op's output, and for max_dim/min_dim also the indices.</summary>
    public static (Tensor output, Tensor? indices) Apply(OpCase c, Tensor[] x)
    {
        var a = x[0];
        switch (c.Op)
        {
            case "max_dim":
            {
                var (values, indexes) = a.max(c.Long("dim"));
                return (values, indexes);
            }
            case "min_dim":
            {
                var (values, indexes) = a.min(c.Long("dim"));
                return (values, indexes);
            }
            default:
                return (Output(c, x, a), null);
        }
    }

    private static Tensor Output(OpCase c, Tensor[] x, Tensor a) => c.Op switch
    {
        "add" => x[0] + x[1],
        "sub" => x[0] - x[1],
        "mul" => x[0] * x[1],
        "div" => x[0] / x[1],
        "maximum" => maximum(x[0], x[1]),
        "minimum" => minimum(x[0], x[1]),
        "add_scalar" => a + c.Double("scalar"),
        "sub_scalar" => a - c.Double("scalar"),
        "mul_scalar" => a * c.Double("scalar"),
        "div_scalar" => a / c.Double("scalar"),
        "rsub_scalar" => c.Double("scalar") - a,
        "neg" => -a,
        "exp" => a.exp(),
        "log" => a.log(),
        "sqrt" => a.sqrt(),
        "abs" => a.abs(),
        "sigmoid" => a.sigmoid(),
        "tanh" => a.tanh(),
        "relu" => relu(a),
        "gelu" => nn.functional.gelu(a),
        "square" => a.square(),
        "pow" => a.pow(c.Double("exponent")),
        "clamp" => a.clamp(c.OptionalDouble("min"), c.OptionalDouble("max")),
        "leaky_relu" => nn.functional.leaky_relu(a, c.Double("negative_slope")),
        "softmax" => nn.functional.softmax(a, c.Long("dim")),
        "log_softmax" => nn.functional.log_softmax(a, c.Long("dim")),
        "matmul" => matmul(x[0], x[1]),
        "mm" => x[0].mm(x[1]),
        "bmm" => x[0].bmm(x[1]),
        "sum" => c.Has("dim") ? a.sum(c.Longs("dim"), c.Bool("keepdim", false)) : a.sum(),
        "mean" => c.Has("dim") ? a.mean(c.Longs("dim"), c.Bool("keepdim", false)) : a.mean(),
        "max_all" => a.max(),
        "min_all" => a.min(),
        "var" => c.Has("dim") ? a.var(c.Longs("dim"), c.Bool("unbiased", true), c.Bool("keepdim", false)) : a.var(c.Bool("unbiased", true)),
        "std" => c.Has("dim") ? a.std(c.Longs("dim"), c.Bool("unbiased", true), c.Bool("keepdim", false)) : a.std(c.Bool("unbiased", true)),
        "logsumexp" => a.logsumexp(c.Long("dim")),
        "reshape" => a.reshape(c.Longs("shape")),
        "transpose" => a.transpose(c.Long("dim0"), c.Long("dim1")),
        "permute" => a.permute(c.Longs("dims")),
        "unsqueeze" => a.unsqueeze(c.Long("dim")),
        "squeeze" => c.Has("dim") ? a.squeeze(c.Long("dim")) : a.squeeze(),
        "flatten" => a.flatten(c.Long("start_dim"), c.Has("end_dim") ? c.Long("end_dim") : -1),
        "t" => a.t(),
        "expand" => a.expand(c.Longs("shape")),
        "cat" => cat(x, c.Long("dim")),
        "stack" => stack(x, c.Long("dim")),
        "slice" => a[SliceOn(c.Long("dim"), c.Long("start"), c.Long("stop"), c.Long("step"))],
        "select" => a.select(c.Long("dim"), c.Long("index")),
        "where" => where(x[0] > 0.5, x[1], x[2]),
        "index_select" => a.index_select(c.Long("dim"), x[1]),
        _ => throw new NotSupportedException($"ops.json op '{c.Op}' has no C# mapping in GoldenOps"),
    };

    /// <summary>Python's a[:, ..., start:stop:step] with the slice on <paramref name="dim"/>.</summary>
    private static TensorIndex[] SliceOn(long dim, long start, long stop, long step) =>
        [.. Enumerable.Repeat(TensorIndex.Colon, (int)dim), TensorIndex.Slice(start, stop, step)];
}
