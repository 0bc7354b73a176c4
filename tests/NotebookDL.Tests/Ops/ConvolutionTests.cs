using System.Text.Json;
using NotebookDL.Tests.Fixtures;
using NotebookDL.Ops;
using static NotebookDL.torch;
using static NotebookDL.torch.nn.functional;

namespace NotebookDL.Tests.Ops;

public class ConvolutionTests
{
    public static TheoryData<string> GoldenCases => Golden.Names("Conv2d");

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Conv2d_GoldenCase_MatchesPyTorch(string name)
    {
        var c = Golden.Case(name);
        var config = c.GetProperty("config");
        var state = c.GetProperty("state_dict");
        var x = Golden.ToTensor(c.GetProperty("input"), requiresGrad: true);
        var w = Golden.ToTensor(state.GetProperty("weight"), requiresGrad: true);
        var b = state.TryGetProperty("bias", out var bias) ? Golden.ToTensor(bias, requiresGrad: true) : null;
        var padding = config.GetProperty("padding");
        var dilation = Golden.Longs(config.GetProperty("dilation"));

        var y = padding.ValueKind == JsonValueKind.String
            ? conv2d_same(x, w, b, dilation)
            : conv2d(x, w, b, Golden.Longs(config.GetProperty("stride")), Golden.Longs(padding), dilation);
        y.backward(Golden.ToTensor(c.GetProperty("grad_output")));

        Golden.AssertClose(c.GetProperty("output"), y, "output");
        Golden.AssertClose(c.GetProperty("grad_input"), x.grad, "grad_input");
        foreach (var grad in c.GetProperty("grads").EnumerateObject())
            Golden.AssertClose(grad.Value, grad.Name == "weight" ? w.grad : b?.grad, grad.Name);
    }

    [Fact]
    public void Conv2d_TextbookExample_GivesWorkedResult()
    {
        var image = tensor(new float[,] { { 1, 2, 3, 4, 5 }, { 2, 1, 0, 1, 2 }, { 3, 0, 1, 1, 0 }, { 1, 4, 1, 1, 2 }, { 2, 1, 1, 0, 0 } });
        var kernel = tensor(new float[,] { { 1, 0, 1 }, { 1, 0, 1 }, { 0, 1, 0 } });

        var y = conv2d(image.reshape(1, 1, 5, 5), kernel.reshape(1, 1, 3, 3));

        Assert.Equal([1L, 1, 3, 3], y.shape);
        Assert.Equal([6f, 9, 11, 10, 4, 4, 7, 7, 4], y.ToArray());
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    public void Conv2dSame_AnyKernel_KeepsHeightAndWidth(int k, int dilation)
    {
        var y = conv2d_same(randn(2, 3, 7, 6), randn(4, 3, k, k), randn(4), [dilation]);

        Assert.Equal([2L, 4, 7, 6], y.shape);
    }

    [Fact]
    public void Conv2dSame_EvenKernel_PadsBottomAndRight()
    {
        var x = randn(2, 3, 5, 6);
        var w = randn(4, 3, 2, 2);

        var same = conv2d_same(x, w);
        var explicitPadding = conv2d(x, w, padding: [0, 1, 0, 1]);

        Assert.True(same.allclose(explicitPadding), "conv2d_same with k=2 should pad 0 rows/cols at top/left and 1 at bottom/right.");
    }

    // strides, padding, dilation, kernelH, kernelW
    public static TheoryData<long[], long[], long[], int, int> Geometries => new()
    {
        { [1], [0], [1], 3, 3 },
        { [2], [1], [1], 3, 3 },
        { [1], [2], [2], 3, 3 },
        { [2, 1], [1, 0, 2, 1], [1, 2], 2, 3 },
        { [1], [0, 1, 0, 1], [1], 2, 2 },
        { [3, 2], [1, 2], [2, 1], 2, 2 },
        { [1], [0], [1], 1, 1 },
        { [2], [0], [1], 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Conv2d_AnyGeometry_PassesGradCheck(long[] strides, long[] padding, long[] dilation, int kh, int kw)
    {
        var x = randn([2, 2, 6, 5], requires_grad: true);
        var w = randn([3, 2, kh, kw], requires_grad: true);
        var b = randn([3], requires_grad: true);

        // Convolution is linear in each element, so a large step loses nothing to curvature and little to rounding.
        Assert.True(autograd.gradcheck(t => conv2d(t[0], t[1], t[2], strides, padding, dilation), [x, w, b], eps: 1e-2));
    }

    [Fact]
    public void Conv2dSame_CifarFirstLayerShape_PassesGradCheck()
    {
        var x = randn([2, 3, 6, 6], requires_grad: true);
        var w = randn([16, 3, 2, 2], requires_grad: true);
        var b = randn([16], requires_grad: true);

        Assert.True(autograd.gradcheck(t => conv2d_same(t[0], t[1], t[2]), [x, w, b], eps: 1e-2));
    }

    [Fact]
    public void Conv2d_ColumnsNotKept_RecomputesSameGradients()
    {
        var x = randn([3, 2, 6, 6], requires_grad: true);
        var w = randn([4, 2, 3, 3], requires_grad: true);
        var previous = Conv2dFunction.SavedColsLimit;
        Conv2dFunction.SavedColsLimit = 0;
        try
        {
            Assert.True(autograd.gradcheck(t => conv2d(t[0], t[1], padding: [1], strides: [2]), [x, w], eps: 1e-2));
        }
        finally
        {
            Conv2dFunction.SavedColsLimit = previous;
        }
    }

    [Fact]
    public void Conv2d_UnbatchedInput_MatchesBatchOfOneAndPassesGradCheck()
    {
        var x = randn([2, 5, 5], requires_grad: true);
        var w = randn([3, 2, 3, 3], requires_grad: true);

        var y = conv2d(x, w, padding: [1]);

        Assert.Equal([3L, 5, 5], y.shape);
        Assert.True(y.allclose(conv2d(x.unsqueeze(0), w, padding: [1]).squeeze(0)));
        Assert.True(autograd.gradcheck(t => conv2d(t[0], t[1], padding: [1]), [x, w], eps: 1e-2));
    }

    // 16 filters of 3×2×2 is the shape whose weight gradient is computed transposed (dWᵀ fills the GEMM tiles better).
    [Theory]
    [InlineData(5, 3, 3)]
    [InlineData(16, 3, 2)]
    public void Conv2d_Batch_WeightGradIsSumOfPerImageGrads(int outChannels, int channels, int k)
    {
        var x = randn(7, channels, 8, 8);
        var w = randn([outChannels, channels, k, k], requires_grad: true);
        conv2d(x, w, padding: [1]).sum().backward();
        var batchGrad = w.grad!.clone();

        var summed = zeros_like(w);
        for (int n = 0; n < 7; n++)
        {
            w.grad = null;
            conv2d(x[n].unsqueeze(0), w, padding: [1]).sum().backward();
            summed = summed + w.grad!;
        }

        Assert.True(batchGrad.allclose(summed, rtol: 1e-4, atol: 1e-4));
    }

    [Fact]
    public void Conv2d_EmptyBatch_GivesEmptyOutputAndZeroWeightGrad()
    {
        var w = randn([16, 3, 2, 2], requires_grad: true);

        var y = conv2d_same(zeros(0, 3, 4, 4), w);
        y.sum().backward();

        Assert.Equal([0L, 16, 4, 4], y.shape);
        Assert.All(w.grad!.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Conv2d_RequiresGrad_RecordsConvolutionBackward()
    {
        var y = conv2d(randn(1, 1, 3, 3), randn([1, 1, 2, 2], requires_grad: true));

        Assert.Equal("ConvolutionBackward0", y.grad_fn?.name());
    }

    [Fact]
    public void Conv2d_ChannelMismatch_NamesOpAndShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => conv2d(zeros(32, 1, 28, 28), zeros(16, 3, 2, 2)));

        Assert.Equal("conv2d: expected input with 3 channels (weight [16, 3, 2, 2]) but got input [32, 1, 28, 28]", error.Message);
    }

    [Theory]
    [InlineData("input rank", "expected a 3-D [C, H, W] or 4-D [N, C, H, W] input but got input [28, 28]")]
    [InlineData("weight rank", "expected a 4-D weight [out_channels, in_channels, kH, kW] but got weight [16, 3, 2]")]
    [InlineData("bias shape", "expected bias of shape [16] (one per output channel of weight [16, 3, 2, 2]) but got bias [3]")]
    [InlineData("kernel too large", "kernel size 5x5 (spanning 5x5 with dilation) is larger than the padded input 4x4")]
    [InlineData("dilated kernel too large", "kernel size 3x3 (spanning 5x5 with dilation) is larger than the padded input 4x4")]
    [InlineData("zero stride", "stride must be positive but got [0]")]
    [InlineData("zero dilation", "dilation must be positive but got [1, 0]")]
    [InlineData("negative padding", "padding must be non-negative but got [1, -1]")]
    [InlineData("three paddings", "padding must be [p], [pH, pW] or [top, bottom, left, right] but got [1, 1, 1]")]
    public void Conv2d_InvalidArguments_ThrowsNamingOpAndShapes(string problem, string expected)
    {
        Func<Tensor> call = problem switch
        {
            "input rank" => () => conv2d(zeros(28, 28), zeros(16, 3, 2, 2)),
            "weight rank" => () => conv2d(zeros(1, 3, 28, 28), zeros(16, 3, 2)),
            "bias shape" => () => conv2d(zeros(1, 3, 8, 8), zeros(16, 3, 2, 2), zeros(3)),
            "kernel too large" => () => conv2d(zeros(1, 3, 4, 4), zeros(2, 3, 5, 5)),
            "dilated kernel too large" => () => conv2d(zeros(1, 3, 4, 4), zeros(2, 3, 3, 3), dilation: [2]),
            "zero stride" => () => conv2d(zeros(1, 3, 4, 4), zeros(2, 3, 2, 2), strides: [0]),
            "zero dilation" => () => conv2d(zeros(1, 3, 4, 4), zeros(2, 3, 2, 2), dilation: [1, 0]),
            "negative padding" => () => conv2d(zeros(1, 3, 4, 4), zeros(2, 3, 2, 2), padding: [1, -1]),
            "three paddings" => () => conv2d(zeros(1, 3, 4, 4), zeros(2, 3, 2, 2), padding: [1, 1, 1]),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var error = Assert.Throws<ArgumentException>(() => call());

        Assert.StartsWith("conv2d: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    /// <summary>PyTorch's reference cases from Fixtures/layers.json, through the shared <see cref="GoldenFixtures"/> reader.</summary>
    private static class Golden
    {
        private static IEnumerable<string> NamesOf(string layer) =>
            GoldenFixtures.Cases("layers.json").Where(c => c.Value.GetProperty("layer").GetString() == layer).Select(c => c.Key);

        public static TheoryData<string> Names(string layer)
        {
            var names = new TheoryData<string>();
            foreach (var name in NamesOf(layer)) names.Add(name);
            return names;
        }

        public static JsonElement Case(string name) => GoldenFixtures.Case("layers.json", name);

        public static long[] Longs(JsonElement value) =>
            value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetInt64()).ToArray() : [value.GetInt64()];

        public static Tensor ToTensor(JsonElement t, bool requiresGrad = false) => GoldenFixtures.ToTensor(t, requiresGrad);

        /// <summary>|expected − actual| ≤ tolerance·(1 + |expected|).</summary>
        public static void AssertClose(JsonElement expected, Tensor? actual, string what, double tolerance = 1e-4) =>
            GoldenFixtures.AssertClose(expected, actual, what, rtol: tolerance, atol: tolerance);
    }
}
