namespace NotebookDL;

public enum DeviceType
{
    CPU,
    CUDA,
}

public static partial class torch
{
    /// <summary>Where a tensor's storage lives. Only the CPU backend exists in this build.</summary>
    public sealed record Device(DeviceType type, int index = -1)
    {
        public override string ToString() => type == DeviceType.CPU ? "cpu" : index < 0 ? "cuda" : $"cuda:{index}";
    }

    public static readonly Device CPU = new(DeviceType.CPU);

    public static Device device(string description)
    {
        var parts = description.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"Unknown device '{description}': expected 'cpu' or 'cuda[:index]'."),
        };
        var index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : -1;
        return new Device(type, index);
    }

    public static Device device(DeviceType type, int index = -1) => new(type, index);

    public static class cuda
    {
        /// <summary>No CUDA backend is compiled into this build, so this is always false.</summary>
        public static bool is_available() => false;

        public static int device_count() => 0;
    }

    internal static void CheckDeviceAvailable(Device target)
    {
        if (target.type != DeviceType.CPU)
            throw new NotSupportedException(
                $"Device '{target}' is not available: this NotebookDL build has only the CPU backend " +
                "(torch.cuda.is_available() is false). Use torch.CPU, or pick the device with " +
                "torch.cuda.is_available() ? torch.CUDA : torch.CPU.");
    }

    public static readonly Device CUDA = new(DeviceType.CUDA);
}
