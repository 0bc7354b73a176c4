using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Batch normalization of features [N, C] or sequences [N, C, L], one statistic per C.</summary>
public sealed class BatchNorm1d : BatchNorm
{
    internal BatchNorm1d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool track_running_stats = true,
        Device? device = null, ScalarType? dtype = null)
        : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm1d)) { }

    protected override string ExpectedShape => $"[N, {num_features}] or [N, {num_features}, L]";

    protected override bool HasValidRank(Tensor input) => input.Shape.Length is 2 or 3;
}
