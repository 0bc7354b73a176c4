using static NotebookDL.torch;

namespace NotebookDL.Display.Tests;

/// <summary>The textbook's models, built the way the chapters build them.</summary>
internal static class TextbookModels
{
    /// <summary>MNIST MLP: 784 → 512 → 512 → 10 (Keras rows 401,920 / 262,656 / 5,130).</summary>
    public static nn.Module<Tensor, Tensor> MnistMlp() =>
        nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10));

    /// <summary>MNIST CNN: two 'same' 3×3 convolutions with 2×2 pooling, dense 64 (220,234 parameters).</summary>
    public static nn.Module<Tensor, Tensor> MnistCnn() =>
        nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(7 * 7 * 64, 64), nn.ReLU(), nn.Linear(64, 10));

    /// <summary>The CIFAR-10 baseline: 2×2 'same' convolutions with 16/32/64 filters, dense 500 (528,054 parameters).</summary>
    public static nn.Module<Tensor, Tensor> CifarBaseline() =>
        nn.Sequential(
            nn.Conv2d(3, 16, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
            nn.Dropout(0.3), nn.Flatten(),
            nn.Linear(1024, 500), nn.ReLU(), nn.Dropout(0.4),
            nn.Linear(500, 10));

    /// <summary>A nested model with BatchNorm, to check depth and non-trainable counts.</summary>
    public static nn.Module<Tensor, Tensor> NestedWithBatchNorm() =>
        nn.Sequential(
            ("features", nn.Sequential(nn.Conv2d(1, 8, 3, padding: Padding.Same), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2))),
            ("classifier", nn.Sequential(nn.Flatten(), nn.Linear(8 * 14 * 14, 10))));
}
