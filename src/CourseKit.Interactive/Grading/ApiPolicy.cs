using Microsoft.CodeAnalysis;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// What graded learner code may reference, by symbol: an allowlist of namespaces (the BCL's collections, LINQ, text,
/// numerics, threading; CourseKit's numeric library; Plotly.NET), with types and members of <c>System</c> that reach
/// the process held back — reflection, processes, files, the environment, interop, the console's redirection — and
/// the check machinery (CourseKit.Grading, CourseKit.Display, the engine) out of reach.
/// </summary>
internal static class ApiPolicy
{
    private static readonly string[] AllowedNamespaces =
    [
        "System", "System.Collections", "System.Collections.Generic", "System.Collections.Concurrent", "System.Collections.Immutable",
        "System.Collections.ObjectModel", "System.Linq", "System.Text", "System.Text.RegularExpressions", "System.Text.Json",
        "System.Numerics", "System.Numerics.Tensors", "System.Globalization", "System.Threading", "System.Threading.Tasks",
        "System.Buffers", "CourseKit", "CourseKit.*", "Plotly.*", "Microsoft.FSharp.Core", "Microsoft.FSharp.Collections", "MathNet.*",
    ];

    private static readonly string[] HeldBackNamespaces = ["CourseKit.Grading", "CourseKit.Grading.*", "CourseKit.Display", "CourseKit.Display.*", "CourseKit.Interactive", "CourseKit.Interactive.*"];

    // Types of namespaces otherwise held back that graded code may use as a whole.
    private static readonly HashSet<string> AllowedTypes =
    [
        "System.Diagnostics.Stopwatch", "System.Diagnostics.Debug", "System.IO.Path", "System.IO.TextWriter", "System.IO.TextReader",
        "System.IO.StringWriter", "System.IO.StringReader", "System.IO.MemoryStream", "System.IO.Stream", "System.IO.BinaryReader",
        "System.IO.BinaryWriter", "System.IO.IOException", "System.IO.EndOfStreamException", "System.IO.InvalidDataException", "System.IO.SeekOrigin",
    ];

    // Types of allowed namespaces that are held back, except the members listed (null: all of it).
    private static readonly Dictionary<string, (string Area, string[] Allowed)> HeldBackTypes = new()
    {
        ["System.Environment"] = ("the environment and the process", ["NewLine", "ProcessorCount", "TickCount", "TickCount64", "Is64BitProcess"]),
        ["System.AppContext"] = ("the environment and the process", []),
        ["System.AppDomain"] = ("the environment and the process", []),
        ["System.Activator"] = ("reflection", []),
        ["System.Type"] = ("reflection", ["Name", "FullName", "ToString", "Equals", "GetHashCode", "op_Equality", "op_Inequality"]),
        ["System.Delegate"] = ("reflection", ["Invoke", "Combine", "Remove", "Equals", "GetHashCode", "op_Equality", "op_Inequality"]),
        ["System.MulticastDelegate"] = ("reflection", ["Equals", "GetHashCode", "op_Equality", "op_Inequality"]),
        ["System.RuntimeTypeHandle"] = ("reflection", []),
        ["System.RuntimeMethodHandle"] = ("reflection", []),
        ["System.RuntimeFieldHandle"] = ("reflection", []),
        ["System.RuntimeArgumentHandle"] = ("reflection", []),
        ["System.ModuleHandle"] = ("reflection", []),
        ["System.TypedReference"] = ("interop and unsafe code", []),
        ["System.ArgIterator"] = ("interop and unsafe code", []),
        ["System.Console"] = ("console redirection", ["Write", "WriteLine", "Out", "Error"]),
        ["System.Threading.ExecutionContext"] = ("the environment and the process", []),
        ["System.Exception"] = ("reflection", ["Message", "InnerException", "ToString", "Data", "HResult", "StackTrace", "Source", "GetBaseException", "Equals", "GetHashCode", "GetType"]),
    };

    // The one engine member graded code calls: Polyglot's display().
    private static readonly HashSet<string> EngineMembers = ["CourseKit.Interactive.Execution.NotebookGlobals.display"];

    /// <summary>Why a reference to <paramref name="symbol"/> is refused ("files"), or null when graded code may use it.</summary>
    public static string? Refusal(ISymbol symbol)
    {
        if (symbol is INamespaceSymbol or ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol or ITypeParameterSymbol)
            return null;
        if (symbol is IAliasSymbol alias) return Refusal(alias.Target);
        if (symbol is ITypeSymbol type) return TypeRefusal(type);
        if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension;
        symbol = symbol.OriginalDefinition;
        if (IsInSource(symbol) || symbol.ContainingType is not { } owner) return null;
        string member = $"{FullName(owner)}.{symbol.Name}";
        if (EngineMembers.Contains(member)) return null;
        if (TypeRefusal(owner) is { } refused) return refused;
        return HeldBackTypes.TryGetValue(FullName(owner), out var rule) && !rule.Allowed.Contains(symbol.Name) ? rule.Area : null;
    }

    private static string? TypeRefusal(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array: return TypeRefusal(array.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol: return "interop and unsafe code";
            case IDynamicTypeSymbol: return "dynamic";
            case ITypeParameterSymbol: return null;
            case INamedTypeSymbol named:
                if (named.IsTupleType) return named.TupleElements.Select(e => TypeRefusal(e.Type)).FirstOrDefault(r => r is not null);
                var outer = named.OriginalDefinition;
                while (outer.ContainingType is { } containing) outer = containing;
                if (IsInSource(outer)) return null;
                string full = FullName(outer), ns = outer.ContainingNamespace?.ToDisplayString() ?? "";
                if (AllowedTypes.Contains(full)) return null;
                if (Matches(ns, HeldBackNamespaces) || !Matches(ns, AllowedNamespaces)) return Area(ns);
                if (HeldBackTypes.TryGetValue(full, out var rule) && rule.Allowed.Length == 0) return rule.Area;
                return named.TypeArguments.Select(TypeRefusal).FirstOrDefault(r => r is not null);
            default: return null;
        }
    }

    private static string Area(string ns) => ns switch
    {
        _ when ns.StartsWith("System.Reflection", StringComparison.Ordinal) || ns.StartsWith("System.Linq.Expressions", StringComparison.Ordinal) => "reflection",
        _ when ns.StartsWith("System.IO", StringComparison.Ordinal) => "files",
        _ when ns.StartsWith("System.Diagnostics", StringComparison.Ordinal) => "processes",
        _ when ns.StartsWith("System.Runtime", StringComparison.Ordinal) => "interop and unsafe code",
        _ when ns.StartsWith("System.Net", StringComparison.Ordinal) => "the network",
        _ when ns.StartsWith("CourseKit.", StringComparison.Ordinal) => "the check machinery",
        _ => $"the namespace {(ns.Length == 0 ? "(global)" : ns)}",
    };

    private static bool Matches(string ns, string[] patterns) =>
        patterns.Any(p => p.EndsWith(".*", StringComparison.Ordinal) ? ns.StartsWith(p[..^1], StringComparison.Ordinal) || ns == p[..^2] : ns == p);

    private static bool IsInSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

    /// <summary>The CLR-style full name (<c>System.Environment</c>, <c>Outer+Inner</c>, <c>System.Func`2</c>).</summary>
    public static string FullName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "+" + name;
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + name;
    }
}
