using System.Diagnostics;

namespace NotebookDL.TorchSharp.Training.Tests;

/// <summary>TorchSharp tensors live outside the GC: fit, evaluate and predict must free each batch's tensors.</summary>
public class NativeMemoryTests
{
    [Fact]
    public void Fit_TenEpochsWithValidation_LiveTensorsAndResidentMemoryStayFlatAfterEpochTwo()
    {
        var (x, y) = TwoBlobs.Make(n: 2000);
        var model = TwoBlobs.Compiled();
        var probe = new MemoryProbe();

        model.fit(x, y, epochs: 10, batch_size: 32, validation_split: 0.2, callbacks: [probe], verbose: 0);
        model.evaluate(x, y, verbose: 0);
        model.predict(x).Dispose();
        var afterAll = torch.Tensor.TotalCount;

        // No GC is forced before counting tensors, so a leaked one is still counted (its finalizer has not run).
        Assert.True(probe.Tensors[9] <= probe.Tensors[1], $"live tensors after epoch 2: {probe.Tensors[1]}, after epoch 10: {probe.Tensors[9]}");
        Assert.True(afterAll <= probe.Tensors[9], $"evaluate and predict left {afterAll - probe.Tensors[9]} tensors alive");
        var growth = probe.ResidentBytes[9] - probe.ResidentBytes[1];
        Assert.True(growth < 50 << 20, $"resident memory grew {growth / (1 << 20)} MB from epoch 2 to epoch 10");
    }

    private sealed class MemoryProbe : Callback
    {
        public List<long> Tensors { get; } = [];

        public List<long> ResidentBytes { get; } = [];

        public override void on_epoch_end(int epoch, Logs logs)
        {
            Tensors.Add(torch.Tensor.TotalCount);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            ResidentBytes.Add(process.WorkingSet64);
        }
    }
}
