using static NotebookDL.torch;

namespace NotebookDL;

/// <summary>
/// Device and dtype moves for modules, as generic extensions so <c>var model = new Net().to(device)</c> keeps
/// the module's own type (TorchSharp's ModuleExtensionMethods). Only the CPU backend and float32 exist, so a
/// move either is a no-op returning the module or explains why it cannot happen.
/// </summary>
public static class ModuleExtensionMethods
{
    public static T to<T>(this T module, Device device, bool non_blocking = false) where T : nn.Module
    {
        CheckDeviceAvailable(device);
        return module;
    }

    public static T to<T>(this T module, string device, bool non_blocking = false) where T : nn.Module => module.to(torch.device(device), non_blocking);

    public static T to<T>(this T module, DeviceType deviceType, int deviceIndex = -1, bool non_blocking = false) where T : nn.Module =>
        module.to(new Device(deviceType, deviceIndex), non_blocking);

    public static T to<T>(this T module, ScalarType type, bool non_blocking = false) where T : nn.Module
    {
        if (type != ScalarType.Float32)
            throw new NotSupportedException($"Module.to({TypeName(type)}): NotebookDL layers compute in float32 only; keep the module in torch.float32.");
        return module;
    }

    public static T cpu<T>(this T module, bool non_blocking = false) where T : nn.Module => module.to(CPU, non_blocking);

    public static T cuda<T>(this T module, int deviceIndex = -1, bool non_blocking = false) where T : nn.Module =>
        module.to(new Device(DeviceType.CUDA, deviceIndex), non_blocking);

    public static T @float<T>(this T module, bool non_blocking = false) where T : nn.Module => module.to(ScalarType.Float32, non_blocking);
}
