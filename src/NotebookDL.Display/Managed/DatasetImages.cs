using NotebookDL.Modules;

namespace NotebookDL.Display;

// The managed engine's datasets (MNIST, CIFAR-10 readers) have no TorchSharp counterpart, so this overload is
// compiled into the managed display only.
public static partial class Notebook
{
    /// <summary>The first rows × cols samples of an image dataset (MNIST, CIFAR-10), captioned with their class names.</summary>
    public static ImageGrid show_images(VisionDataset dataset, int rows, int cols, string? title = null)
    {
        CheckGrid(rows, cols);
        var count = (int)Math.Min(dataset.Count, rows * cols);
        var tiles = Enumerable.Range(0, count).Select(i =>
        {
            var sample = dataset.GetTensor(i);
            var label = (int)sample["label"].item<long>();
            return ImageTile.From(sample["data"], [label >= 0 && label < dataset.classes.Count ? dataset.classes[label] : label.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }).ToList();
        return new ImageGrid(tiles, (count + cols - 1) / cols, cols, title);
    }
}
