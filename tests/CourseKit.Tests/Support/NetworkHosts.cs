using System.Diagnostics;

namespace CourseKit.Tests.Support;

/// <summary>
/// Simulated hosts: network namespaces of their own, each joined to this one by a veth pair on a /30 subnet, so that
/// processes in them reach a server here only over TCP between two interfaces (their loopback is their own). Names
/// and subnets are random and checked free, so concurrent test runs do not collide; everything is removed on dispose.
/// Needs root, as on CI; there is no skip.
/// </summary>
internal sealed class NetworkHosts : IDisposable
{
    private readonly List<string> _namespaces = [];

    private NetworkHosts() { }

    /// <summary>The address of this (the server's) side, reachable from every host.</summary>
    public List<string> ServerAddresses { get; } = [];

    /// <summary>The namespaces' names, one per host.</summary>
    public IReadOnlyList<string> Names => _namespaces;

    public static NetworkHosts Create(int hosts)
    {
        var net = new NetworkHosts();
        try
        {
            string tag = "ck" + Guid.NewGuid().ToString("N")[..6];
            int subnet = FreeSubnet();
            for (int h = 0; h < hosts; h++)
            {
                string name = $"{tag}{h}", server = $"10.213.{subnet}.{4 * h + 1}", host = $"10.213.{subnet}.{4 * h + 2}";
                Ip("netns", "add", name);
                net._namespaces.Add(name);
                Ip("link", "add", $"{name}s", "type", "veth", "peer", "name", $"{name}h", "netns", name);
                Ip("addr", "add", server + "/30", "dev", $"{name}s");
                Ip("link", "set", $"{name}s", "up");
                Ip("-n", name, "addr", "add", host + "/30", "dev", $"{name}h");
                Ip("-n", name, "link", "set", $"{name}h", "up");
                net.ServerAddresses.Add(server);
            }
            return net;
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // Deleting a namespace deletes the veth end inside it, and with it the pair.
        foreach (string name in _namespaces)
        {
            try { Ip("link", "del", $"{name}s"); } catch (InvalidOperationException) { /* already gone with its peer */ }
            Ip("netns", "del", name);
        }
    }

    /// <summary>A 10.213.N.0/24 that no interface here uses (tried a bounded number of times).</summary>
    private static int FreeSubnet()
    {
        string used = Ip("-o", "addr");
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int n = Random.Shared.Next(256);
            if (!used.Contains($"10.213.{n}.", StringComparison.Ordinal)) return n;
        }
        throw new InvalidOperationException("no free 10.213.N.0/24 subnet after 50 tries");
    }

    private static string Ip(params string[] args)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromSeconds(30))) { p.Kill(); throw new TimeoutException($"ip {string.Join(' ', args)} took more than 30 s"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"ip {string.Join(' ', args)} failed ({p.ExitCode}): {err.Result}");
        return output;
    }
}
