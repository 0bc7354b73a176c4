namespace NotebookDL.Display;

/// <summary>
/// Puts a model in eval mode with gradients off for a display's dry run, and on dispose restores every
/// module's own train/eval flag (parents first, so a child's flag wins over the parent's recursive train()).
/// </summary>
internal sealed class EvalScope : IDisposable
{
    private readonly List<(torch.nn.Module module, bool training)> modes;
    private readonly IDisposable noGrad;

    public EvalScope(torch.nn.Module model)
    {
        modes = new[] { model }.Concat(model.modules()).Select(m => (m, m.training)).ToList();
        model.eval();
        noGrad = torch.no_grad();
    }

    public void Dispose()
    {
        noGrad.Dispose();
        foreach (var (module, training) in modes) module.train(training);
    }
}
