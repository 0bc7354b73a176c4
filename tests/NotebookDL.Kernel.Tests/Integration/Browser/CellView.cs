namespace NotebookDL.Kernel.Tests.Integration.Browser;

/// <summary>A cell's rendered output: its text and the number of SVG pictures, PNG pictures, tables and error outputs in it.</summary>
public sealed record CellView(string Text, int Svg, int Png, int Table, int Error);
