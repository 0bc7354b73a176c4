using System.Diagnostics;

namespace NotebookDL.Training;

/// <summary>
/// Keras' compile/fit/evaluate/predict for a torch model. model.compile(...) creates one and keeps it
/// with the model, so the textbook's Keras code translates line for line; it can also be used directly.
/// </summary>
public sealed partial class Trainer
{
    private readonly Func<Tensor, Tensor, Tensor> lossFunction;

    public Trainer(torch.nn.Module<Tensor, Tensor> model, LossSpec loss, OptimizerSpec optimizer, IEnumerable<object>? metrics = null)
    {
        this.model = model;
        var last = model is Modules.Sequential ? model.children().LastOrDefault() : null;
        (lossFunction, output_kind) = loss.Resolve(last);
        loss_name = loss.Name;
        this.optimizer = optimizer.Resolve(model.parameters());
        this.metrics = (metrics ?? []).Select(m => m switch
        {
            string name => Metric.FromName(name, output_kind),
            Metric metric => metric,
            _ => throw new ArgumentException($"compile: a metric must be a name such as \"accuracy\" or a Metric object, not {m.GetType().Name}."),
        }).ToList();
    }

    public torch.nn.Module<Tensor, Tensor> model { get; }

    public torch.optim.Optimizer optimizer { get; }

    public string loss_name { get; }

    public OutputKind output_kind { get; }

    public IReadOnlyList<Metric> metrics { get; }

    /// <summary>Set by a callback (EarlyStopping, TerminateOnNaN) to end fit after the current batch.</summary>
    public bool stop_training { get; set; }

    /// <summary>The epoch count of the current or last fit (Keras passes it to callbacks as params["epochs"]).</summary>
    public int epochs { get; private set; }

    /// <summary>The history of the current or last fit (continued when a fit resumes right after its last epoch).</summary>
    public History history { get; internal set; } = new();

    /// <summary>Where progress goes (Console.Out unless a host redirects it).</summary>
    public TextWriter output { get; set; } = Console.Out;

    /// <summary>The learning rate of the optimizer's first parameter group; callbacks change it through here.</summary>
    public double learning_rate
    {
        get => EngineAdapter.GetLearningRate(optimizer);
        set => EngineAdapter.SetLearningRate(optimizer, value);
    }

    public History fit(Tensor x, Tensor y, int epochs = 1, int batch_size = 32, int verbose = 1, IList<Callback>? callbacks = null,
        double validation_split = 0, (Tensor x, Tensor y)? validation_data = null, bool shuffle = true, int initial_epoch = 0,
        bool stop_on_nonfinite_loss = true, CancellationToken cancellationToken = default)
    {
        if (validation_split is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validation_split), $"fit: validation_split must be in [0, 1), got {validation_split}.");
        if (validation_split > 0 && validation_data is not null) throw new ArgumentException("fit: give validation_split or validation_data, not both.");
        Tensor[] splitViews = [];
        if (validation_split > 0)
        {
            // Keras holds out the LAST fraction of the samples, before any shuffling.
            var n = x.size(0);
            var held = (long)(n * validation_split);
            validation_data = (x.narrow(0, n - held, held), y.narrow(0, n - held, held));
            (x, y) = (x.narrow(0, 0, n - held), y.narrow(0, 0, n - held));
            splitViews = [x, y, validation_data.Value.x, validation_data.Value.y];
        }
        var validation = validation_data is { } v ? new TensorBatches(v.x, v.y, batch_size, shuffle: false, "fit(validation_data)") : null;
        var training = new TensorBatches(x, y, batch_size, shuffle, "fit");
        foreach (var view in splitViews) view.Dispose(); // each batch source holds tensors of its own (TorchSharp handles)
        using (training)
        using (validation)
            return fit(training, epochs, verbose, callbacks, validation, initial_epoch, stop_on_nonfinite_loss, cancellationToken);
    }

    public History fit<T, S>(Modules.DataLoader<T, S> train, int epochs = 1, int verbose = 1, IList<Callback>? callbacks = null,
        Modules.DataLoader<T, S>? validation_data = null, int initial_epoch = 0, bool stop_on_nonfinite_loss = true, CancellationToken cancellationToken = default) =>
        fit(new LoaderBatches<T, S>(train, "fit"), epochs, verbose, callbacks,
            validation_data is null ? null : new LoaderBatches<T, S>(validation_data, "fit(validation_data)"), initial_epoch, stop_on_nonfinite_loss, cancellationToken);

    public History fit(IBatchSource train, int epochs = 1, int verbose = 1, IList<Callback>? callbacks = null, IBatchSource? validation_data = null,
        int initial_epoch = 0, bool stop_on_nonfinite_loss = true, CancellationToken cancellationToken = default)
    {
        if (epochs < 1 || initial_epoch < 0 || initial_epoch >= epochs)
            throw new ArgumentOutOfRangeException(nameof(epochs), $"fit: need 0 <= initial_epoch < epochs, got initial_epoch={initial_epoch}, epochs={epochs}.");
        this.epochs = epochs;
        var all = (callbacks ?? []).ToList();
        if (verbose > 0) all.Add(new ProgressLogger(verbose, epochs, train.batch_count));
        foreach (var c in all) c.trainer = this;
        var guardNonFinite = stop_on_nonfinite_loss && !all.OfType<TerminateOnNaN>().Any();
        // Resuming right after the last recorded epoch (fit again, or Checkpoint.load then fit(initial_epoch: e))
        // continues that history, so curves and the next checkpoint hold every epoch; otherwise a fit starts afresh.
        if (initial_epoch == 0 || history.epoch.Count == 0 || history.epoch[^1] != initial_epoch - 1) history = new History();
        stop_training = false;
        Notify(all, c => c.on_train_begin(new Logs()));
        for (int epoch = initial_epoch; epoch < epochs && !stop_training; epoch++)
        {
            Notify(all, c => c.on_epoch_begin(epoch, new Logs()));
            var watch = Stopwatch.StartNew();
            var lr = learning_rate;
            var (logs, stoppedAtBatch) = TrainEpoch(train, epoch, all, guardNonFinite, cancellationToken);
            if (stoppedAtBatch is { } batch)
            {
                history.stopped_epoch = epoch;
                history.message = $"Training cancelled at epoch {epoch + 1}/{epochs}, batch {batch + 1}/{train.batch_count}; the model keeps the weights it reached.";
                output.WriteLine(history.message);
                if (batch == 0) break; // nothing was trained this epoch, so there is nothing to record
            }
            if (validation_data is not null)
                foreach (var (name, value) in Evaluate(validation_data, all)) logs["val_" + name] = value;
            history.Record(epoch, logs, watch.Elapsed.TotalSeconds, lr);
            Notify(all, c => c.on_epoch_end(epoch, logs));
            if (stoppedAtBatch is not null) break;
        }
        Notify(all, c => c.on_train_end(new Logs(history.Keys.Select(k => KeyValuePair.Create(k, history[k][^1])))));
        return history;
    }

    private (Logs logs, int? stoppedAtBatch) TrainEpoch(IBatchSource train, int epoch, List<Callback> callbacks, bool guardNonFinite, CancellationToken token)
    {
        model.train();
        foreach (var m in metrics) m.reset_state();
        double lossSum = 0;
        long seen = 0;
        var logs = new Logs();
        var batch = 0;
        using var batches = train.Batches().GetEnumerator();
        var device = ModelDevice.Of(model);
        while (true)
        {
            float value;
            long size;
            // Every tensor of a step (the batch, activations, gradients' wrappers) belongs to this scope, so on
            // TorchSharp native memory is freed batch by batch; on_train_batch_end runs after it, so a tensor a
            // callback keeps there lives on.
            using (torch.NewDisposeScope())
            {
                if (!batches.MoveNext()) break;
                var (x, y) = (ModelDevice.To(batches.Current.x, device), ModelDevice.To(batches.Current.y, device));
                if (EngineAdapter.IsInterruptRequested(token)) return (logs, batch);
                size = x.size(0);
                Notify(callbacks, c => c.on_train_batch_begin(batch, new Logs { ["size"] = size }));
                if (TrainStep(x, y, epoch, batch, guardNonFinite, token) is not { } loss) return (logs, batch);
                value = loss;
            }
            lossSum += value * size;
            seen += size;
            logs = RunningLogs(lossSum / seen);
            var batchLogs = new Logs(logs) { ["loss_batch"] = value };
            Notify(callbacks, c => c.on_train_batch_end(batch, batchLogs));
            batch++;
            if (stop_training) break;
        }
        return (logs, null);
    }

    /// <summary>One optimizer step on a batch; its loss, or null when an interrupt stopped it before the update.</summary>
    private float? TrainStep(Tensor x, Tensor y, int epoch, int batch, bool guardNonFinite, CancellationToken token)
    {
        Tensor output;
        float value;
        try
        {
            optimizer.zero_grad();
            output = model.call(x);
            var loss = TotalLoss(output, y);
            value = loss.item<float>();
            if (guardNonFinite && !float.IsFinite(value))
                throw new NonFiniteLossException(
                    $"The loss became {value} at epoch {epoch + 1}, batch {batch + 1}. Training stopped; the weights are those before this batch's update. " +
                    "Try a lower learning rate (for example a tenth of it), normalize the inputs, or pass stop_on_nonfinite_loss: false to continue anyway.");
            loss.backward();
        }
        catch (OperationCanceledException) when (EngineAdapter.IsInterruptRequested(token))
        {
            return null; // interrupted inside a long op, before this batch's update
        }
        optimizer.step();
        foreach (var m in metrics) m.update_state(output.detach(), y);
        return value;
    }

    private Logs RunningLogs(double loss)
    {
        var logs = new Logs { ["loss"] = loss };
        foreach (var m in metrics) logs[m.name] = m.result();
        return logs;
    }

    /// <summary>The compiled loss plus every kernel regularizer's penalty, as Keras reports it.</summary>
    private Tensor TotalLoss(Tensor output, Tensor target)
    {
        var loss = lossFunction(output, target);
        if (loss.numel() != 1)
            throw new InvalidOperationException($"The loss {loss_name} returned shape {EngineAdapter.FormatShape(loss.shape)}; fit needs a scalar, so use reduction Mean or Sum.");
        var penalty = regularizers.Penalty(model);
        return penalty is null ? loss : loss + penalty;
    }

    private static void Notify(List<Callback> callbacks, Action<Callback> hook)
    {
        foreach (var c in callbacks) hook(c);
    }
}

/// <summary>Thrown when the training loss stops being a finite number.</summary>
public sealed class NonFiniteLossException(string message) : Exception(message);
