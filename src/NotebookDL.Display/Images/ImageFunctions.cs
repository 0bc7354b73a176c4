namespace NotebookDL.Display;

public static partial class Notebook
{
    /// <summary>
    /// Shows the first rows × cols images of <paramref name="images"/> ([N, 1, H, W] or [N, 3, H, W], values in [0, 1])
    /// in a grid, each captioned with its entry of <paramref name="titles"/>.
    /// </summary>
    public static ImageGrid show_images(Tensor images, int rows, int cols, IReadOnlyList<string>? titles = null, string? title = null)
    {
        CheckGrid(rows, cols);
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native views of each image
        if (images.dim() == 3) images = images.unsqueeze(1); // [N, H, W] greyscale
        if (images.dim() != 4) throw new ArgumentException($"show_images: expected images [N, C, H, W], got [{string.Join(", ", images.shape)}].");
        var count = (int)Math.Min(images.shape[0], rows * cols);
        var tiles = Enumerable.Range(0, count)
            .Select(i => ImageTile.From(images.select(0, i), titles is not null && i < titles.Count ? [titles[i]] : null)).ToList();
        return new ImageGrid(tiles, (count + cols - 1) / cols, cols, title);
    }

    /// <summary>
    /// fastai's "top losses": the <paramref name="k"/> images the model got most wrong, captioned predicted / actual and
    /// loss / probability of the actual class (misclassified captions in vermillion). <paramref name="outputs"/> are the
    /// model's [N, C] scores (logits or probabilities).
    /// </summary>
    public static ImageGrid plot_top_losses(Tensor images, Tensor outputs, Tensor targets, int k = 9, IReadOnlyList<string>? class_names = null, int? cols = null) =>
        TopLosses.Build(images, outputs, targets, k, class_names, cols);

    /// <summary>Top losses of a model's predictions on <paramref name="images"/> (run in eval mode, batch by batch).</summary>
    public static ImageGrid plot_top_losses(torch.nn.Module<Tensor, Tensor> model, Tensor images, Tensor targets, int k = 9, IReadOnlyList<string>? class_names = null, int? cols = null) =>
        TopLosses.Build(images, model.predict(images), targets, k, class_names, cols);

    private static void CheckGrid(int rows, int cols)
    {
        if (rows < 1 || cols < 1) throw new ArgumentException($"show_images: rows and cols must be at least 1, got {rows} × {cols}.");
    }
}
