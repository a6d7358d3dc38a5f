using CourseKit.Kernels;

namespace CourseKit.Tests.Kernels;

/// <summary>The GEMM threads' team and spinning barrier: every phase holds all threads, and a failure frees the rest.</summary>
public class GemmTeamTests
{
    [Fact]
    public void The_barrier_holds_every_thread_until_all_have_arrived_in_each_phase()
    {
        const int threads = 3, phases = 300;
        var barrier = new SpinBarrier(threads);
        var arrived = new int[phases];
        for (int repeat = 0; repeat < 3; repeat++)
        {
            Array.Clear(arrived);
            GemmTeam.Run(threads, _ =>
            {
                for (int p = 0; p < phases; p++)
                {
                    Interlocked.Increment(ref arrived[p]);
                    barrier.SignalAndWait();
                    if (Volatile.Read(ref arrived[p]) != threads) throw new InvalidOperationException($"phase {p}: left the barrier before all arrived");
                }
            });
        }
    }

    [Fact]
    public void A_failing_thread_frees_the_others_from_the_barrier_and_its_exception_is_reported()
    {
        var barrier = new SpinBarrier(3);
        var ex = Assert.Throws<AggregateException>(() => GemmTeam.Run(3, i =>
        {
            try
            {
                if (i == 1) throw new InvalidOperationException("boom");
                barrier.SignalAndWait();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                barrier.Cancel();
                throw;
            }
        }));
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        // The team's workers are free again: the next product runs.
        int ran = 0;
        GemmTeam.Run(3, _ => Interlocked.Increment(ref ran));
        Assert.Equal(3, ran);
    }
}
