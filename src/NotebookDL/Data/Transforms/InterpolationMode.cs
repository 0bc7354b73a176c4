namespace NotebookDL;

public static partial class torch
{
    /// <summary>How resampling transforms (rotation, affine) read between pixels; TorchSharp's enum and values.</summary>
    public enum InterpolationMode
    {
        Nearest = 0,
        Linear = 1,
        Bilinear = 2,
        Bicubic = 3,
        Trilinear = 4,
        Area = 5,
        NearestExact = 6,
    }
}
