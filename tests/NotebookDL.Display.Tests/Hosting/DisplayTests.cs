using NotebookDL.Display;
using static NotebookDL.Display.Notebook;
using static NotebookDL.torch;

namespace NotebookDL.Display.Tests.Hosting;

public class DisplayTests
{
    [Fact]
    public void Display_DefaultConsoleHost_PrintsTextPlain()
    {
        var output = new StringWriter();
        using var _ = DisplayHost.Use(new ConsoleDisplayHost(output));

        var handle = display("hello");
        handle.Update("again");
        handle.Clear();

        Assert.Equal($"hello{Environment.NewLine}again{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public void Display_NoHostRegistered_UsesConsoleHost()
    {
        Assert.IsType<ConsoleDisplayHost>(DisplayHost.Current);
    }

    [Fact]
    public void Display_ThenUpdateAndClear_HostSeesOneIdThroughout()
    {
        var host = new RecordingDisplayHost();
        using var _ = DisplayHost.Use(host);

        var handle = display(1);
        handle.Update(2);
        handle.Clear();

        Assert.Equal(["display", "update", "clear"], host.Events.Select(e => e.Kind));
        Assert.All(host.Events, e => Assert.Equal(handle.DisplayId, e.DisplayId));
        Assert.Equal("2", host.Events[1].Bundle!.Text);
    }

    [Fact]
    public void Display_TwoCalls_GetDistinctIds()
    {
        var host = new RecordingDisplayHost();
        using var _ = DisplayHost.Use(host);

        Assert.NotEqual(display("a").DisplayId, display("b").DisplayId);
    }

    [Fact]
    public void Update_AfterHostScopeEnds_StillReachesOriginalHost()
    {
        var host = new RecordingDisplayHost();
        DisplayHandle handle;
        using (DisplayHost.Use(host)) handle = display("x");

        handle.Update("y");

        Assert.Equal(2, host.Events.Count);
    }

    [Fact]
    public void MimeBundle_New_HasTextPlainFirstAndWithReplaces()
    {
        var bundle = new MimeBundle("plain").With(MimeBundle.Html, "<b>1</b>").With(MimeBundle.Html, "<b>2</b>");

        Assert.Equal([MimeBundle.PlainText, MimeBundle.Html], bundle.Keys);
        Assert.Equal("<b>2</b>", bundle[MimeBundle.Html]);
        Assert.Throws<KeyNotFoundException>(() => bundle[MimeBundle.Svg]);
    }

    [Fact]
    public void ToMimeBundle_UnknownObject_FallsBackToToString()
    {
        Assert.Equal("3.5", Formatter.ToMimeBundle(3.5).Text);
        Assert.Equal("null", Formatter.ToMimeBundle(null).Text);
        Assert.Single(Formatter.ToMimeBundle(new object()));
    }

    private sealed record Point(int X, int Y);

    [Fact]
    public void ToMimeBundle_RegisteredType_UsesRegisteredRenderer()
    {
        Formatter.Register<Point>(p => new MimeBundle($"({p.X}, {p.Y})").With(MimeBundle.Html, "<i>point</i>"));

        var bundle = Formatter.ToMimeBundle(new Point(1, 2));

        Assert.Equal("(1, 2)", bundle.Text);
        Assert.Equal("<i>point</i>", bundle[MimeBundle.Html]);
    }

    [Fact]
    public void ToMimeBundle_EngineObjects_GetRichDisplays()
    {
        Assert.True(Formatter.ToMimeBundle(ones(2, 2)).ContainsKey(MimeBundle.Html));
        Assert.True(Formatter.ToMimeBundle(nn.Linear(2, 3)).ContainsKey(MimeBundle.Html));
        Assert.True(Formatter.HasRichDisplay(typeof(NotebookDL.Modules.Linear)));
        Assert.False(Formatter.HasRichDisplay(typeof(string)));
    }

    private sealed class Unprintable
    {
        public override string ToString() => throw new InvalidOperationException("no text");
    }

    [Fact]
    public void Update_ValueWhoseDisplayThrows_ShowsWhyInsteadOfThrowing()
    {
        var host = new RecordingDisplayHost();
        using var _ = DisplayHost.Use(host);
        var handle = Notebook.display("first");

        var thread = new Thread(() => handle.Update(new Unprintable()));
        thread.Start();
        thread.Join();

        Assert.Equal("(Unprintable could not be displayed: InvalidOperationException: no text)", host.Events[^1].Bundle!.Text);
    }
}

