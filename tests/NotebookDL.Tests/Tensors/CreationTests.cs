using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class CreationTests
{
    [Fact]
    public void Zeros_Shape_AllZeroFloat32()
    {
        var x = zeros(2, 3);

        Assert.Equal([2L, 3], x.shape);
        Assert.Equal(float32, x.dtype);
        Assert.All(x.data<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Ones_Int64Dtype_AllOnesInt64()
    {
        var x = ones(4, dtype: int64);

        Assert.Equal(int64, x.dtype);
        Assert.Equal([1L, 1, 1, 1], x.data<long>());
    }

    [Fact]
    public void Full_Value_FillsEveryElement()
    {
        var x = full([2, 2], -1.5);

        Assert.Equal([-1.5f, -1.5f, -1.5f, -1.5f], x.data<float>());
    }

    [Fact]
    public void Full_LargeInt64Value_Exact()
    {
        const long big = (1L << 40) + 1;

        var x = full([2], big, dtype: int64);

        Assert.Equal([big, big], x.data<long>());
    }

    [Fact]
    public void Full_BoolDtype_StoresTrue()
    {
        var x = full([2], 2.0, dtype: @bool);

        Assert.Equal([1L, 1], x.to(int64).data<long>());
        Assert.Equal(2L, x.sum().item<long>());
    }

    [Fact]
    public void Eye_Square_Identity()
    {
        Assert.Equal([1f, 0, 0, 0, 1, 0, 0, 0, 1], eye(3).data<float>());
    }

    [Fact]
    public void Eye_Rectangular_OnesOnDiagonal()
    {
        var x = eye(2, 3);

        Assert.Equal([2L, 3], x.shape);
        Assert.Equal([1f, 0, 0, 0, 1, 0], x.data<float>());
    }

    [Fact]
    public void Arange_IntegerStop_Int64()
    {
        var x = arange(5);

        Assert.Equal(int64, x.dtype);
        Assert.Equal([0L, 1, 2, 3, 4], x.data<long>());
    }

    [Fact]
    public void Arange_IntegerStartStopStep_Int64()
    {
        var x = arange(1, 10, 3);

        Assert.Equal(int64, x.dtype);
        Assert.Equal([1L, 4, 7], x.data<long>());
    }

    [Fact]
    public void Arange_FloatArguments_Float32()
    {
        var x = arange(0.0, 1.0, 0.25);

        Assert.Equal(float32, x.dtype);
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f], x.data<float>());
    }

    [Fact]
    public void Arange_FloatStep_CountLikePyTorch()
    {
        Assert.Equal(10, arange(0.0, 1.0, 0.1).numel());
        Assert.Equal(3, arange(1.0, 2.5, 0.5).numel());
    }

    [Fact]
    public void Arange_Int64OnCuda_Throws()
    {
        Assert.Throws<NotSupportedException>(() => arange(0, 3, 1, device: CUDA));
    }

    [Fact]
    public void Arange_InconsistentStep_Throws()
    {
        Assert.Throws<ArgumentException>(() => arange(5.0, 1.0, 1.0));
        Assert.Throws<ArgumentException>(() => arange(0.0, 1.0, 0.0));
    }

    [Theory]
    [InlineData(0.0, 1.0, 5)]
    [InlineData(-1.0, 1.0, 7)]
    [InlineData(0.1, 0.7, 10)]
    [InlineData(3.0, -2.0, 11)]
    public void Linspace_Endpoints_ExactlyStartAndEnd(double start, double end, long steps)
    {
        var x = linspace(start, end, steps).data<float>();

        Assert.Equal(steps, x.Length);
        Assert.Equal((float)start, x[0]);
        Assert.Equal((float)end, x[^1]);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal(start + (end - start) * i / (steps - 1), x[i], 1e-6);
    }

    [Fact]
    public void Linspace_OneStep_Start()
    {
        Assert.Equal([2f], linspace(2, 3, 1).data<float>());
    }

    [Fact]
    public void Rand_ManyDraws_InUnitIntervalWithMeanHalf()
    {
        var x = rand([20000], generator: new Generator(7)).data<float>();

        Assert.All(x, v => Assert.InRange(v, 0f, 0.99999994f));
        Assert.Equal(0.5, x.Average(v => (double)v), 0.01);
    }

    [Fact]
    public void Randn_ManyDraws_StandardNormalMoments()
    {
        var x = randn([100000], generator: new Generator(11)).data<float>();
        var mean = x.Average(v => (double)v);
        var variance = x.Average(v => (v - mean) * (v - mean));

        Assert.Equal(0, mean, 0.02);
        Assert.Equal(1, Math.Sqrt(variance), 0.02);
    }

    [Fact]
    public void Randint_Range_Int64InHalfOpenInterval()
    {
        var x = randint(3, 7, [10000], generator: new Generator(3));

        Assert.Equal(int64, x.dtype);
        var values = x.data<long>();
        Assert.All(values, v => Assert.InRange(v, 3, 6));
        Assert.Equal([3L, 4, 5, 6], values.Distinct().Order());
    }

    [Fact]
    public void Randint_LargeRange_ValuesNotRoundedThroughFloat()
    {
        var values = randint(0, 1L << 40, [1000], generator: new Generator(5)).data<long>();

        // Rounded through float32, values this large would all be multiples of 2^16.
        Assert.Contains(values, v => v % 2 == 1);
        Assert.All(values, v => Assert.InRange(v, 0, (1L << 40) - 1));
    }

    [Fact]
    public void Randperm_N_IsPermutation()
    {
        var x = randperm(50, new Generator(9));

        Assert.Equal(int64, x.dtype);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), x.data<long>().Order());
    }

    [Fact]
    public void Generator_SameSeed_SameSequence()
    {
        var a = randn([100], generator: new Generator(123)).data<float>();
        var b = randn([100], generator: new Generator(123)).data<float>();
        var c = randn([100], generator: new Generator(124)).data<float>();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void FromArray_TwoDimensional_RowMajor()
    {
        var x = tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });

        Assert.Equal([2L, 3], x.shape);
        Assert.Equal([1f, 2, 3, 4, 5, 6], x.data<float>());
    }

    [Fact]
    public void Tensor_WrongDimensions_Throws()
    {
        Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3 }, [2, 2]));
    }

    [Fact]
    public void Zeros_NegativeSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => zeros(2, -1));
    }
}
