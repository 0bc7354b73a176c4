using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class ViewTests
{
    private static Tensor Grid() => arange(12.0).reshape(3, 4);

    public static TheoryData<string> ViewNames() => new(Views.Keys);

    // Every view of a 3x4 arange grid and the element of the grid that the view's first element aliases.
    private static readonly Dictionary<string, (Func<Tensor, Tensor> view, int aliasOf)> Views = new()
    {
        ["slice_rows"] = (x => x[1..3], 4),
        ["slice_step"] = (x => x[.., TensorIndex.Slice(1, null, 2)], 1),
        ["select"] = (x => x.select(1, 2), 2),
        ["index_int"] = (x => x[2], 8),
        ["narrow"] = (x => x.narrow(0, 1, 2), 4),
        ["t"] = (x => x.t(), 0),
        ["transpose_slice"] = (x => x.t()[1], 1),
        ["permute"] = (x => x.permute(1, 0), 0),
        ["view"] = (x => x.view(6, 2), 0),
        ["reshape_contiguous"] = (x => x.reshape(2, 6), 0),
        ["unsqueeze"] = (x => x.unsqueeze(0), 0),
        ["unsqueeze_of_transpose"] = (x => x.t().unsqueeze(0), 0),
        ["squeeze_of_slice"] = (x => x[TensorIndex.Slice(1, 2)].squeeze(0), 4),
        ["flatten_of_rows"] = (x => x[1..].flatten(), 4),
        ["none_index"] = (x => x[TensorIndex.None, 1], 4),
        ["detach"] = (x => x.detach(), 0),
        ["chunk"] = (x => x.chunk(2, 1)[1], 2),
    };

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void View_WriteThroughView_ChangesBase(string name)
    {
        var (makeView, aliasOf) = Views[name];
        var x = Grid();
        var view = makeView(x);

        view.fill_(100);

        Assert.Equal(100f, x.data<float>()[aliasOf]);
    }

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void View_WriteToBase_VisibleInView(string name)
    {
        var (makeView, aliasOf) = Views[name];
        var x = Grid();
        var view = makeView(x);

        x.view(-1)[aliasOf] = tensor(-7f);

        Assert.Equal(-7f, view.reshape(-1).data<float>()[0]);
    }

    [Fact]
    public void Reshape_NonContiguous_CopiesData()
    {
        var x = Grid();
        var y = x.t().reshape(12);

        y.fill_(0);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => (float)i), x.data<float>());
        Assert.Equal([0f, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], x.t().reshape(12).data<float>());
    }

    [Fact]
    public void View_NonContiguousIncompatible_ThrowsSuggestingReshape()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Grid().t().view(12));

        Assert.Contains("reshape", error.Message);
    }

    [Fact]
    public void View_NonContiguousCompatible_IsView()
    {
        var x = Grid();
        var v = x.t().view(2, 2, 3); // splits the first dim of the transposed view: strides allow it

        Assert.Equal([2L, 2, 3], v.shape);
        Assert.Equal([0f, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], v.data<float>());
        v.fill_(1);
        Assert.All(x.data<float>(), e => Assert.Equal(1f, e));
    }

    [Fact]
    public void Transpose_Strides_Swapped()
    {
        var x = zeros(2, 3, 4);

        Assert.Equal([12L, 4, 1], x.stride());
        Assert.Equal([1L, 4, 12], x.transpose(0, 2).stride());
        Assert.False(x.transpose(0, 2).is_contiguous());
    }

    [Fact]
    public void Expand_SizeOneDim_StrideZero()
    {
        var x = zeros(3, 1).expand(3, 4);

        Assert.Equal([3L, 4], x.shape);
        Assert.Equal([1L, 0], x.stride());
    }

    [Fact]
    public void Expand_WriteToBase_VisibleInEveryCopy()
    {
        var x = Grid();
        var e = x[.., TensorIndex.Slice(3, 4)].expand(3, 5);

        x[1, 3] = tensor(-2f);

        Assert.Equal(Enumerable.Repeat(-2f, 5), e[1].data<float>());
    }

    [Fact]
    public void Expand_NonSingletonDim_Throws()
    {
        Assert.Throws<ArgumentException>(() => zeros(3, 2).expand(3, 4));
    }

    [Fact]
    public void Expand_MinusOneOnNewDim_Throws()
    {
        Assert.Throws<ArgumentException>(() => zeros(3).expand(-1, 3));
    }

    [Fact]
    public void EmptyTensor_ZeroSizedMiddleDim_ContiguousAndUsable()
    {
        var x = zeros(2, 0, 4);

        Assert.True(x.is_contiguous());
        Assert.Equal([2L, 0, 4], x.to(int64).shape);
        Assert.Equal([2L, 4], x.sum(1).shape);
        Assert.Equal([0L, 2, 4], x.permute(1, 0, 2).contiguous().shape);
        Assert.Equal([2L, 0], tensor(Array.Empty<bool>(), [2, 0]).shape);
        Assert.Equal("tensor([], size=(2, 0, 4))", x.ToString());
    }

    [Fact]
    public void Contiguous_OfContiguous_SameTensor()
    {
        var x = Grid();

        Assert.Same(x, x.contiguous());
        Assert.NotSame(x.t(), x.t().contiguous());
        Assert.True(x.t().contiguous().is_contiguous());
    }

    [Fact]
    public void Permute_Shape_Reordered()
    {
        var x = zeros(2, 3, 4).permute(2, 0, 1);

        Assert.Equal([4L, 2, 3], x.shape);
    }

    [Fact]
    public void Reshape_InferredDim_Computed()
    {
        Assert.Equal([6L, 2], Grid().reshape(-1, 2).shape);
        Assert.Throws<ArgumentException>(() => Grid().reshape(5, -1));
    }

    [Fact]
    public void Narrow_NegativeStart_WrapsLikePyTorch()
    {
        Assert.Equal([8f, 9, 10, 11], Grid().narrow(0, -1, 1).data<float>());
    }

    [Fact]
    public void Sum_ZeroDimTensorDim0_Itself()
    {
        var x = tensor(3f);

        Assert.Equal(3f, x.sum(0).item<float>());
        Assert.Equal(3f, x.sum(-1, keepdim: true).item<float>());
    }
}
