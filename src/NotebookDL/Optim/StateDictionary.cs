namespace NotebookDL;

public static partial class torch
{
    public static partial class optim
    {
        public abstract partial class Optimizer
        {
            /// <summary>
            /// An optimizer's state as flat, serializable maps (what a safetensors checkpoint stores):
            /// <list type="bullet">
            /// <item><see cref="State"/>: "state.{i}.{buffer}" → float32 tensor shaped like parameter i, and
            /// "state.{i}.step" → 0-d float32 tensor (as PyTorch 1.13 keeps it). i counts parameters across
            /// groups in order; parameters that were never stepped have no entries.</item>
            /// <item><see cref="Options"/>: "param_groups.{g}.{name}" → hyper-parameter by PyTorch name
            /// (lr, initial_lr, momentum, beta1, ...; booleans as 0/1), plus "param_groups.{g}.num_params".</item>
            /// </list>
            /// The tensors are copies: later steps do not change a dictionary already taken.
            /// </summary>
            public sealed class StateDictionary
            {
                public Dictionary<string, Tensor> State { get; } = new(StringComparer.Ordinal);

                public Dictionary<string, double> Options { get; } = new(StringComparer.Ordinal);
            }
        }
    }
}
