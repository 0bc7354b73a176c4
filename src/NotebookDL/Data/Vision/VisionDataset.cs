using static NotebookDL.torch;
using static NotebookDL.torch.utils.data;

namespace NotebookDL.Modules;

/// <summary>
/// An image classification dataset held as bytes (one byte per pixel, [C, H, W] order, plus one label byte per
/// image). Float tensors in [0, 1] — torchvision's ToTensor scaling, value / 255 — are made on demand: one
/// image by GetTensor, one batch buffer per DataLoader batch, or everything by <see cref="images"/>.
/// Samples are {"data": image, "label": class}.
/// </summary>
public abstract class VisionDataset : Dataset, IBatchSource<Dictionary<string, Tensor>>
{
    private readonly byte[] pixels;
    private readonly byte[] labels;
    private torchvision.ITransform? transformAsSet, transformToRun;

    private protected VisionDataset(byte[] pixels, byte[] labels, int channels, int height, int width,
        IReadOnlyList<string> classes, string description, string root, torchvision.ITransform? transform, torchvision.ITransform? target_transform)
    {
        this.pixels = pixels;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.description = description;
        this.root = root;
        this.transform = transform;
        this.target_transform = target_transform;
    }

    public long channels { get; }
    public long height { get; }
    public long width { get; }

    /// <summary>Class names, indexed by label.</summary>
    public IReadOnlyList<string> classes { get; }

    /// <summary>What was loaded, e.g. "first 1,000 CIFAR-10 test images"; quote it when reporting results.</summary>
    public string description { get; }

    /// <summary>The folder the files were read from.</summary>
    public string root { get; }

    /// <summary>
    /// Applied to "data": an image [C, H, W] in GetTensor, a batch [B, C, H, W] in a DataLoader (random transforms
    /// draw per image). A leading ToTensor() is skipped: the images already are ToTensor output.
    /// </summary>
    public torchvision.ITransform? transform
    {
        get => transformAsSet;
        set
        {
            transformAsSet = value;
            transformToRun = torchvision.ComposedTransforms.WithoutLeadingToTensor(value);
        }
    }

    /// <summary>Applied to "label": a scalar in GetTensor, [B] in a DataLoader.</summary>
    public torchvision.ITransform? target_transform { get; set; }

    public override long Count => labels.Length;

    private int ImageSize => (int)(channels * height * width);

    /// <summary>The labels as int64 [N].</summary>
    public Tensor targets => new(labels.Select(b => (long)b).ToArray(), [labels.Length]);

    /// <summary>Every image as float [N, C, H, W] in [0, 1], without transforms (4 bytes per pixel: CIFAR-10's training set takes 614 MB).</summary>
    public Tensor images()
    {
        var data = new float[pixels.Length];
        Pixels.Scale(pixels, data);
        return new Tensor(data, [Count, channels, height, width]);
    }

    /// <summary>The raw bytes of image <paramref name="index"/>, for statistics that must not allocate floats.</summary>
    internal ReadOnlySpan<byte> RawImage(long index) => pixels.AsSpan((int)index * ImageSize, ImageSize);

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        CheckIndex(index);
        var data = new float[ImageSize];
        Pixels.Scale(RawImage(index), data);
        var image = new Tensor(data, [channels, height, width]);
        var label = new Tensor([(long)labels[index]], []);
        return Finish(image, label);
    }

    Dictionary<string, Tensor> IBatchSource<Dictionary<string, Tensor>>.GetBatch(ReadOnlySpan<long> indices)
    {
        var size = ImageSize;
        var data = new float[indices.Length * size];
        var batchLabels = new long[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            Pixels.Scale(RawImage(indices[i]), data.AsSpan(i * size, size));
            batchLabels[i] = labels[indices[i]];
        }
        return Finish(new Tensor(data, [indices.Length, channels, height, width]), new Tensor(batchLabels, [indices.Length]));
    }

    private Dictionary<string, Tensor> Finish(Tensor image, Tensor label) => new()
    {
        ["data"] = transformToRun?.call(image) ?? image,
        ["label"] = target_transform?.call(label) ?? label,
    };

    public override string ToString() =>
        $"{GetType().Name}: {description}, {Count:N0} images [{channels}, {height}, {width}], {classes.Count} classes, from {root}";
}
