using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>Bad arguments to pad, unfold, eigh and dirac_ are refused with a message naming the op and the shapes.</summary>
public class RecipeOpErrorTests
{
    public static TheoryData<string, Action, string> Cases => new()
    {
        { "pad-odd-count", () => nn.functional.pad(zeros(1, 2, 3), [1, 2, 3]), "(before, after) pairs" },
        { "pad-reflect-too-wide", () => nn.functional.pad(zeros(1, 1, 4, 4), [4, 0, 0, 0], PaddingModes.Reflect), "smaller than dim 3's size 4" },
        { "pad-reflect-negative", () => nn.functional.pad(zeros(1, 1, 4, 4), [-1, 0], PaddingModes.Reflect), "must be non-negative" },
        { "pad-crop-everything", () => nn.functional.pad(zeros(2, 3), [-2, -2]), "leaves nothing" },
        { "pad-circular-twice", () => nn.functional.pad(zeros(1, 3), [4, 0], PaddingModes.Circular), "wrap at most once" },
        { "unfold-2d-input", () => nn.functional.unfold(zeros(4, 4), 2), "3-D [C, H, W] or 4-D" },
        { "unfold-kernel-too-big", () => nn.functional.unfold(zeros(1, 1, 2, 2), 3), "does not fit" },
        { "eigh-not-square", () => linalg.eigh(zeros(2, 3)), "square matrices" },
        { "eigh-bad-uplo", () => linalg.eigh(zeros(2, 2), 'X'), "UPLO" },
        { "eigh-requires-grad", () => linalg.eigh(zeros(2, 2).requires_grad_()), "not supported" },
        { "dirac-2d", () => nn.init.dirac_(zeros(3, 3)), "3-, 4- or 5-D" },
        { "dirac-groups", () => nn.init.dirac_(zeros(5, 2, 3, 3), groups: 2), "do not divide into 2 groups" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RecipeOp_BadArguments_ThrowsSpecificError(string name, Action call, string expected)
    {
        var error = Assert.ThrowsAny<Exception>(call);

        Assert.True(error is ArgumentException or NotSupportedException, $"{name}: {error.GetType().Name}");
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Eigh_Diagonal2x2_AscendingWithUnitVectors()
    {
        var (values, vectors) = linalg.eigh(tensor(new float[] { 3, 0, 0, 1 }, [2, 2]));

        Assert.Equal([1f, 3f], values.ToArray());
        Assert.Equal([0f, 1f, 1f, 0f], vectors.abs().ToArray());
    }

    [Fact]
    public void Dirac_Conv3x3_IsIdentity()
    {
        var weight = nn.init.dirac_(empty([4, 4, 3, 3]));
        var x = randn(2, 4, 5, 5, generator: new Generator(1));

        Assert.True(allclose(nn.functional.conv2d(x, weight, padding: [1, 1]), x));
    }

    [Fact]
    public void Eigh_TinyOffDiagonal_StillFindsEigenvalues()
    {
        var (values, _) = linalg.eigh(tensor(new float[] { 0, 1e-16f, 1e-16f, 0 }, [2, 2]));

        Assert.Equal(-1e-16, values[0].item<float>(), 1e-22);
        Assert.Equal(1e-16, values[1].item<float>(), 1e-22);
    }

    [Theory]
    [InlineData(0.0, 1e8)]
    [InlineData(1.0, 1.0)]
    public void Lerp_WeightAtAnEnd_GivesThatEndExactly(double weight, double expected)
    {
        var start = tensor(new float[] { 1e8f });
        var end = tensor(new float[] { 1f });

        Assert.Equal((float)expected, start.lerp(end, weight).item<float>());
        Assert.Equal((float)expected, start.lerp(end, tensor(new float[] { (float)weight })).item<float>());
    }
}
