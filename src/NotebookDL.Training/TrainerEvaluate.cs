namespace NotebookDL.Training;

public sealed partial class Trainer
{
    /// <summary>Loss and metrics over the data, in eval mode without gradients (Keras' model.evaluate).</summary>
    public EvaluationResult evaluate(Tensor x, Tensor y, int batch_size = 32, int verbose = 1)
    {
        using var batches = new TensorBatches(x, y, batch_size, shuffle: false, "evaluate");
        return evaluate(batches, verbose);
    }

    public EvaluationResult evaluate<T, S>(Modules.DataLoader<T, S> data, int verbose = 1) => evaluate(new LoaderBatches<T, S>(data, "evaluate"), verbose);

    public EvaluationResult evaluate(IBatchSource data, int verbose = 1)
    {
        var logs = Evaluate(data, []);
        if (verbose > 0) output.WriteLine(string.Join(" - ", logs.Select(kv => $"{kv.Key}: {ProgressLogger.FormatValue(kv.Value)}")));
        return new EvaluationResult(logs);
    }

    internal Logs Evaluate(IBatchSource data, List<Callback> callbacks)
    {
        var wasTraining = model.training;
        model.eval();
        foreach (var m in metrics) m.reset_state();
        foreach (var c in callbacks) c.on_test_begin(new Logs());
        double lossSum = 0;
        long seen = 0;
        try
        {
            using var _ = torch.no_grad();
            using var batches = data.Batches().GetEnumerator();
            var device = ModelDevice.Of(model);
            while (true)
            {
                // One dispose scope a batch, the batch itself included, so TorchSharp frees each batch's tensors at once.
                using var scope = torch.NewDisposeScope();
                if (!batches.MoveNext()) break;
                var (x, y) = (ModelDevice.To(batches.Current.x, device), ModelDevice.To(batches.Current.y, device));
                var output = model.call(x);
                lossSum += TotalLoss(output, y).item<float>() * x.size(0);
                seen += x.size(0);
                foreach (var m in metrics) m.update_state(output, y);
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        if (seen == 0) throw new ArgumentException("evaluate: there are no samples to evaluate.");
        var logs = new Logs { ["loss"] = lossSum / seen };
        foreach (var m in metrics) logs[m.name] = m.result();
        foreach (var c in callbacks) c.on_test_end(logs);
        return logs;
    }

    /// <summary>The model's outputs for every sample, in eval mode without gradients, batch by batch.</summary>
    public Tensor predict(Tensor x, int batch_size = 32)
    {
        if (batch_size < 1) throw new ArgumentOutOfRangeException(nameof(batch_size), $"predict: batch_size must be at least 1, got {batch_size}.");
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = torch.no_grad();
            var outputs = new List<Tensor>();
            var n = x.size(0);
            var device = ModelDevice.Of(model);
            for (long start = 0; start < n; start += batch_size)
            {
                // Each batch's activations are freed with its scope; only its output is kept, until the cat below.
                using var scope = torch.NewDisposeScope();
                outputs.Add(EngineAdapter.KeepBeyondScope(model.call(ModelDevice.To(x.narrow(0, start, Math.Min(batch_size, n - start)), device))));
            }
            if (outputs.Count == 1) return outputs[0];
            var all = torch.cat(outputs, 0);
            foreach (var output in outputs) output.Dispose();
            return all;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}

/// <summary>evaluate's result: indexable like Keras' [loss, metric...] list and by metric name.</summary>
public sealed class EvaluationResult(Logs logs)
{
    public IReadOnlyDictionary<string, double> values => logs;

    public double this[int index] => logs.ElementAt(index).Value;

    public double this[string metric] => logs.TryGetValue(metric, out var v) ? v : throw new KeyNotFoundException($"No metric '{metric}'; have: {string.Join(", ", logs.Keys)}.");

    public double loss => logs["loss"];

    public override string ToString() => string.Join(" - ", logs.Select(kv => $"{kv.Key}: {kv.Value:F4}"));
}
