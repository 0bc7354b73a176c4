using TorchSharp;

namespace NotebookDL.TorchSharp.Training.Tests;

/// <summary>
/// Training on a GPU: the model is moved with model.to(CUDA) and the data stays on the CPU, where loaders make it;
/// fit, evaluate and predict move each batch to the model's device. Runs only where CUDA is present (a TorchSharp CUDA
/// package and an NVIDIA GPU): <c>dotnet test tests/NotebookDL.TorchSharp.Training.Tests --filter Category=Cuda</c>.
/// </summary>
[Trait("Category", "Cuda")]
public class CudaTests
{
    [CudaFact]
    public void Fit_ModelOnCudaDataOnCpu_TrainsAndPredictsOnTheGpu()
    {
        var (x, y) = TwoBlobs.Make();
        var model = TwoBlobs.Compiled();
        model.to(torch.CUDA);

        var history = model.fit(x, y, epochs: 20, batch_size: 32, verbose: 0);
        var result = model.evaluate(x, y, verbose: 0);
        using var predictions = model.predict(x);

        Assert.True(history["loss"][^1] < history["loss"][0] / 2, $"loss {history["loss"][0]:F3} → {history["loss"][^1]:F3}");
        Assert.True(result["accuracy"] > 0.95, $"accuracy {result["accuracy"]:F3}");
        Assert.Equal(DeviceType.CUDA, predictions.device.type);
        Assert.Equal(DeviceType.CPU, x.device.type); // the caller's data is not moved
    }

    [Fact]
    public void Fit_ModelOnCpu_BatchesStayOnTheCpu()
    {
        var (x, y) = TwoBlobs.Make();
        var model = TwoBlobs.Compiled();
        model.fit(x, y, epochs: 2, batch_size: 32, verbose: 0);
        using var predictions = model.predict(x);
        Assert.Equal(DeviceType.CPU, predictions.device.type);
    }

    /// <summary>A test that needs CUDA; skipped, saying why, where TorchSharp sees no GPU.</summary>
    private sealed class CudaFactAttribute : FactAttribute
    {
        public CudaFactAttribute()
        {
            TorchSharpNatives.EnsureLoaded();
            if (!torch.cuda.is_available())
                Skip = "CUDA is not available (no NVIDIA GPU, or TorchSharp-cpu instead of a TorchSharp CUDA package); see README \"Two engines\".";
        }
    }
}
