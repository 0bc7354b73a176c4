namespace NotebookDL;

/// <summary>
/// A float image tensor seen as N images of C planes of H×W, the shape every transform works on.
/// Rank 2 is one single-channel image, rank 3 one image, rank 4 a batch.
/// </summary>
internal readonly struct ImageBatch
{
    public readonly float[] Data;
    public readonly int Offset, N, C, H, W;
    private readonly int rank;

    private ImageBatch(float[] data, int offset, int n, int c, int h, int w, int rank)
    {
        Data = data; Offset = offset; N = n; C = c; H = h; W = w; this.rank = rank;
    }

    public int PlaneSize => H * W;

    public int ImageSize => C * H * W;

    public static ImageBatch Of(Tensor x, string op)
    {
        ArgumentNullException.ThrowIfNull(x, op);
        var s = x.Shape;
        if (s.Length is < 2 or > 4)
            throw new ArgumentException(
                $"{op}: expected an image [C, H, W] (or [H, W]) or a batch [N, C, H, W], but got shape {Shapes.Format(s)}.");
        if (x.dtype != ScalarType.Float32)
            throw new ArgumentException(
                $"{op}: expected a float32 image with values in [0, 1] (torchvision ToTensor output), but got {torch.TypeName(x.dtype)}; convert it first, e.g. x.to(torch.float32) / 255.");
        var c = x.contiguous();
        int n = s.Length == 4 ? (int)s[0] : 1, ch = s.Length >= 3 ? (int)s[^3] : 1;
        return new ImageBatch(c.FloatData, (int)c.Offset, n, ch, (int)s[^2], (int)s[^1], s.Length);
    }

    public Span<float> Plane(int image, int channel) => Data.AsSpan(Offset + image * ImageSize + channel * PlaneSize, PlaneSize);

    /// <summary>An empty output buffer of N×C×height×width, shaped like the input's rank.</summary>
    public (float[] data, Tensor tensor) NewOutput(int height, int width)
    {
        var data = new float[N * C * height * width];
        long[] shape = rank switch
        {
            2 => [height, width],
            3 => [C, height, width],
            _ => [N, C, height, width],
        };
        return (data, new Tensor(data, shape));
    }

    /// <summary>Per-channel fill values from torchvision's fill argument: null is 0, one value is shared, else one per channel.</summary>
    public float[] Fill(IList<float>? fill, string op)
    {
        if (fill is null || fill.Count == 0) return new float[C];
        if (fill.Count == 1) return Enumerable.Repeat(fill[0], C).ToArray();
        if (fill.Count != C)
            throw new ArgumentException($"{op}: fill has {fill.Count} values but the image has {C} channels; give one value or one per channel.");
        return fill.ToArray();
    }
}
