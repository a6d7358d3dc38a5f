using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace CourseKit.Package.Tests;

/// <summary>What dotnet pack puts in the CourseKit package and its symbols package.</summary>
[Trait("Category", "Slow")]
[Collection(PackageFeedCollection.Name)]
public sealed class PackageContentsTests(PackageFeed feed)
{
    [Fact]
    public void The_package_carries_the_library_its_docs_readme_and_license()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Subset(entries, new HashSet<string> { "lib/net10.0/CourseKit.Core.dll", "lib/net10.0/CourseKit.Core.xml", "README.md", "LICENSE" });
        var metadata = Nuspec(package).Element(Ns("metadata"))!;
        Assert.Equal("CourseKit", metadata.Element(Ns("id"))!.Value);
        Assert.Equal(feed.Version, metadata.Element(Ns("version"))!.Value);
        Assert.Equal("README.md", metadata.Element(Ns("readme"))!.Value);
        Assert.Equal("file", metadata.Element(Ns("license"))!.Attribute("type")!.Value);
        Assert.Equal("LICENSE", metadata.Element(Ns("license"))!.Value);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "LICENSE")), Read(package, "LICENSE"));
    }

    [Fact]
    public void The_SQLite_stack_is_a_dependency_at_the_versions_the_repository_pins()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        var dependencies = Nuspec(package).Descendants(Ns("dependency"))
            .ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
        var pinned = XDocument.Load(Path.Combine(Repo.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value);
        // The bundle brings the native e_sqlite3 for each platform; core and provider are what the library compiles against.
        foreach (string id in new[] { "Microsoft.Data.Sqlite.Core", "SQLitePCLRaw.bundle_e_sqlite3", "SQLitePCLRaw.core", "SQLitePCLRaw.provider.e_sqlite3" })
        {
            Assert.True(dependencies.ContainsKey(id), $"{id}: expected among the package's dependencies ({string.Join(", ", dependencies.Keys)}).");
            Assert.Equal(pinned[id], dependencies[id]);
        }
    }

    [Fact]
    public void The_library_embeds_the_data_sets()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        using var dll = new MemoryStream();
        using (var stream = package.GetEntry("lib/net10.0/CourseKit.Core.dll")!.Open()) stream.CopyTo(dll);
        dll.Position = 0;
        using var pe = new PEReader(dll);
        var reader = pe.GetMetadataReader();
        var resources = reader.ManifestResources.Select(h => reader.GetString(reader.GetManifestResource(h).Name)).ToList();
        Assert.Contains("CourseKit.datasets.digits.csv.gz", resources);
        Assert.Contains("CourseKit.datasets.iris.csv", resources);
    }

    [Fact]
    public void The_symbols_package_holds_the_portable_pdb()
    {
        using var symbols = ZipFile.OpenRead(feed.SymbolsPackage);
        Assert.Contains("lib/net10.0/CourseKit.Core.pdb", symbols.Entries.Select(e => e.FullName));
    }

    private static XName Ns(string name) => XName.Get(name, "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd");

    private static XElement Nuspec(ZipArchive package) => XDocument.Parse(Read(package, "CourseKit.nuspec")).Root!;

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
