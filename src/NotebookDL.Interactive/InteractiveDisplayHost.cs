using System.Collections.Concurrent;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookDL.Display;

namespace NotebookDL.Interactive;

/// <summary>
/// NotebookDL's display(...) inside .NET Interactive: each display becomes a DisplayedValueProduced event with our display
/// id, and each handle update a DisplayedValueUpdated with the same id, so the front end redraws in place
/// (LiveTrainingPlot). Updates from another thread (a timer, a training callback) have no ambient context, so the
/// context of the cell that showed the display is remembered and used.
/// </summary>
internal sealed class InteractiveDisplayHost : IDisplayHost
{
    private readonly ConcurrentDictionary<string, KernelInvocationContext> shownIn = new();

    public void Display(string displayId, MimeBundle bundle)
    {
        var context = KernelInvocationContext.Current;
        if (context is null)
        {
            Console.WriteLine(bundle.Text); // outside any cell (a script run by the host itself): text is all there is
            return;
        }
        shownIn[displayId] = context;
        context.Publish(new DisplayedValueProduced(bundle, context.Command, FormattedValues(bundle), displayId));
    }

    public void Update(string displayId, MimeBundle bundle) => PublishUpdate(displayId, bundle, FormattedValues(bundle));

    /// <summary>An update to empty HTML and text blanks the display in place, as an empty update_display_data does in Jupyter.</summary>
    public void Clear(string displayId) =>
        PublishUpdate(displayId, new MimeBundle(""), [new FormattedValue(MimeBundle.PlainText, ""), new FormattedValue(MimeBundle.Html, "")]);

    private void PublishUpdate(string displayId, MimeBundle bundle, IReadOnlyCollection<FormattedValue> values)
    {
        var context = KernelInvocationContext.Current ?? (shownIn.TryGetValue(displayId, out var shown) ? shown : null);
        context?.Publish(new DisplayedValueUpdated(bundle, displayId, context.Command, values));
    }

    /// <summary>Every rendering of the bundle as it is (text/plain, SVG, PNG, HTML), as NotebookDL's own kernel sends them.</summary>
    internal static IReadOnlyCollection<FormattedValue> FormattedValues(MimeBundle bundle) =>
        bundle.Select(entry => new FormattedValue(entry.Key, entry.Value)).ToList();
}
