namespace NotebookDL.Display;

/// <summary>
/// Inline styles for HTML tables (notebooks strip style sheets from untrusted output). Colours are
/// inherited and rules are half-transparent grey, so tables read in light and dark themes alike.
/// </summary>
internal static class HtmlStyle
{
    public const string Container = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:13px;line-height:1.4;max-width:100%;overflow-x:auto";
    public const string Table = "border-collapse:collapse;font-size:13px;margin:4px 0";
    public const string HeaderCell = "text-align:left;padding:4px 10px;border-bottom:2px solid rgba(128,128,128,.55);font-weight:600;white-space:nowrap";
    public const string NumberHeaderCell = "text-align:right;padding:4px 10px;border-bottom:2px solid rgba(128,128,128,.55);font-weight:600;white-space:nowrap";
    public const string RowHeaderCell = "text-align:left;padding:3px 10px;border-bottom:1px solid rgba(128,128,128,.25);font-weight:600;white-space:nowrap";
    public const string Cell = "text-align:left;padding:3px 10px;border-bottom:1px solid rgba(128,128,128,.25);white-space:nowrap";
    public const string NumberCell = "text-align:right;padding:3px 10px;border-bottom:1px solid rgba(128,128,128,.25);white-space:nowrap;font-variant-numeric:tabular-nums";
    public const string Code = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px";
    public const string Pre = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;margin:4px 0;white-space:pre;overflow-x:auto";
    public const string Muted = "opacity:.7";
    public const string Caption = "font-weight:600;margin:2px 0 4px 0";
}
