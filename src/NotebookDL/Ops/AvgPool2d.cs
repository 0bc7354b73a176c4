using System.Numerics.Tensors;

namespace NotebookDL.Ops;

/// <summary>
/// Mean over each pooling window, divided by the window's divisor (which the plan sets: padded or real size for
/// avg_pool2d, the window size for adaptive_avg_pool2d). Backward spreads grad/divisor over the window.
/// </summary>
internal sealed class AvgPool2dFunction : GradFn
{
    private Pool2dPlan plan = null!;
    private string nodeName = "";

    public override string name() => nodeName;

    /// <param name="nodeName">PyTorch's grad_fn name: AvgPool2DBackward0 or AdaptiveAvgPool2DBackward0.</param>
    public static Tensor Apply(Tensor input, Pool2dPlan plan, string nodeName)
    {
        var x = input.contiguous();
        var (data, offset) = (x.FloatData, (int)x.Offset);
        var (rows, cols) = (plan.Rows, plan.Cols);
        var (inPlane, outPlane, width) = (plan.InPlane, plan.OutPlane, plan.Width);
        var output = new float[plan.Planes * outPlane];
        plan.ForPlanes(p =>
        {
            var plane = data.AsSpan(offset + p * inPlane, inPlane);
            int at = p * outPlane;
            for (int oh = 0; oh < rows.Count; oh++)
            {
                int h0 = rows.Start(oh), h1 = rows.End(oh);
                for (int ow = 0; ow < cols.Count; ow++, at++)
                {
                    int w0 = cols.Start(ow), w1 = cols.End(ow);
                    int divisor = rows.Divisor(oh) * cols.Divisor(ow);
                    if (divisor == 0 || w0 >= w1) continue;
                    float sum = 0;
                    for (int h = h0; h < h1; h++) sum += TensorPrimitives.Sum(plane.Slice(h * width + w0, w1 - w0));
                    output[at] = sum / divisor;
                }
            }
        });

        var fn = new AvgPool2dFunction { plan = plan, nodeName = nodeName };
        return fn.Record(new Tensor(output, plan.OutputShape), x);
    }

    internal override Tensor?[] Backward(Tensor gradOutput)
    {
        var g = gradOutput.contiguous();
        var (gData, gOffset) = (g.FloatData, (int)g.Offset);
        var (rows, cols) = (plan.Rows, plan.Cols);
        var (inPlane, outPlane, width) = (plan.InPlane, plan.OutPlane, plan.Width);
        var dx = new float[plan.Planes * inPlane];
        plan.ForPlanes(p =>
        {
            var plane = dx.AsSpan(p * inPlane, inPlane);
            int at = gOffset + p * outPlane;
            for (int oh = 0; oh < rows.Count; oh++)
            {
                int h0 = rows.Start(oh), h1 = rows.End(oh);
                for (int ow = 0; ow < cols.Count; ow++, at++)
                {
                    int w0 = cols.Start(ow), w1 = cols.End(ow);
                    int divisor = rows.Divisor(oh) * cols.Divisor(ow);
                    if (divisor == 0 || w0 >= w1) continue;
                    float share = gData[at] / divisor;
                    for (int h = h0; h < h1; h++)
                    {
                        var span = plane.Slice(h * width + w0, w1 - w0);
                        TensorPrimitives.Add(span, share, span);
                    }
                }
            }
        });
        return [new Tensor(dx, plan.InputShape)];
    }
}
