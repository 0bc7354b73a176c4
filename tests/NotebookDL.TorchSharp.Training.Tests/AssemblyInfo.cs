// The natives load once per process and TorchSharp's seed and live-tensor count are global, so tests run in sequence.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
