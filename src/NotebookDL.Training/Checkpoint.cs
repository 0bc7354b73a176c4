using System.Globalization;
using System.Text.Json;

namespace NotebookDL.Training;

/// <summary>
/// A full training checkpoint in one safetensors file: the model's tensors under "model.", the
/// optimizer's buffers under "optimizer.", and in the metadata the epoch, the optimizer's
/// hyper-parameters and the history, so training can resume exactly where it stopped.
/// </summary>
public static class Checkpoint
{
    private const string Format = "notebookdl-training-checkpoint";

    public static void save(string path, Trainer trainer, int epoch)
    {
        using var scope = torch.NewDisposeScope(); // the state_dict views and optimizer copies are freed once written
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, t) in trainer.model.state_dict()) tensors["model." + name] = t;
        var (optimizerTensors, optimizerMetadata) = EngineAdapter.SaveOptimizerState(trainer.optimizer);
        foreach (var (name, t) in optimizerTensors) tensors["optimizer." + name] = t;
        var metadata = new Dictionary<string, string>(optimizerMetadata)
        {
            ["format"] = Format,
            ["epoch"] = epoch.ToString(CultureInfo.InvariantCulture),
            ["optimizer"] = trainer.optimizer.GetType().Name,
            ["history"] = JsonSerializer.Serialize(trainer.history.ToColumns()),
        };
        safetensors.save_file(tensors, path, metadata);
    }

    /// <summary>
    /// Restores model, optimizer and history from a checkpoint; returns the epoch to resume from and the history so
    /// far. A following <c>fit(..., initial_epoch: epoch)</c> continues that history.
    /// </summary>
    public static (int epoch, History history) load(string path, Trainer trainer)
    {
        var (tensors, metadata) = safetensors.load_file_with_metadata(path);
        if (metadata.GetValueOrDefault("format") != Format)
            throw new InvalidDataException($"'{path}' holds weights only, not a training checkpoint; load it with model.load_weights(path).");
        var savedOptimizer = metadata.GetValueOrDefault("optimizer");
        if (savedOptimizer != trainer.optimizer.GetType().Name)
            throw new InvalidOperationException($"'{path}' was saved with a {savedOptimizer} optimizer but this model is compiled with {trainer.optimizer.GetType().Name}; compile with the same optimizer to resume.");
        trainer.model.load_state_dict(Section(tensors, "model."));
        EngineAdapter.LoadOptimizerState(trainer.optimizer, Section(tensors, "optimizer."), metadata, path);
        // Both engines copy what they load; on TorchSharp this frees the file's native tensors now (managed: a no-op).
        foreach (var t in tensors.Values) t.Dispose();
        var history = History.FromColumns(JsonSerializer.Deserialize<Dictionary<string, double[]>>(metadata["history"])!);
        trainer.history = history; // fit(initial_epoch: epoch) continues it
        return (int.Parse(metadata["epoch"], CultureInfo.InvariantCulture), history);
    }

    internal static Dictionary<string, Tensor> Section(Dictionary<string, Tensor> tensors, string prefix) =>
        tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);

    internal static bool IsCheckpoint(Dictionary<string, string> metadata) => metadata.GetValueOrDefault("format") == Format;
}
