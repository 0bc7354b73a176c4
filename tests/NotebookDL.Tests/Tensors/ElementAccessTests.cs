using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class ElementAccessTests
{
    [Fact]
    public void Item_FloatScalar_ConvertsToRequestedType()
    {
        var x = tensor(2.5f);

        Assert.Equal(2.5f, x.item<float>());
        Assert.Equal(2.5, x.item<double>());
    }

    [Fact]
    public void Item_Int64Scalar_Exact()
    {
        const long big = (1L << 60) + 3;

        Assert.Equal(big, tensor(big).item<long>());
    }

    [Fact]
    public void Item_BoolScalar_Bool()
    {
        Assert.True((tensor(3f) > 2.0).item<bool>());
        Assert.False((tensor(3f) > 4.0).item<bool>());
    }

    [Fact]
    public void Item_OneElementView_ThatElement()
    {
        var x = arange(12.0).reshape(3, 4);

        Assert.Equal(6f, x[1, 2].item<float>());
        Assert.Equal(9f, x.t()[1, 2].item<float>());
        Assert.Equal(7L, arange(12).reshape(3, 4)[1..3, 3][0].item<long>());
    }

    [Fact]
    public void Item_ManyElements_ThrowsWithCount()
    {
        var error = Assert.Throws<InvalidOperationException>(() => zeros(2, 3).item<float>());

        Assert.Contains("6 elements", error.Message);
    }

    [Fact]
    public void Data_NonContiguousView_LogicalOrder()
    {
        var x = arange(6.0).reshape(2, 3);

        Assert.Equal([0f, 3, 1, 4, 2, 5], x.t().data<float>());
        Assert.Equal([0f, 3, 1, 4, 2, 5], x.t().ToArray());
    }

    [Fact]
    public void ToArray_Int64_Longs()
    {
        Assert.Equal([1L, 4], arange(6).reshape(2, 3).t()[1].ToArray<long>());
    }

    [Fact]
    public void ToArray_BoolAsBool_TrueFalse()
    {
        Assert.Equal([false, true], (arange(2) > 0.5).ToArray<bool>());
    }

    [Fact]
    public void ToArray_IsCopy_WritesDoNotReachTensor()
    {
        var x = zeros(3);

        var data = x.data<float>();
        data[0] = 5;

        Assert.Equal(0f, x[0].item<float>());
    }

    [Fact]
    public void Shape_Numel_Dim_Reported()
    {
        var x = zeros(2, 3, 4);

        Assert.Equal(24, x.numel());
        Assert.Equal(3, x.dim());
        Assert.Equal(3, x.size(1));
        Assert.Equal(4, x.size(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => x.size(3));
    }
}
