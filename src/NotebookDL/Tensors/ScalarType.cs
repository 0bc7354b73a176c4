namespace NotebookDL;

/// <summary>Element types a tensor can hold. Bool tensors come from comparisons and masks.</summary>
public enum ScalarType
{
    Float32,
    Int64,
    Bool,
}

public static partial class torch
{
    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType @float = ScalarType.Float32;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType @long = ScalarType.Int64;
    public static readonly ScalarType @bool = ScalarType.Bool;

    internal static string TypeName(ScalarType type) => type switch
    {
        ScalarType.Float32 => "torch.float32",
        ScalarType.Int64 => "torch.int64",
        _ => "torch.bool",
    };

    /// <summary>The result type of an arithmetic op, following PyTorch's promotion for the types we support.</summary>
    internal static ScalarType Promote(ScalarType a, ScalarType b)
    {
        if (a == ScalarType.Float32 || b == ScalarType.Float32) return ScalarType.Float32;
        if (a == ScalarType.Int64 || b == ScalarType.Int64) return ScalarType.Int64;
        return ScalarType.Bool;
    }
}
