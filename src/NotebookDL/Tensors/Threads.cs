namespace NotebookDL;

public static partial class torch
{
    /// <summary>How many threads the compute kernels use (default: one per core), like torch.set_num_threads.</summary>
    public static void set_num_threads(int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), $"set_num_threads: the number of threads must be at least 1, got {num}.");
        Kernels.WorkerPool.NumThreads = num;
    }

    public static int get_num_threads() => Kernels.WorkerPool.NumThreads;
}
