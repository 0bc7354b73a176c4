using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Merges dims start_dim..end_dim into one; the default keeps the batch dim: [N, C, H, W] → [N, C·H·W].</summary>
public sealed class Flatten : ParameterLessModule<Tensor, Tensor>
{
    internal Flatten(long start_dim = 1, long end_dim = -1) : base(nameof(Flatten))
    {
        this.start_dim = start_dim;
        this.end_dim = end_dim;
    }

    public long start_dim { get; set; }

    public long end_dim { get; set; }

    public override Tensor forward(Tensor input)
    {
        if (input.Shape.Length == 0)
            throw new ArgumentException($"Flatten(start_dim={start_dim}, end_dim={end_dim}) expects a batch of at least 1 dimension but got a 0-d tensor.");
        return input.flatten(start_dim, end_dim);
    }

    public override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";
}
