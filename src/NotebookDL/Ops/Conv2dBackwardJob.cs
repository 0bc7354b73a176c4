using System.Buffers;
using NotebookDL.Kernels;

namespace NotebookDL.Ops;

/// <summary>
/// Conv2d's backward pass over one contiguous chunk of image groups: per group, dY is gathered into
/// [O, count·OutSize], dW (or dWᵀ) accumulates dY·colsᵀ into the chunk's partial sum, and Wᵀ·dY is folded back
/// onto each image's dX. A class so the parallel body captures it once.
/// </summary>
internal sealed class Conv2dBackwardJob(Conv2dGeometry geo, float[] x, int xOffset, float[] w, int wOffset, float[] dy, int dyOffset,
    float[]? savedCols, float[]? dx, float[][]? dwPartials, bool transposedWeightGrad, int chunks)
{
    public void RunChunk(int chunk)
    {
        int firstGroup = (int)((long)geo.Groups * chunk / chunks), endGroup = (int)((long)geo.Groups * (chunk + 1) / chunks);
        var groupCols = geo.GroupSize * geo.ColsSize;
        var scratch = dx is not null || (dwPartials is not null && savedCols is null) ? ArrayPool<float>.Shared.Rent(groupCols) : null;
        var gathered = geo.GroupSize > 1 ? ArrayPool<float>.Shared.Rent(geo.GroupSize * geo.OutImageSize) : null;
        try
        {
            var weight = w.AsSpan(wOffset, geo.WeightSize);
            for (int j = firstGroup; j < endGroup; j++)
            {
                var (first, count) = geo.Group(j);
                var width = count * geo.OutSize;
                var dyGroup = Gather(first, count, gathered);
                if (dwPartials is not null)
                {
                    ReadOnlySpan<float> cols;
                    if (savedCols is not null) cols = savedCols.AsSpan(first * geo.ColsSize, count * geo.ColsSize);
                    else
                    {
                        geo.UnfoldGroup(x, xOffset, first, count, scratch.AsSpan(0, count * geo.ColsSize));
                        cols = scratch.AsSpan(0, count * geo.ColsSize);
                    }
                    var partial = dwPartials[chunk].AsSpan(0, geo.WeightSize);
                    if (transposedWeightGrad)
                        Gemm.Multiply(cols, dyGroup, partial, geo.Patch, geo.OutChannels, width, transB: true, accumulate: j != firstGroup);
                    else
                        Gemm.Multiply(dyGroup, cols, partial, geo.OutChannels, geo.Patch, width, transB: true, accumulate: j != firstGroup);
                }
                if (dx is not null)
                {
                    var dcols = scratch.AsSpan(0, count * geo.ColsSize);
                    Gemm.Multiply(weight, dyGroup, dcols, geo.Patch, width, geo.OutChannels, transA: true);
                    for (int g = 0; g < count; g++)
                        geo.FoldAdd(dcols[(g * geo.OutSize)..], dx.AsSpan((first + g) * geo.ImageSize, geo.ImageSize), width);
                }
            }
        }
        finally
        {
            if (scratch is not null) ArrayPool<float>.Shared.Return(scratch);
            if (gathered is not null) ArrayPool<float>.Shared.Return(gathered);
        }
    }

    /// <summary>dY of a group as [O, count·OutSize]: a view of dY itself for one image, else copied side by side.</summary>
    private ReadOnlySpan<float> Gather(int first, int count, float[]? buffer)
    {
        if (count == 1) return dy.AsSpan(dyOffset + first * geo.OutImageSize, geo.OutImageSize);
        var width = count * geo.OutSize;
        var target = buffer.AsSpan(0, geo.OutChannels * width);
        for (int g = 0; g < count; g++)
            for (int o = 0; o < geo.OutChannels; o++)
                dy.AsSpan(dyOffset + (first + g) * geo.OutImageSize + o * geo.OutSize, geo.OutSize).CopyTo(target.Slice(o * width + g * geo.OutSize, geo.OutSize));
        return target;
    }
}
