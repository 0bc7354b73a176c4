using System.Text.Json;
using NotebookDL.Tests.Fixtures;
using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

/// <summary>Every losses.json case: the loss module's value and input gradient must match PyTorch's.</summary>
public class LossGoldenTests
{
    private const string File = "losses.json";

    public static TheoryData<string> CaseNames() => new(GoldenFixtures.Cases(File).Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ForwardBackward_PyTorchCase_MatchesFixture(string name)
    {
        var c = GoldenFixtures.Case(File, name);
        var loss = Create(c.GetProperty("loss").GetString()!, c.GetProperty("config"));
        var input = GoldenFixtures.ToTensor(c.GetProperty("input"), requiresGrad: true);
        var target = GoldenFixtures.ToTensor(c.GetProperty("target"));

        var output = loss.call(input, target);
        if (c.TryGetProperty("grad_output", out var gradOutput)) output.backward(GoldenFixtures.ToTensor(gradOutput));
        else output.backward();

        GoldenFixtures.AssertClose(c.GetProperty("output"), output, $"{name} output");
        GoldenFixtures.AssertClose(c.GetProperty("grad_input"), input.grad, $"{name} grad_input");
    }

    private static nn.Module<Tensor, Tensor, Tensor> Create(string loss, JsonElement config)
    {
        var reduction = config.GetProperty("reduction").GetString() switch
        {
            "none" => nn.Reduction.None,
            "sum" => nn.Reduction.Sum,
            _ => nn.Reduction.Mean,
        };
        return loss switch
        {
            "MSELoss" => nn.MSELoss(reduction),
            "L1Loss" => nn.L1Loss(reduction),
            "CrossEntropyLoss" => nn.CrossEntropyLoss(reduction: reduction, label_smoothing: config.GetProperty("label_smoothing").GetDouble()),
            "NLLLoss" => nn.NLLLoss(reduction: reduction),
            "BCELoss" => nn.BCELoss(reduction: reduction),
            "BCEWithLogitsLoss" => nn.BCEWithLogitsLoss(reduction: reduction),
            _ => throw new NotSupportedException($"No NotebookDL loss for fixture loss '{loss}'."),
        };
    }
}
