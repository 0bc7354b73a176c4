using static NotebookDL.torch;

namespace NotebookDL.Tests.Autograd;

/// <summary>Finite differences against backward for every differentiable op (cases in <see cref="GradCheckCases"/>).</summary>
public class GradCheckTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in GradCheckCases.All.Keys) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Gradcheck_Op_AnalyticalMatchesNumerical(string name)
    {
        var c = GradCheckCases.All[name];
        var inputs = c.Inputs.Select(make => make()).ToArray();

        Assert.True(autograd.gradcheck(c.Func, inputs));
    }

    [Fact]
    public void Gradcheck_WrongGradient_ThrowsWithMismatch()
    {
        // x.detach() * x has true derivative 2x, but autograd only sees one factor: gradcheck must notice.
        var x = GradInputs.Randn(1, 3);

        var error = Assert.Throws<InvalidOperationException>(() => autograd.gradcheck(t => t.detach() * t, x));

        Assert.Contains("Jacobian mismatch", error.Message);
    }

    [Fact]
    public void Gradcheck_WrongGradientNoRaise_ReturnsFalse()
    {
        var x = GradInputs.Randn(2, 3);

        Assert.False(autograd.gradcheck(t => t.detach() * t, x, raise_exception: false));
    }

    [Fact]
    public void Gradcheck_NoInputRequiresGrad_Throws()
    {
        Assert.Throws<ArgumentException>(() => autograd.gradcheck(t => t * 2, ones(3)));
    }

    [Fact]
    public void Gradcheck_AfterCheck_InputsUnchanged()
    {
        var x = GradInputs.Randn(3, 2, 3);
        var before = x.data<float>();

        autograd.gradcheck(t => t.exp().sum(), x);

        Assert.Equal(before, x.data<float>());
    }
}
