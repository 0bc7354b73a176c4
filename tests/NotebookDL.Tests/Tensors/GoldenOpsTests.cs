using static NotebookDL.torch;

namespace NotebookDL.Tests.Tensors;

/// <summary>Every ops.json case: forward output and the VJP with PyTorch's grad_output must match PyTorch 1.13.</summary>
public class GoldenOpsTests
{
    private const double Rtol = 1e-4;
    private const double Atol = 1e-5;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in OpsFixture.Cases.Keys) data.Add(name);
        return data;
    }

    [Fact]
    public void Fixture_Loaded_HasEveryOpFamily()
    {
        var ops = OpsFixture.Cases.Values.Select(c => c.Op).ToHashSet();
        foreach (var op in new[] { "add", "div", "pow", "softmax", "matmul", "sum", "var", "slice", "where", "index_select" })
            Assert.Contains(op, ops);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Op_PyTorchGolden_OutputAndGradsMatch(string name)
    {
        var c = OpsFixture.Cases[name];
        var inputs = c.Inputs.Select((t, i) => t.ToTensor(requiresGrad: c.Grads[i] is not null)).ToArray();

        var (output, indices) = GoldenOps.Apply(c, inputs);

        AssertClose(c.Output, output, $"{name}: output");
        if (c.Indices is { } expectedIndices)
        {
            Assert.NotNull(indices);
            Assert.Equal(torch.int64, indices.dtype);
            Assert.Equal(expectedIndices.Shape, indices.shape);
            Assert.Equal(expectedIndices.Data.Select(v => (long)v).ToArray(), indices.data<long>());
        }

        output.backward(c.GradOutput.ToTensor());
        for (int i = 0; i < inputs.Length; i++)
        {
            if (c.Grads[i] is not { } expected)
            {
                Assert.Null(inputs[i].grad);
                continue;
            }
            Assert.True(inputs[i].grad is not null, $"{name}: input {i} got no gradient");
            AssertClose(expected, inputs[i].grad!, $"{name}: grad of input {i}");
        }
    }

    private static void AssertClose(FixtureTensor expected, Tensor actual, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.Shape)}]");
        var values = actual.to(torch.float32).data<float>();
        for (int i = 0; i < values.Length; i++)
        {
            var e = expected.Data[i];
            Assert.True(Math.Abs(values[i] - e) <= Atol + Rtol * Math.Abs(e),
                $"{what}: element {i} is {values[i]:R}, expected {e:R}");
        }
    }
}
