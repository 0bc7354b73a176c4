using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

public class DeviceTests
{
    [Fact]
    public void CudaIsAvailable_CpuOnlyBuild_False()
    {
        Assert.False(cuda.is_available());
        Assert.Equal(0, cuda.device_count());
    }

    [Fact]
    public void To_Cuda_ClearError()
    {
        var error = Assert.Throws<NotSupportedException>(() => ones(2).to(CUDA));

        Assert.Contains("cuda", error.Message);
        Assert.Contains("not available", error.Message);
        Assert.Contains("CPU", error.Message);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:0")]
    public void To_CudaString_Throws(string device)
    {
        Assert.Throws<NotSupportedException>(() => ones(2).to(device));
    }

    [Fact]
    public void Creation_OnCuda_Throws()
    {
        Assert.Throws<NotSupportedException>(() => zeros(2, device: CUDA));
        Assert.Throws<NotSupportedException>(() => tensor(new float[] { 1 }, device: CUDA));
    }

    [Fact]
    public void To_Cpu_SameValuesOnCpu()
    {
        var x = tensor(new float[] { 1, 2 });

        var y = x.to(CPU);

        Assert.Equal(CPU, y.device);
        Assert.Equal(x.data<float>(), y.data<float>());
        Assert.Equal(CPU, x.to("cpu").device);
        Assert.Equal(CPU, x.cpu().device);
    }

    [Fact]
    public void Device_Parse_TypeAndIndex()
    {
        Assert.Equal(new Device(DeviceType.CUDA, 1), device("cuda:1"));
        Assert.Equal(CPU, device("cpu"));
        Assert.Equal("cuda:1", device("cuda:1").ToString());
        Assert.Throws<ArgumentException>(() => device("tpu"));
    }
}
