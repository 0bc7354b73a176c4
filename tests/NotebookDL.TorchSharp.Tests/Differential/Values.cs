namespace NotebookDL.TorchSharp.Tests.Differential;

/// <summary>The kind of random values an input gets, so each op sees inputs inside its domain.</summary>
public enum Values
{
    /// <summary>Standard normal.</summary>
    Normal,
    /// <summary>Uniform in [0.5, 2): for log, sqrt, division and powers.</summary>
    Positive,
    /// <summary>Uniform in [0.05, 0.95): probabilities for BCE.</summary>
    Probability,
}

/// <summary>One float32 input of a differential case.</summary>
/// <param name="Shape">The input's shape.</param>
/// <param name="Kind">Its value distribution.</param>
/// <param name="Grad">Whether its gradient is compared.</param>
public sealed record Input(long[] Shape, Values Kind = Values.Normal, bool Grad = true);
