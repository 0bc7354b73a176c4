using MTI = NotebookDL.torch.TensorIndex;
using TTI = TorchSharp.torch.TensorIndex;

namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>The table of tensor operations compared with libtorch: forward values and input gradients.</summary>
static class OpCases
{
    static Input In(params long[] shape) => new(shape);
    static Input Pos(params long[] shape) => new(shape, Values.Positive);

    static OpCase Op(string name, Input[] inputs, Func<MT.Tensor[], MT.Tensor> managed, Func<TT.Tensor[], TT.Tensor> torch,
        double rtol = 1e-5, double atol = 1e-6) => new(name, inputs, managed, torch, rtol, atol);

    public static readonly OpCase[] All =
    [
        // Elementwise arithmetic with broadcasting.
        Op("add/broadcast-row", [In(3, 4), In(4)], m => m[0] + m[1], t => t[0] + t[1]),
        Op("sub/broadcast-column", [In(2, 3, 4), In(3, 1)], m => m[0] - m[1], t => t[0] - t[1]),
        Op("mul/outer-broadcast", [In(4, 1), In(1, 5)], m => m[0] * m[1], t => t[0] * t[1]),
        Op("div/broadcast", [In(3, 4), Pos(4)], m => m[0] / m[1], t => t[0] / t[1]),
        Op("div/scalar-numerator", [Pos(3, 4)], m => 2.0 / m[0], t => 2.0 / t[0]),
        Op("affine/scalars", [In(3, 4)], m => m[0] * 2.5 + 1.0, t => t[0] * 2.5 + 1.0),
        Op("neg", [In(3, 4)], m => -m[0], t => -t[0]),
        Op("abs", [In(3, 4)], m => m[0].abs(), t => t[0].abs()),
        Op("square", [In(3, 4)], m => m[0].square(), t => t[0].square()),
        Op("pow/scalar", [Pos(3, 4)], m => m[0].pow(2.5), t => t[0].pow(2.5)),
        Op("pow/integer-scalar-negative-base", [In(3, 4)], m => m[0].pow(3), t => t[0].pow(3)),
        Op("pow/tensor-exponent", [Pos(3, 4), In(3, 4)], m => m[0].pow(m[1]), t => t[0].pow(t[1])),
        Op("pow/integer-tensor-exponent-negative-base", [In(3, 4)],
            m => m[0].pow(MT.full([3, 4], 2.0)), t => t[0].pow(TT.full([3, 4], 2.0f))),
        Op("maximum", [In(3, 4), In(3, 4)], m => m[0].maximum(m[1]), t => t[0].maximum(t[1])),
        Op("minimum/broadcast", [In(3, 4), In(4)], m => m[0].minimum(m[1]), t => t[0].minimum(t[1])),
        Op("clamp", [In(4, 5)], m => m[0].clamp(-0.5, 0.7), t => t[0].clamp(-0.5, 0.7)),
        Op("where", [In(4, 5), In(4, 5)], m => MT.where(m[0] > 0.0, m[0], m[1]), t => TT.where(t[0] > 0.0, t[0], t[1])),

        // Unary math and activations.
        Op("exp", [In(3, 4)], m => m[0].exp(), t => t[0].exp()),
        Op("log", [Pos(3, 4)], m => m[0].log(), t => t[0].log()),
        Op("sqrt", [Pos(3, 4)], m => m[0].sqrt(), t => t[0].sqrt()),
        Op("rsqrt", [Pos(3, 4)], m => m[0].rsqrt(), t => t[0].rsqrt()),
        Op("reciprocal", [Pos(3, 4)], m => m[0].reciprocal(), t => t[0].reciprocal()),
        Op("tanh", [In(3, 4)], m => m[0].tanh(), t => t[0].tanh()),
        Op("sigmoid", [In(3, 4)], m => m[0].sigmoid(), t => t[0].sigmoid()),
        Op("relu", [In(3, 4)], m => m[0].relu(), t => t[0].relu()),
        Op("gelu", [In(3, 4)], m => MT.nn.functional.gelu(m[0]), t => TT.nn.functional.gelu(t[0])),
        Op("leaky_relu", [In(3, 4)], m => MT.nn.functional.leaky_relu(m[0], 0.1), t => TT.nn.functional.leaky_relu(t[0], 0.1)),
        Op("softmax/dim1", [In(3, 5)], m => m[0].softmax(1), t => t[0].softmax(1)),
        Op("softmax/dim0-3d", [In(4, 3, 2)], m => MT.softmax(m[0], 0), t => TT.softmax(t[0], 0)),
        Op("log_softmax/last", [In(3, 6)], m => m[0].log_softmax(-1), t => t[0].log_softmax(-1)),
        Op("log_softmax/middle-3d", [In(2, 5, 3)], m => m[0].log_softmax(1), t => t[0].log_softmax(1)),
        Op("logsumexp", [In(3, 6)], m => m[0].logsumexp(1), t => t[0].logsumexp(1)),

        // Reductions.
        Op("sum/all", [In(3, 4, 5)], m => m[0].sum(), t => t[0].sum()),
        Op("sum/dim1", [In(3, 4, 5)], m => m[0].sum(1), t => t[0].sum(1)),
        Op("sum/dims-keepdim", [In(3, 4, 5)], m => m[0].sum([0, 2], keepdim: true), t => t[0].sum([0, 2], keepdim: true)),
        Op("mean/all", [In(3, 4, 5)], m => m[0].mean(), t => t[0].mean()),
        Op("mean/dim0-keepdim", [In(3, 4, 5)], m => m[0].mean(0, keepdim: true), t => t[0].mean([0], keepdim: true)),
        Op("max/all", [In(3, 4, 5)], m => m[0].max(), t => t[0].max()),
        Op("max/dim", [In(3, 4, 5)], m => m[0].max(1).values, t => t[0].max(1).values),
        Op("max/dim-indices", [In(3, 4, 5)], m => m[0].max(2).indexes.to(NotebookDL.ScalarType.Float32), t => t[0].max(2).indexes.to(TT.ScalarType.Float32)),
        Op("min/dim-keepdim", [In(3, 4, 5)], m => m[0].min(0, keepdim: true).values, t => t[0].min(0, keepdim: true).values),
        Op("amax/dim", [In(3, 4, 5)], m => m[0].amax(-1), t => t[0].amax(-1)),
        Op("argmax/dim", [In(6, 7)], m => m[0].argmax(1).to(NotebookDL.ScalarType.Float32), t => t[0].argmax(1).to(TT.ScalarType.Float32)),
        Op("var/dim", [In(4, 6)], m => m[0].var(1), t => t[0].var(1)),
        Op("std/all", [In(4, 6)], m => m[0].std(), t => t[0].std()),
        Op("sum/large", [In(100, 1000)], m => m[0].sum(), t => t[0].sum(), rtol: 1e-4, atol: 1e-3),
        Op("mean/large-dim", [In(50, 4000)], m => m[0].mean(1), t => t[0].mean([1]), rtol: 1e-4, atol: 1e-5),

        // Matrix products.
        Op("mm", [In(5, 7), In(7, 3)], m => m[0].mm(m[1]), t => t[0].mm(t[1])),
        Op("matmul/batched-broadcast", [In(2, 5, 7), In(7, 3)], m => m[0].matmul(m[1]), t => t[0].matmul(t[1])),
        Op("matmul/vector-matrix", [In(7), In(7, 3)], m => m[0].matmul(m[1]), t => t[0].matmul(t[1])),
        Op("matmul/matrix-vector", [In(4, 7), In(7)], m => m[0].matmul(m[1]), t => t[0].matmul(t[1])),
        Op("bmm", [In(3, 4, 5), In(3, 5, 2)], m => m[0].bmm(m[1]), t => t[0].bmm(t[1])),
        Op("matmul/large", [In(64, 300), In(300, 48)], m => m[0].matmul(m[1]), t => t[0].matmul(t[1]), rtol: 1e-4, atol: 1e-4),
        Op("matmul/transposed-operand", [In(7, 5), In(7, 3)], m => m[0].t().matmul(m[1]), t => t[0].t().matmul(t[1])),

        // Views and joins.
        Op("reshape", [In(2, 3, 4)], m => m[0].reshape(6, 4) * 1.5, t => t[0].reshape(6, 4) * 1.5),
        Op("view-infer", [In(2, 3, 4)], m => m[0].view(-1, 12).exp(), t => t[0].view(-1, 12).exp()),
        Op("transpose", [In(2, 3, 4)], m => m[0].transpose(0, 2).exp(), t => t[0].transpose(0, 2).exp()),
        Op("permute", [In(2, 3, 4)], m => m[0].permute(2, 0, 1).contiguous() * 2.0, t => t[0].permute(2, 0, 1).contiguous() * 2.0),
        Op("slice/columns", [In(4, 6)], m => m[0][MTI.Colon, MTI.Slice(1, 4)], t => t[0][TTI.Colon, TTI.Slice(1, 4)]),
        Op("slice/step", [In(6, 5)], m => m[0][MTI.Slice(0, 6, 2)], t => t[0][TTI.Slice(0, 6, 2)]),
        Op("slice/single-and-ellipsis", [In(3, 4, 5)], m => m[0][MTI.Ellipsis, 2], t => t[0][TTI.Ellipsis, 2]),
        Op("narrow", [In(4, 6)], m => m[0].narrow(1, 2, 3), t => t[0].narrow(1, 2, 3)),
        Op("select", [In(4, 6)], m => m[0].select(0, 3), t => t[0].select(0, 3)),
        Op("unsqueeze-squeeze", [In(4, 6)], m => m[0].unsqueeze(1).squeeze(1).unsqueeze(0), t => t[0].unsqueeze(1).squeeze(1).unsqueeze(0)),
        Op("flatten/middle", [In(2, 3, 4, 5)], m => m[0].flatten(1, 2), t => t[0].flatten(1, 2)),
        Op("expand", [In(3, 1)], m => m[0].expand(3, 4) * 1.0, t => t[0].expand(3, 4) * 1.0),
        Op("cat/dim1", [In(3, 2), In(3, 4)], m => MT.cat([m[0], m[1]], 1), t => TT.cat([t[0], t[1]], 1)),
        Op("cat/dim0", [In(2, 3), In(4, 3), In(1, 3)], m => MT.cat([m[0], m[1], m[2]], 0), t => TT.cat([t[0], t[1], t[2]], 0)),
        Op("stack/dim0", [In(3, 4), In(3, 4)], m => MT.stack([m[0], m[1]], 0), t => TT.stack([t[0], t[1]], 0)),
        Op("stack/last", [In(3, 4), In(3, 4)], m => MT.stack([m[0], m[1]], 2), t => TT.stack([t[0], t[1]], 2)),

        // Padding, sliding windows and interpolation (the fast CIFAR recipe's data path).
        Op("pad/constant", [In(2, 3, 4, 5)], m => MT.nn.functional.pad(m[0], [1, 2, 0, 3], value: 0.5), t => TT.nn.functional.pad(t[0], [1, 2, 0, 3], value: 0.5)),
        Op("pad/constant-crop", [In(2, 3, 4, 5)], m => MT.nn.functional.pad(m[0], [-1, 2, 1, -2]), t => TT.nn.functional.pad(t[0], [-1, 2, 1, -2])),
        Op("pad/reflect", [In(2, 3, 4, 5)], m => MT.nn.functional.pad(m[0], [2, 2, 3, 1], NotebookDL.PaddingModes.Reflect), t => TT.nn.functional.pad(t[0], [2, 2, 3, 1], global::TorchSharp.PaddingModes.Reflect)),
        Op("pad/replicate", [In(2, 3, 4, 5)], m => MT.nn.functional.pad(m[0], [2, 1, 1, 3], NotebookDL.PaddingModes.Replicate), t => TT.nn.functional.pad(t[0], [2, 1, 1, 3], global::TorchSharp.PaddingModes.Replicate)),
        Op("pad/circular", [In(2, 3, 4, 5)], m => MT.nn.functional.pad(m[0], [2, 1, 1, 4], NotebookDL.PaddingModes.Circular), t => TT.nn.functional.pad(t[0], [2, 1, 1, 4], global::TorchSharp.PaddingModes.Circular)),
        Op("unfold/3x3-padded", [In(2, 3, 5, 6)], m => MT.nn.functional.unfold(m[0], 3, padding: 1), t => TT.nn.functional.unfold(t[0], 3, padding: 1)),
        Op("unfold/2x2-strided-dilated", [In(2, 2, 7, 6)], m => MT.nn.functional.unfold(m[0], (2, 2), dilation: (2, 1), stride: (2, 2)),
            t => TT.nn.functional.unfold(t[0], (2, 2), dilation: (2, 1), stride: (2, 2))),
        Op("lerp/tensor-weight", [In(3, 4), In(3, 4), In(4)], m => m[0].lerp(m[1], m[2]), t => t[0].lerp(t[1], t[2])),
    ];
}
