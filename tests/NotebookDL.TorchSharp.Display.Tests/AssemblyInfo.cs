// The natives load once per process and TorchSharp's seed is global, so tests run in sequence.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
