using static NotebookDL.torch;

namespace NotebookDL.Tests.Autograd;

/// <summary>
/// Seeded leaf tensors for gradcheck. Non-smooth ops (relu, abs, clamp, max, ...) get values that stay
/// well clear of their kinks and of each other, so the finite difference never straddles one.
/// </summary>
internal static class GradInputs
{
    public static Tensor Randn(int seed, params long[] shape) => randn(shape, generator: new Generator(seed)).requires_grad_();

    /// <summary>Uniform in [0.5, 1.5): safe for log, sqrt, division and fractional powers.</summary>
    public static Tensor Positive(int seed, params long[] shape) => Leaf(rand(shape, generator: new Generator(seed)) + 0.5);

    /// <summary>
    /// Values 0.05 + 0.1·k (k distinct, centred on 0) in random order: pairwise at least 0.1 apart and at least
    /// 0.05 from any multiple of 0.1, so 0, ±0.5, ... are never within a finite-difference step.
    /// </summary>
    public static Tensor Distinct(int seed, params long[] shape) => Leaf(DistinctValues(seed, shape));

    /// <summary><see cref="Distinct"/> shifted by 0.025, so it never ties with another Distinct tensor.</summary>
    public static Tensor DistinctShifted(int seed, params long[] shape) => Leaf(DistinctValues(seed, shape) + 0.025);

    public static Tensor Leaf(Tensor t) => t.detach().contiguous().requires_grad_();

    private static Tensor DistinctValues(int seed, long[] shape)
    {
        var n = Shapes(shape);
        var perm = randperm(n, new Generator(seed)).to(float32);
        return (perm * 0.1 - n * 0.05 + 0.05).reshape(shape);
    }

    private static long Shapes(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);
}
