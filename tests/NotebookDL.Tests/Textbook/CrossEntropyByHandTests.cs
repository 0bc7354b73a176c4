using NotebookDL;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Textbook;

/// <summary>The loss chapter's example: classes (cat, dog, fish), the true class is dog.</summary>
public class CrossEntropyByHandTests
{
    [Theory]
    [InlineData(new float[] { 0.2f, 0.3f, 0.5f }, 1.20)]
    [InlineData(new float[] { 0.3f, 0.5f, 0.2f }, 0.69)]
    public void CrossEntropy_PredictedProbabilities_MatchesBook(float[] probabilities, double expected)
    {
        var oneHotDog = tensor(new float[] { 0, 1, 0 });
        var byFormula = -(oneHotDog * tensor(probabilities).log()).sum();
        var byNllLoss = nn.functional.nll_loss(tensor(probabilities, [1, 3]).log(), tensor(new long[] { 1 }));

        Assert.Equal(expected, byFormula.item<float>(), 0.005);
        Assert.Equal(byFormula.item<float>(), byNllLoss.item<float>(), 1e-6);
    }
}
