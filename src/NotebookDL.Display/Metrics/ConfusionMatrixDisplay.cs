namespace NotebookDL.Display;

public sealed record ConfusionMatrixDisplay(string Text) : IDisplayable
{
    public static ConfusionMatrixDisplay From(ConfusionMatrix cm) => new(cm.ToString());

    public MimeBundle ToMimeBundle() => new(Text);
}
