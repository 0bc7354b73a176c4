namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// y = x·Wᵀ + b over the last dim of x. Leading dims are folded into one batch dim so every case is a
            /// single matrix product; Wᵀ stays a transposed view that the GEMM reads without copying.
            /// </summary>
            public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
            {
                if (weights.Shape.Length != 2)
                    throw new ArgumentException($"linear: weight must be 2-D [out_features, in_features], got {Shapes.Format(weights.Shape)}.");
                var inFeatures = weights.Shape[1];
                if (input.Shape.Length == 0 || input.Shape[^1] != inFeatures)
                    throw new ArgumentException(
                        $"linear: input {Shapes.Format(input.Shape)} cannot be multiplied by a weight of shape {Shapes.Format(weights.Shape)}: " +
                        $"the input's last dimension must be {inFeatures}.");
                var output = input.Shape.Length switch
                {
                    1 => input.unsqueeze(0).mm(weights.t()).squeeze(0),
                    2 => input.mm(weights.t()),
                    _ => input.reshape(-1, inFeatures).mm(weights.t()).reshape([.. input.Shape[..^1], weights.Shape[0]]),
                };
                return bias is null ? output : output + bias;
            }
        }
    }
}
