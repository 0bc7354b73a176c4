using static NotebookDL.torch;

namespace NotebookDL.Tests.Autograd;

/// <summary>Gradients of max/min when several elements tie; expected values are PyTorch 1.13's.</summary>
public class TiedExtremaTests
{
    // Row 0 ties at its max (3, 3), row 1 ties at its max (2, 2) and has a single min (0).
    private static Tensor Ties() => tensor(new float[,] { { 1, 3, 3 }, { 2, 2, 0 } }, requires_grad: true);

    public static TheoryData<string, float[], string> Cases() => new()
    {
        { "max()", [0, 0.5f, 0.5f, 0, 0, 0], "MaxBackward1" },
        { "min()", [0, 0, 0, 0, 0, 1], "MinBackward1" },
        { "amax(1)", [0, 0.5f, 0.5f, 0.5f, 0.5f, 0], "AmaxBackward0" },
        { "amax(1, keepdim)", [0, 0.5f, 0.5f, 0.5f, 0.5f, 0], "AmaxBackward0" },
        { "amin(1)", [1, 0, 0, 0, 0, 1], "AminBackward0" },
        { "max(1).values", [0, 1, 0, 1, 0, 0], "MaxBackward0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extremum_Ties_GradientLikePyTorch(string expression, float[] expectedGrad, string gradFn)
    {
        var x = Ties();

        var y = expression switch
        {
            "max()" => x.max(),
            "min()" => x.min(),
            "amax(1)" => x.amax(1),
            "amax(1, keepdim)" => x.amax(1, keepdim: true),
            "amin(1)" => x.amin(1),
            "max(1).values" => x.max(1).values,
            _ => throw new ArgumentException(expression),
        };
        y.sum().backward();

        Assert.Equal(expectedGrad, x.grad!.data<float>());
        Assert.Equal(gradFn, y.grad_fn!.name());
    }

    [Fact]
    public void Amax_Values_ShapeAndKeepdim()
    {
        var x = Ties();

        Assert.Equal([3f, 2], x.amax(1).data<float>());
        Assert.Equal([2L, 1], x.amax(1, keepdim: true).shape);
        Assert.Equal([2f, 3, 3], x.amax(0).data<float>());
        Assert.Equal(3f, x.max().item<float>());
        Assert.Empty(x.max().shape);
    }

    [Fact]
    public void MaxDim_Ties_FirstIndexLikePyTorch()
    {
        Assert.Equal([1L, 0], Ties().max(1).indexes.data<long>());
    }
}
