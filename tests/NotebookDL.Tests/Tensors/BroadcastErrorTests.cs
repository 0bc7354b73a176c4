using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class BroadcastErrorTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor, Tensor>> Ops = new()
    {
        ["add"] = (a, b) => a + b,
        ["sub"] = (a, b) => a - b,
        ["mul"] = (a, b) => a * b,
        ["div"] = (a, b) => a / b,
        ["maximum"] = maximum,
        ["minimum"] = minimum,
        ["eq"] = (a, b) => a == b,
        ["lt"] = (a, b) => a < b,
        ["where"] = (a, b) => where(a > 0.0, a, b),
    };

    public static TheoryData<string> OpNames() => new(Ops.Keys);

    [Theory]
    [MemberData(nameof(OpNames))]
    public void Binary_IncompatibleShapes_ErrorNamesOpAndBothShapes(string op)
    {
        var error = Assert.Throws<ArgumentException>(() => Ops[op](zeros(2, 3), zeros(4)));

        Assert.Contains(op, error.Message);
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("[4]", error.Message);
    }

    [Theory]
    [InlineData(new long[] { 3, 1 }, new long[] { 1, 4 }, new long[] { 3, 4 })]
    [InlineData(new long[] { 2, 1, 3 }, new long[] { 4, 1 }, new long[] { 2, 4, 3 })]
    [InlineData(new long[] { }, new long[] { 2, 2 }, new long[] { 2, 2 })]
    [InlineData(new long[] { 5, 1 }, new long[] { 0 }, new long[] { 5, 0 })]
    public void Binary_CompatibleShapes_BroadcastShape(long[] a, long[] b, long[] expected)
    {
        Assert.Equal(expected, (zeros(a) + zeros(b)).shape);
        Assert.Equal(expected, (zeros(b) * zeros(a)).shape);
    }

    [Fact]
    public void Add_BroadcastValues_OuterSum()
    {
        var column = tensor(new float[] { 0, 10, 20 }).reshape(3, 1);
        var row = tensor(new float[] { 1, 2 });

        Assert.Equal([1f, 2, 11, 12, 21, 22], (column + row).data<float>());
    }

    [Fact]
    public void Add_BroadcastNonContiguousOperands_Values()
    {
        var a = arange(6.0).reshape(2, 3).t();           // [3, 2], strides [1, 3]
        var b = arange(3.0).reshape(3, 1).expand(3, 2);   // stride 0 on the last dim

        Assert.Equal([0f, 3, 2, 5, 4, 7], (a + b).data<float>());
    }

    [Fact]
    public void Matmul_InnerMismatch_ErrorNamesShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => zeros(2, 3).matmul(zeros(4, 5)));

        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("[4, 5]", error.Message);
    }

    [Fact]
    public void Cat_Mismatch_ErrorNamesShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => cat([zeros(2, 3), zeros(2, 4)], 0));

        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("[2, 4]", error.Message);
    }
}
