using System.Globalization;

namespace NotebookDL.Display;

/// <summary>
/// PyTorch's extra_repr for TorchSharp's common layers (TorchSharp's modules print only their type name), written as
/// the managed engine writes it, so print(model) and the module display read the same on both engines. Layers not
/// listed show their type alone.
/// </summary>
internal static class TorchSharpExtraRepr
{
    public static string Of(torch.nn.Module module) => module switch
    {
        Modules.Linear linear => $"in_features={linear.in_features}, out_features={linear.out_features}, bias={Py(linear.bias is not null)}",
        Modules.Conv2d conv => Convolution(conv),
        Modules.MaxPool2d pool =>
            $"kernel_size={Size(pool.kernel_size)}, stride={Size(pool.stride ?? pool.kernel_size)}, padding={Size(pool.padding ?? [0])}, " +
            $"dilation={Size(pool.dilation ?? [1])}, ceil_mode={Py(pool.ceil_mode)}",
        Modules.AvgPool2d pool => $"kernel_size={Size(pool.kernel_size)}, stride={Size(pool.stride ?? pool.kernel_size)}, padding={Size(pool.padding ?? [0])}",
        Modules.Flatten flatten => $"start_dim={flatten.start_dim}, end_dim={flatten.end_dim}",
        Modules.Dropout dropout => $"p={Py(dropout.p)}, inplace={Py(dropout.inplace)}",
        Modules.ReLU relu => relu.inplace ? "inplace=True" : "",
        Modules.LeakyReLU leaky => $"negative_slope={Py(leaky.negative_slope)}" + (leaky.inplace ? ", inplace=True" : ""),
        Modules.Softmax softmax => $"dim={softmax.dim}",
        Modules.LogSoftmax logSoftmax => $"dim={logSoftmax.dim}",
        Modules.AdaptiveAvgPool2d pool => $"output_size={(pool.output_size.Length == 1 ? pool.output_size[0].ToString(CultureInfo.InvariantCulture) : $"({string.Join(", ", pool.output_size)})")}",
        Modules.GELU gelu => $"approximate='{gelu.approximate.ToString().ToLowerInvariant()}'",
        Modules.NormBase norm =>
            $"{norm.num_features}, eps={Py(norm.eps)}, momentum={(norm.momentum is { } m ? Py(m) : "None")}, affine={Py(norm.affine)}, track_running_stats={Py(norm.track_running_stats)}",
        _ => "",
    };

    private static string Convolution(Modules.Conv2d conv)
    {
        var text = $"{conv.in_channels}, {conv.out_channels}, kernel_size={Tuple(conv.kernel_size)}, stride={Tuple(conv.stride)}";
        if (conv.padding_type is { } kind) text += $", padding={kind.ToString().ToLowerInvariant()}";
        else if (conv.padding is { } padding && padding.Any(p => p != 0)) text += $", padding={Tuple(padding)}";
        if (conv.dilation.Any(d => d != 1)) text += $", dilation={Tuple(conv.dilation)}";
        if (conv.bias is null) text += ", bias=False";
        return text;
    }

    /// <summary>A pooling size as PyTorch prints one given as a number: 2 when every dimension is 2, else (2, 3).</summary>
    private static string Size(long[] values) =>
        values.Distinct().Count() == 1 ? values[0].ToString(CultureInfo.InvariantCulture) : $"({string.Join(", ", values)})";

    /// <summary>A size tuple as Python prints it: (3, 3), or (3,) for one value.</summary>
    private static string Tuple(long[] values) => values.Length == 1 ? $"({values[0]},)" : $"({string.Join(", ", values)})";

    private static string Py(bool value) => value ? "True" : "False";

    /// <summary>A double as Python's repr writes it (1e-05, 0.1, 1.0).</summary>
    private static string Py(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return s.Contains('.') || s.Contains('e') || s.Contains("Infinity") || s.Contains("NaN") ? s : s + ".0";
    }
}
