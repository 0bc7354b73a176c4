namespace NotebookDL.TorchSharp.Training.Tests.Autograd;

/// <summary>torch.autograd.gradcheck (NotebookDL's, shared with the managed engine) on libtorch's autograd.</summary>
public class GradCheckTests
{
    [Fact]
    public void Gradcheck_LibtorchGradients_MatchFiniteDifferences()
    {
        TorchSharpNatives.EnsureLoaded();
        torch.manual_seed(0);
        var w = torch.randn(3, 4, requires_grad: true);
        var x = torch.randn(5, 4);

        Assert.True(torch.autograd.gradcheck(ws => torch.tanh(x.matmul(ws[0].t())).pow(2).sum(), [w]));
        Assert.True(torch.autograd.gradcheck(v => torch.sigmoid(v).sum(), torch.randn(6, requires_grad: true)));
    }

    [Fact]
    public void Gradcheck_DetachedPath_ReportsTheMismatchAndRestoresTheInput()
    {
        TorchSharpNatives.EnsureLoaded();
        torch.manual_seed(0);
        var w = torch.randn(2, 2, requires_grad: true);
        var before = w.detach().clone();

        Assert.False(torch.autograd.gradcheck(ws => (ws[0].detach() * 2 + ws[0] * 0).sum(), [w], raise_exception: false));
        var error = Assert.Throws<InvalidOperationException>(() => torch.autograd.gradcheck(ws => (ws[0].detach() * 2 + ws[0] * 0).sum(), [w]));
        Assert.Contains("Jacobian mismatch for input 0 (shape [2, 2])", error.Message);
        Assert.True(w.detach().eq(before).all().item<bool>(), "every perturbed element is put back");
    }

    [Fact]
    public void Gradcheck_NoInputRequiresGrad_IsAClearError()
    {
        TorchSharpNatives.EnsureLoaded();
        var error = Assert.Throws<ArgumentException>(() => torch.autograd.gradcheck(v => v.sum(), torch.ones(3)));
        Assert.Contains("none of the inputs requires grad", error.Message);
    }
}
