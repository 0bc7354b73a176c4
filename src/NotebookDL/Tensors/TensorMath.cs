using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor exp() => ExpFunction.Apply(this);
        public Tensor log() => LogFunction.Apply(this);
        public Tensor log10() => log() * (1 / Math.Log(10));
        public Tensor log2() => log() * (1 / Math.Log(2));
        public Tensor log1p() => (this + 1.0).log();
        public Tensor expm1() => exp() - 1.0;
        public Tensor sqrt() => SqrtFunction.Apply(this);
        public Tensor rsqrt() => 1.0 / sqrt();
        public Tensor abs() => AbsFunction.Apply(this);
        public Tensor tanh() => TanhFunction.Apply(this);
        public Tensor relu() => ReluFunction.Apply(this);
        public Tensor square() => pow(2);
        public Tensor reciprocal() => 1.0 / this;
        public Tensor pow(double exponent) => PowFunction.Apply(this, (float)exponent);
        public Tensor pow(Tensor exponent) => PowTensorFunction.Apply(this, exponent);
        public Tensor clamp(double? min = null, double? max = null) => ClampFunction.Apply(this, min, max);
        public Tensor clip(double? min = null, double? max = null) => clamp(min, max);
        public Tensor clamp_min(double min) => clamp(min, null);
        public Tensor clamp_max(double max) => clamp(null, max);

        /// <summary>−1, 0 or +1 by sign; not differentiable (its derivative is 0 almost everywhere).</summary>
        public Tensor sign() => (this > 0.0).to(ScalarType.Float32) - (this < 0.0).to(ScalarType.Float32);

        public Tensor sigmoid() => SigmoidFunction.Apply(this);

        /// <summary>The error function, 2/√π ∫₀ˣ e^(−t²) dt (GELU's Φ(x) = (1 + erf(x/√2))/2).</summary>
        public Tensor erf() => ErfFunction.Apply(this);

        public Tensor softmax(long dim) => nn.functional.softmax(this, dim);
        public Tensor log_softmax(long dim) => nn.functional.log_softmax(this, dim);

        public Tensor matmul(Tensor other) => MatMul.Apply(this, other);
        public Tensor mm(Tensor other) => BmmFunction.Apply(this, other, "mm");
        public Tensor bmm(Tensor other) => BmmFunction.Apply(this, other, "bmm");
        public Tensor dot(Tensor other) => MatMul.Apply(this, other);
    }

    public static Tensor exp(Tensor x) => x.exp();
    public static Tensor log(Tensor x) => x.log();
    public static Tensor log10(Tensor x) => x.log10();
    public static Tensor erf(Tensor x) => x.erf();
    public static Tensor log2(Tensor x) => x.log2();
    public static Tensor log1p(Tensor x) => x.log1p();
    public static Tensor expm1(Tensor x) => x.expm1();
    public static Tensor sqrt(Tensor x) => x.sqrt();
    public static Tensor abs(Tensor x) => x.abs();
    public static Tensor tanh(Tensor x) => x.tanh();
    public static Tensor sigmoid(Tensor x) => x.sigmoid();
    public static Tensor relu(Tensor x) => x.relu();
    public static Tensor neg(Tensor x) => x.neg();
    public static Tensor square(Tensor x) => x.square();
    public static Tensor sign(Tensor x) => x.sign();
    public static Tensor pow(Tensor x, double exponent) => x.pow(exponent);
    public static Tensor pow(Tensor x, Tensor exponent) => x.pow(exponent);
    public static Tensor clamp(Tensor x, double? min = null, double? max = null) => x.clamp(min, max);
    public static Tensor maximum(Tensor a, Tensor b) => a.maximum(b);
    public static Tensor minimum(Tensor a, Tensor b) => a.minimum(b);
    public static Tensor add(Tensor a, Tensor b) => a.add(b);
    public static Tensor sub(Tensor a, Tensor b) => a.sub(b);
    public static Tensor mul(Tensor a, Tensor b) => a.mul(b);
    public static Tensor div(Tensor a, Tensor b) => a.div(b);
    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);
    public static Tensor mm(Tensor a, Tensor b) => a.mm(b);
    public static Tensor bmm(Tensor a, Tensor b) => a.bmm(b);
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => WhereFunction.Apply(condition, x, y);
    public static Tensor where(Tensor condition, Tensor x, double y) => WhereFunction.Apply(condition, x, x.ScalarLike(y, false));
    public static Tensor where(Tensor condition, double x, Tensor y) => WhereFunction.Apply(condition, y.ScalarLike(x, false), y);
    public static Tensor eq(Tensor a, Tensor b) => a.eq(b);
    public static Tensor gt(Tensor a, Tensor b) => a.gt(b);
    public static Tensor lt(Tensor a, Tensor b) => a.lt(b);
    public static bool allclose(Tensor a, Tensor b, double rtol = 1e-05, double atol = 1e-08) => a.allclose(b, rtol, atol);
}
