namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>
/// Puts the same data into both engines and compares what comes out: the managed engine is checked against libtorch,
/// a second, independent oracle (the golden tests in NotebookDL.Tests compare against numbers PyTorch wrote once).
/// </summary>
static class Engines
{
    /// <summary>Loads TorchSharp's natives; every test class calls it before touching <c>TT</c>.</summary>
    public static void EnsureLoaded() => TorchSharpNatives.EnsureLoaded();

    /// <summary>Reproducible random values: each case draws from its own seed, so cases are independent.</summary>
    public static float[] Data(int seed, long[] shape, Values kind = Values.Normal)
    {
        var random = new Random(seed);
        var data = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = kind switch
            {
                Values.Positive => 0.5f + 1.5f * random.NextSingle(),
                Values.Probability => 0.05f + 0.9f * random.NextSingle(),
                _ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())),
            };
        }
        return data;
    }

    public static MT.Tensor Managed(float[] data, long[] shape, bool grad = false) => MT.tensor(data, shape, requires_grad: grad);

    public static TT.Tensor Torch(float[] data, long[] shape, bool grad = false) => TT.tensor(data, shape, requires_grad: grad);

    public static float[] Of(MT.Tensor t) => t.detach().to(NotebookDL.ScalarType.Float32).contiguous().ToArray<float>();

    public static float[] Of(TT.Tensor t) => t.detach().to(TT.ScalarType.Float32).contiguous().data<float>().ToArray();

    /// <summary>Copies the managed module's parameters and float buffers into the TorchSharp module, by name.</summary>
    public static void CopyState(MT.nn.Module from, TT.nn.Module to)
    {
        var target = to.named_parameters().ToDictionary(p => p.name, p => (TT.Tensor)p.parameter);
        foreach (var (name, buffer) in to.named_buffers())
            target[name] = buffer;
        var source = from.named_parameters().Select(p => (p.name, (MT.Tensor)p.parameter)).Concat(from.named_buffers()).ToArray();
        Assert.Equal(target.Keys.Order(), source.Select(s => s.name).Order());
        using var _ = TT.no_grad();
        foreach (var (name, tensor) in source)
        {
            if (tensor.dtype != NotebookDL.ScalarType.Float32)
                continue; // num_batches_tracked: an integer count, equal by construction
            target[name].copy_(Torch(Of(tensor), tensor.shape));
        }
    }

    /// <summary>
    /// Asserts same shape and |managed − libtorch| ≤ atol + rtol·|libtorch| everywhere, naming the worst element.
    /// </summary>
    public static void AssertClose(string what, MT.Tensor managed, TT.Tensor torch, double rtol = 1e-5, double atol = 1e-6)
    {
        Assert.True(managed.shape.SequenceEqual(torch.shape),
            $"{what}: shape [{string.Join(", ", managed.shape)}] vs libtorch [{string.Join(", ", torch.shape)}]");
        AssertClose(what, Of(managed), Of(torch), rtol, atol);
    }

    public static void AssertClose(string what, float[] managed, float[] torch, double rtol = 1e-5, double atol = 1e-6)
    {
        Assert.Equal(torch.Length, managed.Length);
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < managed.Length; i++)
        {
            double excess = Math.Abs((double)managed[i] - torch[i]) - (atol + rtol * Math.Abs(torch[i]));
            if (excess > worstExcess || (double.IsNaN(managed[i]) != double.IsNaN(torch[i])))
            {
                worst = i;
                worstExcess = double.IsNaN(excess) ? double.PositiveInfinity : excess;
            }
        }
        Assert.True(worst < 0, worst < 0 ? "" :
            $"{what}: element {worst} is {managed[worst]:R} in the managed engine and {torch[worst]:R} in libtorch (rtol {rtol}, atol {atol})");
    }

    public static void AssertClose(string what, double managed, double torch, double rtol = 1e-5, double atol = 1e-6) =>
        AssertClose(what, [(float)managed], [(float)torch], rtol, atol);
}
