using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class DTypeTests
{
    private const long Big = (1L << 53) + 1; // the first integer a double cannot hold

    [Fact]
    public void Comparison_FloatTensors_Bool()
    {
        var x = tensor(new float[] { -1, 0, 2 });

        var results = new[] { x > 0.0, x >= 0.0, x < 0.0, x <= 0.0, x == 0.0, x != 0.0, x > zeros(3), x.eq(x) };

        Assert.All(results, r => Assert.Equal(@bool, r.dtype));
        Assert.Equal([false, false, true], (x > 0.0).data<bool>());
        Assert.Equal([false, true, false], (x == 0.0).data<bool>());
    }

    [Fact]
    public void Comparison_Int64Tensors_BoolAndExact()
    {
        var a = tensor(new[] { Big, 5L });
        var b = tensor(new[] { Big - 1, 5L });

        var equal = a == b;

        Assert.Equal(@bool, equal.dtype);
        Assert.Equal([false, true], equal.data<bool>());
        Assert.Equal([true, false], (a > b).data<bool>());
    }

    [Fact]
    public void Sum_BoolTensor_Int64Count()
    {
        var mask = tensor(new float[] { 1, -2, 3, 4 }) > 0.0;

        var count = mask.sum();

        Assert.Equal(int64, count.dtype);
        Assert.Equal(3L, count.item<long>());
    }

    [Fact]
    public void Sum_Int64Dim_Int64Exact()
    {
        var x = tensor(new[] { Big, 1L, 2L, 3L }, [2, 2]);

        Assert.Equal(int64, x.sum().dtype);
        Assert.Equal(Big + 6, x.sum().item<long>());
        Assert.Equal([Big + 1, 5L], x.sum(1).data<long>());
    }

    public static TheoryData<string, long> ExactInt64Cases() => new()
    {
        { "a + 1", Big + 1 },
        { "a - 3", Big - 3 },
        { "a * 3", Big * 3 },
        { "a + b", Big + Big - 2 },
        { "a * b (wraps like int64)", unchecked(Big * (Big - 2)) },
        { "-a", -Big },
        { "maximum(a, b)", Big },
        { "max()", Big },
    };

    [Theory]
    [MemberData(nameof(ExactInt64Cases))]
    public void Arithmetic_Int64BeyondDoublePrecision_Exact(string expression, long expected)
    {
        var a = tensor(new[] { Big });
        var b = tensor(new[] { Big - 2 });

        var result = expression switch
        {
            "a + 1" => a + 1,
            "a - 3" => a - 3,
            "a * 3" => a * 3,
            "a + b" => a + b,
            "a * b (wraps like int64)" => a * b,
            "-a" => -a,
            "maximum(a, b)" => maximum(a, b),
            "max()" => a.max(),
            _ => throw new ArgumentException(expression),
        };

        Assert.Equal(int64, result.dtype);
        Assert.Equal(expected, result.reshape(-1).data<long>()[0]);
    }

    [Fact]
    public void Division_Int64Tensors_Float32TrueDivision()
    {
        var a = tensor(new long[] { 1, 2, 7 });
        var b = tensor(new long[] { 2, 2, 2 });

        var q = a / b;

        Assert.Equal(float32, q.dtype);
        Assert.Equal([0.5f, 1f, 3.5f], q.data<float>());
        Assert.Equal([0.5f, 1f, 3.5f], (a / 2).data<float>());
    }

    [Fact]
    public void Arithmetic_Int64AndFloatScalar_Float32()
    {
        var a = tensor(new long[] { 1, 2 });

        Assert.Equal(float32, (a + 0.5).dtype);
        Assert.Equal(int64, (a + 1).dtype);
        Assert.Equal(int64, (a * 2).dtype);
        Assert.Equal(float32, (a * 0.5).dtype);
        Assert.Equal([1.5f, 2.5f], (a + 0.5).data<float>());
    }

    [Fact]
    public void Arithmetic_Int64AndFloatTensor_Float32()
    {
        var result = tensor(new long[] { 1, 2 }) + tensor(new[] { 0.25f, 0.5f });

        Assert.Equal(float32, result.dtype);
        Assert.Equal([1.25f, 2.5f], result.data<float>());
    }

    [Fact]
    public void Arithmetic_BoolAndInt_Int64()
    {
        var mask = tensor(new[] { true, false });

        var result = mask + 1;

        Assert.Equal(int64, result.dtype);
        Assert.Equal([2L, 1], result.data<long>());
    }

    [Fact]
    public void Mean_Int64_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => arange(4).mean());

        Assert.Contains("torch.int64", error.Message);
        Assert.Contains("floating point", error.Message);
    }

    [Fact]
    public void To_FloatToInt64_TruncatesTowardZero()
    {
        Assert.Equal([-1L, 2, 0], tensor(new[] { -1.7f, 2.9f, 0.2f }).to(int64).data<long>());
    }

    [Fact]
    public void To_LargeInt64ToFloat_RoundsOnceToNearest()
    {
        // Halfway between two floats once rounded to double, but just above halfway as an integer.
        const long value = (1L << 60) + (1L << 36) + 1;

        Assert.Equal((float)value, tensor(value).to(float32).item<float>());
        Assert.Equal([true, false], tensor(new long[] { 5, 0 }).to(@bool).data<bool>());
    }

    [Fact]
    public void To_SameType_ReturnsSameTensor()
    {
        var x = ones(2);

        Assert.Same(x, x.to(float32));
    }

    [Fact]
    public void Float_Int64Tensor_Converts()
    {
        var x = arange(3).@float();

        Assert.Equal(float32, x.dtype);
        Assert.True(x.is_floating_point());
        Assert.Equal([0f, 1, 2], x.data<float>());
    }
}
