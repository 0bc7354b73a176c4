namespace NotebookDL;

public static partial class torch
{
    /// <summary>One entry of an index expression: x[.., 0], x[TensorIndex.Slice(0, 5)], x[mask] (TorchSharp's spelling).</summary>
    public readonly struct TensorIndex
    {
        internal enum Kind { Single, Slice, Ellipsis, None, Tensor }

        internal Kind Type { get; private init; }
        internal long Index { get; private init; }
        internal long? Start { get; private init; }
        internal long? Stop { get; private init; }
        internal long Step { get; private init; }
        internal Tensor? Selector { get; private init; }

        public static TensorIndex Single(long index) => new() { Type = Kind.Single, Index = index };

        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null)
        {
            if (step is <= 0) throw new ArgumentException($"Slice: step must be positive (got {step}); negative steps are not supported, use torch.flip.");
            return new() { Type = Kind.Slice, Start = start, Stop = stop, Step = step ?? 1 };
        }

        public static TensorIndex Slice(Range range) => Slice(
            range.Start.IsFromEnd ? -range.Start.Value : range.Start.Value,
            range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value);

        public static TensorIndex Tensor(Tensor selector) => new() { Type = Kind.Tensor, Selector = selector };

        public static readonly TensorIndex Ellipsis = new() { Type = Kind.Ellipsis };
        public static readonly TensorIndex None = new() { Type = Kind.None };
        public static readonly TensorIndex Colon = Slice();

        public static implicit operator TensorIndex(long index) => Single(index);
        public static implicit operator TensorIndex(Range range) => Slice(range);
        public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);
        public static implicit operator TensorIndex(Tensor selector) => Tensor(selector);
        public static implicit operator TensorIndex((int? start, int? end) range) => Slice(range.start, range.end);
    }
}
