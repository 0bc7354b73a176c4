using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class LogicalReductionTests
{
    private static readonly Tensor Rows = tensor(new float[] { 1, 1, 0, 0, 0, 2 }, [2, 3]);

    [Theory]
    [InlineData(0, new[] { false, false, false }, new[] { true, true, true })]
    [InlineData(1, new[] { false, false }, new[] { true, true })]
    [InlineData(-1, new[] { false, false }, new[] { true, true })]
    public void AllAndAny_AlongDim_ReduceThatDim(long dim, bool[] all, bool[] any)
    {
        Assert.Equal(all, Rows.all(dim).ToArray<bool>());
        Assert.Equal(any, Rows.any(dim).ToArray<bool>());
    }

    [Fact]
    public void All_KeepDim_KeepsAOneSizedDim()
    {
        var result = ones(2, 3).all(1, keepdim: true);

        Assert.Equal([2L, 1L], result.shape);
        Assert.Equal(ScalarType.Bool, result.dtype);
        Assert.Equal([true, true], result.ToArray<bool>());
    }
}
