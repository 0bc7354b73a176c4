namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>Class indices (int64, any shape) → int64 one-hot rows with a trailing dim of num_classes.</summary>
            public static Tensor one_hot(Tensor x, long num_classes = -1)
            {
                if (x.dtype != ScalarType.Int64)
                    throw new ArgumentException($"one_hot: expected int64 class indices but got {x.Describe()}; use .to(torch.int64).");
                var indices = x.contiguous().ToArray<long>();
                var classes = num_classes >= 0 ? num_classes : (indices.Length == 0 ? 0 : indices.Max() + 1);
                var result = TensorMemory.Allocate<long>([.. x.Shape, classes], "one_hot");
                for (int i = 0; i < indices.Length; i++)
                {
                    if (indices[i] < 0 || indices[i] >= classes)
                        throw new ArgumentException($"one_hot: class index {indices[i]} (element {i}) is outside [0, {classes - 1}] for num_classes = {classes}.");
                    result[i * classes + indices[i]] = 1;
                }
                return new Tensor(result, [.. x.Shape, classes]);
            }
        }
    }
}
