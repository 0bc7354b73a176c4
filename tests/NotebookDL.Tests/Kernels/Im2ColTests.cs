using NotebookDL.Kernels;

namespace NotebookDL.Tests.Kernels;

public class Im2ColTests
{
    private const double RelativeTolerance = 1e-4;

    // channels, height, width, kernelH, kernelW, padTop, padLeft, padBottom, padRight, strideH, strideW, dilationH, dilationW
    public static TheoryData<int[]> Geometries() => new()
    {
        new[] { 1, 5, 5, 3, 3, 0, 0, 0, 0, 1, 1, 1, 1 },
        new[] { 3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1 },
        new[] { 2, 8, 9, 3, 2, 1, 0, 1, 0, 2, 2, 1, 1 },
        new[] { 2, 9, 8, 3, 3, 2, 2, 2, 2, 1, 1, 2, 2 },
        new[] { 1, 6, 7, 2, 3, 0, 2, 1, 0, 1, 2, 1, 1 },
        new[] { 2, 5, 5, 3, 3, 1, 0, 2, 3, 2, 1, 1, 1 },
        new[] { 4, 10, 11, 1, 1, 0, 0, 0, 0, 2, 3, 1, 1 },
        new[] { 1, 3, 4, 5, 5, 2, 2, 2, 2, 1, 1, 1, 1 },
        new[] { 2, 12, 13, 3, 3, 3, 1, 0, 2, 3, 2, 2, 3 },
        new[] { 1, 2, 2, 3, 3, 4, 4, 4, 4, 1, 1, 1, 1 },
        new[] { 3, 1, 16, 1, 4, 0, 1, 0, 1, 1, 1, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Unfold_AnyGeometry_MatchesPixelFormula(int[] geometry)
    {
        var g = new Geometry(geometry);
        float[] input = RandomArray(new Random(1), g.Channels * g.Height * g.Width);
        float[] cols = RandomArray(new Random(2), g.ColsLength);

        g.Unfold(input, cols);

        int outSize = g.OutH * g.OutW;
        for (int c = 0, row = 0; c < g.Channels; c++)
            for (int ki = 0; ki < g.KernelH; ki++)
                for (int kj = 0; kj < g.KernelW; kj++, row++)
                    for (int oh = 0; oh < g.OutH; oh++)
                        for (int ow = 0; ow < g.OutW; ow++)
                            Assert.Equal(g.Pixel(input, c, oh, ow, ki, kj), cols[row * outSize + oh * g.OutW + ow]);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Unfold_ThenWeightProduct_MatchesDirectConvolution(int[] geometry)
    {
        var g = new Geometry(geometry);
        const int outChannels = 3;
        var random = new Random(3);
        float[] input = RandomArray(random, g.Channels * g.Height * g.Width);
        int patch = g.Channels * g.KernelH * g.KernelW, outSize = g.OutH * g.OutW;
        float[] weight = RandomArray(random, outChannels * patch);
        float[] cols = new float[g.ColsLength];
        float[] output = new float[outChannels * outSize];

        g.Unfold(input, cols);
        Gemm.Multiply(weight, cols, output, outChannels, outSize, patch);

        for (int o = 0; o < outChannels; o++)
        {
            for (int oh = 0; oh < g.OutH; oh++)
            {
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    double sum = 0, magnitude = 1e-6;
                    for (int c = 0; c < g.Channels; c++)
                        for (int ki = 0; ki < g.KernelH; ki++)
                            for (int kj = 0; kj < g.KernelW; kj++)
                            {
                                double term = (double)weight[((o * g.Channels + c) * g.KernelH + ki) * g.KernelW + kj] * g.Pixel(input, c, oh, ow, ki, kj);
                                sum += term;
                                magnitude += Math.Abs(term);
                            }
                    float actual = output[o * outSize + oh * g.OutW + ow];
                    Assert.True(Math.Abs(actual - sum) <= RelativeTolerance * magnitude, $"out[{o},{oh},{ow}] = {actual}, expected {sum}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void FoldAdd_AnyGeometry_IsAdjointOfUnfold(int[] geometry)
    {
        var g = new Geometry(geometry);
        var random = new Random(4);
        float[] x = RandomArray(random, g.Channels * g.Height * g.Width);
        float[] y = RandomArray(random, g.ColsLength);
        float[] unfoldedX = new float[g.ColsLength];
        float[] foldedY = new float[x.Length];

        g.Unfold(x, unfoldedX);
        g.FoldAdd(y, foldedY);

        double left = Dot(unfoldedX, y, out double leftMagnitude);
        double right = Dot(x, foldedY, out double rightMagnitude);
        Assert.True(Math.Abs(left - right) <= RelativeTolerance * (Math.Max(leftMagnitude, rightMagnitude) + 1e-6), $"<Unfold x, y> = {left}, <x, FoldAdd y> = {right}");
    }

    [Fact]
    public void FoldAdd_NonZeroGradient_AddsOntoExistingValues()
    {
        var g = new Geometry([2, 6, 6, 3, 3, 1, 1, 1, 1, 2, 1, 1, 1]);
        float[] cols = RandomArray(new Random(5), g.ColsLength);
        float[] fresh = new float[g.Channels * g.Height * g.Width];
        float[] accumulated = Enumerable.Repeat(0.5f, fresh.Length).ToArray();

        g.FoldAdd(cols, fresh);
        g.FoldAdd(cols, accumulated);

        for (int i = 0; i < fresh.Length; i++) Assert.Equal(fresh[i] + 0.5f, accumulated[i], 5);
    }

    [Fact]
    public void Unfold_ColumnBufferTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => Im2Col.Unfold(new float[16], 1, 4, 4, 3, 3, 0, 0, 1, 1, 1, 1, 2, 2, new float[35]));
    }

    private static double Dot(float[] x, float[] y, out double magnitude)
    {
        double sum = 0;
        magnitude = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double term = (double)x[i] * y[i];
            sum += term;
            magnitude += Math.Abs(term);
        }
        return sum;
    }

    private static float[] RandomArray(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }

    /// <summary>A convolution geometry whose output size includes the extra bottom/right padding.</summary>
    private sealed class Geometry(int[] g)
    {
        public int Channels { get; } = g[0];
        public int Height { get; } = g[1];
        public int Width { get; } = g[2];
        public int KernelH { get; } = g[3];
        public int KernelW { get; } = g[4];
        private int PadTop { get; } = g[5];
        private int PadLeft { get; } = g[6];
        private int PadBottom { get; } = g[7];
        private int PadRight { get; } = g[8];
        private int StrideH { get; } = g[9];
        private int StrideW { get; } = g[10];
        private int DilationH { get; } = g[11];
        private int DilationW { get; } = g[12];
        public int OutH => (Height + PadTop + PadBottom - DilationH * (KernelH - 1) - 1) / StrideH + 1;
        public int OutW => (Width + PadLeft + PadRight - DilationW * (KernelW - 1) - 1) / StrideW + 1;
        public int ColsLength => Channels * KernelH * KernelW * OutH * OutW;

        public float Pixel(float[] input, int c, int oh, int ow, int ki, int kj)
        {
            int ih = oh * StrideH - PadTop + ki * DilationH, iw = ow * StrideW - PadLeft + kj * DilationW;
            return ih < 0 || ih >= Height || iw < 0 || iw >= Width ? 0f : input[(c * Height + ih) * Width + iw];
        }

        public void Unfold(float[] input, float[] cols) => Im2Col.Unfold(input, Channels, Height, Width, KernelH, KernelW,
            PadTop, PadLeft, StrideH, StrideW, DilationH, DilationW, OutH, OutW, cols);

        public void FoldAdd(float[] cols, float[] gradInput) => Im2Col.FoldAdd(cols, Channels, Height, Width, KernelH, KernelW,
            PadTop, PadLeft, StrideH, StrideW, DilationH, DilationW, OutH, OutW, gradInput);
    }
}
