using static NotebookDL.torch;

namespace NotebookDL.Display.Tests;

/// <summary>Deterministic stand-ins for CIFAR-10 and MNIST samples (no downloads in tests): smooth colour fields and strokes.</summary>
internal static class SyntheticImages
{
    /// <summary>[n, 3, 32, 32] in [0, 1]: each image a different blend of sky, ground and a blob.</summary>
    public static Tensor Cifar(int n)
    {
        var data = new float[n * 3 * 32 * 32];
        for (int i = 0; i < n; i++)
            for (int y = 0; y < 32; y++)
                for (int x = 0; x < 32; x++)
                {
                    var (cx, cy) = (8 + (i * 7) % 16, 10 + (i * 5) % 12);
                    var blob = Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (18.0 + i % 5 * 6));
                    var sky = y < 14 + i % 6 ? 1.0 : 0.0;
                    double[] rgb =
                    [
                        0.25 + 0.5 * blob * ((i % 3) == 0 ? 1 : 0.3) + 0.2 * (1 - sky) * (i % 4) / 3.0,
                        0.3 + 0.35 * sky + 0.3 * blob * ((i % 3) == 1 ? 1 : 0.2),
                        0.35 + 0.45 * sky * (1 - y / 40.0) + 0.5 * blob * ((i % 3) == 2 ? 1 : 0.1),
                    ];
                    for (int c = 0; c < 3; c++) data[((i * 3 + c) * 32 + y) * 32 + x] = (float)Math.Clamp(rgb[c], 0, 1);
                }
        return tensor(data, [n, 3, 32, 32]);
    }

    /// <summary>[n, 1, 28, 28] in [0, 1]: a thick ring or bar per image, like a written 0 or 1.</summary>
    public static Tensor Mnist(int n)
    {
        var data = new float[n * 28 * 28];
        for (int i = 0; i < n; i++)
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++)
                {
                    var (dx, dy) = ((x - 14) / 6.0, (y - 14) / 9.0);
                    var r = Math.Sqrt(dx * dx + dy * dy);
                    var v = i % 2 == 0 ? Math.Exp(-Math.Pow((r - 1) * 4, 2)) : Math.Exp(-Math.Pow((x - 14 - (y - 14) * 0.2) / 2.0, 2)) * (Math.Abs(y - 14) < 10 ? 1 : 0);
                    data[(i * 28 + y) * 28 + x] = (float)v;
                }
        return tensor(data, [n, 1, 28, 28]);
    }
}
