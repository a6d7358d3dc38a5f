using CourseKit.Interactive.Grading;

namespace CourseKit.Interactive.Tests.Grading;

public class ThreadCensusTests
{
    [Fact]
    public void This_process_is_counted_against_three_quarters_of_its_limit()
    {
        var census = ThreadCensus.ForThisProcess();
        int count = census.Count();
        Assert.InRange(count, 1, census.Bound);   // the test host's own threads, far from any limit
        Assert.True(census.Bound >= 16, $"bound {census.Bound}");
        if (census.Uid is null) Assert.Equal(ThreadCensus.DefaultLimit * 3 / 4, census.Bound);   // root, or no limit: the sandbox's default
    }

    [Fact]
    public void Threads_left_running_past_the_bound_ran_away_and_threads_that_end_with_the_cell_did_not()
    {
        var ownThreads = new ThreadCensus(0, null);
        int before = ownThreads.Count();
        var census = new ThreadCensus(before + 20, null);
        using var release = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, 40).Select(_ => new Thread(() => release.Wait()) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        int after = census.Count();
        Assert.True(after >= before + 40, $"{before} → {after}");
        Assert.True(census.RanAway(before, after));
        Assert.False(census.RanAway(census.Bound + 1, after));   // already past the bound before: not this cell's doing
        release.Set();
        threads.ForEach(t => t.Join());
        Assert.False(census.RanAway(before, after));   // they ended within the settling time
    }
}
