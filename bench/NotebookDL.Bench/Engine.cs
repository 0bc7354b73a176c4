using System.Diagnostics;

/// <summary>The managed engine's side of the benchmark: its name in the results, and what only it can run.</summary>
internal static class Engine
{
    public const string Name = "notebookdl";

    /// <summary>Pure C#: nothing to load.</summary>
    public static void Load()
    {
    }

    /// <summary>
    /// One full epoch of the CIFAR-10 baseline on the 45,000 training images (the first 5,000 held out), batch 32,
    /// RMSprop, through the same DataLoader path a notebook uses; seconds, or null without the shared data.
    /// </summary>
    public static double? CifarEpoch(nn.Module<Tensor, Tensor> model)
    {
        var root = SharedData.Find();
        if (root is null)
        {
            Console.Error.WriteLine("cifar_epoch: no shared/data/cifar-10-batches-bin above this folder; skipped.");
            return null;
        }
        manual_seed(0);
        var (train, _) = utils.data.train_validation_split(torchvision.datasets.CIFAR10(root, train: true), validation: 5000);
        var (mean, std) = utils.data.channel_mean_std(train);
        train.transform = torchvision.transforms.Normalize(mean, std);
        var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);
        var loss = nn.CrossEntropyLoss();
        model.train();
        var watch = Stopwatch.StartNew();
        foreach (var batch in utils.data.DataLoader(train, 32, shuffle: true))
        {
            optimizer.zero_grad();
            loss.call(model.call(batch["data"]), batch["label"]).backward();
            optimizer.step();
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The fast recipe's loss: cross-entropy with label smoothing, summed over the batch.</summary>
    public static nn.Module<Tensor, Tensor, Tensor> SmoothedCrossEntropySum(double smoothing) =>
        nn.CrossEntropyLoss(label_smoothing: smoothing, reduction: nn.Reduction.Sum);
}
