using static NotebookDL.torch;

namespace NotebookDL.Modules;

/// <summary>Input checks shared by the image layers (Conv2d and the pools), so their errors name the layer and a likely fix.</summary>
internal static class SpatialInput
{
    /// <summary>Requires a float [N, C, H, W] or unbatched [C, H, W] input, with <paramref name="channels"/> channels when given.</summary>
    public static void Check(Tensor input, string layer, long? channels = null)
    {
        var c = channels?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "C";
        var rank = input.Shape.Length;
        var channelDim = rank == 4 ? 1 : 0;
        var rankOk = rank is 3 or 4;
        if (rankOk && (channels is null || input.Shape[channelDim] == channels))
        {
            if (!input.IsFloat)
                throw new ArgumentException($"{layer} expects a floating point input but got {TypeName(input.dtype)}; convert it with .to(torch.float32).");
            return;
        }
        var hint =
            rank == 3 && channels == 1 ? " — add the channel dimension with x.unsqueeze(1)?"
            : rank == 4 && input.Shape[3] == channels ? " — channels-last? reorder with x.permute(0, 3, 1, 2)."
            : rank == 2 ? " — flat rows? reshape them to images with x.view(-1, C, H, W)."
            : rankOk ? $": dim {channelDim} holds {input.Shape[channelDim]} channels, not {c}."
            : ".";
        throw new ArgumentException($"{layer} expects input [N, {c}, H, W] (or unbatched [{c}, H, W]) but got {Shapes.Format(input.Shape)}{hint}");
    }

    /// <summary>[k] prints as k and [kH, kW] as (kH, kW), as PyTorch prints the int or tuple it was given.</summary>
    public static string Repr(long[] values) => values.Length == 1 ? values[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"({string.Join(", ", values)})";

    /// <summary>Validates a [v] or [vH, vW] size list at construction time.</summary>
    public static long[] Sizes(long[] values, string layer, string what, long min)
    {
        ArgumentNullException.ThrowIfNull(values, what);
        if (values.Length is not (1 or 2))
            throw new ArgumentException($"{layer}: {what} must have 1 or 2 values, got {Shapes.Format(values)}.");
        if (values.Any(v => v < min))
            throw new ArgumentException($"{layer}: {what} must be {(min == 0 ? "non-negative" : "positive")}, got {Shapes.Format(values)}.");
        return (long[])values.Clone();
    }
}
