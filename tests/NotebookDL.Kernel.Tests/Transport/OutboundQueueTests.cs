using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Tests.Transport;

public class OutboundQueueTests
{
    private static async Task<List<byte>> Drain(OutboundQueue queue)
    {
        queue.Complete();
        var ids = new List<byte>();
        while (await queue.DequeueAsync(CancellationToken.None) is { } message) ids.Add(message[0]);
        return ids;
    }

    [Fact]
    public async Task TryEnqueue_FullOfOutputs_DropsTheOldestOutputsAndKeepsEveryStatus()
    {
        var queue = new OutboundQueue(highWaterMark: 4, maxBytes: 1 << 20);

        for (byte i = 0; i < 10; i++) Assert.True(queue.TryEnqueue([i], droppable: true));
        Assert.True(queue.TryEnqueue([100], droppable: false));   // the error
        Assert.True(queue.TryEnqueue([101], droppable: false));   // the idle status

        Assert.Equal(8, queue.TakeDropped());
        Assert.Equal([8, 9, 100, 101], await Drain(queue));
    }

    [Fact]
    public void TryEnqueue_NothingDroppableLeft_RefusesPastTwiceTheMark()
    {
        var queue = new OutboundQueue(highWaterMark: 3, maxBytes: 1 << 20);

        var accepted = Enumerable.Range(0, 10).Count(i => queue.TryEnqueue([(byte)i], droppable: false));

        Assert.Equal(6, accepted);
        Assert.Equal(4, queue.TakeDropped());
        Assert.Equal(0, queue.TakeDropped());
    }

    [Fact]
    public void TryEnqueue_OverTheByteBound_DropsOutputsByOctetsToo()
    {
        var queue = new OutboundQueue(highWaterMark: 1000, maxBytes: 100);

        for (int i = 0; i < 5; i++) queue.TryEnqueue(new byte[40], droppable: true);

        Assert.Equal(2, queue.Count);
        Assert.Equal(3, queue.TakeDropped());
    }
}
