namespace NotebookDL.Ops;

/// <summary>
/// Max over each pooling window (padding counts as −∞). Backward routes each output gradient to the position
/// of its window's maximum, the first one in row-major order on ties; overlapping windows add up.
/// </summary>
internal sealed class MaxPool2dFunction : GradFn
{
    private Pool2dPlan plan = null!;

    public override string name() => "MaxPool2DWithIndicesBackward0";

    public static Tensor Apply(Tensor input, Pool2dPlan plan)
    {
        var x = input.contiguous();
        var (data, offset) = (x.FloatData, (int)x.Offset);
        var (rows, cols) = (plan.Rows, plan.Cols);
        var (inPlane, outPlane, width) = (plan.InPlane, plan.OutPlane, plan.Width);
        var output = new float[plan.Planes * outPlane];
        // The argmax (flat index within the plane, as PyTorch's indices) is only needed when backward will run.
        var indices = torch.autograd.GradMode.IsEnabled && x.requires_grad ? new long[output.Length] : null;
        if (plan.Tiles2x2) plan.ForPlanes(p => MaxOfTiles(data.AsSpan(offset + p * inPlane, inPlane), width, output.AsSpan(p * outPlane, outPlane), indices is null ? Span<long>.Empty : indices.AsSpan(p * outPlane, outPlane)));
        else plan.ForPlanes(p =>
        {
            var plane = data.AsSpan(offset + p * inPlane, inPlane);
            int at = p * outPlane;
            for (int oh = 0; oh < rows.Count; oh++)
            {
                int h0 = rows.Start(oh), h1 = rows.End(oh);
                for (int ow = 0; ow < cols.Count; ow++, at++)
                {
                    int w0 = cols.Start(ow), w1 = cols.End(ow);
                    float best = float.NegativeInfinity;
                    int bestIndex = h0 * width + w0;
                    for (int h = h0; h < h1; h++)
                    {
                        var row = plane.Slice(h * width, width);
                        for (int w = w0; w < w1; w++)
                        {
                            var v = row[w];
                            // Strict > keeps the first maximum; NaN wins so that it propagates, as in PyTorch.
                            if (v > best || float.IsNaN(v))
                            {
                                best = v;
                                bestIndex = h * width + w;
                            }
                        }
                    }
                    output[at] = best;
                    if (indices is not null) indices[at] = bestIndex;
                }
            }
        });

        var fn = new MaxPool2dFunction { plan = plan };
        var y = fn.Record(new Tensor(output, plan.OutputShape), x);
        if (y.grad_fn == fn) fn.Save(new Tensor(indices!, plan.OutputShape));
        return y;
    }

    /// <summary>The same rule as the general loop (first maximum in row-major order wins, NaN propagates) for disjoint 2×2 tiles.</summary>
    private static void MaxOfTiles(ReadOnlySpan<float> plane, int width, Span<float> output, Span<long> indices)
    {
        var outWidth = width / 2;
        for (int oh = 0, at = 0; oh < output.Length / outWidth; oh++)
        {
            var top = plane.Slice(2 * oh * width, width);
            var bottom = plane.Slice((2 * oh + 1) * width, width);
            for (int ow = 0; ow < outWidth; ow++, at++)
            {
                int w = 2 * ow, bestAt = 0;
                float best = top[w];
                if (top[w + 1] > best || float.IsNaN(top[w + 1])) (best, bestAt) = (top[w + 1], 1);
                if (bottom[w] > best || float.IsNaN(bottom[w])) (best, bestAt) = (bottom[w], 2);
                if (bottom[w + 1] > best || float.IsNaN(bottom[w + 1])) (best, bestAt) = (bottom[w + 1], 3);
                output[at] = best;
                if (!indices.IsEmpty) indices[at] = (2 * oh + (bestAt >> 1)) * width + w + (bestAt & 1);
            }
        }
    }

    internal override Tensor?[] Backward(Tensor gradOutput)
    {
        var indices = Saved(0).LongData;
        var g = gradOutput.contiguous();
        var (gData, gOffset) = (g.FloatData, (int)g.Offset);
        var (inPlane, outPlane) = (plan.InPlane, plan.OutPlane);
        var dx = new float[plan.Planes * inPlane];
        plan.ForPlanes(p =>
        {
            var target = dx.AsSpan(p * inPlane, inPlane);
            for (int i = p * outPlane, end = i + outPlane; i < end; i++)
                target[(int)indices[i]] += gData[gOffset + i];
        });
        return [new Tensor(dx, plan.InputShape)];
    }
}
