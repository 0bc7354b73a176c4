using System.Reflection;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Server;

/// <summary>The kernel_info_reply content: needs nothing from Roslyn, so it can be answered the moment sockets are up.</summary>
public static class KernelInfo
{
    public static string ImplementationVersion { get; } =
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static string LanguageVersion => "14.0";

    public static string Banner =>
        $"NotebookDL C# kernel {ImplementationVersion} (.NET {Environment.Version}, C# {LanguageVersion})\n" +
        "Default usings: System, System.Linq, NotebookDL, static NotebookDL.torch (the managed engine; '#!engine torchsharp' " +
        "in the first cell runs on TorchSharp instead). #!lsmagic lists the magics.";

    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = "C#",
        ["version"] = LanguageVersion,
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
        ["nbconvert_exporter"] = "script",
    };

    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = MessageHeader.ProtocolVersion,
        ["implementation"] = "notebookdl",
        ["implementation_version"] = ImplementationVersion,
        ["language_info"] = LanguageInfo(),
        ["banner"] = Banner,
        ["debugger"] = false,
        ["help_links"] = new JsonArray(
            Link("NotebookDL", "https://github.com/notebookdl/notebookdl"),
            Link("C# language reference", "https://learn.microsoft.com/dotnet/csharp/language-reference/"),
            Link(".NET API browser", "https://learn.microsoft.com/dotnet/api/"),
            Link("TorchSharp (the API NotebookDL mirrors)", "https://github.com/dotnet/TorchSharp")),
        ["supported_features"] = new JsonArray(),
    };

    private static JsonObject Link(string text, string url) => new() { ["text"] = text, ["url"] = url };
}
