using NotebookDL;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Training;

/// <summary>Small deterministic problems for training-loop tests.</summary>
internal static class TrainingFixtures
{
    /// <summary>Two Gaussian blobs in the plane, labels 0/1, well separated.</summary>
    public static (Tensor x, Tensor y) TwoBlobs(int n = 128, long seed = 7)
    {
        var g = new Generator(seed);
        var y = randint(0, 2, [n], generator: g);
        var centers = y.to(ScalarType.Float32).unsqueeze(1) * 4.0 - 2.0;
        var x = randn([n, 2], generator: g) * 0.5 + centers;
        return (x, y);
    }

    public static nn.Module<Tensor, Tensor> SmallClassifier(long seed = 1)
    {
        manual_seed(seed);
        return nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2));
    }
}
