namespace NotebookDL.Display;

/// <summary>One line of a classification report: a class, or the macro/weighted average.</summary>
public sealed record ReportRow(string Name, double Precision, double Recall, double F1, long Support);
