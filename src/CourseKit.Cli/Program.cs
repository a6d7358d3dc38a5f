using System.CommandLine;
using CourseKit.Cli.Bench;

namespace CourseKit.Cli;

/// <summary>The <c>coursekit</c> tool. Verbs: bench (more arrive with the notebook engine: run, grade, release, site).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("CourseKit: run, grade and benchmark the course on tuning, BatchNorm and softmax.")
        {
            BenchCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
