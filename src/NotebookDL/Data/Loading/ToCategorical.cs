namespace NotebookDL;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>
            /// One-hot encoding of class labels, as Keras' to_categorical (NotebookDL extension): labels of shape S
            /// become a float32 tensor of shape S + [num_classes] with a single 1 per row.
            /// </summary>
            /// <param name="y">Class indices: int64, or float holding whole numbers.</param>
            /// <param name="num_classes">Number of classes; -1 means max(y) + 1.</param>
            /// <example><code>var onehot = torch.utils.data.to_categorical(y_train, 10);   // [n] -> [n, 10]</code></example>
            public static Tensor to_categorical(Tensor y, long num_classes = -1)
            {
                ArgumentNullException.ThrowIfNull(y);
                if (y.dtype == ScalarType.Bool)
                    throw new ArgumentException("to_categorical: labels must be class indices (int64), not a bool tensor; convert with .to(torch.int64).");
                var labels = new long[y.Count];
                for (int i = 0; i < labels.Length; i++)
                {
                    var v = y.ElementAsDouble(i);
                    if (v != Math.Floor(v) || double.IsInfinity(v))
                        throw new ArgumentException($"to_categorical: labels must be whole numbers, but element {i} is {v}.", nameof(y));
                    labels[i] = (long)v;
                }
                var classes = num_classes >= 0 ? num_classes : (labels.Length == 0 ? 0 : labels.Max() + 1);
                if (num_classes < -1 || (num_classes == 0 && labels.Length > 0))
                    throw new ArgumentOutOfRangeException(nameof(num_classes), $"to_categorical: num_classes must be positive or -1 (infer), got {num_classes}.");
                var result = TensorMemory.Allocate<float>([.. y.Shape, classes], "to_categorical");
                for (int i = 0; i < labels.Length; i++)
                {
                    if (labels[i] < 0 || labels[i] >= classes)
                        throw new ArgumentException(
                            $"to_categorical: label {labels[i]} at position {i} is outside 0..{classes - 1} (num_classes = {classes}).", nameof(y));
                    result[i * classes + labels[i]] = 1f;
                }
                return new Tensor(result, [.. y.Shape, classes]);
            }
        }
    }
}
