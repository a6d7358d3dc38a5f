using CourseKit.Interactive.Kernel;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Kernel;

/// <summary>
/// The kernel's multicore JIT profile (<see cref="KernelJitProfile"/>): saved whole by a start that ran a cell, played
/// back by the next, and never a reason for a start to fail. Kernels are started by scripts/record-kernel-jit-profile.py
/// (jupyter_client; one cell, then a graceful shutdown), as scripts/setup.sh does.
/// </summary>
[Collection(JupyterEndToEnd.Name)]
[Trait("Category", "Slow")]
public class KernelJitProfileTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    // The runtime's profile format (multicorejitimpl.h): a 64-byte header record, then module and method records.
    private const int HeaderRecordId = (1 << 24) | 64, ProfileVersion = 102, HeaderBytes = 64;

    [Fact]
    public void A_start_that_runs_a_cell_saves_its_profile_whole_and_the_next_start_plays_it_back()
    {
        var (data, folder) = Setup(nameof(A_start_that_runs_a_cell_saves_its_profile_whole_and_the_next_start_plays_it_back));

        Start(data, folder, "1 + 1");
        string profile = Assert.Single(Directory.GetFiles(folder)); // no session file left beside it
        var first = Header(profile);
        Assert.True(first.Methods > 1000, $"expected the methods of a start and its first compile, found {first.Methods}");
        Assert.Equal(0, first.PlayedBack); // nothing was saved before the first start

        Start(data, folder, "var x = 2; x * 3");
        Assert.Equal(profile, Assert.Single(Directory.GetFiles(folder)));
        Assert.True(Header(profile).PlayedBack > 0, "expected the second start to play back the first start's methods");
    }

    [Fact]
    public void A_corrupt_or_truncated_profile_only_costs_the_head_start_and_is_replaced()
    {
        var (data, folder) = Setup(nameof(A_corrupt_or_truncated_profile_only_costs_the_head_start_and_is_replaced));
        Start(data, folder, "1 + 1");
        string profile = Assert.Single(Directory.GetFiles(folder));
        byte[] whole = File.ReadAllBytes(profile);

        File.WriteAllBytes(profile, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray());
        Start(data, folder, "1 + 1");
        Assert.True(Header(profile).Methods > 1000);

        File.WriteAllBytes(profile, whole[..(whole.Length / 2 + 3)]); // cut inside a record
        Start(data, folder, "1 + 1");
        Assert.True(Header(profile).Methods > 1000);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_start_that_ends_before_running_a_cell_or_with_profiles_off_writes_nothing()
    {
        var (data, folder) = Setup(nameof(A_start_that_ends_before_running_a_cell_or_with_profiles_off_writes_nothing));

        Start(data, folder, ""); // an empty cell compiles nothing: the recording is thrown away at shutdown
        Assert.Empty(Directory.GetFiles(folder));
        var refused = CoursekitProcess.Run(new Dictionary<string, string> { [KernelJitProfile.Variable] = folder }, "kernel", "-f", Path.Combine(folder, "missing.json"));
        Assert.Equal(2, refused.ExitCode); // a kernel that exits at once, refusing its connection file
        Assert.Empty(Directory.GetFiles(folder));

        string cache = Path.Combine(Path.GetDirectoryName(folder)!, "xdg-cache");
        var off = new Dictionary<string, string> { [KernelJitProfile.Variable] = "0", ["XDG_CACHE_HOME"] = cache };
        var run = PythonClient.Run(data, Limit, off, "scripts/record-kernel-jit-profile.py", "--code", "1 + 1");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFileSystemEntries(cache).Any(), $"expected nothing under {cache}");
    }

    private static (string Data, string Folder) Setup(string test)
    {
        string data = PythonClient.InstallKernel(test);
        string folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(data)!)!, "jit-profile"); // beside share/jupyter
        Directory.CreateDirectory(folder);
        return (data, folder);
    }

    private static void Start(string data, string folder, string code)
    {
        var environment = new Dictionary<string, string> { [KernelJitProfile.Variable] = folder };
        var run = PythonClient.Run(data, Limit, environment, "scripts/record-kernel-jit-profile.py", "--code", code);
        Assert.True(run.ExitCode == 0, run.Output);
    }

    // The header's counts, and how many methods the start that wrote it played back from the profile before it
    // (the runtime keeps its playback statistics in the header: the first of its 16-bit counters).
    private static (int Methods, int PlayedBack) Header(string profile)
    {
        byte[] bytes = File.ReadAllBytes(profile);
        Assert.True(bytes.Length > HeaderBytes, $"{profile}: {bytes.Length} bytes, expected more than the {HeaderBytes}-byte header");
        Assert.Equal(HeaderRecordId, BitConverter.ToInt32(bytes, 0));
        Assert.Equal(ProfileVersion, BitConverter.ToInt32(bytes, 4));
        return (BitConverter.ToInt32(bytes, 16), BitConverter.ToUInt16(bytes, 24));
    }
}
