using CourseKit.Interactive.Grading;

namespace CourseKit.Interactive.Tests.Grading;

public class ThreadCensusTests
{
    [Fact]
    public void This_process_is_measured_with_its_own_limits()
    {
        var census = ThreadCensus.ForThisProcess();
        var now = census.Take();
        Assert.True(now.Threads >= 1 && now.Tasks >= now.Threads, $"{now}");
        if (OperatingSystem.IsLinux()) Assert.True(now.AddressBytes > 0, $"{now}");
        if (Environment.IsPrivilegedProcess) Assert.Null(census.TaskLimit);   // the kernel does not limit root's processes
    }

    [Fact]
    public void Threads_left_running_with_too_few_free_ran_away_and_threads_that_end_with_the_cell_did_not()
    {
        var before = new ThreadCensus(null, null, null).Take();
        var census = new ThreadCensus(before.Tasks + 40, null, null);   // a limit 40 threads away: this process's threads count
        using var release = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, 40).Select(_ => new Thread(() => release.Wait()) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        var after = census.Take();
        Assert.True(census.RanAway(before, before, after), $"{before} → {after}");
        Assert.False(new ThreadCensus(before.Tasks + 4000, null, null).RanAway(before, before, after));   // plenty left
        Assert.False(census.RanAway(before, after, after));   // the cell left no threads: not its doing
        release.Set();
        threads.ForEach(t => t.Join());
        Assert.False(census.RanAway(before, before, after));   // they ended within the settling time
    }

    [Fact]
    public void Threads_whose_stacks_take_the_address_space_ran_away()
    {
        var census = new ThreadCensus(null, 10_000L << 20, null);
        var start = new ResourceUse(10, 10, 6_000L << 20);   // 4,000 MB free at the start
        Assert.True(census.Starves(start, start, start with { Threads = 200, Tasks = 200, AddressBytes = 9_100L << 20 }));
        Assert.False(census.Starves(start, start, start with { Threads = 200, Tasks = 200, AddressBytes = 8_000L << 20 }));
        Assert.False(census.Starves(start, start, start with { Threads = 12, Tasks = 12, AddressBytes = 9_900L << 20 }));   // memory, not threads
    }
}
