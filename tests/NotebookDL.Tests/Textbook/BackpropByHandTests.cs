using NotebookDL;
using static NotebookDL.torch;

namespace NotebookDL.Tests.Textbook;

/// <summary>
/// The textbook's backprop-by-hand example: a 2-2-2 sigmoid network without biases,
/// x = (0.1, 0.2), W1..W8 = 0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6, targets (0.4, 0.6),
/// E = ½Σ(target − output)², one SGD step with learning rate 0.5.
/// </summary>
public class BackpropByHandTests
{
    private const double Tolerance = 1e-6;

    private static (Tensor hidden, Tensor output, Tensor x, Tensor target) Network()
    {
        var hidden = tensor(new float[] { 0.3f, 0.25f, 0.4f, 0.35f }, [2, 2], requires_grad: true); // rows: h1 ← (W1, W2), h2 ← (W3, W4)
        var output = tensor(new float[] { 0.45f, 0.4f, 0.7f, 0.6f }, [2, 2], requires_grad: true); // rows: o1 ← (W5, W6), o2 ← (W7, W8)
        return (hidden, output, tensor(new float[] { 0.1f, 0.2f }), tensor(new float[] { 0.4f, 0.6f }));
    }

    private static (Tensor z, Tensor h, Tensor o, Tensor error) Forward(Tensor hidden, Tensor output, Tensor x, Tensor target)
    {
        var z = hidden.matmul(x);
        var h = z.sigmoid();
        var o = output.matmul(h).sigmoid();
        var error = 0.5 * (target - o).pow(2).sum();
        return (z, h, o, error);
    }

    [Fact]
    public void Forward_WorkedExample_MatchesBookValues()
    {
        var (hidden, output, x, target) = Network();
        var (z, h, o, error) = Forward(hidden, output, x, target);

        Assert.Equal(0.08, z[0].item<float>(), Tolerance);
        Assert.Equal(0.51998934, h[0].item<float>(), Tolerance);
        Assert.Equal(0.60944600, o[0].item<float>(), Tolerance);
        Assert.Equal(0.66384491, o[1].item<float>(), Tolerance);
        Assert.Equal(0.02397190, error.item<float>(), Tolerance);
    }

    [Fact]
    public void SgdStep_WorkedExample_UpdatesWeightsAndLowersError()
    {
        var (hidden, output, x, target) = Network();
        var optimizer = optim.SGD([nn.Parameter(hidden), nn.Parameter(output)], 0.5);
        var parameters = optimizer.parameters().ToArray();

        optimizer.zero_grad();
        Forward(parameters[0], parameters[1], x, target).error.backward();
        optimizer.step();

        double[] expected = [0.29959556, 0.24919112, 0.39964496, 0.34928991, 0.43703857, 0.38685205, 0.69629578, 0.59624247];
        var actual = parameters[0].data<float>().Concat(parameters[1].data<float>()).ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], Tolerance);
        Assert.Equal(0.02323634, Forward(parameters[0], parameters[1], x, target).error.item<float>(), Tolerance);
    }

    [Fact]
    public void ManualUpdate_UnderNoGrad_GivesSameWeightsAsSgd()
    {
        var (hidden, output, x, target) = Network();
        Forward(hidden, output, x, target).error.backward();
        using (no_grad())
        {
            hidden.sub_(hidden.grad! * 0.5);
            output.sub_(output.grad! * 0.5);
        }

        Assert.Equal(0.29959556, hidden[0, 0].item<float>(), Tolerance);
        Assert.Equal(0.59624247, output[1, 1].item<float>(), Tolerance);
    }
}
