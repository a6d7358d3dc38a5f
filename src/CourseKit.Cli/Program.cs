using System.CommandLine;
using CourseKit.Cli.Autograder;
using CourseKit.Cli.Bench;
using CourseKit.Cli.Export;
using CourseKit.Cli.Grade;
using CourseKit.Cli.Kernel;
using CourseKit.Cli.Release;
using CourseKit.Cli.Run;
using CourseKit.Cli.Site;
using CourseKit.Cli.Studies;
using CourseKit.Interactive.Kernel;

namespace CourseKit.Cli;

/// <summary>The <c>coursekit</c> tool. Verbs: run, release, grade, autograder, site, bench, study, kernel, export.</summary>
public static class Program
{
    private const string Description = "CourseKit: run, grade and benchmark the course on tuning, BatchNorm and softmax.";

    public static int Main(string[] args)
    {
        StartupTrace.Mark("Main");
        // A kernel that Jupyter starts begins loading Roslyn before anything else, so the first cell finds it warm.
        if (KernelWarmUp.IsKernelStart(args))
        {
            var log = new KernelLog(Console.Error);
            // Before the warm-up: the saved profile's methods are compiled on the other core ahead of its first compile.
            KernelJitProfile.Start(log);
            KernelWarmUp.Start(log, then: ChartWarmUp.Run);
            // Only the kernel verb is built: the others' options and the types they name would cost a starting kernel
            // time on the path to its first reply, and `kernel -f FILE` parses the same with or without them.
            return new RootCommand(Description) { KernelCommand.Create() }.Parse(args).Invoke();
        }
        var root = new RootCommand(Description)
        {
            RunCommand.Create(),
            ReleaseCommand.Create(),
            BenchCommand.Create(),
            SiteCommand.Create(),
            GradeCommand.Create(),
            GradeChildCommand.Create(),
            AutograderCommand.Create(),
            SandboxCheckCommand.Create(),
            StudyCommand.Create(),
            KernelCommand.Create(),
            ExportCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
