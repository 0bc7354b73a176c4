using System.Text.Json;
using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>Builds the NotebookDL layer a golden case describes by its PyTorch class name and config.</summary>
internal static class LayerFactory
{
    public static nn.Module<Tensor, Tensor> Create(string layer, JsonElement config) => layer switch
    {
        "Linear" => nn.Linear(Long(config, "in_features"), Long(config, "out_features"), hasBias: config.GetProperty("bias").GetBoolean()),
        "Conv2d" => Conv2d(config),
        "MaxPool2d" => nn.MaxPool2d(Sizes(config, "kernel_size"), Sizes(config, "stride"), Sizes(config, "padding")),
        "AvgPool2d" => nn.AvgPool2d(Sizes(config, "kernel_size"), Sizes(config, "stride"), Sizes(config, "padding"),
            count_include_pad: config.GetProperty("count_include_pad").GetBoolean()),
        "AdaptiveAvgPool2d" => nn.AdaptiveAvgPool2d(Sizes(config, "output_size")),
        "BatchNorm1d" => nn.BatchNorm1d(Long(config, "num_features"), Double(config, "eps"), Double(config, "momentum")),
        "BatchNorm2d" => nn.BatchNorm2d(Long(config, "num_features"), Double(config, "eps"), Double(config, "momentum")),
        "Dropout" => nn.Dropout(Double(config, "p")),
        "Flatten" => nn.Flatten(Long(config, "start_dim"), Long(config, "end_dim")),
        "Identity" => nn.Identity(),
        "Sigmoid" => nn.Sigmoid(),
        "Tanh" => nn.Tanh(),
        "ReLU" => nn.ReLU(),
        "LeakyReLU" => nn.LeakyReLU(Double(config, "negative_slope")),
        "Softmax" => nn.Softmax(Long(config, "dim")),
        "LogSoftmax" => nn.LogSoftmax(Long(config, "dim")),
        "GELU" => nn.GELU(),
        _ => throw new NotSupportedException($"No NotebookDL layer for fixture layer '{layer}'."),
    };

    private static nn.Module<Tensor, Tensor> Conv2d(JsonElement config)
    {
        var kernel = Pair(config.GetProperty("kernel_size"));
        var stride = Pair(config.GetProperty("stride"));
        var dilation = Pair(config.GetProperty("dilation"));
        var (inC, outC, bias) = (Long(config, "in_channels"), Long(config, "out_channels"), config.GetProperty("bias").GetBoolean());
        var padding = config.GetProperty("padding");
        if (padding.ValueKind == JsonValueKind.String)
            return nn.Conv2d(inC, outC, kernel, padding.GetString() == "same" ? Padding.Same : Padding.Valid, stride, dilation, bias: bias);
        return nn.Conv2d(inC, outC, kernel, stride, Pair(padding), dilation, bias: bias);
    }

    private static long Long(JsonElement config, string key) => config.GetProperty(key).GetInt64();

    private static double Double(JsonElement config, string key) => config.GetProperty(key).GetDouble();

    /// <summary>An int or an [h, w] list, as PyTorch configs hold either.</summary>
    private static long[] Sizes(JsonElement config, string key)
    {
        var v = config.GetProperty(key);
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetInt64()).ToArray() : [v.GetInt64()];
    }

    private static (long, long) Pair(JsonElement v) =>
        v.ValueKind == JsonValueKind.Array ? (v[0].GetInt64(), v[1].GetInt64()) : (v.GetInt64(), v.GetInt64());
}
