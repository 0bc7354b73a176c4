using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>Element counts in checked 64-bit arithmetic, and the managed engine's one-array limit, named in every error.</summary>
public class ShapesTests
{
    private static readonly string Limit = Array.MaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    [Theory]
    [InlineData(new long[] { 65536, 65537 }, "4,295,032,832")]
    [InlineData(new long[] { 1L << 31 }, "2,147,483,648")]
    [InlineData(new long[] { 46341, 46341 }, "2,147,488,281")]
    public void CheckedCount_PastTheArrayLimit_NamesShapeCountAndLimit(long[] shape, string count)
    {
        var error = Assert.Throws<ArgumentException>(() => Shapes.CheckedCount(shape, "zeros"));

        Assert.StartsWith($"zeros: a tensor of shape {Shapes.Format(shape)} has ", error.Message);
        Assert.Contains(count.Replace(",", System.Globalization.NumberFormatInfo.CurrentInfo.NumberGroupSeparator), error.Message);
        Assert.Contains(Limit, error.Message);
    }

    [Fact]
    public void Numel_ProductPastLong_IsAnErrorNotAWrappedCount()
    {
        var error = Assert.Throws<ArgumentException>(() => Shapes.Numel([1L << 32, 1L << 32], "zeros"));

        Assert.Equal("zeros: a tensor of shape [4294967296, 4294967296] would have more than 2⁶³ elements (the product of its sizes overflows a long).", error.Message);
    }

    [Fact]
    public void Numel_OfAnExpandedViewPastLong_IsAnErrorNotZero()
    {
        var view = ones(1, 1).expand(1L << 32, 1L << 32);

        Assert.Contains("more than 2⁶³ elements", Assert.Throws<ArgumentException>(() => view.numel()).Message);
    }

    [Fact]
    public void Numel_OfAViewPastTheArrayLimit_IsTheTrueCount()
    {
        Assert.Equal(65536L * 65537, ones(1, 1).expand(65536, 65537).numel());
    }

    [Fact]
    public void InferReshape_ProductThatWouldWrapToNumel_IsRefused()
    {
        // 3 × 6148914691236517206 = 2⁶⁴ + 2, which wraps to 2 in unchecked arithmetic.
        var error = Assert.Throws<ArgumentException>(() => ones(2).view(3, 6148914691236517206));

        Assert.Contains("is invalid for input of size 2", error.Message);
    }

    /// <summary>Each way to ask for a tensor past the limit: the op's name and "limit", never a wrong sum or an OverflowException.</summary>
    public static TheoryData<string, Func<Tensor>> PastTheLimit => new()
    {
        { "ones", () => ones(65536, 65537) },
        { "zeros", () => zeros(30L * 1024 * 1024 * 1024 / 4) }, // 30 GB of float32
        { "zeros", () => zeros(100000, 80000, ScalarType.Int64) },
        { "mul", () => ones(70000, 1) * ones(1, 70000) },
        { "tensor", () => ones(65536, 1).expand(65536, 65537).sum() },
        { "matmul", () => ones(50000, 1).matmul(ones(1, 50000)) },
        { "one_hot", () => nn.functional.one_hot(zeros(100000, ScalarType.Int64), 30000) },
        { "cat", () => cat([ones(1, 1).expand(46341, 46341), ones(1, 1).expand(46341, 46341)], 0) },
        { "arange", () => arange(0.0, 1e12) },
        { "make_blobs", () => synthetic.make_blobs(30_000_000, 100).x },
    };

    [Theory]
    [MemberData(nameof(PastTheLimit))]
    public void Ops_ResultPastTheArrayLimit_AreAClearErrorNamingTheOp(string op, Func<Tensor> make)
    {
        var error = Assert.Throws<ArgumentException>(() => make());

        Assert.StartsWith($"{op}: ", error.Message);
        Assert.Contains("limit of", error.Message);
    }

    [Fact]
    public void CreationArguments_OutOfRange_AreNamed()
    {
        Assert.Equal("chunk: chunks must be a positive number, got 0.", Assert.Throws<ArgumentException>(() => ones(4).chunk(0)).Message);
        Assert.StartsWith("randperm: n must be >= 0, got -1", Assert.Throws<ArgumentException>(() => randperm(-1)).Message);
        Assert.StartsWith("full: negative dimension -1", Assert.Throws<ArgumentException>(() => full([-1, 2], 1f)).Message);
        Assert.StartsWith("linspace: number of steps must be non-negative", Assert.Throws<ArgumentException>(() => linspace(0, 1, -5)).Message);
    }
}
