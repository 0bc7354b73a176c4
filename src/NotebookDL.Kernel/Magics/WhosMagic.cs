using NotebookDL.Kernel.Execution;

namespace NotebookDL.Kernel.Magics;

public sealed class WhosMagic : Magic
{
    public override string Name => "whos";

    public override string Summary => "Lists variables with their type and a preview of the value (tensors with dtype and shape).";

    public override Task<CellResult> RunAsync(MagicContext context)
    {
        if (context.Args.Count > 0) throw new MagicUsageException($"#!whos takes no arguments, got '{context.Args[0]}'");
        var engine = context.Session.Engine;
        var rows = context.Session.Variables.Select(v => (v.Name, Type: TypeName(v.Type), Value: engine.Preview(v.Value) ?? ValueFormatter.Preview(v.Value))).ToList();
        if (rows.Count == 0)
        {
            context.WriteLine("No variables are defined.");
            return context.RunRestAsync();
        }
        int nameWidth = Math.Max(8, rows.Max(r => r.Name.Length) + 2);
        int typeWidth = Math.Max(6, rows.Max(r => r.Type.Length) + 2);
        context.WriteLine($"{"Variable".PadRight(nameWidth)}{"Type".PadRight(typeWidth)}Value");
        context.WriteLine(new string('-', nameWidth + typeWidth + 20));
        foreach (var (name, type, value) in rows) context.WriteLine($"{name.PadRight(nameWidth)}{type.PadRight(typeWidth)}{value}");
        return context.RunRestAsync();
    }

    /// <summary>C#-style names: List&lt;int&gt; rather than List`1.</summary>
    public static string TypeName(Type type) => NotebookDL.Display.TypeNames.Of(type);
}
