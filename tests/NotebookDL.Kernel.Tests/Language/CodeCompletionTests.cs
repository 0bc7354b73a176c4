using NotebookDL.Kernel.Language;
using NotebookDL.Kernel.Tests.Execution;

namespace NotebookDL.Kernel.Tests.Language;

[Collection("cells")]
public class CodeCompletionTests(SharedSession shared)
{
    private async Task<List<string>> Matches(string code, int? cursor = null)
    {
        var reply = await new CodeCompletion(shared.Session).CompleteAsync(code, cursor ?? code.Length);
        return reply["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Members_of_earlier_cells_variables_are_offered()
    {
        await shared.Session.ExecuteAsync("var completionList = new List<string>();", "In[1]", new RecordingOutput());
        Assert.Contains("completionList", await Matches("completionL"));
        Assert.Contains("Add", await Matches("completionList.Ad"));
    }

    [Fact]
    public async Task Static_members_namespaces_and_keywords()
    {
        Assert.Contains("Sqrt", await Matches("Math.Sq"));
        Assert.DoesNotContain("GetHashCode", await Matches("Math."));
        Assert.Contains("Generic", await Matches("System.Collections.Gen"));
        Assert.Contains("foreach", await Matches("forea"));
        Assert.Contains("ones", await Matches("torch.on"));
    }

    [Fact]
    public async Task CompleteAsync_AfterDotWithNoPrefix_HidesObjectMembers()
    {
        await shared.Session.ExecuteAsync("var hiddenMembersModel = nn.Linear(2, 3);", "In[1]", new RecordingOutput());

        var matches = await Matches("hiddenMembersModel.");

        Assert.Contains("forward", matches);
        foreach (var objectMember in new[] { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals" })
            Assert.DoesNotContain(objectMember, matches);
    }

    [Fact]
    public async Task CompleteAsync_ObjectMemberPrefixTyped_OffersIt()
    {
        await shared.Session.ExecuteAsync("var typedPrefixList = new List<int>();", "In[1]", new RecordingOutput());

        Assert.Contains("Equals", await Matches("typedPrefixList.Eq"));
        Assert.Contains("ToString", await Matches("typedPrefixList.ToS"));
        Assert.Contains("ReferenceEquals", await Matches("object.Ref"));
    }

    [Fact]
    public async Task Cursor_positions_count_code_points_not_utf16_units()
    {
        const string code = "var s = \"𝐚\"; Math.Sq";
        var reply = await new CodeCompletion(shared.Session).CompleteAsync(code, code.Length - 1);
        Assert.Equal(code.Length - 1 - 2, reply["cursor_start"]!.GetValue<int>());
        Assert.Contains("Sqrt", reply["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
    }
}
