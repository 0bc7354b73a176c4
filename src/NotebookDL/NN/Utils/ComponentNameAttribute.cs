namespace NotebookDL.Utils;

/// <summary>
/// Gives a module field a different name in state_dict than the field's own, e.g. a private <c>_weight</c>
/// listed as "weight" (TorchSharp.Utils.ComponentNameAttribute).
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ComponentNameAttribute : Attribute
{
    public string? Name { get; set; }
}
