using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>
/// Inputs (and text outputs) of this kernel's cells for history_request. Kept in memory: the session number is
/// always 1, and 0 or negative session numbers mean "this session", as in ipykernel.
/// </summary>
public sealed class HistoryStore
{
    public const int SessionNumber = 1;
    private readonly List<(int Line, string Input, string? Output)> entries = [];
    private readonly object gate = new();

    public void Add(int line, string input, string? output)
    {
        lock (gate) entries.Add((line, input, output));
    }

    public JsonObject Reply(JsonObject request)
    {
        bool output = request.GetBool("output", false);
        List<(int Line, string Input, string? Output)> selected;
        lock (gate)
        {
            selected = request.GetString("hist_access_type", "tail") switch
            {
                "range" => Range(request),
                "search" => Search(request),
                _ => Tail(entries, request.GetInt("n", 10)),
            };
        }
        var history = new JsonArray();
        foreach (var (line, input, text) in selected)
            history.Add(output
                ? new JsonArray(SessionNumber, line, new JsonArray(input, text))
                : new JsonArray(SessionNumber, line, input));
        return new JsonObject { ["status"] = "ok", ["history"] = history };
    }

    private List<(int, string, string?)> Range(JsonObject request)
    {
        int session = request.GetInt("session", 0);
        if (session > 0 && session != SessionNumber) return [];
        int start = request.GetInt("start", 1), stop = request.GetInt("stop", int.MaxValue);
        return entries.Where(e => e.Line >= start && e.Line < stop).ToList();
    }

    private List<(int, string, string?)> Search(JsonObject request)
    {
        var glob = new Regex("^" + Regex.Escape(request.GetString("pattern", "*")).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.Singleline);
        var matches = entries.Where(e => glob.IsMatch(e.Input));
        if (request.GetBool("unique", false))
            matches = matches.GroupBy(e => e.Input).Select(g => g.Last()).OrderBy(e => e.Line);
        return Tail(matches.ToList(), request.GetInt("n", int.MaxValue));
    }

    private static List<(int, string, string?)> Tail(List<(int Line, string Input, string? Output)> list, int n) =>
        list.Skip(Math.Max(0, list.Count - Math.Max(0, n))).ToList();
}
