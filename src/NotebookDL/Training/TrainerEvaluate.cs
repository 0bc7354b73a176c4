namespace NotebookDL.Training;

public sealed partial class Trainer
{
    /// <summary>Loss and metrics over the data, in eval mode without gradients (Keras' model.evaluate).</summary>
    public EvaluationResult evaluate(Tensor x, Tensor y, int batch_size = 32, int verbose = 1) =>
        evaluate(new TensorBatches(x, y, batch_size, shuffle: false, "evaluate"), verbose);

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
            foreach (var (x, y) in data.Batches())
            {
                var output = model.call(x);
                lossSum += TotalLoss(output, y).item<float>() * x.Shape[0];
                seen += x.Shape[0];
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
            for (long start = 0; start < x.Shape[0]; start += batch_size)
                outputs.Add(model.call(x.narrow(0, start, Math.Min(batch_size, x.Shape[0] - start))));
            return outputs.Count == 1 ? outputs[0] : torch.cat(outputs, 0);
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
