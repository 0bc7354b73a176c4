using NotebookDL.TorchSharp;

namespace NotebookDL.TorchSharp.Display.Tests;

/// <summary>The same models and values built in both engines: TorchSharp's (the flavour under test) and the managed one.</summary>
static class Twins
{
    /// <summary>A float tensor of <paramref name="values"/> in each engine.</summary>
    public static (Tensor torchSharp, M.Tensor managed) Floats(float[] values, params long[] shape)
    {
        TorchSharpNatives.EnsureLoaded();
        return (torch.tensor(values, shape), M.tensor(values, shape));
    }

    public static (Tensor torchSharp, M.Tensor managed) Longs(params long[] values)
    {
        TorchSharpNatives.EnsureLoaded();
        return (torch.tensor(values), M.tensor(values));
    }

    /// <summary>A small CNN with every kind of row a summary has: convolution, batch norm (non-trainable statistics), pooling, dropout, linear.</summary>
    public static (torch.nn.Module<Tensor, Tensor> torchSharp, M.nn.Module<M.Tensor, M.Tensor> managed) Cnn()
    {
        TorchSharpNatives.EnsureLoaded();
        var t = torch.nn.Sequential(
            torch.nn.Conv2d(1, 8, 3, padding: 1), torch.nn.BatchNorm2d(8), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Dropout(0.25), torch.nn.Linear(8 * 14 * 14, 10));
        var m = M.nn.Sequential(
            M.nn.Conv2d(1, 8, 3, padding: 1), M.nn.BatchNorm2d(8), M.nn.ReLU(), M.nn.MaxPool2d(2),
            M.nn.Flatten(), M.nn.Dropout(0.25), M.nn.Linear(8 * 14 * 14, 10));
        return (t, m);
    }

    /// <summary>A 2-8-2 classifier with the managed model's initial weights copied into the TorchSharp one.</summary>
    public static (torch.nn.Module<Tensor, Tensor> torchSharp, M.nn.Module<M.Tensor, M.Tensor> managed) Classifier()
    {
        TorchSharpNatives.EnsureLoaded();
        M.manual_seed(3);
        var m = M.nn.Sequential(M.nn.Linear(2, 8), M.nn.Tanh(), M.nn.Linear(8, 2));
        var t = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 2));
        using (torch.no_grad())
            foreach (var (target, source) in t.parameters().Zip(m.parameters()))
                target.copy_(torch.tensor(source.detach().ToArray<float>(), source.shape));
        return (t, m);
    }
}
