namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>One state of a recorded output area: milliseconds after the cell started, the number of pictures, and their content hashes.</summary>
public sealed record PictureFrame(double Milliseconds, int Pictures, string Content);
