using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using NotebookDL.Training;

namespace NotebookDL.Display.Tests;

/// <summary>
/// Every picture and table the display project draws, built from fixed data: the browser test renders
/// each one, the SVG test checks each is well formed, and the PNG tests check each picture's PNG copy.
/// </summary>
internal static class Gallery
{
    public sealed record Item(string Name, string MimeType, string Content);

    private static readonly Lazy<IReadOnlyList<Item>> items = new(Build);

    public static IReadOnlyList<Item> Items => items.Value;

    public static Item Get(string name) => Items.Single(i => i.Name == name);

    /// <summary>The named display's rendering of <paramref name="mimeType"/>; null when its bundle has none.</summary>
    public static string? Content(string name, string mimeType) => Items.SingleOrDefault(i => i.Name == name && i.MimeType == mimeType)?.Content;

    public static IEnumerable<object[]> Names(string? mimeType = null) =>
        Items.Where(i => mimeType is null || i.MimeType == mimeType).Select(i => new object[] { i.Name });

    private static Figure XorBoundary()
    {
        var (x, y) = synthetic.playground_xor(200, noise: 0, random_state: 3);
        torch.manual_seed(1);
        var model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1));
        model.compile(loss: "binary_crossentropy", optimizer: torch.optim.Adam(model.parameters(), lr: 0.03));
        model.fit(x, y.to(ScalarType.Float32), epochs: 60, batch_size: 20, verbose: 0);
        return plot_decision_boundary(model, x, y, ["0", "1"], "XOR: 2-8-1 network");
    }

    private static Figure BlobsBoundary()
    {
        var (x, y) = synthetic.make_blobs(150, centers: 3, cluster_std: 1.2, random_state: 4);
        torch.manual_seed(2);
        var model = torch.nn.Sequential(torch.nn.Linear(2, 25), torch.nn.ReLU(), torch.nn.Linear(25, 3));
        model.compile(loss: torch.nn.CrossEntropyLoss(), optimizer: torch.optim.Adam(model.parameters(), lr: 0.05));
        model.fit(x, y, epochs: 30, batch_size: 16, verbose: 0);
        return plot_decision_boundary(model, x, y, ["blob 0", "blob 1", "blob 2"], "Blobs: 2-25-3 network");
    }

    private static List<Item> Build()
    {
        var list = new List<Item>();
        void Add(string name, IDisplayable display)
        {
            var bundle = display.ToMimeBundle();
            foreach (var mime in new[] { MimeBundle.Svg, MimeBundle.Png, MimeBundle.Html })
                if (bundle.TryGetValue(mime, out var content)) list.Add(new Item(name, mime, content));
        }

        Add("summary_mnist_mlp", summary(TextbookModels.MnistMlp(), 784));
        Add("summary_cifar_baseline", summary(TextbookModels.CifarBaseline(), [3, 32, 32], kernel_shape: true, mult_adds: true));
        Add("summary_nested_batchnorm", summary(TextbookModels.NestedWithBatchNorm(), [1, 28, 28], kernel_shape: true, mult_adds: true));
        var x = Enumerable.Range(0, 61).Select(i => -3 + i / 10.0).ToArray();
        Add("plot_waves", plot(x, [x.Select(Math.Sin).ToArray(), x.Select(Math.Cos).ToArray(), x.Select(v => Math.Tanh(v)).ToArray()],
            ["sin(x)", "cos(x)", "tanh(x)"], "plot(x, ys, labels, title)", "x", "y"));
        Add("history", Fixtures.History());
        Add("confusion_matrix", plot_confusion_matrix(Fixtures.Confusion(), "Validation set"));
        var cifar = new long[10, 10];
        for (int r = 0; r < 10; r++)
            for (int c = 0; c < 10; c++) cifar[r, c] = r == c ? 600 + 30 * r : (r * 7 + c * 3) % 40 + (r == 3 && c == 5 ? 180 : 0);
        Add("confusion_matrix_cifar", plot_confusion_matrix(new ConfusionMatrix(cifar, Fixtures.CifarClasses), "CIFAR-10 test set"));
        Add("classification_report", classification_report(Fixtures.Confusion()));
        Add("activations", plot_functions(Activations.all, -4, 4, title: "Activation functions and their derivatives"));
        Add("softmax", plot_functions(Activations.softmax_components(1, 0), -4, 4, title: "softmax(x, 1, 0)"));
        Add("neg_log", plot_functions([Activations.neg_log], 0.02, 1, title: "Cross-entropy of one sample", xlabel: "p", ylim: new AxisRange(0, 4), dylim: new AxisRange(-20, 0)));
        Add("optimizers", plot_optimizer_trajectories());
        Add("cifar_grid", show_images(SyntheticImages.Cifar(36), 3, 12, Enumerable.Range(0, 36).Select(i => Fixtures.CifarClasses[i % 10]).ToList(), "CIFAR-10 samples (synthetic)"));
        var digits = SyntheticImages.Mnist(9);
        var scores = torch.tensor(Enumerable.Range(0, 9 * 2).Select(i => (float)((i * 37 % 11) - 5)).ToArray(), [9, 2]);
        Add("top_losses", plot_top_losses(digits, scores, torch.tensor(Enumerable.Range(0, 9).Select(i => (long)(i % 2)).ToArray()), 6, ["zero", "one"], cols: 6));
        Add("xor_boundary", XorBoundary());
        Add("blobs_boundary", BlobsBoundary());
        Add("tensor_matrix", TensorDisplay.From(torch.arange(20 * 12).reshape(20, 12).to(ScalarType.Float32) / 7));
        Add("module_nested", ModuleDisplay.From(TextbookModels.NestedWithBatchNorm()));
        return list;
    }
}
