using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NotebookDL.Kernels;

/// <summary>
/// Lowers a 2-D convolution over one CHW image to a matrix product: every kernel tap becomes a row of `cols`
/// holding the input pixel that tap sees at each output position.
/// </summary>
internal static class Im2Col
{
    /// <summary>
    /// cols is [channels·kernelH·kernelW, outH·outW] row-major with rows <paramref name="rowStride"/> apart (0: packed
    /// tight), so several images can fill side-by-side column blocks of one matrix; taps that fall outside the image
    /// read as 0. outH/outW may imply extra padding at the bottom/right beyond padTop/padLeft.
    /// </summary>
    public static void Unfold(ReadOnlySpan<float> input, int channels, int height, int width, int kernelH, int kernelW,
        int padTop, int padLeft, int strideH, int strideW, int dilationH, int dilationW, int outH, int outW, Span<float> cols, int rowStride = 0)
    {
        int planeSize = height * width;
        int outSize = outH * outW;
        if (rowStride == 0) rowStride = outSize;
        Validate(input.Length, channels, height, width, kernelH, kernelW, strideH, strideW, dilationH, dilationW, outH, outW, cols.Length, rowStride);
        int row = 0;
        for (int c = 0; c < channels; c++)
        {
            ReadOnlySpan<float> plane = input.Slice(c * planeSize, planeSize);
            for (int ki = 0; ki < kernelH; ki++)
            {
                for (int kj = 0; kj < kernelW; kj++, row++)
                {
                    Span<float> tapRow = cols.Slice(row * rowStride, outSize);
                    var (colStart, colEnd) = ValidOutputRange(kj * dilationW - padLeft, strideW, width, outW);
                    int tapOffsetW = kj * dilationW - padLeft;
                    for (int oh = 0; oh < outH; oh++)
                    {
                        Span<float> dst = tapRow.Slice(oh * outW, outW);
                        int ih = oh * strideH + ki * dilationH - padTop;
                        if ((uint)ih >= (uint)height || colStart >= colEnd)
                        {
                            dst.Clear();
                            continue;
                        }
                        dst[..colStart].Clear();
                        dst[colEnd..].Clear();
                        ReadOnlySpan<float> sourceRow = plane.Slice(ih * width, width);
                        int firstIw = colStart * strideW + tapOffsetW;
                        if (strideW == 1)
                        {
                            sourceRow.Slice(firstIw, colEnd - colStart).CopyTo(dst[colStart..colEnd]);
                        }
                        else
                        {
                            // The valid range was proven above, so the strided gather skips per-element span checks.
                            ref float source = ref Unsafe.Add(ref MemoryMarshal.GetReference(sourceRow), firstIw);
                            ref float target = ref MemoryMarshal.GetReference(dst);
                            for (int ow = colStart, offset = 0; ow < colEnd; ow++, offset += strideW)
                                Unsafe.Add(ref target, ow) = Unsafe.Add(ref source, offset);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The adjoint of <see cref="Unfold"/>: adds every entry of cols onto the input pixel it was read from.
    /// gradInput is accumulated into, so the caller clears it first for a plain gradient. cols' rows lie
    /// <paramref name="rowStride"/> apart (0: packed tight).
    /// </summary>
    public static void FoldAdd(ReadOnlySpan<float> cols, int channels, int height, int width, int kernelH, int kernelW,
        int padTop, int padLeft, int strideH, int strideW, int dilationH, int dilationW, int outH, int outW, Span<float> gradInput, int rowStride = 0)
    {
        int planeSize = height * width;
        int outSize = outH * outW;
        if (rowStride == 0) rowStride = outSize;
        Validate(gradInput.Length, channels, height, width, kernelH, kernelW, strideH, strideW, dilationH, dilationW, outH, outW, cols.Length, rowStride);
        int row = 0;
        for (int c = 0; c < channels; c++)
        {
            Span<float> plane = gradInput.Slice(c * planeSize, planeSize);
            for (int ki = 0; ki < kernelH; ki++)
            {
                for (int kj = 0; kj < kernelW; kj++, row++)
                {
                    ReadOnlySpan<float> tapRow = cols.Slice(row * rowStride, outSize);
                    var (colStart, colEnd) = ValidOutputRange(kj * dilationW - padLeft, strideW, width, outW);
                    if (colStart >= colEnd) continue;
                    int firstIw = colStart * strideW + kj * dilationW - padLeft;
                    for (int oh = 0; oh < outH; oh++)
                    {
                        int ih = oh * strideH + ki * dilationH - padTop;
                        if ((uint)ih >= (uint)height) continue;
                        ReadOnlySpan<float> src = tapRow.Slice(oh * outW + colStart, colEnd - colStart);
                        Span<float> targetRow = plane.Slice(ih * width, width);
                        if (strideW == 1)
                        {
                            Span<float> dst = targetRow.Slice(firstIw, src.Length);
                            TensorPrimitives.Add(dst, src, dst);
                        }
                        else
                        {
                            ref float target = ref Unsafe.Add(ref MemoryMarshal.GetReference(targetRow), firstIw);
                            ref float source = ref MemoryMarshal.GetReference(src);
                            for (int i = 0, offset = 0; i < src.Length; i++, offset += strideW)
                                Unsafe.Add(ref target, offset) += Unsafe.Add(ref source, i);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The output columns [start, end) whose input column ow·stride + tapOffset lies inside [0, width);
    /// computing this once per tap keeps bounds checks out of the per-pixel loops.
    /// </summary>
    private static (int Start, int End) ValidOutputRange(int tapOffset, int stride, int width, int outW)
    {
        // Smallest ow with ow·stride + tapOffset >= 0.
        int start = tapOffset >= 0 ? 0 : (-tapOffset + stride - 1) / stride;
        // One past the largest ow with ow·stride + tapOffset <= width - 1.
        int lastInside = width - 1 - tapOffset;
        int end = lastInside < 0 ? 0 : lastInside / stride + 1;
        start = Math.Min(start, outW);
        end = Math.Clamp(end, start, outW);
        return (start, end);
    }

    private static void Validate(int imageLength, int channels, int height, int width, int kernelH, int kernelW,
        int strideH, int strideW, int dilationH, int dilationW, int outH, int outW, int colsLength, int rowStride)
    {
        if (rowStride < outH * outW)
            throw new ArgumentOutOfRangeException(nameof(rowStride), "The column matrix's rows must hold at least outH·outW entries.");
        if (channels < 0 || height < 0 || width < 0 || kernelH < 0 || kernelW < 0 || outH < 0 || outW < 0)
            throw new ArgumentOutOfRangeException(nameof(channels), "Sizes must be non-negative.");
        if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1)
            throw new ArgumentOutOfRangeException(nameof(strideH), "Strides and dilations must be at least 1.");
        if (imageLength < (long)channels * height * width)
            throw new ArgumentException("The image buffer is too short.", nameof(imageLength));
        long rows = (long)channels * kernelH * kernelW;
        if (rows > 0 && colsLength < (rows - 1) * rowStride + (long)outH * outW)
            throw new ArgumentException("The column buffer is too short.", nameof(colsLength));
    }
}
