using NotebookDL.Kernels;

namespace NotebookDL.Ops;

/// <summary>
/// Sizes of one 2-D convolution, and how its batch is cut into groups of images whose column matrices sit side by
/// side in one [C·kH·kW, G·outH·outW] matrix: one GEMM per group instead of one per image keeps the GEMM's N large
/// where feature maps are small (a 7×7 map is only 49 columns per image).
/// </summary>
internal readonly record struct Conv2dGeometry(int Batch, int Channels, int Height, int Width, int OutChannels, int KernelH, int KernelW,
    Conv2dOptions Options, int OutH, int OutW, int GroupSize)
{
    /// <summary>Columns per GEMM the grouping aims for: enough to fill the micro-kernel's panels many times over.</summary>
    internal static int TargetColumns { get; set; } = 2048;

    public int Patch => Channels * KernelH * KernelW;
    public int OutSize => OutH * OutW;
    public int ImageSize => Channels * Height * Width;
    public int OutImageSize => OutChannels * OutSize;
    public int ColsSize => Patch * OutSize;
    public int WeightSize => OutChannels * Patch;
    public int Groups => (Batch + GroupSize - 1) / GroupSize;

    /// <summary>Images per group: about TargetColumns output pixels, but at least one group per thread when the batch allows.</summary>
    public static int ChooseGroupSize(int batch, int outSize, int patch)
    {
        if (batch <= 1 || outSize == 0) return 1;
        var forColumns = (TargetColumns + outSize - 1) / outSize;
        var perThread = (batch + WorkerPool.NumThreads - 1) / WorkerPool.NumThreads;
        // A group's column matrix must stay addressable by int.
        var fitsInt = (int)Math.Max(1, int.MaxValue / Math.Max(1L, (long)patch * outSize));
        return Math.Clamp(Math.Min(Math.Min(forColumns, perThread), fitsInt), 1, batch);
    }

    /// <summary>The first image of group j and how many images it holds (the last group may be short).</summary>
    public (int first, int count) Group(int j)
    {
        var first = j * GroupSize;
        return (first, Math.Min(GroupSize, Batch - first));
    }

    /// <summary>Unfolds one image into its block of a group's column matrix, whose rows are rowStride apart.</summary>
    public void Unfold(ReadOnlySpan<float> image, Span<float> cols, int rowStride) =>
        Im2Col.Unfold(image, Channels, Height, Width, KernelH, KernelW, Options.PadTop, Options.PadLeft,
            Options.StrideH, Options.StrideW, Options.DilationH, Options.DilationW, OutH, OutW, cols, rowStride);

    /// <summary>Adds one image's block of a group's column-gradient matrix onto the image's gradient.</summary>
    public void FoldAdd(ReadOnlySpan<float> cols, Span<float> image, int rowStride) =>
        Im2Col.FoldAdd(cols, Channels, Height, Width, KernelH, KernelW, Options.PadTop, Options.PadLeft,
            Options.StrideH, Options.StrideW, Options.DilationH, Options.DilationW, OutH, OutW, image, rowStride);

    /// <summary>Unfolds a group's images side by side into cols [Patch, count·OutSize].</summary>
    public void UnfoldGroup(float[] x, int xOffset, int first, int count, Span<float> cols)
    {
        var width = count * OutSize;
        for (int g = 0; g < count; g++)
            Unfold(x.AsSpan(xOffset + (first + g) * ImageSize, ImageSize), cols[(g * OutSize)..], width);
    }
}
