using NotebookDL.TorchSharp;

/// <summary>TorchSharp's side of the benchmark: its name in the results, loading libtorch, and what it cannot run yet.</summary>
internal static class Engine
{
    public const string Name = "torchsharp";

    /// <summary>Loads libtorch (patched where this system's libstdc++ predates GCC 13).</summary>
    public static void Load() => TorchSharpNatives.EnsureLoaded();

    /// <summary>NotebookDL's CIFAR-10 reader and data loader are on the managed engine only so far.</summary>
    public static double? CifarEpoch(nn.Module<Tensor, Tensor> model)
    {
        Console.Error.WriteLine("cifar_epoch: NotebookDL's dataset readers are not on TorchSharp yet; skipped.");
        return null;
    }

    /// <summary>
    /// The fast recipe's loss, summed over the batch. TorchSharp 0.107's CrossEntropyLoss has no label smoothing, so it is
    /// left out: on 256 × 10 logits the loss is a negligible part of the step either way.
    /// </summary>
    public static nn.Module<Tensor, Tensor, Tensor> SmoothedCrossEntropySum(double smoothing) =>
        nn.CrossEntropyLoss(reduction: nn.Reduction.Sum);
}
