using System.Text.Json;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>A tensor as the golden generator writes it: shape plus flat row-major data (see tests/golden/README.md).</summary>
internal sealed record FixtureTensor(long[] Shape, double[] Data, bool IsInt64)
{
    public static FixtureTensor? Parse(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        var shape = element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var isInt = element.TryGetProperty("dtype", out var dtype) && dtype.GetString() == "int64";
        var data = element.GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new FixtureTensor(shape, data, isInt);
    }

    public Tensor ToTensor(bool requiresGrad = false) => IsInt64
        ? torch.tensor(Data.Select(v => (long)v).ToArray(), Shape)
        : torch.tensor(Data.Select(v => (float)v).ToArray(), Shape, requires_grad: requiresGrad);
}

/// <summary>One ops.json case: the op, its arguments, the inputs and PyTorch's output and input gradients.</summary>
internal sealed record OpCase(
    string Name, string Op, JsonElement Args, FixtureTensor[] Inputs, FixtureTensor Output,
    FixtureTensor GradOutput, FixtureTensor?[] Grads, FixtureTensor? Indices)
{
    public bool Has(string key) => Args.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    public double Double(string key) => Args.GetProperty(key).GetDouble();

    public double? OptionalDouble(string key) => Has(key) ? Double(key) : null;

    public long Long(string key) => Args.GetProperty(key).GetInt64();

    public bool Bool(string key, bool fallback) => Has(key) ? Args.GetProperty(key).GetBoolean() : fallback;

    /// <summary>An int or a list of ints (PyTorch accepts both for dim=).</summary>
    public long[] Longs(string key)
    {
        var v = Args.GetProperty(key);
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetInt64()).ToArray() : [v.GetInt64()];
    }
}

internal static class OpsFixture
{
    // Parsed once per test run; every theory row looks its case up by name.
    private static readonly Lazy<IReadOnlyDictionary<string, OpCase>> cases = new(Load);

    public static IReadOnlyDictionary<string, OpCase> Cases => cases.Value;

    private static IReadOnlyDictionary<string, OpCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ops.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, OpCase>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            result[name] = new OpCase(
                name,
                c.GetProperty("op").GetString()!,
                c.GetProperty("args").Clone(),
                c.GetProperty("inputs").EnumerateArray().Select(e => FixtureTensor.Parse(e)!).ToArray(),
                FixtureTensor.Parse(c.GetProperty("output"))!,
                FixtureTensor.Parse(c.GetProperty("grad_output"))!,
                c.GetProperty("grads").EnumerateArray().Select(FixtureTensor.Parse).ToArray(),
                c.TryGetProperty("indices", out var idx) ? FixtureTensor.Parse(idx) : null);
        }
        return result;
    }
}
