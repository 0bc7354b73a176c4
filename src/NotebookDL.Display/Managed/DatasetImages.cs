using NotebookDL.Modules;

namespace NotebookDL.Display;

// The managed engine's datasets (MNIST, CIFAR-10 readers) know their class names; TorchSharp's flavour has an
// overload of its own for torch.utils.data.Dataset (src/NotebookDL.TorchSharp.Display).
public static partial class Notebook
{
    /// <summary>The first rows × cols samples of an image dataset (MNIST, CIFAR-10), captioned with their class names.</summary>
    public static ImageGrid show_images(VisionDataset dataset, int rows, int cols, string? title = null)
    {
        CheckGrid(rows, cols);
        return DatasetGrid.Build(dataset.GetTensor, dataset.Count, rows, cols, dataset.classes, title);
    }
}
