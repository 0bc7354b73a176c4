using static NotebookDL.torch;
using static NotebookDL.torchvision;

namespace NotebookDL.Tests.Data;

public class GeometricTransformTests
{
    /// <summary>One channel, values 1..h*w row by row.</summary>
    internal static Tensor Ramp(int h, int w) => arange(1, h * w + 1, dtype: ScalarType.Float32).reshape(1, h, w);

    private static float[,] Plane(Tensor image)
    {
        var s = image.shape;
        int h = (int)s[^2], w = (int)s[^1];
        var values = image.data<float>();
        var plane = new float[h, w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) plane[y, x] = values[y * w + x];
        return plane;
    }

    /// <summary>The plane shifted right by dx and down by dy, uncovered pixels = fill.</summary>
    private static float[,] Shifted(float[,] p, int dx, int dy, float fill = 0)
    {
        int h = p.GetLength(0), w = p.GetLength(1);
        var r = new float[h, w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                r[y, x] = y - dy >= 0 && y - dy < h && x - dx >= 0 && x - dx < w ? p[y - dy, x - dx] : fill;
        return r;
    }

    [Fact]
    public void RandomCrop_SizeOfPaddedImage_IsTheZeroPaddedImage()
    {
        var crop = transforms.RandomCrop(4, padding: 1, generator: new Generator(0)).call(Ramp(2, 2));

        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0 }, crop.data<float>());
    }

    [Fact]
    public void RandomCrop_WithPadding_IsAlwaysAWindowOfThePaddedImageAndCoversAllPlaces()
    {
        var image = Ramp(3, 3);
        var plane = Plane(image);
        var crop = transforms.RandomCrop(3, padding: 1, fill: -1, generator: new Generator(5));
        var seen = new HashSet<(int, int)>();

        for (int trial = 0; trial < 60; trial++)
        {
            var result = Plane(crop.call(image));
            var match = (from dx in Enumerable.Range(-1, 3) from dy in Enumerable.Range(-1, 3)
                         where Shifted(plane, dx, dy, -1).Cast<float>().SequenceEqual(result.Cast<float>()) select (dx, dy)).ToList();
            Assert.Single(match);
            seen.Add(match[0]);
        }
        Assert.Equal(9, seen.Count);
    }

    [Fact]
    public void RandomCrop_LargerThanPaddedImage_ThrowsWithSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => transforms.RandomCrop(8, padding: 1).call(Ramp(4, 4)));
        Assert.Contains("8×8", e.Message);
        Assert.Contains("6×6", e.Message);
    }

    [Theory]
    [InlineData(3, InterpolationMode.Nearest)]
    [InlineData(4, InterpolationMode.Nearest)]
    [InlineData(3, InterpolationMode.Bilinear)]
    [InlineData(4, InterpolationMode.Bilinear)]
    public void RandomRotation_Exactly90Degrees_RotatesCounterClockwise(int n, InterpolationMode mode)
    {
        var image = Ramp(n, n);
        var p = Plane(image);

        var rotated = Plane(transforms.RandomRotation((90, 90), mode, generator: new Generator(0)).call(image));

        // numpy.rot90: out[i, j] = in[j, n - 1 - i].
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) Assert.Equal(p[j, n - 1 - i], rotated[i, j], 5);
    }

    [Fact]
    public void RandomRotation_180Degrees_ReversesThePlane()
    {
        var rotated = transforms.RandomRotation((180, 180), InterpolationMode.Bilinear).call(Ramp(2, 3));

        Assert.Equal(new float[] { 6, 5, 4, 3, 2, 1 }, rotated.data<float>());
    }

    [Fact]
    public void RandomRotation_45Degrees_FillsUncoveredCorners()
    {
        var rotated = Plane(transforms.RandomRotation((45, 45), fill: [7f]).call(ones(1, 5, 5)));

        Assert.Equal(7f, rotated[0, 0]);
        Assert.Equal(7f, rotated[4, 4]);
        Assert.Equal(1f, rotated[2, 2]);
    }

    [Fact]
    public void RandomRotation_ZeroRange_IsIdentity()
    {
        var image = rand([2, 3, 5, 4], generator: new Generator(1));

        Assert.Equal(image.data<float>(), transforms.RandomRotation(0).call(image).data<float>());
    }

    [Theory]
    [InlineData(2.0, 0.0, 2, 0)]
    [InlineData(0.0, 1.0, 0, 1)]
    [InlineData(0.5, 0.0, 2, 0)]
    [InlineData(0.25, 0.25, 1, 1)]
    public void RandomTranslation_WholePixels_ShiftsExactlyWithinRange(double widthRange, double heightRange, int maxDx, int maxDy)
    {
        var image = Ramp(4, 4);
        var plane = Plane(image);
        var translate = transforms.RandomTranslation(widthRange, heightRange, generator: new Generator(2));
        var seen = new HashSet<(int, int)>();

        for (int trial = 0; trial < 100; trial++)
        {
            var result = Plane(translate.call(image)).Cast<float>().ToArray();
            var match = (from dx in Enumerable.Range(-maxDx, 2 * maxDx + 1) from dy in Enumerable.Range(-maxDy, 2 * maxDy + 1)
                         where Shifted(plane, dx, dy).Cast<float>().SequenceEqual(result) select (dx, dy)).ToList();
            Assert.Single(match);
            seen.Add(match[0]);
        }
        Assert.Equal((2 * maxDx + 1) * (2 * maxDy + 1), seen.Count);
    }

    [Fact]
    public void Window_KnownOffsets_CopiesAndFills()
    {
        var src = new float[] { 1, 2, 3, 4, 5, 6 };   // 2×3
        var dst = new float[6];

        Resample.Window(src, 2, 3, dst, 2, 3, rowOffset: -1, colOffset: 1, fill: 9);

        Assert.Equal(new float[] { 9, 9, 9, 2, 3, 9 }, dst);
    }

    [Fact]
    public void RandomAffine_TranslateFraction_ShiftsWholePixels()
    {
        var image = Ramp(4, 4);
        var plane = Plane(image);
        var affine = transforms.RandomAffine(0, translate: (0.25, 0.25), generator: new Generator(4));

        for (int trial = 0; trial < 20; trial++)
        {
            var result = Plane(affine.call(image)).Cast<float>().ToArray();
            Assert.Contains((from dx in new[] { -1, 0, 1 } from dy in new[] { -1, 0, 1 } select Shifted(plane, dx, dy).Cast<float>().ToArray()),
                candidate => candidate.SequenceEqual(result));
        }
    }

    [Fact]
    public void RandomTransforms_OnBatch_EqualImageByImageWithSameGenerator()
    {
        // Each transform has its own generator, so its draws go image by image whether it sees a batch or single images.
        var images = rand([5, 3, 6, 6], generator: new Generator(8));
        ITransform Pipeline() => transforms.Compose(
            transforms.RandomCrop(6, padding: 2, generator: new Generator(1)),
            transforms.RandomHorizontalFlip(generator: new Generator(2)),
            transforms.RandomRotation(30, InterpolationMode.Bilinear, generator: new Generator(3)),
            transforms.RandomTranslation(0.2, 0.2, generator: new Generator(4)));

        var batched = Pipeline().call(images).data<float>();
        var single = Pipeline();
        var oneByOne = Enumerable.Range(0, 5).SelectMany(i => single.call(images[i]).data<float>()).ToArray();

        Assert.Equal(oneByOne, batched);
    }

    [Fact]
    public void RandomRotation_Expand_IsRejected()
    {
        Assert.Throws<NotSupportedException>(() => transforms.RandomRotation(10, expand: true));
        Assert.Throws<NotSupportedException>(() => transforms.RandomRotation(10, InterpolationMode.Bicubic));
    }
}
