namespace NotebookDL.Display;

/// <summary>
/// Keras' model.summary() for a torch model: one row per layer with its output shape and parameter
/// count, then totals and memory estimates. Shapes are channels-first (N, C, H, W) with None for the
/// batch. Build one with <c>summary(model, input_size)</c>.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource<ModelSummary>), PreferredMimeTypes = [MimeBundle.Html, MimeBundle.PlainText])]
public sealed record ModelSummary(string ModelName, IReadOnlyList<long> InputShape, IReadOnlyList<SummaryRow> Rows, long TotalParameters, long TrainableParameters, long NonTrainableParameters)
    : IDisplayable
{
    public IReadOnlyList<long>? OutputShape { get; init; }

    public long MultAdds { get; init; }

    /// <summary>Memory estimates for one float32 sample: the input, the layer outputs kept for backward plus their gradients, and the parameters.</summary>
    public long InputBytes { get; init; }

    public long ForwardBackwardBytes { get; init; }

    public long ParameterBytes { get; init; }

    public long EstimatedTotalBytes => InputBytes + ForwardBackwardBytes + ParameterBytes;

    /// <summary>Adds a Kernel Shape column (convolutions and pools).</summary>
    public bool ShowKernelShape { get; init; }

    /// <summary>Adds a Mult-Adds column (per sample).</summary>
    public bool ShowMultAdds { get; init; }

    public static ModelSummary Of(torch.nn.Module<Tensor, Tensor> model, params long[] input_size) => SummaryBuilder.Build(model, input_size);

    public const string ShapeNote = "Output shapes are channels-first (N, C, H, W); None is the batch dimension.";

    public MimeBundle ToMimeBundle() => new MimeBundle(SummaryText.Render(this)).With(MimeBundle.Html, SummaryHtml.Render(this));

    public static string Shape(IReadOnlyList<long>? shape) =>
        shape is null ? "?" : "(" + string.Join(", ", shape.Select(d => d < 0 ? "None" : Numbers.Int(d))) + ")";

    /// <summary>The footer lines shared by the text and HTML renderings.</summary>
    internal IEnumerable<(string label, string value)> Totals()
    {
        yield return ("Total params", $"{Numbers.Thousands(TotalParameters)} ({Numbers.Bytes(TotalParameters * 4.0)})");
        yield return ("Trainable params", $"{Numbers.Thousands(TrainableParameters)} ({Numbers.Bytes(TrainableParameters * 4.0)})");
        yield return ("Non-trainable params", $"{Numbers.Thousands(NonTrainableParameters)} ({Numbers.Bytes(NonTrainableParameters * 4.0)})");
        yield return ("Total mult-adds (per sample)", Numbers.Thousands(MultAdds));
    }

    internal IEnumerable<(string label, string value)> Memory()
    {
        yield return ("Input size (one sample)", Numbers.Bytes(InputBytes));
        yield return ("Forward/backward pass size (one sample)", Numbers.Bytes(ForwardBackwardBytes));
        yield return ("Params size", Numbers.Bytes(ParameterBytes));
        yield return ("Estimated total size (batch of one)", Numbers.Bytes(EstimatedTotalBytes));
    }

    public override string ToString() => SummaryText.Render(this);
}
