using System.Text.Json;
using NotebookDL;
using NotebookDL.Tests.Fixtures;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Serialization;

/// <summary>
/// Exchange with PyTorch: tests/golden/generate_golden.py reads our writer's committed output with
/// json + struct, and exports a PyTorch state_dict in safetensors layout for us to load.
/// </summary>
public sealed class SafeTensorsInteropTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private readonly string folder = Directory.CreateTempSubdirectory("notebookdl-interop-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The dictionary behind Fixtures/notebookdl_written.safetensors.</summary>
    private static Dictionary<string, Tensor> Reference() => new()
    {
        ["linear.weight"] = tensor(new float[] { 0.5f, -1.25f, 3.0f, 1e-3f, -0.0f, 42f }, [2, 3]),
        ["linear.bias"] = tensor(new float[] { 0.1f, -0.2f }),
        ["bn.num_batches_tracked"] = tensor(7L),
        ["mask"] = tensor(new[] { true, false, true, true }),
    };

    [Fact]
    public void SaveFile_ReferenceTensors_WritesTheCommittedBytes()
    {
        var path = Path.Combine(folder, "written.safetensors");

        safetensors.save_file(Reference(), path, new Dictionary<string, string> { ["format"] = "pt", ["writer"] = "NotebookDL" });

        Assert.Equal(File.ReadAllBytes(Path.Combine(Fixtures, "notebookdl_written.safetensors")), File.ReadAllBytes(path));
    }

    [Fact]
    public void PythonReader_CommittedFile_DecodesOurValues()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "safetensors_read_by_python.json")));
        var decoded = document.RootElement.GetProperty("tensors");

        foreach (var (name, expected) in Reference())
        {
            var entry = decoded.GetProperty(name);
            Assert.Equal(expected.shape, entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray());
            Assert.Equal(expected.data<double>(), entry.GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        }
        Assert.Equal("NotebookDL", document.RootElement.GetProperty("metadata").GetProperty("writer").GetString());
    }

    [Fact]
    public void LoadWeights_PyTorchExportedStateDict_ReproducesPyTorchOutput()
    {
        var model = nn.Sequential(nn.Conv2d(1, 2, 3, padding: 1), nn.BatchNorm2d(2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(2 * 3 * 3, 3));
        model.load_weights(Path.Combine(Fixtures, "torch_state_dict.safetensors"));
        model.eval();
        using var io = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "torch_state_dict_io.json")));

        using var _ = no_grad();
        var output = model.call(GoldenFixtures.ToTensor(io.RootElement.GetProperty("input")));

        GoldenFixtures.AssertClose(io.RootElement.GetProperty("output"), output, "eval output", rtol: 1e-5, atol: 1e-6);
        Assert.Equal(3L, model.state_dict()["1.num_batches_tracked"].item<long>());
    }
}
