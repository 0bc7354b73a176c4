using System.Text.Json.Nodes;
using NotebookDL.Display;

namespace NotebookDL.Plotly;

/// <summary>A confusion matrix as Plotly figure JSON: a heatmap of the counts with each count written in its cell.</summary>
internal static class ConfusionMatrixHeatmap
{
    public static string Json(ConfusionMatrixDisplay matrix)
    {
        var names = new JsonArray([.. matrix.ClassNames.Select(n => JsonValue.Create(n))]);
        var counts = new JsonArray([.. matrix.Counts.Select(row => new JsonArray([.. row.Select(c => JsonValue.Create(c))]))]);
        var size = Math.Clamp(120 + 48 * matrix.ClassNames.Count, 320, 720);
        var heatmap = new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = counts,
            ["x"] = names.DeepClone(),
            ["y"] = names,
            ["text"] = counts.DeepClone(),
            ["texttemplate"] = "%{text}",
            ["colorscale"] = "Blues",
            ["hovertemplate"] = "true %{y}<br>predicted %{x}<br>%{z}<extra></extra>",
        };
        var layout = new JsonObject
        {
            ["width"] = size + 80,
            ["height"] = size,
            ["xaxis"] = new JsonObject { ["title"] = "Predicted", ["type"] = "category" },
            // true classes read top to bottom, as in the SVG and in scikit-learn
            ["yaxis"] = new JsonObject { ["title"] = "True", ["type"] = "category", ["autorange"] = "reversed" },
        };
        if (matrix.Title is not null) layout["title"] = matrix.Title;
        return new JsonObject { ["data"] = new JsonArray(heatmap), ["layout"] = layout }.ToJsonString();
    }
}
