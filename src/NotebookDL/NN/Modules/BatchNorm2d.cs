using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Batch normalization of images [N, C, H, W], one statistic per channel over the batch and all pixels.</summary>
public sealed class BatchNorm2d : BatchNorm
{
    internal BatchNorm2d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool track_running_stats = true,
        Device? device = null, ScalarType? dtype = null)
        : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm2d)) { }

    protected override string ExpectedShape => $"[N, {num_features}, H, W]";

    protected override bool HasValidRank(Tensor input) => input.Shape.Length == 4;
}
