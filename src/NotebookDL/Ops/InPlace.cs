using System.Numerics.Tensors;
using static NotebookDL.torch;

namespace NotebookDL.Ops;

internal static class InPlace
{
    /// <summary>target += addend, for gradient accumulation into a leaf's private .grad.</summary>
    public static void AddInto(Tensor target, Tensor addend)
    {
        if (!target.is_contiguous())
        {
            target.CopyFrom(target + addend, "grad accumulation");
            return;
        }
        var t = target.FloatSpan();
        TensorPrimitives.Add(t, addend.expand(target.Shape).contiguous().FloatSpan(), t);
    }
}
