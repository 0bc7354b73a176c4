using System.Numerics.Tensors;
using NotebookDL.Kernels;

namespace NotebookDL.Ops;

/// <summary>
/// Batch normalization of a float32 [N, C, *] input per channel c, over its M = N·(spatial size) values:
/// y = (x − μ_c)·σ̂_c·w_c + b_c with σ̂ = 1/√(var + eps), using the batch's mean and biased variance
/// (training) or given running statistics. Backward with batch statistics, x̂ = (x − μ)·σ̂ and k = w·σ̂:
/// dx = k·(dy − Σdy/M − x̂·Σ(dy·x̂)/M), dw = Σ dy·x̂, db = Σ dy; with fixed statistics dx = k·dy.
/// A primitive (PyTorch's native_batch_norm) because the composite costs eight passes over a large tensor.
/// </summary>
internal sealed class BatchNormFunction : GradFn
{
    private BatchNormGeometry geo;
    private float[] mean = [], invStd = [];
    private bool batchStatistics;

    public override string name() => "NativeBatchNormBackward0";

    /// <summary>Normalizes input; with batchStatistics also returns the batch mean and unbiased variance per channel.</summary>
    public static (Tensor output, float[] mean, float[] unbiasedVariance) Apply(Tensor input, Tensor? weight, Tensor? bias,
        bool batchStatistics, Tensor? runningMean, Tensor? runningVar, double eps)
    {
        var x = input.contiguous();
        var geo = new BatchNormGeometry(x.Shape);
        var w = weight?.contiguous().FloatSpan().ToArray();
        var b = bias?.contiguous().FloatSpan().ToArray();
        var (xData, xOffset) = (x.FloatData, (int)x.Offset);
        var mean = new float[geo.Channels];
        var invStd = new float[geo.Channels];
        var unbiased = new float[geo.Channels];
        var output = GC.AllocateUninitializedArray<float>(checked((int)x.Count));
        var rm = runningMean?.contiguous().FloatSpan().ToArray();
        var rv = runningVar?.contiguous().FloatSpan().ToArray();
        WorkerPool.For(geo.Channels, c =>
        {
            double mu, variance;
            if (batchStatistics)
            {
                (mu, variance) = geo.MeanVariance(xData, xOffset, c);
                unbiased[c] = (float)(variance * geo.PerChannel / (geo.PerChannel - 1));
            }
            else (mu, variance) = (rm![c], rv![c]);
            var sigmaHat = 1 / Math.Sqrt(variance + eps);
            mean[c] = (float)mu;
            invStd[c] = (float)sigmaHat;
            var scale = sigmaHat * (w?[c] ?? 1);
            var shift = (b?[c] ?? 0) - mu * scale;
            foreach (var (at, length) in geo.Blocks(c))
            {
                var y = output.AsSpan(at, length);
                TensorPrimitives.Multiply(xData.AsSpan(xOffset + at, length), (float)scale, y);
                TensorPrimitives.Add(y, (float)shift, y);
            }
        });

        var fn = new BatchNormFunction { geo = geo, mean = mean, invStd = invStd, batchStatistics = batchStatistics };
        var result = fn.Record(new Tensor(output, x.shape), x, weight, bias);
        if (result.grad_fn == fn) fn.Save(x, weight?.detach());
        return (result, mean, unbiased);
    }

    internal override Tensor?[] Backward(Tensor gradOutput)
    {
        var x = Saved(0);
        var w = Inputs[1] is null ? null : Saved(1).contiguous().FloatSpan().ToArray();
        var dy = gradOutput.contiguous();
        var (xData, xOffset) = (x.FloatData, (int)x.Offset);
        var (dyData, dyOffset) = (dy.FloatData, (int)dy.Offset);
        var needInput = Inputs[0]?.requires_grad == true;
        var dx = needInput ? GC.AllocateUninitializedArray<float>(checked((int)x.Count)) : null;
        var dw = new float[geo.Channels];
        var db = new float[geo.Channels];
        WorkerPool.For(geo.Channels, c =>
        {
            double mu = mean[c], sigmaHat = invStd[c];
            var (sumDy, sumDyCentred) = geo.GradientSums(dyData, dyOffset, xData, xOffset, c, (float)mu);
            var sumDyXHat = sumDyCentred * sigmaHat;
            db[c] = (float)sumDy;
            dw[c] = (float)sumDyXHat;
            if (dx is null) return;
            var k = sigmaHat * (w?[c] ?? 1);
            // dx = k·dy + a·x + shift, the batch-statistics terms folded into a and shift.
            var (a, shift) = batchStatistics
                ? (-k * sigmaHat * sumDyXHat / geo.PerChannel, -k * sumDy / geo.PerChannel + k * sigmaHat * mu * sumDyXHat / geo.PerChannel)
                : (0.0, 0.0);
            foreach (var (at, length) in geo.Blocks(c))
            {
                var target = dx.AsSpan(at, length);
                TensorPrimitives.Multiply(dyData.AsSpan(dyOffset + at, length), (float)k, target);
                if (!batchStatistics) continue;
                TensorPrimitives.MultiplyAdd(xData.AsSpan(xOffset + at, length), (float)a, target, target);
                TensorPrimitives.Add(target, (float)shift, target);
            }
        });
        return
        [
            dx is null ? null : new Tensor(dx, x.shape),
            // weight and bias may be any shape holding C values, e.g. [1, C, 1, 1]; their gradients take that shape.
            Inputs[1] is { requires_grad: true } w1 ? new Tensor(dw, w1.shape) : null,
            Inputs[2] is { requires_grad: true } b2 ? new Tensor(db, b2.shape) : null,
        ];
    }
}
