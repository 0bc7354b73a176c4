using NotebookDL.Display;
using static NotebookDL.Display.Notebook;

namespace NotebookDL.Display.Tests;

/// <summary>
/// Every picture and table the display project draws, built from fixed data: the browser test renders
/// each one, and the SVG test checks each is well formed.
/// </summary>
internal static class Gallery
{
    public sealed record Item(string Name, string MimeType, string Content);

    private static readonly Lazy<IReadOnlyList<Item>> items = new(Build);

    public static IReadOnlyList<Item> Items => items.Value;

    public static Item Get(string name) => Items.Single(i => i.Name == name);

    public static IEnumerable<object[]> Names(string? mimeType = null) =>
        Items.Where(i => mimeType is null || i.MimeType == mimeType).Select(i => new object[] { i.Name });

    private static List<Item> Build()
    {
        var list = new List<Item>();
        void Add(string name, IDisplayable display)
        {
            var bundle = display.ToMimeBundle();
            foreach (var mime in new[] { MimeBundle.Svg, MimeBundle.Html })
                if (bundle.TryGetValue(mime, out var content)) list.Add(new Item(name, mime, content));
        }

        Add("summary_mnist_mlp", summary(TextbookModels.MnistMlp(), 784));
        Add("summary_cifar_baseline", summary(TextbookModels.CifarBaseline(), [3, 32, 32], kernel_shape: true, mult_adds: true));
        Add("summary_nested_batchnorm", summary(TextbookModels.NestedWithBatchNorm(), [1, 28, 28], kernel_shape: true, mult_adds: true));
        var x = Enumerable.Range(0, 61).Select(i => -3 + i / 10.0).ToArray();
        Add("plot_waves", plot(x, [x.Select(Math.Sin).ToArray(), x.Select(Math.Cos).ToArray(), x.Select(v => Math.Tanh(v)).ToArray()],
            ["sin(x)", "cos(x)", "tanh(x)"], "plot(x, ys, labels, title)", "x", "y"));
        return list;
    }
}
