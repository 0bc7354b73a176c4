using NotebookDL.Kernels;

namespace NotebookDL.Tests.Kernels;

// NumThreads is process-wide, so the tests that change it must not interleave.
[CollectionDefinition(nameof(WorkerPoolTests), DisableParallelization = true)]
public class WorkerPoolTestsCollection;

[Collection(nameof(WorkerPoolTests))]
public class WorkerPoolTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(2, 3)]
    [InlineData(2, 1000)]
    [InlineData(4, 37)]
    public void For_AnyCount_RunsEveryIndexExactlyOnce(int threads, int count)
    {
        int[] hits = new int[count];
        WithThreads(threads, () => WorkerPool.For(count, i => Interlocked.Increment(ref hits[i])));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public unsafe void For_StructBody_RunsEveryIndexExactlyOnce(int threads)
    {
        int[] hits = new int[257];
        fixed (int* hitsPointer = hits)
        {
            var body = new CountingBody { Hits = hitsPointer };
            WithThreads(threads, () => WorkerPool.For(hits.Length, body));
        }
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void For_BodyThrows_PropagatesToCaller(int threads)
    {
        var exception = Record.Exception(() => WithThreads(threads, () => WorkerPool.For(64, i =>
        {
            if (i == 41) throw new InvalidOperationException("index 41");
        })));
        Assert.IsType<InvalidOperationException>(exception);
        Assert.Equal("index 41", exception.Message);
    }

    [Fact]
    public void For_AfterFailedRegion_StillRunsNextRegion()
    {
        WithThreads(2, () =>
        {
            Assert.Throws<DivideByZeroException>(() => WorkerPool.For(8, _ => throw new DivideByZeroException()));
            int total = 0;
            WorkerPool.For(100, i => Interlocked.Add(ref total, i));
            Assert.Equal(4950, total);
        });
    }

    [Fact]
    public void For_NestedRegion_CompletesWithoutDeadlock()
    {
        int total = 0;
        WithThreads(2, () => WorkerPool.For(4, _ => WorkerPool.For(10, j => Interlocked.Add(ref total, j))));
        Assert.Equal(4 * 45, total);
    }

    [Fact]
    public void For_ConcurrentCallers_AllComplete()
    {
        long total = 0;
        WithThreads(2, () =>
        {
            var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (int round = 0; round < 200; round++)
                    WorkerPool.For(16, i => Interlocked.Add(ref total, i));
            })).ToArray();
            Assert.True(Task.WaitAll(callers, TimeSpan.FromSeconds(60)));
        });
        Assert.Equal(4L * 200 * 120, total);
    }

    [Fact]
    public void For_OneThread_RunsOnCallingThread()
    {
        int caller = Environment.CurrentManagedThreadId;
        var seen = new List<int>();
        WithThreads(1, () => WorkerPool.For(5, _ => seen.Add(Environment.CurrentManagedThreadId)));
        Assert.Equal(Enumerable.Repeat(caller, 5), seen);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    public void NumThreads_Set_ClampsToAtLeastOne(int requested, int expected)
    {
        WithThreads(requested, () => Assert.Equal(expected, WorkerPool.NumThreads));
    }

    private static void WithThreads(int threads, Action action)
    {
        int saved = WorkerPool.NumThreads;
        try
        {
            WorkerPool.NumThreads = threads;
            action();
        }
        finally
        {
            WorkerPool.NumThreads = saved;
        }
    }

    private unsafe struct CountingBody : IParallelBody
    {
        public int* Hits;

        public readonly void Invoke(int index) => Interlocked.Increment(ref Hits[index]);
    }
}
