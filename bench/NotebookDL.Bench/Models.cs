
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

    /// <summary>Chapter 11's MNIST CNN: conv 32, pool, conv 64, pool, dense 64, dense 10 (225,034 parameters).</summary>
    public static nn.Module<Tensor, Tensor> MnistCnn() => nn.Sequential(
        nn.Conv2d(1, 32, 3, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding: Padding.Same), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(7 * 7 * 64, 64), nn.ReLU(), nn.Linear(64, 10));

    /// <summary>Chapter 14's tuned model: six 3×3 convs (32, 32, 64, 64, 128, 128) each with ReLU and batch norm, three pools with dropout, dense 10.</summary>
    public static nn.Module<Tensor, Tensor> CifarTuned()
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        long inChannels = 3;
        foreach (var (width, dropout) in new[] { (32L, 0.2), (64L, 0.3), (128L, 0.4) })
        {
            foreach (var _ in new[] { 0, 1 })
            {
                layers.AddRange([nn.Conv2d(inChannels, width, 3, padding: Padding.Same), nn.ReLU(), nn.BatchNorm2d(width, 1e-3, 0.01)]);
                inChannels = width;
            }
            layers.AddRange([nn.MaxPool2d(2), nn.Dropout(dropout)]);
        }
        layers.AddRange([nn.Flatten(), nn.Linear(128 * 4 * 4, 10)]);
        return nn.Sequential(layers.ToArray());
    }

    /// <summary>
    /// Chapter 14's fast recipe (airbench93-shaped): a frozen 2×2 whitening conv (24 filters) and GELU, three blocks
    /// of conv-pool-BN-GELU-conv-BN-GELU of widths 64/128/128, max-pool 3, a bias-free dense 10.
    /// </summary>
    public static nn.Module<Tensor, Tensor> FastRecipe()
    {
        nn.Module<Tensor, Tensor> Block(long cin, long cout) => nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding: Padding.Same, bias: false), nn.MaxPool2d(2), nn.BatchNorm2d(cout), nn.GELU(),
            nn.Conv2d(cout, cout, 3, padding: Padding.Same, bias: false), nn.BatchNorm2d(cout), nn.GELU());
        var whiten = nn.Conv2d(3, 24, 2);
        whiten.weight.requires_grad = false;
        return nn.Sequential(whiten, nn.GELU(), Block(24, 64), Block(64, 128), Block(128, 128),
            nn.MaxPool2d(3), nn.Flatten(), nn.Linear(128, 10, hasBias: false));
    }
}
