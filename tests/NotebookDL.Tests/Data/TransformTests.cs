using static NotebookDL.torch;
using static NotebookDL.torchvision;

namespace NotebookDL.Tests.Data;

public class TransformTests
{
    private static Tensor Ramp(int h, int w) => GeometricTransformTests.Ramp(h, w);

    [Fact]
    public void HorizontalFlip_Image_MirrorsEveryRow()
    {
        var flipped = transforms.HorizontalFlip().call(Ramp(2, 3));

        Assert.Equal(new float[] { 3, 2, 1, 6, 5, 4 }, flipped.data<float>());
        Assert.Equal(new long[] { 1, 2, 3 }, flipped.shape);
    }

    [Fact]
    public void VerticalFlip_Image_ReversesTheRows()
    {
        var flipped = transforms.VerticalFlip().call(Ramp(2, 3));
        var always = transforms.RandomVerticalFlip(p: 1).call(Ramp(2, 3));

        Assert.Equal(new float[] { 4, 5, 6, 1, 2, 3 }, flipped.data<float>());
        Assert.Equal(flipped.data<float>(), always.data<float>());
        Assert.Throws<ArgumentOutOfRangeException>(() => transforms.RandomVerticalFlip(p: 2));
    }

    [Theory]
    [InlineData(1.0, new float[] { 3, 2, 1, 6, 5, 4 })]
    [InlineData(0.0, new float[] { 1, 2, 3, 4, 5, 6 })]
    public void RandomHorizontalFlip_CertainProbability_IsExact(double p, float[] expected)
    {
        Assert.Equal(expected, transforms.RandomHorizontalFlip(p, new Generator(0)).call(Ramp(2, 3)).data<float>());
    }

    [Fact]
    public void RandomHorizontalFlip_Batch_FlipsSomeImagesWholly()
    {
        var batch = Ramp(2, 3).expand(40, 1, 2, 3).contiguous();

        var result = transforms.RandomHorizontalFlip(0.5, new Generator(3)).call(batch);

        var flips = Enumerable.Range(0, 40).Select(i => result[i].data<float>()[0] == 3f).ToArray();
        for (int i = 0; i < 40; i++)
            Assert.Equal(flips[i] ? new float[] { 3, 2, 1, 6, 5, 4 } : [1, 2, 3, 4, 5, 6], result[i].data<float>());
        Assert.InRange(flips.Count(f => f), 10, 30);
    }

    [Fact]
    public void Normalize_PerChannel_SubtractsMeanAndDividesByStd()
    {
        var x = tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f }, [2, 2, 2]);

        var y = transforms.Normalize([0.25, 0.5], [0.5, 0.125]).call(x).data<float>();

        var expected = new[] { 0.1f, 0.2f, 0.3f, 0.4f }.Select(v => (v - 0.25f) / 0.5f)
            .Concat(new[] { 0.5f, 0.6f, 0.7f, 0.8f }.Select(v => (v - 0.5f) / 0.125f));
        Assert.Equal(expected, y);
    }

    [Fact]
    public void Normalize_Batch_NormalizesEveryImage()
    {
        var x = ones(3, 2, 1, 1);

        var y = transforms.Normalize([0.5, 0.0], [0.25, 2.0]).call(x);

        Assert.Equal(new long[] { 3, 2, 1, 1 }, y.shape);
        Assert.Equal(new float[] { 2, 0.5f, 2, 0.5f, 2, 0.5f }, y.data<float>());
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.2, 0.2 }, "3 channels")]
    [InlineData(new[] { 0.5 }, new[] { 0.0 }, "std[0]")]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.2 }, "2 mean(s) and 1 std(s)")]
    public void Normalize_BadArguments_ThrowsClearError(double[] mean, double[] std, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => transforms.Normalize(mean, std).call(zeros(3, 2, 2)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Compose_RunsInOrder()
    {
        var flipThenNormalize = transforms.Compose(transforms.HorizontalFlip(), transforms.Normalize([1.0], [2.0]));

        Assert.Equal(new float[] { 1, 0.5f, 0 }, flipThenNormalize.call(Ramp(1, 3)).data<float>());
    }

    [Fact]
    public void ToTensor_HwcPixels_GivesChwFloatsOver255()
    {
        var hwc = tensor(new long[] { 0, 10, 255, 1, 2, 3 }, [1, 2, 3]);

        var chw = transforms.ToTensor().call(hwc);

        Assert.Equal(new long[] { 3, 1, 2 }, chw.shape);
        Assert.Equal(new[] { 0f, 1 / 255f, 10 / 255f, 2 / 255f, 1f, 3 / 255f }, chw.data<float>());
    }

    [Fact]
    public void ToTensorFunctional_ByteArray_GivesChwFloats()
    {
        var chw = transforms.functional.to_tensor([0, 10, 255, 1, 2, 3], height: 1, width: 2, channels: 3);

        Assert.Equal(new long[] { 3, 1, 2 }, chw.shape);
        Assert.Equal(new[] { 0f, 1 / 255f, 10 / 255f, 2 / 255f, 1f, 3 / 255f }, chw.data<float>());
    }

    [Fact]
    public void ToTensor_FloatImage_ExplainsDatasetsAlreadyConvert()
    {
        var e = Assert.Throws<ArgumentException>(() => transforms.ToTensor().call(zeros(1, 2, 2)));
        Assert.Contains("drop ToTensor()", e.Message);
    }

    [Theory]
    [InlineData(new long[] { 5 })]
    [InlineData(new long[] { 1, 1, 1, 2, 2 })]
    public void Transforms_WrongRank_ThrowWithShape(long[] shape)
    {
        var e = Assert.Throws<ArgumentException>(() => transforms.RandomHorizontalFlip().call(zeros(shape)));
        Assert.Contains(string.Join(", ", shape), e.Message);
    }

    [Fact]
    public void Transforms_LongImage_ThrowAskingForFloat()
    {
        var e = Assert.Throws<ArgumentException>(() => transforms.Normalize([0.5], [0.5]).call(zeros([1, 2, 2], ScalarType.Int64)));
        Assert.Contains("float32", e.Message);
    }

}
