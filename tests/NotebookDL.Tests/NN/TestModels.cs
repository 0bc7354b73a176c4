using NotebookDL.Modules;
using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>A small CNN written the way chapter code writes custom modules: fields plus RegisterComponents().</summary>
internal sealed class TinyCnn : nn.Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Linear classifier;

    public TinyCnn() : base(nameof(TinyCnn))
    {
        features = nn.Sequential(nn.Conv2d(1, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2));
        classifier = nn.Linear(8 * 14 * 14, 10);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => classifier.call(features.call(input).flatten(1));
}

/// <summary>Two layers that share one Linear, plus an auto-property child and a plain tensor field (a buffer, as in TorchSharp).</summary>
internal sealed class SharedLayers : nn.Module<Tensor, Tensor>
{
    private readonly Linear first;
    private readonly Linear again;
    private readonly Tensor scale = ones(2);

    public SharedLayers() : base(nameof(SharedLayers))
    {
        first = nn.Linear(2, 2);
        again = first;
        head = nn.Linear(2, 1);
        RegisterComponents();
    }

    public Linear head { get; }

    public override Tensor forward(Tensor input) => head.call(again.call(first.call(input)) * scale);
}
