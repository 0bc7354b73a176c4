namespace NotebookDL.Display;

/// <summary>
/// One line of a model summary. OutputShape uses -1 for the batch dimension and is null when the dry
/// run could not observe it (a layer inside a custom container). Parameters counts the layer's
/// parameters plus its floating-point buffers (BatchNorm's running mean and variance), as Keras does.
/// </summary>
public sealed record SummaryRow(string Name, string Type, int Depth, IReadOnlyList<long>? OutputShape, long Parameters, bool IsContainer)
{
    /// <summary>Kernel size of convolutions and pools, e.g. "(3, 3)"; null for other layers.</summary>
    public string? KernelShape { get; init; }

    /// <summary>Multiply-adds for one sample; null when the layer does none or its shape is unknown.</summary>
    public long? MultAdds { get; init; }

    /// <summary>The parameter count is the sum of the rows below it, so it is shown as "--" to avoid counting twice.</summary>
    public bool ParametersInChildren { get; init; }

    public string ShapeText => ModelSummary.Shape(OutputShape);

    public string ParameterText => ParametersInChildren ? "--" : Numbers.Thousands(Parameters);

    public string MultAddsText => MultAdds is { } m ? Numbers.Thousands(m) : "--";
}
