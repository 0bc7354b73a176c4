using NotebookDL;
using static NotebookDL.torch;

/// <summary>The textbook models the benchmark trains; bench/torch_peer.py builds the same in PyTorch.</summary>
internal static class Models
{
    /// <summary>MNIST MLP 784-512-512-10 (669,706 parameters).</summary>
    public static nn.Module<Tensor, Tensor> Mlp() => nn.Sequential(
        nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(512, 10));

    /// <summary>CIFAR-10 baseline: 16/32/64 filters of 2×2 'same', max-pool 2, dense 500, dense 10 (528,054 parameters).</summary>
    public static nn.Module<Tensor, Tensor> CifarBaseline() => nn.Sequential(
        nn.Conv2d(3, 16, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 2, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
        nn.Dropout(0.3), nn.Flatten(),
        nn.Linear(64 * 4 * 4, 500), nn.ReLU(), nn.Dropout(0.4),
        nn.Linear(500, 10));
}
