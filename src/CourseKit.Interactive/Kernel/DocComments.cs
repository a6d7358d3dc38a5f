using System.Collections.Concurrent;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// A symbol's documentation comment: from source (a cell), else from the XML documentation file beside its assembly
/// (CourseKit.Core.xml beside the library), else from the SDK's reference pack (the .NET API docs). Files are read once.
/// </summary>
internal sealed class DocComments(XElement member)
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, XElement>> Files = new(StringComparer.Ordinal);

    public static DocComments? For(ISymbol symbol, Compilation compilation)
    {
        var definition = (symbol as IMethodSymbol)?.ReducedFrom ?? symbol.OriginalDefinition;
        string xml = definition.GetDocumentationCommentXml() ?? "";
        if (xml.Length > 0) return TryParse(xml);
        string? id = definition.GetDocumentationCommentId();
        if (id is null || definition.ContainingAssembly is null) return null;
        string? path = (compilation.GetMetadataReference(definition.ContainingAssembly) as PortableExecutableReference)?.FilePath;
        foreach (var file in Candidates(path))
            if (Load(file).TryGetValue(id, out var found)) return new DocComments(found);
        return null;
    }

    /// <summary>(label, text) pairs: the summary, the return value, and with <paramref name="detailed"/> the parameters and remarks.</summary>
    public IEnumerable<(string Label, string Text)> Sections(bool detailed)
    {
        if (member.Element("summary") is { } summary) yield return ("", Text(summary));
        if (member.Element("returns") is { } returns) yield return ("Returns", Text(returns));
        if (!detailed) yield break;
        foreach (var p in member.Elements("param")) yield return ($"{p.Attribute("name")?.Value}", Text(p));
        if (member.Element("remarks") is { } remarks) yield return ("Remarks", Text(remarks));
    }

    private static DocComments? TryParse(string xml)
    {
        try { return new DocComments(XElement.Parse(xml)); }
        catch (System.Xml.XmlException) { return null; }
    }

    private static IEnumerable<string> Candidates(string? assemblyPath)
    {
        if (assemblyPath is null) yield break;
        yield return Path.ChangeExtension(assemblyPath, ".xml");
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        if (!Path.GetFullPath(assemblyPath).StartsWith(runtimeDir, StringComparison.Ordinal)) yield break;
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0/
        string packs = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        if (!Directory.Exists(packs)) yield break;
        foreach (var version in Directory.GetDirectories(packs).OrderByDescending(d => d, StringComparer.Ordinal))
        foreach (var refDir in Directory.GetDirectories(Path.Combine(version, "ref")))
        {
            yield return Path.Combine(refDir, Path.GetFileNameWithoutExtension(assemblyPath) + ".xml");
            yield return Path.Combine(refDir, "System.Runtime.xml"); // CoreLib's types are documented under System.Runtime
        }
    }

    private static IReadOnlyDictionary<string, XElement> Load(string path) => Files.GetOrAdd(path, p =>
    {
        if (!File.Exists(p)) return new Dictionary<string, XElement>();
        try
        {
            return XDocument.Load(p).Descendants("member").Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }
        catch (System.Xml.XmlException) { return new Dictionary<string, XElement>(); }
    });

    // <see cref="T:System.Console"/> → Console, <paramref name="x"/> → x, <c>code</c> → `code`; whitespace collapsed.
    private static string Text(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e => e.Attribute("langword")?.Value ?? ShortName(e.Attribute("cref")?.Value) ?? e.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value,
                XElement { Name.LocalName: "c" } e => $"`{e.Value}`",
                XElement e => Text(e),
                _ => "",
            });
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? ShortName(string? cref) =>
        cref is null ? null : cref[(cref.IndexOf(':') + 1)..].Split('(')[0].Split('.')[^1].Split('`')[0];
}
