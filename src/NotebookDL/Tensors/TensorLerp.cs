namespace NotebookDL;

public static partial class torch
{
    /// <summary>Linear interpolation: start + weight·(end − start), elementwise with broadcasting.</summary>
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) => input.lerp(end, weight);

    public partial class Tensor
    {
        /// <summary>this + weight·(end − this); weight 0 gives this, 1 gives end. Differentiable in all three.</summary>
        public Tensor lerp(Tensor end, Tensor weight) => this + weight * (end - this);

        /// <summary>this + weight·(end − this) for a scalar weight.</summary>
        public Tensor lerp(Tensor end, double weight) => this + (end - this) * weight;

        /// <summary>In place: moves this a fraction weight of the way to end (an exponential moving average's update).</summary>
        public Tensor lerp_(Tensor end, Tensor weight) => Update("lerp_", lerp(end, weight));

        public Tensor lerp_(Tensor end, double weight) => Update("lerp_", lerp(end, weight));
    }
}
