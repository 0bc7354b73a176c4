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

        // Tensors are counted before the probe's GC, so the ones an epoch leaked are still alive (no finalizer has run):
        // every epoch must end with exactly the tensors training began with.
        Assert.All(probe.Tensors, (count, epoch) => Assert.True(count == probe.TensorsAtStart,
            $"epoch {epoch + 1} ended with {count} live tensors, {count - probe.TensorsAtStart} more than at the start of training"));
        Assert.True(afterAll <= probe.Tensors[9], $"evaluate and predict left {afterAll - probe.Tensors[9]} tensors alive");
        var growth = probe.ResidentBytes[9] - probe.ResidentBytes[1];
        Assert.True(growth < 50 << 20, $"resident memory grew {growth / (1 << 20)} MB from epoch 2 to epoch 10");
    }

    private sealed class MemoryProbe : Callback
    {
        public long TensorsAtStart { get; private set; }

        public List<long> Tensors { get; } = [];

        public List<long> ResidentBytes { get; } = [];

        public override void on_train_begin(Logs logs)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            TensorsAtStart = torch.Tensor.TotalCount;
        }

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
