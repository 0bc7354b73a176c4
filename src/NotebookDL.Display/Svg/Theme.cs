namespace NotebookDL.Display;

/// <summary>
/// The look shared by every picture. Pictures sit on a white card so they read the same in light and
/// dark notebook themes (an SVG shown through an img tag cannot follow the page's theme); text is
/// 12px or larger; series colours are Okabe–Ito, distinguishable with the common colour-vision deficiencies.
/// </summary>
public static class Theme
{
    /// <summary>Okabe–Ito, reordered so the first colours have the most contrast on white; yellow comes last.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#4D4D4D", "#F0E442"];

    public const string Background = "#FFFFFF";
    public const string Border = "#D0D7DE";
    public const string Text = "#1F2328";
    public const string MutedText = "#57606A";
    public const string Grid = "#E4E8EC";
    public const string Axis = "#8C959F";
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    public const double FontSize = 12;
    public const double TitleSize = 14;

    /// <summary>Default width of a picture: fits a notebook column (VS Code, JupyterLab and Colab are all wider than this).</summary>
    public const double Width = 720;

    public static string SeriesColor(int index) => Palette[index % Palette.Count];
}
