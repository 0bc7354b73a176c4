namespace NotebookDL.TorchSharp.Tests.Differential;

public class LossDifferentialTests
{
    public LossDifferentialTests() => Engines.EnsureLoaded();

    public static TheoryData<string> Names() => [.. LossCases.All.Select(c => c.Name)];

    [Theory, MemberData(nameof(Names))]
    public void Loss_RandomInput_MatchesLibTorch(string name)
    {
        int seed = Array.FindIndex(LossCases.All, c => c.Name == name);
        var c = LossCases.All[seed];
        var data = Engines.Data(1000 * seed, c.Input.Shape, c.Input.Kind);
        var x = Engines.Managed(data, c.Input.Shape, grad: true);
        var tx = Engines.Torch(data, c.Input.Shape, grad: true);
        var (y, ty) = Targets(c.Target, 1000 * seed + 1);

        var loss = c.Managed(x, y);
        var tloss = c.Torch(tx, ty);
        Engines.AssertClose($"{name} loss", loss, tloss, c.Rtol, c.Atol);

        var w = Engines.Data(1000 * seed + 999, loss.shape);
        (loss * Engines.Managed(w, loss.shape)).sum().backward();
        (tloss * Engines.Torch(w, tloss.shape)).sum().backward();
        Engines.AssertClose($"{name} input grad", x.grad!, tx.grad!, Math.Max(c.Rtol, 1e-5), Math.Max(c.Atol, 1e-6));
    }

    static (MT.Tensor, TT.Tensor) Targets(Target target, int seed)
    {
        if (target.Classes is long classes)
        {
            var random = new Random(seed);
            var indices = new long[target.Shape.Aggregate(1L, (a, b) => a * b)];
            for (int i = 0; i < indices.Length; i++)
                indices[i] = random.NextInt64(classes);
            return (MT.tensor(indices, target.Shape), TT.tensor(indices, target.Shape));
        }
        var data = Engines.Data(seed, target.Shape, target.Kind);
        if (target.Binary)
            data = data.Select(v => v > 0.5f ? 1f : 0f).ToArray();
        if (target.Distribution)
        {
            // Normalize over dim 1 of [N, C, rest…]: divide each (n, ·, r) fibre by its sum.
            long n = target.Shape[0], c = target.Shape[1], rest = data.Length / (n * c);
            for (long i = 0; i < n; i++)
                for (long r = 0; r < rest; r++)
                {
                    double sum = 0;
                    for (long k = 0; k < c; k++) sum += data[(i * c + k) * rest + r];
                    for (long k = 0; k < c; k++) data[(i * c + k) * rest + r] /= (float)sum;
                }
        }
        return (Engines.Managed(data, target.Shape), Engines.Torch(data, target.Shape));
    }
}
