namespace NotebookDL;

public static partial class torch
{
    /// <summary>Linear interpolation: start + weight·(end − start), elementwise with broadcasting.</summary>
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) => input.lerp(end, weight);

    public partial class Tensor
    {
        /// <summary>
        /// this + weight·(end − this), computed as PyTorch does: from the nearer end (end − (end − this)·(1 − weight) once
        /// weight ≥ ½), so weight 0 gives exactly this and 1 exactly end. Differentiable in all three.
        /// </summary>
        public Tensor lerp(Tensor end, Tensor weight) =>
            where(weight.abs() < 0.5, this + weight * (end - this), end - (end - this) * (1 - weight));

        /// <summary>The same for a scalar weight.</summary>
        public Tensor lerp(Tensor end, double weight) =>
            Math.Abs(weight) < 0.5 ? this + (end - this) * weight : end - (end - this) * (1 - weight);

        /// <summary>In place: moves this a fraction weight of the way to end (an exponential moving average's update).</summary>
        public Tensor lerp_(Tensor end, Tensor weight) => Update("lerp_", lerp(end, weight));

        public Tensor lerp_(Tensor end, double weight) => Update("lerp_", lerp(end, weight));
    }
}
