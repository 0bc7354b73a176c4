// The natives load once per process and both engines use global state (seeds, thread counts), so tests run in sequence.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
