using NotebookDL.Tests.Fixtures;
using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>
/// Every layers.json case: PyTorch's state_dict loaded into the NotebookDL layer, forward in the recorded mode,
/// backward with PyTorch's grad_output; output, input gradient, parameter gradients and (BatchNorm) the
/// state_dict afterwards must match.
/// </summary>
public class LayerGoldenTests
{
    private const string File = "layers.json";

    public static TheoryData<string> CaseNames() => new(GoldenFixtures.Cases(File).Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ForwardBackward_PyTorchCase_MatchesFixture(string name)
    {
        var c = GoldenFixtures.Case(File, name);
        var module = LayerFactory.Create(c.GetProperty("layer").GetString()!, c.GetProperty("config"));
        module.load_state_dict(GoldenFixtures.ToStateDict(c.GetProperty("state_dict")));
        module.train(c.GetProperty("mode").GetString() == "train");
        var input = GoldenFixtures.ToTensor(c.GetProperty("input"), requiresGrad: true);

        var output = module.call(input);
        output.backward(GoldenFixtures.ToTensor(c.GetProperty("grad_output")));

        GoldenFixtures.AssertClose(c.GetProperty("output"), output, $"{name} output");
        GoldenFixtures.AssertClose(c.GetProperty("grad_input"), input.grad, $"{name} grad_input");
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var expectedGrads = c.GetProperty("grads").EnumerateObject().ToList();
        Assert.Equal(expectedGrads.Select(g => g.Name).Order(), parameters.Keys.Order());
        foreach (var g in expectedGrads)
            GoldenFixtures.AssertClose(g.Value, parameters[g.Name].grad, $"{name} grad of {g.Name}");
        if (c.TryGetProperty("state_dict_after", out var after))
        {
            var state = module.state_dict();
            foreach (var entry in after.EnumerateObject())
            {
                GoldenFixtures.AssertClose(entry.Value, state[entry.Name], $"{name} {entry.Name} after forward");
                Assert.Equal(GoldenFixtures.IsInt64(entry.Value), state[entry.Name].dtype == ScalarType.Int64);
            }
        }
    }
}
