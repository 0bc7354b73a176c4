namespace NotebookDL;

/// <summary>
/// The memory behind one or more tensors (views share it). Layers and ops never reach into it
/// directly except through the CPU kernels, so a device backend can add its own subclass.
/// </summary>
internal abstract class Storage
{
    public abstract torch.Device Device { get; }
    public abstract int Length { get; }
}

/// <summary>float32 (and bool, stored as 0/1) elements in managed memory.</summary>
internal sealed class FloatStorage(float[] data) : Storage
{
    public readonly float[] Data = data;
    public override torch.Device Device => torch.CPU;
    public override int Length => Data.Length;
}

/// <summary>int64 elements in managed memory (class labels, indices).</summary>
internal sealed class LongStorage(long[] data) : Storage
{
    public readonly long[] Data = data;
    public override torch.Device Device => torch.CPU;
    public override int Length => Data.Length;
}
