namespace NotebookDL;

public static partial class torch
{
    // fill returns double so int64 values up to 2^53 survive (a float would round anything past 2^24).
    private static Tensor Make(long[] size, ScalarType? dtype, Device? device, bool requires_grad, string op, Func<int, double>? fill = null)
    {
        CheckDeviceAvailable(device ?? CPU);
        foreach (var s in size)
            if (s < 0) throw new ArgumentException($"{op}: negative dimension {s} in size {Shapes.Format(size)}; sizes must be >= 0.");
        var type = dtype ?? ScalarType.Float32;
        Tensor t;
        if (type == ScalarType.Int64)
        {
            var data = TensorMemory.Allocate<long>(size, op);
            var count = data.Length;
            if (fill is not null) for (int i = 0; i < count; i++) data[i] = (long)fill(i);
            t = new Tensor(data, (long[])size.Clone());
        }
        else
        {
            var data = TensorMemory.Allocate<float>(size, op);
            var count = data.Length;
            if (fill is not null) for (int i = 0; i < count; i++) data[i] = (float)fill(i);
            if (type == ScalarType.Bool) for (int i = 0; i < count; i++) data[i] = data[i] != 0 ? 1 : 0;
            t = new Tensor(data, (long[])size.Clone(), type);
        }
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Make(size, dtype, device, requires_grad, "zeros");
    public static Tensor zeros(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1, d2, d3], dtype, device, requires_grad);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Make(size, dtype, device, requires_grad, "ones", _ => 1);
    public static Tensor ones(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1, d2, d3], dtype, device, requires_grad);

    /// <summary>Uninitialized in PyTorch; zero-filled here because managed arrays always are.</summary>
    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Make(size, dtype, device, requires_grad, "empty");
    public static Tensor empty(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => empty([d0, d1], dtype, device, requires_grad);

    public static Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(size, dtype, device, requires_grad, "full", _ => value);
    public static Tensor full(long d0, long d1, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full([d0, d1], value, dtype, device, requires_grad);

    public static Tensor eye(long n, long m = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var cols = m < 0 ? n : m;
        return Make([n, cols], dtype, device, requires_grad, "eye", i => i / cols == i % cols ? 1 : 0);
    }

    /// <summary>Evenly spaced values in [start, stop); integer arguments give int64, as in PyTorch.</summary>
    public static Tensor arange(long stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0, stop, 1, dtype ?? ScalarType.Int64, device, requires_grad);
    public static Tensor arange(long start, long stop, long step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange((double)start, stop, step, dtype ?? ScalarType.Int64, device, requires_grad);
    public static Tensor arange(double stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0.0, stop, 1.0, dtype, device, requires_grad);

    public static Tensor arange(double start, double stop, double step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (step == 0) throw new ArgumentException("arange: step must be nonzero.");
        if ((stop - start) / step < 0) throw new ArgumentException($"arange: upper bound and lower bound are inconsistent with the step sign (start {start}, end {stop}, step {step}).");
        var steps = Math.Ceiling((stop - start) / step);
        if (!(steps <= Array.MaxLength))
            throw new ArgumentException($"arange: [{start}, {stop}) in steps of {step} gives {steps:G6} values, more than the managed engine's limit of {Array.MaxLength:N0} elements; use a larger step or a smaller range.");
        var count = (long)steps;
        return Make([count], dtype ?? ScalarType.Float32, device, requires_grad, "arange", i => start + i * step);
    }

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (steps < 0) throw new ArgumentException($"linspace: number of steps must be non-negative, got {steps}.");
        var step = steps > 1 ? (end - start) / (steps - 1) : 0;
        // PyTorch fills the second half from the end so the last value is exactly `end`.
        return Make([steps], dtype, device, requires_grad, "linspace", i => steps == 1 ? start : i < steps / 2 ? start + i * step : end - (steps - 1 - i) * step);
    }

    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var g = generator ?? Generator.Default;
        return Make(size, dtype, device, requires_grad, "rand", _ => g.NextFloat());
    }

    public static Tensor rand(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([d0], dtype, device, requires_grad, generator);
    public static Tensor rand(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([d0, d1], dtype, device, requires_grad, generator);
    public static Tensor rand(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([d0, d1, d2], dtype, device, requires_grad, generator);
    public static Tensor rand(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([d0, d1, d2, d3], dtype, device, requires_grad, generator);

    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var g = generator ?? Generator.Default;
        return Make(size, dtype, device, requires_grad, "randn", _ => (float)g.NextNormal());
    }

    public static Tensor randn(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([d0], dtype, device, requires_grad, generator);
    public static Tensor randn(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([d0, d1], dtype, device, requires_grad, generator);
    public static Tensor randn(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([d0, d1, d2], dtype, device, requires_grad, generator);
    public static Tensor randn(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([d0, d1, d2, d3], dtype, device, requires_grad, generator);

    /// <summary>Uniform integers in [low, high).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null)
    {
        if (high <= low) throw new ArgumentException($"randint: expected low < high, but got low={low} and high={high}.");
        var g = generator ?? Generator.Default;
        return Make(size, dtype ?? ScalarType.Int64, device, false, "randint", _ => low + g.NextLong(high - low));
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null) => randint(0, high, size, dtype, device, generator);

    /// <summary>A random permutation of 0..n-1 (Fisher–Yates).</summary>
    public static Tensor randperm(long n, Generator? generator = null)
    {
        if (n < 0) throw new ArgumentException($"randperm: n must be >= 0, got {n}.");
        Shapes.CheckedCount([n], "randperm");
        return new Tensor((generator ?? Generator.Default).Stream.Permutation(n), [n]);
    }

    public static Tensor zeros_like(Tensor x, ScalarType? dtype = null, bool requires_grad = false) => zeros(x.Shape, dtype ?? x.dtype, requires_grad: requires_grad);
    public static Tensor ones_like(Tensor x, ScalarType? dtype = null, bool requires_grad = false) => ones(x.Shape, dtype ?? x.dtype, requires_grad: requires_grad);
    public static Tensor empty_like(Tensor x, ScalarType? dtype = null, bool requires_grad = false) => empty(x.Shape, dtype ?? x.dtype, requires_grad: requires_grad);
    public static Tensor full_like(Tensor x, double value, ScalarType? dtype = null, bool requires_grad = false) => full(x.Shape, value, dtype ?? x.dtype, requires_grad: requires_grad);
    public static Tensor rand_like(Tensor x, ScalarType? dtype = null, bool requires_grad = false) => rand(x.Shape, dtype ?? x.dtype, requires_grad: requires_grad);
    public static Tensor randn_like(Tensor x, ScalarType? dtype = null, bool requires_grad = false) => randn(x.Shape, dtype ?? x.dtype, requires_grad: requires_grad);
}
