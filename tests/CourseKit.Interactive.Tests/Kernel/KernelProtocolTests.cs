using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Kernel;

/// <summary>CourseKit's kernel against real Jupyter clients (tests/kernel/*.py).</summary>
[Collection(JupyterEndToEnd.Name)]
[Trait("Category", "Slow")]
public class KernelProtocolTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Fact]
    public void Jupyter_kernel_test_passes_with_csharp_samples_for_every_message_type_it_covers()
    {
        string data = PythonClient.InstallKernel(nameof(Jupyter_kernel_test_passes_with_csharp_samples_for_every_message_type_it_covers));

        var run = PythonClient.Run(data, Limit, "-m", "unittest", "-v", "tests/kernel/test_conformance.py");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Ran 12 tests", run.Output);
        Assert.Contains("OK (skipped=1)", run.Output); // the pager: C# has no pager payload
    }

    [Fact]
    public void Interrupts_stdin_display_updates_output_limits_bad_messages_crashes_and_shutdown_behave_as_a_frontend_expects()
    {
        string data = PythonClient.InstallKernel(nameof(Interrupts_stdin_display_updates_output_limits_bad_messages_crashes_and_shutdown_behave_as_a_frontend_expects));

        var run = PythonClient.Run(data, Limit, "-m", "unittest", "-v", "tests/kernel/test_behaviour.py");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Ran 13 tests", run.Output);
    }
}
