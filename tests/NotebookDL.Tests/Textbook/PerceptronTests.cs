using NotebookDL;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Textbook;

/// <summary>
/// The perceptron chapter: one linear threshold unit separates AND, OR and NAND but no line separates
/// XOR; one hidden layer fixes that.
/// </summary>
[Collection(NotebookDL.Tests.NN.SeededCollection.Name)]
public class PerceptronTests
{
    private static readonly Tensor Inputs = tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, [4, 2]);

    public static TheoryData<string, float[], bool> Gates => new()
    {
        { "AND", [0, 0, 0, 1], true },
        { "OR", [0, 1, 1, 1], true },
        { "NAND", [1, 1, 1, 0], true },
        { "XOR", [0, 1, 1, 0], false },
    };

    /// <summary>Rosenblatt's rule: w += lr·(target − step(w·x + b))·x, one sample at a time.</summary>
    private static float TrainPerceptron(float[] targets, int epochs = 100)
    {
        var w = zeros(2);
        var b = 0f;
        const float lr = 0.1f;
        for (int epoch = 0; epoch < epochs; epoch++)
            for (int i = 0; i < 4; i++)
            {
                var x = Inputs[i];
                var predicted = nn.functional.step((w * x).sum() + b).item<float>();
                var error = targets[i] - predicted;
                w = w + x * (lr * error);
                b += lr * error;
            }
        var outputs = nn.functional.step(Inputs.matmul(w) + b);
        return (outputs == tensor(targets)).to(ScalarType.Float32).mean().item<float>();
    }

    [Theory]
    [MemberData(nameof(Gates))]
    public void PerceptronRule_LogicGate_LearnsOnlyLinearlySeparableGates(string gate, float[] targets, bool separable)
    {
        var accuracy = TrainPerceptron(targets);

        if (separable) Assert.True(accuracy == 1f, $"{gate}: a perceptron should learn it, accuracy {accuracy}");
        else Assert.True(accuracy <= 0.75f, $"{gate}: no single line separates it, yet accuracy is {accuracy}");
    }

    [Fact]
    public void TwoLayerMlp_Xor_LearnsAllFourCases()
    {
        manual_seed(3);
        var model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid());
        var optimizer = optim.Adam(model.parameters(), lr: 0.05);
        var loss = nn.BCELoss();
        var y = tensor(new float[] { 0, 1, 1, 0 }, [4, 1]);
        for (int epoch = 0; epoch < 500; epoch++)
        {
            optimizer.zero_grad();
            loss.call(model.call(Inputs), y).backward();
            optimizer.step();
        }

        using var _ = no_grad();
        var predicted = (model.call(Inputs) > 0.5).to(ScalarType.Float32);
        Assert.Equal(new float[] { 0, 1, 1, 0 }, predicted.reshape(-1).data<float>());
    }
}
