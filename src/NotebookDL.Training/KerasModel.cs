using System.Runtime.CompilerServices;
using NotebookDL.Training;

namespace NotebookDL;

/// <summary>
/// Keras' model methods on any torch model: model.compile(...), model.fit(...), model.evaluate(...),
/// model.predict(...), model.save_weights(...), model.load_weights(...). compile() attaches a
/// <see cref="Trainer"/> to the model; the other methods use it.
/// </summary>
public static class KerasModel
{
    private static readonly ConditionalWeakTable<torch.nn.Module, Trainer> Compiled = new();

    public static Trainer compile(this torch.nn.Module<Tensor, Tensor> model, LossSpec loss, OptimizerSpec optimizer, IEnumerable<object>? metrics = null)
    {
        var trainer = new Trainer(model, loss, optimizer, metrics);
        Compiled.AddOrUpdate(model, trainer);
        return trainer;
    }

    public static Trainer trainer(this torch.nn.Module<Tensor, Tensor> model) =>
        Compiled.TryGetValue(model, out var t)
            ? t
            : throw new InvalidOperationException("You must compile your model before training/testing. Use model.compile(loss: ..., optimizer: ..., metrics: ...).");

    public static History fit(this torch.nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int epochs = 1, int batch_size = 32, int verbose = 1,
        IList<Callback>? callbacks = null, double validation_split = 0, (Tensor x, Tensor y)? validation_data = null, bool shuffle = true,
        int initial_epoch = 0, bool stop_on_nonfinite_loss = true, CancellationToken cancellationToken = default) =>
        model.trainer().fit(x, y, epochs, batch_size, verbose, callbacks, validation_split, validation_data, shuffle, initial_epoch, stop_on_nonfinite_loss, cancellationToken);

    public static History fit<T, S>(this torch.nn.Module<Tensor, Tensor> model, Modules.DataLoader<T, S> train, int epochs = 1, int verbose = 1,
        IList<Callback>? callbacks = null, Modules.DataLoader<T, S>? validation_data = null, int initial_epoch = 0, bool stop_on_nonfinite_loss = true,
        CancellationToken cancellationToken = default) =>
        model.trainer().fit(train, epochs, verbose, callbacks, validation_data, initial_epoch, stop_on_nonfinite_loss, cancellationToken);

    public static EvaluationResult evaluate<T, S>(this torch.nn.Module<Tensor, Tensor> model, Modules.DataLoader<T, S> data, int verbose = 1) =>
        model.trainer().evaluate(data, verbose);

    public static History fit(this torch.nn.Module<Tensor, Tensor> model, IBatchSource train, int epochs = 1, int verbose = 1, IList<Callback>? callbacks = null,
        IBatchSource? validation_data = null, int initial_epoch = 0, bool stop_on_nonfinite_loss = true, CancellationToken cancellationToken = default) =>
        model.trainer().fit(train, epochs, verbose, callbacks, validation_data, initial_epoch, stop_on_nonfinite_loss, cancellationToken);

    public static EvaluationResult evaluate(this torch.nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int batch_size = 32, int verbose = 1) =>
        model.trainer().evaluate(x, y, batch_size, verbose);

    /// <summary>Outputs in eval mode under no_grad; works without compile, as in Keras.</summary>
    public static Tensor predict(this torch.nn.Module<Tensor, Tensor> model, Tensor x, int batch_size = 32) =>
        Compiled.TryGetValue(model, out var t) ? t.predict(x, batch_size) : new Trainer(model, "mse", torch.optim.SGD(model.parameters(), 0)).predict(x, batch_size);

    /// <summary>Writes the model's state_dict as safetensors (temporary file renamed into place).</summary>
    public static void save_weights(this torch.nn.Module model, string path)
    {
        using var scope = torch.NewDisposeScope(); // TorchSharp's state_dict hands out new tensor handles
        safetensors.save_file(model.state_dict(), path);
    }

    /// <summary>
    /// Loads weights saved by save_weights, by ModelCheckpoint, or exported from PyTorch in safetensors
    /// layout. Missing, extra or mis-shaped tensors are an error that lists them.
    /// </summary>
    public static void load_weights(this torch.nn.Module model, string path, bool strict = true)
    {
        using var scope = torch.NewDisposeScope(); // load_state_dict copies into the parameters, so the file's tensors can go
        var (tensors, metadata) = safetensors.load_file_with_metadata(path);
        model.load_state_dict(Checkpoint.IsCheckpoint(metadata) ? Checkpoint.Section(tensors, "model.") : tensors, strict);
    }
}
