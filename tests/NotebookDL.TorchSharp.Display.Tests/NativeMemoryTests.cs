namespace NotebookDL.TorchSharp.Display.Tests;

/// <summary>TorchSharp's tensors live outside the GC: a display must free every tensor it makes on the way.</summary>
public class NativeMemoryTests
{
    public static TheoryData<string> Displays => ["summary", "tensor", "module", "decision boundary", "images", "top losses", "confusion matrix", "plot", "functions"];

    [Theory]
    [MemberData(nameof(Displays))]
    public void Display_OnTorchSharpObjects_LeavesNoLiveTensorBehind(string display)
    {
        var (model, _) = Twins.Classifier();
        var (cnn, _) = Twins.Cnn();
        var (points, _) = Twins.Floats([-2, -1, -1.5f, -2, 2, 1, 1.5f, 2.5f], 4, 2);
        var (labels, _) = Twins.Longs(0, 0, 1, 1);
        var (matrix, _) = Twins.Floats(Enumerable.Range(0, 40 * 40).Select(i => i / 10f).ToArray(), 40, 40);
        var images = torch.rand(6, 3, 8, 8);
        var (xs, ys) = (points.select(1, 0), points.select(1, 1));
        var scores = model.call(points).detach();
        var someImages = images.narrow(0, 0, 4);
        // finalizers of earlier tests' tensors would lower the count while the display runs
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = torch.Tensor.TotalCount;

        object shown = display switch
        {
            "summary" => summary(cnn, 1, 28, 28),
            "tensor" => Formatter.ToMimeBundle(matrix),
            "module" => Formatter.ToMimeBundle(cnn),
            "decision boundary" => plot_decision_boundary(model, points, labels, resolution: 30),
            "images" => show_images(images, 2, 3),
            "top losses" => plot_top_losses(someImages, scores, labels, k: 2),
            "confusion matrix" => plot_confusion_matrix(labels, scores),
            "plot" => plot(xs, ys),
            _ => plot_functions(Activations.all),
        };

        Assert.NotNull(shown);
        Assert.Equal(before, torch.Tensor.TotalCount);
    }
}
