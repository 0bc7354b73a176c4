using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Fixtures;

/// <summary>
/// Reads the PyTorch golden fixtures (tests/golden/README.md) for any test: cases by name, encoded tensors as
/// torch.Tensor (int64 when the encoding says so), and an allclose assertion that reports where it failed.
/// </summary>
public static class GoldenFixtures
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, JsonElement>>> files = new();

    /// <summary>Every case of <paramref name="file"/> (e.g. "layers.json") keyed by its "name"; parsed once per run.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Cases(string file) =>
        files.GetOrAdd(file, f => new Lazy<IReadOnlyDictionary<string, JsonElement>>(() => Load(f))).Value;

    public static JsonElement Case(string file, string name) =>
        Cases(file).TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"{file} has no case named '{name}'.");

    private static IReadOnlyDictionary<string, JsonElement> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, JsonElement>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            result[c.GetProperty("name").GetString()!] = c.Clone(); // Clone: the elements outlive the document
        return result;
    }

    /// <summary>{"shape", "data"(, "dtype": "int64")} → a tensor; float data is float32 written exactly as a double.</summary>
    public static Tensor ToTensor(JsonElement encoded, bool requiresGrad = false)
    {
        var shape = encoded.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var data = encoded.GetProperty("data");
        if (IsInt64(encoded))
            return torch.tensor(data.EnumerateArray().Select(e => e.GetInt64()).ToArray(), shape);
        return torch.tensor(data.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(), shape, requires_grad: requiresGrad);
    }

    public static bool IsInt64(JsonElement encoded) => encoded.TryGetProperty("dtype", out var d) && d.GetString() == "int64";

    /// <summary>A {"key": T, …} object (a state_dict) as the dictionary load_state_dict takes.</summary>
    public static Dictionary<string, Tensor> ToStateDict(JsonElement encoded) =>
        encoded.EnumerateObject().ToDictionary(p => p.Name, p => ToTensor(p.Value));

    /// <summary>Asserts equal shapes and |actual − expected| ≤ atol + rtol·|expected| everywhere, naming the worst element otherwise.</summary>
    public static void AssertClose(JsonElement expected, Tensor? actual, string what, double rtol = 1e-4, double atol = 1e-5)
    {
        Assert.True(actual is not null, $"{what}: expected a tensor but got null.");
        var want = ToTensor(expected);
        Assert.True(want.shape.SequenceEqual(actual!.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}] differs from PyTorch's [{string.Join(", ", want.shape)}].");
        var e = want.to(torch.float32).data<float>();
        var a = actual.to(torch.float32).data<float>();
        var worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < e.Length; i++)
        {
            var excess = Math.Abs((double)a[i] - e[i]) - (atol + rtol * Math.Abs(e[i]));
            if (double.IsNaN(a[i]) || excess > worstExcess) (worst, worstExcess) = (i, double.IsNaN(a[i]) ? double.PositiveInfinity : excess);
        }
        Assert.True(worst < 0, worst < 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{what}: element {worst} is {a[worst]:G9} but PyTorch gives {e[worst]:G9} (rtol {rtol}, atol {atol})."));
    }
}
