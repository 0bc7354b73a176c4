namespace NotebookDL.Display;

/// <summary>One image of a grid as 8-bit pixels (1 channel grey or 3 RGB, row-major), with up to two caption lines.</summary>
public sealed record ImageTile(int Width, int Height, int Channels, byte[] Pixels, IReadOnlyList<string> Caption)
{
    /// <summary>Colour of the caption; the top-losses grid uses it to flag misclassified images.</summary>
    public string CaptionColor { get; init; } = Theme.Text;

    /// <summary>
    /// Converts a [C, H, W] tensor. Values are expected in [0, 1]; an image outside that range (a normalized
    /// input) is rescaled by its own minimum and maximum so it still shows.
    /// </summary>
    public static ImageTile From(Tensor image, IReadOnlyList<string>? caption = null)
    {
        if (image.dim() == 2) image = image.unsqueeze(0);
        if (image.dim() != 3 || image.shape[0] is not (1 or 3))
            throw new ArgumentException($"show_images: each image must be [1, H, W] or [3, H, W] (channels first), got [{string.Join(", ", image.shape)}].");
        var (c, h, w) = ((int)image.shape[0], (int)image.shape[1], (int)image.shape[2]);
        var values = DisplayAdapter.Floats(image);
        var finite = values.Where(float.IsFinite).DefaultIfEmpty(0).ToArray();
        var (min, max) = (finite.Min(), finite.Max());
        var (offset, scale) = min >= 0 && max <= 1 ? (0f, 1f) : (min, max > min ? max - min : 1f);
        var pixels = new byte[c * h * w];
        // [C, H, W] planes become interleaved H×W×C pixels
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int k = 0; k < c; k++)
                {
                    var v = values[(k * h + y) * w + x];
                    pixels[(y * w + x) * c + k] = (byte)Math.Round(Math.Clamp(float.IsFinite(v) ? (v - offset) / scale : 0, 0, 1) * 255);
                }
        return new ImageTile(w, h, c, pixels, caption ?? []);
    }

    public string DataUri => PngEncoder.DataUri(Pixels, Width, Height, Channels);
}
