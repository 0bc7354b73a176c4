namespace NotebookDL.Display;

/// <summary>
/// The first samples of an image dataset as a grid, captioned with their class names. Both engines' datasets give
/// samples as {"data": [C, H, W], "label": class index} dictionaries; each flavour's show_images overload passes its
/// own dataset's sample reader.
/// </summary>
internal static class DatasetGrid
{
    public static ImageGrid Build(Func<long, Dictionary<string, Tensor>> sample, long count, int rows, int cols, IReadOnlyList<string>? classNames, string? title)
    {
        using var scope = torch.NewDisposeScope(); // frees TorchSharp's native samples
        var shown = (int)Math.Min(count, rows * cols);
        var tiles = Enumerable.Range(0, shown).Select(i =>
        {
            var item = sample(i);
            if (!item.TryGetValue("data", out var data) || !item.TryGetValue("label", out var label))
                throw new ArgumentException($"show_images: dataset samples must be {{\"data\", \"label\"}} dictionaries; sample {i} has keys {string.Join(", ", item.Keys)}.");
            var index = label.item<long>();
            var caption = classNames is not null && index >= 0 && index < classNames.Count ? classNames[(int)index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ImageTile.From(data, [caption]);
        }).ToList();
        return new ImageGrid(tiles, (shown + cols - 1) / cols, cols, title);
    }
}
