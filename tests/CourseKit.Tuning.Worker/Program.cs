using System.Globalization;
using CourseKit.Tuning;

// The worker the tuning tests start as separate OS processes (and, for PostgreSQL, in separate network namespaces).
// Usage: CourseKit.Tuning.Worker <storage-url> <study> <trials> <run|hang> [lag] [--sampler random|tpe|grid]
//            [--sleep-ms N] [--retries N] [--heartbeat-timeout-s S]
//   run:  joins (or creates) the study and runs <trials> trials of a cheap objective, printing "DONE <numbers>".
//   hang: starts one trial, reports a value, prints "RUNNING <number>" and waits forever (the test kills it).
string url = args[0], name = args[1], mode = args[3];
int trials = int.Parse(args[2], CultureInfo.InvariantCulture);
int lag = args.Length > 4 && !args[4].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
string Option(string key, string fallback) => Array.IndexOf(args, key) is int i and >= 0 ? args[i + 1] : fallback;
int sleepMs = int.Parse(Option("--sleep-ms", "5"), CultureInfo.InvariantCulture);
ISampler sampler = Option("--sampler", "random") switch
{
    "tpe" => new TpeSampler(),
    "grid" => new GridSampler(new SearchSpace().Float("x", -1, 1).Float("y", -1, 1), pointsPerAxis: 10),
    _ => new RandomSampler(),
};
using var storage = StudyStorage.Open(url);
var study = Study.CreateOrLoad(name, storage, Direction.Minimize, sampler, seed: 7);
study.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
study.HeartbeatTimeout = TimeSpan.FromSeconds(double.Parse(Option("--heartbeat-timeout-s", "15"), CultureInfo.InvariantCulture));
study.MaxRetries = int.Parse(Option("--retries", "0"), CultureInfo.InvariantCulture);
if (mode == "hang")
{
    var trial = study.Ask();
    trial.Float("x", -1, 1);
    trial.Float("y", -1, 1);
    trial.Report(0, 1.0);
    Console.WriteLine($"RUNNING {trial.Number}");
    Console.Out.Flush();
    Thread.Sleep(Timeout.Infinite);
}
var done = study.Optimize(t =>
{
    double x = t.Float("x", -1, 1), y = t.Float("y", -1, 1);
    for (int step = 0; step < 3; step++) t.Report(step, x * x + y * y + step);
    Thread.Sleep(sleepMs);
    return x * x + y * y;
}, trials, new OptimizeOptions { Lag = lag });
Console.WriteLine("DONE " + string.Join(",", done.Select(t => t.Number)));
