namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>Mean squared error (input − target)², reduced.</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                CheckSameShapeFloat(input, target, "mse_loss");
                return Reduce((input - target).square(), reduction);
            }

            /// <summary>Mean absolute error |input − target|, reduced; less sensitive to outliers than MSE.</summary>
            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                CheckSameShapeFloat(input, target, "l1_loss");
                return Reduce((input - target).abs(), reduction);
            }

            /// <summary>
            /// Elementwise losses need input and target of one shape. PyTorch would broadcast [N, 1] against [N] into
            /// [N, N] with only a warning, silently comparing every prediction with every target, so this refuses.
            /// </summary>
            internal static void CheckSameShapeFloat(Tensor input, Tensor target, string op)
            {
                if (!input.IsFloat)
                    throw new ArgumentException($"{op}: input must be floating point, got {TypeName(input.dtype)} with shape {Shapes.Format(input.Shape)}.");
                if (!target.IsFloat)
                    throw new ArgumentException(
                        $"{op}: target must be floating point (same dtype as the input), got {TypeName(target.dtype)} with shape {Shapes.Format(target.Shape)}; " +
                        "convert it with target.to(torch.float32).");
                if (Shapes.SameShape(input.Shape, target.Shape)) return;
                var hint = input.Shape.Length == target.Shape.Length + 1 && input.Shape[^1] == 1 ? " Use input.squeeze(-1) or target.unsqueeze(-1)."
                    : target.Shape.Length == input.Shape.Length + 1 && target.Shape[^1] == 1 ? " Use target.squeeze(-1) or input.unsqueeze(-1)."
                    : "";
                throw new ArgumentException(
                    $"{op}: target shape {Shapes.Format(target.Shape)} must match input shape {Shapes.Format(input.Shape)}; " +
                    $"broadcasting them would compare every prediction with every target.{hint}");
            }
        }
    }
}
