using System.Text.Json.Nodes;
using DynamicObj;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace NotebookDL.Plotly;

/// <summary>
/// Builds a Plotly.NET chart from Plotly's own figure JSON ({"data": [traces], "layout": {...}}): each trace becomes a
/// Trace2D and the layout a Layout, with every property set as the JSON has it, so the chart draws exactly what the
/// JSON describes and users can still restyle it with Plotly.NET's functions.
/// </summary>
internal static class PlotlyFigure
{
    public static GenericChart FromJson(string figureJson)
    {
        var figure = JsonNode.Parse(figureJson)?.AsObject() ?? throw new ArgumentException("Plotly figure JSON is empty.", nameof(figureJson));
        var traces = new List<Trace>();
        foreach (var node in figure["data"]?.AsArray() ?? [])
        {
            var json = node!.AsObject();
            var trace = new Trace2D((string?)json["type"] ?? "scatter");
            Fill(trace, json, skip: "type");
            traces.Add(trace);
        }
        var layout = new Layout();
        if (figure["layout"] is JsonObject layoutJson) Fill(layout, layoutJson, skip: null);
        return GenericChart.NewMultiChart(ListModule.OfSeq(traces), layout, new Config(), new DisplayOptions());
    }

    private static void Fill(DynamicObj.DynamicObj target, JsonObject json, string? skip)
    {
        foreach (var (name, value) in json)
            if (name != skip) target.SetProperty(name, Value(value));
    }

    private static object? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonObject json => Object(json),
        JsonArray array => array.Select(Value).ToArray(),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.GetValue<double>(),
        _ => throw new ArgumentException($"unexpected JSON node {node.GetType().Name} in a Plotly figure"),
    };

    private static DynamicObj.DynamicObj Object(JsonObject json)
    {
        var result = new DynamicObj.DynamicObj();
        Fill(result, json, skip: null);
        return result;
    }
}
