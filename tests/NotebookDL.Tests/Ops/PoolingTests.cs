using System.Text.Json;
using NotebookDL.Tests.Fixtures;
using static NotebookDL.torch;
using static NotebookDL.torch.nn.functional;

namespace NotebookDL.Tests.Ops;

public class PoolingTests
{
    public static TheoryData<string> GoldenCases
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var layer in new[] { "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d" })
                foreach (var name in Golden.Names(layer)) names.Add(name);
            return names;
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Pool2d_GoldenCase_MatchesPyTorch(string name)
    {
        var c = Golden.Case(name);
        var config = c.GetProperty("config");
        var x = Golden.ToTensor(c.GetProperty("input"), requiresGrad: true);

        var y = c.GetProperty("layer").GetString() switch
        {
            "MaxPool2d" => max_pool2d(x, Golden.Longs(config.GetProperty("kernel_size")), Golden.Longs(config.GetProperty("stride")),
                Golden.Longs(config.GetProperty("padding"))),
            "AvgPool2d" => avg_pool2d(x, Golden.Longs(config.GetProperty("kernel_size")), Golden.Longs(config.GetProperty("stride")),
                Golden.Longs(config.GetProperty("padding")), config.GetProperty("count_include_pad").GetBoolean()),
            _ => adaptive_avg_pool2d(x, Golden.Longs(config.GetProperty("output_size"))),
        };
        y.backward(Golden.ToTensor(c.GetProperty("grad_output")));

        Golden.AssertClose(c.GetProperty("output"), y, "output");
        Golden.AssertClose(c.GetProperty("grad_input"), x.grad, "grad_input");
    }

    /// <summary>Values at least 0.1 apart, so a finite-difference step never changes which element is the maximum.</summary>
    private static Tensor DistinctInput(params long[] shape) =>
        (randperm(Shapes.Numel(shape)).to(ScalarType.Float32) * 0.1f).reshape(shape).requires_grad_();

    [Theory]
    [InlineData("max k2", 4, 4)]
    [InlineData("max k3 s2 p1", 5, 6)]
    [InlineData("max k2 s1", 4, 5)]
    [InlineData("max k3x2 s1x2 p1x0", 6, 5)]
    [InlineData("avg k2", 4, 4)]
    [InlineData("avg k3 s2 p1", 5, 6)]
    [InlineData("avg k3 s2 p1 exclude pad", 5, 6)]
    [InlineData("avg k3x2 s1x2 p1x1 exclude pad", 6, 5)]
    [InlineData("adaptive 1x1", 5, 5)]
    [InlineData("adaptive 3x3 on 7x7", 7, 7)]
    [InlineData("adaptive 2x3 on 5x4", 5, 4)]
    [InlineData("adaptive 7x5 on 5x4", 5, 4)]
    public void Pool2d_AnyGeometry_PassesGradCheck(string pool, int height, int width)
    {
        var x = DistinctInput(2, 2, height, width);
        Func<Tensor, Tensor> op = pool switch
        {
            "max k2" => t => max_pool2d(t, 2),
            "max k3 s2 p1" => t => max_pool2d(t, 3, 2, 1),
            "max k2 s1" => t => max_pool2d(t, [2], [1]),
            "max k3x2 s1x2 p1x0" => t => max_pool2d(t, [3, 2], [1, 2], [1, 0]),
            "avg k2" => t => avg_pool2d(t, [2]),
            "avg k3 s2 p1" => t => avg_pool2d(t, [3], [2], [1]),
            "avg k3 s2 p1 exclude pad" => t => avg_pool2d(t, [3], [2], [1], count_include_pad: false),
            "avg k3x2 s1x2 p1x1 exclude pad" => t => avg_pool2d(t, [3, 2], [1, 2], [1, 1], count_include_pad: false),
            "adaptive 1x1" => t => adaptive_avg_pool2d(t, [1]),
            "adaptive 3x3 on 7x7" => t => adaptive_avg_pool2d(t, [3, 3]),
            "adaptive 2x3 on 5x4" => t => adaptive_avg_pool2d(t, [2, 3]),
            "adaptive 7x5 on 5x4" => t => adaptive_avg_pool2d(t, [7, 5]),
            _ => throw new ArgumentOutOfRangeException(nameof(pool)),
        };

        // eps 1e-2: the inputs reach ~20, where a 1e-3 step drowns in float32 rounding; values sit 0.1 apart, so no max changes.
        Assert.True(autograd.gradcheck(op, x, eps: 1e-2));
    }

    [Fact]
    public void MaxPool2d_Tie_SendsGradientToFirstMaximum()
    {
        var x = ones([1, 1, 2, 2], requires_grad: true);

        max_pool2d(x, 2).sum().backward();

        Assert.Equal([1f, 0, 0, 0], x.grad!.ToArray());
    }

    [Fact]
    public void MaxPool2d_NegativeInputWithPadding_IgnoresPadding()
    {
        var x = full([1, 1, 2, 2], -5.0);

        var y = max_pool2d(x, 3, 1, 1);

        Assert.All(y.ToArray(), v => Assert.Equal(-5f, v));
    }

    [Theory]
    [InlineData(true, new[] { 4f / 9, 6f / 9, 4f / 9, 6f / 9, 1f, 6f / 9, 4f / 9, 6f / 9, 4f / 9 })]
    [InlineData(false, new[] { 1f, 1, 1, 1, 1, 1, 1, 1, 1 })]
    public void AvgPool2d_Padding_DivisorFollowsCountIncludePad(bool countIncludePad, float[] expected)
    {
        var y = avg_pool2d(ones(1, 1, 3, 3), [3], [1], [1], countIncludePad);

        Assert.Equal(expected, y.ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void AdaptiveAvgPool2d_SevenToThree_UsesOverlappingFloorCeilWindows()
    {
        // Windows [0, 3), [2, 5), [4, 7): ⌊i·7/3⌋ up to ⌈(i+1)·7/3⌉.
        var y = adaptive_avg_pool2d(arange(7, dtype: ScalarType.Float32).reshape(1, 1, 1, 7), [1, 3]);

        Assert.Equal([1f, 3, 5], y.ToArray());
    }

    [Fact]
    public void Pool2d_UnbatchedInput_KeepsRank()
    {
        var x = randn(3, 6, 6);

        Assert.Equal([3L, 3, 3], max_pool2d(x, 2).shape);
        Assert.Equal([3L, 2, 2], avg_pool2d(x, [3]).shape);
        Assert.Equal([3L, 4, 4], adaptive_avg_pool2d(x, [4]).shape);
    }

    [Fact]
    public void MaxPool2d_ScalarOverload_MatchesArrayOverload()
    {
        var x = randn(2, 3, 7, 7);

        Assert.True(max_pool2d(x, 3, 2, 1).allclose(max_pool2d(x, [3, 3], [2, 2], [1, 1])));
    }

    [Theory]
    [InlineData("max_pool2d", "rank", "expected a 3-D [C, H, W] or 4-D [N, C, H, W] input but got input [6, 6]")]
    [InlineData("max_pool2d", "zero kernel", "kernel_size must be positive but got [0]")]
    [InlineData("max_pool2d", "zero stride", "stride must be positive but got [2, 0]")]
    [InlineData("max_pool2d", "padding over half kernel", "padding [2, 2] must be at most half the kernel size [3, 3]")]
    [InlineData("max_pool2d", "kernel too large", "kernel size [5, 5] is larger than the padded input 4x4 (input [1, 1, 4, 4], padding [0, 0])")]
    [InlineData("avg_pool2d", "negative padding", "padding must be non-negative but got [-1]")]
    [InlineData("avg_pool2d", "three kernel sizes", "kernel_size must be [v] or [vH, vW] but got [2, 2, 2]")]
    [InlineData("adaptive_avg_pool2d", "zero output", "output_size must be positive but got [0, 2]")]
    [InlineData("adaptive_avg_pool2d", "empty input", "expected an input with non-empty height and width but got input [1, 1, 0, 4]")]
    public void Pool2d_InvalidArguments_ThrowsNamingOpAndShapes(string op, string problem, string expected)
    {
        Func<Tensor> call = problem switch
        {
            "rank" => () => max_pool2d(zeros(6, 6), 2),
            "zero kernel" => () => max_pool2d(zeros(1, 1, 4, 4), 0),
            "zero stride" => () => max_pool2d(zeros(1, 1, 4, 4), [2], [2, 0]),
            "padding over half kernel" => () => max_pool2d(zeros(1, 1, 6, 6), 3, 1, 2),
            "kernel too large" => () => max_pool2d(zeros(1, 1, 4, 4), 5),
            "negative padding" => () => avg_pool2d(zeros(1, 1, 4, 4), [2], padding: [-1]),
            "three kernel sizes" => () => avg_pool2d(zeros(1, 1, 4, 4), [2, 2, 2]),
            "zero output" => () => adaptive_avg_pool2d(zeros(1, 1, 4, 4), [0, 2]),
            "empty input" => () => adaptive_avg_pool2d(zeros(1, 1, 0, 4), [2]),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var error = Assert.Throws<ArgumentException>(() => call());

        Assert.StartsWith(op + ": ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }

    /// <summary>PyTorch's reference cases from Fixtures/layers.json, through the shared <see cref="GoldenFixtures"/> reader.</summary>
    private static class Golden
    {
        private static IEnumerable<string> NamesOf(string layer) =>
            GoldenFixtures.Cases("layers.json").Where(c => c.Value.GetProperty("layer").GetString() == layer).Select(c => c.Key);

        public static IEnumerable<string> Names(string layer) => NamesOf(layer);

        public static JsonElement Case(string name) => GoldenFixtures.Case("layers.json", name);

        public static long[] Longs(JsonElement value) =>
            value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetInt64()).ToArray() : [value.GetInt64()];

        public static Tensor ToTensor(JsonElement t, bool requiresGrad = false) => GoldenFixtures.ToTensor(t, requiresGrad);

        /// <summary>|expected − actual| ≤ tolerance·(1 + |expected|).</summary>
        public static void AssertClose(JsonElement expected, Tensor? actual, string what, double tolerance = 1e-4) =>
            GoldenFixtures.AssertClose(expected, actual, what, rtol: tolerance, atol: tolerance);
    }
}
