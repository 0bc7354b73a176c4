using NotebookDL.Kernels;
using NotebookDL.Ops;

namespace NotebookDL;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A 0-dim tensor for a Python-style scalar operand: integers keep integer tensors integral.</summary>
        internal Tensor ScalarLike(double value, bool integral)
        {
            if (integral && dtype != ScalarType.Float32) return new Tensor([(long)value], []);
            return new Tensor([(float)value], []);
        }

        public Tensor add(Tensor other) => AddFunction.Apply(this, other);
        public Tensor add(Tensor other, double alpha) => alpha == 1 ? add(other) : add(other * alpha);
        public Tensor add(double scalar) => add(ScalarLike(scalar, false));
        public Tensor add(long scalar) => add(ScalarLike(scalar, true));
        public Tensor sub(Tensor other) => SubFunction.Apply(this, other);
        public Tensor sub(double scalar) => sub(ScalarLike(scalar, false));
        public Tensor sub(long scalar) => sub(ScalarLike(scalar, true));
        public Tensor mul(Tensor other) => MulFunction.Apply(this, other);
        public Tensor mul(double scalar) => mul(ScalarLike(scalar, false));
        public Tensor mul(long scalar) => mul(ScalarLike(scalar, true));
        public Tensor div(Tensor other) => DivFunction.Apply(this, other);
        public Tensor div(double scalar) => div(ScalarLike(scalar, false));
        public Tensor neg() => NegFunction.Apply(this);
        public Tensor negative() => neg();
        public Tensor maximum(Tensor other) => ExtremumFunction.Apply(this, other, isMax: true);
        public Tensor minimum(Tensor other) => ExtremumFunction.Apply(this, other, isMax: false);

        public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
        public static Tensor operator +(Tensor a, double b) => a.add(b);
        public static Tensor operator +(double a, Tensor b) => b.add(a);
        public static Tensor operator +(Tensor a, long b) => a.add(b);
        public static Tensor operator +(long a, Tensor b) => b.add(a);
        public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
        public static Tensor operator -(Tensor a, double b) => a.sub(b);
        public static Tensor operator -(double a, Tensor b) => b.ScalarLike(a, false).sub(b);
        public static Tensor operator -(Tensor a, long b) => a.sub(b);
        public static Tensor operator -(long a, Tensor b) => b.ScalarLike(a, true).sub(b);
        public static Tensor operator -(Tensor a) => a.neg();
        public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
        public static Tensor operator *(Tensor a, double b) => a.mul(b);
        public static Tensor operator *(double a, Tensor b) => b.mul(a);
        public static Tensor operator *(Tensor a, long b) => a.mul(b);
        public static Tensor operator *(long a, Tensor b) => b.mul(a);
        public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
        public static Tensor operator /(Tensor a, double b) => a.div(b);
        public static Tensor operator /(double a, Tensor b) => b.ScalarLike(a, false).div(b);

        public Tensor eq(Tensor other) => Elementwise.Binary<EqOp>(this, other, "eq", ScalarType.Bool);
        public Tensor ne(Tensor other) => Elementwise.Binary<NeOp>(this, other, "ne", ScalarType.Bool);
        public Tensor lt(Tensor other) => Elementwise.Binary<LtOp>(this, other, "lt", ScalarType.Bool);
        public Tensor le(Tensor other) => Elementwise.Binary<LeOp>(this, other, "le", ScalarType.Bool);
        public Tensor gt(Tensor other) => Elementwise.Binary<GtOp>(this, other, "gt", ScalarType.Bool);
        public Tensor ge(Tensor other) => Elementwise.Binary<GeOp>(this, other, "ge", ScalarType.Bool);
        public Tensor eq(double other) => eq(ScalarLike(other, false));
        public Tensor ne(double other) => ne(ScalarLike(other, false));
        public Tensor lt(double other) => lt(ScalarLike(other, false));
        public Tensor le(double other) => le(ScalarLike(other, false));
        public Tensor gt(double other) => gt(ScalarLike(other, false));
        public Tensor ge(double other) => ge(ScalarLike(other, false));

        public static Tensor operator ==(Tensor a, Tensor b) => a.eq(b);
        public static Tensor operator !=(Tensor a, Tensor b) => a.ne(b);
        public static Tensor operator ==(Tensor a, double b) => a.eq(b);
        public static Tensor operator !=(Tensor a, double b) => a.ne(b);
        public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
        public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
        public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
        public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
        public static Tensor operator <(Tensor a, double b) => a.lt(b);
        public static Tensor operator >(Tensor a, double b) => a.gt(b);
        public static Tensor operator <=(Tensor a, double b) => a.le(b);
        public static Tensor operator >=(Tensor a, double b) => a.ge(b);

        /// <summary>Tensors compare by identity in collections; == on tensors is elementwise, as in TorchSharp.</summary>
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

        /// <summary>True when every element of both tensors matches within rtol·|other| + atol.</summary>
        public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08)
        {
            var a = to(ScalarType.Float32).contiguous().ToArray<float>();
            var b = other.to(ScalarType.Float32).expand(Shape).contiguous().ToArray<float>();
            for (int i = 0; i < a.Length; i++)
                if (!(Math.Abs(a[i] - b[i]) <= atol + rtol * Math.Abs(b[i]))) return false;
            return true;
        }

        public bool Equals(Tensor other) => Shapes.SameShape(Shape, other.Shape) && eq(other).all().item<bool>();

        public Tensor all() => (to(ScalarType.Bool).to(ScalarType.Int64).sum() == (double)Count).to(ScalarType.Bool);

        public Tensor any() => (to(ScalarType.Bool).to(ScalarType.Int64).sum() > 0.0).to(ScalarType.Bool);

        /// <summary>True where every element along <paramref name="dim"/> is non-zero.</summary>
        public Tensor all(long dim, bool keepdim = false) =>
            (to(ScalarType.Bool).to(ScalarType.Int64).sum(dim, keepdim) == (double)size(dim)).to(ScalarType.Bool);

        /// <summary>True where any element along <paramref name="dim"/> is non-zero.</summary>
        public Tensor any(long dim, bool keepdim = false) =>
            (to(ScalarType.Bool).to(ScalarType.Int64).sum(dim, keepdim) > 0.0).to(ScalarType.Bool);
    }
}
