using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>Expected strings are repr() output of PyTorch 1.13 for the same tensors.</summary>
public class TensorStringTests
{
    private static readonly Dictionary<string, (Func<Tensor> make, string expected)> Cases = new()
    {
        ["scalar"] = (() => tensor(3f), "tensor(3.)"),
        ["scalar_fraction"] = (() => tensor(-2.5f), "tensor(-2.5000)"),
        ["vector_integral"] = (() => tensor(new float[] { 1, 2, 3 }), "tensor([1., 2., 3.])"),
        ["matrix_aligned"] = (() => tensor(new float[,] { { 1.5f, 2.25f }, { -3.125f, 10 } }),
            "tensor([[ 1.5000,  2.2500],\n        [-3.1250, 10.0000]])"),
        ["negative_alignment"] = (() => tensor(new float[] { -1.5f, 0.25f, 100 }), "tensor([ -1.5000,   0.2500, 100.0000])"),
        ["scientific_small"] = (() => tensor(new float[] { 1e-5f, 1 }), "tensor([1.0000e-05, 1.0000e+00])"),
        ["scientific_ratio"] = (() => tensor(new float[] { 1, 2000 }), "tensor([1.0000e+00, 2.0000e+03])"),
        ["scientific_integral_large"] = (() => tensor(new float[] { 1, 2e9f }), "tensor([1.0000e+00, 2.0000e+09])"),
        ["int64"] = (() => tensor(new long[] { 1, -20, 300 }), "tensor([  1, -20, 300])"),
        ["int64_scalar"] = (() => tensor(7L), "tensor(7)"),
        ["int64_beyond_double"] = (() => tensor(new[] { (1L << 53) + 1, -1 }), "tensor([9007199254740993,               -1])"),
        ["bool"] = (() => tensor(new[] { true, false }), "tensor([ True, False])"),
        ["bool_scalar"] = (() => tensor(3f) > 2.0, "tensor(True)"),
        ["transposed_view"] = (() => arange(6.0).reshape(2, 3).t(), "tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]])"),
        ["zeros"] = (() => zeros(2, 2), "tensor([[0., 0.],\n        [0., 0.]])"),
        ["three_dims"] = (() => arange(8.0).reshape(2, 2, 2), "tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])"),
        ["infinity"] = (() => tensor(new[] { float.NegativeInfinity, 1 }), "tensor([-inf, 1.])"),
        ["nan"] = (() => tensor(new[] { float.NaN, 1.5f, 0 }), "tensor([   nan, 1.5000, 0.0000])"),
        ["line_wrap"] = (() => arange(30.0) * 1.5,
            "tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n" +
            "        12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,\n" +
            "        24.0000, 25.5000, 27.0000, 28.5000, 30.0000, 31.5000, 33.0000, 34.5000,\n" +
            "        36.0000, 37.5000, 39.0000, 40.5000, 42.0000, 43.5000])"),
        ["summarized_float"] = (() => arange(2000.0),
            "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])"),
        ["summarized_int64"] = (() => arange(2000), "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])"),
        ["summarized_format_from_shown_values"] = (() => cat([tensor(new[] { 1.5f, 2, 3 }), full([1000], 123456.7), tensor(new[] { 4f, 5, 6 })]),
            "tensor([1.5000, 2.0000, 3.0000,  ..., 4.0000, 5.0000, 6.0000])"),
        ["summarized_width_from_shown_values"] = (() => cat([tensor(new long[] { 1, 2, 3 }), full([1000], 123456789, dtype: int64), tensor(new long[] { 4, 5, 6 })]),
            "tensor([1, 2, 3,  ..., 4, 5, 6])"),
        ["summarized_2d"] = (() => arange(2000.0).reshape(40, 50)[TensorIndex.Slice(0, 40, 1)],
            "tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 4.7000e+01, 4.8000e+01,\n         4.9000e+01],\n" +
            "        [5.0000e+01, 5.1000e+01, 5.2000e+01,  ..., 9.7000e+01, 9.8000e+01,\n         9.9000e+01],\n" +
            "        [1.0000e+02, 1.0100e+02, 1.0200e+02,  ..., 1.4700e+02, 1.4800e+02,\n         1.4900e+02],\n" +
            "        ...,\n" +
            "        [1.8500e+03, 1.8510e+03, 1.8520e+03,  ..., 1.8970e+03, 1.8980e+03,\n         1.8990e+03],\n" +
            "        [1.9000e+03, 1.9010e+03, 1.9020e+03,  ..., 1.9470e+03, 1.9480e+03,\n         1.9490e+03],\n" +
            "        [1.9500e+03, 1.9510e+03, 1.9520e+03,  ..., 1.9970e+03, 1.9980e+03,\n         1.9990e+03]])"),
        ["requires_grad"] = (() => tensor(new float[] { 1, 2 }, requires_grad: true), "tensor([1., 2.], requires_grad=True)"),
        ["requires_grad_matrix"] = (() => tensor(new float[,] { { 1, 2 }, { 3, 4 } }, requires_grad: true),
            "tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)"),
        ["grad_fn_add"] = (() => tensor(new float[] { 1, 2 }, requires_grad: true) + 1, "tensor([2., 3.], grad_fn=<AddBackward0>)"),
        ["grad_fn_mul"] = (() => tensor(new float[] { 1, 2 }, requires_grad: true) * 2, "tensor([2., 4.], grad_fn=<MulBackward0>)"),
        ["suffix_fits_on_line"] = (() => arange(20.0).requires_grad_(),
            "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n" +
            "        14., 15., 16., 17., 18., 19.], requires_grad=True)"),
        ["suffix_wraps"] = (() => (arange(7.0) * 1.5).requires_grad_(),
            "tensor([0.0000, 1.5000, 3.0000, 4.5000, 6.0000, 7.5000, 9.0000],\n       requires_grad=True)"),
        ["grad_fn_wraps"] = (() => arange(8.0).requires_grad_() * 1.5,
            "tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000],\n       grad_fn=<MulBackward0>)"),
        ["empty"] = (() => zeros(0), "tensor([])"),
        ["empty_2d"] = (() => zeros(0, 3), "tensor([], size=(0, 3))"),
        ["empty_int64"] = (() => zeros(0, dtype: int64), "tensor([], dtype=torch.int64)"),
        ["empty_bool"] = (() => zeros(0, dtype: @bool), "tensor([], dtype=torch.bool)"),
        ["empty_bool_2d"] = (() => zeros([0, 1], dtype: @bool), "tensor([], size=(0, 1), dtype=torch.bool)"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ToString_Tensor_MatchesPyTorchRepr(string name)
    {
        var (make, expected) = Cases[name];

        Assert.Equal(expected, make().ToString());
    }

    [Fact]
    public void Str_SameAsToString()
    {
        var x = tensor(new float[] { 1, 2 });

        Assert.Equal(x.ToString(), x.str());
    }
}
