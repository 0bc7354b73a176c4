using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class IndexingTests
{
    // 3x4 grid holding 0..11, so every element names its own flat position.
    private static Tensor Grid() => arange(12.0).reshape(3, 4);

    public static TheoryData<string, long[], float[]> ReadCases() => new()
    {
        { "x[.., 0]", [3], [0, 4, 8] },
        { "x[1..3]", [2, 4], [4, 5, 6, 7, 8, 9, 10, 11] },
        { "x[Slice(0, 5)]", [3, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
        { "x[.., Slice(0, 5)]", [3, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
        { "x[None]", [1, 3, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
        { "x[.., None]", [3, 1, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
        { "x[-1]", [4], [8, 9, 10, 11] },
        { "x[^1]", [4], [8, 9, 10, 11] },
        { "x[-1, -2]", [], [10] },
        { "x[1, 2]", [], [6] },
        { "x[Ellipsis, -1]", [3], [3, 7, 11] },
        { "x[Slice(null, null, 2)]", [2, 4], [0, 1, 2, 3, 8, 9, 10, 11] },
        { "x[.., Slice(1, null, 2)]", [3, 2], [1, 3, 5, 7, 9, 11] },
        { "x[Slice(-2)]", [2, 4], [4, 5, 6, 7, 8, 9, 10, 11] },
        { "x[Slice(2, 1)]", [0, 4], [] },
        { "x[Slice(3), Slice(4)]", [0, 0], [] },
        { "x[mask]", [5], [7, 8, 9, 10, 11] },
        { "x[int64 tensor]", [3, 4], [8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11] },
        { "x[.., int64 tensor]", [3, 2], [3, 0, 7, 4, 11, 8] },
        { "x[Ellipsis, int64 tensor]", [3, 2], [3, 0, 7, 4, 11, 8] },
        { "x[None, .., int64 tensor]", [1, 3, 2], [3, 0, 7, 4, 11, 8] },
    };

    [Theory]
    [MemberData(nameof(ReadCases))]
    public void Index_Expression_SelectsLikePyTorch(string expression, long[] shape, float[] values)
    {
        var x = Grid();
        var pair = tensor(new long[] { 3, 0 });

        var result = expression switch
        {
            "x[.., 0]" => x[.., 0],
            "x[1..3]" => x[1..3],
            "x[Slice(0, 5)]" => x[TensorIndex.Slice(0, 5)],
            "x[.., Slice(0, 5)]" => x[.., TensorIndex.Slice(0, 5)],
            "x[None]" => x[TensorIndex.None],
            "x[.., None]" => x[.., TensorIndex.None],
            "x[-1]" => x[-1],
            "x[^1]" => x[^1],
            "x[-1, -2]" => x[-1, -2],
            "x[1, 2]" => x[1, 2],
            "x[Ellipsis, -1]" => x[TensorIndex.Ellipsis, -1],
            "x[Slice(null, null, 2)]" => x[TensorIndex.Slice(null, null, 2)],
            "x[.., Slice(1, null, 2)]" => x[.., TensorIndex.Slice(1, null, 2)],
            "x[Slice(-2)]" => x[TensorIndex.Slice(-2)],
            "x[Slice(2, 1)]" => x[TensorIndex.Slice(2, 1)],
            "x[Slice(3), Slice(4)]" => x[TensorIndex.Slice(3), TensorIndex.Slice(4)], // offset past the storage's end
            "x[mask]" => x[x > 6.5],
            "x[int64 tensor]" => x[tensor(new long[] { 2, 0, -1 })],
            "x[.., int64 tensor]" => x[.., pair],
            "x[Ellipsis, int64 tensor]" => x[TensorIndex.Ellipsis, pair],
            "x[None, .., int64 tensor]" => x[TensorIndex.None, .., pair],
            _ => throw new ArgumentException(expression),
        };

        Assert.Equal(shape, result.shape);
        Assert.Equal(values, result.data<float>());
    }

    [Fact]
    public void Index_OutOfRange_ThrowsNamingSize()
    {
        var error = Assert.Throws<IndexOutOfRangeException>(() => Grid()[3]);

        Assert.Contains("size 3", error.Message);
        Assert.Throws<IndexOutOfRangeException>(() => Grid()[0, -5]);
    }

    [Fact]
    public void Index_TooManyIndices_Throws()
    {
        Assert.Throws<IndexOutOfRangeException>(() => Grid()[0, 0, 0]);
    }

    [Fact]
    public void IndexAssign_Row_ScalarTensorBroadcast()
    {
        var x = Grid();

        x[0] = tensor(5f);

        Assert.Equal([5f, 5, 5, 5, 4, 5, 6, 7, 8, 9, 10, 11], x.data<float>());
    }

    [Fact]
    public void IndexAssign_Element_OnlyThatElement()
    {
        var x = Grid();

        x[1, 2] = tensor(-1f);

        Assert.Equal(-1f, x[1, 2].item<float>());
        Assert.Equal(66f - 6 - 1, x.sum().item<float>());
    }

    [Fact]
    public void IndexAssign_SliceWithTensor_CopiesValues()
    {
        var x = Grid();

        x[.., TensorIndex.Slice(0, 2)] = tensor(new float[,] { { -1, -2 }, { -3, -4 }, { -5, -6 } });

        Assert.Equal([-1f, -2, 2, 3, -3, -4, 6, 7, -5, -6, 10, 11], x.data<float>());
    }

    [Fact]
    public void IndexAssign_Mask_ScalarFillsSelected()
    {
        var x = Grid();

        x[x > 8.5] = tensor(0f);

        Assert.Equal([0f, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0], x.data<float>());
    }

    [Fact]
    public void IndexAssign_MaskWithValues_OnePerSelected()
    {
        var x = Grid();

        x[x < 2.5] = tensor(new float[] { 10, 20, 30 });

        Assert.Equal([10f, 20, 30, 3], x[0].data<float>());
    }

    [Fact]
    public void IndexAssign_MaskWrongValueCount_Throws()
    {
        var x = Grid();

        Assert.Throws<ArgumentException>(() => x[x < 2.5] = tensor(new float[] { 1, 2 }));
    }

    [Fact]
    public void IndexAssign_Int64Tensor_Exact()
    {
        var x = zeros(3, dtype: int64);

        x[1] = tensor((1L << 53) + 1);

        Assert.Equal([0L, (1L << 53) + 1, 0], x.data<long>());
    }

    [Fact]
    public void Mask_ShapeMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => Grid()[ones(4, dtype: @bool)]);
    }

    [Fact]
    public void Slice_NegativeStep_Throws()
    {
        Assert.Throws<ArgumentException>(() => TensorIndex.Slice(0, 3, -1));
    }

    [Fact]
    public void Gather_IndexLargerThanInputInOtherDim_Throws()
    {
        var index = zeros([1, 5], dtype: int64); // 5 columns, but the input has 4: PyTorch refuses

        var error = Assert.Throws<ArgumentException>(() => Grid().gather(0, index));

        Assert.Contains("[1, 5]", error.Message);
    }

    [Fact]
    public void Gather_Int64Input_Int64Result()
    {
        var labels = tensor(new long[,] { { 10, 11, 12 }, { 20, 21, 22 } });

        var picked = labels.gather(1, tensor(new long[,] { { 2 }, { 0 } }));

        Assert.Equal(int64, picked.dtype);
        Assert.Equal([12L, 20], picked.data<long>());
    }

    [Fact]
    public void IndexSelect_NegativeIndex_Wraps()
    {
        Assert.Equal([3f, 7, 11], Grid().index_select(1, tensor(new long[] { -1 })).reshape(-1).data<float>());
    }
}
