using System.Text.Json.Nodes;
using NotebookDL.Kernel.Server;

namespace NotebookDL.Kernel.Tests.Server;

public class HistoryStoreTests
{
    private static HistoryStore Store()
    {
        var store = new HistoryStore();
        store.Add(1, "var a = 1;", null);
        store.Add(2, "1 + 2", "3");
        store.Add(3, "a", "1");
        store.Add(4, "1 + 2", "3");
        return store;
    }

    private static JsonArray History(JsonObject request) => Store().Reply(request)["history"]!.AsArray();

    [Fact]
    public void Tail_returns_the_last_n_with_optional_outputs()
    {
        var tail = History(new JsonObject { ["hist_access_type"] = "tail", ["n"] = 2, ["output"] = true });
        Assert.Equal(2, tail.Count);
        Assert.Equal("""[1,3,["a","1"]]""", tail[0]!.ToJsonString());
    }

    [Fact]
    public void Range_selects_lines_start_to_stop_exclusive()
    {
        var range = History(new JsonObject { ["hist_access_type"] = "range", ["session"] = 1, ["start"] = 2, ["stop"] = 3 });
        Assert.Equal("""[[1,2,"1 + 2"]]""", range.ToJsonString(NotebookDL.Kernel.Protocol.Json.Compact));
        Assert.Empty(History(new JsonObject { ["hist_access_type"] = "range", ["session"] = 7, ["start"] = 1, ["stop"] = 9 }));
    }

    [Fact]
    public void Search_matches_globs_with_unique_and_n()
    {
        Assert.Equal(2, History(new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "1 + *" }).Count);
        Assert.Single(History(new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "1 + *", ["unique"] = true }));
        Assert.Single(History(new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "*", ["n"] = 1 }));
    }
}
