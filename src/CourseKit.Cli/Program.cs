using System.CommandLine;
using CourseKit.Cli.Bench;
using CourseKit.Cli.Grade;
using CourseKit.Cli.Release;
using CourseKit.Cli.Run;
using CourseKit.Cli.Site;
using CourseKit.Cli.Studies;

namespace CourseKit.Cli;

/// <summary>The <c>coursekit</c> tool. Verbs: run, release, grade, site, bench, study.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("CourseKit: run, grade and benchmark the course on tuning, BatchNorm and softmax.")
        {
            RunCommand.Create(),
            ReleaseCommand.Create(),
            BenchCommand.Create(),
            SiteCommand.Create(),
            GradeCommand.Create(),
            GradeOneCommand.Create(),
            StudyCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
