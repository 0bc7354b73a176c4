using static NotebookDL.torch;

namespace NotebookDL.Tests.NN;

public class ForwardHookTests
{
    [Fact]
    public void RegisterForwardHook_SeesInputAndOutputUntilRemoved()
    {
        var layer = nn.Linear(3, 2);
        var seen = new List<long[]>();
        var handle = layer.register_forward_hook((module, input, output) =>
        {
            Assert.Same(layer, module);
            seen.Add([.. input.shape, .. output.shape]);
            return null;
        });

        layer.call(ones(4, 3));
        handle.remove();
        layer.call(ones(5, 3));

        Assert.Equal([[4L, 3, 4, 2]], seen);
    }

    [Fact]
    public void Hooks_ReturningAValue_ReplaceTheInputOrTheOutput()
    {
        var relu = nn.ReLU();
        relu.register_forward_pre_hook((_, input) => -input);
        relu.register_forward_hook((_, _, output) => output * 10);

        var y = relu.call(tensor(new float[] { -1, 2 }));

        Assert.Equal([10f, 0f], y.ToArray<float>());
    }

    [Fact]
    public void Hooks_OnALoss_SeeBothInputs()
    {
        var loss = nn.MSELoss();
        Tensor? seenTarget = null;
        loss.register_forward_hook((_, _, target, _) =>
        {
            seenTarget = target;
            return null;
        });

        var value = loss.call(zeros(2), ones(2));

        Assert.Equal(1f, value.item<float>());
        Assert.Equal([1f, 1f], seenTarget!.ToArray<float>());
    }

    [Fact]
    public void Hooks_OnATupleResult_DefaultMeansLeaveIt()
    {
        var rnn = nn.RNN(2, 3);
        var calls = 0;
        rnn.register_forward_hook((_, _, _, _) =>
        {
            calls++;
            return default;
        });

        var (output, hidden) = rnn.call(ones(4, 1, 2));

        Assert.Equal(1, calls);
        Assert.Equal([4L, 1, 3], output.shape);
        Assert.Equal([1L, 1, 3], hidden.shape);
    }
}
