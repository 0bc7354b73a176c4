using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using NotebookDL.Display;

namespace NotebookDL.Display.Tests.Interactive;

/// <summary>
/// Applies our attribute the way .NET Interactive's Formatter does for attributes it does not know by type:
/// match the attribute class by name, read FormatterSourceType and PreferredMimeTypes by reflection, create
/// the source with its parameterless constructor, call CreateTypeFormatters(), then for each formatter read
/// MimeType and Type and compile a call to its Format method as Func&lt;object, TextWriter, bool&gt;.
/// </summary>
public class TypeFormatterConventionTests
{
    private sealed record ConventionFormatter(string MimeType, Type Type, Func<object, TextWriter, bool> Format);

    private static (List<ConventionFormatter> formatters, string[]? preferred) Discover(Type type)
    {
        var formatters = new List<ConventionFormatter>();
        string[]? preferred = null;
        foreach (var attr in type.GetCustomAttributes(true).Where(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
        {
            var sourceType = (Type)attr.GetType().GetProperty("FormatterSourceType")!.GetGetMethod()!.Invoke(attr, null)!;
            var source = Activator.CreateInstance(sourceType)!;
            var created = (IEnumerable)source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
            foreach (var formatter in created)
            {
                var mime = formatter.GetType().GetProperty("MimeType")!.GetGetMethod()!.Invoke(formatter, null) as string;
                Assert.NotNull(mime);
                var format = formatter.GetType().GetMethod("Format")!; // throws if Format were overloaded
                var value = Expression.Parameter(typeof(object));
                var writer = Expression.Parameter(typeof(TextWriter));
                var call = Expression.Lambda<Func<object, TextWriter, bool>>(Expression.Call(Expression.Constant(formatter), format, value, writer), value, writer).Compile();
                var formattedType = formatter.GetType().GetProperty("Type")?.GetGetMethod()?.Invoke(formatter, null) as Type ?? type;
                formatters.Add(new ConventionFormatter(mime!, formattedType, call));
            }
            preferred = attr.GetType().GetProperty("PreferredMimeTypes")?.GetGetMethod()?.Invoke(attr, null) as string[];
        }
        return (formatters, preferred);
    }

    public static IEnumerable<object[]> DisplayTypes =>
        typeof(IDisplayable).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(IDisplayable).IsAssignableFrom(t))
            .Select(t => new object[] { t.Name });

    [Theory]
    [MemberData(nameof(DisplayTypes))]
    public void DisplayType_CarriesTheAttribute_WithFormattersBoundToItself(string typeName)
    {
        var type = typeof(IDisplayable).Assembly.GetTypes().Single(t => t.Name == typeName);

        var (formatters, preferred) = Discover(type);

        Assert.NotEmpty(formatters);
        Assert.All(formatters, f => Assert.Equal(type, f.Type));
        Assert.NotNull(preferred);
        Assert.Contains(MimeBundle.PlainText, preferred!);
    }

    [Fact]
    public void ModelSummary_FormattedByConvention_WritesHtmlAndText()
    {
        var summary = Notebook.summary(TextbookModels.MnistMlp(), 784);
        var (formatters, preferred) = Discover(typeof(ModelSummary));

        var html = new StringWriter();
        var text = new StringWriter();
        Assert.True(formatters.Single(f => f.MimeType == MimeBundle.Html).Format(summary, html));
        Assert.True(formatters.Single(f => f.MimeType == MimeBundle.PlainText).Format(summary, text));

        Assert.Equal([MimeBundle.Html, MimeBundle.PlainText], preferred!);
        Assert.Equal(summary.ToMimeBundle()[MimeBundle.Html], html.ToString());
        Assert.Contains("Total params: 669,706", text.ToString());
    }

    [Fact]
    public void Figure_FormattedByConvention_WritesSvgAndDeclinesHtml()
    {
        var figure = Notebook.plot([0.0, 1, 2], [0.0, 1, 4], "y");
        var (formatters, _) = Discover(typeof(Figure));

        var svg = new StringWriter();
        Assert.True(formatters.Single(f => f.MimeType == MimeBundle.Svg).Format(figure, svg));
        Assert.False(formatters.Single(f => f.MimeType == MimeBundle.Html).Format(figure, new StringWriter()));

        SvgAssert.WellFormed(svg.ToString());
    }

    [Fact]
    public void Formatter_OtherTypeInstance_IsDeclined()
    {
        var (formatters, _) = Discover(typeof(ModelSummary));

        Assert.All(formatters, f => Assert.False(f.Format("not a summary", new StringWriter())));
    }
}
