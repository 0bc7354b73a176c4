namespace NotebookDL.Display;

/// <summary>
/// Kernel sizes and multiply-adds of the layers that do arithmetic, per sample (the dry run uses a batch
/// of one). Bias additions are not counted, matching the usual "MACs" convention.
/// </summary>
internal static class LayerCost
{
    public static string? KernelShape(torch.nn.Module layer) => layer switch
    {
        Modules.Conv2d conv => Pair(conv.kernel_size),
        Modules.MaxPool2d pool => Pair(pool.kernel_size),
        Modules.AvgPool2d pool => Pair(pool.kernel_size),
        _ => null,
    };

    public static long? MultAdds(torch.nn.Module layer, long[] outputShape)
    {
        var perSample = outputShape.Length == 0 ? 1 : outputShape.Skip(1).Aggregate(1L, (a, b) => a * b);
        return layer switch
        {
            // every output element is a dot product of length in_features
            Modules.Linear linear => perSample * linear.in_features,
            // every output pixel of every output channel sums C_in·kH·kW products
            Modules.Conv2d conv when outputShape.Length == 4 => conv.weight.numel() * outputShape[2] * outputShape[3],
            _ => null,
        };
    }

    private static string Pair(long[] size) => size.Length == 1 ? $"({size[0]}, {size[0]})" : $"({string.Join(", ", size)})";
}
