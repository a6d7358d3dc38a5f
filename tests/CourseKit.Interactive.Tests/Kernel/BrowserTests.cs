using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Kernel;

/// <summary>A learner's session in Jupyter Notebook in headless Chromium with CourseKit's kernel (tests/kernel/browser.py).</summary>
[Collection(JupyterEndToEnd.Name)]
[Trait("Category", "Slow")]
public class BrowserTests
{
    [Fact]
    public void Learner_solves_the_first_exercise_sees_a_chart_and_interrupts_a_loop_in_jupyter_in_chromium()
    {
        string data = PythonClient.InstallKernel("browser-kernel");
        string student = Directory.GetFiles(Path.Combine(Repo.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .First(f => Path.GetFileName(f).StartsWith("08-", StringComparison.Ordinal));
        string solution = Path.Combine(Repo.Root, "notebooks", "solutions", Path.GetFileName(student));
        string screenshots = Path.Combine(Repo.Root, "artifacts", "screenshots", "browser");

        var run = PythonClient.Run(data, TimeSpan.FromMinutes(20), "tests/kernel/browser.py", student, solution, "--screenshots", screenshots);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("browser: ok", run.Output);
        foreach (string shot in new[] { "1-check-passed.png", "2-chart.png", "3-interrupted.png", "4-after-interrupt.png" })
            Assert.True(new FileInfo(Path.Combine(screenshots, shot)).Length > 10_000, $"{shot}: expected a screenshot");
    }
}
