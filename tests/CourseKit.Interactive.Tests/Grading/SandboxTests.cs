using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// The sandbox on its own, without the grader's analysis of the code (<c>coursekit sandbox-check</c>): code that reads
/// secrets, escapes its folder, reaches the network, leaves processes behind or floods the channel gets nothing, and
/// nothing of it outlives the run.
/// </summary>
[Trait("Category", "Slow")]
[SupportedOSPlatform("linux")]
public class SandboxTests
{
    private const string Marker = "grader-only-marker-3f9a";

    private static JsonObject Check(string test, TimeSpan? limit = null, params string[] cells) => Check(test, "auto", limit, cells);

    private static JsonObject Check(string test, string sandbox, TimeSpan? limit, params string[] cells)
    {
        string folder = Repo.TempFolder("sandbox-" + test);
        var request = new GradeRequest(cells.Select((c, i) => new RequestCell(i + 1, c, false)).ToList(), 20, folder);
        string path = Path.Combine(folder, "request.json");
        File.WriteAllText(path, request.ToJson());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { GradeProcess.Dll, "sandbox-check", path, "--timeout", $"{(limit ?? TimeSpan.FromSeconds(60)).TotalSeconds}", "--sandbox", sandbox }) start.ArgumentList.Add(a);
        start.Environment["COURSEKIT_HIDDEN_SEED"] = Marker;   // in the grader's environment: must not reach the child
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "sandbox-check did not end");
        Assert.True(process.ExitCode == 0, stderr);
        return JsonNode.Parse(stdout.Result)!.AsObject();
    }

    private static string Printed(JsonObject result) => result["cells"]!.ToJsonString();

    [Fact]
    public void The_child_sees_no_secret_no_solution_and_no_other_process()
    {
        var result = Check(nameof(The_child_sees_no_secret_no_solution_and_no_other_process), null,
            "foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) Console.WriteLine($\"env {e.Key}={e.Value}\");",
            "foreach (var d in System.IO.Directory.GetDirectories(\"/proc\")) { try { Console.WriteLine(\"proc \" + System.IO.File.ReadAllText(d + \"/cmdline\").Replace('\\0', ' ')); } catch (Exception e) { Console.WriteLine(\"denied \" + e.GetType().Name); } }",
            $"Console.WriteLine(System.IO.File.Exists(\"{Chapter08.Solution}\") ? \"SOLUTION READABLE\" : \"no solution\");",
            "Console.WriteLine($\"uid {System.IO.File.ReadAllText(\"/proc/self/status\").Split('\\n').First(l => l.StartsWith(\"Uid\"))}\");");
        string printed = Printed(result);
        Assert.True((bool)result["done"]!, printed);
        Assert.DoesNotContain(Marker, printed);
        Assert.DoesNotContain("sandbox-check", printed);                  // the grader's command line is not in the child's /proc
        Assert.Contains("no solution", printed);
        Assert.Matches("Uid:\\\\t6[0-9]{4}", printed);                      // an unprivileged user of its own, not root
        Assert.DoesNotContain("env COURSEKIT", printed);
    }

    [Fact]
    public void The_child_can_write_only_its_private_tmp_and_reach_no_network()
    {
        string escape = Path.Combine(Repo.TempFolder("sandbox-escape"), "escaped.txt");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var result = Check(nameof(The_child_can_write_only_its_private_tmp_and_reach_no_network), null,
            $"try {{ System.IO.File.WriteAllText(\"{escape}\", \"x\"); Console.WriteLine(\"ESCAPED\"); }} catch (Exception e) {{ Console.WriteLine(\"write refused \" + e.GetType().Name); }}",
            "System.IO.File.WriteAllText(\"/tmp/mine.txt\", \"ok\"); Console.WriteLine(\"tmp \" + System.IO.File.ReadAllText(\"/tmp/mine.txt\"));",
            $"try {{ new System.Net.Sockets.TcpClient().Connect(\"127.0.0.1\", {port}); Console.WriteLine(\"CONNECTED\"); }} catch (Exception e) {{ Console.WriteLine(\"no network \" + e.GetType().Name); }}",
            "try { System.IO.File.WriteAllBytes(\"/tmp/big\", new byte[100 << 20]); Console.WriteLine(\"BIG FILE\"); } catch (Exception e) { Console.WriteLine(\"file limit \" + e.GetType().Name); }");
        string printed = Printed(result);
        Assert.False(File.Exists(escape));
        Assert.Contains("write refused", printed);
        Assert.Contains("tmp ok", printed);
        Assert.Contains("no network", printed);
        Assert.False(listener.Pending());
        Assert.DoesNotContain("BIG FILE", printed);
    }

    [Fact]
    public void Nothing_the_child_starts_outlives_it_nor_holds_the_grader()
    {
        var clock = Stopwatch.StartNew();
        var result = Check(nameof(Nothing_the_child_starts_outlives_it_nor_holds_the_grader), TimeSpan.FromSeconds(90),
            "System.Diagnostics.Process.Start(\"/bin/sh\", \"-c 'setsid sleep 977 < /dev/null > /dev/null 2>&1 &'\").WaitForExit();",
            "System.Diagnostics.Process.Start(\"/bin/sleep\", \"978\");",   // inherits the event pipe and holds it
            "AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Out.WriteLine(\"{\\\"event\\\":\\\"done\\\"}\");",
            "new Thread(() => Thread.Sleep(-1)).Start();");
        Assert.True((bool)result["done"]!, Printed(result));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(80), $"{clock.Elapsed}");
        Assert.Null(result["violation"]);
        Thread.Sleep(1000);
        var left = Directory.EnumerateDirectories("/proc").Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")); } catch (IOException) { return ""; } })
            .Where(IsOneOfTheSleeps).ToList();
        Assert.Empty(left);
    }

    // A process the child started: an argument that is exactly 977 or 978 (the sleeps), or a shell line running one.
    // Not a substring of the whole command line: in a fresh-clone CI run a test host running beside this one
    // (dotnet exec --runtimeconfig …, whose arguments carry ports, process ids and paths) matched, a survivor that
    // was not the child's.
    private static bool IsOneOfTheSleeps(string cmdline) =>
        cmdline.Split('\0').Any(arg => arg is "977" or "978" || arg.Contains("sleep 977", StringComparison.Ordinal) || arg.Contains("sleep 978", StringComparison.Ordinal));

    [Fact]
    public void A_flood_on_the_event_channel_is_cut_off_as_broken_with_bounded_memory()
    {
        var result = Check(nameof(A_flood_on_the_event_channel_is_cut_off_as_broken_with_bounded_memory), null,
            "var raw = Console.OpenStandardOutput(); var chunk = new byte[1 << 20]; Array.Fill(chunk, (byte)'x'); for (int i = 0; i < 64; i++) raw.Write(chunk);");
        Assert.Contains("a line longer than", (string)result["violation"]!);
        Assert.False((bool)result["done"]!);
    }

    [Fact]
    public void The_user_sandbox_runs_as_another_user_that_cannot_read_protected_files_and_leaves_nothing_behind()
    {
        string secret = Path.Combine(Repo.TempFolder("sandbox-user-secret"), "secret.txt");
        File.WriteAllText(secret, Marker);
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);   // as the solution and the seed file must be
        var result = Check(nameof(The_user_sandbox_runs_as_another_user_that_cannot_read_protected_files_and_leaves_nothing_behind), "user", TimeSpan.FromSeconds(90),
            $"try {{ Console.WriteLine(System.IO.File.ReadAllText(\"{secret}\")); }} catch (Exception e) {{ Console.WriteLine(\"read refused \" + e.GetType().Name); }}",
            "foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) Console.WriteLine($\"env {e.Key}={e.Value}\");",
            "Console.WriteLine($\"uid {System.IO.File.ReadAllText(\"/proc/self/status\").Split('\\n').First(l => l.StartsWith(\"Uid\"))}\");",
            "System.Diagnostics.Process.Start(\"/bin/sh\", \"-c 'setsid sleep 979 < /dev/null > /dev/null 2>&1 &'\").WaitForExit();");
        string printed = Printed(result);
        Assert.Contains("another user", (string)result["sandbox"]!);
        Assert.True((bool)result["done"]!, printed);
        Assert.Contains("read refused UnauthorizedAccessException", printed);
        Assert.DoesNotContain(Marker, printed);
        Assert.Matches("Uid:\\\\t6[0-9]{4}", printed);
        Thread.Sleep(1000);
        Assert.DoesNotContain(Directory.EnumerateDirectories("/proc"), d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Contains("979", StringComparison.Ordinal); } catch (IOException) { return false; } });
    }
}
