namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss combines its per-element values: keep them (None), average (Mean) or add (Sum).</summary>
        public enum Reduction : long
        {
            None = 0,
            Mean = 1,
            Sum = 2,
        }

        internal static Tensor Reduce(Tensor elementwise, Reduction reduction) => reduction switch
        {
            Reduction.None => elementwise,
            Reduction.Sum => elementwise.sum(),
            Reduction.Mean => elementwise.mean(),
            _ => throw new ArgumentException($"Unknown reduction {reduction}; use nn.Reduction.None, Mean or Sum."),
        };
    }
}
