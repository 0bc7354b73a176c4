namespace NotebookDL.Tests.Tensors;

public class TensorMemoryTests
{
    [Fact]
    public void Allocate_MoreThanTheProcessCanUse_NamesShapeBytesAndAvailable()
    {
        var error = Assert.Throws<InsufficientMemoryException>(() => TensorMemory.Allocate<long>([1000, 1000], "zeros", availableBytes: 1_000_000));

        var message = error.Message.Replace(System.Globalization.NumberFormatInfo.CurrentInfo.NumberGroupSeparator, ",");
        Assert.StartsWith("zeros: a tensor of shape [1000, 1000] needs 8,000,000 bytes (0.01 GB), more than the 1,000,000 bytes", message);
    }

    [Fact]
    public void Allocate_WithinMemory_IsAZeroedArrayOfTheCount()
    {
        var data = TensorMemory.Allocate<float>([3, 4], "zeros", availableBytes: 48);

        Assert.Equal(new float[12], data);
    }

    [Fact]
    public void Allocate_PastTheElementLimit_IsTheLimitErrorBeforeAnyMemoryCheck()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorMemory.Allocate<float>([1L << 31], "ones", availableBytes: long.MaxValue));

        Assert.Contains("limit of", error.Message);
    }
}
