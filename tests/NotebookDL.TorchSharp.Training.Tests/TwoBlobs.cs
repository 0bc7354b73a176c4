namespace NotebookDL.TorchSharp.Training.Tests;

/// <summary>Synthetic two-class data and a small classifier for it, made with TorchSharp alone.</summary>
static class TwoBlobs
{
    /// <summary>
    /// n points in 2-D, classes alternating (so a held-out tail has both): class 0 around (-1.5, -1.5), class 1 around
    /// (1.5, 1.5), unit spread. About 2% of points fall on the wrong side, so a good classifier reaches ~0.98.
    /// </summary>
    public static (Tensor x, Tensor y) Make(int n = 400, int seed = 0)
    {
        TorchSharpNatives.EnsureLoaded();
        var random = new Random(seed);
        var x = new float[n * 2];
        var y = new long[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2;
            var center = y[i] == 0 ? -1.5f : 1.5f;
            x[2 * i] = center + Gaussian(random);
            x[2 * i + 1] = center + Gaussian(random);
        }
        return (torch.tensor(x, [n, 2]), torch.tensor(y));
    }

    /// <summary>A 2-16-2 MLP with seeded initial weights.</summary>
    public static torch.nn.Module<Tensor, Tensor> Classifier(int seed = 1)
    {
        TorchSharpNatives.EnsureLoaded();
        torch.manual_seed(seed);
        return torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2));
    }

    /// <summary>The classifier compiled with cross-entropy, Adam (lr 0.01) and accuracy.</summary>
    public static torch.nn.Module<Tensor, Tensor> Compiled(int seed = 1)
    {
        var model = Classifier(seed);
        model.compile(torch.nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr: 0.01), metrics: ["accuracy"]);
        return model;
    }

    /// <summary>The default data and a freshly compiled classifier, the start of most tests.</summary>
    public static (Tensor x, Tensor y, torch.nn.Module<Tensor, Tensor> model) DataAndCompiledModel()
    {
        var (x, y) = Make();
        return (x, y, Compiled());
    }

    /// <summary>Copies of every parameter, by name.</summary>
    public static Dictionary<string, float[]> Weights(torch.nn.Module model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().data<float>().ToArray());

    public static void AssertSameWeights(Dictionary<string, float[]> expected, Dictionary<string, float[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, values) in expected) Assert.True(values.SequenceEqual(actual[name]), $"parameter {name} differs");
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
