namespace NotebookDL;

public static partial class torch
{
    private static Tensor FromFloats(float[] data, long[]? dimensions, ScalarType? dtype, Device? device, bool requires_grad)
    {
        CheckDeviceAvailable(device ?? CPU);
        var shape = dimensions ?? [data.Length];
        if (Shapes.Numel(shape) != data.Length)
            throw new ArgumentException($"tensor: {data.Length} values cannot fill shape {Shapes.Format(shape)} ({Shapes.Numel(shape)} elements).");
        var t = new Tensor((float[])data.Clone(), (long[])shape.Clone());
        if (dtype is { } type && type != ScalarType.Float32) t = t.to(type);
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    private static Tensor FromLongs(long[] data, long[]? dimensions, ScalarType? dtype, Device? device, bool requires_grad)
    {
        CheckDeviceAvailable(device ?? CPU);
        var shape = dimensions ?? [data.Length];
        if (Shapes.Numel(shape) != data.Length)
            throw new ArgumentException($"tensor: {data.Length} values cannot fill shape {Shapes.Format(shape)} ({Shapes.Numel(shape)} elements).");
        var t = new Tensor((long[])data.Clone(), (long[])shape.Clone());
        if (dtype is { } type && type != ScalarType.Int64) t = t.to(type);
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    public static Tensor tensor(float[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromFloats(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(double[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromFloats(data.Select(v => (float)v).ToArray(), dimensions, dtype, device, requires_grad);

    public static Tensor tensor(long[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromLongs(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(int[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromLongs(data.Select(v => (long)v).ToArray(), dimensions, dtype, device, requires_grad);

    public static Tensor tensor(bool[] data, long[]? dimensions = null, Device? device = null) =>
        FromFloats(data.Select(v => v ? 1f : 0f).ToArray(), dimensions, ScalarType.Bool, device, false);

    public static Tensor tensor(IList<float> data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromFloats(data.ToArray(), dimensions, dtype, device, requires_grad);

    public static Tensor tensor(float scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromFloats([scalar], [], dtype, device, requires_grad);

    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromFloats([(float)scalar], [], dtype, device, requires_grad);

    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromLongs([scalar], [], dtype, device, requires_grad);

    public static Tensor tensor(float[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => from_array(data, dtype, device, requires_grad);
    public static Tensor tensor(double[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => from_array(data, dtype, device, requires_grad);
    public static Tensor tensor(long[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => from_array(data, dtype, device, requires_grad);
    public static Tensor tensor(int[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => from_array(data, dtype, device, requires_grad);
    public static Tensor tensor(float[,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => from_array(data, dtype, device, requires_grad);
    public static Tensor tensor(float[,,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => from_array(data, dtype, device, requires_grad);

    /// <summary>A tensor with the shape and values of a .NET array of any rank (float, double, int, long, bool, byte).</summary>
    public static Tensor from_array(Array array, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var shape = Enumerable.Range(0, array.Rank).Select(d => (long)array.GetLength(d)).ToArray();
        var element = array.GetType().GetElementType();
        if (element == typeof(long) || element == typeof(int))
        {
            var longs = new long[array.Length];
            var i = 0;
            foreach (var v in array) longs[i++] = Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
            return FromLongs(longs, shape, dtype, device, requires_grad);
        }
        var floats = new float[array.Length];
        var j = 0;
        foreach (var v in array) floats[j++] = v is bool b ? (b ? 1 : 0) : Convert.ToSingle(v, System.Globalization.CultureInfo.InvariantCulture);
        return FromFloats(floats, shape, dtype ?? (element == typeof(bool) ? ScalarType.Bool : null), device, requires_grad);
    }
}
