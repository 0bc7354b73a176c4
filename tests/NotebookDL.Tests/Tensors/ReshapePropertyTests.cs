using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>
/// Random strided views (permute + stepped slices + unsqueeze) reshaped to random shapes: whether reshape
/// makes a view or a copy, the elements must be those of the contiguous copy, and a view must alias its base.
/// </summary>
public class ReshapePropertyTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reshape_RandomStridedView_SameElementsAsContiguousCopy(int seed)
    {
        var rng = new Random(seed);
        var view = RandomView(rng, out var baseTensor);
        var shape = RandomShape(rng, view.numel());
        var expected = view.contiguous().reshape(shape).data<float>();

        var reshaped = view.reshape(shape);

        Assert.Equal(shape, reshaped.shape);
        Assert.Equal(expected, reshaped.data<float>());
        if (reshaped.numel() > 0 && ReferenceEquals(reshaped.Storage, baseTensor.Storage))
        {
            // A view: writing through it must land in the base exactly where the strided view points.
            reshaped.fill_(-1);
            Assert.All(view.data<float>(), v => Assert.Equal(-1f, v));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void View_RandomStridedView_ViewOrReshapeHint(int seed)
    {
        var rng = new Random(seed);
        var view = RandomView(rng, out var baseTensor);
        var shape = RandomShape(rng, view.numel());

        Tensor result;
        try
        {
            result = view.view(shape);
        }
        catch (InvalidOperationException error)
        {
            Assert.Contains("reshape", error.Message);
            return;
        }
        Assert.Same(baseTensor.Storage, result.Storage);
        Assert.Equal(view.contiguous().reshape(shape).data<float>(), result.data<float>());
    }

    private static Tensor RandomView(Random rng, out Tensor baseTensor)
    {
        baseTensor = arange(2.0 * 3 * 4 * 5).reshape(2, 3, 4, 5);
        var order = Enumerable.Range(0, 4).Select(i => (long)i).OrderBy(_ => rng.Next()).ToArray();
        var view = baseTensor.permute(order);
        var indices = new List<TensorIndex>();
        foreach (var size in view.shape)
        {
            var start = rng.Next((int)size);
            var step = rng.Next(1, 3);
            indices.Add(rng.Next(3) == 0 ? TensorIndex.Colon : TensorIndex.Slice(start, null, step));
        }
        view = view[indices.ToArray()];
        if (rng.Next(2) == 0) view = view.unsqueeze(rng.Next((int)view.dim() + 1));
        return view;
    }

    /// <summary>A random factorization of <paramref name="numel"/> into 1–4 dims, with the odd size-1 dim.</summary>
    private static long[] RandomShape(Random rng, long numel)
    {
        var dims = new List<long>();
        var rest = numel;
        var count = rng.Next(1, 5);
        for (int i = 0; i < count - 1 && rest > 1; i++)
        {
            var divisors = Enumerable.Range(1, (int)rest).Where(d => rest % d == 0).ToArray();
            var d = divisors[rng.Next(divisors.Length)];
            dims.Add(d);
            rest /= d;
        }
        dims.Add(rest);
        if (rng.Next(3) == 0) dims.Insert(rng.Next(dims.Count + 1), 1);
        return dims.ToArray();
    }
}
