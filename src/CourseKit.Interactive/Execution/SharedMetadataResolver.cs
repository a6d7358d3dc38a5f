using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Resolves <c>#r</c> and the default references as <paramref name="inner"/> does, but hands out one reference object
/// per file (as it is on disk) for the whole process. Roslyn keeps what it has read from an assembly's metadata with
/// the reference's metadata object, so a compilation that gets the same object does not read System.Private.CoreLib,
/// CourseKit.Core, FSharp.Core … again: the kernel's first cell reuses its warm-up's work, and each notebook that
/// <c>coursekit run</c>, the site or the grader runs in one process reuses the ones before it.
/// </summary>
internal sealed class SharedMetadataResolver(MetadataReferenceResolver inner) : MetadataReferenceResolver
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, long Length, MetadataReferenceProperties Properties), PortableExecutableReference> Files = new();

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        inner.ResolveReference(reference, baseFilePath, properties).Select(Shared).ToImmutableArray();

    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        inner.ResolveMissingAssembly(definition, referenceIdentity) is { } found ? Shared(found) : null;

    /// <summary>The process's reference to the file at <paramref name="path"/> (made on first use).</summary>
    public static PortableExecutableReference ForFile(string path) =>
        Shared(MetadataReference.CreateFromFile(path));

    // A file rewritten since (a rebuilt library) gets a new reference, as it would without sharing.
    private static PortableExecutableReference Shared(PortableExecutableReference reference)
    {
        if (reference.FilePath is not { } path) return reference;
        var file = new FileInfo(path);
        if (!file.Exists) return reference;
        return Files.GetOrAdd((file.FullName, file.LastWriteTimeUtc, file.Length, reference.Properties), _ => reference);
    }

    public override bool Equals(object? other) => other is SharedMetadataResolver shared && inner.Equals(shared.Inner);

    public override int GetHashCode() => inner.GetHashCode();

    private MetadataReferenceResolver Inner => inner;
}
